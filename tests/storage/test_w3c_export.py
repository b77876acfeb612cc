"""The W3C Web Annotation export, checked against the W3C test suite's JSON schemas, and
its selectors checked against the text their source names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from referencing import Registry
from referencing.jsonschema import DRAFT4
from test_exchange import annotated, tag  # noqa: F401
from vocabularies import W3C, vocabulary

from factcheck_gui.domain.digests import ni_uri, text_sha256
from factcheck_gui.domain.model import ArticleDraft, Kind, Verdict
from factcheck_gui.services.exporting import export
from factcheck_gui.services.workspace import Workspace

# The optional features (the suite's "should" and "may" assertions) this export claims.
IMPLEMENTED = {
    "annotation": [
        "annotations/3.3.1-annotationCreatedImplemented.json",
        "annotations/3.3.1-annotationModifiedImplemented.json",
        "annotations/3.3.1-annotationCreatorImplemented.json",
        "annotations/3.3.2-annotationCreatorAgentNameImplemented.json",
        "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
        "annotations/3.3.5-annotationMotivationImplemented.json",
        "annotations/bodiesTargets/3.3.5-bodyPurpose.json",
        "annotations/bodiesTargets/3.2.1-bodyFormat.json",
        "annotations/bodiesTargets/4-targSpecificResource.json",
        "annotations/specificResource/4.2-selectorFound.json",
        "annotations/specificResource/4.2.4-textQuoteSelector.json",
        "annotations/specificResource/4.2.4-prefix.json",
        "annotations/specificResource/4.2.4-suffix.json",
        "annotations/specificResource/4.2.5-textPositionSelector.json",
        "annotations/specificResource/4.6-scope.json",
    ],
    "collection": [
        "collections/5.1-collectionLabelImplemented.json",
        "collections/5.1-collectionTotalImplemented.json",
        "collections/5.1-collectionFirstImplemented.json",
        "collections/5.1-collectionLastImplemented.json",
    ],
    "page": ["collections/pages/5.2-pageStartIndexImplemented.json"],
}
MUSTS = {
    "annotation": "annotations/annotationMusts.test",
    "collection": "collections/collectionMusts.test",
    "page": "collections/pages/pageMusts.test",
}


class Suite:
    """The suite's assertions (draft-04 schemas that $ref its definitions/ files)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.registry: Registry = Registry().with_resources(
            (path.name, DRAFT4.create_resource(json.loads(path.read_text(encoding="utf-8"))))
            for path in sorted((root / "definitions").glob("*.json"))
        )

    def musts(self, what: str) -> list[str]:
        test = json.loads((self.root / MUSTS[what]).read_text(encoding="utf-8"))
        return list(test["assertions"])

    def failures(self, instance: dict[str, Any], assertions: list[str]) -> list[str]:
        failed = []
        for name in assertions:
            schema = json.loads((self.root / name).read_text(encoding="utf-8"))
            assert schema["expectedResult"] == "valid"
            validator = Draft4Validator(
                schema, registry=self.registry, format_checker=Draft4Validator.FORMAT_CHECKER
            )
            if not validator.is_valid(instance):
                failed.append(f"{name}: {schema['errorMessage']}")
        return failed


@pytest.fixture(scope="module")
def suite() -> Suite:
    return Suite(vocabulary(W3C))


@pytest.fixture
def document(annotated: Workspace, tmp_path: Path) -> dict[str, Any]:  # noqa: F811
    annotated.library.add_batch(
        "web",
        [
            ArticleDraft(
                "Ünïcode 🙂 first: officials said 3,000 people left.",
                title="From the web",
                url="https://news.example.org/story?id=1&x=2",
            )
        ],
    )
    [web] = [s for s in annotated.library.summaries() if s.title == "From the web"]
    tag(annotated, web.id, "3,000 people", Kind.FIGURE, verdict=Verdict.ACCURATE)
    out = tmp_path / "web.jsonld"
    export(annotated, out)
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_suite_is_complete(suite: Suite) -> None:
    assert len(suite.musts("annotation")) == 54 and len(suite.musts("page")) == 15
    for names in IMPLEMENTED.values():
        assert all((suite.root / n).is_file() for n in names)


