"""Merging a colleague's annotation set into this database, in one transaction.

Articles are matched by the SHA-256 of their text (or added when new and the file carries
their text). Annotations are matched by UUID: a newer one replaces ours, an older one is
left alone, a new one is added, so two reviewers' annotations sit side by side. Each is
anchored by its quote and context; one whose quote cannot be found is kept as orphaned.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from factcheck_gui.domain.anchoring import Anchor, QuoteSelector, place
from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import Cancelled, UserError
from factcheck_gui.domain.model import FIGURE_FIELDS, Annotation
from factcheck_gui.domain.outcome import Section, ordered
from factcheck_gui.domain.wording import count, number
from factcheck_gui.importers.annotation_set import (
    AnnotationSet,
    SetAnnotation,
    SetArticle,
    read_annotation_set,
)
from factcheck_gui.importers.decode import decode
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.services.library import text_sha256
from factcheck_gui.services.merge_rules import (
    apply_tombstones,
    clamp_future,
    moved_elsewhere,
    relink_same_versions,
)
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow, BatchRow


@dataclass
class MergeReport:
    source: str
    articles_matched: int = 0
    articles_added: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # ours is as new or newer
    reanchored: int = 0
    orphaned: list[tuple[str, str]] = field(default_factory=list)  # (id, quote)
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, old, new quote)
    deleted: int = 0  # deleted here because the colleague deleted them
    clamped: list[str] = field(default_factory=list)  # times in the future, and as what
    failed: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> str:
        if self.cancelled:
            return f"{self.source}: import cancelled; nothing was stored."
        return (
            f"{self.source}: {self.added} added, {self.updated} updated, "
            f"{self.reanchored} re-anchored, {len(self.orphaned)} orphaned, "
            f"{self.unchanged} unchanged; articles: {self.articles_matched} matched, "
            f"{self.articles_added} added." + (f" {self.deleted} deleted." if self.deleted else "")
        )

    def lines(self) -> list[str]:
        """The summary, then what failed, was orphaned, changed or clamped (and why)."""
        out = [self.summary()]
        if self.cancelled:
            return out
        out += [f"  failed    {what}: {why}" for what, why in self.failed]
        out += [
            f"  orphaned  {i}: “{_short(q)}” not found; listed for review" for i, q in self.orphaned
        ]
        out += [
            f"  text changed  {i}: “{_short(old)}” → “{_short(new)}”; check its verdict"
            for i, old, new in self.changed
        ]
        out += [f"  clamped   {note}" for note in self.clamped]
        return out

    def sections(self) -> tuple[Section, ...]:
        """The report for the window: problems with their reasons first, then what merged."""
        if self.cancelled:
            return ()
        orphans, changed = len(self.orphaned), len(self.changed)
        merged = [
            f"{count(self.added, 'annotation')} added, {self.updated} updated "
            f"({self.reanchored} re-anchored), {self.unchanged} unchanged (ours as new or newer)",
            f"{count(self.articles_matched, 'article')} matched by text, "
            f"{self.articles_added} added",
        ]
        if self.deleted:
            merged.append(f"{count(self.deleted, 'annotation')} deleted, as the colleague had")
        return ordered(
            [
                Section(
                    f"{len(self.failed)} could not be merged",
                    tuple(f"{what}: {why}" for what, why in self.failed),
                    problem=True,
                ),
                Section(
                    f"{count(orphans, 'annotation')} orphaned: {number(orphans, 'its', 'their')} "
                    "quote is not in the text (kept, listed for review)",
                    tuple(f"{i}: “{_short(q)}” not found" for i, q in self.orphaned),
                    problem=True,
                ),
                Section(
                    f"{count(changed, 'annotation')} on changed text: check "
                    f"{number(changed, 'its verdict', 'their verdicts')}",
                    tuple(f"{i}: “{_short(o)}” → “{_short(n)}”" for i, o, n in self.changed),
                    problem=True,
                ),
                Section(
                    f"{count(len(self.clamped), 'time')} in the future, moved back",
                    tuple(self.clamped),
                    problem=True,
                ),
                Section(f"Merged from {self.source}", tuple(merged)),
            ]
        )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def merge_file(
    db: Database, path: Path, *, cancel: CancelToken | None = None, backup: bool = True
) -> MergeReport:
    """Merge the set in ``path``; the database is backed up first (``backup``) once the file
    has been read, so a colleague's set can always be taken back out."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        annotation_set = read_annotation_set(decode(data))
    except ImportProblem as problem:
        raise UserError(f"{path}: {problem}; nothing was imported") from None
    if backup:
        db.backup("before-merge")
    return merge(db, annotation_set, source=path.name, cancel=cancel)


def merge(
    db: Database, data: AnnotationSet, *, source: str, cancel: CancelToken | None = None
) -> MergeReport:
    """Merge ``data`` in one transaction; ``cancel`` is checked between annotations and
    committed to right before the commit, so a cancelled merge stores nothing."""
    token = cancel if cancel is not None else CancelToken()
    try:
        return _merge(db, data, source, token)
    except Cancelled:
        return MergeReport(source, cancelled=True)


