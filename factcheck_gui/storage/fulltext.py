"""Full-text search over articles (title, outlet, text) and annotations (quote, note).

The interface is ``FullTextIndex``: a condition for "articles whose words match", a count
and pages of matches in library order with the matched words' code-point offsets. Its
SQLite implementation keeps two FTS5 indexes (revision 0011_fulltext) that triggers keep in
step with every insert, update and delete:

* ``article_fts`` indexes ``article`` itself (external content: the text is stored once);
  its rowid is the article's id.
* ``annotation_fts`` indexes quotes and notes through ``annotation_key``, which gives each
  annotation an integer key ``article_id * 2**20 + n``: annotations' own ids are UUIDs, and
  ordering keys by article keeps the results in library order without sorting them.

Both use the ``unicode61`` tokenizer with ``remove_diacritics 2`` ("Ünïcode" is found by
"unicode") and prefix indexes of one and two characters, so the first letters typed in a
search box are quick. What a user typed is never FTS syntax: ``render`` quotes every term.
A table rebuild (Alembic's batch mode) drops a table's triggers; ``repair`` runs after each
upgrade, puts them back and rebuilds the indexes when one was missing.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.search_query import SearchQuery, Term

log = logging.getLogger(__name__)

KEY_SHIFT = 20  # annotation keys: article_id * 2**20 + n
KEY_SPAN = 1 << KEY_SHIFT
TOKENIZE = "unicode61 remove_diacritics 2"
PREFIXES = "1 2"
TABLES = ("article_fts", "annotation_fts", "annotation_key")
VIEWS = ("annotation_fts_content",)
_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")
NO_FTS5 = (
    "this Python's SQLite has no FTS5 (full-text search), which factcheck-gui needs; "
    "use a Python whose sqlite3 module is built with it (SQLite compile option ENABLE_FTS5)"
)


class NoFullText(UserError):
    """The SQLite library in this Python was built without FTS5."""


def is_index_table(name: str) -> bool:
    """A table (or view) of the full-text index: derived from the others, never compared."""
    return name in TABLES or name in VIEWS or any(name == t + s for t in TABLES for s in _SHADOWS)


@functools.cache
def fts5_available() -> bool:
    with sqlite3.connect(":memory:") as connection:
        options = {row[0] for row in connection.execute("PRAGMA compile_options")}
        if "ENABLE_FTS5" in options:
            return True
        try:  # built in by other means (a loadable extension registered at start)
            connection.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x)")
        except sqlite3.OperationalError:
            return False
        return True


def require_fts5() -> None:
    if not fts5_available():
        raise NoFullText(NO_FTS5)


# -- the schema (as revision 0011_fulltext made it; repair() puts the triggers back) --------
_ARTICLE_NEW = "INSERT INTO article_fts(rowid, title, outlet, text) VALUES (new.id, new.title, new.outlet, new.text);"  # noqa: E501
_ARTICLE_OLD = "INSERT INTO article_fts(article_fts, rowid, title, outlet, text) VALUES ('delete', old.id, old.title, old.outlet, old.text);"  # noqa: E501
_KEY_RANGE = f"key >= new.article_id * {KEY_SPAN} AND key < (new.article_id + 1) * {KEY_SPAN}"
_ANNOTATION_NEW = (
    f"SELECT RAISE(ABORT, 'too many annotations in one article for the search index') "
    f"WHERE (SELECT max(key) FROM annotation_key WHERE {_KEY_RANGE}) "
    f">= (new.article_id + 1) * {KEY_SPAN} - 2; "
    f"INSERT INTO annotation_key(key, annotation_id) "
    f"SELECT coalesce(max(key) + 1, new.article_id * {KEY_SPAN}), new.id "
    f"FROM annotation_key WHERE {_KEY_RANGE}; "
    "INSERT INTO annotation_fts(rowid, quote, note) "
    "SELECT key, new.quote, new.note FROM annotation_key WHERE annotation_id = new.id;"
)
_ANNOTATION_OLD = (
    "INSERT INTO annotation_fts(annotation_fts, rowid, quote, note) "
    "SELECT 'delete', key, old.quote, old.note FROM annotation_key WHERE annotation_id = old.id; "
    "DELETE FROM annotation_key WHERE annotation_id = old.id;"
)
TRIGGERS = {
    "article_fts_insert": f"AFTER INSERT ON article BEGIN {_ARTICLE_NEW} END",
    "article_fts_delete": f"AFTER DELETE ON article BEGIN {_ARTICLE_OLD} END",
    "article_fts_update": (
        "AFTER UPDATE OF id, title, outlet, text ON article "
        f"BEGIN {_ARTICLE_OLD} {_ARTICLE_NEW} END"
    ),
    "annotation_fts_insert": f"AFTER INSERT ON annotation BEGIN {_ANNOTATION_NEW} END",
    "annotation_fts_delete": f"AFTER DELETE ON annotation BEGIN {_ANNOTATION_OLD} END",
    "annotation_fts_update": (
        "AFTER UPDATE OF id, article_id, quote, note ON annotation "
        f"BEGIN {_ANNOTATION_OLD} {_ANNOTATION_NEW} END"
    ),
}
SCHEMA = (
    f"CREATE VIRTUAL TABLE article_fts USING fts5(title, outlet, text, content='article', "
    f"content_rowid='id', tokenize='{TOKENIZE}', prefix='{PREFIXES}')",
    "CREATE TABLE annotation_key (key INTEGER PRIMARY KEY, "
    "annotation_id VARCHAR(36) NOT NULL UNIQUE)",
    "CREATE VIEW annotation_fts_content AS SELECT k.key AS key, a.quote AS quote, a.note AS note "
    "FROM annotation_key k JOIN annotation a ON a.id = k.annotation_id",
    f"CREATE VIRTUAL TABLE annotation_fts USING fts5(quote, note, "
    f"content='annotation_fts_content', content_rowid='key', tokenize='{TOKENIZE}', "
    f"prefix='{PREFIXES}')",
)


def create_triggers(connection: Connection) -> None:
    for name, body in TRIGGERS.items():
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


_IN_RANGE = f"k.key >= a.article_id * {KEY_SPAN} AND k.key < (a.article_id + 1) * {KEY_SPAN}"
_LAST_KEY = f"(SELECT max(k.key) FROM annotation_key k WHERE {_IN_RANGE})"
_BULK_FULL = (  # an article whose new keys would run past its range (the trigger's RAISE)
    "SELECT a.article_id FROM annotation a WHERE a.rowid > ? GROUP BY a.article_id "
    f"HAVING coalesce({_LAST_KEY}, a.article_id * {KEY_SPAN} - 1) + count(*) "
    f">= (a.article_id + 1) * {KEY_SPAN} - 1 LIMIT 1"
)
_BULK_KEYS = (  # each new row's key, in the order the trigger would give them (by rowid)
    "INSERT INTO annotation_key(key, annotation_id) "
    f"SELECT coalesce({_LAST_KEY}, a.article_id * {KEY_SPAN} - 1) "
    "+ row_number() OVER (PARTITION BY a.article_id ORDER BY a.rowid), a.id "
    "FROM annotation a WHERE a.rowid > ?"
)
_BULK_INDEX = (
    "INSERT INTO annotation_fts(rowid, quote, note) SELECT k.key, a.quote, a.note "
    "FROM annotation a JOIN annotation_key k ON k.annotation_id = a.id WHERE a.rowid > ?"
)


def insert_annotations(connection: Connection, insert: Callable[[], object]) -> None:
    """``insert()`` adds annotation rows (a merge's thousands); their search keys and index
    entries are then made for all of them at once, the same keys in the same order as the
    insert trigger gives them one by one, which is most of a large merge's time. The
    trigger is dropped for the insert and made again inside the caller's transaction
    (begun here if no write has begun it: the driver would commit DDL on its own), so a
    failure rolls back all three; ``repair`` would put a lost trigger back at the next open.
    """
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection) and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN")
    before = connection.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM annotation").scalar()
    trigger = "annotation_fts_insert"
    connection.exec_driver_sql(f"DROP TRIGGER {trigger}")
    insert()
    connection.exec_driver_sql(f"CREATE TRIGGER {trigger} {TRIGGERS[trigger]}")
    full = connection.exec_driver_sql(_BULK_FULL, (before,)).first()
    if full is not None:
        raise UserError(
            f"article {full[0]} would have too many annotations for the search index; "
            "nothing was merged"
        )
    connection.exec_driver_sql(_BULK_KEYS, (before,))
    connection.exec_driver_sql(_BULK_INDEX, (before,))


def rebuild(connection: Connection) -> None:
    """Fill both indexes from the rows as they are (the triggers keep them so after)."""
    too_many = connection.exec_driver_sql(
        "SELECT article_id FROM annotation GROUP BY article_id HAVING count(*) >= ? LIMIT 1",
        (KEY_SPAN - 1,),
    ).first()
    if too_many is not None:
        raise UserError(f"article {too_many[0]} has too many annotations for the search index")
    connection.exec_driver_sql("DELETE FROM annotation_key")
    connection.exec_driver_sql(
        "INSERT INTO annotation_key(key, annotation_id) "
        f"SELECT article_id * {KEY_SPAN} + row_number() OVER "
        "(PARTITION BY article_id ORDER BY rowid) - 1, id FROM annotation"
    )
    connection.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    connection.exec_driver_sql("INSERT INTO annotation_fts(annotation_fts) VALUES ('rebuild')")


def repair(connection: Connection) -> bool:
    """Put back triggers a table rebuild dropped, and rebuild the indexes then (True)."""
    present = {
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
        )
    }
    if "article_fts" not in present:
        return False  # a revision before the index
    missing = [name for name in TRIGGERS if name not in present]
    if not missing:
        return False
    log.warning("full-text triggers were missing (%s); rebuilding the index", ", ".join(missing))
    for name in TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    create_triggers(connection)
    rebuild(connection)
    return True


# -- queries ---------------------------------------------------------------------------------
def _quoted(term: Term) -> str:
    """One FTS5 string: a phrase of the term's words; a prefix keeps its ``*``."""
    words = " ".join(term.words)  # only word characters reach the index: no syntax survives
    return '"' + words.replace('"', '""') + '"' + ("*" if term.prefix else "")


def render(query: SearchQuery) -> str:
    """The FTS5 MATCH expression of ``query``: every term quoted, all of them required."""
    return " AND ".join(_quoted(t) for t in query.terms)


@dataclass(frozen=True, slots=True)
class Field:
    """A stored value that matched, and where the matched words are in it."""

    name: str  # title, outlet, text (of an article), quote, note (of an annotation)
    value: str
    marks: tuple[tuple[int, int], ...]  # code-point offsets into ``value``


@dataclass(frozen=True, slots=True)
class Match:
    position: int  # the order of matches: library order, an article before its annotations
    article_id: int
    annotation_id: str | None
    fields: tuple[Field, ...]


class FullTextIndex(Protocol):
    """What the services need of a full-text index; another backend provides its own."""

    def matching_articles(self, query: SearchQuery) -> tuple[str, list[object]]:
        """A ``SELECT`` of one column (SQL with ``?`` and its values): the ids of articles
        whose title, outlet or text has every term, for ``article.id IN (…)``."""
        ...

    def count(self, session: Session, query: SearchQuery, *, cap: int) -> tuple[int, int]:
        """How many articles and annotations match, each counted up to ``cap``."""
        ...

    def matches(
        self, session: Session, query: SearchQuery, *, after: int, limit: int
    ) -> list[Match]:
        """Up to ``limit`` matches past position ``after`` (-1: from the first), in order."""
        ...


def _raw(session: Session) -> Any:
    """The driver's connection: FTS queries return long texts, and SQLAlchemy's result
    handling costs more than SQLite's search here."""
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    return raw


_ARTICLE_FIELDS = ("title", "outlet", "text")
_ANNOTATION_FIELDS = ("quote", "note")
_MARKERS = ("\ue000", "\ue001")


class SqliteFullText:
    def matching_articles(self, query: SearchQuery) -> tuple[str, list[object]]:
        return "SELECT rowid FROM article_fts WHERE article_fts MATCH ?", [render(query)]

    def count(self, session: Session, query: SearchQuery, *, cap: int) -> tuple[int, int]:
        found = []
        for table in ("article_fts", "annotation_fts"):
            sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)"
            found.append(int(_raw(session).execute(sql, (render(query), cap)).fetchone()[0]))
        return found[0], found[1]

    def matches(
        self, session: Session, query: SearchQuery, *, after: int, limit: int
    ) -> list[Match]:
        fts = render(query)
        first_article = (after + 1) // KEY_SPAN + 1
        found = self._article_matches(session, fts, first_article, limit)
        found += self._annotation_matches(session, fts, after, limit)
        found.sort(key=lambda m: m.position)
        return found[:limit]

    def _article_matches(self, session: Session, fts: str, first: int, limit: int) -> list[Match]:
        marks = _highlights("article_fts", len(_ARTICLE_FIELDS))
        rows = (
            _raw(session)
            .execute(
                f"SELECT f.rowid, {marks}, a.title, a.outlet, a.text FROM article_fts f "
                "JOIN article a ON a.id = f.rowid WHERE article_fts MATCH ? "
                "AND f.rowid >= ? ORDER BY f.rowid LIMIT ?",
                (*_MARKERS * len(_ARTICLE_FIELDS), fts, first, limit),
            )
            .fetchall()
        )
        found = []
        for row in rows:
            article_id = int(row[0])
            marked, stored = row[1:4], row[4:7]
            fields = _fields(
                session, "article_fts", article_id, fts, _ARTICLE_FIELDS, marked, stored
            )
            found.append(Match(article_id * KEY_SPAN - 1, article_id, None, fields))
        return found

    def _annotation_matches(
        self, session: Session, fts: str, after: int, limit: int
    ) -> list[Match]:
        marks = _highlights("annotation_fts", len(_ANNOTATION_FIELDS))
        rows = (
            _raw(session)
            .execute(
                f"SELECT f.rowid, {marks}, a.quote, a.note, a.id, a.article_id "
                "FROM annotation_fts f JOIN annotation_key k ON k.key = f.rowid "
                "JOIN annotation a ON a.id = k.annotation_id "
                "WHERE annotation_fts MATCH ? AND f.rowid > ? ORDER BY f.rowid LIMIT ?",
                (*_MARKERS * len(_ANNOTATION_FIELDS), fts, after, limit),
            )
            .fetchall()
        )
        found = []
        for row in rows:
            key = int(row[0])
            marked, stored = row[1:3], row[3:5]
            fields = _fields(
                session, "annotation_fts", key, fts, _ANNOTATION_FIELDS, marked, stored
            )
            found.append(Match(key, int(row[6]), str(row[5]), fields))
        return found


