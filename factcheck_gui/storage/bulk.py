"""Reads and writes for merging annotation sets: a few queries for any number of rows.

Each read takes a list of keys and answers in chunks of ``CHUNK`` (SQLite's limit on bound
parameters); each write is one ``executemany``. Callers own the session and its
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Table, insert, text
from sqlalchemy import select as sa_select
from sqlmodel import Session
from sqlmodel.sql.sqltypes import UTCDateTime

from factcheck_gui.domain.model import FIGURE_FIELDS, Annotation, Kind, Verdict
from factcheck_gui.storage import fulltext
from factcheck_gui.storage.repository import Head
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow, MeasureRow, TombstoneRow

CHUNK = 500
_ANNOTATION: Table = AnnotationRow.__table__  # type: ignore[attr-defined]
_ARTICLE: Table = ArticleRow.__table__  # type: ignore[attr-defined]
_MEASURE: Table = MeasureRow.__table__  # type: ignore[attr-defined]
_TOMBSTONE: Table = TombstoneRow.__table__  # type: ignore[attr-defined]
# Annotation's fields that are columns; "measure" is a name, stored as measure_id.
_COLUMNS = tuple(name for name in Annotation.__dataclass_fields__ if name != "measure")
Fields = dict[str, Any]  # an annotation's fields, named as Annotation names them
_CHANGED = tuple(name for name in _COLUMNS if name not in ("id", "article_id"))


def _chunks(keys: Iterable[Any]) -> Iterable[list[Any]]:
    wanted = sorted(set(keys))
    for i in range(0, len(wanted), CHUNK):
        yield wanted[i : i + CHUNK]


def article_texts(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, str, str]]:
    """Article id -> (text, title, sha256)."""
    found: dict[int, tuple[str, str, str]] = {}
    c = _ARTICLE.c
    for chunk in _chunks(ids):
        query = sa_select(c.id, c.text, c.title, c.sha256).where(c.id.in_(chunk))
        found.update({row[0]: (row[1], row[2], row[3]) for row in session.execute(query)})
    return found


def articles_by_url(session: Session, urls: Iterable[str]) -> dict[str, list[int]]:
    """URL -> the stored articles with it, newest first (a new version has a larger id)."""
    found: dict[str, list[int]] = {}
    c = _ARTICLE.c
    for chunk in _chunks(urls):
        query = sa_select(c.url, c.id).where(c.url.in_(chunk)).order_by(c.id.desc())
        for url, id_ in session.execute(query):
            found.setdefault(url, []).append(id_)
    return found


def articles_by_title(session: Session, titles: Iterable[str]) -> dict[str, list[Any]]:
    """Title -> (id, outlet, published, url) of the stored articles with it, newest first."""
    found: dict[str, list[Any]] = {}
    c = _ARTICLE.c
    for chunk in _chunks(titles):
        query = (
            sa_select(c.title, c.id, c.outlet, c.published, c.url)
            .where(c.title.in_(chunk))
            .order_by(c.id.desc())
        )
        for title, *rest in session.execute(query):
            found.setdefault(title, []).append(tuple(rest))
    return found


def _select_in(session: Session, query: str, keys: Iterable[Any]) -> Iterator[Any]:
    """Rows of ``query`` (ending in "... IN") for ``keys``, chunked, sent to the driver as
    written: compiling a 500-item IN list costs SQLAlchemy more than SQLite its search."""
    connection = session.connection()
    wanted = sorted(set(keys))
    for i in range(0, len(wanted), CHUNK):
        chunk = tuple(wanted[i : i + CHUNK])
        yield from connection.exec_driver_sql(f"{query} ({', '.join('?' * len(chunk))})", chunk)


def _reader(table: Table, column: str, session: Session) -> Any:
    """How SQLAlchemy turns a stored value of ``column`` back into Python (times in UTC)."""
    dialect = session.connection().dialect
    return table.c[column].type.dialect_impl(dialect).result_processor(dialect, None)


def heads(session: Session, ids: Iterable[str]) -> dict[str, Head]:
    """Annotation id -> (its article, modified time, target), for those of ``ids`` stored:
    ``repository.annotation_heads`` for many ids."""
    when = _reader(_ANNOTATION, "modified", session)
    query = "SELECT id, article_id, modified, target_id FROM annotation WHERE id IN"
    return {
        id_: Head(article_id, when(modified), target)
        for id_, article_id, modified, target in _select_in(session, query, ids)
    }


def deletions(session: Session, ids: Iterable[str]) -> dict[str, datetime]:
    """Annotation id -> when it was deleted, for those of ``ids`` with a tombstone."""
    when = _reader(_TOMBSTONE, "deleted", session)
    query = "SELECT id, deleted FROM tombstone WHERE id IN"
    return {id_: when(deleted) for id_, deleted in _select_in(session, query, ids)}


def existing_ids(session: Session, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(ids):
        query = sa_select(_ANNOTATION.c.id).where(_ANNOTATION.c.id.in_(chunk))
        found.update(session.execute(query).scalars())
    return found


def figure_fields(session: Session, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Annotation id -> its stored figure fields (the measure by name)."""
    c, m = _ANNOTATION.c, _MEASURE.c
    names = sorted(FIGURE_FIELDS - {"measure"})
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        query = (
            sa_select(c.id, m.name, *(c[n] for n in names))
            .select_from(_ANNOTATION.outerjoin(_MEASURE))
            .where(c.id.in_(chunk))
        )
        for id_, measure, *values in session.execute(query):
            found[id_] = {"measure": measure, **dict(zip(names, values, strict=True))}
    return found


