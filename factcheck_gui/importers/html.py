"""Saved web pages: the article's main text and metadata, extracted by trafilatura.

Navigation, comments, scripts and styles are left out; the page's markup is never stored.
When a package it needs is missing (``lxml_html_clean``, which pip 23 leaves out because
jusText asks for it through an extra), web pages are refused saying what to install, and
the other files of the import are still read. A page whose main text has fewer than
``MIN_ARTICLE_WORDS`` words (an index page, a login wall) is refused rather than stored as a
scrap of navigation.
"""

from __future__ import annotations

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.dates import parse_date
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.plaintext import guess_title, normalise_newlines
from factcheck_gui.importers.registry import register

MIN_ARTICLE_WORDS = 20


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


@register("html", endings=(".html", ".htm", ".xhtml"), sniff=_looks_like_html, priority=2)
def read_html(text: str, source: str) -> list[ArticleDraft]:
    try:
        # imported on first use: it is slow to load and most runs never need it
        import trafilatura

        document = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
        )
    except ImportError as error:  # lxml_html_clean is missing after an install with pip 23
        raise ImportProblem(_missing(error)) from None
    body = getattr(document, "text", None) if document is not None else None
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise ImportProblem(
            "no article text found in this page; save the article's own page, not an index"
        )
    body = normalise_newlines(body)
    published = getattr(document, "date", None)
    try:
        when = parse_date(published) if published else None
    except ImportProblem:
        when = None  # a page's date is a bonus; a strange one is not a reason to refuse it
    return [
        ArticleDraft(
            text=body,
            title=(getattr(document, "title", None) or guess_title(body) or source).strip(),
            outlet=getattr(document, "sitename", None) or getattr(document, "hostname", None),
            url=getattr(document, "url", None),
            published=when,
            source_name=source,
        )
    ]


def _missing(error: ImportError) -> str:
    name = error.name or "trafilatura"
    package = _PACKAGES.get(name) or _PACKAGES.get(name.split(".")[0]) or name.split(".")[0]
    return (
        f"reading web pages needs the Python package {package}, which is not installed; "
        f"install it (pip install {package}) and import this file again"
    )


# The module that failed to import, and the package that provides it.
_PACKAGES = {
    "lxml.html.clean": "lxml_html_clean",  # lxml 5.2 moved its cleaner out to this package
    "lxml_html_clean": "lxml_html_clean",
    "lxml": "lxml",
    "justext": "jusText",
}
