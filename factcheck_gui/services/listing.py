"""What the library shows for a filter: the batches with a match and their articles' ids.

The filter's words are looked up in the full-text index (title, outlet and text, the last
word as a beginning); a date typed as 2023, 2023-09 or 2023-09-04 also finds the articles
published then; a batch whose name holds every word shows all its articles. Only ids are
read (from the batch index): the rows a view shows are read a page at a time
(``LibraryService.summaries``), so a listing costs the same whatever the view shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from factcheck_gui.domain.model import Batch
from factcheck_gui.domain.search_query import SearchQuery, Term, parse_query
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.fulltext import FullTextIndex, index_for, normalized

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class BatchShown:
    batch: Batch
    ids: tuple[int, ...]  # its articles that match, in id order
    articles: int | None = None  # every article of the batch (None: not counted this time)
    annotations: int | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    text: str  # the filter as typed
    batches: tuple[BatchShown, ...]
    upto: int  # the newest article id when read: later ones come with ``since=upto``
    since: int | None = None  # None: every match; else only articles newer than this id


class Lister:
    def __init__(self, db: Database, index: FullTextIndex | None = None) -> None:
        self._db = db
        self._index = index or index_for(db.engine)

    def listing(self, text: str, *, since: int | None = None, totals: bool = True) -> Listing:
        query = parse_query(text)
        with self._db.transaction() as session:
            upto = repo.newest_article_id(session)
            batches = repo.batches(session)
            named = {b.id for b in batches if not query.empty and _named(b.name, query)}
            where, params = ("", []) if query.empty else self._condition(query, named)
            by_batch = repo.article_ids_by_batch(session, where, params, since=since)
            every = query.empty and since is None  # an empty batch shows with no filter
            shown = [b for b in batches if b.id in by_batch or every]
            counted = repo.batch_totals(session, [b.id for b in shown]) if totals else {}
        return Listing(
            text=text,
            batches=tuple(
                BatchShown(b, tuple(by_batch.get(b.id, ())), *counted.get(b.id, (None, None)))
                if totals
                else BatchShown(b, tuple(by_batch.get(b.id, ())))
                for b in shown
            ),
            upto=upto,
            since=since,
        )

    def totals(self, batch_ids: list[int] | None = None) -> dict[int, tuple[int, int]]:
        with self._db.transaction() as session:
            return repo.batch_totals(session, batch_ids)

    def _condition(self, query: SearchQuery, named: set[int]) -> tuple[str, list[object]]:
        """SQL on ``article``'s columns: every word in the index, each date as a date or a
        word; or in a batch named by the words."""
        words = [t for t in query.terms if _dates(t) is None]
        parts: list[str] = []
        params: list[object] = []
        if words:
            sql, values = self._index.matching_articles(SearchQuery(tuple(words)))
            parts.append(f"id IN ({sql})")
            params += values
        for term in query.terms:
            if (span := _dates(term)) is not None:
                sql, values = self._index.matching_articles(SearchQuery((term,)))
                parts.append(f"((published >= ? AND published < ?) OR id IN ({sql}))")
                params += [span[0].isoformat(), span[1].isoformat(), *values]
        where = " AND ".join(parts)
        if named:
            where = f"({where}) OR batch_id IN ({', '.join('?' for _ in named)})"
            params += sorted(named)
        return where, params


def _named(name: str, query: SearchQuery) -> bool:
    folded = normalized(name)
    return all(normalized(word) in folded for term in query.terms for word in term.words)


def _dates(term: Term) -> tuple[date, date] | None:
    """The days a term like 2023, 2023-09 or 2023-09-04 names: [first, after last)."""
    found = _DATE.fullmatch(term.text.strip())
    if term.phrase or found is None:
        return None
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1), date(year + 1, 1, 1)
        if day is None:
            return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1)
        first = date(year, month, day)
        return first, date.fromordinal(first.toordinal() + 1)
    except ValueError:  # 2023-13, 2023-02-30: words, not dates
        return None
