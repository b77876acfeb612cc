"""The readers of annotation sets, without a database: the CSV table's cells round-trip
exactly, the native reader's fast path reads as its checked path does, ids and text hashes
are read strictly, and each W3C shape is recognised."""

from __future__ import annotations

import base64
import hashlib
import io
import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.annotation_table import FORMULA_STARTS, neutralise, restore
from factcheck_gui.domain.model import Annotation, Article, Kind, Verdict
from factcheck_gui.exporters.csv_table import write_csv
from factcheck_gui.exporters.registry import ExportSet, MemorySource
from factcheck_gui.importers.annotation_set import _checked
from factcheck_gui.importers.annotation_set_fast import well_formed
from factcheck_gui.importers.csv_set import read_csv_set
from factcheck_gui.importers.decode import decode
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.foreign_set import ForeignSet
from factcheck_gui.importers.ids import annotation_id, canonical_uuid, uuid_of_iri
from factcheck_gui.importers.set_model import AnnotationSet
from factcheck_gui.importers.sets import NOT_A_SET, looks_like_set, read_set
from factcheck_gui.importers.w3c_set import text_hash

# Any text a reviewer may type or an article may hold (not NUL, which no imported text has,
# nor half a surrogate pair, which no text file can hold), often starting like a formula.
PLAIN = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
STARTS = st.sampled_from([*FORMULA_STARTS, "'", "''", "'=", "''+", '"', ",", "\r\n", "\n", " "])
TEXT = st.one_of(PLAIN, st.builds(lambda start, rest: start + rest, STARTS, PLAIN))
SOME_TEXT = TEXT.filter(lambda t: bool(t.strip()))  # a quote marks some words
WHEN = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)


@given(TEXT)
def test_neutralised_cells_are_restored_exactly(cell: str) -> None:
    written = neutralise(cell)
    assert not written.startswith(FORMULA_STARTS), "a spreadsheet never runs it"
    assert restore(written) == cell


