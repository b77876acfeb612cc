"""Keeps the comparison dock in step with the store (it follows the stream of changes), and
carries out what is asked of it: going to a figure, renaming and merging measures (undoable)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.commands import MergeMeasures, RenameMeasure
from factcheck_gui.services.comparison import Comparison
from factcheck_gui.services.rates import ArticleRate, article_rates
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.comparison.dock import ComparisonPanel
from factcheck_gui.ui.comparison.rates import RatesPanel
from factcheck_gui.ui.dialogs import dialogs


class Comparing(QObject):
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
        self.panel = ComparisonPanel(window)
        self.panel.figureChosen.connect(go_to_figure)
        self.panel.renameRequested.connect(self.rename)
        self.panel.mergeRequested.connect(self.merge)
        self.rates = RatesPanel(window)
        self._rates: dict[int, list[ArticleRate]] = {}
        self.rates.spanChosen.connect(go_to_span)
        self.widget = QTabWidget(window)
        self.widget.setObjectName("comparisonTabs")
        self.widget.addTab(self.panel, "&Measures")
        self.widget.addTab(self.rates, "Exchange &rates")
        context.changed.connect(self.apply_changes)
        self.reload()

    def reload(self) -> None:
        self.comparison.load()
        self.panel.reset(self.comparison.groups)
        self.panel.expand_conflicts()
        self.panel.select_first()

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

    def apply_changes(self, changes: Changes) -> None:
        if changes.reset:  # anything may have changed: every measure is read again
            changes = changes | Changes(library=True)
        names = self.comparison.refresh(changes)
        if names:
            self.panel.update_groups(names, self.comparison.groups)
            self.refreshed.emit()

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
        self.panel.select_measure(" ".join(into.split()))
