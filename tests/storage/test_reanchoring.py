"""Re-anchoring in the services: carry-over and merges store the words at the new place,
mark changed words for the reviewer, and no export shows an orphan as placed."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from factcheck_gui.domain.commands import EditAnnotation
from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.model import Annotation, ArticleDraft, Kind, NewAnnotation, Verdict
from factcheck_gui.services.exporting import export
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.versions import carry_over
from factcheck_gui.services.workspace import Workspace, open_memory_workspace

URL = "https://news.example/parks"
OLD = (
    "The fund now has 3 million members. Officials said the city spent 12 million dollars "
    "on parks last year, up from 9 million."
)
NEW = "Officials said the city spent 12 million US dollars on parks last year, up from 9 million."
CLAIM = "the city spent 12 million dollars on parks"


def tag(ws: Workspace, article_id: int, quote: str, kind: Kind = Kind.CLAIM, **kw) -> str:  # noqa: ANN003
    text = ws.library.article(article_id).text
    start = text.index(quote)
    return ws.annotations.create(
        NewAnnotation(article_id, start, start + len(quote), kind, "ann", **kw)
    )[0].id


def by_quote(ws: Workspace, article_id: int) -> dict[str, Annotation]:
    return {a.changed_from or a.quote: a for a in ws.annotations.for_article(article_id)}


@pytest.fixture
def versions() -> tuple[Workspace, int, int]:
    ws = open_memory_workspace()
    [old_id] = ws.library.add_batch("v1", [ArticleDraft(OLD, "Parks", url=URL)]).article_ids
    tag(ws, old_id, "3 million", Kind.FIGURE, verdict=Verdict.ACCURATE)
    tag(ws, old_id, CLAIM, verdict=Verdict.MISLEADING)
    tag(ws, old_id, "9 million", Kind.FIGURE)
    [new_id] = ws.library.add_batch("v2", [ArticleDraft(NEW, "Parks", url=URL)]).article_ids
    return ws, old_id, new_id


def test_carry_over_orphans_a_deleted_number_and_marks_changed_words(versions) -> None:  # noqa: ANN001
    ws, old_id, new_id = versions
    result = carry_over(ws.db, new_id)
    assert (result.kept, result.moved, result.changed, result.orphaned) == (0, 1, 1, 1)
    assert "1 with changed text (check their verdicts), 1 orphaned" in result.summary()
    copied = by_quote(ws, new_id)
    gone = copied["3 million"]
    assert gone.orphaned and gone.quote == "3 million" and gone.changed_from is None
    claim = copied[CLAIM]
    assert not claim.orphaned and claim.changed_from == CLAIM
    assert (
        claim.quote
        == NEW[claim.start : claim.end]
        == ("the city spent 12 million US dollars on parks")
    )
    assert (claim.prefix, claim.suffix) == (NEW[: claim.start], NEW[claim.end : claim.end + 32])
    assert claim.verdict is Verdict.MISLEADING, "kept, for the reviewer to check again"
    nine = copied["9 million"]
    assert NEW[nine.start : nine.end] == "9 million" and nine.changed_from is None


def test_a_verdict_clears_the_mark_and_undo_brings_it_back(versions) -> None:  # noqa: ANN001
    ws, _, new_id = versions
    carry_over(ws.db, new_id)
    claim = by_quote(ws, new_id)[CLAIM]
    edit = EditAnnotation(ws.annotations, claim.id, {"verdict": Verdict.MISLEADING})
    edit.do()
    assert ws.annotations.get_annotation(claim.id).changed_from is None
    edit.undo()
    assert ws.annotations.get_annotation(claim.id).changed_from == CLAIM
    ws.annotations.update(claim.id, {"note": "a note is no verdict"})
    assert ws.annotations.get_annotation(claim.id).changed_from == CLAIM


def _edited_set(source: Workspace, path: Path, new_text: str) -> None:
    export(source, path)
    document = json.loads(path.read_text())
    document["articles"][0]["text"] = new_text
    document["articles"][0]["sha256"] = hashlib.sha256(new_text.encode()).hexdigest()
    path.write_text(json.dumps(document))


def test_a_merge_onto_edited_text_reports_the_change_and_it_travels(tmp_path: Path) -> None:
    source = open_memory_workspace()
    [article] = source.library.add_batch("b", [ArticleDraft(OLD, "Parks")]).article_ids
    claim_id = tag(source, article, CLAIM, verdict=Verdict.MISLEADING)
    tag(source, article, "3 million", Kind.FIGURE)
    out = tmp_path / "set.json"
    _edited_set(source, out, NEW)
    target = open_memory_workspace()
    report = merge_file(target.db, out)
    assert len(report.orphaned) == 1 and report.reanchored == 1
    new_words = "the city spent 12 million US dollars on parks"
    assert report.changed == [(claim_id, CLAIM, new_words)]
    assert f"  text changed  {claim_id}: “{CLAIM}” → “{new_words}”; check its verdict" in (
        report.lines()
    )
    merged = target.annotations.get_annotation(claim_id)
    assert (merged.quote, merged.changed_from) == (new_words, CLAIM)
    # the mark travels in the native format, and a second merge finds it in place
    again = tmp_path / "again.json"
    export(target, again)
    record = next(r for r in json.loads(again.read_text())["annotations"] if r["id"] == claim_id)
    assert record["changed_from"] == CLAIM
    third = open_memory_workspace()
    merge_file(third.db, again)
    assert third.annotations.get_annotation(claim_id).changed_from == CLAIM


def test_a_bad_changed_from_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    source = open_memory_workspace()
    [article] = source.library.add_batch("b", [ArticleDraft(OLD, "Parks")]).article_ids
    tag(source, article, CLAIM)
    out = tmp_path / "set.json"
    export(source, out)
    document = json.loads(out.read_text())
    document["annotations"][0]["changed_from"] = 7
    out.write_text(json.dumps(document))
    target = open_memory_workspace()
    with pytest.raises(UserError, match=r"annotations\[0\]\.changed_from should be text"):
        merge_file(target.db, out)
    assert target.library.is_empty()


def test_exports_never_show_an_orphan_as_placed(versions, tmp_path: Path) -> None:  # noqa: ANN001
    ws, _, new_id = versions
    carry_over(ws.db, new_id)
    orphan = by_quote(ws, new_id)["3 million"]
    ws.annotations.update(orphan.id, {"kind": "claim", "verdict": "accurate"})
    assert ws.annotations.get_annotation(orphan.id).orphaned

    w3c = tmp_path / "web.jsonld"
    export(ws, w3c)
    items = json.loads(w3c.read_text())["first"]["items"]
    assert f"urn:uuid:{orphan.id}" not in {i["id"] for i in items} and len(items) == 5

    reviews = tmp_path / "reviews.json"
    ws.preferences.set_publishing(organisation_url="", review_url_pattern="https://f.example/{id}")
    export(ws, reviews, format_name="claimreview")
    claimed = {r["identifier"] for r in json.loads(reviews.read_text())}
    assert f"urn:uuid:{orphan.id}" not in claimed and len(claimed) == 2

    table = tmp_path / "table.csv"
    export(ws, table)
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["annotation_id"]: r for r in csv.DictReader(handle)}
    assert (rows[orphan.id]["orphaned"], rows[orphan.id]["start"], rows[orphan.id]["end"]) == (
        "yes",
        "",
        "",
    )
    placed = [r for i, r in rows.items() if i != orphan.id]
    assert all(r["orphaned"] == "" and r["start"] for r in placed)
