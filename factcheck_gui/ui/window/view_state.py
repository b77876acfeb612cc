"""What a reviewer was looking at, kept across a restart: each pane's share of the width,
the first character on screen in each pane, and which region had the keyboard focus.

Widths are kept as shares (a window restored on another screen keeps the proportions) and
scroll positions as the code-point offset of the top-left character (the same words come
back at the top even if the pane's width, and so its wrapping, changed). Both are applied
once the window is shown: before that, the splitter and the text have no real size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget

if TYPE_CHECKING:
    from factcheck_gui.ui.panes.article_view import ArticleTextView
    from factcheck_gui.ui.window.main_window import MainWindow


@dataclass(frozen=True)
class ViewState:
    sizes: list[int]  # the panes' widths when saved (only their proportions matter)
    tops: list[int]  # per pane: the code-point offset of the first character on screen
    focus: str  # "pane:N", "library", "annotations", "suggestions", "comparison", "search" or ""

    def encode(self) -> dict[str, str]:
        return {
            "paneSizes": ",".join(map(str, self.sizes)),
            "paneTops": ",".join(map(str, self.tops)),
            "focus": self.focus,
        }

    @classmethod
    def decode(cls, values: dict[str, object]) -> ViewState:
        def numbers(key: str) -> list[int]:
            return [int(x) for x in str(values.get(key) or "").split(",") if x.strip().isdigit()]

        return cls(numbers("paneSizes"), numbers("paneTops"), str(values.get("focus") or ""))


def top_offset(view: ArticleTextView) -> int:
    """The first character shown at the top of ``view``, in code points."""
    u16 = view.cursorForPosition(QPoint(0, 0)).position()
    return view.offsets.from_utf16(min(u16, view.offsets.length_utf16))


def scroll_to_top(view: ArticleTextView, offset: int) -> None:
    """Scroll so the line holding ``offset`` is the first on screen."""
    if offset <= 0 or offset > view.offsets.length:
        return
    cursor = QTextCursor(view.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()  # from below, so the line comes to the top edge
    cursor.setPosition(view.offsets.to_utf16(offset))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()


def capture(window: MainWindow) -> ViewState:
    panes = window.panes.panes
    return ViewState(
        sizes=window.panes.sizes(),
        tops=[top_offset(p.view) if p.article is not None else 0 for p in panes],
        focus=_focus_name(window),
    )


def _focus_name(window: MainWindow) -> str:
    focused = QApplication.focusWidget()
    if focused is None:
        return ""
    for index, pane in enumerate(window.panes.panes):
        if pane.isAncestorOf(focused):
            return f"pane:{index}"
    for name, widget in _regions(window).items():
        if widget.isAncestorOf(focused):
            return name
    return ""


def _regions(window: MainWindow) -> dict[str, QDockWidget]:
    return {
        "library": window.library_dock,
        "annotations": window.annotation_dock,
        "suggestions": window.suggestion_dock,
        "comparison": window.comparison_dock,
        "search": window.search_dock,
    }


def apply(window: MainWindow, state: ViewState) -> None:
    panes = window.panes.panes
    if len(state.sizes) == len(panes) and sum(state.sizes) > 0:
        total = sum(window.panes.sizes())
        window.panes.setSizes([round(total * s / sum(state.sizes)) for s in state.sizes])
    QApplication.processEvents()  # the panes' new widths wrap the text before it scrolls
    for pane, top in zip(panes, state.tops, strict=False):
        if pane.article is not None:
            scroll_to_top(pane.view, top)
    _restore_focus(window, state.focus)


def _restore_focus(window: MainWindow, name: str) -> None:
    panes = window.panes.panes
    if name.startswith("pane:") and name[5:].isdigit() and int(name[5:]) < len(panes):
        pane = panes[int(name[5:])]
        window.panes.set_current(pane)
        pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    dock = _regions(window).get(name)
    widget = dock.widget() if dock is not None and dock.isVisible() else None
    if dock is not None and widget is not None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        focused = QApplication.focusWidget()
        if focused is None or not dock.isAncestorOf(focused):
            widget.focusNextChild()


class ApplyWhenShown(QObject):
    """Applies a saved ViewState once, right after the window is first shown."""

    def __init__(self, window: MainWindow, state: ViewState) -> None:
        super().__init__(window)
        self._window, self._state = window, state
        if window.isVisible():
            QTimer.singleShot(0, self._apply)
        else:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() == QEvent.Type.Show:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._apply)
        return False

    def _apply(self) -> None:
        apply(self._window, self._state)
        self.deleteLater()
