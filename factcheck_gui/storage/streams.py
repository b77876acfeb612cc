"""Reading a scope of articles and their annotations in batches, for exports.

An export of 50,000 articles must not hold them all: each generator here reads a chunk of
articles at a time (keyset pages in id order, or the named ids 500 at a time) and, for
groups, the annotations of that chunk in one query. Memory stays flat in the number of
articles and annotations; the caller's session holds one read transaction throughout, so
the file is a consistent snapshot even while edits go on (``snapshot``; SQLite's WAL lets
them).
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from itertools import groupby
from typing import Any, cast

from sqlalchemy import Table, func
from sqlalchemy import select as sa_select
from sqlmodel import Session

from factcheck_gui.domain.model import Annotation, Article, Kind, Verdict
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow, TombstoneRow

CHUNK = 500  # articles a query; also under SQLite's bound-parameter limit
_ARTICLE: Table = ArticleRow.__table__  # type: ignore[attr-defined]
_ANNOTATION: Table = AnnotationRow.__table__  # type: ignore[attr-defined]
_TOMBSTONE: Table = TombstoneRow.__table__  # type: ignore[attr-defined]
_HEAD_COLUMNS = ("id", "batch_id", "title", "outlet", "url", "published", "sha256", "replaces_id")


@dataclass(frozen=True)
class ArticleScope:
    """Every article, those of some batches, or some articles (by id)."""

    ids: tuple[int, ...] | None = None
    batch_ids: tuple[int, ...] | None = None

    def condition(self) -> Any:
        """The scope as a condition on the article table (ids are chunked by callers)."""
        c = _ARTICLE.c
        conditions = []
        if self.ids is not None:
            conditions.append(c.id.in_(sorted(set(self.ids))))
        if self.batch_ids is not None:
            conditions.append(c.batch_id.in_(sorted(set(self.batch_ids))))
        return conditions


def snapshot(session: Session) -> None:
    """Begin a read transaction now, so every later query of ``session`` until its commit
    reads one state of the database, whatever other connections write meanwhile (WAL keeps
    it for us). SQLite's Python driver begins transactions only before writes: without
    this, each batch of a long export would read the database as it is at that moment."""
    connection = _driver(session)
    if not connection.in_transaction:
        connection.execute("BEGIN")


def _driver(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection (in its transaction): rows as plain tuples,
    without SQLAlchemy's per-row work, which costs more than the query in an export."""
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _pages(session: Session, scope: ArticleScope, columns: str) -> Iterator[Sequence[Any]]:
    """Rows of ``columns`` (SQL, the article's id first) of the scope's articles in id
    order, CHUNK at a time: the named ids a chunk at a time, else keyset pages."""
    connection = _driver(session)
    batches, batch_params = "", cast(tuple[int, ...], ())
    if scope.batch_ids is not None:
        wanted_batches = tuple(sorted(set(scope.batch_ids)))
        batches = f" AND batch_id IN ({', '.join('?' * len(wanted_batches))})"
        batch_params = wanted_batches
    if scope.ids is not None:
        wanted = sorted(set(scope.ids))
        for i in range(0, len(wanted), CHUNK):
            chunk = tuple(wanted[i : i + CHUNK])
            sql = (
                f"SELECT {columns} FROM article WHERE id IN ({', '.join('?' * len(chunk))})"
                f"{batches} ORDER BY id"
            )
            rows = connection.execute(sql, chunk + batch_params).fetchall()
            if rows:
                yield rows
        return
    last = 0
    sql = f"SELECT {columns} FROM article WHERE id > ?{batches} ORDER BY id LIMIT {CHUNK}"
    while True:
        rows = connection.execute(sql, (last, *batch_params)).fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def articles(session: Session, scope: ArticleScope, *, with_text: bool) -> Iterator[Article]:
    """The scope's articles in id order; without their text (``text`` is "") unless asked."""
    columns = ", ".join((*_HEAD_COLUMNS, "text" if with_text else "''"))
    day = date.fromisoformat
    for rows in _pages(session, scope, columns):
        for id_, batch, title, outlet, url, published, sha, replaces, body in rows:
            when = day(published) if published is not None else None
            yield Article(id_, batch, title, outlet, url, when, body, sha, replaces)


