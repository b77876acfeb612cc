"""Alembic environment: runs on the connection that ``database.migrate`` hands over."""

from alembic import context

from factcheck_gui.storage.tables import SQLModel

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through factcheck_gui.storage.migrate.upgrade")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
