"""The comparison kept up to date for the window, one change at a time.

It holds every measure's summary (status and count) and the figures of only the measures
a view asked for, a bounded number of them. ``read_snapshot`` (safe on a worker thread:
it only reads) gives what ``install`` puts in place at start and after an import; after
an edit, ``refresh`` reads again only the figures that changed and the measures they were
or are under. An edit of a note, or of anything else the comparison does not show,
reads nothing.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right, insort
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from factcheck_gui.domain.changes import Changes
from factcheck_gui.services.comparison import (
    ComparedFigure,
    MeasureGroup,
    MeasureSummary,
    read_article_measures,
    read_figures,
    read_groups,
    read_measure_ids,
    read_measure_of,
    read_summaries,
    read_targets,
    sort_key,
)
from factcheck_gui.storage.database import Database

# What decides whether and how a figure is compared; and, with these, what the dock shows.
COMPARED_FIELDS = frozenset({"kind", "orphaned", "value", "unit", "low", "high", "measure"})
SHOWN_FIELDS = COMPARED_FIELDS | {
    "quote",
    "start",
    "end",
    "verdict",
    "hedge",
    "vague",
    "speaker",
    "target_id",
}
KEPT_FIGURES = 20_000  # figures of measures read for a view and no longer needed, kept
RELOAD_ABOVE = 2_000  # annotations changed at once: read everything again instead


@dataclass
class Snapshot:
    """What ``install`` needs, read in one transaction."""

    summaries: dict[int, MeasureSummary]
    article_measures: list[tuple[int, int]]
    groups: dict[int, MeasureGroup] = field(default_factory=dict)


def read_snapshot(
    db: Database, *, groups: int = 0, figures: int = 0, wanted: Collection[str] = ()
) -> Snapshot:
    """Every measure's summary, and the figures of the first measures in the dock's order
    (up to ``groups`` of them holding up to ``figures`` figures; the first one always) and of
    those named in ``wanted``."""
    with db.transaction() as session:
        connection = session.connection()
        summaries = read_summaries(connection)
        first: list[int] = []
        held = 0
        for measure_id in sorted(summaries, key=lambda m: sort_key(summaries[m]))[:groups]:
            held += summaries[measure_id].count
            if first and held > figures:
                break
            first.append(measure_id)
        chosen = set(first) | {m for m, s in summaries.items() if s.measure in wanted}
        return Snapshot(
            summaries, read_article_measures(connection), read_groups(connection, chosen)
        )


class ArticleMeasures:
    """Which measures each article has compared figures under, in two arrays sorted by
    article (a few bytes a pair): where a changed or deleted figure was, before."""

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        pairs = sorted(pairs)
        self._articles = array("q", map(itemgetter(0), pairs))
        self._measures = array("q", map(itemgetter(1), pairs))

    def of(self, article_ids: Iterable[int]) -> set[int]:
        out: set[int] = set()
        for article in article_ids:
            lo = bisect_left(self._articles, article)
            hi = bisect_right(self._articles, article, lo)
            out.update(self._measures[lo:hi])
        return out

    def replace(self, article_ids: Collection[int], pairs: Iterable[tuple[int, int]]) -> None:
        """The pairs of ``article_ids`` are now ``pairs``."""
        for article in sorted(article_ids, reverse=True):
            lo = bisect_left(self._articles, article)
            hi = bisect_right(self._articles, article, lo)
            del self._articles[lo:hi], self._measures[lo:hi]
        for article, measure in sorted(pairs):
            at = bisect_right(self._articles, article)
            self._articles.insert(at, article)
            self._measures.insert(at, measure)

    def __len__(self) -> int:
        return len(self._articles)


class Comparison:
    """Every measure's summary by name; figures for the measures a view asks for."""

    def __init__(self, db: Database, *, keep: int = KEPT_FIGURES) -> None:
        self._db = db
        self._keep = keep
        self.summaries: dict[str, MeasureSummary] = {}
        self._id_of: dict[str, int] = {}
        self._name_of: dict[int, str] = {}
        self._articles = ArticleMeasures()
        self._groups: OrderedDict[int, MeasureGroup] = OrderedDict()  # least recent first
        self._pinned: set[str] = set()
        self.version = 0  # one more at each change: a group read before it may be stale
        self._installed = 0
        self._touched: dict[int, int] = {}  # measure -> the version that last changed it

    @property
    def background(self) -> bool:
        """Whether it can be read on another thread (a file, not a private memory database)."""
        return self._db.path is not None

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> set[str]:
        return self.install(read_snapshot(self._db, wanted=self._pinned))

    def install(self, snapshot: Snapshot) -> set[str]:
        """Put a snapshot in place; the names whose summary changed or whose figures were
        dropped or read again."""
        before = self.summaries
        dropped = {g.measure for g in self._groups.values()}
        self.version += 1
        self._installed = self.version
        self._touched.clear()
        self._name_of = {m: s.measure for m, s in snapshot.summaries.items()}
        self._id_of = {name: m for m, name in self._name_of.items()}
        self.summaries = {s.measure: s for s in snapshot.summaries.values()}
        self._articles = ArticleMeasures(snapshot.article_measures)
        self._groups = OrderedDict(snapshot.groups)
        names = before.keys() | self.summaries.keys()
        changed = {n for n in names if before.get(n) != self.summaries.get(n)}
        return changed | dropped | {g.measure for g in snapshot.groups.values()}

    def needs_reload(self, changes: Changes) -> bool:
        """Too much changed to follow figure by figure (an import, a restore)."""
        ids = len(changes.added) + len(changes.updated) + len(changes.removed)
        return changes.library or changes.reset or ids > RELOAD_ABOVE

    # -- figures ------------------------------------------------------------------------------
    def group(self, name: str) -> MeasureGroup | None:
        """A measure's figures, read now if they are not at hand."""
        measure_id = self._id_of.get(name)
        if measure_id is None:
            return None
        if (group := self.cached(name)) is not None:
            return group
        with self._db.transaction() as session:
            found = read_groups(session.connection(), [measure_id])
        self.put(found, self.version)
        return found.get(measure_id)

    def cached(self, name: str) -> MeasureGroup | None:
        measure_id = self._id_of.get(name)
        group = self._groups.get(measure_id) if measure_id is not None else None
        if group is not None:
            self._groups.move_to_end(measure_id)  # type: ignore[arg-type]
        return group

    def snapshot_reader(
        self, *, groups: int, figures: int, wanted: Iterable[str]
    ) -> Callable[[], Snapshot]:
        """What reads a snapshot (on any thread) for ``install``: the summaries, the
        figures of the first measures (``read_snapshot``), of ``wanted`` and those pinned."""
        db, names = self._db, set(wanted) | self._pinned
        return lambda: read_snapshot(db, groups=groups, figures=figures, wanted=names)

    def reader(self, names: Iterable[str]) -> Callable[[], dict[int, MeasureGroup]]:
        """What reads these measures' figures (on any thread) for ``put``."""
        db, ids = self._db, [self._id_of[n] for n in names if n in self._id_of]

        def read() -> dict[int, MeasureGroup]:
            with db.transaction() as session:
                return read_groups(session.connection(), ids)

        return read

    def put(self, groups: dict[int, MeasureGroup], asked_at: int) -> set[str]:
        """Keep groups read at version ``asked_at``, unless a change came since; the names."""
        kept = set()
        for measure_id, group in groups.items():
            fresh = self._installed <= asked_at and self._touched.get(measure_id, 0) <= asked_at
            if fresh and self._name_of.get(measure_id) == group.measure:
                self._groups[measure_id] = group
                self._groups.move_to_end(measure_id)
                kept.add(group.measure)
        self._evict()
        return kept

    def pin(self, name: str, *, on: bool = True) -> None:
        """Keep a measure's figures while a view shows them (an expanded row, the line)."""
        if on:
            self._pinned.add(name)
        else:
            self._pinned.discard(name)
            self._evict()

    def _evict(self) -> None:
        held = sum(len(g.figures) for g in self._groups.values() if g.measure not in self._pinned)
        for measure_id in list(self._groups):
            if held <= self._keep:
                break
            group = self._groups[measure_id]
            if group.measure not in self._pinned:
                held -= len(group.figures)
                del self._groups[measure_id]

    def measure_of(self, annotation_id: str) -> str | None:
        """The measure a compared figure is under (or the figure an attribution names)."""
        with self._db.transaction() as session:
            return read_measure_of(session.connection(), annotation_id)

    def counts(self) -> tuple[int, int]:
        """Measures, and measures in conflict."""
        return len(self.summaries), sum(s.status == "conflict" for s in self.summaries.values())

    # -- following changes ----------------------------------------------------------------------
    def refresh(self, changes: Changes) -> set[str]:
        """Apply ``changes``; the names of the measures whose summary or figures changed,
        came or went."""
        if self.needs_reload(changes):
            return self.load()
        ids = changes.added | changes.updated | changes.removed
        whole = bool(changes.added or changes.removed) or changes.fields is None
        fields = COMPARED_FIELDS if whole else (changes.fields or frozenset())
        if not ids or not fields & SHOWN_FIELDS:
            return set()  # a note, a reviewer: nothing the comparison shows
        compared = bool(fields & COMPARED_FIELDS)
        moved = whole or bool(fields & {"measure", "kind"})  # it may have been elsewhere
        with self._db.transaction() as session:
            connection = session.connection()
            targets = read_targets(connection, ids)
            figure_ids = set(ids) | targets
            named = {f for g in self._groups.values() for i in ids if (f := g.named_by(i))}
            figure_ids |= named
            now = read_measure_ids(connection, figure_ids)
            affected = set(now.values())
            affected |= {
                m
                for m, g in self._groups.items()
                if any(g.row_of(i) is not None for i in figure_ids)
            }
            if moved:
                affected |= self._articles.of(changes.articles)
            loaded = {m for m in affected if m in self._groups}
            rows = read_figures(connection, figure_ids) if loaded else {}
            others = sorted(affected - loaded) if compared else []
            summaries = read_summaries(connection, others) if others else {}
            if compared:
                articles = set(changes.articles) | {r[2].article_id for r in rows.values()}
                self._articles.replace(articles, read_article_measures(connection, articles))
        self.version += 1
        changed: set[str] = set()
        for measure_id in loaded:
            changed |= self._patch(measure_id, figure_ids, rows)
        for measure_id in others:
            changed |= self._set(measure_id, summaries.get(measure_id))
        self._evict()
        return changed

    def _patch(
        self,
        measure_id: int,
        figure_ids: set[str],
        rows: dict[str, tuple[int, str, ComparedFigure]],
    ) -> set[str]:
        """The group with ``figure_ids`` as they are now."""
        group = self._groups[measure_id]
        mine = {key: r[2] for key, r in rows.items() if r[0] == measure_id}
        name = next((r[1] for r in rows.values() if r[0] == measure_id), group.measure)
        held = {key: row for key in figure_ids if (row := group.row_of(key)) is not None}
        before = {key: group.figures[row] for key, row in held.items()}
        if name == group.measure and before == mine:
            return set()  # (an attribution's or a figure's edit that it does not show)
        figures = list(group.figures)
        for row in sorted(held.values(), reverse=True):
            del figures[row]
        for figure in mine.values():  # into place (the rest are in order already)
            insort(figures, figure, key=lambda f: f.order)
        fresh = MeasureGroup(name, tuple(figures))
        del self._groups[measure_id]
        if figures:
            self._groups[measure_id] = fresh
        summary = MeasureSummary.of(fresh) if figures else None
        return self._set(measure_id, summary) | {group.measure, name}

    def _set(self, measure_id: int, summary: MeasureSummary | None) -> set[str]:
        """A measure's summary is now ``summary`` (None: it has no compared figures)."""
        self._touched[measure_id] = self.version
        old = self._name_of.pop(measure_id, None)
        before = None
        if old is not None and self._id_of.get(old) == measure_id:  # (not a new namesake's)
            before = self.summaries.pop(old)
            del self._id_of[old]
        gone = {old} if old is not None else set()
        if summary is None:
            self._groups.pop(measure_id, None)
            return gone
        self.summaries[summary.measure] = summary
        self._id_of[summary.measure] = measure_id
        self._name_of[measure_id] = summary.measure
        return set() if before == summary else gone | {summary.measure}
