"""Merging a colleague's annotation set into this database, in one transaction.

The file may be our native JSON, W3C Web Annotation (ours or another tool's) or our CSV
table, told apart by content (``importers/sets``). Native articles are matched by the
SHA-256 of their text (or added when new and the file carries their text); the others name
stored articles, found in ``foreign_sets``, and what cannot be placed there is left out and
reported. Annotations are matched by UUID: a newer one replaces ours, an older one is left
alone, a new one is added, so two reviewers' annotations sit side by side. Each is anchored
by its quote and context; a native one whose quote cannot be found is kept as orphaned.

A merge reads what it needs in a few queries (stored ids, articles, measures), decides in
memory and writes with one ``executemany`` per kind of change, so its time grows with the
size of the file, not with queries per annotation.
"""

from __future__ import annotations

from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from sqlmodel import Session

from factcheck_gui.domain.anchoring import Anchor, Placement, QuoteSelector, place
from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import Cancelled, UserError
from factcheck_gui.domain.model import FIGURE_FIELDS, Kind
from factcheck_gui.importers.decode import decode
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.foreign_set import ForeignSet
from factcheck_gui.importers.set_model import AnnotationSet, SetAnnotation, SetArticle
from factcheck_gui.importers.sets import read_set
from factcheck_gui.services.foreign_sets import resolve
from factcheck_gui.services.library import text_sha256
from factcheck_gui.services.merge_report import MergeReport, short
from factcheck_gui.services.merge_rules import (
    Burial,
    apply_tombstones,
    clamp_future,
    moved_elsewhere,
    relink_same_versions,
)
from factcheck_gui.storage import bulk
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import BatchRow

CHECK_EVERY = 1000  # annotations between two looks at the cancel token
_FIGURE_NAMES = sorted(FIGURE_FIELDS)  # SetFigure's fields are Annotation's figure fields
_figure_values = attrgetter(*_FIGURE_NAMES)
_NO_FIGURE = {name: False if name == "vague" else None for name in FIGURE_FIELDS}