def _highlights(table: str, columns: int) -> str:
    return ", ".join(f"highlight({table}, {i}, ?, ?)" for i in range(columns))


def _fields(
    session: Session,
    table: str,
    rowid: int,
    fts: str,
    names: Sequence[str],
    marked: Sequence[Any],
    stored: Sequence[Any],
) -> tuple[Field, ...]:
    """The matched fields of one row; the marks are checked against the stored value, and
    found again with other markers when the value itself holds the first ones."""
    fields = []
    for i, (name, shown, value) in enumerate(zip(names, marked, stored, strict=True)):
        if value is None or shown is None:
            continue
        marks = _marks(shown, value, _MARKERS)
        if marks is None:
            markers = _markers_absent_from(value)
            again = (
                _raw(session)
                .execute(
                    f"SELECT highlight({table}, {i}, ?, ?) FROM {table} "
                    f"WHERE {table} MATCH ? AND rowid = ?",
                    (*markers, fts, rowid),
                )
                .fetchone()
            )
            marks = _marks(str(again[0] if again and again[0] else ""), value, markers)
        if marks is None:  # the index disagrees with the row: never point at a guess
            log.warning(
                "%s row %s: highlighted %s does not match the stored one", table, rowid, name
            )
            continue
        if marks:
            fields.append(Field(name, value, marks))
    return tuple(fields)


def _marks(shown: str, value: str, markers: tuple[str, str]) -> tuple[tuple[int, int], ...] | None:
    """Code-point ranges between the markers in ``shown``; None unless removing the markers
    gives ``value`` back exactly."""
    opening, closing = markers
    if opening in value or closing in value:
        return None
    if shown.replace(opening, "").replace(closing, "") != value:
        return None
    marks: list[tuple[int, int]] = []
    removed = position = 0
    while (start := shown.find(opening, position)) >= 0:
        end = shown.find(closing, start + 1)
        if end < 0:
            return None
        marks.append((start - removed, end - removed - 1))
        removed += 2
        position = end + 1
    return tuple(marks)


def _markers_absent_from(value: str) -> tuple[str, str]:
    present = set(value)
    free = (chr(c) for c in range(0xF0000, 0xFFFFD) if chr(c) not in present)
    return next(free), next(free)


def index_for(engine: Engine) -> FullTextIndex:
    """The full-text index of the database behind ``engine``."""
    if engine.dialect.name == "sqlite":
        return SqliteFullText()
    raise UserError(f"full-text search is not available for {engine.dialect.name} databases")


def normalized(word: str) -> str:
    """A word as the index compares it: case folded, diacritics removed."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
