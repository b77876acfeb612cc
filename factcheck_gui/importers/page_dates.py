"""A web page's publication date, as the page itself declares it.

trafilatura's date finder (htmldate) completes what it cannot read: a declared
``2023-02-30`` comes back as 1 February, and with no declared date it searches the text and
the URL for one, where a copyright year or a photo's date may stand. A fact-checker must
not see such a guess stored as the article's date. So the date comes from what the page
declares for machines, in this order:

1. JSON-LD ``datePublished`` (schema.org, what most news sites write for search engines);
2. ``<meta>`` publication tags: ``article:published_time`` (Open Graph), ``datePublished``
   (microdata ``itemprop``), ``pubdate``, ``publishdate``, ``date``, ``dc.date``,
   ``dc.date.issued``, ``dcterms.created``, ``sailthru.date``, ``parsely-pub-date``;
3. a ``<time>`` element marked ``pubdate`` or ``itemprop=datePublished``.

The first one found is read by ``importers.dates.parse_date`` (the same rules as every other
import), and checked against the second: when they name days one apart and just one is
written in UTC, they are one instant and the day in the outlet's own time is kept. A
declared date that cannot be read, or two that disagree otherwise, leave the article
undated with a warning. Only when the page declares nothing is trafilatura's date used, and
the report says it was found in the page's text, for the reviewer to check.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from factcheck_gui.importers.dates import parse_date
from factcheck_gui.importers.errors import ImportProblem

_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
)


def declared_dates(tree: Any) -> list[str]:
    """The publication dates ``tree`` (an lxml HTML tree) declares, in order of trust."""
    found = list(_json_ld(tree))
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if name in _META and content and name not in metas:
            metas[name] = content
    found += [metas[name] for name in _META if name in metas]
    for time in tree.iter("time"):
        if time.get("pubdate") is not None or (time.get("itemprop") or "") == "datePublished":
            written = (time.get("datetime") or time.text_content() or "").strip()
            if written:
                found.append(written)
    return found


def _json_ld(tree: Any) -> Iterator[str]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "")
        except (ValueError, RecursionError):
            continue  # a page's broken JSON-LD is no reason to refuse it
        yield from _date_published(data, depth=0)


def _date_published(data: object, depth: int) -> Iterator[str]:
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data:
            yield from _date_published(item, depth + 1)
    elif isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str) and value.strip():
            yield value.strip()
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _date_published(data[key], depth + 1)


def publication_date(tree: Any | None, extracted: str | None) -> tuple[date | None, list[str]]:
    """The page's date and the warnings for the report: from what it declares, else from
    trafilatura's search of its text (``extracted``), flagged."""
    declared = declared_dates(tree) if tree is not None else []
    if not declared:
        if not extracted:
            return None, []
        try:
            day = parse_date(extracted)
        except ImportProblem as problem:
            return None, [f"{problem}; stored without a date"]
        return day, [
            f"the page declares no publication date; {day.isoformat()} was found in its "
            "text: check it"
        ]
    read: list[tuple[date, str]] = []
    for written in declared:
        try:
            read.append((parse_date(written), written))
        except ImportProblem as problem:
            if not read:  # the most trusted declaration is unreadable
                return None, [f"the page's publication date: {problem}; stored without a date"]
    if len(read) < 2 or read[0][0] == read[1][0]:
        return read[0][0], []
    (first, first_written), (second, second_written) = read[:2]
    if abs((first - second).days) == 1 and _in_utc(first_written) != _in_utc(second_written):
        # one instant in two zones (00:30 UTC is 16:30 the day before in California): the
        # day readers saw is the one written in the outlet's own time
        return (second if _in_utc(first_written) else first), []
    return None, [
        f"the page declares two publication dates ({first}, {second}); stored without a "
        "date: set it by hand"
    ]


def _in_utc(written: str) -> bool:
    """A timestamp written in UTC, whose day may not be the outlet's own."""
    tail = written.strip().upper()
    return "T" in tail and (tail.endswith("Z") or tail.endswith(("+00:00", "+0000")))
