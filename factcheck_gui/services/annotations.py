"""Tagging spans and editing their verdicts and notes; the store behind undo commands."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session

from factcheck_gui.domain.anchoring import check_span, select_quote, tidy_span
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.commands import Removal
from factcheck_gui.domain.errors import NotFound, UserError
from factcheck_gui.domain.figure_words import HEDGES
from factcheck_gui.domain.figures import format_number, parse_figure
from factcheck_gui.domain.intervals import implied_step, interval
from factcheck_gui.domain.model import (
    EDITABLE_FIELDS,
    Annotation,
    Kind,
    NewAnnotation,
    Tombstone,
    Verdict,
)
from factcheck_gui.domain.review_urls import clean_url
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage.database import Database
from factcheck_gui.storage.tables import AnnotationRow, ArticleRow

TARGET_KINDS = (Kind.CLAIM, Kind.FIGURE)


class AnnotationService:
    """Implements ``domain.commands.AnnotationStore``; every call is one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def for_article(self, article_id: int) -> list[Annotation]:
        with self._db.transaction() as session:
            return repo.annotations_of(session, article_id)

    def get_annotation(self, annotation_id: str) -> Annotation:
        with self._db.transaction() as session:
            return _current(session, annotation_id)

    def among(self, ids: Iterable[str], article_ids: Iterable[int]) -> dict[str, Annotation]:
        """Those of ``ids`` that are now annotations of one of ``article_ids``: what a view of
        those articles shows of a change (an id left out is gone from them)."""
        with self._db.transaction() as session:
            return repo.annotations_among(session, ids, article_ids)

    def create(self, new: NewAnnotation) -> tuple[Annotation, Changes]:
        """Tag [start, end) of an article: trimmed of white space and punctuation at either
        end, and widened to whole numbers where a drag stopped inside one."""
        now = datetime.now(UTC)
        with self._db.transaction() as session:
            article = session.get(ArticleRow, new.article_id)
            if article is None:
                raise NotFound(f"there is no article {new.article_id}")
            try:
                check_span(article.text, new.start, new.end)
            except ValueError as error:
                raise UserError(f"Cannot tag: {error}.") from None
            start, end = tidy_span(article.text, new.start, new.end)
            quote = select_quote(article.text, start, end)
            annotation = Annotation(
                id=new.id or str(uuid.uuid4()),
                article_id=new.article_id,
                start=start,
                end=end,
                quote=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
                kind=Kind(new.kind),
                verdict=Verdict(new.verdict),
                note=new.note,
                reviewer=new.reviewer,
                created=now,
                modified=now,
                speaker=new.speaker,
                target_id=new.target_id,
            )
            if annotation.kind is Kind.FIGURE:
                annotation = with_parsed_figure(annotation)
            _check_target(session, annotation)
            session.add(repo.annotation_row(session, annotation))
        return annotation, Changes(
            articles=frozenset({annotation.article_id}), added=frozenset({annotation.id})
        )

    def update(
        self,
        annotation_id: str,
        values: Mapping[str, Any],
        *,
        expect: Mapping[str, Any] | None = None,
    ) -> Changes:
        """Set ``values``; with ``expect``, only if the annotation still has those values
        (compare-and-set in the same transaction: undo never overwrites a newer edit)."""
        unknown = set(values) - EDITABLE_FIELDS
        if unknown:
            raise UserError(f"these fields cannot be edited: {', '.join(sorted(unknown))}")
        with self._db.transaction() as session:
            row = _row(session, annotation_id)
            current = _current(session, annotation_id)
            if expect is not None and any(getattr(current, k) != v for k, v in expect.items()):
                raise UserError(
                    f"Cannot undo or redo this edit: “{_short(current.quote)}” was changed "
                    "since (by an import, a merge or another window); its newer values were "
                    "kept. Edit it by hand if needed."
                )
            clean = _clean_values(values)
            edited = replace(current, **clean)
            if "verdict" in clean and "changed_from" not in clean:
                edited = replace(edited, changed_from=None)  # the reviewer has looked again
            if edited.kind is Kind.FIGURE and edited.value is None and "value" not in clean:
                edited = with_parsed_figure(edited)  # just became a figure: read its words
            elif {"value", "hedge"} & clean.keys() and not {"low", "high"} & clean.keys():
                edited = with_interval(edited)  # the interval follows a new value or hedge
            if edited == current:
                return Changes()
            _check_target(session, edited)
            _check_interval(edited)
            edited = replace(edited, modified=datetime.now(UTC))
            fresh = repo.annotation_row(session, edited)
            for name in AnnotationRow.model_fields:
                if name != "id":
                    setattr(row, name, getattr(fresh, name))
            session.add(row)
        return Changes(
            articles=frozenset({current.article_id}),
            updated=frozenset({annotation_id}),
            fields=_changed_fields(current, edited),
        )

    def delete(self, annotation_id: str) -> tuple[Removal, Changes]:
        now = datetime.now(UTC)
        with self._db.transaction() as session:
            row = _row(session, annotation_id)
            annotation = _current(session, annotation_id)
            pointing = repo.attributions_targeting(session, annotation_id)
            for attribution in pointing:  # an edit of theirs too: it travels in merges
                attribution.target_id = None
                attribution.modified = now
                session.add(attribution)
            session.flush()
            session.delete(row)
            article = session.get(ArticleRow, annotation.article_id)
            assert article is not None
            repo.bury(session, [Tombstone(annotation_id, article.sha256, now)])
        unlinked = tuple(a.id for a in pointing)
        return Removal(annotation, unlinked), Changes(
            articles=frozenset({annotation.article_id}),
            removed=frozenset({annotation_id}),
            updated=frozenset(unlinked),
        )

    def restore(self, removal: Removal) -> Changes:
        # newer than its tombstone, which a colleague may already hold
        now = datetime.now(UTC)
        annotation = replace(removal.annotation, modified=now)
        with self._db.transaction() as session:
            if session.get(ArticleRow, annotation.article_id) is None:
                raise NotFound(f"the article of annotation {annotation.id} is gone")
            if annotation.target_id and session.get(AnnotationRow, annotation.target_id) is None:
                annotation = replace(annotation, target_id=None)
            session.add(repo.annotation_row(session, annotation))
            repo.unbury(session, [annotation.id])
            session.flush()
            relinked = []
            for attribution_id in removal.unlinked:
                row = session.get(AnnotationRow, attribution_id)
                if row is not None and row.target_id is None:
                    row.target_id = annotation.id
                    row.modified = now
                    session.add(row)
                    relinked.append(attribution_id)
        return Changes(
            articles=frozenset({annotation.article_id}),
            added=frozenset({annotation.id}),
            updated=frozenset(relinked),
        )


