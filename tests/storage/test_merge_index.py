"""A merge indexes its new annotations for search all at once (storage/fulltext.py,
``insert_annotations``): the keys the insert trigger would give, in each article's own
range, after those it has; the trigger back in place; a merge that fails leaves nothing,
the trigger included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services.exporting import export
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.workspace import Workspace, open_memory_workspace
from factcheck_gui.storage import fulltext
from tests.storage.test_merge_bulk import raw, tagged

SPAN = fulltext.KEY_SPAN


def keys(ws: Workspace) -> dict[int, list[int]]:
    """Each article's annotation keys, as offsets into its range."""
    found: dict[int, list[int]] = {}
    with ws.db.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT a.article_id, k.key FROM annotation_key k "
                "JOIN annotation a ON a.id = k.annotation_id ORDER BY k.key"
            )
        )
        for article, key in rows:
            assert key // SPAN == article, "in its article's own range"
            found.setdefault(article, []).append(key - article * SPAN)
    return found


def has_trigger(ws: Workspace) -> bool:
    with ws.db.engine.connect() as connection:
        return (
            connection.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = 'annotation_fts_insert'")
            ).first()
            is not None
        )


def index_is_sound(ws: Workspace) -> None:
    with ws.db.engine.begin() as connection:  # raises if the index and the rows disagree
        connection.execute(
            text("INSERT INTO annotation_fts(annotation_fts, rank) VALUES ('integrity-check', 1)")
        )


def found(ws: Workspace, words: str) -> set[str | None]:
    return {h.annotation_id for h in ws.search.search(words).hits if h.annotation_id}


def test_a_merge_indexes_its_annotations_as_the_trigger_does(tmp_path: Path) -> None:
    source, ids = tagged()  # indexed one by one, by the trigger
    source.annotations.update(ids[3], {"note": "Zelenskyy's office disputes this"})
    export(source, tmp_path / "set.json")
    fresh = open_memory_workspace(samples=True)
    assert merge_file(fresh.db, tmp_path / "set.json").added == 4
    assert keys(fresh) == keys(source) == {1: [0], 2: [0, 1], 3: [0]}
    assert has_trigger(fresh)
    index_is_sound(fresh)
    assert found(fresh, "Zelenskyy") == found(source, "Zelenskyy") == {ids[3]}
    assert found(fresh, "casualties nearing") == {ids[0]}, "the quote indexed too"


def test_a_merge_continues_the_keys_an_article_has_and_the_trigger_after_it(
    tmp_path: Path,
) -> None:
    source, ids = tagged()
    export(source, tmp_path / "set.json")
    fresh = open_memory_workspace(samples=True)
    body = fresh.library.article(2).text
    at = body.index("US officials")
    first = fresh.annotations.create(NewAnnotation(2, at, at + 12, Kind.CLAIM, "bea"))[0]
    merge_file(fresh.db, tmp_path / "set.json")
    at = body.index("120,000")
    last = fresh.annotations.create(NewAnnotation(2, at, at + 7, Kind.FIGURE, "bea"))[0]
    assert keys(fresh)[2] == [0, 1, 2, 3], "the merge's after the one before, then the next"
    index_is_sound(fresh)
    with fresh.db.engine.connect() as connection:
        rows = connection.execute(text("SELECT annotation_id, key FROM annotation_key"))
        by_key = {annotation_id: key for annotation_id, key in rows}
    assert by_key[first.id] == 2 * SPAN and by_key[last.id] == 2 * SPAN + 3


def test_a_merge_that_fails_after_its_insert_leaves_nothing_and_the_trigger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, _ids = tagged()
    export(source, tmp_path / "set.json")
    fresh = open_memory_workspace(samples=True)
    before = raw(fresh)
    monkeypatch.setattr(fulltext, "_BULK_INDEX", "INSERT INTO no_such_table VALUES (?)")
    with pytest.raises(Exception, match="no_such_table"):
        merge_file(fresh.db, tmp_path / "set.json")
    assert raw(fresh) == before and keys(fresh) == {}
    assert has_trigger(fresh), "rolled back with the rest"
    monkeypatch.undo()
    body = fresh.library.article(1).text
    at = body.index("at least 6 million")
    made = fresh.annotations.create(NewAnnotation(1, at, at + 18, Kind.FIGURE, "bea"))[0]
    assert keys(fresh) == {1: [0]} and found(fresh, "million") == {made.id}


def test_an_article_whose_keys_would_run_out_is_refused_with_nothing_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, _ids = tagged()
    export(source, tmp_path / "set.json")
    fresh = open_memory_workspace(samples=True)
    before = raw(fresh)
    # As if article 2's range had room for one key more: its two new annotations overflow.
    tight = fulltext._BULK_FULL.replace(
        f"(a.article_id + 1) * {SPAN} - 1", f"a.article_id * {SPAN} + 1"
    )
    monkeypatch.setattr(fulltext, "_BULK_FULL", tight)
    with pytest.raises(Exception, match="article 2 would have too many annotations"):
        merge_file(fresh.db, tmp_path / "set.json")
    assert raw(fresh) == before and keys(fresh) == {} and has_trigger(fresh)
