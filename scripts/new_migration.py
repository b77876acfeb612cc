"""Write a new Alembic revision by comparing the tables with the newest schema.

python scripts/new_migration.py "add figure fields"
"""

import sys

from alembic import command
from sqlalchemy import create_engine

from factcheck_gui.storage.database import alembic_config


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        config = alembic_config(connection)
        command.upgrade(config, "head")
        command.revision(config, message=sys.argv[1], autogenerate=True)


if __name__ == "__main__":
    main()
