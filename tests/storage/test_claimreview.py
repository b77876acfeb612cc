"""ClaimReview export: the review's own URL, the public rationale, the rating in words, the
claim's author and appearance; every property checked against the schema.org vocabulary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_exchange import annotated, tag  # noqa: F401
from vocabularies import SCHEMA_ORG, vocabulary

from factcheck_gui.cli import main
from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.model import ArticleDraft, Kind, Verdict
from factcheck_gui.services.exporting import export
from factcheck_gui.services.workspace import Workspace

PATTERN = "https://factcheck.example.org/reviews/{id}"


def reviews(ws: Workspace, tmp_path: Path) -> list[dict[str, Any]]:
    out = tmp_path / "reviews.json"
    export(ws, out, format_name="claimreview")
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def published(annotated: Workspace) -> Workspace:  # noqa: F811
    ws = annotated
    ws.preferences.set_organisation("Example Fact Check")
    ws.preferences.set_publishing(
        organisation_url="https://factcheck.example.org/", review_url_pattern=PATTERN
    )
    ws.library.add_batch(
        "web",
        [
            ArticleDraft(
                "The minister said unemployment halved. Nobody else did.",
                title="Jobs",
                outlet="Daily Example",
                url="https://news.example.org/jobs",
            )
        ],
    )
    [jobs] = [s for s in ws.library.summaries() if s.title == "Jobs"]
    claim = tag(ws, jobs.id, "unemployment halved", verdict=Verdict.INACCURATE, note="private!")
    ws.annotations.update(
        claim,
        {
            "rationale": "Official figures show a 10% fall, not 50%.",
            "review_url": "https://factcheck.example.org/2026/jobs",
        },
    )
    tag(ws, jobs.id, "Nobody else did", verdict=Verdict.UNVERIFIABLE)
    return ws


def test_each_review_names_its_own_page_its_rationale_and_the_verdict_in_words(
    published: Workspace, tmp_path: Path
) -> None:
    found = {r["claimReviewed"]: r for r in reviews(published, tmp_path)}
    assert set(found) == {
        "Moscow has been avoiding recruiting Russians",
        "unemployment halved",
        "Nobody else did",
    }
    jobs = found["unemployment halved"]
    assert jobs["url"] == "https://factcheck.example.org/2026/jobs", "its own URL first"
    assert jobs["reviewBody"] == "Official figures show a 10% fall, not 50%."
    assert "private!" not in json.dumps(jobs), "the note is never published"
    assert jobs["reviewRating"] == {
        "@type": "Rating",
        "name": "Inaccurate",
        "alternateName": "inaccurate",
        "ratingValue": 1,
        "bestRating": 4,
        "worstRating": 1,
    }
    item = jobs["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Daily Example"}, "the outlet"
    assert item["appearance"] == {
        "@type": "CreativeWork",
        "headline": "Jobs",
        "url": "https://news.example.org/jobs",
        "publisher": {"@type": "Organization", "name": "Daily Example"},
    }
    assert jobs["author"] == {
        "@type": "Organization",
        "name": "Example Fact Check",
        "url": "https://factcheck.example.org/",
    }
    moscow = found["Moscow has been avoiding recruiting Russians"]
    claim_id = moscow["identifier"].removeprefix("urn:uuid:")
    assert moscow["url"] == f"https://factcheck.example.org/reviews/{claim_id}", "the pattern"
    assert moscow["itemReviewed"]["author"] == {"@type": "Person", "name": "UK MoD"}
    assert "reviewBody" not in moscow, "no rationale written: none published (not the note)"
    unverifiable = found["Nobody else did"]["reviewRating"]
    assert unverifiable == {
        "@type": "Rating",
        "name": "Unverifiable",
        "alternateName": "unverifiable",
    }


def test_the_pattern_puts_in_an_id_that_cannot_break_the_address(
    published: Workspace, tmp_path: Path
) -> None:
    from factcheck_gui.domain.review_urls import review_url

    assert (
        review_url(None, PATTERN, "a/b?c#d")
        == "https://factcheck.example.org/reviews/a%2Fb%3Fc%23d"
    )
    assert review_url("https://x.example/own", PATTERN, "id") == "https://x.example/own"
    assert review_url(None, None, "id") is None


def test_without_a_pattern_or_own_urls_the_export_is_refused(
    annotated: Workspace,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "reviews.json"
    with pytest.raises(UserError) as refused:
        export(annotated, out, format_name="claimreview")
    assert str(refused.value) == (
        "1 claim review has no URL of its own; set the fact-check URL pattern in Preferences "
        "(e.g. https://factcheck.example.org/reviews/{id}) or a review URL on each claim; "
        "nothing was written"
    )
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    [claim] = [
        a
        for s in annotated.library.summaries()
        for a in annotated.annotations.for_article(s.id)
        if a.kind is Kind.CLAIM
    ]
    annotated.annotations.update(claim.id, {"review_url": "https://factcheck.example.org/r/1"})
    [review] = reviews(annotated, tmp_path)
    assert review["url"] == "https://factcheck.example.org/r/1"


def test_the_cli_refuses_in_one_line_and_exits_1(
    annotated: Workspace,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    annotated.close()
    out = tmp_path / "reviews.json"
    assert main(["export", str(out), "--format", "claimreview"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("factcheck: 1 claim review has no URL of its own; set the fact-check")
    assert "\n" not in err and not out.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"review_url_pattern": "https://factcheck.example.org/reviews/"}, "needs {id}"),
        ({"review_url_pattern": "factcheck.example.org/{id}"}, "starting with https://"),
        ({"review_url_pattern": "https://x.example/{id}/{slug}"}, "only {id} between braces"),
        ({"organisation_url": "ftp://factcheck.example.org"}, "starting with https://"),
        ({"organisation_url": "https://factcheck example.org"}, "has a space"),
    ],
)
def test_bad_addresses_in_preferences_are_refused_and_nothing_changes(
    annotated: Workspace,  # noqa: F811
    values: dict[str, str],
    message: str,
) -> None:
    prefs = annotated.preferences
    prefs.set_organisation("Example Fact Check")
    prefs.set_publishing(organisation_url="https://ok.example/", review_url_pattern=PATTERN)
    answer = {"organisation_url": "https://ok.example/", "review_url_pattern": PATTERN} | values
    with pytest.raises(UserError, match=message) as refused:
        prefs.set_all(reviewer="Ann", organisation="Other", backups_kept=5, **answer)
    assert str(refused.value).startswith("Cannot save the preferences: ")
    assert "\n" not in str(refused.value)
    assert (prefs.organisation, prefs.organisation_url, prefs.review_url_pattern) == (
        "Example Fact Check",
        "https://ok.example/",
        PATTERN,
    )


def test_an_organisation_url_needs_the_organisation_name(annotated: Workspace) -> None:  # noqa: F811
    with pytest.raises(UserError, match="needs the organisation's name beside it"):
        annotated.preferences.set_all(
            reviewer="Ann", organisation=" ", backups_kept=5, organisation_url="https://o.example"
        )
    assert annotated.preferences.organisation_url is None


def test_a_bad_review_url_is_refused_and_nothing_changes(annotated: Workspace) -> None:  # noqa: F811
    [claim] = [
        a
        for s in annotated.library.summaries()
        for a in annotated.annotations.for_article(s.id)
        if a.kind is Kind.CLAIM
    ]
    with pytest.raises(UserError, match=r"^Cannot edit: the review URL should be a web address"):
        annotated.annotations.update(claim.id, {"review_url": "javascript:alert(1)"})
    assert annotated.annotations.get_annotation(claim.id) == claim


class Vocabulary:
    """schema.org's classes (with their superclasses) and properties (with their domains
    and ranges), read from the vocabulary's JSON-LD."""

    def __init__(self, path: Path) -> None:
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        self.terms = {entry["@id"]: entry for entry in graph}

    def _ids(self, entry: dict[str, Any], key: str) -> list[str]:
        value = entry.get(key, [])
        return [v["@id"] for v in (value if isinstance(value, list) else [value])]

    def is_a(self, cls: str, ancestor: str) -> bool:
        """``cls`` is ``ancestor`` or one of its subclasses, however deep."""
        seen, todo = set(), [cls]
        while todo:
            current = todo.pop()
            if current == ancestor:
                return True
            if current not in seen and current in self.terms:
                seen.add(current)
                todo += self._ids(self.terms[current], "rdfs:subClassOf")
        return False

    def is_datatype(self, cls: str) -> bool:
        types = self.terms.get(cls, {}).get("@type", [])
        if "schema:DataType" in (types if isinstance(types, list) else [types]):
            return True
        return any(
            self.is_datatype(s) for s in self._ids(self.terms.get(cls, {}), "rdfs:subClassOf")
        )

    def problems(self, node: dict[str, Any], where: str = "review") -> list[str]:
        """Every property of ``node`` (and of the nodes inside it) that schema.org does not
        have, or does not allow on the node's type, or whose value is outside its range."""
        found: list[str] = []
        cls = f"schema:{node['@type']}"
        if self.terms.get(cls, {}).get("@type") != "rdfs:Class":
            return [f"{where}: schema.org has no type {node['@type']}"]
        for key, value in node.items():
            if key.startswith("@"):
                continue
            term = self.terms.get(f"schema:{key}")
            if term is None or term["@type"] != "rdf:Property":
                found.append(f"{where}.{key}: not a schema.org property")
                continue
            domains = self._ids(term, "schema:domainIncludes")
            if not any(self.is_a(cls, d) for d in domains):
                found.append(f"{where}.{key}: not a property of {node['@type']} ({domains})")
            ranges = self._ids(term, "schema:rangeIncludes")
            if isinstance(value, dict):
                if not any(self.is_a(f"schema:{value['@type']}", r) for r in ranges):
                    found.append(f"{where}.{key}: a {value['@type']} is outside {ranges}")
                found += self.problems(value, f"{where}.{key}")
            elif not any(self.is_datatype(r) for r in ranges):
                found.append(f"{where}.{key}: takes no plain value ({ranges})")
        return found


