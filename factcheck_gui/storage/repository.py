"""Queries and row <-> domain conversions. Callers own the session and its transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Table, delete, func, insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from factcheck_gui.domain.model import (
    Annotation,
    Article,
    ArticleSummary,
    Batch,
    Kind,
    Tombstone,
    Verdict,
)
from factcheck_gui.storage.tables import (
    AnnotationRow,
    ArticleRow,
    BatchRow,
    MeasureRow,
    SettingRow,
    TombstoneRow,
)


def to_batch(row: BatchRow) -> Batch:
    assert row.id is not None
    return Batch(id=row.id, name=row.name, imported=row.imported)


def to_article(row: ArticleRow) -> Article:
    assert row.id is not None
    return Article(
        id=row.id,
        batch_id=row.batch_id,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        text=row.text,
        sha256=row.sha256,
        replaces_id=row.replaces_id,
    )


def annotation_row(session: Session, annotation: Annotation) -> AnnotationRow:
    """A row for ``annotation``; its measure is found by name, or made."""
    return AnnotationRow(
        id=annotation.id,
        article_id=annotation.article_id,
        start=annotation.start,
        end=annotation.end,
        quote=annotation.quote,
        prefix=annotation.prefix,
        suffix=annotation.suffix,
        kind=annotation.kind.value,
        verdict=annotation.verdict.value,
        note=annotation.note,
        reviewer=annotation.reviewer,
        created=annotation.created,
        modified=annotation.modified,
        speaker=annotation.speaker,
        target_id=annotation.target_id,
        orphaned=annotation.orphaned,
        changed_from=annotation.changed_from,
        rationale=annotation.rationale,
        review_url=annotation.review_url,
        value=annotation.value,
        unit=annotation.unit,
        hedge=annotation.hedge,
        low=annotation.low,
        high=annotation.high,
        vague=annotation.vague,
        as_of=annotation.as_of,
        measure_id=measure_id(session, annotation.measure),
    )


def measure_id(session: Session, name: str | None) -> int | None:
    """The id of the measure called ``name`` (made on first use); None for no measure."""
    if not name:
        return None
    row = session.exec(select(MeasureRow).where(MeasureRow.name == name)).first()
    if row is None:
        row = MeasureRow(name=name)
        session.add(row)
        session.flush()
    return row.id


def batches(session: Session) -> list[Batch]:
    rows = session.exec(select(BatchRow).order_by(col(BatchRow.id)))
    return [to_batch(r) for r in rows]


def article_summaries(
    session: Session, article_ids: Iterable[int] | None = None
) -> list[ArticleSummary]:
    """Articles without their text, with their annotation counts, in id order."""
    counts = (
        select(AnnotationRow.article_id, func.count().label("n"))
        .group_by(col(AnnotationRow.article_id))
        .subquery()
    )
    query = (
        sa_select(
            col(ArticleRow.id),
            col(ArticleRow.batch_id),
            col(ArticleRow.title),
            col(ArticleRow.outlet),
            col(ArticleRow.published),
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.article_id == ArticleRow.id)
        .order_by(col(ArticleRow.id))
    )
    if article_ids is not None:
        query = query.where(col(ArticleRow.id).in_(list(article_ids)))
    return [
        ArticleSummary(
            id=id_,
            batch_id=batch_id,
            title=title,
            outlet=outlet,
            published=published,
            annotations=n,
        )
        for id_, batch_id, title, outlet, published, n in session.execute(query)
    ]


def existing_hashes(session: Session, hashes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(hashes), 500):  # stay under the bound-parameter limit
        chunk = hashes[i : i + 500]
        found.update(
            session.exec(select(ArticleRow.sha256).where(col(ArticleRow.sha256).in_(chunk)))
        )
    return found


def existing_nfc_hashes(session: Session, hashes: Sequence[str]) -> set[str]:
    """Which of these NFC-form hashes a stored article's text has."""
    found: set[str] = set()
    for i in range(0, len(hashes), 500):
        query = sa_select(col(ArticleRow.nfc_sha256)).where(
            col(ArticleRow.nfc_sha256).in_(hashes[i : i + 500])
        )
        found.update(session.execute(query).scalars())
    return found


