"""Cancelling long work exactly: either nothing was stored, or it is too late to cancel.

The job (on the GUI thread) and the work (on a worker thread) share one ``CancelToken``.
The work calls ``check()`` between units of work, which raises ``Cancelled`` once the user
cancelled (the caller's transaction then rolls back), and ``commit()`` right before its
point of no return (committing a transaction, renaming a written file). After ``commit()``
has answered True, ``cancel()`` answers False: the job says it is too late and waits for
the real outcome.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from factcheck_gui.domain.errors import Cancelled

_RUNNING, _CANCELLED, _COMMITTING = "running", "cancelled", "committing"


class CancelToken:
    def __init__(self, *, on_commit: Callable[[], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._state = _RUNNING
        self._on_commit = on_commit

    @property
    def cancelled(self) -> bool:
        return self._state == _CANCELLED

    @property
    def committing(self) -> bool:
        return self._state == _COMMITTING

    def cancel(self) -> bool:
        """Ask the work to stop; False when it has passed its point of no return."""
        with self._lock:
            if self._state == _COMMITTING:
                return False
            self._state = _CANCELLED
            return True

    def check(self) -> None:
        """Raise ``Cancelled`` if the user cancelled (call it between units of work)."""
        if self._state == _CANCELLED:
            raise Cancelled()

    def commit(self) -> bool:
        """Pass the point of no return: False (store nothing) if already cancelled."""
        with self._lock:
            if self._state == _CANCELLED:
                return False
            self._state = _COMMITTING
        if self._on_commit is not None:
            self._on_commit()
        return True

    def commit_or_raise(self) -> None:
        """``commit()``, raising ``Cancelled`` when it answers False."""
        if not self.commit():
            raise Cancelled()