def with_parsed_figure(annotation: Annotation) -> Annotation:
    """Fill a figure's value, unit, hedge and interval from its words and those around it
    (the hedge and currency before, the scale and unit after). Words that hold no number
    give no value: the figure waits for one to be typed, never for a guess."""
    figure = parse_figure(annotation.quote, before=annotation.prefix, after=annotation.suffix)
    if figure is None:
        return replace(annotation, value=None, low=None, high=None, vague=False)
    return replace(
        annotation,
        value=figure.value,
        unit=figure.unit,
        hedge=figure.hedge,
        low=figure.low,
        high=figure.high,
        vague=figure.vague,
    )


def with_interval(annotation: Annotation) -> Annotation:
    """The interval a figure's value and hedge allow, by the rules in ``intervals``."""
    if annotation.value is None:
        return replace(annotation, low=None, high=None, vague=False)
    kind = HEDGES.get((annotation.hedge or "").casefold(), "plain")
    step = implied_step(annotation.value)
    low, high = interval(annotation.value, step, kind, unit=annotation.unit)
    return replace(annotation, low=low, high=high, vague=False)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(name: str, raw: object) -> float:
    """A number typed by a reviewer: "280,000", "1.5", or words the parser reads ("6 million")."""
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip()
    try:
        return float(text.replace(",", "").replace("_", "").replace(" ", ""))
    except ValueError:
        pass
    figure = parse_figure(text)
    if figure is None or figure.value is None or figure.end - figure.start < len(text) // 2:
        raise UserError(f"Cannot edit: {name} should be a number, such as 280,000 or 1.5 million.")
    return figure.value


