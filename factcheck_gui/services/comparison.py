"""The comparison: figures grouped by what they measure, and where they cannot all be true."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from factcheck_gui.domain.intervals import CONFLICT, measure_status
from factcheck_gui.domain.model import Kind
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow, MeasureRow


@dataclass(frozen=True)
class ComparedFigure:
    annotation_id: str
    article_id: int
    article_title: str
    outlet: str | None
    quote: str
    value: float | None
    unit: str | None
    low: float | None
    high: float | None
    source: str | None  # the speaker of an attribution that points at the figure
    verdict: str

    def as_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "article_title": self.article_title,
            "quote": self.quote,
            "value": self.value,
            "unit": self.unit,
            "low": self.low,
            "high": self.high,
            "source": self.source,
            "verdict": self.verdict,
        }


@dataclass(frozen=True)
class MeasureGroup:
    measure: str
    status: str  # conflict, consistent or single
    figures: tuple[ComparedFigure, ...]
    disjoint: tuple[tuple[str, str], ...]  # pairs of annotation ids that cannot both be true


def compare(db: Database) -> list[MeasureGroup]:
    """Every measure with its figures (orphans left out), conflicts first, then by name."""
    a, art, m = AnnotationRow.__table__, ArticleRow.__table__, MeasureRow.__table__  # type: ignore[attr-defined]
    speaker = AnnotationRow.__table__.alias("attribution")  # type: ignore[attr-defined]
    query = (
        select(
            m.c.name,
            a.c.id,
            a.c.article_id,
            art.c.title,
            art.c.outlet,
            a.c.quote,
            a.c.value,
            a.c.unit,
            a.c.low,
            a.c.high,
            speaker.c.speaker,
            a.c.verdict,
        )
        .select_from(
            a.join(m, a.c.measure_id == m.c.id)
            .join(art, a.c.article_id == art.c.id)
            .outerjoin(
                speaker,
                (speaker.c.target_id == a.c.id) & (speaker.c.kind == Kind.ATTRIBUTION.value),
            )
        )
        .where(a.c.kind == Kind.FIGURE.value, a.c.orphaned.is_(False))
        .order_by(m.c.name, a.c.article_id, a.c.start, a.c.id)
    )
    grouped: dict[str, dict[str, ComparedFigure]] = {}
    with db.transaction() as session:
        for name, *fields in session.connection().execute(query):
            figure = ComparedFigure(*fields)
            grouped.setdefault(name, {}).setdefault(figure.annotation_id, figure)
    groups = []
    for name, by_id in grouped.items():
        figures = tuple(by_id.values())
        status, pairs = measure_status([(f.annotation_id, f.unit, f) for f in figures])
        groups.append(MeasureGroup(name, status, figures, tuple(pairs)))
    groups.sort(key=lambda g: (g.status != CONFLICT, g.measure.casefold()))
    return groups
