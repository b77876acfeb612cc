"""The native annotation-set format: lossless, versioned JSON.

``{"format": "factcheck-annotations", "version": 1, "exported": ..., "articles": [...],
"annotations": [...], "deleted": [...]}``; readers keep accepting versions 1 and 2 when
later versions add fields. Version 3 added "deleted" (tombstones: an annotation's id, its
article and when it was deleted) and "changed_from" on annotations whose words changed.
Version 4 added "rationale" (the public rationale) and "review_url" on annotations that
have them; in a version-4 file their absence means empty, in an older one, unknown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from factcheck_gui.domain.model import Annotation, Article, Kind
from factcheck_gui.exporters.registry import ExportSet, exporter, iso

FORMAT_NAME = "factcheck-annotations"
FORMAT_VERSION = 4  # 2 added "figure", 3 "deleted", 4 "rationale"; versions 1-3 still import


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
    if annotation.changed_from is not None:
        record["changed_from"] = annotation.changed_from
    if annotation.rationale:
        record["rationale"] = annotation.rationale
    if annotation.review_url:
        record["review_url"] = annotation.review_url
    if annotation.kind is Kind.ATTRIBUTION:
        record["speaker"] = annotation.speaker
        record["target"] = annotation.target_id
    if annotation.kind is Kind.FIGURE:
        record["figure"] = figure_record(annotation)
    return record


def figure_record(a: Annotation) -> dict[str, Any]:
    return {
        "value": a.value,
        "unit": a.unit,
        "hedge": a.hedge,
        "low": a.low,
        "high": a.high,
        "vague": a.vague,
        "measure": a.measure,
        "as_of": a.as_of.isoformat() if a.as_of else None,
    }


@exporter("json", endings=(".json",), description="factcheck annotation set (JSON)")
def write_native(out: IO[str], data: ExportSet) -> None:
    # One record per line: readable and diff-friendly, and written by json's C encoder
    # (an indented dump goes through the pure-Python one, several times slower).
    def records(name: str, items: Iterable[dict[str, Any]], last: bool) -> None:
        out.write(f' "{name}": [')
        for n, item in enumerate(items):
            out.write(",\n  " if n else "\n  ")
            out.write(json.dumps(item, ensure_ascii=False))
        out.write("\n ]" + ("\n" if last else ",\n"))

    out.write("{\n")
    out.write(f' "format": "{FORMAT_NAME}",\n "version": {FORMAT_VERSION},\n')
    out.write(f' "exported": "{iso(data.exported)}",\n')
    records(
        "articles",
        (article_record(a, n, include_text=data.include_text) for n, a in data.articles()),
        last=False,
    )
    records(
        "annotations",
        (annotation_record(a, n) for n, _article, found in data.groups() for a in found),
        last=False,
    )
    records(
        "deleted",
        (
            {"id": id_, "article": n, "deleted": iso(deleted)}
            for id_, n, deleted in data.source.tombstones()
        ),
        last=True,
    )
    out.write("}\n")
