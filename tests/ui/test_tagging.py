"""Select text, press a key, find it in the database; undo, redo, reopen."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from factcheck_gui.domain.model import Kind, Verdict
from tests.ui.conftest import select_text, stored, tag


def test_select_and_press_f_stores_a_figure_that_survives_a_restart(open_window, qtbot) -> None:  # noqa: ANN001
    window = open_window()
    pane = window.panes.panes[0]
    article_id = pane.article_id
    select_text(pane.view, "at least 6 million")
    qtbot.keyClick(pane.view, Qt.Key.Key_F)

    [annotation] = stored(window, article_id)
    assert (annotation.kind, annotation.quote) == (Kind.FIGURE, "at least 6 million")
    assert window.selected == annotation.id, "the new annotation is selected at once"
    assert window.annotations.editor.annotation.id == annotation.id
    assert annotation.id in pane.view.highlighter.index
    assert "1 annotation" in pane.details.text()

    window.close()
    window.services.close()
    again = open_window()
    assert [p.article_id for p in again.panes.panes] == [article_id, 2]
    [reloaded] = stored(again, article_id)
    assert reloaded == annotation
    assert annotation.id in again.panes.panes[0].view.highlighter.index


def test_a_mouse_drag_selection_then_c_tags_a_claim(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[1].view
    text = view.toPlainText()
    start = text.index("British intelligence has claimed")
    end = start + len("British intelligence has claimed")

    def point(position: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        return view.cursorRect(cursor).center()

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(start))
    qtbot.mouseMove(view.viewport(), point(end))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(end))
    assert view.textCursor().selectedText() == "British intelligence has claimed"
    qtbot.keyClick(view, Qt.Key.Key_C)
    [annotation] = stored(window, 2)
    assert annotation.kind is Kind.CLAIM and annotation.quote == "British intelligence has claimed"


def test_verdict_keys_and_the_note_reach_the_database(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "about 280,000 people", Qt.Key.Key_F)
    qtbot.keyClick(view, Qt.Key.Key_2)
    [a] = stored(window, 1)
    assert a.verdict is Verdict.MOSTLY_ACCURATE
    assert window.annotations.editor.verdict.currentData() == Verdict.MOSTLY_ACCURATE

    qtbot.keyClick(view, Qt.Key.Key_N)
    note = window.annotations.editor.note
    assert note.hasFocus()
    qtbot.keyClicks(note, "TASS, 3 Sept")
    [a] = stored(window, 1)
    assert a.note == "TASS, 3 Sept"
    assert window.context.undo_stack.count() == 3, "typing a note is one undo step"
    window.context.undo_stack.undo()
    assert stored(window, 1)[0].note == ""


def test_undo_and_redo_keys_reach_the_database(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_A)
    [a] = stored(window, 1)
    assert window.undo_action.text() == "&Undo Tag attribution"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, 1) == []
    assert a.id not in view.highlighter.index
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert [replace(x, modified=a.modified) for x in stored(window, 1)] == [a]  # newer
    assert a.id in view.highlighter.index


def test_delete_key_removes_and_undo_restores(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "Medvedev", Qt.Key.Key_A)
    [a] = stored(window, 1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(window, 1) == []
    assert window.selected is None and window.annotations.model.rowCount() == 0
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [replace(x, modified=a.modified) for x in stored(window, 1)] == [a]  # newer
    assert window.annotations.model.rowCount() == 1


def test_a_key_without_a_selection_explains_and_stores_nothing(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C)
    assert "Select some text in an article first" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert "Select an annotation first" in window.statusBar().currentMessage()
    assert stored(window, 1) == [] and window.context.undo_stack.count() == 0


def test_a_white_space_selection_is_refused_with_a_message(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    blank = view.toPlainText().index("\n\n")  # the blank line between two paragraphs
    view.setFocus()
    view.select_span(blank, blank + 2)
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert "only white space" in window.statusBar().currentMessage()
    assert stored(window, 1) == [] and window.context.undo_stack.count() == 0


def test_typing_c_in_the_library_filter_does_not_tag(window, qtbot) -> None:  # noqa: ANN001
    select_text(window.panes.panes[0].view, "Tempo.co")
    qtbot.keyClicks(window.library.filter, "cfa")
    assert window.library.filter.text() == "cfa"
    assert stored(window, 1) == []
