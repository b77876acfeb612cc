"""Saved web pages: a caption or a teaser is reported as little text, never stored."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from factcheck_gui.importers import html
from factcheck_gui.services.importing import import_articles
from factcheck_gui.services.workspace import Workspace

PAGES = Path(__file__).parent.parent / "fixtures" / "html"


def test_the_extraction_uses_trafilaturas_defaults() -> None:
    """favor_precision lost body passages on trafilatura's own pages (benchmarks/bench_html)."""
    assert not {"favor_precision", "favor_recall", "fast"} & set(html.EXTRACTION)


def test_an_article_page_is_imported(empty_workspace: Workspace, tmp_path: Path) -> None:
    shutil.copy(PAGES / "ledger.budget.html", tmp_path)
    report = import_articles(empty_workspace.library, [tmp_path / "ledger.budget.html"])
    assert report.ok and len(report.imported) == 1
    [summary] = empty_workspace.library.summaries()
    article = empty_workspace.library.article(summary.id)
    assert "We chose the children" in article.text
    assert "Accept all cookies" not in article.text and "All rights reserved" not in article.text
    assert article.published == date(2023, 9, 4)


@pytest.mark.parametrize("page", ["ledger.paywall.html", "ledger.gallery.html"])
def test_a_caption_or_teaser_is_little_text_and_not_stored(
    empty_workspace: Workspace, tmp_path: Path, page: str
) -> None:
    (tmp_path / "kept.txt").write_text("Kept headline\n\nA text that is stored already.")
    import_articles(empty_workspace.library, [tmp_path / "kept.txt"])
    before = [(s.id, s.title) for s in empty_workspace.library.summaries()]
    shutil.copy(PAGES / page, tmp_path)

    report = import_articles(empty_workspace.library, [tmp_path / page])

    [failure] = report.failed
    assert failure.reason.startswith("little text extracted (")
    assert failure.reason.endswith(
        "only a caption or a teaser; the article's body is not in this page); save the page "
        "once the whole article shows, or import its text"
    )
    assert report.imported == [] and report.batch is None
    assert [(s.id, s.title) for s in empty_workspace.library.summaries()] == before


def test_a_long_caption_alone_is_little_text() -> None:
    caption = " ".join(["word"] * 60)
    page = f"<html><body><figure><img src=a.jpg><figcaption>{caption}</figcaption></figure>"
    with pytest.raises(html.ImportProblem, match="little text extracted \\(60 words"):
        html.check_body(caption, page)


def test_a_short_post_is_stored_with_a_warning(empty_workspace: Workspace, tmp_path: Path) -> None:
    """A brief post (fewer than 50 words, no caption or teaser among them) is an article:
    kept, and flagged so the reviewer checks that the page held all of it."""
    words = (
        "The council met on Tuesday and agreed to keep the night bus running until March. "
        "Members said the service carried about 1,200 riders a week and cost less than "
        "expected; a review follows in spring."
    )
    page = tmp_path / "post.html"
    page.write_text(
        f"<!doctype html><html><head><title>Night bus</title></head><body>"
        f"<article><h1>Night bus</h1><p>{words}</p></article></body></html>"
    )

    report = import_articles(empty_workspace.library, [page])

    assert len(report.imported) == 1
    [warning] = report.warnings
    assert warning.reason.startswith("short text (")
    assert warning.reason.endswith(
        "check that the page holds the whole article, not only its first lines"
    )


def test_an_image_description_alone_is_little_text() -> None:
    """A page saved before its script loaded the story: only a photo's alternative text."""
    alt = (
        "Taiwanese President Tsai Ing-wen speaks during a televised policy debate in Taipei "
        "on December 29 in the run-up to the presidential election. Photo: AP"
    )
    page = f'<html><body><img src="a.jpg" alt="{alt}"><p>{alt}</p></body></html>'
    with pytest.raises(html.ImportProblem, match="little text extracted"):
        html.check_body(alt, page)


def test_a_page_with_a_strange_date_is_stored_undated_with_a_warning(
    empty_workspace: Workspace, tmp_path: Path
) -> None:
    """trafilatura would store 1 February for 2023-02-30; the article is kept undated."""
    text = (PAGES / "ledger.budget.html").read_text(encoding="utf-8")
    page = tmp_path / "dated.html"
    page.write_text(re.sub(r'content="2023-09-04[^"]*"', 'content="2023-02-30"', text))

    report = import_articles(empty_workspace.library, [page])

    assert len(report.imported) == 1
    [summary] = empty_workspace.library.summaries()
    assert empty_workspace.library.article(summary.id).published is None
    [warning] = report.warnings
    assert "the date '2023-02-30' could not be read" in warning.reason
    assert warning.reason.endswith("stored without a date")
