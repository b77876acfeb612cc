"""Suggested figures: the amounts in an article not yet tagged and not dismissed."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert

from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Kind
from factcheck_gui.domain.suggestions import Candidate, suggest_figures
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow, DismissedFigureRow


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
        return [
            c
            for c in suggest_figures(text)
            if (c.start, c.end) not in dismissed
            and not any(start < c.end and c.start < end for start, end in tagged)
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

    def undismiss(self, article_id: int, start: int, end: int) -> None:
        d = DismissedFigureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            session.connection().execute(
                delete(d).where(d.c.article_id == article_id, d.c.start == start, d.c.end == end)
            )

    def dismissed_count(self, article_id: int) -> int:
        d = DismissedFigureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            rows = session.connection().execute(
                select(d.c.start).where(d.c.article_id == article_id)
            )
            return len(rows.all())

    def restore_dismissed(self, article_id: int) -> None:
        """Propose the article's dismissed figures again."""
        d = DismissedFigureRow.__table__  # type: ignore[attr-defined]
        with self._db.transaction() as session:
            session.connection().execute(delete(d).where(d.c.article_id == article_id))
