"""Finding words across every article: titles, outlets, texts, quotes and notes.

Results come in library order (article by article, each article before its annotations),
a page at a time: ``after`` is the ``position`` of the last hit shown. Each hit says where
the words are in the stored text (code points), so a pane can scroll to them and select
them; a snippet shows them in context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.search_query import SearchQuery, parse_query
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.fulltext import Field, Match, index_for
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow

COUNT_CAP = 1000  # results are counted up to this many articles and as many annotations
BEFORE, AFTER = 60, 110  # characters of context around a match in a snippet
ELLIPSIS = "…"


class EmptyQuery(UserError):
    """Nothing in the query can be searched for (only punctuation, symbols or spaces)."""


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: int
    title: str
    where: str  # text, title or outlet (of the article); quote or note (of an annotation)
    snippet: str  # one line of plain text around the match
    marks: tuple[tuple[int, int], ...]  # the matched words, as offsets into ``snippet``
    title_marks: tuple[tuple[int, int], ...]  # the matched words of the title
    matches: int  # how many times the words are in this field
    # The first match in the article's text (code points), None when the words are not in
    # it (a title, a note, an annotation no longer placed).
    start: int | None
    end: int | None
    annotation_id: str | None = None
    kind: str | None = None  # the annotation's kind
    position: int = 0  # the hit's place in the order of results (for the next page)

    def as_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "where": self.where,
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
            "start": self.start,
            "end": self.end,
            "annotation_id": self.annotation_id,
            "kind": self.kind,
            "matches": self.matches,
        }


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: SearchQuery
    hits: tuple[Hit, ...]
    more: bool  # another page follows, from ``after``
    after: int
    articles: int  # articles and annotations that match, each counted up to COUNT_CAP
    annotations: int

    @property
    def total(self) -> int:
        return self.articles + self.annotations

    @property
    def capped(self) -> bool:
        return COUNT_CAP in (self.articles, self.annotations)

    def summary(self) -> str:
        if not self.total:
            return f"No results for {self.query}"
        what = "result" if self.total == 1 else "results"
        return f"{self.total:,}{'+' if self.capped else ''} {what} for {self.query}"


def query_of(text: str) -> SearchQuery:
    """The query in ``text``; ``EmptyQuery`` when it has no word to look for."""
    query = parse_query(text)
    if query.empty:
        shown = " ".join(text.split())[:60]
        raise EmptyQuery(
            f"nothing to search for in {shown!r}: type a word "
            "(punctuation and symbols alone are not searched)"
        )
    return query


class SearchService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._index = index_for(db.engine)

    def search(
        self,
        query: str | SearchQuery,
        *,
        limit: int = 50,
        after: int = -1,
        count: bool = True,
    ) -> SearchResults:
        """A page of hits in library order, past ``after``; counted when ``count``."""
        parsed = query_of(query) if isinstance(query, str) else query
        if parsed.empty:
            raise EmptyQuery("nothing to search for: type a word")
        with self._db.transaction() as session:
            found = self._index.matches(session, parsed, after=after, limit=limit + 1)
            articles, annotations = (
                self._index.count(session, parsed, cap=COUNT_CAP) if count else (0, 0)
            )
            page = found[:limit]
            titles = _titles(session, {m.article_id for m in page})
            spots = _annotations(session, [m.annotation_id for m in page if m.annotation_id])
        hits = tuple(_hit(m, titles, spots) for m in page)
        return SearchResults(
            query=parsed,
            hits=hits,
            more=len(found) > limit,
            after=page[-1].position if page else after,
            articles=articles,
            annotations=annotations,
        )


def _titles(session: Any, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    c = ArticleRow.__table__.c  # type: ignore[attr-defined]
    query = select(c.id, c.title).where(c.id.in_(sorted(ids)))
    return {int(i): str(t) for i, t in session.execute(query)}


def _annotations(session: Any, ids: list[str]) -> dict[str, tuple[int, int, str, bool]]:
    """Annotation id -> (start, end, kind, orphaned)."""
    if not ids:
        return {}
    c = AnnotationRow.__table__.c  # type: ignore[attr-defined]
    query = select(c.id, c.start, c.end, c.kind, c.orphaned).where(c.id.in_(ids))
    return {
        str(r[0]): (int(r[1]), int(r[2]), str(r[3]), bool(r[4])) for r in session.execute(query)
    }


_ARTICLE_ORDER = ("text", "title", "outlet")


def _hit(match: Match, titles: dict[int, str], spots: dict[str, tuple[int, int, str, bool]]) -> Hit:
    fields = {f.name: f for f in match.fields}
    title = titles.get(match.article_id, "")
    title_marks = fields["title"].marks if "title" in fields else ()
    if match.annotation_id is None:
        name = next((n for n in _ARTICLE_ORDER if n in fields), "title")
        field = fields.get(name) or Field("title", title, ())
        start, end = field.marks[0] if name == "text" and field.marks else (None, None)
        snippet, marks = snippet_of(field)
        return Hit(
            match.article_id,
            title,
            name,
            snippet,
            marks,
            title_marks,
            len(field.marks),
            start,
            end,
            position=match.position,
        )
    field = fields.get("quote") or fields.get("note") or Field("note", "", ())
    spot = spots.get(match.annotation_id)
    start = end = None
    kind = spot[2] if spot else None
    if spot is not None and not spot[3] and field.name == "quote" and field.marks:
        start, end = spot[0] + field.marks[0][0], spot[0] + field.marks[0][1]
    snippet, marks = snippet_of(field)
    return Hit(
        match.article_id,
        title,
        field.name,
        snippet,
        marks,
        title_marks,
        len(field.marks),
        start,
        end,
        annotation_id=match.annotation_id,
        kind=kind,
        position=match.position,
    )


def snippet_of(field: Field) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About a line of ``field``'s value around its first match, on one line (every line
    break shown as a space, character for character, so the marks stay exact)."""
    value = field.value
    if not field.marks:
        return _one_line(value[: BEFORE + AFTER]), ()
    first_start, first_end = field.marks[0]
    begin = max(0, first_start - BEFORE)
    if begin > 0:  # start at a word
        space = value.find(" ", begin, first_start)
        begin = space + 1 if space >= 0 else begin
    stop = min(len(value), first_end + AFTER)
    if stop < len(value):
        space = value.rfind(" ", first_end, stop)
        stop = space if space > first_end else stop
    lead = ELLIPSIS if begin > 0 else ""
    tail = ELLIPSIS if stop < len(value) else ""
    shift = len(lead) - begin
    marks = tuple(
        (max(s, begin) + shift, min(e, stop) + shift)
        for s, e in field.marks
        if s < stop and e > begin
    )
    return lead + _one_line(value[begin:stop]) + tail, marks


_SPACES = {c: " " for c in range(0x3001) if chr(c).isspace()}  # every space is below U+3001


def _one_line(text: str) -> str:
    return text.translate(_SPACES)
