"""Reading the native annotation-set format (see ``exporters/native_json``), versions 1-4.

Every field is checked before anything is stored; a problem names where it is
(``annotations[3].verdict``) and what to do.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from factcheck_gui.domain.model import Kind, Verdict
from factcheck_gui.domain.review_urls import clean_url
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.ids import CANONICAL, canonical_uuid, describe
from factcheck_gui.importers.records import loads

FORMAT_NAME = "factcheck-annotations"
READABLE_VERSIONS = (1, 2, 3, 4)  # 2 added "figure" on figures, 3 "deleted", 4 "rationale"
PUBLISHING_VERSION = 4  # from this version on, no "rationale" means an empty one
EXAMPLE_UUID = "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19"
_KINDS = {k.value: k for k in Kind}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_EXPORTED = itemgetter(
    "id", "article", "start", "end", "quote", "prefix", "suffix", "kind", "verdict", "note",
    "reviewer", "created", "modified", "orphaned",
)  # fmt: skip
_VERDICTS = {v.value: v for v in Verdict}


@dataclass(frozen=True)
class SetArticle:
    file_id: int
    title: str
    outlet: str | None
    url: str | None
    published: date | None
    sha256: str
    text: str | None


@dataclass(frozen=True)
class SetAnnotation:
    id: str
    article: int  # a SetArticle.file_id
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    kind: Kind
    verdict: Verdict
    note: str
    reviewer: str
    created: datetime
    modified: datetime
    speaker: str | None
    target: str | None
    orphaned: bool
    figure: SetFigure | None = None
    changed_from: str | None = None  # version 3: re-anchored where its words changed
    # version 4: the public rationale and the review's URL; None: the file predates them
    rationale: str | None = None
    review_url: str | None = None
    publishing: bool = False  # the file carries the two above (version 4 on)


@dataclass(frozen=True)
class SetFigure:
    value: float | None
    unit: str | None
    hedge: str | None
    low: float | None
    high: float | None
    vague: bool
    measure: str | None
    as_of: date | None


@dataclass(frozen=True)
class SetTombstone:
    id: str
    article: int  # a SetArticle.file_id
    deleted: datetime


@dataclass(frozen=True)
class AnnotationSet:
    version: int
    articles: list[SetArticle]
    annotations: list[SetAnnotation]
    tombstones: list[SetTombstone] = field(default_factory=list)
    exported: datetime | None = None  # when the file says it was written, if it says clearly


def looks_like_annotation_set(text: str) -> bool:
    head = text.lstrip()[:400]
    return head.startswith("{") and f'"{FORMAT_NAME}"' in head


def read_annotation_set(text: str) -> AnnotationSet:
    return read_document(loads(text, walked=False))


def read_document(document: Any) -> AnnotationSet:
    """An annotation set from its parsed JSON."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportProblem(f'not a factcheck annotation set (no "format": "{FORMAT_NAME}")')
    version = document.get("version")
    if version not in READABLE_VERSIONS:
        if isinstance(version, int) and version > max(READABLE_VERSIONS):
            raise ImportProblem(
                f"the annotation set is version {version}, newer than this factcheck-gui "
                "reads; upgrade the app"
            )
        raise ImportProblem(f"unknown annotation-set version {version!r}")
    articles = [_article(r, f"articles[{i}]") for i, r in enumerate(_list(document, "articles"))]
    known = {a.file_id for a in articles}
    if len(known) != len(articles):
        raise ImportProblem("two articles share one id; each article needs its own id")
    annotations = [
        _annotation(r, f"annotations[{i}]", known, publishing=version >= PUBLISHING_VERSION)
        for i, r in enumerate(_list(document, "annotations"))
    ]
    tombstones = [
        _tombstone(r, f"deleted[{i}]", known)
        for i, r in enumerate(_list(document, "deleted") if "deleted" in document else [])
    ]
    _refuse_repeats(annotations)
    alive = {a.id for a in annotations} & {t.id for t in tombstones}
    if alive:
        raise ImportProblem(
            f"annotation {min(alive)} is both in 'annotations' and in 'deleted'; "
            "the file contradicts itself"
        )
    return AnnotationSet(version, articles, annotations, tombstones, _exported(document))


def _refuse_repeats(annotations: list[SetAnnotation]) -> None:
    seen: dict[str, int] = {}
    for n, a in enumerate(annotations):
        if a.id in seen:
            raise ImportProblem(
                f"annotations[{n}] has the id of annotations[{seen[a.id]}] ({a.id}); "
                "each annotation needs its own id"
            )
        seen[a.id] = n


