"""One row per annotation, for spreadsheets.

UTF-8 with a byte-order mark (so Excel reads it as UTF-8), a header row, and every text
cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) prefixed with an apostrophe: every column but the numbers we write ourselves
(start, end, value, low, high), whatever is stored, ids and hedges included. An orphan
says "yes" in ``orphaned`` and has no start or end.
"""

from __future__ import annotations

import csv
from typing import IO

from factcheck_gui.domain.model import Annotation, Kind
from factcheck_gui.exporters.registry import ExportSet, exporter, iso

COLUMNS = (
    "article_id",
    "article_title",
    "outlet",
    "url",
    "published",
    "kind",
    "verdict",
    "quote",
    "note",
    "speaker",
    "reviewer",
    "start",
    "end",
    "created",
    "modified",
    "annotation_id",
    "target_id",
    "orphaned",
    "value",
    "figure_unit",
    "hedge",
    "low",
    "high",
    "measure",
    "as_of",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Cells holding numbers formatted here ("-5" is a number to a spreadsheet, not a formula).
NUMBER_COLUMNS = frozenset({"start", "end", "value", "low", "high"})


def figure_cells(a: Annotation) -> dict[str, object]:
    if a.kind is not Kind.FIGURE:
        return {c: "" for c in ("value", "figure_unit", "hedge", "low", "high", "measure", "as_of")}
    return {
        "value": _number(a.value),
        "figure_unit": a.unit or "",
        "hedge": a.hedge or "",
        "low": _number(a.low),
        "high": _number(a.high),
        "measure": a.measure or "",
        "as_of": a.as_of.isoformat() if a.as_of else "",
    }


def _number(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(x)


def neutralise(cell: str) -> str:
    """Keep a spreadsheet from reading user text as a formula (CSV injection)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


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
        row: dict[str, object] = {
            "article_title": article.title,
            "outlet": article.outlet or "",
            "url": article.url or "",
            "quote": a.quote,
            "note": a.note,
            "speaker": (a.speaker or "") if is_attribution else "",
            "reviewer": a.reviewer,
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
            **figure_cells(a),
        }
        writer.writerow([cell(c, row[c]) for c in COLUMNS])


def cell(column: str, value: object) -> object:
    """Every cell but our own numbers is neutralised, whatever its column or origin."""
    if column in NUMBER_COLUMNS:
        return value
    return neutralise(value if isinstance(value, str) else str(value))
