"""Backups from the window: one at start when the data changed (off the GUI thread), and
File → Restore from backup…, which backs up the current data first and reloads every view."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.wording import count
from factcheck_gui.services.backups import BackupInfo, Restored
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.common.jobs import Job
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.window.actions import make_action

BACKUP_WAIT_S = 60.0  # at quit, how long to let a start-up backup finish


class Restoring(QObject):
    backedUp = Signal(object)  # Backup | None, from the backup thread (queued to this one)
    backupFailed = Signal(str)

    def __init__(self, context: AppContext, window: QWidget, status: Callable[[str], None]):
        super().__init__(window)
        self._context = context
        self._window = window
        self._status = status
        self._thread: threading.Thread | None = None
        self.job: Job | None = None
        self.action = make_action(
            window,
            "&Restore from backup…",
            self.restore_from_backup,
            tip="Replace the data with a backup; what is there now is backed up first",
        )
        self.backedUp.connect(self._backed_up)
        self.backupFailed.connect(self._backup_failed)

    # -- the backup at start -----------------------------------------------------------------
    def start_backup(self) -> None:
        """Back up in the background if the data changed since the last backup."""
        self._thread = threading.Thread(target=self._back_up, name="start-backup", daemon=True)
        self._thread.start()

    def _back_up(self) -> None:  # on the backup thread: no widgets here
        try:
            made = self._context.workspace.backups.at_start()
        except UserError as error:
            self.backupFailed.emit(str(error))
        else:
            self.backedUp.emit(made)

    @Slot(object)
    def _backed_up(self, made: object) -> None:
        if made is not None:
            self._status(f"Backed up the data at start ({getattr(made, 'id', '')}).")

    @Slot(str)
    def _backup_failed(self, message: str) -> None:
        self._status(message)
        dialogs.warn(parent=self._window, title="Backup failed", text=message)

    def wait(self) -> None:
        """Let a backup under way finish (at quit, before the database is closed)."""
        if self._thread is not None:
            self._thread.join(BACKUP_WAIT_S)

    # -- restoring -------------------------------------------------------------------------------
    def restore_from_backup(self) -> None:
        service = self._context.workspace.backups
        infos = service.available()
        if not infos:
            self._status(
                "There are no backups yet; one is made at start once the data has changed."
            )
            return
        chosen = dialogs.choose_backup(parent=self._window, rows=[_row(i) for i in infos])
        if chosen is None or self.job is not None:
            return

        def work(_progress: object, token: CancelToken) -> Restored | None:
            if not token.commit():  # one step: once begun, Cancel is too late
                return None  # cancelled before it began: nothing changed
            return service.restore(chosen)

        job = Job(self._window, "Restoring", work, verb="Reading")
        job.succeeded.connect(self._restored)
        job.failed.connect(self._failed)
        job.ended.connect(self._ended)
        self.job = job
        job.start()

    def _restored(self, restored: Any) -> None:
        if restored is None:
            self._status("Restore cancelled; nothing was changed.")
            return
        assert isinstance(restored, Restored)
        # Nothing done before the restore may be undone over the restored data.
        self._context.fence("a backup was restored")
        self._context.notify(restored.changes)
        self._status(restored.summary())

    def _failed(self, message: str) -> None:
        self._status(message)
        dialogs.warn(parent=self._window, title="Restore failed", text=message)

    def _ended(self) -> None:
        self.job = None


def _row(info: BackupInfo) -> tuple[str, str]:
    b, held = info.backup, info.contents
    when = b.created.astimezone().strftime("%Y-%m-%d %H:%M")
    what = (
        f"{count(held.articles, 'article')}, {count(held.annotations, 'annotation')}"
        if held
        else "unreadable"
    )
    reason = b.reason.replace("-", " ")
    return b.id, f"{when} — {reason} — {what} ({b.size / 2**20:.1f} MiB)"
