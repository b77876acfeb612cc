"""Reading W3C Web Annotation (JSON-LD): our own export and other tools' (Hypothesis,
Recogito, INCEpTION's W3C export).

Accepted shapes: one Annotation, a list of them, an AnnotationPage (``items``), an
AnnotationCollection whose pages are in the file (``first``, and ``next`` when embedded),
or JSON-LD with ``@graph``. An annotation is placed by its TextQuoteSelector (exact, prefix,
suffix); a TextPositionSelector is only a hint, believed where the quote stands; other
selectors (RangeSelector, XPathSelector, CssSelector, FragmentSelector …) are ignored.

Its article is named by the target's ``source`` and ``scope``: the page's address, our
``urn:sha256:`` of the text, or an RFC 6920 ``ni:///sha-256;…`` URI of it.

Kind and verdict: our bodies (purpose ``classifying`` with a kind, ``assessing`` with a
verdict, ``commenting``, ``identifying`` the speaker, ``linking`` the attributed claim, and
``describing`` with a figure's fields as JSON). Another tool's annotation becomes a claim,
verdict unchecked, its text bodies the note (tags, and classifications that are not ours,
on a last line).

Ids: ``urn:uuid:…`` is that UUID; any other IRI stands for the UUID derived from it
(``ids.uuid_of_iri``), so importing the same set again updates rather than duplicates.

A value that cannot be read (an id that is neither UUID nor IRI, a time without a zone, a
selector's offsets that are no numbers) refuses the whole file, naming the annotation. An
annotation that is well formed but marks no words (no quote selector, the whole page, a
reply to another annotation) is left out and reported.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from factcheck_gui.domain.model import Kind, Verdict
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.foreign_set import (
    ArticleRef,
    ForeignAnnotation,
    ForeignSet,
    LeftOut,
    moment,
)
from factcheck_gui.importers.ids import annotation_id, canonical_uuid, describe
from factcheck_gui.importers.set_model import SetFigure

FORMAT = "W3C Web Annotation"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_ANNOTATION_TYPES = {"Annotation", "oa:Annotation"}
_CONTAINER_TYPES = {"AnnotationCollection", "AnnotationPage", "oa:AnnotationCollection"}
FIGURE_FORMAT = "application/json"  # a figure's fields, in a "describing" body
_FIGURE_KEYS = frozenset({"value", "unit", "hedge", "low", "high", "vague", "measure", "as_of"})


def _types(node: object) -> set[str]:
    if not isinstance(node, dict):
        return set()
    value = node.get("type", node.get("@type"))
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


def _has_context(node: object) -> bool:
    if not isinstance(node, dict):
        return False
    context = node.get("@context")
    contexts = context if isinstance(context, list) else [context]
    return any(isinstance(c, str) and c.rstrip("/").startswith(CONTEXT) for c in contexts)


def is_w3c(document: Any) -> bool:
    """Whether a parsed JSON document is Web Annotation: its context, or its types."""
    if isinstance(document, list):
        return bool(document) and all(_types(item) & _ANNOTATION_TYPES for item in document)
    return _has_context(document) or bool(_types(document) & (_ANNOTATION_TYPES | _CONTAINER_TYPES))


def read_w3c(document: Any) -> ForeignSet:
    items = _items(document)
    annotations: list[ForeignAnnotation] = []
    left_out: list[LeftOut] = []
    seen: dict[str, str] = {}
    creator = document.get("creator") if isinstance(document, dict) else None
    for at, (where, node) in enumerate(items):
        found = _Annotation(node, where, at, creator).read()
        if isinstance(found, LeftOut):
            left_out.append(found)
            continue
        if found.id in seen:
            raise ImportProblem(
                f"{where} has the id of {seen[found.id]} ({found.id}); each annotation needs "
                "its own id"
            )
        seen[found.id] = where
        annotations.append(found)
    if not items:
        raise ImportProblem("the Web Annotation file holds no annotations")
    return ForeignSet(FORMAT, annotations, left_out, exported=_generated(document))


def _generated(document: Any) -> datetime | None:
    if not isinstance(document, dict):
        return None
    try:
        return moment(str(document.get("generated") or document.get("modified")))
    except ValueError:
        return None


def _items(document: Any) -> list[tuple[str, Any]]:
    """(where, node) for each annotation of the file, in order."""
    if isinstance(document, list):
        return [(f"[{i}]", node) for i, node in enumerate(document)]
    if not isinstance(document, dict):
        raise ImportProblem("a Web Annotation file holds an object or a list")
    kinds = _types(document)
    if kinds & _ANNOTATION_TYPES:
        return [("the annotation", document)]
    if isinstance(document.get("@graph"), list):
        return [(f"@graph[{i}]", node) for i, node in enumerate(document["@graph"])]
    if "AnnotationPage" in kinds or ("items" in document and "first" not in document):
        return _pages(document, "")
    first = document.get("first")
    if isinstance(first, str):
        raise ImportProblem(
            f"the collection's annotations are not in the file (its first page is a link: "
            f"{describe(first)}); save the pages themselves"
        )
    if isinstance(first, dict):
        return _pages(first, "first.")
    raise ImportProblem("the Web Annotation collection has no annotations in it (no 'first' page)")


def _pages(page: dict[str, Any], path: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    while True:
        items = page.get("items", [])
        if not isinstance(items, list):
            raise ImportProblem(f"{path}items should be a list of annotations")
        found.extend((f"{path}items[{i}]", node) for i, node in enumerate(items))
        following = page.get("next")
        if following is None:
            return found
        if not isinstance(following, dict):
            raise ImportProblem(
                f"the annotations go on in pages not in the file (next: {describe(following)}); "
                "save every page in one file"
            )
        page, path = following, f"{path}next."


@dataclass
class _Bodies:
    kind: Kind | None = None
    verdict: Verdict | None = None
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    speaker: str | None = None
    target: str | None = None
    figure: SetFigure | None = None


class _Annotation:
    def __init__(self, node: object, where: str, at: int, creator: object) -> None:
        if not isinstance(node, dict) or not _types(node) & _ANNOTATION_TYPES:
            raise ImportProblem(f"{where} is not an Annotation (its type should be 'Annotation')")
        self.node, self.where, self.at = node, where, at
        self.default_creator = creator  # the collection's, for annotations that name none

    def fail(self, what: str) -> ImportProblem:
        return ImportProblem(f"{self.where}{what}")

    def left_out(self, where: str, reason: str) -> LeftOut:
        return LeftOut(where, reason, at=self.at)

    def read(self) -> ForeignAnnotation | LeftOut:
        raw_id = self.node.get("id", self.node.get("@id"))
        identifier = annotation_id(raw_id)
        if identifier is None:
            if raw_id is None:
                raise self.fail(" has no id; every Web Annotation needs one")
            raise self.fail(f".id should be a UUID or an IRI, not {describe(raw_id)}")
        where = f"{self.where} ({raw_id})"
        target = self._target(where)
        if isinstance(target, LeftOut):
            return target
        article, selector, hint = target
        created, modified = self._time("created"), self._time("modified")
        if created is None and modified is None:
            return self.left_out(where, "no created or modified time (which version is newer?)")
        bodies = self._bodies()
        kind = bodies.kind or Kind.CLAIM
        note = "\n\n".join(n for n in bodies.notes if n.strip())
        if bodies.tags:
            note = (note + "\n\n" if note else "") + "Tags: " + ", ".join(bodies.tags)
        return ForeignAnnotation(
            where=where,
            at=self.at,
            id=identifier,
            article=article,
            quote=selector[0],
            prefix=selector[1],
            suffix=selector[2],
            start=hint[0] if hint else None,
            end=hint[1] if hint else None,
            kind=kind,
            verdict=bodies.verdict or Verdict.UNCHECKED,
            note=note,
            reviewer=self._creator(),
            created=created or modified,  # type: ignore[arg-type]
            modified=modified or created,  # type: ignore[arg-type]
            speaker=bodies.speaker if kind is Kind.ATTRIBUTION else None,
            target=bodies.target if kind is Kind.ATTRIBUTION else None,
            figure=bodies.figure if kind is Kind.FIGURE else None,
        )

    # -- the target ---------------------------------------------------------------------------
    def _target(
        self, where: str
    ) -> tuple[ArticleRef, tuple[str, str, str], tuple[int, int] | None] | LeftOut:
        targets = self.node.get("target", self.node.get("hasTarget"))
        if targets is None:
            raise self.fail(" has no target; every Web Annotation needs one")
        listed = targets if isinstance(targets, list) else [targets]
        quoted = []
        for n, target in enumerate(listed):
            if isinstance(target, dict):
                quote = self._quote(target, f".target[{n}]")
                if quote is not None:
                    quoted.append((target, quote))
        if len(quoted) > 1:
            return self.left_out(where, "it marks several passages; an annotation here marks one")
        if not quoted:
            if any(isinstance(t, dict) and "selector" in t for t in listed):
                return self.left_out(where, "selector without a quote (no TextQuoteSelector)")
            sources = [self._iri(t) for t in listed]
            if any(s and canonical_uuid(s) for s in sources):
                return self.left_out(
                    where, "it answers another annotation, not words of an article"
                )
            return self.left_out(where, "it targets a whole page, not words in it")
        target, quote = quoted[0]
        urls: list[str] = []
        hashes: list[str] = []
        for key in ("source", "scope"):
            values = target.get(key)
            for value in values if isinstance(values, list) else [values]:
                iri = self._iri(value)
                if iri is None:
                    continue
                digest = text_hash(iri)
                if digest is not None:
                    hashes.append(digest)
                else:
                    urls.append(iri)
        if not urls and not hashes:
            return self.left_out(where, "its target names no article (no source)")
        hint = self._position(target)
        return ArticleRef(hashes=tuple(hashes), urls=tuple(urls)), quote, hint

    @staticmethod
    def _iri(value: object) -> str | None:
        if isinstance(value, dict):
            value = value.get("id", value.get("@id", value.get("source")))
        return value.strip() if isinstance(value, str) and value.strip() else None

    def _selectors(self, target: dict[str, Any], where: str) -> list[tuple[str, dict[str, Any]]]:
        selector = target.get("selector", [])
        listed = selector if isinstance(selector, list) else [selector]
        found = []
        for n, s in enumerate(listed):
            if not isinstance(s, dict):
                continue  # an IRI of a selector: not ours to follow
            path = f"{where}.selector[{n}]"
            found.append((path, s))
            refined = s.get("refinedBy")
            if isinstance(refined, dict) and "TextQuoteSelector" in _types(refined):
                found.append((f"{path}.refinedBy", refined))
        return found

    def _quote(self, target: dict[str, Any], where: str) -> tuple[str, str, str] | None:
        for path, s in self._selectors(target, where):
            if "TextQuoteSelector" not in _types(s):
                continue
            exact, prefix, suffix = s.get("exact"), s.get("prefix", ""), s.get("suffix", "")
            if not isinstance(exact, str) or not exact.strip():
                raise self.fail(f"{path}.exact should be the words quoted, not {describe(exact)}")
            for name, value in (("prefix", prefix), ("suffix", suffix)):
                if not isinstance(value, str):
                    raise self.fail(f"{path}.{name} should be text, not {describe(value)}")
            return exact, prefix, suffix
        return None

    def _position(self, target: dict[str, Any]) -> tuple[int, int] | None:
        selector = target.get("selector", [])
        for s in selector if isinstance(selector, list) else [selector]:
            if "TextPositionSelector" not in _types(s):
                continue
            start, end = s.get("start"), s.get("end")
            for name, value in (("start", start), ("end", end)):
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise self.fail(
                        f"'s TextPositionSelector.{name} should be a whole number, 0 or more, "
                        f"not {describe(value)}"
                    )
            return (start, end) if end > start else None
        return None

    # -- the rest -----------------------------------------------------------------------------
    def _time(self, key: str) -> datetime | None:
        value = self.node.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f".{key} should be an ISO 8601 time, not {describe(value)}")
        try:
            return moment(value)
        except ValueError as error:
            raise self.fail(f".{key} {error}") from None

    def _creator(self) -> str:
        creator = self.node.get("creator", self.default_creator)
        if isinstance(creator, list):
            creator = creator[0] if creator else None
        if isinstance(creator, dict):
            creator = creator.get("name") or creator.get("nickname") or creator.get("id")
        if not isinstance(creator, str):
            return ""
        return creator.removeprefix("acct:")

    def _bodies(self) -> _Bodies:
        out = _Bodies()
        body = self.node.get("body", [])
        listed = list(body) if isinstance(body, list) else [body]
        value = self.node.get("bodyValue")
        if isinstance(value, str):
            listed.append({"type": "TextualBody", "value": value})
        for n, item in enumerate(listed):
            if isinstance(item, dict):
                self._body(item, f".body[{n}]", out)
        return out

    def _body(self, body: dict[str, Any], where: str, out: _Bodies) -> None:
        purposes = body.get("purpose", [])
        purpose = {
            p.removeprefix("oa:")
            for p in (purposes if isinstance(purposes, list) else [purposes])
            if isinstance(p, str)
        }
        if "linking" in purpose:
            source = self._iri(body.get("source", body.get("id")))
            found = canonical_uuid(source) if source else None
            if source and source.lower().startswith("urn:uuid:") and found is None:
                raise self.fail(
                    f"{where}.source should be urn:uuid: and a UUID, not {describe(source)}"
                )
            out.target = found or out.target
            return
        value = body.get("value", body.get("rdf:value"))
        if not isinstance(value, str):
            return  # an external body (an IRI) or a Choice: not ours to read
        if "classifying" in purpose and value in {k.value for k in Kind}:
            out.kind = Kind(value)
        elif "assessing" in purpose and _verdict(value) is not None:
            out.verdict = _verdict(value)
        elif "identifying" in purpose:
            out.speaker = value
        elif "describing" in purpose and body.get("format") == FIGURE_FORMAT:
            out.figure = self._figure(value, where)
        elif purpose & {"tagging", "classifying", "assessing", "identifying"}:
            out.tags.append(value)
        else:
            out.notes.append(value)

    def _figure(self, value: str, where: str) -> SetFigure | None:
        try:
            fields = json.loads(value)
        except ValueError:
            return None
        if not isinstance(fields, dict) or not set(fields) <= _FIGURE_KEYS:
            return None

        def number(key: str) -> float | None:
            x = fields.get(key)
            if x is None:
                return None
            if not isinstance(x, int | float) or isinstance(x, bool) or not math.isfinite(x):
                raise self.fail(f"{where} (figure).{key} should be a number, not {describe(x)}")
            return float(x)

        def text(key: str) -> str | None:
            x = fields.get(key)
            if x is not None and not isinstance(x, str):
                raise self.fail(f"{where} (figure).{key} should be text, not {describe(x)}")
            return x

        as_of = text("as_of")
        try:
            when = date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise self.fail(
                f"{where} (figure).as_of is not an ISO date: {describe(as_of)}"
            ) from None
        return SetFigure(
            value=number("value"),
            unit=text("unit"),
            hedge=text("hedge"),
            low=number("low"),
            high=number("high"),
            vague=fields.get("vague") is True,
            measure=text("measure"),
            as_of=when,
        )


def _verdict(value: str) -> Verdict | None:
    try:
        return Verdict.parse(value)
    except ValueError:
        return None


def text_hash(iri: str) -> str | None:
    """The SHA-256 (hexadecimal) an article reference names: ``urn:sha256:HEX`` or RFC 6920
    ``ni://[authority]/sha-256;BASE64URL`` (with or without padding, a query after ``?``)."""
    lowered = iri.lower()
    if lowered.startswith("urn:sha256:"):
        digest = lowered[11:]
        return (
            digest if len(digest) == 64 and all(c in "0123456789abcdef" for c in digest) else None
        )
    if not lowered.startswith("ni://"):
        return None
    rest = iri[5:].split("?", 1)[0]
    _authority, _, path = rest.partition("/")
    algorithm, _, value = path.partition(";")
    if algorithm.lower() != "sha-256":
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return None
    return raw.hex() if len(raw) == 32 else None
