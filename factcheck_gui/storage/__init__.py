"""Tables, engine set-up, migrations and the queries behind the services."""
