"""One row per annotation, for spreadsheets.

UTF-8 with a byte-order mark (so Excel reads it as UTF-8), a header row, and every cell
that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) prefixed with an apostrophe (see ``domain/annotation_table``, which the reader
shares). An orphan says "yes" in ``orphaned`` and has no start or end.
"""

from __future__ import annotations

import csv
from typing import IO

from factcheck_gui.domain.annotation_table import COLUMNS, neutralise
from factcheck_gui.domain.model import Annotation, Kind
from factcheck_gui.exporters.registry import ExportSet, exporter, iso


def figure_cells(a: Annotation) -> dict[str, object]:
    if a.kind is not Kind.FIGURE:
        return dict.fromkeys(
            ("value", "figure_unit", "hedge", "low", "high", "measure", "as_of", "vague"), ""
        )
    return {
        "value": _number(a.value),
        "figure_unit": neutralise(a.unit or ""),
        "hedge": neutralise(a.hedge or ""),
        "low": _number(a.low),
        "high": _number(a.high),
        "measure": neutralise(a.measure or ""),
        "as_of": a.as_of.isoformat() if a.as_of else "",
        "vague": "yes" if a.vague else "",
    }


def _number(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(x)


@exporter(
    "csv",
    endings=(".csv",),
    description="CSV table for spreadsheets",
    newline="",
    encoding="utf-8-sig",
)
def write_csv(out: IO[str], data: ExportSet) -> None:
    articles = {a.id: a for a in data.articles}
    ids = data.file_ids()
    writer = csv.writer(out, dialect="excel")
    writer.writerow(COLUMNS)
    for a in data.annotations:
        article = articles[a.article_id]
        is_attribution = a.kind is Kind.ATTRIBUTION
        text_cells = {
            "article_title": article.title,
            "outlet": article.outlet or "",
            "url": article.url or "",
            "quote": a.quote,
            "note": a.note,
            "speaker": (a.speaker or "") if is_attribution else "",
            "reviewer": a.reviewer,
            "changed_from": a.changed_from or "",
        }
        row = {
            **{k: neutralise(v) for k, v in text_cells.items()},
            "article_id": ids[a.article_id],
            "published": article.published.isoformat() if article.published else "",
            "kind": a.kind.value,
            "verdict": a.verdict.value,
            "start": "" if a.orphaned else a.start,  # an orphan has no place in the text
            "end": "" if a.orphaned else a.end,
            "created": iso(a.created),
            "modified": iso(a.modified),
            "annotation_id": a.id,
            "target_id": (a.target_id or "") if is_attribution else "",
            "orphaned": "yes" if a.orphaned else "",
            "article_sha256": article.sha256,
            **figure_cells(a),
        }
        writer.writerow([row[c] for c in COLUMNS])
