"""Exporting and merging annotation sets: every format, round trips, re-anchoring, refusals."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.model import ArticleDraft, Kind, NewAnnotation, Verdict
from factcheck_gui.services.exporting import Scope, export
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.workspace import Workspace, open_memory_workspace


def tag(ws: Workspace, article_id: int, quote: str, kind: Kind = Kind.CLAIM, **kw) -> str:  # noqa: ANN003
    text = ws.library.article(article_id).text
    start = text.index(quote)
    return ws.annotations.create(
        NewAnnotation(article_id, start, start + len(quote), kind, kw.pop("reviewer", "ann"), **kw)
    )[0].id


def everything(ws: Workspace) -> list:
    return [a for s in ws.library.summaries() for a in ws.annotations.for_article(s.id)]


def without_time(path: Path) -> dict:
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported")
    return document


@pytest.fixture
def annotated(workspace: Workspace) -> Workspace:
    figure = tag(
        workspace,
        2,
        "Russia's military casualties are nearing 300,000",
        Kind.FIGURE,
        verdict=Verdict.MOSTLY_ACCURATE,
        note="US officials, August",
    )
    tag(workspace, 2, "US officials", Kind.ATTRIBUTION, speaker="US officials", target_id=figure)
    claim = tag(
        workspace,
        2,
        "Moscow has been avoiding recruiting Russians",
        verdict=Verdict.MISLEADING,
        note='=HYPERLINK("http://evil")',
    )
    tag(workspace, 2, "British intelligence", Kind.ATTRIBUTION, speaker="UK MoD", target_id=claim)
    tag(workspace, 1, "at least 6 million", Kind.FIGURE, verdict=Verdict.ACCURATE)
    tag(workspace, 4, "264,660", Kind.FIGURE)  # after the emoji
    return workspace


def test_native_export_round_trips_through_an_empty_database(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    first = tmp_path / "first.json"
    export(annotated, first)
    fresh = open_memory_workspace()
    report = merge_file(fresh.db, first)
    assert (report.added, report.articles_added, report.reanchored, report.orphaned) == (
        6,
        5,
        0,
        [],
    )
    second = tmp_path / "second.json"
    export(fresh, second)
    assert without_time(first) == without_time(second)
    document = without_time(first)
    assert (document["format"], document["version"]) == ("factcheck-annotations", 4)
    record = next(a for a in document["annotations"] if a["kind"] == "attribution")
    assert {
        "id",
        "article",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "kind",
        "verdict",
        "note",
        "reviewer",
        "created",
        "modified",
        "speaker",
        "target",
    } <= set(record)


def test_export_scopes_and_no_text(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "one.json"
    export(annotated, out, scope=Scope(article_ids=(2,)), include_text=False)
    document = without_time(out)
    assert [a["title"] for a in document["articles"]] == [annotated.library.article(2).title]
    assert "text" not in document["articles"][0] and len(document["annotations"]) == 4
    batch = annotated.library.batches()[0].batch.name
    export(annotated, out, scope=Scope(batches=(batch,)))
    assert len(without_time(out)["annotations"]) == 6
    with pytest.raises(UserError, match="no batch named 'nope'"):
        export(annotated, out, scope=Scope(batches=("nope",)))
    with pytest.raises(UserError, match="there is no article 99"):
        export(annotated, out, scope=Scope(article_ids=(99,)))


def test_a_no_text_set_cannot_bring_new_articles(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "bare.json"
    export(annotated, out, include_text=False)
    fresh = open_memory_workspace()
    report = merge_file(fresh.db, out)
    assert report.added == 0 and fresh.library.is_empty()
    assert any("exported with --no-text" in why for _, why in report.failed)


def test_csv_parses_back_and_neutralises_formulas(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "table.csv"
    export(annotated, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf"), "a BOM so Excel reads UTF-8"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    by_quote = {r["quote"]: r for r in rows}
    assert by_quote["264,660"]["article_title"].startswith("Russia Steps Up")
    assert by_quote["Moscow has been avoiding recruiting Russians"]["note"] == (
        '\'=HYPERLINK("http://evil")'
    )
    assert by_quote["US officials"]["speaker"] == "US officials"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")), value


def test_w3c_annotations_carry_their_required_fields(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "web.jsonld"
    export(annotated, out)
    document = json.loads(out.read_text())
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items = document["first"]["items"]
    assert len(items) == document["total"] == 6
    text4 = annotated.library.article(4).text
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        purposes = {b["purpose"] for b in item["body"]}
        assert {"classifying", "assessing"} <= purposes
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        assert {"exact", "prefix", "suffix"} <= set(quote) and {"start", "end"} <= set(position)
        if quote["exact"] == "264,660":
            assert text4[position["start"] : position["end"]] == "264,660"
            assert item["target"]["source"].startswith("ni:///sha-256;")
    noted = [i for i in items if any(b["purpose"] == "commenting" for b in i["body"])]
    assert len(noted) == 2


def test_claimreview_covers_checked_claims_with_their_speaker(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "reviews.json"
    tag(annotated, 3, "Russia has lost millions of soldiers")  # unchecked: left out
    annotated.preferences.set_organisation("Example Fact Check")
    annotated.preferences.set_publishing(
        organisation_url="", review_url_pattern="https://factcheck.example.org/r/{id}"
    )
    export(annotated, out, format_name="claimreview")
    [review] = json.loads(out.read_text())
    assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == "Moscow has been avoiding recruiting Russians"
    rating = review["reviewRating"]
    assert (
        rating["alternateName"],
        rating["ratingValue"],
        rating["bestRating"],
        rating["worstRating"],
    ) == ("misleading", 2, 4, 1)
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"] == {"@type": "Person", "name": "UK MoD"}
    assert item["appearance"]["datePublished"] == "2023-09-04"
    assert review["author"] == {"@type": "Organization", "name": "Example Fact Check"}
    assert "datePublished" in review and "url" not in item["appearance"]  # the sample has none
    assert review["url"] == "https://factcheck.example.org/r/" + review["identifier"][9:]
    assert "reviewBody" not in review, "the note is private"


def test_merging_keeps_the_newer_and_both_reviewers(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    mine = tmp_path / "mine.json"
    export(annotated, mine)
    colleague = open_memory_workspace()
    merge_file(colleague.db, mine)
    [figure] = [a for a in colleague.annotations.for_article(4)]
    colleague.annotations.update(figure.id, {"verdict": "accurate", "note": "checked the source"})
    tag(colleague, 4, "around 600 troops", reviewer="bob")
    theirs = tmp_path / "theirs.json"
    export(colleague, theirs)

    report = merge_file(annotated.db, theirs)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 5)
    merged = {a.quote: a for a in annotated.annotations.for_article(4)}
    assert merged["264,660"].note == "checked the source"
    assert merged["around 600 troops"].reviewer == "bob"
    # merging an older copy changes nothing
    before = everything(annotated)
    report = merge_file(annotated.db, mine)
    assert report.updated == report.added == 0 and everything(annotated) == before


def test_annotations_are_reanchored_or_orphaned_on_edited_text(tmp_path: Path) -> None:
    source = open_memory_workspace()
    text = (
        "Officials said Russia's military casualties are nearing 300,000. "
        "Medvedev said 280,000 people joined the army. Putin resisted mobilisation."
    )
    [article_id] = source.library.add_batch("b", [ArticleDraft(text, "T")]).article_ids
    tag(source, article_id, "Medvedev said 280,000 people joined the army", Kind.FIGURE)
    tag(source, article_id, "Putin resisted mobilisation", Kind.CLAIM)
    out = tmp_path / "set.json"
    export(source, out)
    document = json.loads(out.read_text())
    edited = ("Breaking: new figures. " + text).replace("Putin resisted mobilisation.", "")
    document["articles"][0]["text"] = edited
    import hashlib

    document["articles"][0]["sha256"] = hashlib.sha256(edited.encode()).hexdigest()
    out.write_text(json.dumps(document))
    target = open_memory_workspace()
    report = merge_file(target.db, out)
    assert report.reanchored == 1 and len(report.orphaned) == 1
    by_quote = {a.quote: a for a in target.annotations.for_article(1)}
    moved = by_quote["Medvedev said 280,000 people joined the army"]
    assert edited[moved.start : moved.end] == moved.quote and not moved.orphaned
    assert by_quote["Putin resisted mobilisation"].orphaned


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(version=5), "version 5, newer than this factcheck-gui reads"),
        (lambda d: d["annotations"][0].update(verdict="true-ish"), r"annotations\[0\].verdict"),
        (lambda d: d["annotations"][0].update(end=0), r"annotations\[0\].end should be after"),
        (lambda d: d["annotations"][0].update(article=42), "names article 42"),
        (lambda d: d["annotations"][0].update(modified="yesterday"), "not an ISO 8601 time"),
        (lambda d: d["articles"][0].update(sha256="abc"), "64 lowercase hexadecimal"),
    ],
)
def test_a_bad_annotation_set_is_refused_and_nothing_changes(
    annotated,
    tmp_path: Path,
    mutate,
    message,  # noqa: ANN001
) -> None:
    out = tmp_path / "set.json"
    export(annotated, out)
    document = json.loads(out.read_text())
    mutate(document)
    out.write_text(json.dumps(document))
    before = everything(annotated)
    with pytest.raises(UserError, match=message):
        merge_file(annotated.db, out)
    assert everything(annotated) == before


def test_a_truncated_annotation_set_names_its_line(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "set.json"
    export(annotated, out)
    out.write_text(out.read_text()[:500])
    with pytest.raises(UserError, match="malformed JSON at line .*nothing was imported"):
        merge_file(annotated.db, out)


# Pieces, some of several code points: combining accents, emoji with variation selectors.
TEXT = st.lists(
    st.sampled_from(list("abc xyz,.\n") + ["\u00e9", "e\u0301", "🎙️", "😀", "中", "\u00a0"]),
    min_size=5,
    max_size=60,
).map("".join)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.lists(TEXT, min_size=1, max_size=3, unique=True),
    spans=st.lists(
        st.tuples(
            st.integers(0, 2),
            st.integers(0, 79),
            st.integers(1, 20),
            st.sampled_from(list(Kind)),
            st.sampled_from(list(Verdict)),
            TEXT,
        ),
        max_size=8,
    ),
)
def test_round_trip_property(tmp_path: Path, texts: list[str], spans: list) -> None:  # noqa: ANN001
    source = open_memory_workspace()
    ids = source.library.add_batch("b", [ArticleDraft(t, f"T{i}") for i, t in enumerate(texts)])
    for index, start, length, kind, verdict, note in spans:
        text = texts[index % len(texts)]
        end = min(start + length, len(text))
        if not (start < end and text[start:end].strip()):
            continue  # not a taggable span; skipping keeps every generated set usable
        source.annotations.create(
            NewAnnotation(
                ids.article_ids[index % len(texts)],
                start,
                end,
                kind,
                "rév 🎙️",
                verdict,
                note,
                speaker=note[:10] if kind is Kind.ATTRIBUTION else None,
            )
        )
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    export(source, first)
    target = open_memory_workspace()
    report = merge_file(target.db, first)
    assert report.orphaned == [] and report.reanchored == 0
    export(target, second)
    assert without_time(first) == without_time(second)


def test_figures_carry_their_fields_through_an_exchange(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    [figure] = [a for a in annotated.annotations.for_article(1) if a.kind is Kind.FIGURE]
    assert (figure.value, figure.unit, figure.hedge, figure.low, figure.high) == (
        6_000_000,
        "people",  # "migrants" follows the tagged "6 million"
        "at least",
        6_000_000,
        None,
    )
    annotated.annotations.update(
        figure.id,
        {"measure": "Central Asian migrants in Russia", "unit": "people", "as_of": "2023-09-03"},
    )
    out = tmp_path / "v2.json"
    export(annotated, out)
    record = next(a for a in without_time(out)["annotations"] if a["id"] == figure.id)
    assert record["figure"] == {
        "value": 6_000_000,
        "unit": "people",
        "hedge": "at least",
        "low": 6_000_000,
        "high": None,
        "vague": False,
        "measure": "Central Asian migrants in Russia",
        "as_of": "2023-09-03",
    }
    fresh = open_memory_workspace()
    merge_file(fresh.db, out)
    again = fresh.annotations.get_annotation(figure.id)
    assert (again.measure, again.unit, again.as_of.isoformat()) == (
        "Central Asian migrants in Russia",
        "people",
        "2023-09-03",
    )
    csv_out = tmp_path / "t.csv"
    export(annotated, csv_out)
    with csv_out.open(encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["annotation_id"] == figure.id)
    assert (row["value"], row["figure_unit"], row["low"], row["high"], row["measure"]) == (
        "6000000",
        "people",
        "6000000",
        "",
        "Central Asian migrants in Russia",
    )


def test_a_version_1_file_still_imports(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "v1.json"
    export(annotated, out)
    document = json.loads(out.read_text())
    document["version"] = 1
    for record in document["annotations"]:
        record.pop("figure", None)
    out.write_text(json.dumps(document))
    fresh = open_memory_workspace()
    report = merge_file(fresh.db, out)
    assert report.added == 6 and not report.failed


def test_a_newer_version_1_edit_keeps_our_figure_fields(annotated, tmp_path: Path) -> None:  # noqa: ANN001
    [figure] = [a for a in annotated.annotations.for_article(1) if a.kind is Kind.FIGURE]
    annotated.annotations.update(figure.id, {"measure": "Central Asian migrants in Russia"})
    out = tmp_path / "old-app.json"
    export(annotated, out)
    document = json.loads(out.read_text())
    document["version"] = 1
    for record in document["annotations"]:
        record.pop("figure", None)
        if record["id"] == figure.id:
            record["note"] = "edited in an older app"
            record["modified"] = "2099-01-01T00:00:00Z"
    out.write_text(json.dumps(document))
    report = merge_file(annotated.db, out)
    assert report.updated == 1
    merged = annotated.annotations.get_annotation(figure.id)
    assert merged.note == "edited in an older app"
    assert (merged.measure, merged.low) == ("Central Asian migrants in Russia", 6_000_000)