class Only(enum.Enum):
    """Which annotations a format writes, so only those are read."""

    ALL = ""
    PLACED = " AND annotation.orphaned = 0"  # not orphaned: their words are in the text
    REVIEWS = (  # placed claims with a verdict: ClaimReview's
        " AND annotation.orphaned = 0 AND annotation.kind = 'claim'"
        " AND annotation.verdict != 'unchecked'"
    )


def annotation_groups(
    session: Session, scope: ArticleScope, only: Only = Only.ALL
) -> Iterator[tuple[Article, list[Annotation]]]:
    """Each article of the scope (without its text) with its annotations (those ``only``
    names) by position, the articles in id order: the order the whole set had when it was
    read at once."""
    chunk: list[Article] = []
    for article in articles(session, scope, with_text=False):
        chunk.append(article)
        if len(chunk) == CHUNK:
            yield from _with_annotations(session, chunk, only)
            chunk = []
    if chunk:
        yield from _with_annotations(session, chunk, only)


def _with_annotations(
    session: Session, chunk: list[Article], only: Only
) -> Iterator[tuple[Article, list[Annotation]]]:
    found = annotations_of(session, [a.id for a in chunk], only)
    by_article = {key: list(group) for key, group in groupby(found, key=lambda a: a.article_id)}
    for article in chunk:
        yield article, by_article.get(article.id, [])


_COLUMNS = tuple(f.name for f in fields(Annotation))[:-1]  # the last, measure, is joined
_SELECT = (
    "SELECT "
    + ", ".join(f'annotation."{name}"' for name in _COLUMNS)
    + ", measure.name FROM annotation LEFT OUTER JOIN measure"
    " ON measure.id = annotation.measure_id WHERE annotation.article_id IN ({marks}){only}"
    ' ORDER BY annotation.article_id, annotation.start, annotation."end", annotation.id'
)
_KINDS = {k.value: k for k in Kind}
_VERDICTS = {v.value: v for v in Verdict}
_I = {name: i for i, name in enumerate(_COLUMNS)}


def annotations_of(
    session: Session, article_ids: Sequence[int], only: Only = Only.ALL
) -> list[Annotation]:
    """The annotations of some articles (at most CHUNK), by article and position: what
    ``repository._read_annotations`` reads, without SQLAlchemy's per-value processing,
    which costs more than the query itself in an export."""
    if not article_ids:
        return []
    sql = _SELECT.format(marks=", ".join("?" * len(article_ids)), only=only.value)
    rows = _driver(session).execute(sql, tuple(article_ids)).fetchall()
    kinds, verdicts, moment = _KINDS, _VERDICTS, _moment
    created, modified, orphaned = _I["created"], _I["modified"], _I["orphaned"]
    vague, as_of, kind, verdict = _I["vague"], _I["as_of"], _I["kind"], _I["verdict"]
    found = []
    for row in rows:
        values = list(row)
        values[kind] = kinds[values[kind]]
        values[verdict] = verdicts[values[verdict]]
        values[created] = moment(values[created])
        values[modified] = moment(values[modified])
        values[orphaned] = bool(values[orphaned])
        values[vague] = bool(values[vague])
        if values[as_of] is not None:
            values[as_of] = date.fromisoformat(values[as_of])
        found.append(Annotation(*values))
    return found


def _moment(stored: str) -> datetime:
    """A stored time as the model has it: aware, in UTC (SQLite keeps UTC without an
    offset, as sqlmodel's type does)."""
    try:  # as stored: no offset (one C call, not a parse and a replace)
        return datetime.fromisoformat(stored + "+00:00")
    except ValueError:
        moment = datetime.fromisoformat(stored)
    return moment.replace(tzinfo=UTC) if moment.utcoffset() is None else moment.astimezone(UTC)


