"""The comparison: figures grouped by what they measure, and where they cannot all be true.

Reading it, measure by measure: ``read_summaries`` gives every measure's status and count
from one aggregate query (no figure rows); ``read_groups`` a few measures' figures, with
their conflicts found by sorting (``domain.conflicts``); ``stream_groups`` the measures
one after another, conflicts first, without holding them all. ``services.kept_comparison``
keeps them up to date for the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, case, func, select

from factcheck_gui.domain.conflicts import Conflicts
from factcheck_gui.domain.intervals import CONFLICT, CONSISTENT, SINGLE
from factcheck_gui.domain.model import Kind
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow, MeasureRow

CHUNK = 500  # ids in one IN (...) list
STREAM_FIGURES = 5_000  # figures read at a time when measures are streamed (one measure more)
T = TypeVar("T")


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

    @property
    def order(self) -> tuple[int, int, str]:
        """Where it is listed in its measure: by article, then position."""
        return (self.article_id, self.start, self.annotation_id)


@dataclass(frozen=True)
class MeasureGroup:
    """One measure's figures (in ``order``) and which of them cannot both be true."""

    measure: str
    figures: tuple[ComparedFigure, ...]
    conflicts: Conflicts = field(init=False, compare=False, repr=False)
    # What views derive from these figures and keep while the group lives (a number line's
    # scale): the group never changes, an edit makes a new one.
    memo: dict[object, object] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        figures = self.figures
        found = Conflicts.of(
            list(map(attrgetter("annotation_id"), figures)),
            list(map(attrgetter("unit"), figures)),
            list(map(attrgetter("low"), figures)),
            list(map(attrgetter("high"), figures)),
        )
        object.__setattr__(self, "conflicts", found)

    @property
    def status(self) -> str:  # conflict, consistent or single
        return self.conflicts.status

    def row_of(self, annotation_id: str) -> int | None:
        return self._rows.get(annotation_id)

    def figure(self, annotation_id: str) -> ComparedFigure:
        return self.figures[self._rows[annotation_id]]

    def named_by(self, attribution_id: str) -> str | None:
        """The figure an attribution points at, if it is one of these."""
        return self._named.get(attribution_id)

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {f.annotation_id: row for row, f in enumerate(self.figures)}

    @cached_property
    def _named(self) -> dict[str, str]:
        return {f.attribution_id: f.annotation_id for f in self.figures if f.attribution_id}


@dataclass(frozen=True, slots=True)
class MeasureSummary:
    """What the list of measures shows before a measure's figures are read."""

    measure: str
    status: str
    count: int  # figures

    @staticmethod
    def of(group: MeasureGroup) -> MeasureSummary:
        return MeasureSummary(group.measure, group.status, len(group.figures))


def sort_key(group: MeasureGroup | MeasureSummary) -> tuple[bool, str, str]:
    """Conflicts first, then by name."""
    return (group.status != CONFLICT, group.measure.casefold(), group.measure)


def compare(db: Database) -> list[MeasureGroup]:
    """Every measure with its figures (orphans and figures without a value left out),
    conflicts first, then by name."""
    return list(stream_groups(db))


def stream_groups(
    db: Database, keep: Callable[[MeasureSummary], bool] = lambda _s: True
) -> Iterator[MeasureGroup]:
    """The measures whose summary ``keep`` accepts, conflicts first, then by name, read a
    few at a time (about ``STREAM_FIGURES`` figures) in one transaction; what was read is
    let go as it is yielded."""
    with db.transaction() as session:
        connection = session.connection()
        summaries = read_summaries(connection)
        chosen = sorted((i for i, s in summaries.items() if keep(s)), key=_by(summaries))
        batch: list[int] = []
        held = 0
        for at, measure_id in enumerate(chosen):
            batch.append(measure_id)
            held += summaries[measure_id].count
            after = chosen[at + 1] if at + 1 < len(chosen) else None
            if (
                after is None
                or len(batch) == CHUNK
                or held + summaries[after].count > STREAM_FIGURES
            ):
                groups = read_groups(connection, batch)
                for each in batch:
                    yield groups[each]
                batch, held = [], 0


