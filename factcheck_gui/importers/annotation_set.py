"""Reading the native annotation-set format (see ``exporters/native_json``), versions 1-4.

Every field is checked before anything is stored; a problem names where it is
(``annotations[3].verdict``) and what to do. A record as our exporter writes it is read
without ceremony first (``annotation_set_fast``); anything else is read here, field by field.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from factcheck_gui.domain.model import Kind, Verdict
from factcheck_gui.domain.review_urls import clean_url
from factcheck_gui.importers.annotation_set_fast import KINDS, VERDICTS, well_formed
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.ids import canonical_uuid, describe
from factcheck_gui.importers.records import loads
from factcheck_gui.importers.set_model import (
    AnnotationSet,
    SetAnnotation,
    SetArticle,
    SetFigure,
    SetTombstone,
)

FORMAT_NAME = "factcheck-annotations"
READABLE_VERSIONS = (1, 2, 3, 4)  # 2 added "figure" on figures, 3 "deleted", 4 "rationale"
PUBLISHING_VERSION = 4  # from this version on, no "rationale" means an empty one
EXAMPLE_UUID = "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19"
_SHA256 = re.compile(r"[0-9a-f]{64}")


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
            found = well_formed(record, articles, publishing=publishing)
        except (KeyError, TypeError, ValueError, ImportProblem):
            found = None  # read again below, to say what is wrong
        if found is not None:
            return found
    return _checked(record, where, articles, publishing=publishing)


def _checked(record: object, where: str, articles: set[int], *, publishing: bool) -> SetAnnotation:
    f = _Fields(record, where)
    article = f.integer("article")
    if article not in articles:
        raise f.fail("article", f"names article {article}, which is not in the file")
    start, end = f.integer("start"), f.integer("end")
    if end <= start:
        raise f.fail("end", "should be after start")
    kind = KINDS.get(f.text("kind"))
    if kind is None:
        raise f.fail("kind", f"should be one of {', '.join(k.value for k in Kind)}")
    verdict = VERDICTS.get(f.text("verdict"))
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
