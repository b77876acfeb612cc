"""Reading off the GUI thread, the newest request first: the library filter, the search.

One request runs at a time on a thread of its own; a request made while another runs
waits, and a newer one replaces the waiting one (or merges with it, when the caller says
how), so typing fast never queues stale work. Each request gets a ticket; results come back
on the GUI thread with it, and the caller drops those a newer request made stale.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from factcheck_gui.domain.errors import UserError

log = logging.getLogger(__name__)
R = TypeVar("R")


class Background(QObject, Generic[R]):
    done = Signal(int, object)  # ticket, result
    failed = Signal(int, str)  # ticket, one line for the user

    def __init__(
        self,
        run: Callable[[R], object],
        *,
        merge: Callable[[R, R], R] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._merge = merge
        self._lock = threading.Lock()
        self._pending: tuple[int, R] | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._ticket = 0
        self._idle = threading.Event()
        self._idle.set()
        self._delivered = 0  # the newest ticket whose outcome reached the GUI thread
        self.done.connect(self._arrived)  # first: before the receivers' own slots
        self.failed.connect(self._arrived)

    def submit(self, request: R) -> int:
        """Run ``request`` as soon as the thread is free; its ticket."""
        with self._lock:
            if self._closed:
                return self._ticket
            self._ticket += 1
            if self._pending is not None and self._merge is not None:
                request = self._merge(self._pending[1], request)
            self._pending = (self._ticket, request)
            self._idle.clear()
            if self._thread is None:
                self._thread = threading.Thread(target=self._drain, name="background", daemon=True)
                self._thread.start()
            return self._ticket

    @property
    def latest(self) -> int:
        return self._ticket

    @property
    def pending(self) -> bool:
        """The newest request's outcome has not reached the GUI thread yet."""
        return self._delivered < self._ticket and not self._closed

    def _arrived(self, ticket: int, _outcome: object) -> None:
        self._delivered = max(self._delivered, ticket)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until nothing runs or waits (tests and benchmarks)."""
        return self._idle.wait(timeout)

    def shutdown(self) -> None:
        """No more results: wait for the running request, drop the waiting one."""
        with self._lock:
            self._closed = True
            self._pending = None
            thread = self._thread
        if thread is not None:
            thread.join(timeout=30)

    def _drain(self) -> None:
        while True:
            with self._lock:
                if self._pending is None or self._closed:
                    self._thread = None
                    self._pending = None
                    self._idle.set()
                    return
                ticket, request = self._pending
                self._pending = None
            outcome: tuple[bool, Any]
            try:
                outcome = (True, self._run(request))
            except UserError as error:
                outcome = (False, str(error))
            except Exception as error:  # a bug: one line here, the details in the log
                log.exception("background reading failed")
                outcome = (False, f"Something went wrong ({type(error).__name__}: {error}).")
            with self._lock:  # never while shutdown() waits: the receiver may be going away
                if self._closed:
                    continue
                if outcome[0]:
                    self.done.emit(ticket, outcome[1])
                else:
                    self.failed.emit(ticket, outcome[1])
