"""Round trips through the formats other tools read and write (issue 10, item 8): our CSV
table and W3C Web Annotation, exported here and merged into a fresh data folder with the
same articles, and W3C files in the shape other tools write.

What a format cannot carry, and what happens to it:
  * CSV: an orphan's place and context (its row has no start or end): it is used only where
    its quote is found in the article here, else left out and reported; deletions.
  * W3C: orphans (the export leaves them out), an annotation's old quote (``changed_from``)
    and deletions.
Everything else (kind, verdict, note, speaker, the attributed claim, reviewer, times, every
figure field) comes back identical.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.model import ArticleDraft, Kind, NewAnnotation, Verdict
from factcheck_gui.importers.ids import uuid_of_iri
from factcheck_gui.services.exporting import export
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.workspace import Workspace, open_memory_workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "w3c"
PAGE = "https://news.example.org/2023/09/russia-recruits-migrants"
TITLE = "Russia Steps Up Recruitment of Central Asian Migrants"


def tag(ws: Workspace, article_id: int, quote: str, kind: Kind = Kind.CLAIM, **kw) -> str:  # noqa: ANN003
    text = ws.library.article(article_id).text
    start = text.index(quote)
    return ws.annotations.create(
        NewAnnotation(article_id, start, start + len(quote), kind, kw.pop("reviewer", "ann"), **kw)
    )[0].id


def everything(ws: Workspace) -> list:
    return [a for s in ws.library.summaries() for a in ws.annotations.for_article(s.id)]


def same_articles() -> Workspace:
    return open_memory_workspace(samples=True)


@pytest.fixture
def rich() -> Workspace:
    """The sample articles with every kind and verdict, notes a spreadsheet would run,
    figures with units and intervals (closed, open, vague, dated, measured), attributions
    linked to their claims, and a re-anchored claim's old words."""
    ws = same_articles()
    figure = tag(
        ws,
        2,
        "Russia's military casualties are nearing 300,000",
        Kind.FIGURE,
        verdict=Verdict.MOSTLY_ACCURATE,
        note='US officials, "August"; see\nthe ministry, page 3',
    )
    ws.annotations.update(
        figure, {"measure": "Russian military casualties", "as_of": "2023-08-18", "unit": "people"}
    )
    tag(ws, 2, "US officials", Kind.ATTRIBUTION, speaker="US officials", target_id=figure)
    claim = tag(
        ws,
        2,
        "Moscow has been avoiding recruiting Russians",
        verdict=Verdict.MISLEADING,
        note='=HYPERLINK("http://evil")',
    )
    tag(ws, 2, "British intelligence", Kind.ATTRIBUTION, speaker="-UK MoD", target_id=claim)
    tag(ws, 1, "at least 6 million", Kind.FIGURE, verdict=Verdict.ACCURATE, note="+1 source")
    vague = tag(ws, 4, "264,660", Kind.FIGURE, verdict=Verdict.UNVERIFIABLE, note="@ministry")
    ws.annotations.update(vague, {"vague": True, "low": 200_000.5, "high": None, "hedge": "~"})
    checked = tag(ws, 3, "Russia has lost millions of soldiers", verdict=Verdict.INACCURATE)
    ws.annotations.update(checked, {"changed_from": "Russia lost millions of soldiers"})
    tag(ws, 3, "Medvedev", Kind.ATTRIBUTION, reviewer="'=bob")  # a speaker-less attribution
    return ws


