"""JSON, JSON Lines and CSV files of article records."""

from __future__ import annotations

import csv
import io
import json
import re

from factcheck_gui.domain.annotation_table import REQUIRED_COLUMNS
from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.records import FIELDS, draft_from_record, key, loads
from factcheck_gui.importers.registry import register
from factcheck_gui.importers.w3c_set import is_w3c

csv.field_size_limit(64 * 1024 * 1024)  # one cell may hold a whole article
AN_ANNOTATION_SET = (
    "this is an annotation set, not articles; use File → Import annotation set… "
    "(`factcheck import` recognises it by itself)"
)


@register("json", endings=(".json",), sniff=lambda text: text.lstrip()[:1] in ("{", "["))
def read_json(text: str, source: str) -> list[ArticleDraft]:
    if _looks_like_json_lines(text) and _first_line_is_whole(text):
        return read_json_lines(text, source)  # News Category Dataset's .json is JSON Lines
    data = loads(text)
    if (isinstance(data, dict) and data.get("format") == "factcheck-annotations") or is_w3c(data):
        raise ImportProblem(AN_ANNOTATION_SET)
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    if not records:
        raise ImportProblem("the JSON holds no articles")
    return [
        draft_from_record(r, where=f"item {i}", source=source) for i, r in enumerate(records, 1)
    ]


def _first_line_is_whole(text: str) -> bool:
    """Whether the first line is a whole JSON value (then the next lines are more values)."""
    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
    except ValueError:
        return False
    return True


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


class Rfc4180(csv.Dialect):
    """RFC 4180: fields in double quotes may hold the delimiter, line breaks and ``""``.

    ``strict``: a quote where none may stand (``"a"b``), or a quoted field never closed, is
    an error rather than text read some other way.
    """

    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = True


def _delimiter(text: str, source: str) -> str:
    """A comma, unless the ending says TSV or the header row clearly uses tabs or semicolons.

    Only the header row is looked at, never a sample of the data: a guess from the first
    rows is what split a later quoted field holding a comma and ``""``.
    """
    if source.lower().endswith(".tsv"):
        return "\t"
    header = text.split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", header)  # a quoted column name may hold anything
    if "," in unquoted:
        return ","
    if "\t" in unquoted:
        return "\t"
    if ";" in unquoted:
        return ";"
    return ","  # one column


@register("csv", endings=(".csv", ".tsv"))
def read_csv(text: str, source: str) -> list[ArticleDraft]:
    """Rows of a CSV (RFC 4180) or TSV file with a header naming a ``text`` column.

    A row with more or fewer fields than the header is refused with its line number: its
    columns would be read as the wrong fields. Nothing of a refused file is stored.
    """
    reader = csv.reader(io.StringIO(text, newline=""), Rfc4180, delimiter=_delimiter(text, source))
    try:
        names = next(reader, [])  # the header row, which may be malformed too
    except csv.Error as error:
        raise ImportProblem(f"malformed CSV header: {error}") from None
    header = [key(h) for h in names]
    if set(REQUIRED_COLUMNS) <= {n.strip() for n in names}:
        raise ImportProblem(AN_ANNOTATION_SET)
    if not set(header) & set(FIELDS["text"]):
        found = ", ".join(h.strip() for h in names if h.strip()) or "nothing"
        raise ImportProblem(
            f"the CSV has no 'text' column (nor {', '.join(FIELDS['text'][1:6])}; "
            f"its header names {found}); "
            "add a header row with a 'text' column"
        )
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:
        raise ImportProblem(
            f"the CSV header names {', '.join(repr(h) for h in twice)} more than once; "
            "give each column its own name"
        )
    drafts = []
    line = reader.line_num + 1  # the line the next row starts on
    try:
        for row in reader:
            where, line = f"line {line}", reader.line_num + 1
            if not any(v.strip() for v in row):
                continue  # a blank line
            if len(row) != len(names):
                raise ImportProblem(
                    f"{where}: {len(row)} field{'s' * (len(row) != 1)} where the header has "
                    f"{len(names)}; a comma in a field needs the field in double quotes "
                    '(and a quote in it doubled: "")'
                )
            record = dict(zip(names, row, strict=True))
            drafts.append(draft_from_record(record, where=where, source=source))
    except csv.Error as error:
        raise ImportProblem(f"malformed CSV on line {line}: {error}") from None
    if not drafts:
        raise ImportProblem("the CSV has a header but no rows")
    return drafts
