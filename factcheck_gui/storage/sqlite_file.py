"""Looking at a database file before it is opened for writing, and moving a damaged one aside.

Everything here reads the file through a read-only connection, so a file that is refused
(another program's database, one from a newer app, a damaged one) is left byte for byte as
it was; the only change ever made is renaming a damaged file out of the way.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factcheck_gui.domain.errors import StorageFailure, UserError
from factcheck_gui.storage.failures import storage_failure

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside a database
_DAMAGE_WORDS = ("malformed", "not a database", "encrypted", "corrupt")


class DatabaseRefused(UserError):
    """The file is not one this app may open (another program's, a newer app's); untouched."""


class DatabaseTooNew(DatabaseRefused):
    """Written by a newer version of the app (Anki's FileTooNew); never modified."""


class DatabaseDamaged(UserError):
    """The file failed SQLite's checks; it was moved aside to ``moved_to``."""

    def __init__(self, message: str, *, reason: str, moved_to: Path) -> None:
        super().__init__(message)
        self.reason = reason
        self.moved_to = moved_to


@dataclass(frozen=True)
class Examined:
    """What a database file holds, read without writing to it."""

    exists: bool
    revision: str | None = None  # the Alembic revision; None for a new or empty file
    damage: str | None = None  # why SQLite's checks failed, if they did


def examine(path: Path, *, known: Callable[[str], bool]) -> Examined:
    """Read ``path`` without writing: is it ours, is its revision ``known``, is it intact.

    Raises ``DatabaseRefused`` for a file that must not be opened (not SQLite, another
    program's tables, a newer app's revision); returns ``damage`` set for one whose content
    is damaged, which the caller moves aside.
    """
    if not path.exists():
        return Examined(exists=False)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseRefused(
            f"{path} cannot be read ({error.strerror}); check its permissions, "
            "or choose another folder with --data-dir"
        ) from None
    if not header:
        return Examined(exists=True, damage="the file is empty (0 bytes)")
    if header != SQLITE_HEADER:
        raise DatabaseRefused(
            f"{path} cannot be opened as a factcheck database (it is not an SQLite file); "
            "move it away or choose another folder with --data-dir"
        )
    try:
        with _read_only(path) as connection:
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            if revision is None and tables - {"alembic_version"}:
                raise DatabaseRefused(
                    f"{path} holds tables of another program; move it away (with any "
                    "-wal and -shm files beside it) or choose another folder with --data-dir"
                )
            if revision is not None and not known(revision):
                raise DatabaseTooNew(
                    f"{path} was written by a newer version of factcheck-gui; "
                    "upgrade the app, or choose another folder with --data-dir"
                )
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        message = str(error)
        if any(word in message.lower() for word in _DAMAGE_WORDS):
            return Examined(exists=True, damage=" ".join(message.split()))
        raise _unreadable(path, error) from None
    if problems != ["ok"]:
        reason = " ".join("; ".join(problems).replace("*** in database main ***", "").split())
        return Examined(exists=True, revision=revision, damage=reason[:300])
    return Examined(exists=True, revision=revision)


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection; the -wal and -shm files it had to make are removed after."""
    before = {suffix for suffix in COMPANIONS if _companion(path, suffix).exists()}
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
    try:
        yield connection
    finally:
        connection.close()
        for suffix in ("-wal", "-shm"):
            made = _companion(path, suffix)
            if suffix not in before and made.exists():
                with contextlib.suppress(OSError):
                    if suffix == "-shm" or made.stat().st_size == 0:
                        made.unlink()


def _unreadable(path: Path, error: sqlite3.Error) -> StorageFailure:
    return storage_failure(error, path, action=f"Cannot open {path}")


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def set_aside_leftovers(path: Path) -> list[Path]:
    """``path`` is missing but its -wal, -shm or -journal are still there (the database was
    moved away without them): rename them as damaged, so SQLite never applies another
    file's journal to a new or restored database, and nothing of them is lost."""
    found = [_companion(path, s) for s in COMPANIONS if _companion(path, s).exists()]
    if not found or path.exists():
        return []
    tag = f".damaged-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}"
    moved = []
    for leftover in found:
        target = leftover.with_name(leftover.name + tag)
        try:
            os.rename(leftover, target)
        except OSError as error:
            raise StorageFailure(
                f"{leftover} was left beside a missing database and cannot be moved aside "
                f"({error.strerror}); move it away yourself, then start again",
                kind="io",
            ) from None
        moved.append(target)
    return moved


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm) to ``NAME.damaged-TIMESTAMP``; never
    overwrite or delete anything. Returns the new path of the database file."""
    now = datetime.now(UTC)
    stamp = f"{now.strftime('%Y%m%dT%H%M%S')}.{now.microsecond // 1000:03d}Z"
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    tag = target.name[len(path.name) :]
    try:
        for suffix in COMPANIONS:
            companion = _companion(path, suffix)
            if companion.exists():
                os.rename(companion, companion.with_name(companion.name + tag))
        os.rename(path, target)
    except OSError as error:
        raise StorageFailure(
            f"{path} is damaged and cannot be moved aside ({error.strerror}); "
            "move it away yourself, then start again",
            kind="io",
        ) from None
    return target


def fingerprint(path: Path) -> list[int] | None:
    """Size and modification time of the file and its -wal: they change when data is written
    (a session that only reads leaves both as they were)."""
    try:
        info = path.stat()
    except OSError:
        return None
    wal = _companion(path, "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return [info.st_size, info.st_mtime_ns, wal_size]
