"""The comparison: figures grouped by what they measure, and where they cannot all be true."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.intervals import CONFLICT, SINGLE, measure_status
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
    start: int = 0
    end: int = 0
    hedge: str | None = None
    vague: bool = False
    attribution_id: str | None = None

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
    """Every measure with its figures (orphans and figures without a value left out),
    conflicts first, then by name."""
    groups = list(_read_groups(db, None).values())
    groups.sort(key=sort_key)
    return groups


def sort_key(group: MeasureGroup) -> tuple[bool, str, str]:
    """Conflicts first, then by name."""
    return (group.status != CONFLICT, group.measure.casefold(), group.measure)


class Comparison:
    """The comparison kept up to date one change at a time: after an edit, only the
    measures that the changed annotations were or are under are read again."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.groups: dict[str, MeasureGroup] = {}
        self._measure_of: dict[str, str] = {}  # figure id -> its measure
        self._figure_of: dict[str, str] = {}  # attribution id -> the figure it names

    def load(self) -> list[MeasureGroup]:
        self.groups = _read_groups(self._db, None)
        self._index(self.groups.values(), replace_all=True)
        return sorted(self.groups.values(), key=sort_key)

    def measure_of(self, annotation_id: str) -> str | None:
        """The measure a figure is under (or the figure an attribution names), if any."""
        figure = self._figure_of.get(annotation_id, annotation_id)
        return self._measure_of.get(figure)

    def refresh(self, changes: Changes) -> set[str]:
        """Apply ``changes``; the names of the measures whose group changed or went away."""
        if changes.library:
            before = dict(self.groups)
            self.load()
            return {
                n for n in before.keys() | self.groups.keys() if before.get(n) != self.groups.get(n)
            }
        ids = changes.added | changes.updated | changes.removed
        if not ids:
            return set()
        affected = {self._measure_of[i] for i in ids if i in self._measure_of}
        affected |= {
            self._measure_of[f] for i in ids if (f := self._figure_of.get(i)) in self._measure_of
        }
        affected |= _measures_touching(self._db, ids)
        fresh = _read_groups(self._db, affected) if affected else {}
        for name in affected:
            for figure in self.groups.get(name, MeasureGroup(name, SINGLE, (), ())).figures:
                self._measure_of.pop(figure.annotation_id, None)
                if figure.attribution_id:
                    self._figure_of.pop(figure.attribution_id, None)
            if name in fresh:
                self.groups[name] = fresh[name]
            else:
                self.groups.pop(name, None)
        self._index(fresh.values(), replace_all=False)
        return affected

    def _index(self, groups: Iterable[MeasureGroup], *, replace_all: bool) -> None:
        if replace_all:
            self._measure_of.clear()
            self._figure_of.clear()
        for group in groups:
            for figure in group.figures:
                self._measure_of[figure.annotation_id] = group.measure
                if figure.attribution_id:
                    self._figure_of[figure.attribution_id] = figure.annotation_id


_A = AnnotationRow.__table__  # type: ignore[attr-defined]
_ART = ArticleRow.__table__  # type: ignore[attr-defined]
_M = MeasureRow.__table__  # type: ignore[attr-defined]
_SPEAKER = _A.alias("attribution")


def _measures_touching(db: Database, ids: frozenset[str]) -> set[str]:
    """The measures of these figures and of the figures these attributions name, now."""
    id_list = list(ids)
    named = select(_A.c.target_id).where(_A.c.id.in_(id_list), _A.c.target_id.is_not(None))
    query = (
        select(_M.c.name)
        .select_from(_A.join(_M, _A.c.measure_id == _M.c.id))
        .where(_A.c.id.in_(id_list) | _A.c.id.in_(named))
        .distinct()
    )
    with db.transaction() as session:
        return set(session.connection().execute(query).scalars())


def _read_groups(db: Database, names: set[str] | None) -> dict[str, MeasureGroup]:
    query = (
        select(
            _M.c.name,
            _A.c.id,
            _A.c.article_id,
            _ART.c.title,
            _ART.c.outlet,
            _A.c.quote,
            _A.c.value,
            _A.c.unit,
            _A.c.low,
            _A.c.high,
            _SPEAKER.c.speaker,
            _A.c.verdict,
            _A.c.start,
            _A.c.end,
            _A.c.hedge,
            _A.c.vague,
            _SPEAKER.c.id,
        )
        .select_from(
            _A.join(_M, _A.c.measure_id == _M.c.id)
            .join(_ART, _A.c.article_id == _ART.c.id)
            .outerjoin(
                _SPEAKER,
                (_SPEAKER.c.target_id == _A.c.id) & (_SPEAKER.c.kind == Kind.ATTRIBUTION.value),
            )
        )
        # a figure whose words held no number waits for a typed value before it is compared
        .where(_A.c.kind == Kind.FIGURE.value, _A.c.orphaned.is_(False), _A.c.value.is_not(None))
        .order_by(_M.c.name, _A.c.article_id, _A.c.start, _A.c.id)
    )
    if names is not None:
        query = query.where(_M.c.name.in_(list(names)))
    grouped: dict[str, dict[str, ComparedFigure]] = {}
    with db.transaction() as session:
        for name, *fields in session.connection().execute(query):
            figure = ComparedFigure(*fields)
            grouped.setdefault(name, {}).setdefault(figure.annotation_id, figure)
    groups = {}
    for name, by_id in grouped.items():
        figures = tuple(by_id.values())
        status, pairs = measure_status([(f.annotation_id, f.unit, f) for f in figures])
        groups[name] = MeasureGroup(name, status, figures, tuple(pairs))
    return groups
