"""Where a published fact-check lives: a review's own URL, or the organisation's pattern.

A ClaimReview's ``url`` is the page of the fact-check itself, never the reviewed article.
It is the URL the reviewer entered for that review, else the organisation's pattern
(``https://factcheck.example.org/reviews/{id}``) with the annotation's id put in.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

PLACEHOLDER = "{id}"
MAX_URL = 2000


def clean_url(text: str | None, what: str) -> str | None:
    """An absolute http(s) address, or None for an empty one; ValueError saying what is
    wrong (``what`` names the field) otherwise."""
    url = (text or "").strip()
    if not url:
        return None
    if len(url) > MAX_URL:
        raise ValueError(f"{what} is longer than {MAX_URL} characters")
    if any(c.isspace() for c in url):
        raise ValueError(f"{what} has a space in it; a web address has none")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{what} should be a web address starting with https://, not {url!r}")
    return url


def clean_pattern(text: str | None) -> str | None:
    """A review URL pattern: a web address with ``{id}`` where the review's id goes."""
    pattern = (text or "").strip()
    if not pattern:
        return None
    what = "the fact-check URL pattern"
    if PLACEHOLDER not in pattern:
        raise ValueError(
            f"{what} needs {PLACEHOLDER} where each review's id goes, e.g. "
            "https://factcheck.example.org/reviews/{id}"
        )
    if "{" in pattern.replace(PLACEHOLDER, "") or "}" in pattern.replace(PLACEHOLDER, ""):
        raise ValueError(f"{what} may hold only {PLACEHOLDER} between braces")
    clean_url(pattern.replace(PLACEHOLDER, "x"), what)
    return pattern


def review_url(own: str | None, pattern: str | None, annotation_id: str) -> str | None:
    """The review's own URL, else the pattern's for this id (percent-encoded), else None."""
    if own:
        return own
    if pattern:
        return pattern.replace(PLACEHOLDER, quote(annotation_id, safe=""))
    return None
