"""Opening the database: checks before any write, engine set-up, upgrades, backups.

Everything specific to SQLite lives in ``storage``; queries elsewhere go through SQLAlchemy
so a PostgreSQL URL can follow. Opening a file goes:

1. ``sqlite_file.examine`` reads it read-only: is it SQLite, is it ours, is its revision
   known, does ``PRAGMA quick_check`` pass. A refused file is left byte for byte as it was;
   a damaged one (or an empty one) is moved aside, never overwritten or deleted.
2. Only then is it opened for writing (WAL, foreign keys on).
3. An older schema is backed up (verified) and upgraded in one transaction by
   ``migrate.upgrade``; an upgrade that fails is rolled back and the backup kept.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from factcheck_gui.domain.errors import StorageFailure, UserError
from factcheck_gui.storage import backups
from factcheck_gui.storage.backups import BACKUP_FOLDER, DEFAULT_KEEP, Backup
from factcheck_gui.storage.failures import storage_failure
from factcheck_gui.storage.migrate import (
    MigrationFailed,
    alembic_config,
    current_revision,
    head,
    is_known,
    upgrade,
)
from factcheck_gui.storage.sqlite_file import (
    DatabaseDamaged,
    DatabaseRefused,
    DatabaseTooNew,
    Examined,
    examine,
    fingerprint,
    move_aside,
    set_aside_leftovers,
)

__all__ = [
    "DB_FILENAME",
    "Database",
    "DatabaseDamaged",
    "DatabaseRefused",
    "DatabaseTooNew",
    "NeedsChange",
    "alembic_config",
    "open_database",
    "open_memory_database",
    "schema_revision",
]

log = logging.getLogger(__name__)
DB_FILENAME = "factcheck.sqlite3"
KEEP_SETTING = "backups_kept"
# How long a write waits for another writer before it is reported as not saved: long
# enough for a background import to commit, short enough not to freeze the window long.
BUSY_TIMEOUT_MS = 2000


class Database:
    """One open database: hands out sessions, each a single committed transaction."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        # An in-memory database is one connection shared by every thread: one transaction
        # at a time (a file has a connection per thread, and WAL lets readers run beside).
        self._one_at_a_time = threading.RLock() if path is None else None
        self.existed = False  # the file was there before this start (not made new)
        self.fingerprint_at_open: list[int] | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed when the block ends, or rolled back on error.

        A driver error (locked, disk full, read-only, disk error) becomes one
        ``StorageFailure`` that says what to do; nothing of the block is stored.
        """
        try:
            with (
                self._one_at_a_time or contextlib.nullcontext(),
                Session(self.engine, expire_on_commit=False) as session,
                session.begin(),
            ):
                yield session
        except DBAPIError as error:
            if not _is_storage_error(error.orig):
                raise  # an IntegrityError or a programming error is a bug, not the disk
            raise storage_failure(error, self.path) from error

    def close(self) -> None:
        self.engine.dispose()

    # -- backups ------------------------------------------------------------------------------
    @property
    def backup_folder(self) -> Path | None:
        return self.path.parent / BACKUP_FOLDER if self.path is not None else None

    def backups_kept(self) -> int:
        """How many backups to keep (the ``backups_kept`` setting, else 10)."""
        with contextlib.suppress(DBAPIError, ValueError, TypeError):
            with self.engine.connect() as connection:
                value = connection.execute(
                    text("SELECT value FROM setting WHERE key = :key"), {"key": KEEP_SETTING}
                ).scalar()
            if value is not None:
                return max(1, int(value))
        return DEFAULT_KEEP

    def backup(self, reason: str, *, protect: frozenset[Path] = frozenset()) -> Backup | None:
        """A verified copy of the database as it is now (None for an in-memory one)."""
        folder = self.backup_folder
        if folder is None:
            return None
        raw = self.engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            return backups.make_backup(
                source, folder, reason, keep=self.backups_kept(), protect=protect
            )
        finally:
            raw.close()

    def backup_if_changed(self) -> Backup | None:
        """At start: a backup when the data changed since the last one (None otherwise)."""
        folder = self.backup_folder
        if folder is None or not self.existed:
            return None
        if self.fingerprint_at_open == backups.last_fingerprint(folder):
            return None
        made = self.backup("start")
        if made is not None:
            backups.record_fingerprint(folder, self.fingerprint_at_open, made)
        return made

    def restore(self, chosen: Backup) -> Backup | None:
        """Replace the data with ``chosen``'s, after backing up the current state (returned)."""
        problem = backups.check_backup(chosen.path)
        if problem is not None:
            raise UserError(f"the backup {chosen.id} cannot be restored: {problem}")
        held = backups.contents(chosen.path)
        if held is None or (held.revision is not None and not is_known(held.revision)):
            raise UserError(
                f"the backup {chosen.id} is not a factcheck database this version can read"
            )
        safety = self.backup("before-restore", protect=frozenset({chosen.path}))
        raw = self.engine.raw_connection()
        try:
            target = raw.driver_connection
            assert isinstance(target, sqlite3.Connection)
            try:
                backups.copy_into(chosen.path, target)
            except sqlite3.DatabaseError as error:
                raise storage_failure(error, self.path, action="Not restored") from None
        finally:
            raw.close()
        self.engine.dispose()  # no pooled connection keeps a view of the old data
        _upgrade(self)
        return safety


