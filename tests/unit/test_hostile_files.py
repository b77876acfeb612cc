"""Hostile files: any bytes are either read as drafts or refused with a one-line reason.

Every registered format, zips through ``sources.collect`` and the annotation-set reader are
fed arbitrary bytes and arbitrary JSON-shaped documents (hypothesis); the named hostile
kinds (deep nesting, huge numbers, NaN, unpaired surrogates, YAML alias bombs) each get a
test of their message.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers import FORMATS
from factcheck_gui.importers.annotation_set import read_annotation_set
from factcheck_gui.importers.decode import decode
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.set_model import AnnotationSet
from factcheck_gui.importers.sources import collect
from factcheck_gui.services.importing import read_source

pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ENDINGS = {name: fmt.endings[0] for name, fmt in FORMATS.items()}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def refused_or_read(name: str, data: bytes) -> list[ArticleDraft] | None:
    """Drafts, or None after checking the refusal is a one-line message."""
    try:
        drafts = read_source(name, data)
    except ImportProblem as problem:
        message = str(problem)
        assert message and "\n" not in message
        return None
    assert isinstance(drafts, list) and drafts
    for draft in drafts:
        assert isinstance(draft, ArticleDraft) and draft.text.strip()
        draft.text.encode("utf-8")  # storable: no unpaired surrogates
    return drafts


@pytest.mark.parametrize("fmt", sorted(ENDINGS))
@FAST
@given(data=st.binary(max_size=600))
def test_any_bytes_are_read_or_refused(fmt: str, data: bytes) -> None:
    refused_or_read(f"file{ENDINGS[fmt]}", data)


@pytest.mark.parametrize("fmt", sorted(ENDINGS))
@FAST
@given(text=st.text(max_size=300))
def test_any_text_is_read_or_refused(fmt: str, text: str) -> None:
    refused_or_read(f"file{ENDINGS[fmt]}", text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("ending", [".json", ".jsonl", ".csv", ".md"])
@FAST
@given(value=json_values)
def test_structured_records_of_any_shape_are_read_or_refused(ending: str, value: object) -> None:
    if ending == ".md":
        text = "---\n" + json.dumps({"title": value, "date": value}) + "\n---\nSome text.\n"
    elif ending == ".csv":
        text = "text,title,date\n" + json.dumps(value).replace("\n", " ") + ",x,y\n"
    elif ending == ".jsonl":
        text = "\n".join(json.dumps({"text": "t", "title": value, "date": value}) for _ in "ab")
    else:
        text = json.dumps([{"text": value}, {"text": "t", "published": value, "url": value}])
    refused_or_read(f"file{ending}", text.encode())


@FAST
@given(
    entries=st.lists(
        st.tuples(
            st.sampled_from(["a.txt", "b.json", "c.csv", "../d.txt", "e.jsonl", "f"]),
            st.binary(max_size=200),
        ),
        max_size=4,
    ),
    garble=st.binary(max_size=40),
)
def test_zips_of_anything_are_read_or_refused(
    tmp_path_factory: pytest.TempPathFactory, entries: list[tuple[str, bytes]], garble: bytes
) -> None:
    folder = tmp_path_factory.mktemp("zips")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    (folder / "good.zip").write_bytes(buffer.getvalue())
    (folder / "torn.zip").write_bytes(buffer.getvalue()[: len(garble)] + garble)
    with collect([folder]) as sources:
        for failure in sources.failures:
            assert failure.reason and "\n" not in failure.reason
        for source in sources.files:
            try:
                data = source.read()
            except ImportProblem as problem:
                assert "\n" not in str(problem)
                continue
            refused_or_read(source.name, data)


def read_set(data: bytes) -> AnnotationSet | None:
    try:
        return read_annotation_set(decode(data))
    except ImportProblem as problem:
        assert str(problem) and "\n" not in str(problem)
        return None


@FAST
@given(data=st.binary(max_size=600))
def test_any_bytes_as_an_annotation_set_are_read_or_refused(data: bytes) -> None:
    read_set(data)


ARTICLE = {"id": 1, "title": "T", "sha256": "a" * 64, "text": "Some text."}
ANNOTATION = {
    "id": "7c7e1a57-0000-4000-8000-000000000001",
    "article": 1,
    "start": 0,
    "end": 4,
    "quote": "Some",
    "kind": "figure",
    "verdict": "accurate",
    "created": "2024-01-01T00:00:00Z",
    "modified": "2024-01-01T00:00:00Z",
    "figure": {"value": 1.0, "low": 1, "high": 2, "vague": False, "as_of": "2024-01-01"},
}


@settings(max_examples=150, deadline=None)
@given(
    where=st.sampled_from(["article", "annotation", "figure", "top"]),
    key=st.sampled_from([*ARTICLE, *ANNOTATION, "value", "low", "as_of", "vague", "articles"]),
    value=json_values,
)
def test_an_annotation_set_with_any_field_changed_is_read_or_refused(
    where: str, key: str, value: object
) -> None:
    article, annotation = dict(ARTICLE), json.loads(json.dumps(ANNOTATION))
    document: dict[str, object] = {
        "format": "factcheck-annotations",
        "version": 2,
        "articles": [article],
        "annotations": [annotation],
    }
    target = {
        "article": article,
        "annotation": annotation,
        "figure": annotation["figure"],
        "top": document,
    }[where]
    target[key] = value
    read_set(json.dumps(document).encode())


DEEP = [
    "[" * 100_000,
    '{"a":' * 100_000,
    "[" * 500 + "]" * 500,  # parses, and is still no file of articles
]


@pytest.mark.parametrize("text", DEEP, ids=["brackets", "objects", "500-levels"])
def test_deep_nesting_is_refused_with_a_reason(text: str) -> None:
    for name, data in (("deep.json", text), ("deep.jsonl", '{"text": "ok"}\n' + text)):
        with pytest.raises(ImportProblem, match="nested more than 64 levels"):
            read_source(name, data.encode())
    # An annotation set's reader takes its fields and never walks the rest, so nesting the
    # parser survives is no danger there; the set is refused for what it lacks.
    expected = "unknown annotation-set version" if text == DEEP[2] else "nested more than 64"
    with pytest.raises(ImportProblem, match=expected):
        read_annotation_set('{"format": "factcheck-annotations", "x": ' + text + "}")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("n.json", '[{"text": "x", "id": ' + "9" * 5000 + "}]", "a number is too long"),
        ("n.json", '[{"text": "x", "id": NaN}]', "NaN is not a JSON value"),
        ("s.jsonl", '{"text": "a \\ud800 b"}\n{"text": "fine"}', r"\\ud800, half of a char"),
        (
            "b.md",
            "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b]\ntitle: [*c, *c, *c, *c, *c, *c, *c]\n---\nText.\n",
            "front matter holds a list",
        ),
        ("d.md", "---\ndate: !!timestamp 2023-02-30\n---\nText.\n", "malformed front matter"),
        ("y.md", "---\nt: " + "[" * 5000 + "\n---\nText.\n", "front matter"),
        ("c.csv", 'text,title\n"unterminated\x00', "binary"),
        ("h.csv", '"te"xt"\n', "no 'text' column|malformed CSV"),
    ],
)
def test_hostile_kinds_are_refused_with_a_reason(name: str, text: str, message: str) -> None:
    with pytest.raises(ImportProblem, match=message) as caught:
        read_source(name, text.encode("utf-8", "surrogatepass"))
    assert "\n" not in str(caught.value)


def test_an_annotation_set_with_an_infinite_number_is_refused() -> None:
    document = {
        "format": "factcheck-annotations",
        "version": 2,
        "articles": [ARTICLE],
        "annotations": [ANNOTATION],
    }
    text = json.dumps(document).replace('"value": 1.0', '"value": 1e999')
    with pytest.raises(ImportProblem, match=r"annotations\[0\]\.figure\.value is too large"):
        read_annotation_set(text)


def test_sources_of_a_folder_report_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "b.zip").write_bytes(b"PK\x03\x04 torn")
    with collect([tmp_path]) as sources:
        assert [Path(s.name).name for s in sources.files] == ["a.txt"]
        assert "not a readable zip" in sources.failures[0].reason


@pytest.mark.parametrize("written", ["2023-02-30", "sometime last week", "31/31/2023"])
def test_a_front_matter_date_that_cannot_be_read_costs_only_the_date(written: str) -> None:
    [draft] = read_source("d.md", f"---\ntitle: Kept\ndate: {written}\n---\nThe text.\n".encode())
    assert draft.title == "Kept" and draft.text == "The text.\n" and draft.published is None
    [warning] = draft.warnings
    assert warning.startswith("front matter: the date ") and warning.endswith(
        "stored without a date"
    )


def test_a_front_matter_date_in_words_is_read() -> None:
    [draft] = read_source("d.md", b"---\ndate: September 4, 2023\n---\nThe text.\n")
    assert str(draft.published) == "2023-09-04" and draft.warnings == ()
