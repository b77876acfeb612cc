"""Every region is reachable from the keyboard: Tab between regions (one stop per table),
keys for panes and annotations, Ctrl+F in the focused article, Ctrl+M for the comparison."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from factcheck_gui.domain.model import Kind


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:  # noqa: ANN001
    """``key`` to the focused widget, as a keyboard would; the widget focused after it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    after = QApplication.focusWidget()
    assert after is not None
    return after


def tab_walk(window, qtbot, presses: int, key=Qt.Key.Key_Tab) -> list[QWidget]:  # noqa: ANN001
    window.library.filter.setFocus()
    return [press(qtbot, key) for _ in range(presses)]


def test_tab_visits_the_regions_in_order_one_stop_per_table(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    window.select_annotation(next(iter(window.panes.panes[0].view.notes)))
    visited = tab_walk(window, qtbot, 40)
    library, table = window.library.tree, window.annotations.table
    views = [p.view for p in window.panes.panes]
    comparison = window.comparing.panel.tree
    assert visited[0] is library, "from the filter, Tab goes to the library's list"
    assert visited[1:3] == views, "then each pane's text"
    cycle = visited[: visited.index(library, 1)]  # once round, back at the library
    assert len(cycle) < 30
    for stop in (library, table, comparison):
        assert cycle.count(stop) == 1, f"{stop.objectName()} is one stop, not one per cell"
    order = [cycle.index(w) for w in (library, *views, table)]
    order += [cycle.index(window.annotations.editor.kind), cycle.index(comparison)]
    assert order == sorted(order), "library → panes → annotations → editor → comparison"


def test_shift_tab_goes_back_through_the_regions(window, qtbot) -> None:  # noqa: ANN001
    views = [p.view for p in window.panes.panes]
    views[1].setFocus()
    assert press(qtbot, Qt.Key.Key_Backtab) is views[0]
    assert press(qtbot, Qt.Key.Key_Backtab) is window.library.tree


def test_keys_move_between_panes_and_through_a_panes_annotations(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window(annotated=True)
    first, second = window.panes.panes
    first.view.setFocus()
    qtbot.keyClick(first.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.panes.current is second and QApplication.focusWidget() is second.view
    window.navigation.previous_pane.trigger()
    assert window.panes.current is first and QApplication.focusWidget() is first.view

    ordered = sorted(first.view.notes.values(), key=lambda a: (a.start, a.end, a.id))
    window.select_annotation(None)
    cursor = first.view.textCursor()
    cursor.setPosition(0)
    first.view.setTextCursor(cursor)
    qtbot.keyClick(first.view, Qt.Key.Key_BracketRight)
    assert window.selected == ordered[0].id
    qtbot.keyClick(first.view, Qt.Key.Key_BracketRight)
    assert window.selected == ordered[1].id
    assert window.annotations.editor.annotation.id == ordered[1].id
    qtbot.keyClick(first.view, Qt.Key.Key_BracketLeft)
    assert window.selected == ordered[0].id
    qtbot.keyClick(first.view, Qt.Key.Key_BracketLeft)
    assert window.selected == ordered[-1].id, "it wraps around"
    # the span is in view
    rect = first.view.cursorRect()
    assert first.view.viewport().rect().contains(rect.center())


def test_ctrl_f_finds_in_the_focused_article_and_escape_leaves_the_match_to_tag(
    window, qtbot
) -> None:  # noqa: ANN001
    second = window.panes.panes[1]
    second.view.setFocus()
    qtbot.keyClick(second.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    qtbot.keyClicks(bar.field, "recruit")
    text = second.view.text.lower()
    first_hit = text.index("recruit")
    assert second.view.selected_span() == (first_hit, first_hit + len("recruit"))
    total = text.count("recruit")
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    second_hit = text.index("recruit", first_hit + 1)
    assert second.view.selected_span()[0] == second_hit and bar.count.text() == f"2 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert second.view.selected_span()[0] == first_hit
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is second.view
    qtbot.keyClick(second.view, Qt.Key.Key_C)  # the match, tagged
    tagged = window.services.annotations.for_article(second.article_id)
    assert any(a.kind is Kind.CLAIM and a.start == first_hit for a in tagged)


def test_find_says_when_nothing_matches(window, qtbot) -> None:  # noqa: ANN001
    window.panes.panes[0].view.setFocus()
    window.find_bar.open_action.trigger()
    qtbot.keyClicks(window.find_bar.field, "zzzqqq")
    assert window.find_bar.count.text() == "no match"


def test_ctrl_m_toggles_the_comparison(window, qtbot) -> None:  # noqa: ANN001
    dock, view = window.comparison_dock, window.panes.panes[0].view
    dock.hide()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert dock.isVisible() and dock.isAncestorOf(QApplication.focusWidget())
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not dock.isVisible() and QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert dock.isVisible()


def test_standard_actions_use_the_platforms_keys(window) -> None:  # noqa: ANN001
    a = window.actions_
    assert QKeySequence("Ctrl+W") in a.close_pane.shortcuts()
    assert QKeySequence("Ctrl+T") in a.new_pane.shortcuts()
    assert window.find_bar.open_action.shortcuts() == QKeySequence.keyBindings(
        QKeySequence.StandardKey.Find
    )
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert not a.quit.shortcut().isEmpty()
    assert "&Go" in [m.text() for m in window.menuBar().actions()]
