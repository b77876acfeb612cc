"""Measures: what figures count. Names for completion, a proposal for a new figure, and
renaming and merging (the store behind their undo commands)."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlmodel import Session

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import NotFound, UserError
from factcheck_gui.domain.figures import unit_kind
from factcheck_gui.domain.model import Kind
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, MeasureRow

# The figures compared with a new one: the most recently edited, the story at hand (a huge
# library would otherwise make choosing a figure wait on reading every other one).
PROPOSAL_SAMPLE = 5_000
PROPOSAL_THRESHOLD = 0.12  # below this, the words around a figure say too little to propose
SCALE_GAP = 1_000  # a measure whose figures are this many times larger or smaller is another
_WORD = re.compile(r"[^\W\d_]{3,}")
_COMMON_WORDS = (
    "the and that this with from have has had are was were for not but its their they "
    "them who which said says than more some about around over under nearly almost least "
    "most been being also into since after before last next year years month months "
    "according would could will can may might there what when where while other others "
)
_COMMON = frozenset(_COMMON_WORDS.split())


def context_words(*texts: str) -> frozenset[str]:
    """The telling words of a figure's surroundings, folded and crudely singular."""
    words = set()
    for text in texts:
        for word in _WORD.findall(text.casefold()):
            if word in _COMMON:
                continue
            words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return frozenset(words)


class MeasureService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def names(self) -> list[str]:
        """The measures that have figures, in alphabetical order."""
        a, m = AnnotationRow.__table__, MeasureRow.__table__  # type: ignore[attr-defined]
        query = select(m.c.name).where(m.c.id.in_(select(a.c.measure_id))).distinct()
        with self._db.transaction() as session:
            names = list(session.connection().execute(query).scalars())
        return sorted(names, key=str.casefold)

    def figure_count(self, name: str) -> int:
        a, m = AnnotationRow.__table__, MeasureRow.__table__  # type: ignore[attr-defined]
        query = select(func.count()).select_from(a.join(m, a.c.measure_id == m.c.id))
        with self._db.transaction() as session:
            return int(session.connection().execute(query.where(m.c.name == name)).scalar_one())

    def propose(self, annotation_id: str) -> str | None:
        """The measure a figure most likely belongs to: figures elsewhere whose surrounding
        words are most like this one's, or whose measure's name is, among the measures that
        fit it: what they count (people, money, a share...) and their scale."""
        a, m = AnnotationRow.__table__, MeasureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            figure = repo.get_annotation(session, annotation_id)
            if figure is None:
                raise NotFound(f"there is no annotation {annotation_id}")
            query = (
                select(m.c.name, a.c.prefix, a.c.quote, a.c.suffix, a.c.unit, a.c.value)
                .select_from(a.join(m, a.c.measure_id == m.c.id))
                .where(a.c.kind == Kind.FIGURE.value, a.c.id != annotation_id)
            )
            query = query.order_by(a.c.modified.desc()).limit(PROPOSAL_SAMPLE)
            rows = session.connection().execute(query).all()
        own = context_words(figure.prefix, figure.quote, figure.suffix)
        if not own:
            return None
        unfit = _unfit_measures(figure.unit, figure.value, rows)
        best: dict[str, float] = {}
        for name, prefix, quote, suffix, _unit, _value in rows:
            if name in unfit:
                continue
            theirs = context_words(prefix, quote, suffix)
            score = len(own & theirs) / len(own | theirs) if theirs else 0.0
            named = context_words(name)
            if named:
                score += 0.5 * len(own & named) / len(named)
            if score > best.get(name, 0.0):
                best[name] = score
        if not best:
            return None
        name, score = max(best.items(), key=lambda item: (item[1], item[0]))
        return name if score >= PROPOSAL_THRESHOLD else None

    def rename(self, old: str, new: str) -> Changes:
        new = " ".join(new.split())
        if not new:
            raise UserError("A measure needs a name; type one.")
        if new == old:
            return Changes()
        m = MeasureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            connection = session.connection()
            measure_id = connection.execute(select(m.c.id).where(m.c.name == old)).scalar()
            if measure_id is None:
                raise NotFound(f"there is no measure {old!r}")
            if connection.execute(select(m.c.id).where(m.c.name == new)).scalar() is not None:
                raise UserError(f"A measure called “{new}” already exists; merge the two instead.")
            connection.execute(update(m).where(m.c.id == measure_id).values(name=new))
            return _changes_of(session, [measure_id])

    def merge(self, sources: Iterable[str], into: str) -> tuple[dict[str, str], Changes]:
        """Move the figures of ``sources`` to ``into`` (made if new) and drop the sources.
        Returns each moved figure's old measure, for undo."""
        into = " ".join(into.split())
        if not into:
            raise UserError("Merge into which measure? Type a name.")
        names = [n for n in dict.fromkeys(sources) if n != into]
        if not names:
            return {}, Changes()
        a, m = AnnotationRow.__table__, MeasureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            connection = session.connection()
            query = select(m.c.name, m.c.id).where(m.c.name.in_(names))
            found: dict[str, int] = {name: id_ for name, id_ in connection.execute(query)}
            missing = [n for n in names if n not in found]
            if missing:
                raise NotFound(f"there is no measure {missing[0]!r}")
            moved = connection.execute(
                select(a.c.id, m.c.name)
                .select_from(a.join(m, a.c.measure_id == m.c.id))
                .where(m.c.id.in_(found.values()))
            ).all()
            target = repo.measure_id(session, into)
            changes = _changes_of(session, list(found.values()))
            connection.execute(
                update(a).where(a.c.measure_id.in_(found.values())).values(measure_id=target)
            )
            connection.execute(delete(m).where(m.c.id.in_(found.values())))
        return {annotation_id: name for annotation_id, name in moved}, changes

    def assign(self, measures: Mapping[str, str | None]) -> Changes:
        """Put figures (by id) under the named measures again: the undo of a merge."""
        a = AnnotationRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            connection = session.connection()
            for annotation_id, name in measures.items():
                connection.execute(
                    update(a)
                    .where(a.c.id == annotation_id)
                    .values(measure_id=repo.measure_id(session, name))
                )
            rows = connection.execute(
                select(a.c.id, a.c.article_id).where(a.c.id.in_(list(measures)))
            ).all()
            _drop_unused(session)
        return Changes(
            articles=frozenset(r.article_id for r in rows), updated=frozenset(r.id for r in rows)
        )


