"""Reading our annotation table (CSV, see ``exporters/csv_table``) back as an annotation set.

RFC 4180 (quoted cells may hold commas, quotes and line breaks), UTF-8 with or without its
byte-order mark, the header row naming our columns (in any order; the columns added later
may be missing). The apostrophe the writer put before a cell a spreadsheet would run as a
formula is taken off again. A cell that cannot be read (an id that is no UUID, an unknown
verdict, a time without a zone) refuses the whole table, naming its line: nothing of it is
stored.

What the table cannot carry: an orphan's place and context (its row has no start or end, so
it is used only where its quote is found in the article here), and the context around a
quote (taken from the article's text where the quote is found).
"""

from __future__ import annotations

import csv
import io
import math
from datetime import date, datetime

from factcheck_gui.domain.annotation_table import (
    COLUMNS,
    NUMBER_COLUMNS,
    REQUIRED_COLUMNS,
    restore,
)
from factcheck_gui.domain.model import Kind, Verdict
from factcheck_gui.importers.annotation_set import EXAMPLE_UUID
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.foreign_set import ArticleRef, ForeignAnnotation, ForeignSet, moment
from factcheck_gui.importers.ids import canonical_uuid, describe
from factcheck_gui.importers.set_model import SetFigure
from factcheck_gui.importers.structured import Rfc4180

FORMAT = "factcheck CSV"
_YES, _NO = frozenset({"yes", "true", "1"}), frozenset({"", "no", "false", "0"})


def header_of(text: str) -> list[str] | None:
    """The header row, when it names every column of our table; else None."""
    try:
        names = next(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), Rfc4180), [])
    except csv.Error:
        return None
    names = [n.strip() for n in names]
    return names if set(REQUIRED_COLUMNS) <= set(names) else None


def looks_like_csv_set(text: str) -> bool:
    return header_of(text) is not None


def read_csv_set(text: str) -> ForeignSet:
    names = header_of(text)
    if names is None:
        raise ImportProblem("not a factcheck annotation table (its header lacks our columns)")
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ImportProblem(f"the header names {', '.join(map(repr, twice))} more than once")
    unknown = [n for n in names if n and n not in COLUMNS]
    notes = [f"column '{n}' is not one of ours; not read" for n in unknown]
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), Rfc4180)
    annotations: list[ForeignAnnotation] = []
    seen: dict[str, str] = {}
    try:
        next(reader)
        line = reader.line_num + 1
        for cells in reader:
            where, line = f"line {line}", reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(names):
                raise ImportProblem(
                    f"{where}: {len(cells)} cells where the header has {len(names)}; "
                    "the table was changed by hand (a cell with a comma needs double quotes)"
                )
            row = {
                n: (c if n in NUMBER_COLUMNS else restore(c))
                for n, c in zip(names, cells, strict=True)
            }
            annotation = _Row(row, where).annotation(len(annotations))
            if annotation.id in seen:
                raise ImportProblem(
                    f"{where}: annotation_id {annotation.id} is on {seen[annotation.id]} too; "
                    "each annotation needs its own id"
                )
            seen[annotation.id] = where
            annotations.append(annotation)
    except csv.Error as error:
        raise ImportProblem(f"malformed CSV on line {line}: {error}") from None
    if not annotations:
        raise ImportProblem("the annotation table has a header but no rows")
    return ForeignSet(FORMAT, annotations, notes=notes)


class _Row:
    def __init__(self, row: dict[str, str], where: str) -> None:
        self.row, self.where = row, where

    def fail(self, column: str, what: str) -> ImportProblem:
        return ImportProblem(f"{self.where}: {column} {what}")

    def get(self, column: str) -> str:
        return self.row.get(column, "")

    def optional(self, column: str) -> str | None:
        return self.get(column) or None

    def uuid(self, column: str, *, optional: bool = False) -> str | None:
        value = self.get(column).strip()
        if optional and not value:
            return None
        found = canonical_uuid(value)
        if found is None:
            raise self.fail(
                column, f"should be a UUID (like {EXAMPLE_UUID}), not {describe(value)}"
            )
        return found

    def offset(self, column: str) -> int | None:
        value = self.get(column).strip()
        if not value:
            return None
        if not value.isdigit():
            raise self.fail(column, f"should be a whole number, 0 or more, not {describe(value)}")
        return int(value)

    def number(self, column: str) -> float | None:
        value = self.get(column).strip()
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            raise self.fail(column, f"should be a number, not {describe(value)}") from None
        if not math.isfinite(number):
            raise self.fail(column, f"should be a finite number, not {describe(value)}")
        return number

    def day(self, column: str) -> date | None:
        value = self.get(column).strip()
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            raise self.fail(column, f"is not an ISO date: {describe(value)}") from None

    def flag(self, column: str) -> bool:
        value = self.get(column).strip().lower()
        if value not in _YES | _NO:
            raise self.fail(column, f"should be yes or empty, not {describe(value)}")
        return value in _YES

    def time(self, column: str) -> datetime:
        try:
            return moment(self.get(column))
        except ValueError as error:
            raise self.fail(column, str(error)) from None

    def annotation(self, at: int) -> ForeignAnnotation:
        identifier = self.uuid("annotation_id")
        assert identifier is not None
        try:
            kind = Kind(self.get("kind").strip())
        except ValueError:
            choices = ", ".join(k.value for k in Kind)
            value = describe(self.get("kind"))
            raise self.fail("kind", f"should be one of {choices}, not {value}") from None
        try:
            verdict = Verdict.parse(self.get("verdict"))
        except ValueError as error:
            raise self.fail("verdict", str(error)) from None
        quote = self.get("quote")
        if not quote.strip():
            raise self.fail("quote", "is empty; each annotation marks some words")
        start, end = self.offset("start"), self.offset("end")
        orphaned = self.flag("orphaned")
        if (start is None) != (end is None) or (
            start is not None and end is not None and end <= start
        ):
            raise self.fail("end", "and start should be two offsets, end after start")
        if start is None and not orphaned:
            raise self.fail("start", "is empty, and the row is no orphan")
        sha = self.get("article_sha256").strip().lower()
        if sha and (len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha)):
            raise self.fail("article_sha256", "should be 64 hexadecimal digits")
        created, modified = self.time("created"), self.time("modified")
        attribution = kind is Kind.ATTRIBUTION
        return ForeignAnnotation(
            where=self.where,
            at=at,
            id=identifier,
            article=ArticleRef(
                hashes=(sha,) if sha else (),
                urls=(url,) if (url := self.get("url").strip()) else (),
                title=self.get("article_title"),
                outlet=self.optional("outlet"),
                published=self.day("published"),
            ),
            quote=quote,
            prefix="",
            suffix="",
            start=start,
            end=end,
            kind=kind,
            verdict=verdict,
            note=self.get("note"),
            reviewer=self.get("reviewer"),
            created=created,
            modified=modified,
            speaker=self.optional("speaker") if attribution else None,
            target=self.uuid("target_id", optional=True) if attribution else None,
            orphaned=orphaned,
            figure=self.figure() if kind is Kind.FIGURE else None,
            changed_from=self.optional("changed_from"),
        )

    def figure(self) -> SetFigure:
        return SetFigure(
            value=self.number("value"),
            unit=self.optional("figure_unit"),
            hedge=self.optional("hedge"),
            low=self.number("low"),
            high=self.number("high"),
            vague=self.flag("vague"),
            measure=self.optional("measure"),
            as_of=self.day("as_of"),
        )
