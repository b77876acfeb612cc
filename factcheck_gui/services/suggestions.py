"""Suggested figures: the amounts in an article not yet tagged and not dismissed."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert

from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Kind
from factcheck_gui.domain.suggestions import Candidate, suggest_figures
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow, DismissedFigureRow


@lru_cache(maxsize=8)
def _suggested(text: str) -> tuple[Candidate, ...]:
    """An article's text never changes (a new text is a new version): read it once, not at
    each edit while the suggestions are on screen."""
    return tuple(suggest_figures(text))


class Covered:
    """Spans, sorted by start with the furthest end reached so far: whether a span overlaps
    any of them is one binary search (not a pass over all of them)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _end in ordered]
        self._reach = list(accumulate((end for _start, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span [s, e) has s < end and start < e."""
        before = bisect_left(self._starts, end)  # the spans that start before ``end``
        return before > 0 and self._reach[before - 1] > start


class SuggestionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def candidates(self, article_id: int) -> list[Candidate]:
        """The article's amounts, less those a figure already covers and those dismissed."""
        a = AnnotationRow.__table__  # type: ignore[attr-defined]
        d = DismissedFigureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            article = session.get(ArticleRow, article_id)
            if article is None:
                raise NotFound(f"there is no article {article_id}")
            text = article.text
            connection = session.connection()
            tagged = connection.execute(
                select(a.c.start, a.c.end).where(
                    a.c.article_id == article_id,
                    a.c.kind == Kind.FIGURE.value,
                    a.c.orphaned.is_(False),
                )
            ).all()
            dismissed = set(
                connection.execute(select(d.c.start, d.c.end).where(d.c.article_id == article_id))
            )
        covered = Covered(tagged)
        return [
            c
            for c in _suggested(text)
            if (c.start, c.end) not in dismissed and not covered.overlaps(c.start, c.end)
        ]

    def dismiss(self, article_id: int, start: int, end: int) -> None:
        with self._db.transaction() as session:
            if session.get(ArticleRow, article_id) is None:
                raise NotFound(f"there is no article {article_id}")
            session.connection().execute(
                insert(DismissedFigureRow.__table__)  # type: ignore[attr-defined]
                .values(article_id=article_id, start=start, end=end)
                .on_conflict_do_nothing()
            )

    def dismissed_count(self, article_id: int) -> int:
        d = DismissedFigureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            query = select(func.count()).where(d.c.article_id == article_id)
            return int(session.connection().execute(query).scalar_one())

    def restore_dismissed(self, article_id: int) -> None:
        """Propose the article's dismissed figures again."""
        d = DismissedFigureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            session.connection().execute(delete(d).where(d.c.article_id == article_id))
