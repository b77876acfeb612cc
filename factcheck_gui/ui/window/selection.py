"""What the reviewer has chosen: the focused pane (its annotations in the dock) and the
selected annotation, shown everywhere at once: its highlight in every pane, its row and
editor, its measure in the comparison and its siblings in the other panes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from factcheck_gui.domain.changes import Changes
from factcheck_gui.ui.annotations.panel import AnnotationPanel
from factcheck_gui.ui.annotations.table import ORPHAN_HINT
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.comparison.comparing import Comparing
from factcheck_gui.ui.panes.cross_highlight import CrossHighlight
from factcheck_gui.ui.panes.panes import ArticlePane, PaneArea


class Selection(QObject):
    """Follows the stream too: a selected annotation that is deleted (or a restore) leaves
    nothing selected."""

    def __init__(
        self,
        context: AppContext,
        *,
        panes: PaneArea,
        annotations: AnnotationPanel,
        comparing: Comparing,
        cross: CrossHighlight,
        tell: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panes = panes
        self._annotations = annotations
        self._comparing = comparing
        self._cross = cross
        self._tell = tell
        self.selected: str | None = None
        panes.currentChanged.connect(self.pane_changed)
        context.changed.connect(self.apply_changes)

    def select(self, annotation_id: str | None, *, reveal: bool = False) -> None:
        """Select ``annotation_id`` (None: nothing) in every view; the pane that holds it
        becomes current; ``reveal`` scrolls it into view and flashes it."""
        self.selected = annotation_id
        for each in self._panes.panes:
            each.view.highlighter.select(annotation_id)
        pane = self._panes.current
        if annotation_id is not None and (pane is None or annotation_id not in pane.view.notes):
            owner = next((p for p in self._panes.panes if annotation_id in p.view.notes), None)
            if owner is not None:
                self._panes.set_current(owner)
                pane = owner
        self._annotations.select(annotation_id)
        if annotation_id is not None and self._comparing.comparison.measure_of(annotation_id):
            self._comparing.panel.show_figure(annotation_id)
            self._cross.follow(annotation_id, pane=pane)  # its siblings in the other panes
        if reveal and pane is not None and annotation_id in pane.view.notes:
            annotation = pane.view.notes[annotation_id]
            if annotation.orphaned:
                self._tell(ORPHAN_HINT)
            else:
                pane.view.reveal(annotation.start, annotation.end)

    def pane_changed(self, pane: ArticlePane) -> None:
        """The focused pane's annotations in the dock, the selection kept if it is there."""
        self._annotations.show_article(
            pane.article, list(pane.view.notes.values()), selected=self.selected
        )

    def apply_changes(self, changes: Changes) -> None:
        if self.selected is not None and (changes.reset or self.selected in changes.removed):
            self.select(None)
