"""A failed save is never invisible, and nothing is shown as saved that is not: with the
database locked by another writer, read-only, or full, each write tells the user in the
window, stores nothing, and the widgets show what is stored (a note keeps its words)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from factcheck_gui.domain.model import Verdict
from tests.ui.conftest import select_text, stored, tag

MESSAGES = {
    "locked": "another program is writing to",
    "readonly": "cannot be written (read-only)",
    "full": "the disk is full",
}


@contextmanager
def _on_every_connection(db: Any, pragma: Callable[[Any], str]) -> Iterator[None]:
    def apply(connection: Any, _record: Any) -> None:
        connection.execute(pragma(connection))

    event.listen(db.engine, "connect", apply)
    db.engine.dispose()  # new connections get the pragma
    try:
        yield
    finally:
        event.remove(db.engine, "connect", apply)
        db.engine.dispose()


@contextmanager
def fault(window: Any, kind: str) -> Iterator[None]:
    """The database as another writer, a read-only file or a full disk leaves it."""
    db = window.services.db
    if kind == "locked":
        other = sqlite3.connect(db.path)
        other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            other.rollback()
            other.close()
    elif kind == "readonly":
        with _on_every_connection(db, lambda _c: "PRAGMA query_only = ON"):
            yield
    else:  # full: no page more than it has now; the free space left in pages is filled first

        def no_more_pages(connection: Any) -> str:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            return f"PRAGMA max_page_count = {pages}"

        with _on_every_connection(db, no_more_pages):
            yield


@pytest.fixture(params=["locked", "readonly", "full"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def bar_says(window: Any, kind: str) -> str:
    bar = window.message_bar
    assert bar.isVisible(), "the message bar shows the failure"
    text = bar.text.text()
    assert text.startswith(("Tag ", "Edit note", "Set verdict", "Undo ", "Redo ")), text
    assert MESSAGES[kind] in text and "try again" in text
    assert bar.retry.isVisible(), "retrying can help here"
    assert bar.accessibleDescription() == text
    return text


def test_pressing_c_with_a_failing_store_says_so_and_tags_nothing(window, qtbot, kind) -> None:  # noqa: ANN001
    pane = window.panes.panes[0]
    window.open_article(4, pane)  # the longest sample: a tag of it all needs a new page
    view = pane.view
    everything = window.services.library.article(4).text

    def select_all_and_press(key: Qt.Key) -> None:
        view.setFocus()
        view.select_span(0, len(everything))
        qtbot.keyClick(view, key)

    select_all_and_press(Qt.Key.Key_A)  # a full disk has no room for a second one
    before = stored(window, 4)
    window.select_annotation(None)
    with fault(window, kind):
        select_all_and_press(Qt.Key.Key_C)
        assert bar_says(window, kind).startswith("Tag claim: Not saved:")
        assert stored(window, 4) == before
        assert list(view.notes) == [a.id for a in before], "nothing new highlighted"
        assert window.context.undo_stack.count() == 1
        assert window.selected is None
    window.message_bar.retry.click()  # the store takes writes again
    [claim] = [a for a in stored(window, 4) if a not in before]
    assert claim.quote == everything.strip() and claim.id in view.highlighter.index
    assert not window.message_bar.isVisible()


def test_a_note_the_store_refuses_stays_typed_and_marked_until_retry(window, qtbot, kind) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "about 280,000 people", Qt.Key.Key_F)
    editor = window.annotations.editor
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClicks(editor.note, "TASS")
    [before] = stored(window, 1)
    with fault(window, kind):
        editor.note.insertPlainText(", 3 Sept" + " and more words" * 400)  # pasted: new pages
        qtbot.keyClicks(editor.note, " typed")
        assert bar_says(window, kind).startswith("Edit note: Not saved:")
        assert stored(window, 1) == [before], "nothing of the failed note is stored"
        assert editor.note.toPlainText().startswith("TASS, 3 Sept and more words")
        assert editor.note.toPlainText().endswith("more words typed")
        assert editor.note_unsaved_row.isVisible() and editor.note_mark.text().startswith(
            "Not saved"
        )
        window.select_annotation(None)  # choosing another annotation keeps the words
        window.select_annotation(before.id)
        assert editor.note.toPlainText().startswith("TASS, 3 Sept and more words")
        assert editor.note_unsaved_row.isVisible()
    editor.note_retry.click()
    [after] = stored(window, 1)
    assert after.note == editor.note.toPlainText() and after.note.endswith("more words typed")
    assert not editor.note_unsaved_row.isVisible() and not window.message_bar.isVisible()


def test_a_refused_verdict_key_leaves_the_combo_on_the_stored_verdict(window, qtbot, kind) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "about 280,000 people", Qt.Key.Key_F)
    qtbot.keyClick(view, Qt.Key.Key_1)
    [before] = stored(window, 1)
    assert before.verdict is Verdict.ACCURATE
    with fault(window, kind):
        qtbot.keyClick(view, Qt.Key.Key_4)
        [now] = stored(window, 1)
        if now == before:  # a full disk can still take a change that fits in its pages
            bar_says(window, kind)
            assert window.annotations.editor.verdict.currentData() == Verdict.ACCURATE
            row = window.annotations.model.row_of(before.id)
            assert window.annotations.model.annotation(row).verdict is Verdict.ACCURATE
        else:
            assert kind == "full" and now.verdict is Verdict.INACCURATE
            assert window.annotations.editor.verdict.currentData() == Verdict.INACCURATE


def test_a_failed_undo_keeps_the_stack_where_the_database_is(window, qtbot, kind) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_A)
    stack = window.context.undo_stack
    assert (stack.count(), stack.index()) == (1, 1)
    [attribution] = stored(window, 1)
    with fault(window, kind):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert (stack.index() == 1) == (stored(window, 1) == [attribution]), "stack = database"
        if kind != "full":  # deleting frees space: a full disk may take it
            assert stored(window, 1) == [attribution], "the delete was refused"
            assert bar_says(window, kind).startswith("Undo “Tag attribution”: Not saved:")
            assert stack.index() == 1, "the stack did not move past what the store refused"
            assert window.undo_action.text() == "&Undo Tag attribution"
            assert attribution.id in view.highlighter.index
    if stack.index() == 1:
        window.undo_action.trigger()  # works now
        assert stored(window, 1) == [] and stack.index() == 0
    window.redo_action.trigger()
    # put back as it was, but newer than its tombstone (a colleague may hold that)
    assert [replace(a, modified=attribution.modified) for a in stored(window, 1)] == [attribution]
    assert stack.index() == 1


def test_a_failed_redo_keeps_the_stack_where_the_database_is(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_A)
    stack = window.context.undo_stack
    window.undo_action.trigger()
    assert stored(window, 1) == [] and stack.index() == 0
    with fault(window, "readonly"):
        window.redo_action.trigger()
        assert stored(window, 1) == [] and stack.index() == 0
        assert bar_says(window, "readonly").startswith("Redo “Tag attribution”")
    window.message_bar.retry.click()
    assert len(stored(window, 1)) == 1 and stack.index() == 1


def test_a_refused_preference_is_shown_and_not_kept(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from factcheck_gui.ui.dialogs import dialogs

    monkeypatch.setattr(
        dialogs, "ask_preferences", lambda **kw: dialogs.PreferencesAnswer("Alice", "Org", 10)
    )
    before = window.services.preferences.reviewer
    with fault(window, "readonly"):
        window.actions_.preferences.trigger()
        assert bar_says_prefix(window, "Preferences: Not saved:")
        assert window.services.preferences.reviewer == before
    window.message_bar.retry.click()
    assert window.services.preferences.reviewer == "Alice"


def test_a_refused_dismissal_keeps_the_suggestion(window, qtbot) -> None:  # noqa: ANN001
    window.suggest_figures()
    panel = window.suggestion_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0)
    count = panel.table.rowCount()
    with fault(window, "readonly"):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
        assert bar_says_prefix(window, "Dismiss suggestion: Not saved:")
        assert panel.table.rowCount() == count
        assert window.services.suggestions.dismissed_count(1) == 0
    window.message_bar.retry.click()
    assert window.services.suggestions.dismissed_count(1) == 1


def test_bad_input_is_in_the_bar_without_retry_and_dismiss_hides_it(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    blank = view.toPlainText().index("\n\n")
    view.setFocus()
    view.select_span(blank, blank + 2)
    qtbot.keyClick(view, Qt.Key.Key_F)
    bar = window.message_bar
    assert bar.isVisible() and "only white space" in bar.text.text()
    assert not bar.retry.isVisible(), "retrying the same input cannot help"
    bar.dismiss.click()
    assert not bar.isVisible()
    select_text(view, "Tempo.co")
    qtbot.keyClick(view, Qt.Key.Key_C)
    assert len(stored(window, 1)) == 1


def bar_says_prefix(window: Any, prefix: str) -> bool:
    bar = window.message_bar
    assert bar.isVisible() and bar.text.text().startswith(prefix), bar.text.text()
    assert bar.retry.isVisible()
    return True
