"""Exports read the database a batch at a time: the file is the same whatever the batch
size, across batch boundaries, for every format and scope."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck_gui.exporters import claimreview
from factcheck_gui.services.exporting import Scope, export
from factcheck_gui.services.workspace import Workspace, open_workspace
from factcheck_gui.storage import streams

FORMATS = ("json", "csv", "w3c", "claimreview")


@pytest.fixture
def sampled(data_dir: Path) -> Workspace:
    """The sample batch with our annotations of it (attributions, figures, orphans none),
    one deletion, and a pattern for reviews' URLs."""
    ws = open_workspace(data_dir, sample_annotations=True)
    ws.preferences.set_publishing(organisation_url="", review_url_pattern="https://f.example/{id}")
    first = ws.library.summaries()[0].id
    ws.annotations.delete(ws.annotations.for_article(first)[-1].id)
    yield ws
    ws.close()


def comparable(path: Path, fmt: str) -> Any:
    """The file, without what changes at each export (its time, the collection's ids)."""
    if fmt == "csv":
        return path.read_bytes()
    document = json.loads(path.read_text(encoding="utf-8"))
    if fmt == "json":
        document.pop("exported")
    if fmt == "w3c":
        for key in ("id", "generated", "last"):
            document.pop(key)
        document["first"].pop("id")
    return document


@pytest.mark.parametrize(
    "scope",
    [Scope(), Scope(article_ids=(5, 2, 3)), Scope(batches=("Sample batch",))],
    ids=["everything", "some articles", "a batch"],
)
def test_the_batch_size_changes_nothing(
    sampled: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scope: Scope
) -> None:
    names = [b.batch.name for b in sampled.library.batches()]
    if scope.batches:
        scope = Scope(batches=(names[0],))
    whole = {}
    for fmt in FORMATS:
        out = tmp_path / f"whole.{fmt}"
        report = export(sampled, out, format_name=fmt, scope=scope)
        assert report.annotations > 0
        whole[fmt] = comparable(out, fmt)
    monkeypatch.setattr(streams, "CHUNK", 2)  # two articles a query, two ids a chunk
    monkeypatch.setattr(claimreview, "BATCH", 1)  # one claim's speaker a query
    for fmt in FORMATS:
        out = tmp_path / f"batched.{fmt}"
        export(sampled, out, format_name=fmt, scope=scope)
        assert comparable(out, fmt) == whole[fmt], fmt


def test_the_collection_counts_what_it_holds(sampled: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "w.jsonld"
    report = export(sampled, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["total"] == len(document["first"]["items"]) == report.annotations


def test_an_empty_scope_writes_empty_lists(empty_workspace: Workspace, tmp_path: Path) -> None:
    for fmt in FORMATS:
        out = tmp_path / f"empty.{fmt}"
        report = export(empty_workspace, out, format_name=fmt)
        assert (report.articles, report.annotations) == (0, 0)
        if fmt == "csv":
            assert out.read_text(encoding="utf-8-sig").startswith("article_id,")
            continue
        document = json.loads(out.read_text(encoding="utf-8"))
        if fmt == "json":
            assert (document["articles"], document["annotations"], document["deleted"]) == (
                [],
                [],
                [],
            )
        elif fmt == "w3c":
            assert document["total"] == 0 and document["first"]["items"] == []
        else:
            assert document == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_is_one_state_of_the_database_while_others_write(
    sampled: Workspace, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Another connection deletes annotations after the first batch was read: the file is
    still what the database held when the export began (W3C's total matches its items)."""
    import sqlite3

    from factcheck_gui.storage.database import DB_FILENAME

    before = tmp_path / f"before.{fmt}"
    export(sampled, before, format_name=fmt)
    monkeypatch.setattr(streams, "CHUNK", 2)
    real = streams.annotations_of
    calls = []

    def meanwhile(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        if not calls:  # a colleague's process deletes everything after the first batch
            with sqlite3.connect(data_dir / DB_FILENAME, timeout=10) as other:
                other.execute("PRAGMA foreign_keys = OFF")
                other.execute("DELETE FROM annotation")
            calls.append(1)
        return found

    monkeypatch.setattr(streams, "annotations_of", meanwhile)
    out = tmp_path / f"during.{fmt}"
    export(sampled, out, format_name=fmt)
    assert calls, "the other connection wrote during the export"
    assert comparable(out, fmt) == comparable(before, fmt)
    assert sampled.annotations.for_article(2) == [], "the deletions did happen"
