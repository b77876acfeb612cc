"""The annotation table (CSV): its columns and how a cell keeps a spreadsheet from running
it, shared by its writer (``exporters/csv_table``) and its reader (``importers/csv_set``).

A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) is written with an apostrophe before it; so is one that already starts with
apostrophes before such a character, so that the reader, which takes one apostrophe off
exactly those cells, gives back every text as it was.
"""

from __future__ import annotations

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
    # added later: a table without them still reads (REQUIRED_COLUMNS)
    "vague",
    "changed_from",
    "article_sha256",
)
REQUIRED_COLUMNS = COLUMNS[:25]  # the columns of the first tables written
NUMBER_COLUMNS = frozenset({"start", "end", "value", "low", "high"})  # written as numbers
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Keep a spreadsheet from reading user text as a formula (CSV injection)."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    """The text ``neutralise`` was given."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