def test_every_kind_verdict_note_figure_and_link_come_back_through_csv(
    rich: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "table.csv"
    export(rich, out)
    fresh = same_articles()
    report = merge_file(fresh.db, out)
    assert (report.added, report.left_out, report.failed, report.orphaned) == (8, [], [], [])
    assert everything(fresh) == everything(rich)
    assert {a.verdict for a in everything(fresh)} == set(Verdict)
    again = merge_file(fresh.db, out)  # the same table again changes nothing
    assert (again.added, again.updated, again.unchanged) == (0, 0, 8)


def test_every_kind_verdict_note_figure_and_link_come_back_through_w3c(
    rich: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "set.jsonld"
    export(rich, out)
    fresh = same_articles()
    report = merge_file(fresh.db, out)
    assert (report.added, report.left_out, report.failed) == (8, [], [])
    # W3C cannot carry the old words of a re-anchored claim; everything else comes back
    mine = [a if a.changed_from is None else _without_changed_from(a) for a in everything(rich)]
    assert everything(fresh) == mine


def _without_changed_from(a):  # noqa: ANN001, ANN202
    from dataclasses import replace

    return replace(a, changed_from=None)


def test_an_edited_row_updates_and_a_spreadsheet_round_trip_keeps_text(
    rich: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "table.csv"
    export(rich, out)
    fresh = same_articles()
    merge_file(fresh.db, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    target = next(r for r in rows if r["kind"] == "claim" and r["verdict"] == "misleading")
    target.update(note="'=checked again, “quoted”, and, commas", modified="2030-01-01T00:00:00Z")
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    out.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    report = merge_file(fresh.db, out)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 7)
    stored = fresh.annotations.get_annotation(target["annotation_id"])
    assert stored.note == "=checked again, “quoted”, and, commas"


def test_an_orphan_in_a_table_is_used_where_its_words_are_and_else_reported(
    tmp_path: Path,
) -> None:
    source = same_articles()
    text = source.library.article(1).text
    document = {
        "format": "factcheck-annotations",
        "version": 3,
        "articles": [{"id": 1, "title": "t", "sha256": source.library.article(1).sha256}],
        "annotations": [
            {
                "id": "0d6c7a1e-1111-4111-8111-000000000001",
                "article": 1,
                "start": 0,
                "end": 10,
                "quote": "words this article never had",
                "kind": "claim",
                "verdict": "inaccurate",
                "created": "2024-01-01T00:00:00Z",
                "modified": "2024-01-01T00:00:00Z",
            }
        ],
    }
    native = tmp_path / "orphan.json"
    native.write_text(json.dumps(document))
    assert len(merge_file(source.db, native).orphaned) == 1
    out = tmp_path / "table.csv"
    export(source, out)
    fresh = same_articles()
    report = merge_file(fresh.db, out)
    assert report.added == 0
    [item] = report.left_out
    title = source.library.article(1).title[:59] + "…"  # cut at 60 characters
    assert item.reason == f"an orphan in the file, and its quote is not in '{title}' either"
    assert item.where == "line 2"
    assert "“words this article never had”" in report.lines()[-1]
    # an orphan whose words are in the article here is placed on them
    quote = text[text.index("at least 6 million") :][:18]
    out.write_text(
        out.read_text(encoding="utf-8-sig").replace("words this article never had", quote),
        encoding="utf-8-sig",
    )
    report = merge_file(fresh.db, out)
    [placed] = fresh.annotations.for_article(1)
    assert report.added == 1 and (placed.quote, placed.orphaned) == (quote, False)
    assert text[placed.start : placed.end] == quote


def hypothesis_folder() -> tuple[Workspace, int]:
    ws = same_articles()
    text = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    [article] = ws.library.add_batch("web", [ArticleDraft(text, TITLE, url=PAGE)]).article_ids
    return ws, article


def test_a_hypothesis_export_is_placed_by_its_quotes_and_the_rest_reported() -> None:
    ws, article = hypothesis_folder()
    before = len(ws.library.summaries())
    report = merge_file(ws.db, FIXTURES / "hypothesis.jsonld")
    assert report.summary() == (
        "hypothesis.jsonld: 2 added, 0 updated, 0 re-anchored, 0 orphaned, 0 unchanged; "
        "articles: 1 matched, 0 added. 5 annotations left out: "
        "1: it targets a whole page, not words in it; "
        f"1: quote not found in '{TITLE}'; "
        "2: no article with this URL: https://other.example.com/world/europe; "
        "1: selector without a quote (no TextQuoteSelector)."
    )
    assert any(
        line.startswith("  left out  [3] (https://hypothes.is/a/As9TbWmMEe6Sr2gdP3e4Fi): quote")
        and line.endswith("“recruiters were paid a bonus per signature”")
        for line in report.lines()
    )
    text = ws.library.article(article).text
    first, highlight = ws.annotations.for_article(article)
    assert first.id == uuid_of_iri("https://hypothes.is/a/Xk2Tq0mJEe6bN3sWc0a1Bw")
    # its TextPositionSelector counted the page's DOM (off by two): only a hint
    assert (
        text[first.start : first.end]
        == first.quote
        == ("Russia has been recruiting migrants from Central Asia")
    )
    assert (first.kind, first.verdict, first.reviewer) == (
        Kind.CLAIM,
        Verdict.UNCHECKED,
        "fact.checker@hypothes.is",
    )
    assert first.note == (
        "Worth checking: the **ministry** says otherwise.\n\nTags: migrants, recruitment"
    )
    assert first.prefix == text[first.start - 32 : first.start]  # our text's own context
    assert (highlight.quote, highlight.note) == ("about 6 million", "")  # URL with #fragment
    assert len(ws.library.summaries()) == before, "a foreign set never adds articles"


def test_importing_the_same_foreign_set_again_updates_instead_of_duplicating(
    tmp_path: Path,
) -> None:
    ws, article = hypothesis_folder()
    merge_file(ws.db, FIXTURES / "hypothesis.jsonld")
    again = merge_file(ws.db, FIXTURES / "hypothesis.jsonld")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    items = json.loads((FIXTURES / "hypothesis.jsonld").read_text())
    items[0]["modified"] = "2023-09-08T10:00:00+00:00"
    items[0]["body"][0]["value"] = "Checked: the ministry agrees."
    edited = tmp_path / "edited.jsonld"
    edited.write_text(json.dumps(items))
    report = merge_file(ws.db, edited)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    notes = [a.note for a in ws.annotations.for_article(article)]
    assert len(notes) == 2 and notes[0].startswith("Checked: the ministry agrees.")


def test_a_w3c_collection_written_as_the_model_shows_it() -> None:
    ws, article = hypothesis_folder()
    assert ws.library.article(article).sha256 == (
        "cd8c17912616a9170cc95f3ee2b67a380e952a8413b3d7f832ebdb3225d82b59"
    ), "the fixture's ni:///sha-256 URI names this text"
    report = merge_file(ws.db, FIXTURES / "w3c_model.jsonld")
    assert report.added == 2
    assert [(i.where, i.reason) for i in report.left_out] == [
        (
            "first.items[2] (http://annotations.example.org/anno/3)",
            "selector without a quote (no TextQuoteSelector)",
        ),
        (
            "first.items[3] (http://annotations.example.org/anno/4)",
            "it targets a whole page, not words in it",
        ),
    ]
    by_quote = {a.quote: a for a in ws.annotations.for_article(article)}
    salaries = by_quote["salaries of about 4,000 dollars a month"]  # by its ni:/// hash
    assert salaries.note == "The 4,000 dollars are the top rate, not the usual one."
    assert salaries.reviewer == "R. Second"
    served = by_quote["Nobody is forced to serve"]  # a quote refining a FragmentSelector
    assert served.id == "0f8e5a3c-7b2d-4e91-a6c4-3d2b1e0f9a87", "urn:uuid: read as its UUID"
    assert served.modified.isoformat() == "2023-09-07T10:10:00+00:00"
    assert served.reviewer == "http://annotations.example.org/people/reviewer-2"  # the set's


def test_a_w3c_file_is_told_by_its_content_not_its_name(tmp_path: Path) -> None:
    ws, article = hypothesis_folder()
    renamed = tmp_path / "notes.txt"
    shutil.copy(FIXTURES / "w3c_model.jsonld", renamed)
    assert merge_file(ws.db, renamed).added == 2


def test_a_w3c_page_of_a_longer_collection_is_refused_whole(tmp_path: Path) -> None:
    ws, _ = hypothesis_folder()
    document = json.loads((FIXTURES / "w3c_model.jsonld").read_text())
    document["first"]["next"] = "http://annotations.example.org/collections/fact-check-1/page2"
    out = tmp_path / "page.jsonld"
    out.write_text(json.dumps(document))
    with pytest.raises(UserError, match="go on in pages not in the file") as caught:
        merge_file(ws.db, out)
    assert "\n" not in str(caught.value)
    assert everything(ws) == []


def test_an_unknown_file_is_one_clear_line_and_changes_nothing(
    rich: Workspace, tmp_path: Path
) -> None:
    before = everything(rich)
    cases = {
        "list.json": json.dumps([{"text": "an article, not an annotation"}]),
        "object.json": json.dumps({"annotations": []}),
        "people.csv": "name,age\nAna,40\n",
        "notes.txt": "just some words",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_text(content)
        with pytest.raises(UserError) as caught:
            merge_file(rich.db, path)
        assert str(caught.value) == (
            f"{path}: not an annotation set: expected native JSON, W3C Web Annotation or "
            "factcheck CSV; nothing was imported"
        )
    assert everything(rich) == before


@pytest.mark.parametrize("name", ["samples.csv", "samples.jsonld"])
def test_the_sample_annotations_come_back_whole(name: str, tmp_path: Path) -> None:
    """38 annotations written by hand, one starting inside a word ("s45,000 rubles"): a
    table keeps no context, so its offsets in the very same text (same hash) place it."""
    source = open_memory_workspace(samples=True, sample_annotations=True)
    out = tmp_path / name
    export(source, out)
    fresh = same_articles()
    report = merge_file(fresh.db, out)
    assert (report.added, report.left_out, report.failed) == (38, [], [])
    assert everything(fresh) == everything(source)
