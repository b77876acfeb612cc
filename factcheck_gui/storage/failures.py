"""SQLite's errors as one line for the user: what failed and what to do.

Every transaction goes through ``Database.transaction``, which turns a driver error into a
``StorageFailure`` here, so no screen or command has to recognise SQLite's messages itself.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from factcheck_gui.domain.errors import StorageFailure

# SQLite's messages (sqlite3_errstr) by what the user can do about them.
_KINDS = (
    ("locked", ("database is locked", "database table is locked", "database is busy")),
    ("full", ("database or disk is full", "disk is full")),
    ("readonly", ("readonly database", "read-only", "attempt to write a readonly")),
    ("damaged", ("malformed", "file is not a database", "file is encrypted")),
    ("io", ("disk i/o error", "unable to open database file")),
)


Failure = DBAPIError | sqlite3.Error | OSError
LOW_SPACE = 1024 * 1024  # free bytes below which an I/O error is taken for a full disk


def storage_failure(
    error: Failure, path: Path | None, *, action: str = "Not saved"
) -> StorageFailure:
    """A user-facing failure for ``error`` (a driver error, or an ``OSError`` such as ENOSPC):
    "ACTION: what happened; what to do"."""
    reason = _reason(error)
    kind = _kind(error, reason)
    if kind in ("io", "other") and path is not None and _disk_full(path.parent):
        kind = "full"  # SQLite says "disk I/O error" when it cannot grow its -shm or -wal
    where = str(path) if path is not None else "the database"
    folder = str(path.parent) if path is not None else "its folder"
    advice = {
        "locked": f"another program is writing to {where}; close it (or wait) and try again",
        "full": f"the disk is full; free some space on the disk that holds {folder} and try again",
        "readonly": f"{where} cannot be written (read-only); make it writable and try again",
        "damaged": f"{where} is damaged; restart factcheck to move it aside and restore a backup",
        "io": f"the disk reported an error ({reason}); check the disk and try again",
        "other": f"the database refused it ({reason})",
    }[kind]
    return StorageFailure(f"{action}: {advice}.", kind=kind)


def _disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def _reason(error: Failure) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    if isinstance(error, DBAPIError):
        return str(error.orig) if error.orig is not None else str(error)
    return str(error)


def _kind(error: Failure, reason: str) -> str:
    if isinstance(error, OSError):
        import errno

        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "full"
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "readonly"
        return "io"
    lowered = reason.lower()
    for kind, needles in _KINDS:
        if any(needle in lowered for needle in needles):
            return kind
    return "other"