def ids_by_hash(session: Session, hashes: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i in range(0, len(hashes), 500):
        query = sa_select(col(ArticleRow.sha256), col(ArticleRow.id)).where(
            col(ArticleRow.sha256).in_(hashes[i : i + 500])
        )
        found.update({sha: article_id for sha, article_id in session.execute(query)})
    return found


def latest_by_url(session: Session, urls: Iterable[str]) -> dict[str, int]:
    """The newest stored article for each URL (for linking new versions)."""
    wanted = sorted(urls)
    latest: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        query = (
            sa_select(col(ArticleRow.url), func.max(col(ArticleRow.id)))
            .where(col(ArticleRow.url).in_(wanted[i : i + 500]))
            .group_by(col(ArticleRow.url))
        )
        latest.update({url: article_id for url, article_id in session.execute(query)})
    return latest


def insert_articles(session: Session, rows: list[dict[str, object]]) -> list[int]:
    """Insert many articles (one executemany); their new ids, in the order of ``rows``.

    The ids are read back by text hash, which is unique: RETURNING with ordered rows makes
    SQLAlchemy send one statement per row on SQLite, six times slower for a large batch.
    """
    session.execute(insert(_ARTICLE_TABLE), rows)
    ids = ids_by_hash(session, [str(row["sha256"]) for row in rows])
    return [ids[str(row["sha256"])] for row in rows]


def insert_annotation_rows(session: Session, rows: list[dict[str, object]]) -> None:
    """Insert many annotations as they are (one executemany; no checks, no measures made):
    for corpora built in bulk, such as the benchmarks'."""
    session.execute(insert(_ANNOTATION_TABLE), rows)


def annotations_of(session: Session, article_id: int) -> list[Annotation]:
    """All annotations of an article, by position."""
    return read_annotations(session, _ANNOTATION_TABLE.c.article_id == article_id)


def get_annotation(session: Session, annotation_id: str) -> Annotation | None:
    found = read_annotations(session, _ANNOTATION_TABLE.c.id == annotation_id)
    return found[0] if found else None


def read_annotations(session: Session, condition: Any) -> list[Annotation]:
    """Read as plain rows rather than ORM objects: opening an article with thousands of
    annotations is dominated by this query, and ORM identity tracking costs 4-5x here."""
    c = _ANNOTATION_TABLE.c
    query = (
        sa_select(*(c[name] for name in _ANNOTATION_COLUMNS), _MEASURE_TABLE.c.name)
        .select_from(_ANNOTATION_TABLE.outerjoin(_MEASURE_TABLE))
        .where(condition)
        .order_by(c.article_id, c.start, c.end, c.id)
    )
    kinds, verdicts = _KINDS, _VERDICTS
    rows = session.connection().execute(query).fetchall()
    return [
        Annotation(a, art, s, e, q, p, x, kinds[k], verdicts[v], *rest)
        for a, art, s, e, q, p, x, k, v, *rest in rows
    ]


_ANNOTATION_TABLE: Table = AnnotationRow.__table__  # type: ignore[attr-defined]
_ARTICLE_TABLE: Table = ArticleRow.__table__  # type: ignore[attr-defined]
_MEASURE_TABLE: Table = MeasureRow.__table__  # type: ignore[attr-defined]
# The order of Annotation's fields, so rows unpack straight into it; the last, the
# measure's name, comes from the measure table.
_ANNOTATION_COLUMNS = tuple(f.name for f in fields(Annotation))[:-1]
assert fields(Annotation)[-1].name == "measure"
_KINDS = {k.value: k for k in Kind}
_VERDICTS = {v.value: v for v in Verdict}


def attributions_targeting(session: Session, annotation_id: str) -> list[AnnotationRow]:
    return list(session.exec(select(AnnotationRow).where(AnnotationRow.target_id == annotation_id)))


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(SettingRow, key)
    return None if row is None else row.value


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def annotation_heads(session: Session, ids: Sequence[str]) -> dict[str, Head]:
    """Annotation id -> (its article, modified time, target), for those of ``ids`` stored."""
    c = _ANNOTATION_TABLE.c
    found: dict[str, Head] = {}
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 500):
        query = sa_select(c.id, c.article_id, c.modified, c.target_id).where(
            c.id.in_(wanted[i : i + 500])
        )
        found.update({row[0]: Head(*row[1:]) for row in session.execute(query)})
    return found


class Head(NamedTuple):
    article_id: int
    modified: datetime
    target_id: str | None


def tombstones(
    session: Session, *, ids: Sequence[str] | None = None, hashes: Sequence[str] | None = None
) -> list[Tombstone]:
    """The tombstones of some annotation ids, or of the articles with some text hashes."""
    column = col(TombstoneRow.id) if ids is not None else col(TombstoneRow.article_sha256)
    wanted = sorted(set(ids if ids is not None else hashes or ()))
    found: list[Tombstone] = []
    for i in range(0, len(wanted), 500):
        query = select(TombstoneRow).where(column.in_(wanted[i : i + 500]))
        found.extend(Tombstone(r.id, r.article_sha256, r.deleted) for r in session.exec(query))
    return sorted(found, key=lambda t: t.id)


def bury(session: Session, items: Sequence[Tombstone]) -> None:
    """Record deletions, a few queries in all; an id deleted before keeps the later time."""
    latest: dict[str, Tombstone] = {}
    for t in items:
        if t.id not in latest or latest[t.id].deleted < t.deleted:
            latest[t.id] = t
    stored = {t.id: t for t in tombstones(session, ids=list(latest))}
    for t in latest.values():
        if t.id not in stored:
            session.add(TombstoneRow(id=t.id, article_sha256=t.article_sha256, deleted=t.deleted))
        elif stored[t.id].deleted < t.deleted:
            session.execute(
                update(TombstoneRow).where(col(TombstoneRow.id) == t.id).values(deleted=t.deleted)
            )


def unbury(session: Session, ids: Iterable[str]) -> None:
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 500):
        session.execute(delete(TombstoneRow).where(col(TombstoneRow.id).in_(wanted[i : i + 500])))
