"""Counts and articles in the words users read: never "1 figures" or "a attribution"."""

from __future__ import annotations

import pytest

from factcheck_gui.domain.commands import CreateAnnotation, DeleteAnnotation, EditAnnotation
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.domain.wording import a, capital, count, number, plural, quoted


@pytest.mark.parametrize(
    ("n", "word", "expected"),
    [
        (0, "figure", "0 figures"),
        (1, "figure", "1 figure"),
        (3, "figure", "3 figures"),
        (1, "batch", "1 batch"),
        (2, "batch", "2 batches"),
        (2, "summary", "2 summaries"),
        (2, "day", "2 days"),
        (2500, "article", "2,500 articles"),
        (2, "selected article", "2 selected articles"),
    ],
)
def test_count_puts_the_noun_in_its_number(n: int, word: str, expected: str) -> None:
    assert count(n, word) == expected


def test_number_and_articles() -> None:
    assert [number(n, "was") for n in (1, 2)] == ["was", "were"]
    assert number(1, "it", "them") == "it" and number(4, "it", "them") == "them"
    assert plural("is") == "are"
    assert [a(k.value) for k in Kind] == ["a claim", "a figure", "an attribution"]
    assert capital("tagged an attribution") == "Tagged an attribution"
    assert quoted("A  title\nover lines") == "“A title over lines”"
    assert quoted("x" * 80) == "“" + "x" * 59 + "…”"


class _Store:
    """Enough of an annotation store for the commands' words."""

    def __init__(self) -> None:
        self.kind = Kind.ATTRIBUTION

    def create(self, new: NewAnnotation):  # noqa: ANN201
        raise AssertionError("not needed")


@pytest.mark.parametrize("kind", list(Kind))
def test_commands_say_what_they_did_with_the_right_article(kind: Kind) -> None:
    new = NewAnnotation(article_id=1, start=0, end=3, kind=kind, reviewer="r")
    tagged = CreateAnnotation(_Store(), new)  # type: ignore[arg-type]
    assert tagged.past == (
        "tagged an attribution" if kind is Kind.ATTRIBUTION else f"tagged a {kind}"
    )
    assert DeleteAnnotation(_Store(), "x").past == "deleted an annotation"  # type: ignore[arg-type]
    assert EditAnnotation(_Store(), "x", {"verdict": "misleading"}).past == (  # type: ignore[arg-type]
        "marked an annotation misleading"
    )
