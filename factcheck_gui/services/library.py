"""Batches and articles: listing them, reading one, adding a batch."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Article, ArticleDraft, ArticleSummary, Batch, LibraryBatch
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import ArticleRow, BatchRow


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class BatchAdded:
    batch: Batch
    article_ids: tuple[int, ...]
    duplicates: tuple[str, ...]  # source names (or titles) of drafts already stored
    changes: Changes


class LibraryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def is_empty(self) -> bool:
        with self._db.transaction() as session:
            return not repo.batches(session)

    def batches(self) -> list[LibraryBatch]:
        with self._db.transaction() as session:
            batches = repo.batches(session)
            summaries = repo.article_summaries(session)
        by_batch: dict[int, list[ArticleSummary]] = {}
        for summary in summaries:
            by_batch.setdefault(summary.batch_id, []).append(summary)
        return [LibraryBatch(b, tuple(by_batch.get(b.id, ()))) for b in batches]

    def summaries(self, article_ids: Iterable[int] | None = None) -> list[ArticleSummary]:
        with self._db.transaction() as session:
            return repo.article_summaries(session, article_ids)

    def article(self, article_id: int) -> Article:
        with self._db.transaction() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                raise NotFound(f"there is no article {article_id}; `factcheck list` shows them")
            return repo.to_article(row)

    def add_batch(self, name: str, drafts: Sequence[ArticleDraft]) -> BatchAdded:
        """Store a batch of articles in one transaction, skipping texts already stored."""
        hashes = [text_sha256(d.text) for d in drafts]
        with self._db.transaction() as session:
            known = repo.existing_hashes(session, hashes)
            batch = BatchRow(name=name, imported=datetime.now(UTC))
            session.add(batch)
            session.flush()
            assert batch.id is not None
            rows: list[ArticleRow] = []
            duplicates: list[str] = []
            for draft, digest in zip(drafts, hashes, strict=True):
                if digest in known:
                    duplicates.append(draft.source_name or draft.title)
                    continue
                known.add(digest)
                rows.append(
                    ArticleRow(
                        batch_id=batch.id,
                        title=draft.title,
                        outlet=draft.outlet,
                        url=draft.url,
                        published=draft.published,
                        text=draft.text,
                        sha256=digest,
                        source_name=draft.source_name,
                    )
                )
            session.add_all(rows)
            session.flush()
            result = BatchAdded(
                batch=repo.to_batch(batch),
                article_ids=tuple(r.id for r in rows if r.id is not None),
                duplicates=tuple(duplicates),
                changes=Changes(library=True),
            )
        return result