def test_the_collection_and_its_page_pass_every_must(
    suite: Suite, document: dict[str, Any]
) -> None:
    assert suite.failures(document, suite.musts("collection")) == []
    assert suite.failures(document, suite.musts("page")) == []  # the page, embedded
    page = {"@context": document["@context"], **document["first"]}
    assert suite.failures(page, suite.musts("page")) == []
    assert suite.failures(document, IMPLEMENTED["collection"]) == []
    assert suite.failures(page, IMPLEMENTED["page"]) == []


def test_every_annotation_passes_every_must_and_what_we_implement(
    suite: Suite, document: dict[str, Any]
) -> None:
    items = document["first"]["items"]
    assert len(items) == 7
    for item in items:
        annotation = {"@context": document["@context"], **item}  # as a client reads it alone
        assert suite.failures(annotation, suite.musts("annotation")) == [], item["id"]
        implemented = IMPLEMENTED["annotation"]
        if "scope" not in item["target"]:
            implemented = [n for n in implemented if not n.endswith("4.6-scope.json")]
        if not any(b.get("format") for b in item["body"]):
            implemented = [n for n in implemented if not n.endswith("bodyFormat.json")]
        assert suite.failures(annotation, implemented) == [], item["id"]


def test_the_suite_catches_what_it_should(suite: Suite, document: dict[str, Any]) -> None:
    """A check on the checker: the export as it was (no ids) fails the musts."""
    old = {k: v for k, v in document.items() if k not in ("id", "last")}
    old["first"] = {k: v for k, v in document["first"].items() if k != "id"}
    assert any(
        "5.1-collectionIdValidated" in f for f in suite.failures(old, suite.musts("collection"))
    )
    assert any("5.2-pageIdValidated" in f for f in suite.failures(old, suite.musts("page")))
    item = dict(document["first"]["items"][0], id="not a uri")
    assert suite.failures({"@context": document["@context"], **item}, suite.musts("annotation"))


def test_ids_and_pages_as_the_model_says(document: dict[str, Any], tmp_path: Path) -> None:
    page = document["first"]
    assert document["id"].startswith("urn:uuid:") and page["id"].startswith("urn:uuid:")
    assert document["id"] != page["id"] and document["last"] == page["id"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    assert "next" not in page and "prev" not in page, "one page: nothing before or after"
    assert document["total"] == len(page["items"])


def test_each_selector_selects_its_quote_in_the_text_its_source_names(
    annotated: Workspace,  # noqa: F811
    document: dict[str, Any],
) -> None:
    texts = {}
    for summary in annotated.library.summaries():
        article = annotated.library.article(summary.id)
        texts[ni_uri(text_sha256(article.text))] = article
    for item in document["first"]["items"]:
        target = item["target"]
        article = texts[target["source"]]  # the source names a stored text, by its hash
        selectors = {s["type"]: s for s in target["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        text = article.text
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
        assert target.get("scope") == article.url, "the page it came from, when known"
    web = next(i for i in document["first"]["items"] if "scope" in i["target"])
    assert web["target"]["scope"] == "https://news.example.org/story?id=1&x=2"
    position = next(s for s in web["target"]["selector"] if s["type"] == "TextPositionSelector")
    assert position["start"] == len("Ünïcode 🙂 first: officials said "), "code points"


def test_orphans_are_not_exported_as_placed(annotated: Workspace, tmp_path: Path) -> None:  # noqa: F811
    from sqlmodel import select

    from factcheck_gui.storage.tables import AnnotationRow

    with annotated.db.transaction() as session:
        row = session.exec(select(AnnotationRow)).first()
        assert row is not None
        row.orphaned = True
        orphan = row.id
    out = tmp_path / "w.jsonld"
    export(annotated, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert orphan not in {i["id"].removeprefix("urn:uuid:") for i in document["first"]["items"]}
    assert document["total"] == 5
