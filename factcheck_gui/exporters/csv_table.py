"""One row per annotation, for spreadsheets.

UTF-8 with a byte-order mark (so Excel reads it as UTF-8), a header row, and every text
cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) prefixed with an apostrophe: every column but the numbers we write ourselves
(start, end, value, low, high), whatever is stored, ids and hedges included (see
``domain/annotation_table``, which the reader shares). An orphan says "yes" in
``orphaned`` and has no start or end.
"""

from __future__ import annotations

import csv
from typing import IO

from factcheck_gui.domain.annotation_table import COLUMNS, NUMBER_COLUMNS, neutralise
from factcheck_gui.domain.model import Annotation, Kind
from factcheck_gui.exporters.registry import ExportSet, exporter, iso

__all__ = ["COLUMNS", "NUMBER_COLUMNS", "figure_cells", "neutralise", "write_csv"]

_NO_FIGURE = ("",) * 8


def figure_cells(a: Annotation) -> tuple[str, ...]:
    """value, figure_unit, hedge, low, high, measure, as_of, vague."""
    if a.kind is not Kind.FIGURE:
        return _NO_FIGURE
    return (
        _number(a.value),
        neutralise(a.unit or ""),
        neutralise(a.hedge or ""),
        _number(a.low),
        _number(a.high),
        neutralise(a.measure or ""),
        a.as_of.isoformat() if a.as_of else "",
        "yes" if a.vague else "",
    )


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
    """Stored text is neutralised in every column; the other cells are ours (numbers we
    format, ISO dates and times, the kind's and verdict's names, "yes") and cannot start
    with a formula character."""
    writer = csv.writer(out, dialect="excel")
    writer.writerow(COLUMNS)
    n = neutralise
    for number, article, found in data.groups():
        head = (
            number,
            n(article.title),
            n(article.outlet or ""),
            n(article.url or ""),
            article.published.isoformat() if article.published else "",
        )
        for a in found:
            attribution = a.kind is Kind.ATTRIBUTION
            writer.writerow(
                (
                    *head,
                    a.kind.value,
                    a.verdict.value,
                    n(a.quote),
                    n(a.note),
                    n(a.speaker or "") if attribution else "",
                    n(a.reviewer),
                    "" if a.orphaned else a.start,  # an orphan has no place in the text
                    "" if a.orphaned else a.end,
                    iso(a.created),
                    iso(a.modified),
                    n(a.id),
                    n(a.target_id or "") if attribution else "",
                    "yes" if a.orphaned else "",
                    *figure_cells(a),
                    n(a.changed_from or ""),
                    article.sha256,
                )
            )
