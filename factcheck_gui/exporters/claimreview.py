"""schema.org ClaimReview (JSON-LD), for fact-check publishing.

One ClaimReview per claim whose verdict is not "unchecked". The rating follows the verdict
scale: accurate 4, mostly accurate 3, misleading 2, inaccurate 1 (best 4, worst 1);
"unverifiable" has no place on that scale, so it carries its name and no ratingValue.
Orphaned claims (their words are no longer in the article) are left out: the review would
name an appearance that no longer holds them.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factcheck_gui.domain.model import Annotation, Article, Kind, Verdict
from factcheck_gui.exporters.registry import ExportSet, exporter

RATINGS = {
    Verdict.ACCURATE: 4,
    Verdict.MOSTLY_ACCURATE: 3,
    Verdict.MISLEADING: 2,
    Verdict.INACCURATE: 1,
}
BEST, WORST = max(RATINGS.values()), min(RATINGS.values())


def claim_review(
    claim: Annotation, article: Article, speaker: str | None, organisation: str | None
) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.published:
        appearance["datePublished"] = article.published.isoformat()
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if article.published:
        item["datePublished"] = article.published.isoformat()
    if speaker:
        item["author"] = {"@type": "Person", "name": speaker}
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": claim.verdict.value,
        "bestRating": BEST,
        "worstRating": WORST,
    }
    if claim.verdict in RATINGS:
        rating["ratingValue"] = RATINGS[claim.verdict]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.quote,
        "reviewRating": rating,
        "itemReviewed": item,
        "author": (
            {"@type": "Organization", "name": organisation}
            if organisation
            else {"@type": "Person", "name": claim.reviewer}
        ),
        "datePublished": claim.modified.date().isoformat(),
        "identifier": f"urn:uuid:{claim.id}",
    }
    if claim.note:
        review["reviewBody"] = claim.note
    if article.url:
        review["url"] = article.url
    return review


@exporter("claimreview", endings=(), description="schema.org ClaimReview (JSON-LD)")
def write_claimreview(out: IO[str], data: ExportSet) -> None:
    articles = {a.id: a for a in data.articles}
    speakers = {
        a.target_id: a.speaker
        for a in data.annotations
        if a.kind is Kind.ATTRIBUTION and a.target_id and a.speaker
    }
    reviews = [
        claim_review(a, articles[a.article_id], speakers.get(a.id), data.organisation)
        for a in data.annotations
        if a.kind is Kind.CLAIM and a.verdict is not Verdict.UNCHECKED and not a.orphaned
    ]
    json.dump(reviews, out, ensure_ascii=False, indent=1)
    out.write("\n")
