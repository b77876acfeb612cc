"""Backups a user can list, make and restore (the GUI's File menu, `factcheck backup`).

Automatic copies are made at start when the data changed since the last one (the window
does this off its thread), before every upgrade (``storage.database``), before merging an
annotation set and before a restore. Each is verified with ``integrity_check``; the oldest
are removed past the number to keep (the ``backups_kept`` setting, 10 by default).
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.wording import count
from factcheck_gui.services.preferences import MAX_BACKUPS
from factcheck_gui.storage import backups as store
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.backups import BACKUP_FOLDER, Backup, BackupContents
from factcheck_gui.storage.database import DB_FILENAME, KEEP_SETTING, Database
from factcheck_gui.storage.sqlite_file import DatabaseDamaged, set_aside_leftovers

__all__ = [
    "Backup",
    "BackupInfo",
    "BackupService",
    "DatabaseDamaged",
    "Restored",
    "backups_in",
    "newest_good",
    "restore_into_empty_folder",
]


@dataclass(frozen=True)
class BackupInfo:
    backup: Backup
    contents: BackupContents | None  # None when the file cannot be read

    def line(self) -> str:
        b, held = self.backup, self.contents
        when = b.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        what = (
            f"{count(held.articles, 'article')}, {count(held.annotations, 'annotation')}"
            if held
            else "cannot be read"
        )
        return f"{b.id}\t{when}\t{b.reason}\t{what}\t{b.size / 2**20:.1f} MiB"


@dataclass(frozen=True)
class Restored:
    restored: Backup
    safety: Backup | None  # the copy of what was there before
    changes: Changes

    def summary(self) -> str:
        before = f"; what was there before is backup {self.safety.id}" if self.safety else ""
        return f"Restored the backup {self.restored.id} ({self.restored.reason}){before}."


def backups_in(data_dir: Path) -> list[BackupInfo]:
    """The backups of the database in ``data_dir``, newest first (the database itself need
    not open: this is how a damaged one is recovered)."""
    return [BackupInfo(b, store.contents(b.path)) for b in store.list_backups(_folder(data_dir))]


def newest_good(data_dir: Path) -> BackupInfo | None:
    """The newest backup that passes ``integrity_check``."""
    for info in backups_in(data_dir):
        if info.contents is not None and store.check_backup(info.backup.path) is None:
            return info
    return None


def restore_into_empty_folder(data_dir: Path, backup_id: str) -> Backup:
    """Put a backup in place when there is no database (it was damaged and moved aside)."""
    path = data_dir / DB_FILENAME
    if path.exists():
        raise UserError(f"{path} exists; restore through the open database instead")
    chosen = store.find_backup(_folder(data_dir), backup_id)
    problem = store.check_backup(chosen.path)
    if problem is not None:
        raise UserError(f"the backup {chosen.id} cannot be restored: {problem}")
    set_aside_leftovers(path)  # a -wal left here must never be applied to the restored copy
    partial = path.with_name(f".{path.name}.restoring")
    try:
        with contextlib.closing(sqlite3.connect(partial)) as target:
            store.copy_into(chosen.path, target)
        partial.replace(path)
    except (OSError, sqlite3.DatabaseError) as error:
        partial.unlink(missing_ok=True)
        raise UserError(f"cannot restore into {path} ({error}); nothing was changed") from None
    return chosen


def _folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


class BackupService:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def folder(self) -> Path | None:
        return self._db.backup_folder

    def available(self) -> list[BackupInfo]:
        folder = self._db.backup_folder
        return [] if folder is None else backups_in(folder.parent)

    def create(self, reason: str = "manual") -> Backup:
        made = self._db.backup(reason)
        if made is None:
            raise UserError("an in-memory database has no backups")
        return made

    def at_start(self) -> Backup | None:
        """A backup when the data changed since the last one; slow: not on the GUI thread."""
        return self._db.backup_if_changed()

    def restore(self, backup_id: str) -> Restored:
        folder = self._db.backup_folder
        if folder is None:
            raise UserError("an in-memory database has no backups")
        chosen = store.find_backup(folder, backup_id)
        safety = self._db.restore(chosen)
        return Restored(chosen, safety, Changes(library=True, reset=True))

    @property
    def keep(self) -> int:
        return self._db.backups_kept()

    def set_keep(self, count: int) -> None:
        if not 1 <= count <= MAX_BACKUPS:
            raise UserError(f"keep between 1 and {MAX_BACKUPS} backups, not {count}")
        with self._db.transaction() as session:
            repo.set_setting(session, KEEP_SETTING, str(count))
