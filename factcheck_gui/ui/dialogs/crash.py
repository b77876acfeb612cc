"""The crash hook: an exception nobody caught (in a slot, an event handler or a thread) is
logged with its traceback and shown in one dialog that names the log file; the window keeps
running, and every change already made is stored.

PySide6 hands an exception raised in a slot to ``sys.excepthook`` and carries on, so a
broken slot on a timer or a repeated signal raises again and again: the dialog is shown once
per kind of error (its type and where it was raised) in ``QUIET_SECONDS``, never while one is
open, and not within ``GAP_SECONDS`` of the last one; the others are only logged, the
repeats of one kind in ``QUIET_SECONDS`` as one line each.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from factcheck_gui.logs import one_line, where_details_are

QUIET_SECONDS = 60.0
GAP_SECONDS = 3.0

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def crash_text(summary: str) -> str:
    details = where_details_are()
    return (
        f"Something went wrong: {summary}.\n\nYour work already saved is safe, and the window "
        f"keeps running. {details[0].upper()}{details[1:]}; if it happens again, restart "
        "factcheck and send that file to its developers."
    )


class CrashReporter(QObject):
    """``install`` the hooks for the window's life, ``uninstall`` when it closes."""

    _arrived = Signal(str, str, str)  # kind and place, summary, traceback

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._clock = clock
        # Queued even from the main thread: the dialog opens after the slot that raised has
        # returned, and from a thread it opens in the main thread.
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous: tuple[object, object] | None = None
        self._showing = False
        self._shown_at: dict[str, float] = {}
        self._last_closed = float("-inf")
        self._log_lock = threading.Lock()
        self._logged_at: dict[str, float] = {}
        self.shown = 0
        self.suppressed = 0

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous is None:
            return
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous[0]  # type: ignore[assignment]
        if threading.excepthook == self._thread_excepthook:
            threading.excepthook = self._previous[1]  # type: ignore[assignment]
        self._previous = None

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self.report((kind, error, tb))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return  # as threading's own hook: a thread that exits is no error
        thread = args.thread.name if args.thread is not None else "?"
        self.report((args.exc_type, args.exc_value, args.exc_traceback), thread=thread)

    def report(self, info: ExcInfo, *, thread: str | None = None) -> None:
        """Log the error now (from any thread), and show it from the main thread."""
        kind, error, tb = info
        try:
            where = f" in thread {thread}" if thread else ""
            frames = traceback.extract_tb(tb)
            place = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
            signature = f"{kind.__name__} at {place}"
            if self._first_in_a_while(signature):
                log.error("unexpected error%s", where, exc_info=info)
            else:  # a storm would push the first traceback out of the rotated log
                log.error("unexpected error%s again, %s: %s", where, place, one_line(error))
            details = "".join(traceback.format_exception(kind, error, tb))
            self._arrived.emit(signature, one_line(error), details)
        except Exception:  # the hook itself must never raise (nor loop)
            sys.__excepthook__(kind, error, tb)

    def _first_in_a_while(self, signature: str) -> bool:
        """Whether this kind of error has not been logged in full for ``QUIET_SECONDS``."""
        now = self._clock()
        with self._log_lock:
            if now - self._logged_at.get(signature, float("-inf")) < QUIET_SECONDS:
                return False
            self._logged_at[signature] = now
            return True

    def _show(self, signature: str, summary: str, details: str) -> None:
        now = self._clock()
        recently = now - self._shown_at.get(signature, float("-inf")) < QUIET_SECONDS
        if self._showing or recently or now - self._last_closed < GAP_SECONDS:
            self.suppressed += 1
            log.debug("not shown again (%d so far): %s", self.suppressed, summary)
            return
        self._shown_at[signature] = now
        self._showing = True
        self.shown += 1
        try:
            from factcheck_gui.ui.dialogs import dialogs  # (not at start: the window paints first)

            dialogs.crash(
                parent=QApplication.activeWindow(), text=crash_text(summary), details=details
            )
        finally:
            self._showing = False
            self._last_closed = self._clock()
