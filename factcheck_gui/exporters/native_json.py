"""The native annotation-set format: lossless, versioned JSON.

``{"format": "factcheck-annotations", "version": 1, "exported": ..., "articles": [...],
"annotations": [...]}``; readers keep accepting version 1 when later versions add fields.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factcheck_gui.domain.model import Annotation, Article, Kind
from factcheck_gui.exporters.registry import ExportSet, exporter, iso

FORMAT_NAME = "factcheck-annotations"
FORMAT_VERSION = 1


def article_record(article: Article, file_id: int, *, include_text: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": file_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "sha256": article.sha256,
    }
    if include_text:
        record["text"] = article.text
    return record


def annotation_record(annotation: Annotation, file_article: int) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": annotation.id,
        "article": file_article,
        "start": annotation.start,
        "end": annotation.end,
        "quote": annotation.quote,
        "prefix": annotation.prefix,
        "suffix": annotation.suffix,
        "kind": annotation.kind.value,
        "verdict": annotation.verdict.value,
        "note": annotation.note,
        "reviewer": annotation.reviewer,
        "created": iso(annotation.created),
        "modified": iso(annotation.modified),
        "orphaned": annotation.orphaned,
    }
    if annotation.kind is Kind.ATTRIBUTION:
        record["speaker"] = annotation.speaker
        record["target"] = annotation.target_id
    return record


@exporter("json", endings=(".json",), description="factcheck annotation set (JSON)")
def write_native(out: IO[str], data: ExportSet) -> None:
    ids = data.file_ids()
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported": iso(data.exported),
        "articles": [
            article_record(a, ids[a.id], include_text=data.include_text) for a in data.articles
        ],
        "annotations": [annotation_record(a, ids[a.article_id]) for a in data.annotations],
    }
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")
