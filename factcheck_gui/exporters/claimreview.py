"""schema.org ClaimReview (JSON-LD), for fact-check publishing.

One ClaimReview per claim whose verdict is not "unchecked". Orphaned claims (their words
are no longer in the article) are left out: the review would name an appearance that no
longer holds them.

- ``url`` is the fact-check's own page: the review URL the reviewer entered, else the
  organisation's pattern from Preferences with the claim's id put in. The reviewed
  article is the claim's ``appearance``, never the review's ``url``. With neither, the
  export is refused before anything is written (``services/exporting``): a review without
  its address cannot be published, and inventing one would be wrong.
- ``reviewBody`` is the public rationale the reviewer wrote for publication; the note is
  private and never exported here.
- ``reviewRating`` follows the verdict scale: accurate 4, mostly accurate 3, misleading 2,
  inaccurate 1 (best 4, worst 1), with the verdict in words as ``name`` and its value as
  ``alternateName``; "unverifiable" has no place on that scale, so it carries its words
  and no numbers.
- ``itemReviewed`` is the Claim: its ``author`` is the speaker an attribution names, else
  the outlet (an Organization); its ``appearance`` is the article (a CreativeWork with
  its headline, URL, date and outlet). The article is where the reviewer read the claim,
  not known to be its first appearance, so ``firstAppearance`` is not claimed.
- ``author`` is the organisation (with its URL) set in Preferences, else the reviewer.

A JSON array written as it is read, one review a line.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factcheck_gui.domain.model import Annotation, Article, Kind, Verdict
from factcheck_gui.domain.review_urls import review_url
from factcheck_gui.exporters.registry import ExportSet, Only, exporter

RATINGS = {
    Verdict.ACCURATE: 4,
    Verdict.MOSTLY_ACCURATE: 3,
    Verdict.MISLEADING: 2,
    Verdict.INACCURATE: 1,
}
BEST, WORST = max(RATINGS.values()), min(RATINGS.values())
BATCH = 500  # claims whose speakers are read in one query


def is_reviewed(a: Annotation) -> bool:
    """The annotations that become reviews: placed claims with a verdict."""
    return a.kind is Kind.CLAIM and a.verdict is not Verdict.UNCHECKED and not a.orphaned


def rating(verdict: Verdict) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@type": "Rating",
        "name": verdict.label,
        "alternateName": verdict.value,
    }
    if verdict in RATINGS:
        found |= {"ratingValue": RATINGS[verdict], "bestRating": BEST, "worstRating": WORST}
    return found


def appearance(article: Article) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        found["url"] = article.url
    if article.outlet:
        found["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.published:
        found["datePublished"] = article.published.isoformat()
    return found


def claim_review(
    claim: Annotation,
    article: Article,
    speaker: str | None,
    data: ExportSet,
) -> dict[str, Any]:
    url = review_url(claim.review_url, data.review_url_pattern, claim.id)
    if url is None:  # the service refuses such an export before it starts
        raise ValueError(f"the review of {claim.id} has no URL")
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance(article)}
    if article.published:
        item["datePublished"] = article.published.isoformat()
    if speaker:
        item["author"] = {"@type": "Person", "name": speaker}
    elif article.outlet:
        item["author"] = {"@type": "Organization", "name": article.outlet}
    author: dict[str, Any]
    if data.organisation:
        author = {"@type": "Organization", "name": data.organisation}
        if data.organisation_url:
            author["url"] = data.organisation_url
    else:
        author = {"@type": "Person", "name": claim.reviewer}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.quote,
        "reviewRating": rating(claim.verdict),
        "itemReviewed": item,
        "author": author,
        "datePublished": claim.modified.date().isoformat(),
        "identifier": f"urn:uuid:{claim.id}",
    }
    if claim.rationale:
        review["reviewBody"] = claim.rationale
    return review


@exporter("claimreview", endings=(), description="schema.org ClaimReview (JSON-LD)")
def write_claimreview(out: IO[str], data: ExportSet) -> None:
    """A JSON array, one review a line, written a batch of claims at a time (a batch's
    speakers are read in one query)."""
    out.write("[")
    written = 0
    batch: list[tuple[Annotation, Article]] = []

    def flush() -> None:
        nonlocal written
        speakers = data.source.speakers([claim.id for claim, _ in batch])
        for claim, article in batch:
            out.write(",\n " if written else "\n ")
            review = claim_review(claim, article, speakers.get(claim.id), data)
            out.write(json.dumps(review, ensure_ascii=False))
            written += 1
        batch.clear()

    for _number, article, found in data.groups(Only.REVIEWS):
        for a in found:
            if is_reviewed(a):
                batch.append((a, article))
                if len(batch) == BATCH:
                    flush()
    flush()
    out.write("\n]\n" if written else "]\n")
