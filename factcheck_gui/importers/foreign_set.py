"""Annotation sets that name their articles instead of carrying them: W3C Web Annotation
(from this app or other tools) and our CSV table.

Each annotation says which article it is on (by address, text hash, or title) and which
words it marks (a quote, its context, and offsets as a hint). The merge finds the article
among the stored ones and the words in its text (``services/foreign_sets``); what cannot be
found is left out and reported, never placed by guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from factcheck_gui.domain.model import Kind, Verdict
from factcheck_gui.importers.set_model import SetFigure


@dataclass(frozen=True)
class ArticleRef:
    """How an annotation names its article; the first kind that finds one decides."""

    hashes: tuple[str, ...] = ()  # SHA-256 of the text, hexadecimal
    urls: tuple[str, ...] = ()  # the page's address (W3C source and scope, CSV url)
    title: str | None = None  # CSV only, for tables without a hash or a URL
    outlet: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class ForeignAnnotation:
    where: str  # "first.items[3]", "line 7": where in the file, for the report
    at: int  # its place among the file's annotations
    id: str  # a canonical UUID (derived from the IRI for another tool's annotation)
    article: ArticleRef
    quote: str
    prefix: str
    suffix: str
    start: int | None  # a hint, believed only where the quote stands
    end: int | None
    kind: Kind
    verdict: Verdict
    note: str
    reviewer: str
    created: datetime
    modified: datetime
    speaker: str | None = None
    target: str | None = None
    orphaned: bool = False  # an orphan where it was exported (our CSV)
    figure: SetFigure | None = None
    changed_from: str | None = None


@dataclass(frozen=True)
class LeftOut:
    """An annotation of the file that cannot be used here, and why."""

    where: str
    reason: str  # grouped in the report: "no article with this URL: https://…"
    detail: str = ""  # for its own line: the quote, the id
    at: int = 0  # its place in the file, so the report follows the file


@dataclass(frozen=True)
class ForeignSet:
    format: str  # "W3C Web Annotation", "factcheck CSV"
    annotations: list[ForeignAnnotation]
    left_out: list[LeftOut] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was read but not used
    exported: datetime | None = None


def moment(text: str) -> datetime:
    """An ISO 8601 time with its time zone; ValueError saying what is wrong."""
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"is not an ISO 8601 time: {text!r}") from None
    if when.utcoffset() is None:
        raise ValueError(f"has no time zone: {text!r} (end it in Z for UTC)")
    return when
