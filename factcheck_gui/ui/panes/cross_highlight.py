"""Cross-highlighting: a measure's figures marked as siblings in every open pane, and each
pane scrolled to its figure, so the sentences that disagree are side by side at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from factcheck_gui.domain.model import Annotation
from factcheck_gui.services.comparison import MeasureGroup
from factcheck_gui.services.kept_comparison import Comparison
from factcheck_gui.ui.panes.panes import ArticlePane, PaneArea


class CrossHighlight(QObject):
    """Which measure's figures are shown as siblings; ``show_measure`` when one is chosen in
    the comparison, ``follow`` when a figure is chosen in a pane (the measure's figures are
    kept at hand while they are marked)."""

    def __init__(
        self,
        panes: PaneArea,
        comparison: Comparison,
        *,
        tell: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panes = panes
        self._comparison = comparison
        self._tell = tell
        self.measure: str | None = None

    def show_measure(self, name: str | None, *, keep: ArticlePane | None = None) -> None:
        """Mark ``name``'s figures in every pane and scroll each pane (but ``keep``, where
        the reviewer is) to the first of them."""
        if self.measure is not None and self.measure != name:
            self._comparison.pin(self.measure, on=False)
        if name is not None:
            self._comparison.pin(name)
        self.measure = name
        group = self._group()
        shown = 0
        for pane in self._panes.panes:
            found = self._mark(pane, group)
            if found and pane is not keep:
                first = min(found, key=lambda a: a.start)
                pane.view.reveal(first.start, first.end, flash=False)
            shown += bool(found)
        if group is not None and shown:
            count = len(group.figures)
            self._tell(
                f"“{group.measure}”: {count} figure{'s' * (count != 1)}, "
                f"marked in {shown} pane{'s' * (shown != 1)}"
            )

    def follow(self, annotation_id: str | None, *, pane: ArticlePane | None) -> None:
        """A figure was chosen: its measure's siblings, in the other panes."""
        name = self._comparison.measure_of(annotation_id) if annotation_id else None
        if name is not None:
            self.show_measure(name, keep=pane)

    def refresh(self) -> None:
        """After the comparison changed, or an article was opened: the marks again, no
        scrolling. The marks are the group's figures in each pane's article, by id, so a
        pane that has not drawn a new figure yet marks it once it does."""
        group = self._group()
        for pane in self._panes.panes:
            self._mark(pane, group)

    def _group(self) -> MeasureGroup | None:
        return self._comparison.group(self.measure) if self.measure else None

    @staticmethod
    def _mark(pane: ArticlePane, group: MeasureGroup | None) -> list[Annotation]:
        """Mark the group's figures in ``pane``; those it shows (to scroll to)."""
        figures = [f for f in (group.figures if group else ()) if f.article_id == pane.article_id]
        pane.view.highlighter.set_siblings({f.annotation_id for f in figures})
        notes = pane.view.notes
        return [
            notes[f.annotation_id]
            for f in figures
            if f.annotation_id in notes and not notes[f.annotation_id].orphaned
        ]
