"""A merge writes in bulk (one executemany per insert and update, values through their
column types): the rows it stores are the rows every other write stores, byte for byte,
and a merge that cannot finish stores nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from factcheck_gui.domain.model import Kind, NewAnnotation, Verdict
from factcheck_gui.services.exporting import export
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.workspace import Workspace, open_memory_workspace
from factcheck_gui.storage import bulk

RAW = text(
    'SELECT a.id, article_id, start, "end", quote, prefix, suffix, kind, verdict, note, '
    "reviewer, created, modified, speaker, target_id, orphaned, changed_from, value, unit, "
    "hedge, low, high, vague, as_of, m.name FROM annotation a "
    "LEFT JOIN measure m ON m.id = a.measure_id ORDER BY a.id"
)


def raw(ws: Workspace) -> list[tuple]:
    with ws.db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(RAW)]


def tagged() -> tuple[Workspace, list[str]]:
    ws = open_memory_workspace(samples=True)
    ids = []
    for article, quote, kind in [
        (2, "Russia's military casualties are nearing 300,000", Kind.FIGURE),
        (2, "US officials", Kind.ATTRIBUTION),
        (1, "at least 6 million", Kind.FIGURE),
        (3, "Russia has lost millions of soldiers", Kind.CLAIM),
    ]:
        body = ws.library.article(article).text
        start = body.index(quote)
        new = NewAnnotation(article, start, start + len(quote), kind, "ann", note="n")
        ids.append(ws.annotations.create(new)[0].id)
    ws.annotations.update(ids[1], {"target_id": ids[0], "speaker": "US"})
    ws.annotations.update(ids[2], {"measure": "Migrants", "as_of": "2023-09-01", "vague": True})
    return ws, ids


def test_merged_rows_are_stored_as_the_annotation_service_stores_them(tmp_path: Path) -> None:
    source, ids = tagged()
    fresh = open_memory_workspace(samples=True)
    export(source, tmp_path / "1.json")
    assert merge_file(fresh.db, tmp_path / "1.json").added == 4
    assert raw(fresh) == raw(source)  # inserted
    source.annotations.update(ids[0], {"verdict": Verdict.INACCURATE, "note": "later"})
    source.annotations.update(ids[2], {"measure": "Central Asian migrants", "vague": False})
    export(source, tmp_path / "2.json")
    assert merge_file(fresh.db, tmp_path / "2.json").updated == 2
    assert raw(fresh) == raw(source)  # updated in place
    created = raw(fresh)[0][11]
    assert isinstance(created, str) and len(created) == 26, "SQLite's DATETIME text form"


def test_a_write_that_fails_half_way_leaves_nothing_of_the_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, ids = tagged()
    fresh = open_memory_workspace(samples=True)
    export(source, tmp_path / "1.json")
    merge_file(fresh.db, tmp_path / "1.json")
    before = raw(fresh)
    source.annotations.update(ids[0], {"note": "edited"})  # an update
    body = source.library.article(4).text
    at = body.index("264,660")
    source.annotations.create(NewAnnotation(4, at, at + 7, Kind.FIGURE, "bob"))  # an insert
    export(source, tmp_path / "2.json")
    real = bulk._rows
    calls = []

    def fail_on_the_update(*args: object) -> list:
        calls.append(1)
        if len(calls) == 2:  # the inserts have run
            raise RuntimeError("the disk went away")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk, "_rows", fail_on_the_update)
    with pytest.raises(RuntimeError):
        merge_file(fresh.db, tmp_path / "2.json")
    assert len(calls) == 2 and raw(fresh) == before


def test_the_bulk_reads_answer_as_the_repository_does() -> None:
    from factcheck_gui.storage import repository as repo

    ws, ids = tagged()
    ws.annotations.delete(ids[3])
    wanted = [*ids, "0d6c7a1e-1111-4111-8111-000000000001"]
    with ws.db.transaction() as session:
        assert bulk.heads(session, wanted) == repo.annotation_heads(session, wanted)
        assert bulk.deletions(session, wanted) == {
            t.id: t.deleted for t in repo.tombstones(session, ids=wanted)
        }
        assert list(bulk.deletions(session, wanted)) == [ids[3]]


@given(
    st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=-11)), timezone(timedelta(hours=5, minutes=45))]
        ),
    )
)
def test_times_are_written_as_sqlalchemy_writes_them(moment: datetime) -> None:
    from sqlalchemy.dialects import sqlite

    from factcheck_gui.storage.tables import AnnotationRow

    dialect = sqlite.dialect()
    column = AnnotationRow.__table__.c.modified.type  # type: ignore[attr-defined]
    assert bulk.utc_text(moment) == column.dialect_impl(dialect).bind_processor(dialect)(moment)
