"""Saved web pages: the article's main text and metadata, extracted by trafilatura.

Navigation, comments, scripts and styles are left out; the page's markup is never stored.
When a package it needs is missing (``lxml_html_clean``, which pip 23 leaves out because
jusText asks for it through an extra), web pages are refused saying what to install, and
the other files of the import are still read.

Settings: trafilatura's defaults (``EXTRACTION``). ``favor_precision`` was measured against
them (``benchmarks/bench_html.py``) and loses body passages and one news page's whole text
on trafilatura's own real-world test pages; the defaults keep them.

A page that yields no text (an index page, a login wall) is refused; so is one whose text
is only a caption or a teaser — fewer than ``MIN_ARTICLE_WORDS`` words left once the
page's description and figure captions are taken out, or a short text that holds any of
them — because the article's body is not in the HTML (a paywall, a page saved before its
script loaded the story), and storing the scrap would make it look like the article. A
short text (under ``LITTLE_TEXT_WORDS``) that is neither is a brief post: it is stored with
a warning in the import report. On trafilatura's 110 cached real-world pages
(``benchmarks/bench_html.py --trafilatura CHECKOUT``, trafilatura 2.3.1), the defaults meet
398 of its 415 expectations against 388 with ``favor_precision``; the importer refuses one
page (scmp.com: a photo caption alone) and flags three short ones.
"""

from __future__ import annotations

from typing import Any

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.page_dates import publication_date
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
    tree = _tree(text)
    warnings = check_body(
        body or "", text, description=getattr(document, "description", None), tree=tree
    )
    body = normalise_newlines(body or "")
    when, dated = publication_date(tree, getattr(document, "date", None))
    warnings += dated
    return [
        ArticleDraft(
            text=body,
            title=(getattr(document, "title", None) or guess_title(body) or source).strip(),
            outlet=getattr(document, "sitename", None) or getattr(document, "hostname", None),
            url=getattr(document, "url", None),
            published=when,
            source_name=source,
            warnings=tuple(warnings),
        )
    ]


def check_body(
    body: str, page: str, *, description: str | None = None, tree: Any | None = None
) -> list[str]:
    """Refuse a page whose extracted ``body`` is not an article's text; a short text that is
    not a caption or a teaser (a brief post) is kept with a warning for the reviewer."""
    words = len(body.split())
    rest = " ".join(body.split())
    scraps = _captions_and_teasers(tree if tree is not None else _tree(page))
    for scrap in [description or "", *scraps] if body.strip() else []:
        scrap = " ".join(scrap.split())
        if len(scrap.split()) >= 3:
            rest = rest.replace(scrap, " ")
    beyond = len(rest.split())  # words besides the captions and the teaser
    if words < MIN_ARTICLE_WORDS and beyond == words:  # a scrap of navigation, or nothing
        raise ImportProblem(
            "no article text found in this page; save the article's own page, not an index"
        )
    if beyond < MIN_ARTICLE_WORDS or (words < LITTLE_TEXT_WORDS and beyond < words):
        raise ImportProblem(
            f"little text extracted ({words} word{'s' * (words != 1)}: only a caption or a "
            "teaser; the article's body is not in this page); save the page once the whole "
            "article shows, or import its text"
        )
    if words < LITTLE_TEXT_WORDS:
        return [
            f"short text ({words} words): check that the page holds the whole article, "
            "not only its first lines"
        ]
    return []


def _tree(page: str) -> Any | None:
    try:
        import lxml.html

        return lxml.html.fromstring(page.encode("utf-8", "surrogatepass"))
    except (ValueError, TypeError, ImportError, SyntaxError):  # lxml's ParserError, etc.
        return None


def _captions_and_teasers(tree: Any | None) -> list[str]:
    """The figure captions, images' alternative texts and the descriptions a page gives in
    its markup."""
    if tree is None:
        return []
    found = [c.text_content() for c in tree.iter("figcaption")]
    found += [img.get("alt") or img.get("title") or "" for img in tree.iter("img")]
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