def test_every_property_exists_in_schema_org_and_is_allowed_on_its_type(
    published: Workspace, tmp_path: Path
) -> None:
    vocab = Vocabulary(vocabulary(SCHEMA_ORG))
    exported = reviews(published, tmp_path)
    assert len(exported) == 3
    for review in exported:
        assert review["@context"] == "https://schema.org"
        assert vocab.problems(review) == []
    # a check on the checker
    wrong = dict(exported[0], ratingValue=2, itemReviewed={"@type": "Rating", "headline": "x"})
    assert {p.split(":")[0] for p in vocab.problems(wrong)} >= {
        "review.ratingValue",
        "review.itemReviewed.headline",
    }


def test_the_rationale_and_review_url_round_trip_through_the_native_format(
    published: Workspace, tmp_path: Path
) -> None:
    from factcheck_gui.services.merging import merge_file
    from factcheck_gui.services.workspace import open_memory_workspace

    out = tmp_path / "set.json"
    export(published, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["version"] == 4
    [record] = [r for r in document["annotations"] if "rationale" in r]
    assert record["review_url"] == "https://factcheck.example.org/2026/jobs"
    fresh = open_memory_workspace()
    assert merge_file(fresh.db, out).added == 8
    merged = fresh.annotations.get_annotation(record["id"])
    assert (merged.rationale, merged.review_url) == (
        "Official figures show a 10% fall, not 50%.",
        "https://factcheck.example.org/2026/jobs",
    )
    # an older app's newer edit (version 3 knows no rationale) keeps ours
    record |= {"note": "edited in an older app", "modified": _now()}
    del record["rationale"], record["review_url"]
    document["version"] = 3
    out.write_text(json.dumps(document), encoding="utf-8")
    assert merge_file(fresh.db, out).updated == 1
    merged = fresh.annotations.get_annotation(record["id"])
    assert merged.note == "edited in an older app"
    assert merged.rationale.startswith("Official figures") and merged.review_url
    # in a version-4 file, no rationale means the colleague cleared it
    document["version"] = 4
    record["modified"] = _now()
    out.write_text(json.dumps(document), encoding="utf-8")
    merge_file(fresh.db, out)
    merged = fresh.annotations.get_annotation(record["id"])
    assert (merged.rationale, merged.review_url) == ("", None)


def _now() -> str:
    """A time later than every edit so far (and not in the future, which would be clamped)."""
    import time
    from datetime import UTC, datetime

    time.sleep(0.002)
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def test_a_set_with_a_bad_review_url_is_refused_and_nothing_changes(
    published: Workspace, tmp_path: Path
) -> None:
    from factcheck_gui.services.merging import merge_file
    from factcheck_gui.services.workspace import open_memory_workspace

    out = tmp_path / "set.json"
    export(published, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    index = next(i for i, r in enumerate(document["annotations"]) if "review_url" in r)
    document["annotations"][index]["review_url"] = "javascript:alert(1)"
    out.write_text(json.dumps(document), encoding="utf-8")
    fresh = open_memory_workspace()
    with pytest.raises(UserError) as refused:
        merge_file(fresh.db, out)
    assert str(refused.value) == (
        f"{out}: annotations[{index}].review_url should be a web address starting with "
        "https://, not 'javascript:alert(1)'; nothing was imported"
    )
    assert fresh.library.is_empty()


def test_setting_the_rationale_is_one_undoable_step(published: Workspace) -> None:
    from factcheck_gui.domain.commands import EditAnnotation

    [claim] = [
        a
        for s in published.library.summaries()
        for a in published.annotations.for_article(s.id)
        if a.quote == "unemployment halved"
    ]
    first = EditAnnotation(published.annotations, claim.id, {"rationale": "Draft"})
    first.do()
    second = EditAnnotation(published.annotations, claim.id, {"rationale": "Draft, longer"})
    second.do()
    assert first.merge(second) and first.label == "Edit public rationale"
    assert published.annotations.get_annotation(claim.id).rationale == "Draft, longer"
    first.undo()
    assert published.annotations.get_annotation(claim.id).rationale == claim.rationale
    url = EditAnnotation(published.annotations, claim.id, {"review_url": ""})
    url.do()
    assert published.annotations.get_annotation(claim.id).review_url is None
    url.undo()
    assert published.annotations.get_annotation(claim.id).review_url == claim.review_url