def merge_file(
    db: Database, path: Path, *, cancel: CancelToken | None = None, backup: bool = True
) -> MergeReport:
    """Merge the set in ``path`` (any format ``read_set`` knows); the database is backed up
    first (``backup``) once the file has been read, so a colleague's set can always be taken
    back out."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        annotation_set = read_set(decode(data))
    except ImportProblem as problem:
        raise UserError(f"{path}: {problem}; nothing was imported") from None
    if backup:
        db.backup("before-merge")
    return merge(db, annotation_set, source=path.name, cancel=cancel)


def merge(
    db: Database,
    data: AnnotationSet | ForeignSet,
    *,
    source: str,
    cancel: CancelToken | None = None,
) -> MergeReport:
    """Merge ``data`` in one transaction; ``cancel`` is checked between annotations and
    committed to right before the commit, so a cancelled merge stores nothing."""
    token = cancel if cancel is not None else CancelToken()
    try:
        return _merge(db, data, source, token)
    except Cancelled:
        return MergeReport(source, cancelled=True)


def _merge(
    db: Database, data: AnnotationSet | ForeignSet, source: str, token: CancelToken
) -> MergeReport:
    report = MergeReport(source)
    with db.transaction() as session:
        token.check()
        texts: dict[int, tuple[int, str]] | None = None
        if isinstance(data, ForeignSet):
            report.notes = list(data.notes)
            data, report.left_out = resolve(session, data, token.check)
            stored = bulk.article_texts(session, [a.file_id for a in data.articles])
            texts = {i: (i, text) for i, (text, _title, _sha) in stored.items()}
            report.articles_matched = len(texts)
        data, report.clamped = clamp_future(data, datetime.now(UTC))
        if texts is None:
            texts = _resolve_articles(session, data.articles, source, report)
        merged = _Merge(session, data, texts, report, token)
        merged.run()
        session.flush()  # every statement has run: only the commit is left
        token.commit_or_raise()
    report.changes = merged.changes()
    return report


class _Merge:
    """One merge's decisions, made in memory from a few bulk reads, then written."""

    def __init__(
        self,
        session: Session,
        data: AnnotationSet,
        texts: dict[int, tuple[int, str]],
        report: MergeReport,
        token: CancelToken,
    ) -> None:
        self.session, self.data, self.texts = session, data, texts
        self.report, self.token = report, token
        self.added: list[bulk.Fields] = []
        self.updated: list[bulk.Fields] = []
        self.touched: set[int] = set()
        self.burial = Burial()

    def run(self) -> None:
        session, data, report = self.session, self.data, self.report
        ids = [a.id for a in data.annotations]
        heads = bulk.heads(session, ids)
        buried = bulk.deletions(session, ids)
        chosen: list[tuple[SetAnnotation, int, Placement, bool]] = []
        for n, incoming in enumerate(data.annotations):
            if not n % CHECK_EVERY:
                self.token.check()
            target = self.texts.get(incoming.article)
            if target is None:
                report.failed.append(
                    (f"annotation {incoming.id}", "its article could not be stored")
                )
                continue
            article_id, text = target
            refusal = moved_elsewhere(heads, incoming.id, article_id)
            if refusal:
                report.failed.append((f"annotation {incoming.id}", refusal))
                continue
            if incoming.id in buried and buried[incoming.id] >= incoming.modified:
                report.unchanged += 1  # deleted here after that edit
                continue
            head = heads.get(incoming.id)
            if head is not None and head.modified >= incoming.modified:
                report.unchanged += 1
                continue
            chosen.append((incoming, article_id, self._place(incoming, text), head is not None))
        self.token.check()
        ours = bulk.figure_fields(
            session, [a.id for a, _, _, known in chosen if known and a.figure is None]
        )
        kept = bulk.publishing_fields(
            session, [a.id for a, _, _, known in chosen if known and not a.publishing]
        )
        placed = {a.id for a, _, _, _ in chosen}
        links = self._links(chosen, heads, placed)
        for incoming, article_id, spot, known in chosen:
            annotation = self._annotation(incoming, article_id, spot, links, ours, kept)
            (self.updated if known else self.added).append(annotation)
            self.touched.add(article_id)
        report.added, report.updated = len(self.added), len(self.updated)
        self.token.check()
        bulk.write_annotations(session, self.added, self.updated)
        repo.unbury(session, [i for i in placed if i in buried])  # edited after the deletion
        relink_same_versions(session, data.annotations, heads, placed)
        hashes = {a.file_id: a.sha256 for a in data.articles}
        self.burial = apply_tombstones(session, data.tombstones, hashes)
        report.deleted = len(self.burial.removed)
        report.unchanged += self.burial.outlived

    def _place(self, incoming: SetAnnotation, text: str) -> Placement:
        selector = QuoteSelector(incoming.quote, incoming.prefix, incoming.suffix)
        spot = place(text, selector, incoming.start, incoming.end)
        if spot.anchor in (Anchor.MOVED, Anchor.CHANGED):
            self.report.reanchored += 1
        elif spot.anchor is Anchor.ORPHANED and not incoming.orphaned:
            self.report.orphaned.append((incoming.id, incoming.quote))
        if spot.anchor is Anchor.CHANGED:
            self.report.changed.append((incoming.id, incoming.quote, spot.selector.exact))
        return spot

    def _links(
        self,
        chosen: list[tuple[SetAnnotation, int, Placement, bool]],
        heads: dict[str, repo.Head],
        placed: set[str],
    ) -> dict[str, str]:
        """Attribution -> the annotation it attributes, where that one is here after the
        merge (in the file or stored before); a link to nothing is dropped."""
        wanted = {
            a.id: a.target for a, _, _, _ in chosen if a.target and a.kind is Kind.ATTRIBUTION
        }
        known = placed | set(heads)
        known |= bulk.existing_ids(self.session, {t for t in wanted.values() if t not in known})
        return {source: target for source, target in wanted.items() if target in known}

    def _annotation(
        self,
        incoming: SetAnnotation,
        article_id: int,
        spot: Placement,
        links: dict[str, str],
        ours: dict[str, dict[str, Any]],
        kept: dict[str, dict[str, Any]],
    ) -> bulk.Fields:
        """The annotation to store, as the dict of ``Annotation``'s fields that
        ``bulk.write_annotations`` takes (a dataclass apiece costs more than the write)."""
        changed_from = incoming.changed_from
        if spot.anchor is Anchor.CHANGED:
            changed_from = changed_from or incoming.quote
        selector = spot.selector
        return (
            {
                "id": incoming.id,
                "article_id": article_id,
                "start": spot.start,
                "end": spot.end,
                "quote": selector.exact,
                "prefix": selector.prefix,
                "suffix": selector.suffix,
                "kind": incoming.kind,
                "verdict": incoming.verdict,
                "note": incoming.note,
                "reviewer": incoming.reviewer,
                "created": incoming.created,
                "modified": incoming.modified,
                "speaker": incoming.speaker,
                "target_id": links.get(incoming.id),
                "orphaned": spot.orphaned,
                "changed_from": changed_from,
            }
            | _figure_fields(incoming, ours.get(incoming.id))
            | _publishing_fields(incoming, kept.get(incoming.id))
        )

    def changes(self) -> Changes:
        burial = self.burial
        return Changes(
            articles=frozenset(self.touched | burial.articles),
            added=frozenset({a["id"] for a in self.added} - burial.removed),
            updated=frozenset(({a["id"] for a in self.updated} | burial.unlinked) - burial.removed),
            removed=frozenset(burial.removed),
            library=self.report.articles_added > 0,
        )


