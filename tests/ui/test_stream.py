"""One stream of changes: whatever changed the store (an edit in the window, an undo, a
colleague's edit arriving from outside, an import or merge job, a restore), every view
shows what is stored, told in any order; the editor leaves alone the note being typed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.model import Kind, NewAnnotation, Verdict
from factcheck_gui.services.kept_comparison import Comparison
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.window.main_window import MainWindow
from tests.ui.conftest import stored, tag

FIGURE = "at least 6 million"
MEASURE = "People displaced"


def subscribers(window: MainWindow) -> list[Callable[[Changes], None]]:
    """Every view on the stream, in the order the window connects them."""
    return [
        window.panes.apply_changes,
        window.library.apply_changes,
        window.annotations.apply_changes,
        window.suggesting.apply_changes,
        window.comparing.apply_changes,
        window.selection.apply_changes,
    ]


@pytest.fixture(params=["as built", "reversed"])
def window(open_window: Callable[..., MainWindow], request: pytest.FixtureRequest) -> MainWindow:
    """The window with its views told in the order they were built, or the other way round:
    no view may depend on another having caught up first."""
    opened = open_window()
    context = opened.context
    views = subscribers(opened)
    assert context.receivers(SIGNAL("changed(PyObject)")) == len(views), (
        "a view subscribes to the stream that this test does not know: add it to subscribers()"
    )
    if request.param == "reversed":
        context.changed.disconnect()
        for view in reversed(views):
            context.changed.connect(view)
    return opened


def views_show_the_store(window: MainWindow, article_id: int) -> None:
    """Each view shows the stored annotations of ``article_id`` (open in a pane)."""
    # The library and the comparison read in the background, and the comparison takes
    # edits once they pause: wait for both, as a reviewer would.
    window.comparing.flush()
    deadline = time.monotonic() + 10
    while (window.library.busy or not window.comparing.settled) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    now = stored(window, article_id)
    ids = {a.id for a in now}
    [pane] = window.panes.showing(article_id)
    assert set(pane.view.notes) == ids, "the pane's annotations"
    assert pane.view.notes == {a.id: a for a in now}, "as stored, not as they were"
    drawn = {a.id for a in now if not a.orphaned}
    assert {i for i in ids | set(pane.view.notes) if i in pane.view.highlighter.index} == drawn
    assert pane.details.text().endswith(f"{len(ids)} annotation{'s' * (len(ids) != 1)}")
    if window.annotations.article is not None and window.annotations.article.id == article_id:
        assert {a.id: a for a in window.annotations.model.annotations()} == {a.id: a for a in now}
    library = window.library.model  # (the counts: read at once, not in the background)
    assert library.index_of(article_id).siblingAtColumn(3).data() == len(ids)
    fresh = Comparison(window.services.db)
    fresh.load()
    kept = window.comparing.comparison
    assert kept.summaries == fresh.summaries, "the comparison"
    assert all(kept.group(name) == fresh.group(name) for name in fresh.summaries)
    if window.cross.measure is not None:  # its figures marked in each pane
        group = fresh.group(window.cross.measure)
        for each in window.panes.panes:
            figures = group.figures if group else ()
            marked = {f.annotation_id for f in figures if f.article_id == each.article_id}
            assert each.view.highlighter.siblings == marked
    if window.selected is not None:
        assert window.selected in {a.id for p in window.panes.panes for a in p.view.notes.values()}


def tag_figure_with_measure(qtbot: Any, window: MainWindow) -> str:
    view = window.panes.panes[0].view
    tag(qtbot, view, FIGURE, Qt.Key.Key_F)
    box = window.annotations.editor.measure
    box.setFocus()
    qtbot.keyClicks(box, MEASURE)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.selected is not None
    return window.selected


def test_an_edit_in_the_window_reaches_every_view(window: MainWindow, qtbot: Any) -> None:
    figure = tag_figure_with_measure(qtbot, window)
    views_show_the_store(window, 1)
    assert window.comparing.comparison.measure_of(figure) == MEASURE
    window.select_annotation(figure)  # chosen again, now under a measure: its figures marked
    assert window.cross.measure == MEASURE
    views_show_the_store(window, 1)
    window.editing.set_verdict(Verdict.MISLEADING)  # the window's key, not the editor
    assert window.annotations.editor.verdict.currentData() == Verdict.MISLEADING
    views_show_the_store(window, 1)


def test_undo_and_redo_reach_every_view(window: MainWindow, qtbot: Any) -> None:
    figure = tag_figure_with_measure(qtbot, window)
    window.select_annotation(figure)  # its measure's figures marked in the panes
    window.editing.delete_selected()
    views_show_the_store(window, 1)
    assert window.selected is None, "the deleted annotation is no longer selected"
    window.undo_action.trigger()
    views_show_the_store(window, 1)
    assert figure in window.panes.panes[0].view.notes
    window.undo_action.trigger()  # the measure
    window.undo_action.trigger()  # the tag
    views_show_the_store(window, 1)
    assert not stored(window, 1) and not window.comparing.comparison.summaries
    window.redo_action.trigger()
    views_show_the_store(window, 1)


def test_a_change_from_outside_the_window_reaches_every_view(window: MainWindow) -> None:
    """A colleague's edit (or any writer but the window) arrives on the same stream."""
    service = window.services.annotations
    text = window.services.library.article(1).text
    start = text.index(FIGURE)
    figure, changes = service.create(
        NewAnnotation(1, start, start + len(FIGURE), Kind.FIGURE, reviewer="colleague")
    )
    changes = changes | service.update(figure.id, {"measure": MEASURE})
    window.context.notify(changes)
    views_show_the_store(window, 1)
    assert window.comparing.comparison.measure_of(figure.id) == MEASURE
    window.select_annotation(figure.id)
    _removal, gone = service.delete(figure.id)
    window.context.notify(gone)
    views_show_the_store(window, 1)
    assert window.selected is None and window.annotations.editor.annotation is None


