"""Verified, rotating copies of the database in ``backups/`` beside it (Anki's and Zotero's habit).

A copy is made with SQLite's online backup API (consistent while the app keeps writing,
under WAL), written under a temporary name, checked with ``PRAGMA integrity_check`` and only
then given its name, so a backup that is listed is a backup that opens. The oldest are
removed past the number to keep. Restoring goes through the same API into the open
database, so every connection sees the restored data at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factcheck_gui.domain.errors import StorageFailure, UserError
from factcheck_gui.storage.failures import storage_failure
from factcheck_gui.storage.sqlite_file import SQLITE_HEADER

BACKUP_FOLDER = "backups"
DEFAULT_KEEP = 10
STATE_FILE = "last-backup.json"
_STAMP = "%Y%m%dT%H%M%S"
# factcheck-REASON-20261201T213000.123Z.sqlite3 (older copies have no milliseconds)
_NAME = re.compile(
    r"^factcheck-(?P<reason>.+)-(?P<id>(?P<stamp>\d{8}T\d{6})(?:\.\d{3})?Z(?:-\d+)?)\.sqlite3$"
)


@dataclass(frozen=True)
class Backup:
    id: str  # its time stamp, "20261201T213000.123Z"; what `factcheck backup restore` takes
    path: Path
    reason: str  # start, manual, before-merge, before-restore, before-upgrade-from-REV
    created: datetime
    size: int


@dataclass(frozen=True)
class BackupContents:
    revision: str | None
    articles: int
    annotations: int


def make_backup(
    source: sqlite3.Connection,
    folder: Path,
    reason: str,
    *,
    keep: int,
    protect: frozenset[Path] = frozenset(),
) -> Backup:
    """Copy the database open on ``source`` into ``folder``, verify it, rotate the old ones
    (never the new copy, nor those in ``protect``: a backup about to be restored)."""
    now = datetime.now(UTC)
    stamp = f"{now.strftime(_STAMP)}.{now.microsecond // 1000:03d}Z"
    final = folder / f"factcheck-{reason}-{stamp}.sqlite3"
    n = 2
    while final.exists():
        final = folder / f"factcheck-{reason}-{stamp}-{n}.sqlite3"
        n += 1
    partial = folder / f".{final.name}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(sqlite3.connect(partial)) as target:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problems = [row[0] for row in target.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise StorageFailure(
                f"Cannot back up: the copy failed its check ({'; '.join(problems)[:200]}); "
                "the database may be damaged: restore an older backup",
                kind="damaged",
            )
        os.replace(partial, final)
    except (sqlite3.DatabaseError, OSError) as error:
        raise _backup_failure(error, folder) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    rotate(folder, keep=keep, protect=protect | {final})
    return _parse(final) or Backup(stamp, final, reason, datetime.now(UTC), 0)


def _backup_failure(error: sqlite3.Error | OSError, folder: Path) -> StorageFailure:
    return storage_failure(error, folder / "backup", action=f"Cannot back up into {folder}")


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if (b := _parse(p)) is not None]
    return sorted(found, key=lambda b: b.id, reverse=True)


def find_backup(folder: Path, wanted: str) -> Backup:
    """The backup whose id is ``wanted`` (or starts with it; "latest" is the newest)."""
    backups = list_backups(folder)
    if not backups:
        raise UserError(f"there are no backups in {folder}")
    if wanted == "latest":
        return backups[0]
    matches = [b for b in backups if b.id.startswith(wanted)]
    if len(matches) != 1:
        why = "no backup has" if not matches else f"{len(matches)} backups have"
        raise UserError(
            f"{why} the id {wanted!r}; `factcheck backup list` shows the ids in {folder}"
        )
    return matches[0]


def rotate(folder: Path, *, keep: int, protect: frozenset[Path] = frozenset()) -> list[Path]:
    """Remove the oldest backups past ``keep``; the removed paths.

    Never removed: those in ``protect`` (the copy just made, a backup being restored), and
    the newest backup made before each time a damaged database was moved aside, so starting
    afresh after damage cannot rotate the last good copy away.
    """
    backups = list_backups(folder)
    kept = set(protect) | _last_before_damage(folder.parent, backups)
    removed = []
    for old in backups[max(keep, 1) :]:
        if old.path in kept:
            continue
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    _clear_stale_partials(folder)
    return removed


def _last_before_damage(data_dir: Path, backups: list[Backup]) -> set[Path]:
    keep: set[Path] = set()
    for damaged in data_dir.glob("*.damaged-*"):
        moved = _when(damaged.name.rsplit(".damaged-", 1)[1])
        if moved is None:
            continue
        before = [b for b in backups if b.created <= moved]
        if before:
            keep.add(before[0].path)  # newest first
    return keep


def _when(stamp: str) -> datetime | None:
    """The time in "20261201T213000.123Z" (or without milliseconds, as older names)."""
    match = re.match(r"(\d{8}T\d{6})(?:\.(\d{3}))?Z", stamp)
    if match is None:
        return None
    when = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
    return when.replace(microsecond=int(match[2] or 0) * 1000)


def _clear_stale_partials(folder: Path, *, older_than_s: float = 3600) -> None:
    """Half-written copies of a backup that was interrupted (the app was killed)."""
    now = datetime.now(UTC).timestamp()
    for partial in folder.glob(".*.partial"):
        with contextlib.suppress(OSError):
            if now - partial.stat().st_mtime > older_than_s:
                partial.unlink()


def check_backup(path: Path) -> str | None:
    """Why ``path`` cannot be restored (gone, not SQLite, damaged), or None when it can."""
    if not path.is_file():
        return f"it is gone from {path.parent}"
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "it is not an SQLite database"
        with contextlib.closing(_open_read_only(path)) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
    except (OSError, sqlite3.DatabaseError) as error:
        return str(error)
    return None if problems == ["ok"] else "; ".join(problems)[:300]


def contents(path: Path) -> BackupContents | None:
    """What a backup holds (its schema revision, how many articles and annotations)."""
    try:
        with contextlib.closing(_open_read_only(path)) as connection:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            articles = connection.execute("SELECT count(*) FROM article").fetchone()[0]
            annotations = connection.execute("SELECT count(*) FROM annotation").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    return BackupContents(revision[0] if revision else None, articles, annotations)


def copy_into(backup: Path, target: sqlite3.Connection) -> None:
    """Replace the whole content of the database open on ``target`` with ``backup``'s,
    in one step (SQLite's backup API writes through the target's own journal)."""
    with contextlib.closing(_open_read_only(backup)) as source:
        source.backup(target)


def _open_read_only(path: Path) -> sqlite3.Connection:
    # Backups are written in rollback-journal mode, so reading one leaves no files beside it.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None or not path.is_file():
        return None
    created = _when(match["id"])
    assert created is not None  # the pattern matched
    return Backup(match["id"], path, match["reason"], created, path.stat().st_size)


# -- "has the data changed since the last backup?" ------------------------------------------
def last_fingerprint(folder: Path) -> list[int] | None:
    try:
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = state.get("fingerprint") if isinstance(state, dict) else None
    return value if isinstance(value, list) else None


def record_fingerprint(folder: Path, fingerprint: list[int] | None, backup: Backup) -> None:
    """Remember what the database file looked like when ``backup`` was made of it."""
    state = {"fingerprint": fingerprint, "backup": backup.id}
    with contextlib.suppress(OSError):
        (folder / STATE_FILE).write_text(json.dumps(state), encoding="utf-8")