def _figure_fields(incoming: SetAnnotation, ours: dict[str, Any] | None) -> dict[str, Any]:
    """The figure fields to store: the file's (they match Annotation's names), else ours,
    so a version-1 file, which predates figures, never wipes a figure we have."""
    if incoming.figure is not None:
        return dict(zip(_FIGURE_NAMES, _figure_values(incoming.figure), strict=True))
    return ours or _NO_FIGURE


def _publishing_fields(incoming: SetAnnotation, ours: dict[str, Any] | None) -> dict[str, Any]:
    """The public rationale and review URL to store: the file's, else ours, so a file that
    predates them (versions 1-3, W3C, CSV) never wipes what we have."""
    if incoming.publishing:
        return {"rationale": incoming.rationale or "", "review_url": incoming.review_url}
    return ours or _NO_PUBLISHING


_NO_PUBLISHING: dict[str, Any] = {"rationale": "", "review_url": None}


def _resolve_articles(
    session: Session, articles: list[SetArticle], source: str, report: MergeReport
) -> dict[int, tuple[int, str]]:
    """File article id -> (database id, text); adds the new ones into one batch."""
    stored = repo.ids_by_hash(session, [a.sha256 for a in articles])
    texts = bulk.article_texts(session, stored.values())
    resolved: dict[int, tuple[int, str]] = {}
    new: list[SetArticle] = []
    for article in articles:
        if article.sha256 in stored:
            resolved[article.file_id] = (stored[article.sha256], texts[stored[article.sha256]][0])
            report.articles_matched += 1
        elif article.text is None:
            report.failed.append(
                (
                    f"article “{short(article.title)}”",
                    "not in this database and the file carries no text (exported with --no-text)",
                )
            )
        elif text_sha256(article.text) != article.sha256:
            report.failed.append(
                (f"article “{short(article.title)}”", "its text does not match its sha256")
            )
        else:
            new.append(article)
    if not new:
        return resolved
    batch = BatchRow(name=f"Annotation set: {source}", imported=datetime.now(UTC))
    session.add(batch)
    session.flush()
    rows: dict[str, dict[str, object]] = {}  # by text: the same text twice is stored once
    for article in new:
        rows.setdefault(
            article.sha256,
            {
                "batch_id": batch.id,
                "title": article.title,
                "outlet": article.outlet,
                "url": article.url,
                "published": article.published,
                "text": article.text,
                "sha256": article.sha256,
                "source_name": source,
            },
        )
    ids = dict(zip(rows, repo.insert_articles(session, list(rows.values())), strict=True))
    for article in new:
        assert article.text is not None
        resolved[article.file_id] = (ids[article.sha256], article.text)
    report.articles_added += len(rows)
    return resolved
