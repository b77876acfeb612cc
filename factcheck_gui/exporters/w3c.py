"""W3C Web Annotation (JSON-LD): an AnnotationCollection for web annotation clients.

The collection has an id, and so does its one page (embedded as ``first``, named again
as ``last``; there is no ``next``). Ids are ``urn:uuid:``: the collection's is new at each
export, its page's derived from it.

Each annotation's target is a SpecificResource whose ``source`` is the text the selectors
select in: the article's stored text, named by its hash as an ``ni:///sha-256;...`` URI
(RFC 6920) of its UTF-8 bytes, which the TextPositionSelector's code-point offsets index
into (the page we extracted it from is not that text: its HTML has other offsets). The
article's URL, when known, is the target's ``scope``. The bodies carry the kind (purpose
``classifying``), the verdict (``assessing``) and the note (``commenting``). Orphans
(quote no longer in the text) are left out: their selectors would select nothing.

Written as it is read, one annotation a line (json's C encoder; an indented dump is the
pure-Python one, three times slower), so a large collection never sits in memory.

Besides the kind, verdict and note, the bodies carry an attribution's speaker (purpose
``identifying``) and claim (``linking``) and a figure's fields (``describing``, JSON), so a
set merges back whole; the old quote of an annotation whose words changed
(``changed_from``) is left out.
"""

from __future__ import annotations

import json
import uuid
from typing import IO, Any

from factcheck_gui.domain.digests import ni_uri
from factcheck_gui.domain.model import Annotation, Article, Kind
from factcheck_gui.exporters.native_json import figure_record
from factcheck_gui.exporters.registry import ExportSet, Only, exporter, iso

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def page_id(collection_id: str) -> str:
    """The id of the collection's one page, derived from the collection's (a UUID URN)."""
    return f"urn:uuid:{uuid.uuid5(uuid.UUID(collection_id.removeprefix('urn:uuid:')), 'page 1')}"


def target(a: Annotation, article: Article, source: str | None = None) -> dict[str, Any]:
    """``source``: the text's ni URI, when the caller has it already."""
    found: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source or ni_uri(article.sha256),
    }
    if article.url:
        found["scope"] = article.url
    found["selector"] = [
        {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix},
        {"type": "TextPositionSelector", "start": a.start, "end": a.end},
    ]
    return found


def web_annotation(a: Annotation, article: Article, source: str | None = None) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "classifying", "value": a.kind.value},
        {"type": "TextualBody", "purpose": "assessing", "value": a.verdict.value},
    ]
    if a.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": a.note,
                "format": "text/plain",
            }
        )
    if a.kind is Kind.ATTRIBUTION and a.speaker:
        bodies.append({"type": "TextualBody", "purpose": "identifying", "value": a.speaker})
    if a.kind is Kind.FIGURE:
        bodies.append(figure_body(a))
    annotation: dict[str, Any] = {
        "id": f"urn:uuid:{a.id}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": iso(a.created),
        "modified": iso(a.modified),
        "creator": {"type": "Person", "name": a.reviewer},
        "body": bodies,
        "target": target(a, article, source),
    }
    if a.kind is Kind.ATTRIBUTION and a.target_id:
        annotation["body"].append(
            {"type": "SpecificResource", "purpose": "linking", "source": f"urn:uuid:{a.target_id}"}
        )
    return annotation


def figure_body(a: Annotation) -> dict[str, Any]:
    """What the figure's words say (value, unit, interval, measure …), as the native
    format's "figure" object in JSON: a body other clients show as text."""
    return {
        "type": "TextualBody",
        "purpose": "describing",
        "format": "application/json",
        "value": json.dumps(figure_record(a), ensure_ascii=False, sort_keys=True),
    }


@exporter("w3c", endings=(".jsonld",), description="W3C Web Annotation (JSON-LD)")
def write_w3c(out: IO[str], data: ExportSet) -> None:
    page = page_id(data.collection_id)
    head = {
        "@context": CONTEXT,
        "id": data.collection_id,
        "type": "AnnotationCollection",
        "label": "factcheck annotations",
        "generated": iso(data.exported),
        "total": data.placed,
    }
    out.write("{\n")
    for key, value in head.items():
        out.write(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    out.write(f' "first": {{"id": {json.dumps(page)}, "type": "AnnotationPage", ')
    out.write('"startIndex": 0, "items": [')
    written = 0
    for _number, article, found in data.groups(Only.PLACED):
        source = ni_uri(article.sha256)
        for a in found:
            if a.orphaned:  # its selectors would select words that are no longer there
                continue
            out.write(",\n  " if written else "\n  ")
            out.write(json.dumps(web_annotation(a, article, source), ensure_ascii=False))
            written += 1
    if written != data.placed:  # counted in the same read transaction: cannot differ
        raise RuntimeError(f"the collection holds {written} annotations, not {data.placed}")
    out.write("\n ]},\n" if written else "]},\n")
    out.write(f' "last": {json.dumps(page)}\n}}\n')