def _by(summaries: dict[int, MeasureSummary]) -> Callable[[int], tuple[bool, str, str]]:
    return lambda measure_id: sort_key(summaries[measure_id])


# -- the queries ---------------------------------------------------------------------------
_A = AnnotationRow.__table__  # type: ignore[attr-defined]
_ART = ArticleRow.__table__  # type: ignore[attr-defined]
_M = MeasureRow.__table__  # type: ignore[attr-defined]
_SPEAKER = _A.alias("attribution")
# a figure whose words held no number waits for a typed value before it is compared
COMPARED = (
    (_A.c.kind == Kind.FIGURE.value)
    & _A.c.orphaned.is_(False)
    & _A.c.value.is_not(None)
    & _A.c.measure_id.is_not(None)
)
_FIGURE_COLUMNS = (
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
_FIGURES = (
    select(_A.c.measure_id, _M.c.name, *_FIGURE_COLUMNS)
    .select_from(
        _A.join(_M, _A.c.measure_id == _M.c.id)
        .join(_ART, _A.c.article_id == _ART.c.id)
        .outerjoin(
            _SPEAKER,
            (_SPEAKER.c.target_id == _A.c.id) & (_SPEAKER.c.kind == Kind.ATTRIBUTION.value),
        )
    )
    .where(COMPARED)
    .order_by(_A.c.measure_id, _A.c.article_id, _A.c.start, _A.c.id, _SPEAKER.c.id)
)


def read_summaries(
    connection: Connection, measure_ids: Iterable[int] | None = None
) -> dict[int, MeasureSummary]:
    """Each measure's status and count (all measures, or those of ``measure_ids``), from
    the lowest high end and the highest low end of each of its units: two figures conflict
    exactly when, within a unit and the figures without one, the lowest high end is below
    the highest low end. A measure holding an upside-down interval is swept instead."""
    query = (
        select(
            _A.c.measure_id,
            _M.c.name,
            _A.c.unit,
            func.count(),
            func.min(_A.c.high),
            func.max(_A.c.low),
            func.sum(case((_A.c.low > _A.c.high, 1), else_=0)),
        )
        .select_from(_A.join(_M, _A.c.measure_id == _M.c.id))
        .where(COMPARED)
        .group_by(_A.c.measure_id, _M.c.name, _A.c.unit)
    )
    rows: list[Any] = []
    if measure_ids is None:
        rows = _rows(connection, query)
    else:
        for chunk in _chunks(measure_ids):
            rows.extend(_rows(connection, query.where(_A.c.measure_id.in_(chunk))))
    units: dict[int, list[tuple[str | None, int, float | None, float | None]]] = {}
    names: dict[int, str] = {}
    upside_down: set[int] = set()
    for measure_id, name, unit, count, lowest_high, highest_low, odd in rows:
        names[measure_id] = name
        units.setdefault(measure_id, []).append((unit, count, lowest_high, highest_low))
        if odd:
            upside_down.add(measure_id)
    out = {m: _summary(names[m], each) for m, each in units.items() if m not in upside_down}
    if upside_down:
        for measure_id, group in read_groups(connection, sorted(upside_down)).items():
            out[measure_id] = MeasureSummary.of(group)
    return out


def _summary(
    name: str, units: list[tuple[str | None, int, float | None, float | None]]
) -> MeasureSummary:
    count = sum(u[1] for u in units)
    unitless = [u for u in units if u[0] is None]
    for own in [u for u in units if u[0] is not None] or unitless:
        pooled = [own, *unitless] if own[0] is not None else unitless
        highs = [u[2] for u in pooled if u[2] is not None]
        lows = [u[3] for u in pooled if u[3] is not None]
        if highs and lows and min(highs) < max(lows):
            return MeasureSummary(name, CONFLICT, count)
    return MeasureSummary(name, CONSISTENT if count > 1 else SINGLE, count)


def read_groups(connection: Connection, measure_ids: Iterable[int]) -> dict[int, MeasureGroup]:
    """The figures of these measures, each measure's in order."""
    grouped: dict[int, tuple[str, dict[str, ComparedFigure]]] = {}
    for chunk in _chunks(measure_ids):
        for measure_id, name, *fields in _rows(
            connection, _FIGURES.where(_A.c.measure_id.in_(chunk))
        ):
            figure = _figure(fields)
            _name, by_id = grouped.setdefault(measure_id, (name, {}))
            by_id.setdefault(figure.annotation_id, figure)  # the first attribution names it
    return {m: MeasureGroup(name, tuple(by_id.values())) for m, (name, by_id) in grouped.items()}


def read_figures(
    connection: Connection, annotation_ids: Iterable[str]
) -> dict[str, tuple[int, str, ComparedFigure]]:
    """These figures as compared now, each with its measure (id and name); those not
    compared (no longer a figure, orphaned, no value, no measure) are left out."""
    out: dict[str, tuple[int, str, ComparedFigure]] = {}
    for chunk in _chunks(annotation_ids):
        for measure_id, name, *fields in _rows(connection, _FIGURES.where(_A.c.id.in_(chunk))):
            figure = _figure(fields)
            out.setdefault(figure.annotation_id, (measure_id, name, figure))
    return out


def read_measure_ids(connection: Connection, annotation_ids: Iterable[str]) -> dict[str, int]:
    """The measure each of these annotations is under now, compared or not."""
    out: dict[str, int] = {}
    query = select(_A.c.id, _A.c.measure_id).where(_A.c.measure_id.is_not(None))
    for chunk in _chunks(annotation_ids):
        out.update(
            (key, measure) for key, measure in connection.execute(query.where(_A.c.id.in_(chunk)))
        )
    return out


def read_targets(connection: Connection, annotation_ids: Iterable[str]) -> set[str]:
    """The annotations these attributions point at."""
    out: set[str] = set()
    query = select(_A.c.target_id).where(_A.c.target_id.is_not(None))
    for chunk in _chunks(annotation_ids):
        out.update(connection.execute(query.where(_A.c.id.in_(chunk))).scalars())
    return out


def read_article_measures(
    connection: Connection, article_ids: Iterable[int] | None = None
) -> list[tuple[int, int]]:
    """(article, measure) for each measure an article has compared figures under, in order."""
    query = select(_A.c.measure_id, _A.c.article_id).where(COMPARED).distinct()
    if article_ids is None:
        pairs = _rows(connection, query)
    else:
        pairs = []
        for chunk in _chunks(sorted(article_ids)):
            pairs.extend(_rows(connection, query.where(_A.c.article_id.in_(chunk))))
    return sorted((article, measure) for measure, article in pairs)


def read_measure_of(connection: Connection, annotation_id: str) -> str | None:
    """The measure a compared figure is under, or that of the figure an attribution names."""
    named = select(_A.c.target_id).where(_A.c.id == annotation_id)
    query = (
        select(_M.c.name)
        .select_from(_A.join(_M, _A.c.measure_id == _M.c.id))
        .where(COMPARED, (_A.c.id == annotation_id) | _A.c.id.in_(named))
        .limit(1)
    )
    return connection.execute(query).scalar()


_VAGUE = _FIGURE_COLUMNS.index(_A.c.vague)


def _figure(fields: list[Any]) -> ComparedFigure:
    fields[_VAGUE] = bool(fields[_VAGUE])  # (the driver gives 0 or 1)
    return ComparedFigure(*fields)


def _rows(connection: Connection, query: Select[Any]) -> list[Any]:
    """The rows of ``query`` as the driver gives them: plain tuples (SQLAlchemy's rows cost
    microseconds each, a second for a large library's figures)."""
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.construct_params()
    names = compiled.positiontup
    args: Any = [params[name] for name in names] if names is not None else params
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), args)
        return cursor.fetchall()
    finally:
        cursor.close()


def _chunks(items: Iterable[T]) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
