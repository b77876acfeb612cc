"""A conflict report to share: each measure (conflicts first) with its figures and what a
reader needs to judge them. The data only; ui/exchange/report_render.py draws it as HTML or PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.intervals import STATUSES
from factcheck_gui.domain.model import Verdict
from factcheck_gui.services.comparison import ComparedFigure, MeasureGroup, compare, sort_key
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow, BatchRow

CONTEXT_CHARS = 120  # of the words around a quote, each side


@dataclass(frozen=True)
class ReportFigure:
    figure: ComparedFigure
    published: date | None
    as_of: date | None
    before: str  # the words just before the quote (trimmed to CONTEXT_CHARS)
    after: str
    note: str
    conflicting: bool  # disjoint from at least one other figure of its measure

    @property
    def verdict_label(self) -> str:
        return Verdict(self.figure.verdict).label


@dataclass(frozen=True)
class ReportMeasure:
    group: MeasureGroup
    figures: tuple[ReportFigure, ...]

    @property
    def units(self) -> str:
        units = list(dict.fromkeys(f.unit for f in self.group.figures if f.unit))
        return ", ".join(units)


@dataclass(frozen=True)
class Report:
    measures: tuple[ReportMeasure, ...]
    batch: str | None
    status: str | None
    made: datetime

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(m.group.status == s for m in self.measures) for s in STATUSES}

    @property
    def scope(self) -> str:
        parts = [f"batch “{self.batch}”" if self.batch else "all articles"]
        if self.status:
            parts.append(f"{self.status} measures only")
        return ", ".join(parts)


def build_report(db: Database, *, batch: str | None = None, status: str | None = None) -> Report:
    """Every measure's figures (in ``batch``'s articles only, when given; statuses are then
    those of the figures in it), conflicts first; ``status`` keeps only measures with it."""
    if status is not None and status not in STATUSES:
        raise UserError(f"no status {status!r}: choose one of {', '.join(STATUSES)}")
    groups = compare(db)
    if batch is not None:
        in_batch = _articles_of(db, batch)
        groups = [_restricted(g, in_batch) for g in groups]
        groups = sorted((g for g in groups if g.figures), key=sort_key)
    if status is not None:
        groups = [g for g in groups if g.status == status]
    extras = _extras(db, [f.annotation_id for g in groups for f in g.figures])
    measures = []
    for group in groups:
        figures = []
        for figure in group.figures:
            published, as_of, text, prefix, suffix, note = extras[figure.annotation_id]
            figures.append(
                ReportFigure(
                    figure,
                    published,
                    as_of,
                    _before(text, figure.start, prefix),
                    _after(text, figure.end, suffix),
                    note,
                    group.conflicts.conflicting(figure.annotation_id),
                )
            )
        measures.append(ReportMeasure(group, tuple(figures)))
    return Report(tuple(measures), batch, status, datetime.now().astimezone())


def _restricted(group: MeasureGroup, articles: set[int]) -> MeasureGroup:
    figures = tuple(f for f in group.figures if f.article_id in articles)
    if len(figures) == len(group.figures):
        return group
    return MeasureGroup(group.measure, figures)


_A = AnnotationRow.__table__  # type: ignore[attr-defined]
_ART = ArticleRow.__table__  # type: ignore[attr-defined]
_B = BatchRow.__table__  # type: ignore[attr-defined]


def _articles_of(db: Database, batch: str) -> set[int]:
    with db.transaction() as session:
        connection = session.connection()
        ids = list(connection.execute(select(_B.c.id).where(_B.c.name == batch)).scalars())
        if not ids:
            raise UserError(f"there is no batch named {batch!r}; `factcheck list` shows them")
        query = select(_ART.c.id).where(_ART.c.batch_id.in_(ids))
        return set(connection.execute(query).scalars())


def _extras(db: Database, ids: list[str]) -> dict[str, tuple]:  # type: ignore[type-arg]
    query = select(
        _A.c.id, _ART.c.published, _A.c.as_of, _ART.c.text, _A.c.prefix, _A.c.suffix, _A.c.note
    ).select_from(_A.join(_ART, _A.c.article_id == _ART.c.id))
    out = {}
    with db.transaction() as session:
        connection = session.connection()
        for chunk in range(0, len(ids), 500):
            for row in connection.execute(query.where(_A.c.id.in_(ids[chunk : chunk + 500]))):
                out[row[0]] = tuple(row[1:])
    return out


def _before(text: str, start: int, prefix: str) -> str:
    """The words before a quote, as written (spaces and line breaks made single spaces)."""
    cut = start > CONTEXT_CHARS
    words = _spaced(text[max(0, start - CONTEXT_CHARS) : start] if text else prefix)
    if cut and " " in words:  # from the first whole word
        words = words[words.index(" ") + 1 :]
    return ("…" if cut else "") + words


def _after(text: str, end: int, suffix: str) -> str:
    cut = end + CONTEXT_CHARS < len(text)
    words = _spaced(text[end : end + CONTEXT_CHARS] if text else suffix)
    if cut and " " in words.strip():  # up to the last whole word
        words = words[: words.rstrip().rindex(" ")]
    return words + ("…" if cut else "")


def _spaced(words: str) -> str:
    return re.sub(r"\s+", " ", words)
