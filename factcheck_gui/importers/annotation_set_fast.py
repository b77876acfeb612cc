"""The native reader's fast path: an annotation record exactly as our exporter writes it, read
without ceremony (a large set is mostly such records, and a merge of 100,000 reads them all).
Anything else gives None, and ``annotation_set._checked`` reads it field by field, or refuses
it naming what is wrong; this accepts only what that reads the same way."""

from __future__ import annotations

import math
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from factcheck_gui.domain.model import Kind, Verdict
from factcheck_gui.domain.review_urls import clean_url
from factcheck_gui.importers.ids import CANONICAL
from factcheck_gui.importers.set_model import SetAnnotation, SetFigure

KINDS = {k.value: k for k in Kind}
VERDICTS = {v.value: v for v in Verdict}
_EXPORTED = itemgetter(
    "id", "article", "start", "end", "quote", "prefix", "suffix", "kind", "verdict", "note",
    "reviewer", "created", "modified", "orphaned",
)  # fmt: skip


def _text_or_none(value: object) -> bool:
    return value is None or type(value) is str


def well_formed(r: dict[str, Any], articles: set[int], *, publishing: bool) -> SetAnnotation | None:
    """The annotation of a record as our exporter writes it; None for anything else (see
    the module's docstring)."""
    # The keys our exporter always writes, in one C call (KeyError: read it the long way).
    (identifier, article, start, end, quote, prefix, suffix, kind_name, verdict_name, note,
     reviewer, created, modified, orphaned) = _EXPORTED(r)  # fmt: skip
    if type(article) is not int or type(start) is not int or type(end) is not int:
        return None
    if article not in articles or start < 0 or end <= start:
        return None
    if type(identifier) is not str or not CANONICAL.fullmatch(identifier):
        return None
    get = r.get
    target, speaker, changed_from = get("target"), get("speaker"), get("changed_from")
    if target == "":
        target = None
    elif target is not None and (type(target) is not str or not CANONICAL.fullmatch(target)):
        return None
    kind, verdict = KINDS.get(kind_name), VERDICTS.get(verdict_name)
    if (
        kind is None
        or verdict is None
        or type(quote) is not str
        or type(prefix) is not str
        or type(suffix) is not str
        or type(note) is not str
        or type(reviewer) is not str
        or not (_text_or_none(speaker) and _text_or_none(changed_from))
        or type(orphaned) is not bool
        or type(created) is not str
        or type(modified) is not str
    ):
        return None
    created, modified = datetime.fromisoformat(created), datetime.fromisoformat(modified)
    if created.utcoffset() is None or modified.utcoffset() is None:
        return None
    rationale = review_url = None
    if publishing:
        rationale, review_url = get("rationale", ""), get("review_url")
        if type(rationale) is not str or not _text_or_none(review_url):
            return None
        if review_url is not None and clean_url(review_url, "it") != review_url:
            return None  # not as we write it: read (or refused) the long way
    figure = get("figure")
    return SetAnnotation(
        id=identifier,
        article=article,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        kind=kind,
        verdict=verdict,
        note=note,
        reviewer=reviewer,
        created=created,
        modified=modified,
        speaker=speaker,
        target=target,
        orphaned=orphaned,
        figure=None if figure is None else _figure(figure),
        changed_from=changed_from,
        rationale=rationale,
        review_url=review_url,
        publishing=publishing,
    )


def _figure(r: Any) -> SetFigure:
    """``_figure`` for a figure as we write it; ValueError for anything else."""
    if type(r) is not dict:
        raise ValueError("not an object")
    get = r.get
    value, low, high = (
        _plain_number(get("value")),
        _plain_number(get("low")),
        _plain_number(get("high")),
    )
    unit, hedge, measure, as_of = get("unit"), get("hedge"), get("measure"), get("as_of")
    vague = get("vague", False)
    if type(vague) is not bool or not all(
        x is None or type(x) is str for x in (unit, hedge, measure, as_of)
    ):
        raise ValueError("not as we write it")
    when = date.fromisoformat(as_of) if as_of else None
    return SetFigure(value, unit, hedge, low, high, vague, measure, when)


def _plain_number(x: object) -> float | None:
    if x is None:
        return None
    if type(x) is float and math.isfinite(x):
        return x
    if type(x) is int and -(2**53) <= x <= 2**53:
        return float(x)
    raise ValueError("not a plain number")
