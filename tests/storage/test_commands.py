"""Undo commands (Qt-free) reach the database both ways."""

from dataclasses import replace

import pytest

from factcheck_gui.domain.commands import CreateAnnotation, DeleteAnnotation, EditAnnotation
from factcheck_gui.domain.errors import NotFound, UserError
from factcheck_gui.domain.model import Kind, NewAnnotation, Verdict
from factcheck_gui.services.workspace import Workspace


def new(ws: Workspace, quote: str, kind: Kind = Kind.CLAIM) -> NewAnnotation:
    start = ws.library.article(1).text.index(quote)
    return NewAnnotation(1, start, start + len(quote), kind, reviewer="ann")


def test_create_undo_redo_keeps_the_same_annotation(workspace: Workspace) -> None:
    store = workspace.annotations
    command = CreateAnnotation(store, new(workspace, "at least 6 million", Kind.FIGURE))
    command.do()
    created = store.get_annotation(command.annotation_id)
    command.undo()
    assert store.for_article(1) == []
    command.do()
    again = store.get_annotation(command.annotation_id)
    assert replace(again, modified=created.modified) == created
    assert again.modified > created.modified, "newer than its tombstone, which may travel"
    assert command.label == "Tag figure" and command.past == "tagged a figure"


def test_edit_undo_restores_the_old_values(workspace: Workspace) -> None:
    store = workspace.annotations
    create = CreateAnnotation(store, new(workspace, "280,000 people"))
    create.do()
    edit = EditAnnotation(store, create.annotation_id, {"verdict": Verdict.MISLEADING})
    edit.do()
    assert store.get_annotation(create.annotation_id).verdict is Verdict.MISLEADING
    assert edit.label == "Set verdict to misleading"
    assert edit.past == "marked a claim misleading", "the kind is read when it is done"
    edit.undo()
    assert store.get_annotation(create.annotation_id).verdict is Verdict.UNCHECKED


def test_consecutive_note_edits_merge_into_one_step(workspace: Workspace) -> None:
    store = workspace.annotations
    create = CreateAnnotation(store, new(workspace, "280,000 people"))
    create.do()
    first = EditAnnotation(store, create.annotation_id, {"note": "T"})
    first.do()
    second = EditAnnotation(store, create.annotation_id, {"note": "TASS"})
    second.do()
    assert first.merge(second)
    assert not first.merge(EditAnnotation(store, create.annotation_id, {"verdict": "accurate"}))
    first.undo()
    assert store.get_annotation(create.annotation_id).note == ""


def test_delete_undo_brings_back_the_annotation_and_its_links(workspace: Workspace) -> None:
    store = workspace.annotations
    figure = CreateAnnotation(store, new(workspace, "about 280,000 people", Kind.FIGURE))
    figure.do()
    who = CreateAnnotation(
        store, replace(new(workspace, "Dmitry Medvedev", Kind.ATTRIBUTION), speaker="Medvedev")
    )
    who.do()
    EditAnnotation(store, who.annotation_id, {"target_id": figure.annotation_id}).do()
    delete = DeleteAnnotation(store, figure.annotation_id)
    delete.do()
    assert delete.label == "Delete figure" and delete.past == "deleted a figure"
    assert delete.removed is not None and delete.removed.id == figure.annotation_id
    with pytest.raises(NotFound):
        store.get_annotation(figure.annotation_id)
    delete.undo()
    assert store.get_annotation(who.annotation_id).target_id == figure.annotation_id


def test_an_edit_undo_never_overwrites_a_newer_edit_from_elsewhere(workspace: Workspace) -> None:
    store = workspace.annotations
    create = CreateAnnotation(store, new(workspace, "280,000 people"))
    create.do()
    key = create.annotation_id
    edit = EditAnnotation(store, key, {"verdict": Verdict.MISLEADING})
    edit.do()
    store.update(key, {"verdict": Verdict.ACCURATE})  # a colleague's set, merged
    newer = store.get_annotation(key)
    with pytest.raises(UserError, match="was changed since .* its newer values were kept"):
        edit.undo()
    assert store.get_annotation(key) == newer


def test_a_refused_edit_is_tried_afresh_and_then_undoes_to_the_real_before(
    workspace: Workspace,
) -> None:
    store = workspace.annotations
    create = CreateAnnotation(store, new(workspace, "280,000 people"))
    create.do()
    key = create.annotation_id
    bad = EditAnnotation(store, key, {"value": "lots"})
    with pytest.raises(UserError, match="value should be a number"):
        bad.do()
    store.update(key, {"verdict": Verdict.ACCURATE})
    edit = EditAnnotation(store, key, {"verdict": Verdict.INACCURATE})
    edit.do()
    edit.undo()
    assert store.get_annotation(key).verdict is Verdict.ACCURATE
