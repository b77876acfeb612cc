"""Running the Alembic revisions: all or nothing, foreign keys off, checked after.

SQLite alters a table by copying it, dropping the old one and renaming the copy (Alembic's
batch mode). With ``PRAGMA foreign_keys = ON`` the drop cascades into every table that
points at it, so an upgrade would delete rows it meant to keep. SQLite's own procedure for
table rebuilds is followed for every revision, present and future:

1. ``PRAGMA foreign_keys = OFF`` (it cannot change inside a transaction);
2. ``BEGIN`` explicitly, so the DDL is in the transaction too (the Python driver would
   otherwise commit each CREATE and DROP on its own);
3. run the revisions;
4. ``PRAGMA foreign_key_check``: any row pointing at nothing rolls everything back;
5. ``COMMIT``, and foreign keys on again.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import NullPool

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.wording import count
from factcheck_gui.storage import fulltext

MIGRATIONS = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)


class MigrationFailed(UserError):
    """An upgrade was rolled back; the database is as it was before it."""


def alembic_config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    revision = scripts().get_current_head()
    assert revision is not None, "there are no migrations"
    return revision


def revisions() -> list[str]:
    """Every revision, oldest first."""
    return [r.revision for r in reversed(list(scripts().walk_revisions()))]


def is_known(revision: str) -> bool:
    try:
        return scripts().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(
    engine: Engine, target: str = "heads", *, before: Callable[[str], None] | None = None
) -> bool:
    """Bring the database behind ``engine`` to ``target`` in one transaction.

    ``before(current_revision)`` runs first when there is an older schema to upgrade (the
    caller makes its backup there). Returns True when something was upgraded. Raises
    ``MigrationFailed`` (everything rolled back) when the result breaks a foreign key.
    """
    wanted = head() if target == "heads" else target
    fulltext.require_fts5()  # before anything: a database at head needs it for every write
    if engine.url.database in (None, "", ":memory:"):  # a new private database: nothing to keep
        with engine.begin() as connection:
            if current_revision(connection) == wanted:
                return False
            command.upgrade(alembic_config(connection), target)
            fulltext.repair(connection)
        return True
    with _migration_connection(engine) as connection:
        current = current_revision(connection)
        connection.commit()  # end the read; the upgrade gets a transaction of its own
        if current == wanted:
            return False
        if current is not None and before is not None:
            before(current)
        with connection.begin():
            before_upgrade = _broken_references(connection)
            command.upgrade(alembic_config(connection), target)
            fulltext.repair(connection)  # a rebuilt table lost its triggers: put them back
            broken = _broken_references(connection) - before_upgrade
            if broken:
                tables = sorted({table for table, _parent in broken.elements()})
                raise MigrationFailed(
                    f"the upgrade from {current or 'nothing'} was stopped and undone: "
                    f"{count(sum(broken.values()), 'row')} in {', '.join(tables)} would point at "
                    "missing rows; the database is as it was"
                )
            if before_upgrade:  # an old dangling reference is not the upgrade's doing
                log.warning(
                    "references that pointed at nothing before the upgrade: %s",
                    dict(before_upgrade),
                )
    return True


def _broken_references(connection: Connection) -> Counter[tuple[str, str]]:
    """How many rows of each table point at missing rows of each parent (rowids may change
    when a table is rebuilt, so rows are counted, not named)."""
    rows = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    return Counter((str(row[0]), str(row[2])) for row in rows)


@contextlib.contextmanager
def _migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection of its own on the same database, in SQLite's table-rebuild mode."""
    migrating = create_engine(engine.url, poolclass=NullPool)

    @event.listens_for(migrating, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver leaves BEGIN and COMMIT to us
        dbapi_connection.execute("PRAGMA foreign_keys = OFF")

    @event.listens_for(migrating, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    try:
        with migrating.connect() as connection:
            yield connection
    finally:
        migrating.dispose()  # foreign keys stay off only on this engine's connection
