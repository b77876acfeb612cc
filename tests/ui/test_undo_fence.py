"""Undo never overwrites newer data: a merge (not undoable) ends the undo history, and says
so in the Edit menu; the merged values stay."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from factcheck_gui.domain.model import Verdict
from factcheck_gui.services.exporting import export
from factcheck_gui.ui.dialogs import dialogs
from tests.ui.conftest import stored, tag


def test_undo_after_a_merge_that_updated_the_annotation_does_not_overwrite_it(
    window,
    qtbot,
    tmp_path,
    monkeypatch,  # noqa: ANN001
) -> None:
    view = window.panes.panes[0].view
    tag(qtbot, view, "about 280,000 people", Qt.Key.Key_F)
    qtbot.keyClick(view, Qt.Key.Key_3)  # misleading, on the undo stack
    [ours] = stored(window, 1)
    path = tmp_path / "colleague.json"
    export(window.services, path)
    document = json.loads(path.read_text())
    [theirs] = document["annotations"]
    theirs.update(verdict="accurate", note="checked with TASS", modified="2099-01-01T00:00:00Z")
    path.write_text(json.dumps(document))
    monkeypatch.setattr(dialogs, "choose_annotation_set", lambda **kw: path)
    monkeypatch.setattr(dialogs, "report", lambda **kw: None)
    with qtbot.waitSignal(window.exchange.jobEnded, timeout=60_000):
        window.actions_.import_set.trigger()
    [merged] = stored(window, 1)
    assert (merged.verdict, merged.note) == (Verdict.ACCURATE, "checked with TASS")

    stack = window.context.undo_stack
    assert not stack.canUndo() and not window.undo_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, 1) == [merged], "the colleague's newer edit is kept"
    assert window.undo_fence.isVisible()
    assert window.undo_fence.text() == (
        "Undo history ended: the annotation set colleague.json was merged"
    )
    assert ours.verdict is Verdict.MISLEADING
    qtbot.keyClick(view, Qt.Key.Key_5)  # new steps are undoable again
    window.undo_action.trigger()
    assert stored(window, 1)[0].verdict is Verdict.ACCURATE


def test_an_undo_over_a_newer_edit_is_refused_with_a_message(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "about 280,000 people", Qt.Key.Key_F)
    qtbot.keyClick(view, Qt.Key.Key_3)
    [ours] = stored(window, 1)
    window.services.annotations.update(ours.id, {"verdict": Verdict.ACCURATE})  # elsewhere
    [newer] = stored(window, 1)
    stack = window.context.undo_stack
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, 1) == [newer]
    assert stack.index() == 2, "the refused step stays where the database is"
    bar = window.message_bar
    assert bar.isVisible() and not bar.retry.isVisible()
    assert "was changed since" in bar.text.text() and "newer values were kept" in bar.text.text()