def _current(session: Session, annotation_id: str) -> Annotation:
    annotation = repo.get_annotation(session, annotation_id)
    if annotation is None:
        raise NotFound(f"there is no annotation {annotation_id}")
    return annotation


def _row(session: Session, annotation_id: str) -> AnnotationRow:
    row = session.get(AnnotationRow, annotation_id)
    if row is None:
        raise NotFound(f"there is no annotation {annotation_id}")
    return row


def _clean_values(values: Mapping[str, Any]) -> dict[str, Any]:
    clean = dict(values)
    try:
        if "kind" in clean:
            clean["kind"] = Kind(clean["kind"])
        if "verdict" in clean:
            clean["verdict"] = Verdict(clean["verdict"])
    except ValueError as error:
        raise UserError(f"Cannot edit: {error}.") from None
    if "note" in clean:
        clean["note"] = str(clean["note"] or "")
    if "rationale" in clean:
        clean["rationale"] = str(clean["rationale"] or "").strip()
    if "review_url" in clean:
        try:
            clean["review_url"] = clean_url(clean["review_url"], "the review URL")
        except ValueError as error:
            raise UserError(f"Cannot edit: {error}.") from None
    if "speaker" in clean:
        clean["speaker"] = (str(clean["speaker"]).strip() or None) if clean["speaker"] else None
    if "target_id" in clean:
        clean["target_id"] = clean["target_id"] or None
    if "changed_from" in clean:
        clean["changed_from"] = str(clean["changed_from"]) if clean["changed_from"] else None
    for name in ("unit", "hedge", "measure"):
        if name in clean:
            clean[name] = " ".join(str(clean[name] or "").split()) or None
    for name in ("value", "low", "high"):
        if name in clean:
            empty = clean[name] is None or str(clean[name]).strip() == ""
            clean[name] = None if empty else _number(name, clean[name])
    if "as_of" in clean and isinstance(clean["as_of"], str):
        try:
            clean["as_of"] = date.fromisoformat(clean["as_of"]) if clean["as_of"] else None
        except ValueError:
            raise UserError("Cannot edit: the as-of date should look like 2023-09-04.") from None
    return clean


def _changed_fields(before: Annotation, after: Annotation) -> frozenset[str]:
    return frozenset(
        name
        for name in Annotation.__dataclass_fields__
        if name != "modified" and getattr(before, name) != getattr(after, name)
    )


def _check_interval(annotation: Annotation) -> None:
    low, high = annotation.low, annotation.high
    if low is not None and high is not None and low > high:
        raise UserError(
            f"Cannot edit: the interval's low end ({format_number(low)}) is above its high end "
            f"({format_number(high)}); swap them or leave one empty for an open end."
        )


def _check_target(session: Session, annotation: Annotation) -> None:
    """An attribution may point at a claim or figure of the same article, never itself."""
    if annotation.target_id is None:
        return
    if annotation.kind is not Kind.ATTRIBUTION:
        raise UserError("Only an attribution can point at a claim or figure.")
    if annotation.target_id == annotation.id:
        raise UserError("An attribution cannot point at itself.")
    target = session.get(AnnotationRow, annotation.target_id)
    if target is None:
        raise UserError("The linked claim or figure no longer exists; pick another.")
    if target.article_id != annotation.article_id:
        raise UserError("An attribution can only point at a claim or figure in its own article.")
    if Kind(target.kind) not in TARGET_KINDS:
        raise UserError("An attribution can point only at a claim or a figure.")