def _in_scope(scope: ArticleScope) -> Any:
    """A condition on annotations: their article is in the scope."""
    c = _ARTICLE.c
    if scope.ids is None and scope.batch_ids is None:
        return None
    return _ANNOTATION.c.article_id.in_(sa_select(c.id).where(*scope.condition()))


def count_articles(session: Session, scope: ArticleScope) -> int:
    query = sa_select(func.count()).select_from(_ARTICLE).where(*scope.condition())
    return int(session.execute(query).scalar_one())


def count_annotations(
    session: Session, scope: ArticleScope, *, placed: bool = False, reviews: bool = False
) -> int:
    """The scope's annotations; only those placed in their text (not orphaned), or only
    the placed claims with a verdict that have no review URL of their own (``reviews``)."""
    c = _ANNOTATION.c
    conditions = [cond for cond in (_in_scope(scope),) if cond is not None]
    if placed or reviews:
        conditions.append(c.orphaned.is_(False))
    if reviews:
        conditions += [
            c.kind == Kind.CLAIM.value,
            c.verdict != Verdict.UNCHECKED.value,
            func.coalesce(c.review_url, "") == "",
        ]
    query = sa_select(func.count()).select_from(_ANNOTATION).where(*conditions)
    return int(session.execute(query).scalar_one())


def tombstones(session: Session, scope: ArticleScope) -> Iterator[tuple[str, int, datetime]]:
    """(annotation id, its article's number in the file, when deleted) for the deletions
    on the scope's articles, by id; articles are numbered 1..n in id order."""
    a = _ARTICLE.c
    numbered = (
        sa_select(a.sha256, func.row_number().over(order_by=a.id).label("number"))
        .where(*scope.condition())
        .subquery()
    )
    t = _TOMBSTONE.c
    query = (
        sa_select(t.id, numbered.c.number, t.deleted)
        .join(numbered, numbered.c.sha256 == t.article_sha256)
        .order_by(t.id)
    )
    for row in session.execute(query).yield_per(CHUNK):
        yield row[0], row[1], row[2]


def speakers(session: Session, scope: ArticleScope, targets: Sequence[str]) -> dict[str, str]:
    """For each of ``targets`` that an attribution of the scope names with a speaker, that
    speaker (the last such attribution by article and position, as one dict built over the
    whole set would keep)."""
    found: dict[str, str] = {}
    wanted = sorted(set(targets))
    in_scope, scope_params = _scope_sql(scope)
    connection = _driver(session)
    for i in range(0, len(wanted), CHUNK):
        chunk = tuple(wanted[i : i + CHUNK])
        sql = (
            "SELECT target_id, speaker FROM annotation WHERE kind = 'attribution'"
            f" AND target_id IN ({', '.join('?' * len(chunk))})"
            " AND coalesce(speaker, '') != ''"
            f'{in_scope} ORDER BY article_id, start, "end", id'
        )
        found.update(dict(connection.execute(sql, chunk + scope_params).fetchall()))
    return found


def _scope_sql(scope: ArticleScope) -> tuple[str, tuple[int, ...]]:
    """The scope as SQL on the annotation table (" AND article_id IN (...)"), and its
    parameters; nothing for every article."""
    conditions, params = [], []
    if scope.ids is not None:
        ids = sorted(set(scope.ids))
        conditions.append(f"id IN ({', '.join('?' * len(ids))})")
        params += ids
    if scope.batch_ids is not None:
        batches = sorted(set(scope.batch_ids))
        conditions.append(f"batch_id IN ({', '.join('?' * len(batches))})")
        params += batches
    if not conditions:
        return "", ()
    where = " AND ".join(conditions)
    return f" AND article_id IN (SELECT id FROM article WHERE {where})", tuple(params)


def existing_ids(session: Session, scope: ArticleScope) -> set[int]:
    """Which of the scope's named article ids are stored (and in its batches, if any)."""
    return {row[0] for rows in _pages(session, scope, "id") for row in rows}