def _exported(document: dict[str, Any]) -> datetime | None:
    """Only a hint (times later than it are clamped to it), so an odd value is no error."""
    value = document.get("exported")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))  # type: ignore[union-attr]
    except (AttributeError, TypeError, ValueError):
        return None
    return moment if moment.utcoffset() is not None else None


def _tombstone(record: object, where: str, articles: set[int]) -> SetTombstone:
    f = _Fields(record, where)
    article = f.integer("article")
    if article not in articles:
        raise f.fail("article", f"names article {article}, which is not in the file")
    return SetTombstone(f.uuid("id"), article, f.moment("deleted"))


def _list(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key)
    if not isinstance(value, list):
        raise ImportProblem(f"'{key}' should be a list")
    return value


class _Fields:
    def __init__(self, record: object, where: str) -> None:
        if not isinstance(record, dict):
            raise ImportProblem(f"{where} should be an object")
        self.record, self.where = record, where

    def fail(self, key: str, what: str) -> ImportProblem:
        return ImportProblem(f"{self.where}.{key} {what}")

    def text(self, key: str, *, optional: bool = False, default: str | None = None) -> Any:
        value = self.record.get(key, default)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(key, "should be text")
        return value

    def uuid(self, key: str, *, optional: bool = False) -> Any:
        """A UUID in its canonical form; ``optional``: also None (or "") for none."""
        value = self.record.get(key)
        if optional and value in (None, ""):
            return None
        found = canonical_uuid(value)
        if found is None:
            raise self.fail(key, f"should be a UUID (like {EXAMPLE_UUID}), not {describe(value)}")
        return found

    def integer(self, key: str) -> int:
        value = self.record.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(key, "should be a whole number, 0 or more")
        return value

    def number(self, key: str) -> float | None:
        value = self.record.get(key)
        if value is None:
            return None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail(key, "should be a number or null")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise self.fail(key, "is too large a number")
        return number

    def moment(self, key: str) -> datetime:
        value = self.text(key)
        try:
            moment = datetime.fromisoformat(value)  # Python 3.11 reads a Z too
        except ValueError:
            raise self.fail(key, f"is not an ISO 8601 time: {value!r}") from None
        if moment.utcoffset() is None:
            raise self.fail(key, "needs a time zone (end it in Z for UTC)")
        return moment


def _article(record: object, where: str) -> SetArticle:
    f = _Fields(record, where)
    published = f.text("published", optional=True)
    try:
        when = date.fromisoformat(published) if published else None
    except ValueError:
        raise f.fail("published", f"is not an ISO date: {published!r}") from None
    sha = f.text("sha256")
    if not _SHA256.fullmatch(sha):
        raise f.fail("sha256", "should be 64 lowercase hexadecimal digits")
    return SetArticle(
        file_id=f.integer("id"),
        title=f.text("title"),
        outlet=f.text("outlet", optional=True),
        url=f.text("url", optional=True),
        published=when,
        sha256=sha,
        text=f.text("text", optional=True),
    )


def _annotation(
    record: object, where: str, articles: set[int], *, publishing: bool
) -> SetAnnotation:
    if type(record) is dict:
        try:
            found = _well_formed(record, articles, publishing=publishing)
        except (KeyError, TypeError, ValueError, ImportProblem):
            found = None  # read again below, to say what is wrong
        if found is not None:
            return found
    return _checked(record, where, articles, publishing=publishing)


def _text_or_none(value: object) -> bool:
    return value is None or type(value) is str


def _well_formed(
    r: dict[str, Any], articles: set[int], *, publishing: bool
) -> SetAnnotation | None:
    """The annotation of a record as our exporter writes it, read without ceremony (a large
    set is mostly such records); None for anything else, which ``_checked`` reads, or
    refuses naming what is wrong. Accepts only what ``_checked`` reads the same way."""
    # The keys our exporter always writes, in one C call (KeyError: read it the long way).
    (identifier, article, start, end, quote, prefix, suffix, kind_name, verdict_name, note,
     reviewer, created, modified, orphaned) = _EXPORTED(r)  # fmt: skip
    if type(article) is not int or type(start) is not int or type(end) is not int:
        return None
    if article not in articles or start < 0 or end <= start:
        return None
    if type(identifier) is not str or not CANONICAL.fullmatch(identifier):
        return None
    get = r.get
    target, speaker, changed_from = get("target"), get("speaker"), get("changed_from")
    if target == "":
        target = None
    elif target is not None and (type(target) is not str or not CANONICAL.fullmatch(target)):
        return None
    kind, verdict = _KINDS.get(kind_name), _VERDICTS.get(verdict_name)
    if (
        kind is None
        or verdict is None
        or type(quote) is not str
        or type(prefix) is not str
        or type(suffix) is not str
        or type(note) is not str
        or type(reviewer) is not str
        or not (_text_or_none(speaker) and _text_or_none(changed_from))
        or type(orphaned) is not bool
        or type(created) is not str
        or type(modified) is not str
    ):
        return None
    created, modified = datetime.fromisoformat(created), datetime.fromisoformat(modified)
    if created.utcoffset() is None or modified.utcoffset() is None:
        return None
    rationale = review_url = None
    if publishing:
        rationale, review_url = get("rationale", ""), get("review_url")
        if type(rationale) is not str or not _text_or_none(review_url):
            return None
        if review_url is not None and clean_url(review_url, "it") != review_url:
            return None  # not as we write it: read (or refused) the long way
    figure = get("figure")
    return SetAnnotation(
        id=identifier,
        article=article,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        kind=kind,
        verdict=verdict,
        note=note,
        reviewer=reviewer,
        created=created,
        modified=modified,
        speaker=speaker,
        target=target,
        orphaned=orphaned,
        figure=None if figure is None else _well_formed_figure(figure),
        changed_from=changed_from,
        rationale=rationale,
        review_url=review_url,
        publishing=publishing,
    )


