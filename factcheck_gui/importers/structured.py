"""JSON, JSON Lines and CSV files of article records."""

from __future__ import annotations

import csv
import io

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.records import draft_from_record, loads
from factcheck_gui.importers.registry import register

csv.field_size_limit(64 * 1024 * 1024)  # one cell may hold a whole article


@register("json", endings=(".json",), sniff=lambda text: text.lstrip()[:1] in ("{", "["))
def read_json(text: str, source: str) -> list[ArticleDraft]:
    data = loads(text)
    if isinstance(data, dict) and data.get("format") == "factcheck-annotations":
        raise ImportProblem(
            "this is an annotation set, not articles; use File → Import annotation set… "
            "(`factcheck import` recognises it by itself)"
        )
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    if not records:
        raise ImportProblem("the JSON holds no articles")
    return [
        draft_from_record(r, where=f"item {i}", source=source) for i, r in enumerate(records, 1)
    ]


def _looks_like_json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines()[:3] if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines)


@register("jsonl", endings=(".jsonl", ".ndjson"), sniff=_looks_like_json_lines, priority=1)
def read_json_lines(text: str, source: str) -> list[ArticleDraft]:
    drafts = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        record = loads(line, line=number)
        drafts.append(draft_from_record(record, where=f"line {number}", source=source))
    if not drafts:
        raise ImportProblem("the file holds no articles")
    return drafts


@register("csv", endings=(".csv", ".tsv"))
def read_csv(text: str, source: str) -> list[ArticleDraft]:
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if source.lower().endswith(".tsv") else csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        fieldnames = reader.fieldnames  # reads the header row, which may be malformed too
    except csv.Error as error:
        raise ImportProblem(f"malformed CSV header: {error}") from None
    header = [h.strip().lower() for h in fieldnames or []]
    if "text" not in header:
        found = ", ".join(h for h in header if h) or "nothing"
        raise ImportProblem(
            f"the CSV has no 'text' column (its header names {found}); "
            "add a header row with a 'text' column"
        )
    drafts = []
    try:
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue  # a blank line
            drafts.append(draft_from_record(row, where=f"row {reader.line_num}", source=source))
    except csv.Error as error:
        raise ImportProblem(f"malformed CSV near line {reader.line_num}: {error}") from None
    if not drafts:
        raise ImportProblem("the CSV has a header but no rows")
    return drafts
