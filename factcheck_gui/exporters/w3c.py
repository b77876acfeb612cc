"""W3C Web Annotation (JSON-LD): an AnnotationCollection for web annotation clients.

Each annotation targets its article (its URL, else ``urn:sha256:`` of its text) with a
TextQuoteSelector and a TextPositionSelector (code points, as the model says); its bodies
carry the kind (purpose ``classifying``), the verdict (``assessing``), the note
(``commenting``), an attribution's speaker (``identifying``) and claim (``linking``), and a
figure's fields (``describing``, JSON). Orphans (quote no longer in the text) are left out,
and so is the old quote of an annotation whose words changed (``changed_from``).
"""

from __future__ import annotations

import json
from typing import IO, Any

from factcheck_gui.domain.model import Annotation, Article, Kind
from factcheck_gui.exporters.native_json import figure_record
from factcheck_gui.exporters.registry import ExportSet, exporter, iso

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def article_source(article: Article) -> str:
    return article.url or f"urn:sha256:{article.sha256}"


def web_annotation(a: Annotation, article: Article) -> dict[str, Any]:
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
        "target": {
            "source": article_source(article),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.quote,
                    "prefix": a.prefix,
                    "suffix": a.suffix,
                },
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
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
    articles = {a.id: a for a in data.articles}
    # An orphan's selectors would select words that are no longer there: left out.
    items = [web_annotation(a, articles[a.article_id]) for a in data.annotations if not a.orphaned]
    collection = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "factcheck annotations",
        "generated": iso(data.exported),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
