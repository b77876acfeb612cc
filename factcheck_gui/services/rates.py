"""Exchange rates implied by articles' side-by-side amounts (``domain.rates``), per article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from factcheck_gui.domain.rates import ImpliedRate, implied_rates
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import ArticleRow


@dataclass(frozen=True, slots=True)
class ArticleRate:
    article_id: int
    article_title: str
    outlet: str | None
    rate: ImpliedRate

    def as_dict(self) -> dict[str, object]:
        return {"article_id": self.article_id, "article_title": self.article_title} | (
            self.rate.as_dict()
        )


def article_rates(db: Database, article_ids: Iterable[int] | None = None) -> list[ArticleRate]:
    """The implied rates of these articles (all when None), in article order."""
    art = ArticleRow.__table__  # type: ignore[attr-defined]
    query = select(art.c.id, art.c.title, art.c.outlet, art.c.text).order_by(art.c.id)
    if article_ids is not None:
        query = query.where(art.c.id.in_(list(article_ids)))
    out: list[ArticleRate] = []
    with db.transaction() as session:
        for article_id, title, outlet, text in session.connection().execute(query):
            out.extend(ArticleRate(article_id, title, outlet, r) for r in implied_rates(text))
    return out
