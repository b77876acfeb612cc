"""Long work (imports, exports, merges) on a worker thread, with progress and Cancel.

The work is a plain function ``work(progress, cancel)`` from the services; it never
touches widgets. ``cancel`` is a ``CancelToken``: Cancel stops the work before its point
of no return (nothing is stored), and after it the dialog says it is too late and
disables the button, and the job reports what really happened. Progress reaches the GUI
thread through a queued signal, at most every ``PROGRESS_INTERVAL`` seconds, so a fast
loop cannot flood the event loop.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.errors import UserError

log = logging.getLogger(__name__)
PROGRESS_INTERVAL = 0.05
Work = Callable[[Callable[[int, int, str], None], CancelToken], Any]
TOO_LATE = "Too late to cancel: saving…"


class _Worker(QObject):
    progressed = Signal(int, int, str)
    committing = Signal()  # the work passed its point of no return
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        worker = weakref.ref(self)  # no cycle through the token: PySide wrappers in a cycle
        # are freed by the garbage collector at a random later time, which crashed Qt

        def committing() -> None:
            if (alive := worker()) is not None:
                alive.committing.emit()

        self.token = CancelToken(on_commit=committing)
        self._last = 0.0

    @Slot()
    def run(self) -> None:  # on the worker thread
        try:
            result = self._work(self._progress, self.token)
        except UserError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug: report it in one line, keep the details in the log
            log.exception("background job failed")
            self.failed.emit(
                f"Something went wrong ({type(error).__name__}: {error}); nothing was changed."
            )
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int, current: str) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self.progressed.emit(done, total, current)


class Job(QObject):
    """One run of ``work`` on its own thread, shown in a window-modal progress dialog."""

    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()  # after succeeded or failed, once the thread has stopped

    def __init__(self, parent: QWidget, title: str, work: Work, *, verb: str = "Reading") -> None:
        super().__init__(parent)
        self._verb = verb
        self._thread = QThread(self)
        self._worker = _Worker(work)
        self.token = self._worker.token
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._show_progress)
        self._worker.committing.connect(self._too_late)
        # Bound slots of this GUI-thread object, so Qt queues them to the GUI thread; a plain
        # closure would run on the worker thread and touch widgets from there.
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self.dialog = QProgressDialog(f"{title}…", "Cancel", 0, 0, parent)
        self.cancel_button = QPushButton("Cancel")
        self.dialog.setCancelButton(self.cancel_button)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self._thread.start()

    @Slot()
    def cancel(self) -> bool:
        """Stop the work, storing nothing; False (and the dialog says so) when too late."""
        if self.token.cancel():
            self.dialog.setLabelText("Cancelling… (nothing will be stored)")
            self.cancel_button.setEnabled(False)
            return True
        self._too_late()
        self.dialog.show()  # QProgressDialog hides itself on Cancel; the outcome is to come
        return False

    @Slot()
    def _too_late(self) -> None:
        self.dialog.setMaximum(0)
        self.dialog.setLabelText(TOO_LATE)
        self.cancel_button.setEnabled(False)

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, current: str) -> None:
        if self.token.cancelled or self.token.committing:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))
        if current:
            self.dialog.setLabelText(f"{self._verb} {done + 1:,} of {total:,}: {current[-70:]}")
        elif done >= total:
            self.dialog.setMaximum(0)  # busy: writing everything in one transaction
            self.dialog.setLabelText("Saving…")

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._stop()
        self.succeeded.emit(result)
        self._ended()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)
        self._ended()

    def _stop(self) -> None:
        assert QThread.currentThread() is self.thread(), "finished on the wrong thread"
        self._thread.quit()
        self._thread.wait()
        self.dialog.close()
        self.dialog.deleteLater()  # its parent is the window, which outlives many jobs

    def _ended(self) -> None:
        self.ended.emit()
        self.deleteLater()
