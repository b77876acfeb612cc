"""Carrying annotations over from an article's older version to its new one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from factcheck_gui.domain.anchoring import Anchor, Placement, QuoteSelector, place
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import NotFound, UserError
from factcheck_gui.domain.model import Annotation
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow


@dataclass(frozen=True)
class CarryOver:
    new_article: int
    old_article: int
    kept: int  # found at the same offsets
    moved: int  # found again elsewhere, word for word
    orphaned: int  # not found: copied as orphans, listed for review
    changes: Changes
    changed: int = 0  # found again where its words changed: marked for the reviewer

    def summary(self) -> str:
        total = self.kept + self.moved + self.changed + self.orphaned
        return (
            f"Carried {total} annotation{'s' * (total != 1)} from article {self.old_article} "
            f"to {self.new_article}: {self.kept} in place, {self.moved} re-anchored, "
            f"{self.changed} with changed text (check their verdicts), {self.orphaned} orphaned."
        )


def carry_over(db: Database, new_article_id: int) -> CarryOver:
    """Copy the annotations of the version ``new_article_id`` replaces, re-anchored on its text.

    The copies get new ids (the old version keeps its own annotations); links between
    attributions and their targets are copied too.
    """
    counts = dict.fromkeys(Anchor, 0)
    now = datetime.now(UTC)
    with db.transaction() as session:
        new = session.get(ArticleRow, new_article_id)
        if new is None:
            raise NotFound(f"there is no article {new_article_id}")
        if new.replaces_id is None:
            raise UserError(f"article {new_article_id} does not replace an older version")
        old_id = new.replaces_id
        copies: dict[str, str] = {}
        originals = repo.annotations_of(session, old_id)
        for a in originals:
            spot = place(new.text, QuoteSelector(a.quote, a.prefix, a.suffix), a.start, a.end)
            counts[spot.anchor] += 1
            copies[a.id] = str(uuid.uuid4())
            copy = replace(
                a,
                id=copies[a.id],
                article_id=new_article_id,
                start=spot.start,
                end=spot.end,
                quote=spot.selector.exact,
                prefix=spot.selector.prefix,
                suffix=spot.selector.suffix,
                modified=now,
                target_id=None,
                orphaned=spot.orphaned,
                changed_from=changed_from(a, spot),
            )
            session.add(repo.annotation_row(session, copy))
        session.flush()
        for a in originals:
            if a.target_id in copies:
                row = session.get(AnnotationRow, copies[a.id])
                assert row is not None
                row.target_id = copies[a.target_id]
                session.add(row)
    return CarryOver(
        new_article=new_article_id,
        old_article=old_id,
        kept=counts[Anchor.KEPT],
        moved=counts[Anchor.MOVED],
        orphaned=counts[Anchor.ORPHANED],
        changed=counts[Anchor.CHANGED],
        changes=Changes(
            articles=frozenset({new_article_id}), added=frozenset(copies.values()), library=True
        ),
    )


def changed_from(annotation: Annotation, spot: Placement) -> str | None:
    """The quote a verdict was given on, once a placement changed its words; an older mark
    stays until the reviewer sets a verdict again."""
    if spot.anchor is Anchor.CHANGED:
        return annotation.changed_from or annotation.quote
    return annotation.changed_from
