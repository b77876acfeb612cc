"""Moving around without a mouse: Tab between the window's regions, keys for the panes and
for the annotations in a pane, and Ctrl+M in and out of the comparison.

Tab visits the regions in reading order — library, each pane, annotations (filters, the
table, the editor), suggested figures, comparison — and a table or tree is one stop (arrow
keys move inside it). Within a region Qt's own focus chain orders the controls.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QMenu,
    QWidget,
)

from factcheck_gui.ui.window.actions import make_action

if TYPE_CHECKING:
    from factcheck_gui.domain.model import Annotation
    from factcheck_gui.ui.window.main_window import MainWindow


def _stops(region: QWidget) -> list[QWidget]:
    """The controls of ``region`` that Tab stops at, in Qt's focus chain order."""
    found: list[QWidget] = []
    if not region.isVisible() or region.visibleRegion().isEmpty():
        return found  # closed, or a dock behind another dock's tab
    if region.focusPolicy() & Qt.FocusPolicy.TabFocus and region.isEnabled():
        found.append(region)
    widget = region.nextInFocusChain()
    seen = {id(region)}
    while widget is not None and id(widget) not in seen:
        seen.add(id(widget))
        if (
            region.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not _inside_item_view(widget, region)
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def _inside_item_view(widget: QWidget, region: QWidget) -> bool:
    """A part of a table, tree, combo box or spin box (a viewport, an editable combo's line):
    the whole control is the stop."""
    parent = widget.parentWidget()
    while parent is not None and parent is not region:
        if isinstance(parent, QAbstractItemView | QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


class Navigation(QObject):
    """The window's keyboard moves: a Go menu, and the Tab order of its regions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu("&Go", window)
        self.next_pane = self._add(
            "Next &pane", self.go_pane, QKeySequence.StandardKey.NextChild, "Ctrl+Tab", 1
        )
        self.previous_pane = self._add(
            "Pre&vious pane",
            self.go_pane,
            QKeySequence.StandardKey.PreviousChild,
            "Ctrl+Shift+Tab",
            -1,
        )
        self.menu.addSeparator()
        self.next_annotation = self._add("Ne&xt annotation", self.go_annotation, "]", None, 1)
        self.previous_annotation = self._add(
            "Previous a&nnotation", self.go_annotation, "[", None, -1
        )
        self.menu.addSeparator()
        self.next_region = self._add("Next &region", self.go_region, "F6", None, 1)
        self.previous_region = self._add("Previous r&egion", self.go_region, "Shift+F6", None, -1)
        for view in self._item_views():
            view.setTabKeyNavigation(False)  # one Tab stop per table; arrows move inside it

    def _add(
        self,
        text: str,
        slot: object,
        shortcut: str | QKeySequence.StandardKey,
        fallback: str | None,
        step: int,
    ) -> QAction:
        action = make_action(
            self.window,
            text,
            lambda: slot(step),  # type: ignore[operator]
            shortcut=shortcut,
            fallback=fallback,
            tip=text.replace("&", ""),
        )
        self.menu.addAction(action)
        return action

    def _item_views(self) -> Iterable[QAbstractItemView]:
        w = self.window
        docks = (w.library_dock, w.annotation_dock, w.suggestion_dock, w.comparison_dock)
        for dock in (*docks, w.search_dock):
            yield from dock.findChildren(QAbstractItemView)

    # -- regions ------------------------------------------------------------------------
    def regions(self) -> list[QWidget]:
        w = self.window
        panes: list[QWidget] = [p.view for p in w.panes.panes]
        table_part = w.annotations.splitter.widget(0)  # filters and the table
        assert table_part is not None
        return [
            w.library_dock.widget(),
            *panes,
            table_part,
            w.annotations.editor,
            w.suggestion_dock.widget(),
            w.comparison_dock.widget(),
            w.search_dock.widget(),
        ]

    def stops(self) -> list[QWidget]:
        found: list[QWidget] = []
        for region in self.regions():
            found.extend(s for s in _stops(region) if s not in found)
        return found

    def focus_next(self, step: int) -> bool:
        """Tab (``step`` 1) or Shift+Tab (-1) from the focused control; False when the focus
        is outside every region (Qt's own order then applies)."""
        stops = self.stops()
        here = self._stop_of(QApplication.focusWidget(), stops)
        if here is None or not stops:
            return False
        target = stops[(stops.index(here) + step) % len(stops)]
        target.setFocus(
            Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason
        )
        return True

    def _stop_of(self, widget: QWidget | None, stops: list[QWidget]) -> QWidget | None:
        while widget is not None:
            if widget in stops:
                return widget
            widget = widget.parentWidget()
        return None

    def go_region(self, step: int) -> None:
        """F6: the first control of the next region with any."""
        regions = [r for r in self.regions() if _stops(r)]
        if not regions:
            return
        focused = QApplication.focusWidget()
        index = next(
            (
                i
                for i, r in enumerate(regions)
                if focused is not None and (r is focused or r.isAncestorOf(focused))
            ),
            -1 if step > 0 else 0,
        )
        _stops(regions[(index + step) % len(regions)])[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- panes and annotations ----------------------------------------------------------
    def go_pane(self, step: int) -> None:
        panes = self.window.panes.panes
        if not panes:
            return
        current = self.window.panes.current
        index = panes.index(current) if current in panes else 0
        pane = panes[(index + step) % len(panes)]
        self.window.panes.set_current(pane)
        pane.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_annotation(self, step: int) -> None:
        """] / [: the next or previous annotation in the focused pane, from the selected one
        (or the cursor), selected and scrolled into view."""
        pane = self.window.panes.current
        if pane is None or pane.article is None:
            return
        spans: list[Annotation] = sorted(
            (a for a in pane.view.notes.values() if not a.orphaned),
            key=lambda a: (a.start, a.end, a.id),
        )
        if not spans:
            self.window.show_problem("This article has no annotations yet.")
            return
        selected = self.window.selected
        keys = [a.id for a in spans]
        if selected in keys:
            index = (keys.index(selected) + step) % len(spans)
        else:
            cursor = pane.view.offsets.from_utf16(pane.view.textCursor().position())
            after = [i for i, a in enumerate(spans) if a.start >= cursor]
            before = [i for i, a in enumerate(spans) if a.start < cursor]
            if step > 0:
                index = after[0] if after else 0
            else:
                index = before[-1] if before else len(spans) - 1
        self.window.select_annotation(spans[index].id, reveal=True)
        pane.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the comparison -----------------------------------------------------------------
    def toggle_comparison(self) -> None:
        """Ctrl+M: show the comparison and go there; pressed in it, hide it and go back to
        the focused pane."""
        w = self.window
        dock = w.comparison_dock
        focused = QApplication.focusWidget()
        inside = focused is not None and dock.isAncestorOf(focused)
        if dock.isVisible() and inside:
            dock.hide()
            if w.panes.current is not None:
                w.panes.current.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        w.show_comparison()
