"""Batches and articles: listing them, reading one, adding a batch."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.digests import nfc_sha256, text_sha256
from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Article, ArticleDraft, ArticleSummary, Batch, LibraryBatch
from factcheck_gui.services.listing import BatchShown, Lister, Listing
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import ArticleRow, BatchRow

__all__ = ["BatchAdded", "BatchShown", "LibraryService", "Listing", "text_sha256"]


@dataclass(frozen=True, slots=True)
class BatchAdded:
    batch: Batch | None  # None when every draft was already stored
    article_ids: tuple[int, ...]
    titles: tuple[tuple[str, str], ...]  # (source name, title) of each stored article
    duplicates: tuple[tuple[str, str], ...]  # (source name, why it was skipped)
    versions: tuple[tuple[int, int], ...]  # (new article, the stored article it replaces)
    changes: Changes


INSERT_CHUNK = 1000


class LibraryService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lister = Lister(db)

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

    def listing(self, text: str = "", *, since: int | None = None, totals: bool = True) -> Listing:
        """The batches and article ids the library shows for the filter ``text``
        (``services/listing.py``); with ``since``, only articles newer than that id."""
        return self._lister.listing(text, since=since, totals=totals)

    def batch_totals(self, batch_ids: list[int] | None = None) -> dict[int, tuple[int, int]]:
        """Batch id -> (articles, annotations)."""
        return self._lister.totals(batch_ids)

    def existing(self, article_ids: Iterable[int]) -> set[int]:
        """Which of these articles are stored."""
        with self._db.transaction() as session:
            return repo.existing_articles(session, article_ids)

    def first_articles(self, batch_name: str | None, count: int) -> list[int]:
        """The first ``count`` articles of the first batch called ``batch_name`` (or of the
        library, when there is no such batch)."""
        listing = self._lister.listing("", totals=False)
        chosen = next((b for b in listing.batches if b.batch.name == batch_name), None)
        ids = chosen.ids if chosen else tuple(i for b in listing.batches for i in b.ids)
        return list(ids[:count])

    def article(self, article_id: int) -> Article:
        with self._db.transaction() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                raise NotFound(f"there is no article {article_id}; `factcheck list` shows them")
            return repo.to_article(row)

    def add_batch(
        self,
        name: str,
        drafts: Sequence[ArticleDraft],
        *,
        cancel: CancelToken | None = None,
    ) -> BatchAdded:
        """Store a batch of articles in one transaction.

        A text already stored (or met earlier in ``drafts``), compared in NFC form, is
        skipped as a duplicate; an
        article whose URL is stored with another text is kept as a new version linked to
        the newest stored one. ``cancel`` is checked between chunks and committed to before
        the transaction commits: once cancelled, everything is rolled back and
        ``Cancelled`` is raised.
        """
        hashes = [nfc_sha256(d.text) for d in drafts]  # NFC: NFC and NFD copies are one
        with self._db.transaction() as session:
            known = repo.existing_nfc_hashes(session, hashes)
            latest = repo.latest_by_url(session, {d.url for d in drafts if d.url})
            rows: list[dict[str, object]] = []
            titles: list[tuple[str, str]] = []
            duplicates: list[tuple[str, str]] = []
            seen: set[str] = set()
            for draft, digest in zip(drafts, hashes, strict=True):
                label = draft.source_name or draft.title
                if digest in known:
                    duplicates.append((label, "the same text is already stored"))
                    continue
                if digest in seen:
                    duplicates.append((label, "the same text came earlier in this import"))
                    continue
                seen.add(digest)
                titles.append((label, draft.title))
                rows.append(
                    {
                        "title": draft.title[:500],
                        "outlet": draft.outlet,
                        "url": draft.url,
                        "published": draft.published,
                        "text": draft.text,
                        "sha256": text_sha256(draft.text),
                        "nfc_sha256": digest,
                        "source_name": draft.source_name,
                        "replaces_id": latest.get(draft.url) if draft.url else None,
                    }
                )
            if not rows:
                if cancel is not None:
                    cancel.commit_or_raise()
                return BatchAdded(None, (), (), tuple(duplicates), (), Changes())
            batch = BatchRow(name=name, imported=datetime.now(UTC))
            session.add(batch)
            session.flush()
            ids: list[int] = []
            for start in range(0, len(rows), INSERT_CHUNK):
                if cancel is not None:
                    cancel.check()
                chunk = rows[start : start + INSERT_CHUNK]
                for row in chunk:
                    row["batch_id"] = batch.id
                ids.extend(repo.insert_articles(session, chunk))
            versions = tuple(
                (new_id, int(row["replaces_id"]))  # type: ignore[call-overload]
                for new_id, row in zip(ids, rows, strict=True)
                if row["replaces_id"] is not None
            )
            if cancel is not None:
                cancel.commit_or_raise()  # the point of no return: the commit below
            return BatchAdded(
                batch=repo.to_batch(batch),
                article_ids=tuple(ids),
                titles=tuple(titles),
                duplicates=tuple(duplicates),
                versions=versions,
                changes=Changes(library=True),
            )