def _merge(db: Database, data: AnnotationSet, source: str, token: CancelToken) -> MergeReport:
    report = MergeReport(source)
    touched: set[int] = set()
    added: set[str] = set()
    updated: set[str] = set()
    data, report.clamped = clamp_future(data, datetime.now(UTC))
    with db.transaction() as session:
        token.check()
        texts = _resolve_articles(session, data.articles, source, report)
        ids = [a.id for a in data.annotations]
        heads = repo.annotation_heads(session, ids)
        buried = {t.id: t.deleted for t in repo.tombstones(session, ids=ids)}
        placed: dict[str, SetAnnotation] = {}
        for incoming in data.annotations:
            token.check()
            target = texts.get(incoming.article)
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
            outcome = _merge_one(session, incoming, article_id, text, report)
            if outcome is not None:
                placed[incoming.id] = incoming
                touched.add(article_id)
                (added if outcome == "added" else updated).add(incoming.id)
        repo.unbury(session, [i for i in placed if i in buried])  # edited after the deletion
        session.flush()
        for incoming in placed.values():  # links last: their targets may come later in the file
            row = session.get(AnnotationRow, incoming.id)
            if row is not None:
                wanted = incoming.target if incoming.kind.value == "attribution" else None
                if wanted and session.get(AnnotationRow, wanted) is None:
                    wanted = None
                row.target_id = wanted
                session.add(row)
        relink_same_versions(session, data.annotations, heads, set(placed))
        hashes = {a.file_id: a.sha256 for a in data.articles}
        burial = apply_tombstones(session, data.tombstones, hashes)
        report.deleted, report.unchanged = len(burial.removed), report.unchanged + burial.outlived
        session.flush()  # every statement has run: only the commit is left
        token.commit_or_raise()
    report.changes = Changes(
        articles=frozenset(touched | burial.articles),
        added=frozenset(added - burial.removed),
        updated=frozenset((updated | burial.unlinked) - burial.removed),
        removed=frozenset(burial.removed),
        library=report.articles_added > 0,
    )
    return report


def _resolve_articles(
    session: Session, articles: list[SetArticle], source: str, report: MergeReport
) -> dict[int, tuple[int, str]]:
    """File article id -> (database id, text); adds the new ones into one batch."""
    stored = repo.ids_by_hash(session, [a.sha256 for a in articles])
    resolved: dict[int, tuple[int, str]] = {}
    batch_id = 0  # made when the first new article needs it
    for article in articles:
        if article.sha256 in stored:
            article_id = stored[article.sha256]
            row = session.get(ArticleRow, article_id)
            assert row is not None
            resolved[article.file_id] = (article_id, row.text)
            report.articles_matched += 1
            continue
        if article.text is None:
            report.failed.append(
                (
                    f"article “{_short(article.title)}”",
                    "not in this database and the file carries no text (exported with --no-text)",
                )
            )
            continue
        if text_sha256(article.text) != article.sha256:
            report.failed.append(
                (f"article “{_short(article.title)}”", "its text does not match its sha256")
            )
            continue
        if not batch_id:
            batch = BatchRow(name=f"Annotation set: {source}", imported=datetime.now(UTC))
            session.add(batch)
            session.flush()
            assert batch.id is not None
            batch_id = batch.id
        row = ArticleRow(
            batch_id=batch_id,
            title=article.title,
            outlet=article.outlet,
            url=article.url,
            published=article.published,
            text=article.text,
            sha256=article.sha256,
            source_name=source,
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        stored[article.sha256] = row.id
        resolved[article.file_id] = (row.id, article.text)
        report.articles_added += 1
    return resolved


def _kept_fields(incoming: SetAnnotation, ours: Annotation | None) -> dict[str, Any]:
    """The figure and publishing fields to store: the file's (they match Annotation's
    names), else ours, so a file that predates them (version 1 for figures, 1-3 for the
    public rationale) never wipes what we have."""
    fields: dict[str, Any] = {}
    if incoming.figure is not None:
        fields |= asdict(incoming.figure)
    elif ours is not None:
        fields |= {name: getattr(ours, name) for name in FIGURE_FIELDS}
    if incoming.publishing:
        fields |= {"rationale": incoming.rationale or "", "review_url": incoming.review_url}
    elif ours is not None:
        fields |= {"rationale": ours.rationale, "review_url": ours.review_url}
    return fields


def _merge_one(
    session: Session, incoming: SetAnnotation, article_id: int, text: str, report: MergeReport
) -> str | None:
    """Add or update one annotation: "added", "updated", or None when ours is as new."""
    existing = session.get(AnnotationRow, incoming.id)
    if existing is not None and existing.modified >= incoming.modified:
        report.unchanged += 1
        return None
    selector = QuoteSelector(incoming.quote, incoming.prefix, incoming.suffix)
    spot = place(text, selector, incoming.start, incoming.end)
    if spot.anchor in (Anchor.MOVED, Anchor.CHANGED):
        report.reanchored += 1
    elif spot.anchor is Anchor.ORPHANED and not incoming.orphaned:
        report.orphaned.append((incoming.id, incoming.quote))
    changed_from = incoming.changed_from
    if spot.anchor is Anchor.CHANGED:
        changed_from = changed_from or incoming.quote
        report.changed.append((incoming.id, incoming.quote, spot.selector.exact))
    annotation = Annotation(
        id=incoming.id,
        article_id=article_id,
        start=spot.start,
        end=spot.end,
        quote=spot.selector.exact,
        prefix=spot.selector.prefix,
        suffix=spot.selector.suffix,
        kind=incoming.kind,
        verdict=incoming.verdict,
        note=incoming.note,
        reviewer=incoming.reviewer,
        created=incoming.created,
        modified=incoming.modified,
        speaker=incoming.speaker,
        target_id=None,  # linked once every annotation of the set is in
        orphaned=spot.orphaned,
        changed_from=changed_from,
        **_kept_fields(incoming, repo.get_annotation(session, incoming.id) if existing else None),
    )
    session.merge(repo.annotation_row(session, annotation))  # inserts, or updates ours in place
    if existing is None:
        report.added += 1
        return "added"
    report.updated += 1
    return "updated"
