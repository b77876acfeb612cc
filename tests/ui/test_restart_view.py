"""A restart brings back what the reviewer was looking at: the panes' widths, each pane's
scroll position and the region that had the focus."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from factcheck_gui.ui.window.view_state import ViewState, scroll_to_top, top_offset


def settle(qtbot) -> None:  # noqa: ANN001
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def test_widths_scroll_positions_and_focus_come_back(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window()
    window.library_dock.hide()  # room for the panes on the offscreen platform's 800x600 screen
    window.comparison_dock.hide()
    window.resize(790, 580)
    settle(qtbot)
    first, second = window.panes.panes
    total = sum(window.panes.sizes())
    window.panes.setSizes([total // 3, total - total // 3])
    settle(qtbot)
    words = "Russia wants to avoid"  # well down the first article
    start = first.view.text.index(words)
    scroll_to_top(first.view, start)
    assert abs(top_offset(first.view) - start) < 80
    scroll_to_top(second.view, second.view.text.index("The ministry said"))
    settle(qtbot)
    tops = [top_offset(first.view), top_offset(second.view)]
    assert tops[0] > 0 and tops[1] > 0
    second.view.setFocus()
    settle(qtbot)
    shares = [s / total for s in window.panes.sizes()]
    window.close()
    window.services.close()

    again = open_window()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is again.panes.panes[1].view)
    settle(qtbot)
    a, b = again.panes.panes
    assert again.panes.current is b
    new_total = sum(again.panes.sizes())
    for share, size in zip(shares, again.panes.sizes(), strict=True):
        assert abs(size / new_total - share) < 0.03
    assert [top_offset(a.view), top_offset(b.view)] == tops


def test_focus_in_a_dock_comes_back(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window()
    window.annotations.table.setFocus()
    settle(qtbot)
    window.close()
    window.services.close()
    again = open_window()
    qtbot.waitUntil(lambda: again.annotation_dock.isAncestorOf(QApplication.focusWidget() or again))


def test_view_state_survives_its_encoding() -> None:
    state = ViewState(sizes=[300, 500], tops=[0, 1234], focus="pane:1")
    assert ViewState.decode(dict(state.encode())) == state
    assert ViewState.decode({}) == ViewState([], [], "")
