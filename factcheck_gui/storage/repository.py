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
    """Articles without their text, with their annotation counts, in id order.

    Each count is its own lookup in the annotations' article index, so a page of the
    library costs the same whatever the number of annotations elsewhere."""
    a, n = _ARTICLE_TABLE.c, _ANNOTATION_TABLE.c
    count = (
        sa_select(func.count())
        .where(n.article_id == a.id)
        .correlate(_ARTICLE_TABLE)
        .scalar_subquery()
    )
    query = sa_select(  # named as ArticleSummary's fields
        a.id, a.batch_id, a.title, a.outlet, a.published, count.label("annotations")
    ).order_by(a.id)
    wanted = None if article_ids is None else sorted(set(article_ids))
    if wanted is None:
        return [ArticleSummary(**row._mapping) for row in session.execute(query)]
    found: list[ArticleSummary] = []
    for i in range(0, len(wanted), 500):
        chunk = query.where(a.id.in_(wanted[i : i + 500]))
        found.extend(ArticleSummary(**row._mapping) for row in session.execute(chunk))
    return found


def existing_articles(session: Session, article_ids: Iterable[int]) -> set[int]:
    wanted = sorted(set(article_ids))
    found: set[int] = set()
    for i in range(0, len(wanted), 500):
        query = sa_select(_ARTICLE_TABLE.c.id).where(_ARTICLE_TABLE.c.id.in_(wanted[i : i + 500]))
        found.update(session.execute(query).scalars())
    return found


def article_ids_by_batch(
    session: Session, where: str = "", params: Sequence[object] = (), *, since: int | None = None
) -> dict[int, list[int]]:
    """Batch id -> the ids, in order, of its articles meeting the SQL condition ``where``
    (on ``article``'s columns, ``?`` for ``params``) and newer than ``since``.

    Read from the batch index alone, one row per batch through the driver: tens of
    thousands of ids come back several times faster than as rows of SQLAlchemy's."""
    conditions = [f"({where})"] if where else []
    values = list(params)
    if since is not None:
        conditions.append("id > ?")
        values.append(since)
    sql = "SELECT batch_id, group_concat(id) FROM article"
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    sql += " GROUP BY batch_id"
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    return {int(b): sorted(map(int, ids.split(","))) for b, ids in raw.execute(sql, values)}


def batch_totals(
    session: Session, batch_ids: Sequence[int] | None = None
) -> dict[int, tuple[int, int]]:
    """Batch id -> (articles, annotations), by two aggregate queries."""
    a, n = _ARTICLE_TABLE.c, _ANNOTATION_TABLE.c
    articles = sa_select(a.batch_id, func.count()).group_by(a.batch_id)
    notes = (
        sa_select(a.batch_id, func.count())
        .select_from(_ANNOTATION_TABLE.join(_ARTICLE_TABLE, n.article_id == a.id))
        .group_by(a.batch_id)
    )
    if batch_ids is not None:
        articles = articles.where(a.batch_id.in_(list(batch_ids)))
        notes = notes.where(a.batch_id.in_(list(batch_ids)))
    counted = {int(b): (int(c), 0) for b, c in session.execute(articles)}
    for b, c in session.execute(notes):
        counted[int(b)] = (counted.get(int(b), (0, 0))[0], int(c))
    return counted


def newest_article_id(session: Session) -> int:
    return int(
        session.execute(sa_select(func.coalesce(func.max(_ARTICLE_TABLE.c.id), 0))).scalar_one()
    )


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
        found.update({row.sha256: row.id for row in session.execute(query)})
    return found


def latest_by_url(session: Session, urls: Iterable[str]) -> dict[str, int]:
    """The newest stored article for each URL (for linking new versions)."""
    wanted = sorted(urls)
    latest: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        query = (
            sa_select(col(ArticleRow.url), func.max(col(ArticleRow.id)).label("id"))
            .where(col(ArticleRow.url).in_(wanted[i : i + 500]))
            .group_by(col(ArticleRow.url))
        )
        latest.update({row.url: row.id for row in session.execute(query)})
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


def annotations_of_articles(session: Session, article_ids: Sequence[int]) -> list[Annotation]:
    """The annotations of many articles, by article then position, a few queries in all."""
    wanted = sorted(article_ids)
    found: list[Annotation] = []
    for i in range(0, len(wanted), 500):
        found.extend(
            _read_annotations(session, _ANNOTATION_TABLE.c.article_id.in_(wanted[i : i + 500]))
        )
    return found


def annotations_of(session: Session, article_id: int) -> list[Annotation]:
    """All annotations of an article, by position."""
    return _read_annotations(session, _ANNOTATION_TABLE.c.article_id == article_id)


def get_annotation(session: Session, annotation_id: str) -> Annotation | None:
    found = _read_annotations(session, _ANNOTATION_TABLE.c.id == annotation_id)
    return found[0] if found else None


def annotations_among(
    session: Session, ids: Iterable[str], article_ids: Iterable[int]
) -> dict[str, Annotation]:
    """Those of ``ids`` stored in one of ``article_ids``, by id (the others are gone, or in
    other articles). A few queries whatever the number of ids: beyond a few hundred, the
    articles' annotations are read whole and picked from."""
    wanted, articles = sorted(set(ids)), sorted(set(article_ids))
    if not wanted or not articles:
        return {}
    c = _ANNOTATION_TABLE.c
    if len(wanted) > 500:
        chosen = set(wanted)
        found = annotations_of_articles(session, articles)
        return {a.id: a for a in found if a.id in chosen}
    condition: Any = c.id.in_(wanted)
    if len(articles) <= 500:  # more articles than one query may name: picked afterwards
        condition = condition & c.article_id.in_(articles)
    allowed = set(articles)
    return {a.id: a for a in _read_annotations(session, condition) if a.article_id in allowed}


def _read_annotations(session: Session, condition: Any) -> list[Annotation]:
    """Read as plain rows rather than ORM objects: opening an article with thousands of
    annotations is dominated by this query, and ORM identity tracking costs 4-5x here.
    Each column is labelled with the Annotation field it fills."""
    query = (
        sa_select(*_ANNOTATION_SELECT)
        .select_from(_ANNOTATION_TABLE.outerjoin(_MEASURE_TABLE))
        .where(condition)
        .order_by(*_ANNOTATION_ORDER)
    )
    result = session.connection().execute(query)
    names = tuple(result.keys())
    kinds, verdicts = _KINDS, _VERDICTS
    found = []
    for row in result:
        values = dict(zip(names, row, strict=True))
        values["kind"] = kinds[values["kind"]]
        values["verdict"] = verdicts[values["verdict"]]
        found.append(Annotation(**values))
    return found


_ANNOTATION_TABLE: Table = AnnotationRow.__table__  # type: ignore[attr-defined]
_ARTICLE_TABLE: Table = ArticleRow.__table__  # type: ignore[attr-defined]
_MEASURE_TABLE: Table = MeasureRow.__table__  # type: ignore[attr-defined]
# Every field of Annotation from the column of the same name; the measure's name from the
# measure table.
_ANNOTATION_SELECT = tuple(
    _MEASURE_TABLE.c.name.label("measure")
    if f.name == "measure"
    else _ANNOTATION_TABLE.c[f.name].label(f.name)
    for f in fields(Annotation)
)
_ANNOTATION_ORDER = tuple(
    _ANNOTATION_TABLE.c[name] for name in ("article_id", "start", "end", "id")
)
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
        found.update(
            {
                row.id: Head(
                    article_id=row.article_id, modified=row.modified, target_id=row.target_id
                )
                for row in session.execute(query)
            }
        )
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