def _is_storage_error(error: BaseException | None) -> bool:
    """Locked, full, read-only, I/O, damaged: the disk's problems, not the program's."""
    bugs = sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(error, bugs)


class NeedsChange(UserError):
    """Opening would change the folder (create, upgrade, or move a damaged file aside), and
    the caller may only read (another process owns the folder)."""


def open_database(data_dir: Path, *, may_change: bool = True) -> Database:
    """Open the database in ``data_dir``, creating or upgrading it (or moving a damaged one
    aside) unless ``may_change`` is False: then such a database raises ``NeedsChange``."""
    path = data_dir / DB_FILENAME
    if may_change:
        _prepare_folder(data_dir)
    examined = examine(path, known=is_known)
    if not may_change:
        _check_ready(path, examined)
    if examined.damage is not None:
        raise _damaged(path, examined.damage)
    if not examined.exists:
        for leftover in set_aside_leftovers(path):
            log.warning("a journal without its database was moved aside: %s", leftover)
    before = fingerprint(path) if examined.exists else None
    db = Database(_file_engine(path), path)
    db.existed, db.fingerprint_at_open = examined.exists, before
    try:
        _upgrade(db)
    except BaseException:
        db.close()
        raise
    return db


def _check_ready(path: Path, examined: Examined) -> None:
    """Only read: the database must be there, intact and at the newest revision."""
    if not examined.exists:
        raise NeedsChange(f"there is no database in {path.parent} yet")
    if examined.damage is not None:
        raise NeedsChange(f"{path} is damaged ({examined.damage})")
    if examined.revision != head():
        raise NeedsChange(f"{path} must be upgraded to this version first")


def _upgrade(db: Database) -> None:
    """The newest schema, after a verified backup when there is older data to upgrade."""
    made: list[Backup] = []

    def back_up(revision: str) -> None:
        copy = db.backup(f"before-upgrade-from-{revision}")
        if copy is not None:
            made.append(copy)

    try:
        upgrade(db.engine, before=back_up)
    except MigrationFailed as error:
        kept = f"; the copy made before it is {made[0].path}" if made else ""
        raise MigrationFailed(f"{db.path}: {error}{kept}") from None
    except DBAPIError as error:
        raise storage_failure(error, db.path, action=f"Cannot open {db.path}") from None


def _damaged(path: Path, reason: str) -> DatabaseDamaged:
    moved = move_aside(path)
    folder = path.parent / BACKUP_FOLDER
    found = backups.list_backups(folder)
    if found:
        what = (
            f"restore a backup with `factcheck backup restore ID` (`factcheck backup list` "
            f"shows the {len(found)} in {folder}), or start the window to be offered the newest"
        )
    else:
        what = (
            f"there are no backups in {folder}; start again to begin a new database "
            "(with the sample batch, unless --no-samples)"
        )
    return DatabaseDamaged(
        f"{path} is damaged ({reason}); it was moved aside to {moved.name}: {what}",
        reason=reason,
        moved_to=moved,
    )


def open_memory_database() -> Database:
    """A private in-memory database at the newest schema (tests and benchmarks)."""
    from sqlalchemy.pool import StaticPool

    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    _configure_sqlite(engine)
    upgrade(engine)
    return Database(engine)


def _file_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    _configure_sqlite(engine)
    return engine


def _prepare_folder(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise StorageFailure(
                f"Cannot open {data_dir}: the disk is full; free some space and start again.",
                kind="full",
            ) from None
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


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)