@settings(max_examples=150, deadline=None)
@given(
    title=SOME_TEXT,
    outlet=SOME_TEXT,
    quote=SOME_TEXT,
    note=TEXT,
    speaker=SOME_TEXT,
    reviewer=TEXT,
    unit=SOME_TEXT,
    measure=SOME_TEXT,
    hedge=SOME_TEXT,
    changed=SOME_TEXT,
)
def test_the_csv_reader_gives_back_every_text_cell_exactly(
    title: str,
    outlet: str,
    quote: str,
    note: str,
    speaker: str,
    reviewer: str,
    unit: str,
    measure: str,
    hedge: str,
    changed: str,
) -> None:
    article = Article(1, 1, title, outlet, None, date(2023, 9, 4), "text", "a" * 64)
    common = dict(prefix="", suffix="", reviewer=reviewer, created=WHEN, modified=WHEN)
    figure = Annotation(
        "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19", 1, 3, 9, quote, kind=Kind.FIGURE,
        verdict=Verdict.MISLEADING, note=note, changed_from=changed, value=-5.0, unit=unit,
        hedge=hedge, low=-1e20, high=None, vague=True, as_of=date(2023, 1, 2),
        measure=measure, **common,
    )  # fmt: skip
    attribution = Annotation(
        "0d6c7a1e-1111-4111-8111-000000000001", 1, 0, 2, quote, kind=Kind.ATTRIBUTION,
        verdict=Verdict.UNCHECKED, note=note, speaker=speaker, target_id=figure.id, **common,
    )  # fmt: skip
    out = io.StringIO(newline="")
    write_csv(out, ExportSet(MemorySource([article], [figure, attribution])))
    table = read_csv_set(decode(out.getvalue().encode("utf-8-sig")))
    by_id = {a.id: a for a in table.annotations}  # the file is in text order
    read_figure, read_attribution = by_id[figure.id], by_id[attribution.id]
    assert read_figure.article.title == title and read_figure.article.outlet == outlet
    assert read_figure.article.hashes == ("a" * 64,)
    assert (read_figure.quote, read_figure.note, read_figure.reviewer) == (quote, note, reviewer)
    assert read_figure.changed_from == changed
    assert read_figure.figure is not None
    assert (read_figure.figure.unit, read_figure.figure.measure, read_figure.figure.hedge) == (
        unit,
        measure,
        hedge,
    )
    assert (read_figure.figure.value, read_figure.figure.low, read_figure.figure.high) == (
        -5.0,
        -1e20,
        None,
    )
    assert read_figure.figure.vague and read_figure.figure.as_of == date(2023, 1, 2)
    assert (read_figure.created, read_figure.modified) == (WHEN, WHEN)
    assert (read_attribution.speaker, read_attribution.target) == (speaker, figure.id)
    assert (read_attribution.start, read_attribution.end) == (0, 2)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(kind="opinion"), "line 2: kind should be one of claim, figure"),
        (lambda r: r.update(verdict="true-ish"), "line 2: verdict unknown verdict 'true-ish'"),
        (lambda r: r.update(modified="2024-01-01T00:00:00"), "line 2: modified has no time zone"),
        (lambda r: r.update(start="4.5"), "line 2: start should be a whole number"),
        (lambda r: r.update(end="2"), "line 2: end and start should be two offsets"),
        (lambda r: r.update(value="NaN"), "line 2: value should be a finite number"),
        (lambda r: r.update(quote="  "), "line 2: quote is empty"),
        (lambda r: r.update(orphaned="maybe"), "line 2: orphaned should be yes or empty"),
        (lambda r: r.update(article_sha256="xyz"), "line 2: article_sha256 should be 64"),
    ],
)
def test_a_bad_cell_refuses_the_table_naming_its_line(change: Any, message: str) -> None:
    import csv

    article = Article(1, 1, "T", None, None, None, "text", "a" * 64)
    a = Annotation(
        "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19", 1, 3, 9, "quote", "", "", Kind.FIGURE,
        Verdict.ACCURATE, "", "r", WHEN, WHEN, value=1.0,
    )  # fmt: skip
    out = io.StringIO(newline="")
    write_csv(out, ExportSet(MemorySource([article], [a])))
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    change(rows[0])
    again = io.StringIO(newline="")
    writer = csv.DictWriter(again, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    with pytest.raises(ImportProblem, match=message):
        read_csv_set(again.getvalue())


def test_an_older_table_without_the_later_columns_still_reads() -> None:
    header = (
        "article_id,article_title,outlet,url,published,kind,verdict,quote,note,speaker,reviewer,"
        "start,end,created,modified,annotation_id,target_id,orphaned,value,figure_unit,hedge,"
        "low,high,measure,as_of,my own column"
    )
    row = (
        '1,T,,https://n.test/1,,claim,accurate,"a, b",,,ana,3,7,2024-01-01T00:00:00Z,'
        "2024-01-01T00:00:00Z,7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19,,,,,,,,,,kept out"
    )
    table = read_csv_set("\ufeff" + header + "\r\n" + row + "\r\n")
    [a] = table.annotations
    assert a.quote == "a, b" and a.article.urls == ("https://n.test/1",) and not a.article.hashes
    assert table.notes == ["column 'my own column' is not one of ours; not read"]


BASE = {
    "id": "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19",
    "article": 1,
    "start": 0,
    "end": 4,
    "quote": "Some",
    "prefix": "",
    "suffix": " text",
    "kind": "attribution",
    "verdict": "accurate",
    "note": "",
    "reviewer": "r",
    "created": "2024-01-01T00:00:00Z",
    "modified": "2024-01-01T00:00:00+01:00",
    "orphaned": False,
    "speaker": "S",
    "target": "0d6c7a1e-1111-4111-8111-000000000001",
    "figure": {"value": 1.0, "low": 1, "high": 2, "vague": False, "as_of": "2024-01-01"},
}
VALUES = st.one_of(
    st.just("drop"),  # the key left out
    st.none(),
    st.booleans(),
    st.integers(-3, 10),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "claim", "figure", "mostly_accurate", "Accurate", "=2+5", "2024-01-01"]),
    st.sampled_from(["2024-01-01T00:00:00", "7C7E1A57-3F0D-4B7E-9A51-8F2D6C0E4B19", "{x}"]),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["value", "unit"]), st.integers(), max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(
    changes=st.dictionaries(
        st.sampled_from([*BASE, "changed_from", "rationale", "review_url"]), VALUES, max_size=3
    ),
    figure=st.dictionaries(
        st.sampled_from(["value", "low", "high", "unit", "hedge", "vague", "measure", "as_of"]),
        st.one_of(VALUES, st.integers(), st.sampled_from([1e308 * 10, 2**60, -0.0])),
        max_size=3,
    ),
)
def test_the_fast_path_reads_a_record_as_the_checked_path_does(changes: dict, figure: dict) -> None:
    record = {**BASE, **changes}
    for key in [k for k, v in changes.items() if v == "drop"]:
        record.pop(key)
    if "figure" not in changes:
        record["figure"] = {**BASE["figure"], **figure}
    for publishing in (False, True):  # versions 1-3, and 4 with the rationale fields
        try:
            checked = _checked(record, "annotations[0]", {1}, publishing=publishing)
        except ImportProblem:
            checked = None
        try:
            fast = well_formed(record, {1}, publishing=publishing)
        except (KeyError, TypeError, ValueError, ImportProblem):
            fast = None
        assert fast is None or fast == checked


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19", "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19"),
        ("7C7E1A57-3F0D-4B7E-9A51-8F2D6C0E4B19", "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19"),
        ("{7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19}", "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19"),
        ("urn:uuid:7c7e1a573f0d4b7e9a518f2d6c0e4b19", "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19"),
        ("7c7e1a57-3f0d4b7e-9a51-8f2d-6c0e4b19", None),  # hyphens where none go
        ("=2+5", None),
        ("", None),
        (42, None),
    ],
)
def test_uuids_are_read_strictly_and_stored_canonical(value: object, expected: str | None) -> None:
    assert canonical_uuid(value) == expected


