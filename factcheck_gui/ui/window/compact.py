"""The window's first layout, sized for the screen it opens on: most of it goes to the text.

At 1280×720 the docks around the panes took so much that each pane was 150 px wide with
seven lines of text. Here the Annotations dock runs the window's full height (the
comparison sits under the library and the panes), the library is narrow, and the docks
take a share of the window, not fixed pixels. It applies until the window has a saved
layout (after that the reviewer's own sizes come back), on the first show and the first
resize after it (a window manager fitting the window to a small screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt

if TYPE_CHECKING:
    from factcheck_gui.ui.window.main_window import MainWindow

LIBRARY_SHARE, LIBRARY_RANGE = 0.19, (240, 380)
ANNOTATIONS_SHARE, ANNOTATIONS_RANGE = 0.27, (300, 460)
COMPARISON_SHARE, COMPARISON_RANGE = 0.3, (150, 320)


def arrange(window: MainWindow) -> None:
    """Where the docks sit: the right column owns the bottom-right corner."""
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)


def _share(total: int, share: float, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return max(low, min(high, round(total * share)))


def fit(window: MainWindow) -> None:
    """Dock sizes for the window's present size."""
    width, height = window.width(), window.height()
    window.resizeDocks(
        [window.library_dock, window.annotation_dock],
        [
            _share(width, LIBRARY_SHARE, LIBRARY_RANGE),
            _share(width, ANNOTATIONS_SHARE, ANNOTATIONS_RANGE),
        ],
        Qt.Orientation.Horizontal,
    )
    window.resizeDocks(
        [window.comparison_dock],
        [_share(height, COMPARISON_SHARE, COMPARISON_RANGE)],
        Qt.Orientation.Vertical,
    )
    splitter = window.annotations.splitter  # the table gets rows, the editor scrolls
    total = max(1, sum(splitter.sizes()))
    splitter.setSizes([total // 2, total - total // 2])


class FirstLayout(QObject):
    """Fits the docks on the first show, and the first resize after it, unless stopped
    (a saved layout was restored)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._left = 2  # the show, and one resize after it
        window.installEventFilter(self)

    def stop(self) -> None:
        self._left = 0
        self._window.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            shown = self._window.isVisible()
            if shown and self._left > 0:
                self._left -= 1
                fit(self._window)
                if self._left == 0:
                    self.stop()
        return False
