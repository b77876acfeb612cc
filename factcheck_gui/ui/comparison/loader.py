"""Reading the comparison off the GUI thread: every measure's summary at start and after an
import, and the figures of measures whose pictures are on screen.

One read at a time, on a thread of its own; what it read reaches the GUI thread through a
queued signal and is put in place there (the service is only changed on the GUI thread).
A private in-memory database cannot be shared between threads: there each read runs on
the GUI thread, from the event loop, never inside a paint.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from factcheck_gui.domain.errors import UserError
from factcheck_gui.services.comparison import MeasureGroup
from factcheck_gui.services.kept_comparison import Comparison, Snapshot

log = logging.getLogger(__name__)
# Measures read with the summaries: the first rows on screen, so many figures at most.
FIRST_GROUPS, FIRST_FIGURES = 12, 2_000
WAIT_S = 60.0  # at close, how long to let a read finish


class ComparisonLoader(QObject):
    snapshotRead = Signal(object)  # Snapshot
    # {measure id: MeasureGroup}, the version they were asked at, the names asked for
    groupsRead = Signal(object, int, object)
    failed = Signal(str)
    _done = Signal()  # from the reading thread

    def __init__(self, comparison: Comparison, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison = comparison
        self._thread: threading.Thread | None = None
        # what is being read, at which version, for which measures
        self._running: tuple[str, int, set[str]] | None = None
        self._result: tuple[bool, Any] | None = None  # (ok, snapshot / groups / message)
        self._snapshot_wanted: Collection[str] | None = None
        self._groups_wanted: set[str] = set()
        self._queued: Callable[[], object] | None = None  # a read waiting for the event loop
        self._stopped = False
        self._done.connect(self._deliver)

    @property
    def reading_all(self) -> bool:
        """The summaries are being read (or are about to be)."""
        running = self._running is not None and self._running[0] == "snapshot"
        return running or self._snapshot_wanted is not None

    @property
    def busy(self) -> bool:
        return self._running is not None or self.reading_all or bool(self._groups_wanted)

    def read_all(self, *, wanted: Collection[str] = ()) -> None:
        """Every measure's summary (and the figures of ``wanted``, and of the first rows)."""
        self._snapshot_wanted = set(wanted)
        self._next()

    def read_groups(self, names: Collection[str]) -> None:
        self._groups_wanted |= set(names)
        self._next()

    def _next(self) -> None:
        if self._running is not None or self._stopped:
            return
        comparison = self._comparison
        if self._snapshot_wanted is not None:
            wanted, self._snapshot_wanted = self._snapshot_wanted, None
            reader = comparison.snapshot_reader(
                groups=FIRST_GROUPS, figures=FIRST_FIGURES, wanted=wanted
            )
            self._start("snapshot", reader, set())
        elif self._groups_wanted:
            names, self._groups_wanted = self._groups_wanted, set()
            self._start("groups", comparison.reader(names), names)

    def _start(self, kind: str, read: Callable[[], object], names: set[str]) -> None:
        self._running = (kind, self._comparison.version, names)
        self._result = None
        if not self._comparison.background:
            self._queued = read
            QTimer.singleShot(0, self._run_queued)
            return
        self._thread = threading.Thread(
            target=self._run, args=(read,), name=f"comparison-{kind}", daemon=True
        )
        self._thread.start()

    def _run_queued(self) -> None:
        if self._queued is not None:
            read, self._queued = self._queued, None
            self._run(read, emit=False)

    def _run(self, read: Callable[[], object], *, emit: bool = True) -> None:  # any thread
        try:
            self._result = (True, read())
        except UserError as error:
            self._result = (False, str(error))
        except Exception as error:  # a bug: one line for the user, the details in the log
            log.exception("reading the comparison failed")
            self._result = (False, f"The comparison could not be read ({type(error).__name__}).")
        if not emit:
            self._deliver()
            return
        with contextlib.suppress(RuntimeError):  # (the window is gone)
            self._done.emit()

    @Slot()
    def _deliver(self) -> None:
        """On the GUI thread: hand over what was read, then start the next read."""
        if self._running is None or self._result is None:
            return  # already delivered (by ``wait``)
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        (kind, asked_at, names), (ok, result) = self._running, self._result
        self._running, self._result = None, None
        if self._stopped:
            return  # the window is closing: nothing is put in place any more
        if not ok:
            self.failed.emit(str(result))
        elif kind == "snapshot":
            assert isinstance(result, Snapshot)
            self.snapshotRead.emit(result)
        else:
            groups: dict[int, MeasureGroup] = result
            self.groupsRead.emit(groups, asked_at, names)
        self._next()

    def wait(self) -> None:
        """Let the read under way finish and hand it over now (in tests, for a screenshot);
        the reads asked for after it start as usual."""
        if self._thread is not None:
            self._thread.join(WAIT_S)
            if self._thread.is_alive():
                return
        self._run_queued()
        self._deliver()

    def stop(self) -> None:
        """At close: no more reads; the one under way is let finish."""
        self._stopped = True
        if self._thread is not None:
            self._thread.join(WAIT_S)