def test_another_tools_iri_stands_for_a_stable_uuid() -> None:
    iri = "https://hypothes.is/a/Xk2Tq0mJEe6bN3sWc0a1Bw"
    assert annotation_id(iri) == uuid_of_iri(iri) == annotation_id(iri)
    assert canonical_uuid(uuid_of_iri(iri)) == uuid_of_iri(iri)
    assert annotation_id("urn:uuid:not-a-uuid") is None, "a urn:uuid: must hold a UUID"
    assert annotation_id("=2+5") is None and annotation_id("no scheme") is None


def test_an_article_is_named_by_the_hash_of_its_text() -> None:
    digest = hashlib.sha256(b"Some text.").digest()
    b64 = base64.urlsafe_b64encode(digest).decode()
    assert text_hash(f"ni:///sha-256;{b64.rstrip('=')}") == digest.hex()
    assert text_hash(f"ni://example.org/sha-256;{b64}?ct=text/plain") == digest.hex()
    assert text_hash(f"urn:sha256:{digest.hex().upper()}") == digest.hex()
    assert text_hash(f"ni:///sha-256-128;{b64}") is None  # truncated: names no one text
    assert text_hash("ni:///sha-256;not*base64") is None
    assert text_hash("https://news.example.org/") is None


ANNOTATION = {
    "type": "Annotation",
    "id": "urn:uuid:7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19",
    "created": "2024-01-01T00:00:00Z",
    "target": {
        "source": "https://n.test/1",
        "selector": {"type": "TextQuoteSelector", "exact": "Some"},
    },
}


@pytest.mark.parametrize(
    "document",
    [
        {"@context": "http://www.w3.org/ns/anno.jsonld", **ANNOTATION},
        [ANNOTATION],
        {"type": "AnnotationPage", "items": [ANNOTATION]},
        {"type": "AnnotationCollection", "first": {"items": [], "next": {"items": [ANNOTATION]}}},
        {"@context": ["http://www.w3.org/ns/anno.jsonld"], "@graph": [ANNOTATION]},
    ],
    ids=["one", "list", "page", "collection", "graph"],
)
def test_every_w3c_shape_is_recognised(document: Any) -> None:
    text = json.dumps(document)
    assert looks_like_set(text)
    found = read_set(text)
    assert isinstance(found, ForeignSet) and len(found.annotations) == 1
    assert found.annotations[0].id == "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19"


def test_native_sets_are_still_native_and_other_json_is_no_set() -> None:
    native = {"format": "factcheck-annotations", "version": 3, "articles": [], "annotations": []}
    assert isinstance(read_set(json.dumps(native)), AnnotationSet)
    for other in ([{"text": "an article"}], {"type": "Article"}, []):
        assert not looks_like_set(json.dumps(other))
        with pytest.raises(ImportProblem, match=f"^{NOT_A_SET}$"):
            read_set(json.dumps(other))


def test_an_annotation_set_given_as_articles_says_what_it_is() -> None:
    from factcheck_gui.importers.structured import read_csv, read_json

    article = Article(1, 1, "T", None, None, None, "text", "a" * 64)
    a = Annotation(
        "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19", 1, 0, 4, "text", "", "", Kind.CLAIM,
        Verdict.ACCURATE, "", "r", WHEN, WHEN,
    )  # fmt: skip
    out = io.StringIO(newline="")
    write_csv(out, ExportSet(MemorySource([article], [a])))
    with pytest.raises(ImportProblem, match="this is an annotation set, not articles"):
        read_csv(out.getvalue(), "table.csv")
    with pytest.raises(ImportProblem, match="this is an annotation set, not articles"):
        read_json(json.dumps([ANNOTATION]), "hypothesis.json")