def _unfit_measures(unit: str | None, value: float | None, rows: Iterable[Any]) -> set[str]:
    """The measures a figure cannot belong to: they count something else (a count of people
    is never money) or their figures are more than ``SCALE_GAP`` times larger or smaller."""
    kind = unit_kind(unit)
    kinds: dict[str, set[str]] = {}
    values: dict[str, list[float]] = {}
    for name, _prefix, _quote, _suffix, their_unit, their_value in rows:
        their_kind = unit_kind(their_unit)
        if their_kind is not None:
            kinds.setdefault(name, set()).add(their_kind)
        if their_value:
            values.setdefault(name, []).append(abs(their_value))
    unfit = {name for name, theirs in kinds.items() if kind is not None and theirs != {kind}}
    if kind is None:  # no unit read: at least never a share for a big count, or money
        unfit |= {name for name, theirs in kinds.items() if "money" in theirs}
    if value:
        for name, seen in values.items():
            typical = statistics.median(seen)
            if max(typical, abs(value)) > SCALE_GAP * min(typical, abs(value)):
                unfit.add(name)
    return unfit


def _changes_of(session: Session, measure_ids: list[int]) -> Changes:
    a = AnnotationRow.__table__  # type: ignore[attr-defined]
    rows = (
        session.connection()
        .execute(select(a.c.id, a.c.article_id).where(a.c.measure_id.in_(measure_ids)))
        .all()
    )
    return Changes(
        articles=frozenset(r.article_id for r in rows), updated=frozenset(r.id for r in rows)
    )


def _drop_unused(session: Session) -> None:
    a, m = AnnotationRow.__table__, MeasureRow.__table__  # type: ignore[attr-defined]
    used = select(a.c.measure_id).where(a.c.measure_id.is_not(None))
    session.connection().execute(delete(m).where(m.c.id.not_in(used)))