def _well_formed_figure(r: Any) -> SetFigure:
    """``_figure`` for a figure as we write it; ValueError for anything else."""
    if type(r) is not dict:
        raise ValueError("not an object")
    get = r.get
    value, low, high = (
        _plain_number(get("value")),
        _plain_number(get("low")),
        _plain_number(get("high")),
    )
    unit, hedge, measure, as_of = get("unit"), get("hedge"), get("measure"), get("as_of")
    vague = get("vague", False)
    if type(vague) is not bool or not all(
        x is None or type(x) is str for x in (unit, hedge, measure, as_of)
    ):
        raise ValueError("not as we write it")
    when = date.fromisoformat(as_of) if as_of else None
    return SetFigure(value, unit, hedge, low, high, vague, measure, when)


def _plain_number(x: object) -> float | None:
    if x is None:
        return None
    if type(x) is float and math.isfinite(x):
        return x
    if type(x) is int and -(2**53) <= x <= 2**53:
        return float(x)
    raise ValueError("not a plain number")


def _checked(record: object, where: str, articles: set[int], *, publishing: bool) -> SetAnnotation:
    f = _Fields(record, where)
    article = f.integer("article")
    if article not in articles:
        raise f.fail("article", f"names article {article}, which is not in the file")
    start, end = f.integer("start"), f.integer("end")
    if end <= start:
        raise f.fail("end", "should be after start")
    kind = _KINDS.get(f.text("kind"))
    if kind is None:
        raise f.fail("kind", f"should be one of {', '.join(k.value for k in Kind)}")
    verdict = _VERDICTS.get(f.text("verdict"))
    if verdict is None:
        try:
            verdict = Verdict.parse(f.text("verdict"))
        except ValueError as error:
            raise f.fail("verdict", str(error)) from None
    identifier = f.uuid("id")
    orphaned = f.record.get("orphaned", False)
    if not isinstance(orphaned, bool):
        raise f.fail("orphaned", "should be true or false")
    return SetAnnotation(
        id=identifier,
        article=article,
        start=start,
        end=end,
        quote=f.text("quote"),
        prefix=f.text("prefix", default=""),
        suffix=f.text("suffix", default=""),
        kind=kind,
        verdict=verdict,
        note=f.text("note", default=""),
        reviewer=f.text("reviewer", default=""),
        created=f.moment("created"),
        modified=f.moment("modified"),
        speaker=f.text("speaker", optional=True),
        target=f.uuid("target", optional=True),
        orphaned=orphaned,
        figure=_figure(f.record.get("figure"), f"{where}.figure"),
        changed_from=f.text("changed_from", optional=True),
        rationale=f.text("rationale", default="") if publishing else None,
        review_url=_review_url(f) if publishing else None,
        publishing=publishing,
    )


def _review_url(f: _Fields) -> str | None:
    try:
        return clean_url(f.text("review_url", optional=True), "it")
    except ValueError as error:
        raise f.fail("review_url", str(error).removeprefix("it ")) from None


def _figure(record: object, where: str) -> SetFigure | None:
    if record is None:
        return None
    f = _Fields(record, where)
    as_of = f.text("as_of", optional=True)
    try:
        when = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise f.fail("as_of", f"is not an ISO date: {as_of!r}") from None
    vague = f.record.get("vague", False)
    if not isinstance(vague, bool):
        raise f.fail("vague", "should be true or false")
    return SetFigure(
        value=f.number("value"),
        unit=f.text("unit", optional=True),
        hedge=f.text("hedge", optional=True),
        low=f.number("low"),
        high=f.number("high"),
        vague=vague,
        measure=f.text("measure", optional=True),
        as_of=when,
    )
