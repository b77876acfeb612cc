"""Opening the database: engine set-up, schema migrations, backups.

Everything specific to SQLite lives here; queries elsewhere go through SQLAlchemy
so a PostgreSQL URL can follow.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlmodel import Session

from factcheck_gui.domain.errors import UserError
from factcheck_gui.storage.failures import storage_failure

DB_FILENAME = "factcheck.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")
# How long a write waits for another writer before it is reported as not saved: long
# enough for a background import to commit, short enough not to freeze the window long.
BUSY_TIMEOUT_MS = 2000


class DatabaseTooNew(UserError):
    pass


class Database:
    """One open database: hands out sessions, each a single committed transaction."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed when the block ends, or rolled back on error.

        A driver error (locked, disk full, read-only, disk error) becomes one
        ``StorageFailure`` that says what to do; nothing of the block is stored.
        """
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except DBAPIError as error:
            if not isinstance(error.orig, sqlite3.OperationalError | sqlite3.DatabaseError):
                raise  # an IntegrityError or a programming error is a bug, not the disk
            raise storage_failure(error, self.path) from error

    def close(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path) -> Database:
    """Open (creating or upgrading) the database in ``data_dir``."""
    path = data_dir / DB_FILENAME
    _prepare_folder(data_dir)
    engine = create_engine(f"sqlite:///{path}")
    _configure_sqlite(engine)
    try:
        migrate(engine, backup_dir=data_dir / "backups")
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        reason = str(error.orig) if getattr(error, "orig", None) else str(error)
        raise UserError(
            f"{path} cannot be opened as a factcheck database ({reason}); "
            "move the file away or choose another folder with --data-dir"
        ) from error
    except UserError:
        engine.dispose()
        raise
    return Database(engine, path)


def open_memory_database() -> Database:
    """A private in-memory database at the newest schema (tests and benchmarks)."""
    from sqlalchemy.pool import StaticPool

    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    _configure_sqlite(engine)
    migrate(engine, backup_dir=None)
    return Database(engine)


def _prepare_folder(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise UserError(
            f"cannot write to the data folder {data_dir} ({error.strerror or error}); "
            "choose a writable folder with --data-dir or FACTCHECK_DATA_DIR"
        ) from error


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if engine.url.database:  # a file, not :memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()


def alembic_config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine, *, backup_dir: Path | None) -> None:
    """Bring the schema to the newest revision; back up first when upgrading old data."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names())
    if current == head:
        return
    if current is None and tables - {"alembic_version"}:
        raise UserError(
            f"{engine.url.database} holds tables of another program; "
            "move it away or choose another folder with --data-dir"
        )
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError:
            raise DatabaseTooNew(
                f"{engine.url.database} was written by a newer version of factcheck-gui; "
                "upgrade the app, or choose another folder with --data-dir"
            ) from None
        if backup_dir is not None:
            backup_sqlite(engine, backup_dir / _backup_name(current))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def _backup_name(revision: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{Path(DB_FILENAME).stem}-before-upgrade-from-{revision}-{stamp}.sqlite3"


def backup_sqlite(engine: Engine, destination: Path) -> Path:
    """Copy a live SQLite database with its online backup API (consistent under WAL)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        with contextlib.closing(sqlite3.connect(destination)) as target:
            source.backup(target)
    finally:
        raw.close()
    return destination
