"""The rules that make merges converge: clocks, ids that stay with their article, deletions.

Two reviewers who merge each other's sets both ways end with the same annotations: for
each id the latest of its last edit and its deletion wins, everywhere alike. A time in the
future (a wrong clock) would win every later merge, so it is taken as the time the file was
exported (or now, when that is in the future too) and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Table, bindparam, update
from sqlalchemy import delete as sa_delete
from sqlalchemy import select as sa_select
from sqlmodel import Session

from factcheck_gui.domain.model import Tombstone
from factcheck_gui.importers.set_model import AnnotationSet, SetAnnotation, SetTombstone
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.tables import AnnotationRow

CLOCK_SKEW = timedelta(minutes=5)  # later than now by more than this is a wrong clock
_ANNOTATION: Table = AnnotationRow.__table__  # type: ignore[attr-defined]


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def clamp_future(data: AnnotationSet, now: datetime) -> tuple[AnnotationSet, list[str]]:
    """``data`` with every time later than now (beyond the skew) taken as the file's export
    time, or now; and what was. The export time keeps a re-merge of one file stable."""
    notes: list[str] = []
    limit = now + CLOCK_SKEW
    ceiling = data.exported if data.exported is not None and data.exported <= limit else now

    def clamp(what: str, name: str, moment: datetime) -> datetime:
        if moment <= limit:
            return moment
        notes.append(f"{what}: {name} {iso(moment)} is in the future; taken as {iso(ceiling)}")
        return ceiling

    annotations = []
    for a in data.annotations:
        what = f"annotation {a.id}"
        modified = clamp(what, "modified", a.modified)
        created = min(clamp(what, "created", a.created), modified)
        if (created, modified) != (a.created, a.modified):
            a = replace(a, created=created, modified=modified)
        annotations.append(a)
    tombstones = [
        replace(t, deleted=clamp(f"deletion of {t.id}", "deleted", t.deleted))
        for t in data.tombstones
    ]
    return replace(data, annotations=annotations, tombstones=tombstones), notes


def moved_elsewhere(heads: dict[str, repo.Head], id_: str, article_id: int) -> str:
    """Why an incoming annotation may not be merged, when its id is another article's here."""
    home = heads.get(id_)
    if home is None or home.article_id == article_id:
        return ""
    return (
        f"its id belongs to an annotation of another article here (article {home.article_id}); "
        "an id never moves an annotation between articles, so it was not merged"
    )


@dataclass
class Burial:
    removed: set[str] = field(default_factory=set)
    unlinked: set[str] = field(default_factory=set)
    articles: set[int] = field(default_factory=set)
    outlived: int = 0  # edited here after the colleague deleted it: kept


def apply_tombstones(
    session: Session, tombstones: list[SetTombstone], hashes: dict[int, str]
) -> Burial:
    """Delete what the colleague deleted, unless edited here since; keep every tombstone
    that holds, so the deletion travels on. A few queries in all."""
    burial = Burial()
    if not tombstones:
        return burial
    heads = repo.annotation_heads(session, [t.id for t in tombstones])
    deleted_at: dict[str, datetime] = {}
    keep: list[Tombstone] = []
    for t in tombstones:
        head = heads.get(t.id)
        if head is not None and head.modified > t.deleted:
            burial.outlived += 1
            continue
        if head is not None:
            burial.removed.add(t.id)
            burial.articles.add(head.article_id)
            deleted_at[t.id] = t.deleted
        keep.append(Tombstone(t.id, hashes[t.article], t.deleted))
    if deleted_at:
        _unlink(session, deleted_at, burial)
        victims = sorted(deleted_at)
        for i in range(0, len(victims), 500):
            session.execute(
                sa_delete(_ANNOTATION).where(_ANNOTATION.c.id.in_(victims[i : i + 500]))
            )
    repo.bury(session, keep)
    return burial


def _unlink(session: Session, deleted_at: dict[str, datetime], burial: Burial) -> None:
    """Attributions pointing at deleted annotations lose the link, modified at the deletion
    (or later, if they were), as the colleague's deletion did it."""
    c = _ANNOTATION.c
    victims = sorted(deleted_at)
    changes: list[dict[str, object]] = []
    for i in range(0, len(victims), 500):
        query = sa_select(c.id, c.target_id, c.modified).where(
            c.target_id.in_(victims[i : i + 500])
        )
        for id_, target, modified in session.execute(query):
            if id_ in deleted_at:
                continue  # deleted itself
            when = max(modified, deleted_at[target])
            changes.append({"key": id_, "when": when})
            burial.unlinked.add(id_)
    if changes:
        statement = (
            update(_ANNOTATION)
            .where(c.id == bindparam("key"))
            .values(target_id=None, modified=bindparam("when"))
        )
        session.connection().execute(statement, changes)


def relink_same_versions(
    session: Session,
    incoming: list[SetAnnotation],
    heads: dict[str, repo.Head],
    placed: set[str],
) -> None:
    """An attribution here at the file's version lost its link when its target was deleted
    here; once that target is back (an edit later than the deletion won), so is the link."""
    lost = {
        a.id: a.target
        for a in incoming
        if a.target
        and a.kind.value == "attribution"
        and a.id not in placed
        and a.id in heads
        and heads[a.id].modified == a.modified
        and heads[a.id].target_id is None
    }
    back = repo.annotation_heads(session, [t for t in lost.values() if t])
    for attribution, target in lost.items():
        row = session.get(AnnotationRow, attribution)  # rare: only links that were lost
        if row is not None and target in back:
            row.target_id = target
            session.add(row)
