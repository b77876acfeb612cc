"""Saved web pages: the article's main text and metadata, extracted by trafilatura.

Navigation, comments, scripts and styles are left out; the page's markup is never stored.
When a package it needs is missing (``lxml_html_clean``, which pip 23 leaves out because
jusText asks for it through an extra), web pages are refused saying what to install, and
the other files of the import are still read.

Settings: trafilatura's defaults (``EXTRACTION``). ``favor_precision`` was measured against
them (``benchmarks/bench_html.py``) and loses body passages and one news page's whole text
on trafilatura's own real-world test pages; the defaults keep them.

A page that yields no text (an index page, a login wall) is refused; so is one whose text
is only a caption or a teaser — fewer than ``LITTLE_TEXT_WORDS`` words, or nothing left
beyond ``MIN_ARTICLE_WORDS`` once the page's description and figure captions are taken
out — because the article's body is not in the HTML (a paywall, a page saved before its
script loaded the story), and storing the scrap would make it look like the article.
"""

from __future__ import annotations

from typing import Any

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.dates import parse_date
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.plaintext import guess_title, normalise_newlines
from factcheck_gui.importers.registry import register

MIN_ARTICLE_WORDS = 20  # words of the text besides its captions and teaser
LITTLE_TEXT_WORDS = 50  # fewer in all: a teaser, not an article
EXTRACTION: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
}


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


@register("html", endings=(".html", ".htm", ".xhtml"), sniff=_looks_like_html, priority=2)
def read_html(text: str, source: str) -> list[ArticleDraft]:
    try:
        # imported on first use: it is slow to load and most runs never need it
        import trafilatura

        document = trafilatura.bare_extraction(text, **EXTRACTION)
    except ImportError as error:  # lxml_html_clean is missing after an install with pip 23
        raise ImportProblem(_missing(error)) from None
    body = getattr(document, "text", None) if document is not None else None
    check_body(body or "", text, description=getattr(document, "description", None))
    body = normalise_newlines(body or "")
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


def check_body(body: str, page: str, *, description: str | None = None) -> None:
    """Refuse a page whose extracted ``body`` is not an article's text."""
    words = len(body.split())
    rest = " ".join(body.split())
    for scrap in [description or "", *_captions_and_teasers(page)] if body.strip() else []:
        scrap = " ".join(scrap.split())
        if len(scrap.split()) >= 3:
            rest = rest.replace(scrap, " ")
    beyond = len(rest.split())  # words besides the captions and the teaser
    if words < MIN_ARTICLE_WORDS and beyond == words:  # a scrap of navigation, or nothing
        raise ImportProblem(
            "no article text found in this page; save the article's own page, not an index"
        )
    if words < LITTLE_TEXT_WORDS or beyond < MIN_ARTICLE_WORDS:
        raise ImportProblem(
            f"little text extracted ({words} word{'s' * (words != 1)}: only a caption or a "
            "teaser; the article's body is not in this page); save the page once the whole "
            "article shows, or import its text"
        )


def _captions_and_teasers(page: str) -> list[str]:
    """The figure captions and the descriptions a page gives in its markup."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(page.encode("utf-8", "surrogatepass"))
    except (ValueError, TypeError, ImportError, SyntaxError):  # lxml's ParserError, etc.
        return []
    found = [c.text_content() for c in tree.iter("figcaption")]
    for meta in tree.iter("meta"):
        if (meta.get("name") or meta.get("property") or "").lower() in _DESCRIPTIONS:
            found.append(meta.get("content") or "")
    return found


_DESCRIPTIONS = {"description", "og:description", "twitter:description"}


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
