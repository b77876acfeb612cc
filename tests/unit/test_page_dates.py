"""A web page's date comes from what the page declares, never from a guess."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from factcheck_gui.importers.page_dates import publication_date


def page(head: str, body: str = "<p>Text.</p>") -> object:
    return lxml.html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


LD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"%s"}</script>'  # noqa: E501
OG = '<meta property="article:published_time" content="%s">'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (LD % "2023-09-04T10:00:00+02:00", date(2023, 9, 4)),
        (OG % "2023-09-04T10:00:00+02:00", date(2023, 9, 4)),
        ('<meta name="pubdate" content="September 4, 2023">', date(2023, 9, 4)),
        ('<meta itemprop="datePublished" content="2023-09-04">', date(2023, 9, 4)),
        (
            '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},'
            '{"@type":"NewsArticle","datePublished":"2023-09-04"}]}</script>',
            date(2023, 9, 4),
        ),
        # one instant in two zones: 00:30 UTC on the 17th is the 16th in California
        (
            LD % "2023-01-17T00:30:41Z" + '<meta name="date" content="2023-01-16 16:30:41">',
            date(2023, 1, 16),
        ),
    ],
)
def test_a_declared_date_is_read(head: str, expected: date) -> None:
    assert publication_date(page(head), "2001-01-01") == (expected, [])


def test_a_declared_date_that_cannot_be_read_is_not_completed() -> None:
    """htmldate turns 2023-02-30 into 1 February; the article is stored undated instead."""
    day, [warning] = publication_date(page(OG % "2023-02-30"), "2023-02-01")
    assert day is None
    assert warning.startswith("the page's publication date: the date '2023-02-30'")
    assert warning.endswith("stored without a date")


def test_two_declared_dates_that_disagree_leave_the_article_undated() -> None:
    head = LD % "2023-09-04" + OG % "2023-09-12"
    day, [warning] = publication_date(page(head), "2023-09-04")
    assert day is None
    assert warning == (
        "the page declares two publication dates (2023-09-04, 2023-09-12); stored without a "
        "date: set it by hand"
    )


def test_a_date_found_only_in_the_text_is_flagged() -> None:
    """With nothing declared, trafilatura's search may find a copyright year (2016-01-01)."""
    day, [warning] = publication_date(page(""), "2016-01-01")
    assert day == date(2016, 1, 1)
    assert warning == (
        "the page declares no publication date; 2016-01-01 was found in its text: check it"
    )


def test_no_date_anywhere_is_no_date_and_no_warning() -> None:
    assert publication_date(page(""), None) == (None, [])


def test_broken_json_ld_is_skipped() -> None:
    head = '<script type="application/ld+json">{"datePublished": </script>' + OG % "2023-09-04"
    assert publication_date(page(head), None) == (date(2023, 9, 4), [])
