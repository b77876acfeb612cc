"""An annotation set as every reader gives it (native JSON, W3C, CSV, other tools' files),
for the merge: articles by the file's own ids, annotations placed on them, tombstones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from factcheck_gui.domain.model import Kind, Verdict


@dataclass(frozen=True)
class SetArticle:
    file_id: int
    title: str
    outlet: str | None
    url: str | None
    published: date | None
    sha256: str
    text: str | None


@dataclass(frozen=True)
class SetAnnotation:
    id: str
    article: int  # a SetArticle.file_id
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
    speaker: str | None
    target: str | None
    orphaned: bool
    figure: SetFigure | None = None
    changed_from: str | None = None  # version 3: re-anchored where its words changed
    # version 4: the public rationale and the review's URL; None: the file predates them
    rationale: str | None = None
    review_url: str | None = None
    publishing: bool = False  # the file carries the two above (version 4 on)


@dataclass(frozen=True)
class SetFigure:
    value: float | None
    unit: str | None
    hedge: str | None
    low: float | None
    high: float | None
    vague: bool
    measure: str | None
    as_of: date | None


@dataclass(frozen=True)
class SetTombstone:
    id: str
    article: int  # a SetArticle.file_id
    deleted: datetime


@dataclass(frozen=True)
class AnnotationSet:
    version: int
    articles: list[SetArticle]
    annotations: list[SetAnnotation]
    tombstones: list[SetTombstone] = field(default_factory=list)
    exported: datetime | None = None  # when the file says it was written, if it says clearly
