"""The things a reviewer works with, as immutable values.

Storage turns rows into these; services hand them to the UI and the CLI.
Offsets are always code points of the article's stored text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class Kind(enum.StrEnum):
    CLAIM = "claim"
    FIGURE = "figure"
    ATTRIBUTION = "attribution"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Verdict(enum.StrEnum):
    """The verdict scale, in its order (the order of declaration)."""

    UNCHECKED = "unchecked"
    ACCURATE = "accurate"
    MOSTLY_ACCURATE = "mostly accurate"
    MISLEADING = "misleading"
    INACCURATE = "inaccurate"
    UNVERIFIABLE = "unverifiable"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)

    @classmethod
    def parse(cls, text: str) -> Verdict:
        """Read a verdict from its value, label or enum name ("mostly_accurate")."""
        key = text.strip().lower().replace("_", " ").replace("-", " ")
        for verdict in cls:
            if verdict.value == key:
                return verdict
        choices = ", ".join(v.value for v in cls)
        raise ValueError(f"unknown verdict {text!r}; use one of: {choices}")


@dataclass(frozen=True, slots=True)
class Batch:
    id: int
    name: str
    imported: datetime


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An article as an importer reads it, before it is stored."""

    text: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    source_name: str | None = None
    # what the reader noticed, for the import report: which of the record's fields became
    # which ("text ← maintext"), and what it could not use ("the date … is ambiguous")
    fields: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    batch_id: int
    title: str
    outlet: str | None
    url: str | None
    published: date | None
    text: str
    sha256: str
    replaces_id: int | None = None  # the older version of the same article (same URL)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the library shows of an article: everything but its text."""

    id: int
    batch_id: int
    title: str
    outlet: str | None
    published: date | None
    annotations: int


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str  # a UUID, stable across databases and exports
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    kind: Kind
    verdict: Verdict
    note: str
    reviewer: str
    created: datetime
    modified: datetime
    speaker: str | None = None  # attributions only
    target_id: str | None = None  # attributions only: the claim or figure attributed
    orphaned: bool = False  # its quote is no longer in the text: listed, not drawn
    # re-anchored where its words changed: the quote its verdict was given on, until the
    # reviewer sets a verdict again
    changed_from: str | None = None
    # for publication (ClaimReview): the reasoning the reviewer writes for readers (the note
    # stays private), and the address of the published review, when it has its own
    rationale: str = ""
    review_url: str | None = None
    # figures only: what the words say (see domain/intervals.py) and what they measure
    value: float | None = None
    unit: str | None = None  # "people", "percent", an ISO 4217 code, or a free unit
    hedge: str | None = None
    low: float | None = None  # None: that end is open
    high: float | None = None
    vague: bool = False
    as_of: date | None = None
    measure: str | None = None  # the name of what is counted; figures sharing it compare


FIGURE_FIELDS = frozenset({"value", "unit", "hedge", "low", "high", "vague", "as_of", "measure"})
# The fields a reviewer may edit after tagging, and only these.
# Setting a verdict clears changed_from (the reviewer has looked again); undo sets it back.
EDITABLE_FIELDS = (
    frozenset(
        {"kind", "verdict", "note", "speaker", "target_id", "changed_from"}
        | {"rationale", "review_url"}
    )
    | FIGURE_FIELDS
)


@dataclass(frozen=True, slots=True)
class Tombstone:
    """An annotation deleted at ``deleted``; a later edit of it elsewhere brings it back."""

    id: str
    article_sha256: str
    deleted: datetime


@dataclass(frozen=True, slots=True)
class NewAnnotation:
    """What tagging a span asks for; the store fills in quote, context and times."""

    article_id: int
    start: int
    end: int
    kind: Kind
    reviewer: str
    verdict: Verdict = Verdict.UNCHECKED
    note: str = ""
    speaker: str | None = None
    target_id: str | None = None
    id: str | None = None  # given when a redo must recreate the same annotation


@dataclass(frozen=True, slots=True)
class LibraryBatch:
    batch: Batch
    articles: tuple[ArticleSummary, ...] = field(default_factory=tuple)