def publishing_fields(session: Session, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Annotation id -> its stored public rationale and review URL."""
    c = _ANNOTATION.c
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        query = sa_select(c.id, c.rationale, c.review_url).where(c.id.in_(chunk))
        for id_, rationale, review_url in session.execute(query):
            found[id_] = {"rationale": rationale, "review_url": review_url}
    return found


def measure_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    """Measure name -> id, the missing ones made."""
    wanted = {n for n in names if n}
    found: dict[str, int] = {}

    def read() -> None:
        for chunk in _chunks(wanted - set(found)):
            query = sa_select(_MEASURE.c.name, _MEASURE.c.id).where(_MEASURE.c.name.in_(chunk))
            found.update({name: id_ for name, id_ in session.execute(query)})

    read()
    missing = sorted(wanted - set(found))
    if missing:
        session.execute(insert(_MEASURE), [{"name": n} for n in missing])
        read()
    return found


def write_annotations(session: Session, added: Sequence[Fields], changed: Sequence[Fields]) -> None:
    """Insert ``added`` and overwrite ``changed`` (same id, same article), one executemany
    each; each annotation as a dict of ``Annotation``'s fields (kind and verdict as their
    enums, the measure by name). Links between them may point either way: foreign keys
    are checked at the commit.

    The rows go to the driver as tuples, each value through its column type's own bind
    processor (so times and dates are stored exactly as every other write stores them):
    SQLAlchemy's per-row work for a Core executemany costs more than SQLite's here.
    """
    if not added and not changed:
        return
    measures = measure_ids(session, (a["measure"] for a in (*added, *changed) if a["measure"]))
    session.execute(text("PRAGMA defer_foreign_keys = ON"))  # reset by the commit
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    by_id = itemgetter("id")  # in key order: the primary key's B-tree is filled in sequence
    added, changed = sorted(added, key=by_id), sorted(changed, key=by_id)
    if added:
        names = (*_COLUMNS, "measure_id")
        statement = (
            f"INSERT INTO annotation ({', '.join(quote(n) for n in names)}) "
            f"VALUES ({', '.join('?' for _ in names)})"
        )
        rows = _rows(added, measures, names, dialect)
        fulltext.insert_annotations(
            connection,
            lambda: connection.exec_driver_sql(statement, rows),  # type: ignore[arg-type]
        )
    if changed:
        names = (*_CHANGED, "measure_id", "id")
        assignments = ", ".join(f"{quote(n)} = ?" for n in names[:-1])
        statement = f"UPDATE annotation SET {assignments} WHERE id = ?"
        connection.exec_driver_sql(statement, _rows(changed, measures, names, dialect))  # type: ignore[arg-type]


def _rows(
    annotations: Sequence[Fields], measures: dict[str, int], names: Sequence[str], dialect: Any
) -> list[tuple[Any, ...]]:
    """Each annotation as a tuple of ``names``' values, ready for the driver."""
    fields = [n for n in names if n != "measure_id"]
    at = names.index("measure_id")
    values_of = itemgetter(*fields)
    kind, verdict = fields.index("kind"), fields.index("verdict")
    processors = [(k, _processor(n, dialect)) for k, n in enumerate(fields)]
    steps = [(k, p) for k, p in processors if p is not None]
    rows = []
    for a in annotations:
        values = list(values_of(a))
        values[kind], values[verdict] = _TEXT[values[kind]], _TEXT[values[verdict]]
        for k, process in steps:
            values[k] = process(values[k])
        measure = a["measure"]
        values.insert(at, measures[measure] if measure else None)
        rows.append(tuple(values))
    return rows


_TEXT = {member: member.value for member in (*Kind, *Verdict)}


def _processor(column: str, dialect: Any) -> Any:
    """What SQLAlchemy does to a value of ``column`` before the driver sees it (the
    dialect's own type: SQLite's DATETIME writes its text form, not the driver), done
    faster where that is plain: a time as its UTC text, a boolean left to the driver
    (which stores it as 1 or 0, as SQLAlchemy's processor does)."""
    type_ = _ANNOTATION.c[column].type
    if isinstance(type_, UTCDateTime) and dialect.name == "sqlite":
        return utc_text
    if isinstance(type_, Boolean):
        return None
    return type_.dialect_impl(dialect).bind_processor(dialect)


def utc_text(moment: datetime | None) -> str | None:
    """A time as SQLAlchemy stores it in SQLite ("2024-01-02 03:04:05.000006", UTC): what
    UTCDateTime and SQLite's DATETIME make of it, in one step."""
    if moment is None:
        return None
    if moment.utcoffset() is None:
        raise ValueError("a time without its time zone cannot be stored")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
