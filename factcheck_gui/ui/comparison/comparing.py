"""Keeps the comparison dock in step with the store, and carries out what is asked of it:
going to a figure, renaming and merging measures (undoable).

The comparison is read off the GUI thread at start and after an import (the dock says
"Reading figures…" until then). Edits reach it through ``apply_changes``, gathered for
``DEBOUNCE_MS`` so that typing never waits on it; an edit the comparison does not show (a
note) costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.commands import MergeMeasures, RenameMeasure
from factcheck_gui.services.comparison import MeasureGroup
from factcheck_gui.services.kept_comparison import Comparison, Snapshot
from factcheck_gui.services.rates import ArticleRate, article_rates
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.comparison.dock import ComparisonPanel
from factcheck_gui.ui.comparison.loader import ComparisonLoader
from factcheck_gui.ui.comparison.rates import RatesPanel
from factcheck_gui.ui.dialogs import dialogs

DEBOUNCE_MS = 150
RESET_ABOVE = 200  # measures changed at once: the list is rebuilt rather than edited


class Comparing(QObject):
    updated = Signal(object)  # the names of the measures that changed
    # The comparison's groups caught up with a change: what is drawn from them (the
    # cross-highlighting in the panes) follows this, not the stream (see ui/common/context.py).
    refreshed = Signal()

    def __init__(
        self,
        context: AppContext,
        window: QWidget,
        go_to_figure: Callable[[str, int], None],
        go_to_span: Callable[[int, int, int], None],
    ) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self.comparison = Comparison(context.workspace.db)
        self.panel = ComparisonPanel(self.comparison, window)
        self.panel.figureChosen.connect(go_to_figure)
        self.panel.renameRequested.connect(self.rename)
        self.panel.mergeRequested.connect(self.merge)
        self.panel.model.picturesWanted.connect(self._pictures_wanted)
        self.loader = ComparisonLoader(self.comparison, self)
        self.loader.snapshotRead.connect(self._read_all)
        self.loader.groupsRead.connect(self._pictures_read)
        self.loader.failed.connect(context.problem)
        self._asked: set[str] = set()  # measures whose pictures are being read
        self._pictures_due = False  # a read of the pictures wanted is on its way
        self._pending = Changes()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.ready = False  # the summaries are in place
        self.rates = RatesPanel(window)
        self._rates: dict[int, list[ArticleRate]] = {}
        self.rates.spanChosen.connect(go_to_span)
        self.widget = QTabWidget(window)
        self.widget.setObjectName("comparisonTabs")
        self.widget.addTab(self.panel, "&Measures")
        self.widget.addTab(self.rates, "Exchange &rates")
        context.changed.connect(self.apply_changes)
        self.reload()

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read every measure again, in the background."""
        self.panel.reading()
        self.loader.read_all()

    @Slot(object)
    def _read_all(self, snapshot: Snapshot) -> None:
        first = not self.ready
        opened = [] if first else [n for n in self.panel.model.names() if self._is_open(n)]
        current = self.panel.model.name_at(self.panel.tree.currentIndex())
        names = self.comparison.install(snapshot)
        self.ready = True
        if first or len(names) > RESET_ABOVE:
            self.panel.reset()
            for name in opened:
                if (row := self.panel.model.row_of(name)) is not None:
                    self.panel.tree.expand(self.panel.model.index(row, 0))
            if current is not None:
                self.panel.select_measure(current)
            else:
                self.panel.open_first()
        else:
            self.panel.update_measures(names)
        self.updated.emit(names)
        self.refreshed.emit()
        self.flush()  # the edits made while it was read

    def _is_open(self, name: str) -> bool:
        row = self.panel.model.row_of(name)
        return row is not None and self.panel.tree.isExpanded(self.panel.model.index(row, 0))

    def _pictures_wanted(self) -> None:
        """Rows are being drawn whose figures are not at hand: read them (all those of one
        paint together) once the paint is over."""
        if not self._pictures_due:
            self._pictures_due = True
            QTimer.singleShot(0, self._read_pictures)

    def _read_pictures(self) -> None:
        self._pictures_due = False
        wanted = self.panel.model.wanted - self._asked
        if wanted:
            self._asked |= wanted
            self.loader.read_groups(wanted)

    @Slot(object, int, object)
    def _pictures_read(
        self, groups: dict[int, MeasureGroup], asked_at: int, names: set[str]
    ) -> None:
        kept = self.comparison.put(groups, asked_at)
        self._asked -= names
        self.panel.model.wanted -= names
        self.panel.model.pictures_read(kept | names)

    @property
    def settled(self) -> bool:
        """Read, with no edit waiting to be applied."""
        return self.ready and not self._timer.isActive() and not self.loader.reading_all

    def wait(self) -> None:
        """Until what is being read is in place, and the edits made meanwhile applied."""
        self.loader.wait()
        self.flush()

    def stop(self) -> None:
        self._timer.stop()
        self.loader.stop()

    # -- following changes ---------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """What an operation changed: gathered, applied once edits pause."""
        if changes.empty:
            return
        if self.comparison.needs_reload(changes):
            self._pending = Changes()
            self._timer.stop()
            self.reload()
            return
        self._pending = self._pending | changes
        if not self.loader.reading_all:
            self._timer.start()  # again: the edits are applied once they pause

    def flush(self) -> None:
        """Apply the edits gathered so far, now."""
        self._timer.stop()
        if self.loader.reading_all or self._pending.empty:
            return
        changes, self._pending = self._pending, Changes()
        if self.comparison.needs_reload(changes):
            self.reload()
            return
        names = self.comparison.refresh(changes)
        if names:
            self.panel.update_measures(names)
            self.updated.emit(names)
        self.refreshed.emit()

    # -- what the dock asks -------------------------------------------------------------------
    def show_rates(self, article_ids: list[int]) -> None:
        """The rates implied in the articles open in panes (each article's text is read once:
        it never changes)."""
        wanted = list(dict.fromkeys(article_ids))
        missing = [i for i in wanted if i not in self._rates]
        if missing:
            found = article_rates(self._context.workspace.db, missing)
            for article_id in missing:
                self._rates[article_id] = [r for r in found if r.article_id == article_id]
        self.rates.show_rates([r for i in wanted for r in self._rates[i]])

    def rename(self, name: str) -> None:
        new = dialogs.ask_measure_name(
            parent=self._window,
            title="Rename measure",
            label=f"New name for “{name}” ({self._figures(name)}):",
            text=name,
            names=[],
        )
        if new is not None and new.strip() != name:
            self._context.run(RenameMeasure(self._context.workspace.measures, name, new))
            self.wait()
            self.panel.select_measure(" ".join(new.split()))

    def _figures(self, name: str) -> str:
        count = self._context.workspace.measures.figure_count(name)
        return f"{count} figure{'s' * (count != 1)}"

    def merge(self, names: list[str]) -> None:
        others = [n for n in self._context.workspace.measures.names() if n not in names]
        into = dialogs.ask_measure_name(
            parent=self._window,
            title="Merge measures",
            label=(
                f"Move the figures of {len(names)} measures under:"
                if len(names) > 1
                else f"Move the figures of “{names[0]}” under:"
            ),
            text=names[0] if len(names) > 1 else (others[0] if others else ""),
            names=names + others if len(names) > 1 else others,
        )
        if into is None:
            return
        if not into.strip():
            self._context.problem.emit("Merge into which measure? Type or pick a name.")
            return
        self._context.run(MergeMeasures(self._context.workspace.measures, names, into))
        self.wait()
        self.panel.select_measure(" ".join(into.split()))