def run_job(window: MainWindow, qtbot: Any, start: Callable[[], None]) -> None:
    with qtbot.waitSignal(window.exchange.jobEnded, timeout=60_000):
        start()


def test_an_import_job_refreshes_the_library_and_keeps_the_panes(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tag(qtbot, window.panes.panes[0].view, FIGURE, Qt.Key.Key_F)
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Headline {i}\n\nAbout {i} million people left.")
    monkeypatch.setattr(dialogs, "report", lambda **kw: None)
    run_job(window, qtbot, lambda: window.exchange.import_paths([folder]))
    qtbot.waitUntil(lambda: not window.library.busy)  # the library reads in the background
    library = window.library.model
    assert library.rowCount() == 2 and library.rowCount(library.index(1, 0)) == 3
    views_show_the_store(window, 1)


def test_a_merge_job_reaches_the_panes_the_table_and_the_counts(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = window.services.library.article(1)
    start = article.text.index(FIGURE)
    merged = "11111111-1111-1111-1111-111111111111"
    document = {
        "format": "factcheck-annotations",
        "version": 1,
        "exported": "2026-01-01T00:00:00Z",
        "articles": [{"id": 1, "title": "t", "sha256": article.sha256}],
        "annotations": [
            {
                "id": merged,
                "article": 1,
                "start": start,
                "end": start + len(FIGURE),
                "quote": FIGURE,
                "prefix": "",
                "suffix": "",
                "kind": "figure",
                "verdict": "accurate",
                "note": "from Bob",
                "reviewer": "bob",
                "created": "2026-01-01T00:00:00Z",
                "modified": "2026-01-01T00:00:00Z",
            }
        ],
    }
    path = tmp_path / "bob.json"
    path.write_text(json.dumps(document))
    monkeypatch.setattr(dialogs, "choose_annotation_set", lambda **kw: path)
    monkeypatch.setattr(dialogs, "report", lambda **kw: None)
    run_job(window, qtbot, window.actions_.import_set.trigger)
    assert merged in window.panes.panes[0].view.notes
    views_show_the_store(window, 1)


def test_a_restore_reaches_every_view(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.panes.panes[0].view
    tag(qtbot, view, "Britain accused Russia", Qt.Key.Key_C)
    backup = window.services.backups.create()
    figure = tag_figure_with_measure(qtbot, window)
    monkeypatch.setattr(dialogs, "choose_backup", lambda **kw: backup.id)
    window.restoring.action.trigger()
    qtbot.waitUntil(lambda: window.restoring.job is None, timeout=30_000)
    assert figure not in view.notes and len(view.notes) == 1
    assert window.selected is None
    views_show_the_store(window, 1)


# -- the editor and its own edits ---------------------------------------------------------------
def type_a_note(qtbot: Any, window: MainWindow, text: str) -> Any:
    tag(qtbot, window.panes.panes[0].view, FIGURE, Qt.Key.Key_F)
    qtbot.keyClick(window.panes.panes[0].view, Qt.Key.Key_N)
    note = window.annotations.editor.note
    assert note.hasFocus()
    qtbot.keyClicks(note, text)
    return note


def test_typing_a_note_keeps_the_cursor_where_the_reviewer_types(
    window: MainWindow, qtbot: Any
) -> None:
    seen: list[Changes] = []
    window.context.changed.connect(seen.append)
    note = type_a_note(qtbot, window, "TASS says")
    cursor = note.textCursor()
    cursor.setPosition(4)  # after "TASS"
    note.setTextCursor(cursor)
    qtbot.keyClicks(note, ", 3 Sept,")
    assert note.toPlainText() == "TASS, 3 Sept, says"
    assert note.textCursor().position() == len("TASS, 3 Sept,"), "the cursor stays put"
    assert note.document().isUndoAvailable(), "the box's own undo steps are kept"
    [stored_figure] = stored(window, 1)
    assert stored_figure.note == "TASS, 3 Sept, says"
    notes = [c for c in seen if c.updated]
    assert notes and all(c.initiator is window.annotations.editor for c in notes)


def test_the_editor_leaves_its_own_note_alone_and_shows_anyone_elses(
    window: MainWindow, qtbot: Any
) -> None:
    note = type_a_note(qtbot, window, "typed here")
    editor = window.annotations.editor
    [figure] = stored(window, 1)
    # The store holds other words than the box (as a slower save or a colleague leaves it).
    changes = window.services.annotations.update(figure.id, {"note": "stored elsewhere"})
    note.moveCursor(QTextCursor.MoveOperation.End)
    window.context.notify(changes.by(editor))  # its own edit: the box is not reset
    assert note.toPlainText() == "typed here" and note.textCursor().position() == 10
    assert editor.annotation is not None and editor.annotation.note == "stored elsewhere"
    window.context.notify(changes)  # anyone else's: shown
    assert note.toPlainText() == "stored elsewhere"


def test_undoing_a_note_shows_the_note_before(window: MainWindow, qtbot: Any) -> None:
    note = type_a_note(qtbot, window, "first")
    window.panes.panes[0].view.setFocus()
    window.undo_action.trigger()  # the typed note is one merged step
    assert note.toPlainText() == "" and stored(window, 1)[0].note == ""
