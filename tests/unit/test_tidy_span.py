"""A selection is tagged without punctuation at its ends and never cuts a number."""

from __future__ import annotations

import pytest

from factcheck_gui.domain.anchoring import tidy_span

TEXT = 'Kyiv said 669,903 people (about $4.2bn), in the U.S. "quoted here". 85 000 left.'


def tidy(selected: str, *, nth: int = 0, cut: tuple[int, int] = (0, 0)) -> str:
    at = TEXT.index(selected)
    start, end = tidy_span(TEXT, at + cut[0], at + len(selected) - cut[1])
    return TEXT[start:end]


@pytest.mark.parametrize(
    ("selected", "cut", "tagged"),
    [
        ("669,903", (0, 1), "669,903"),  # "669,90"
        ("669,903", (2, 0), "669,903"),  # "9,903"
        ("669,903", (0, 4), "669,903"),  # "669" stops at the comma
        (" 669,903 people (", (0, 0), "669,903 people"),
        ("(about $4.2bn),", (0, 0), "about $4.2bn"),
        ("$4.2bn", (0, 1), "$4.2bn"),  # "$4.2b"
        ("in the U.S.", (0, 0), "in the U.S."),
        ('"quoted here".', (0, 0), "quoted here"),
        ("85 000 left.", (0, 0), "85 000 left"),
        ("85 000", (0, 2), "85 000"),
    ],
)
def test_selections(selected: str, cut: tuple[int, int], tagged: str) -> None:
    assert tidy(selected, cut=cut) == tagged


@pytest.mark.parametrize("selected", [".", '"', "). ", "—"])
def test_a_selection_of_punctuation_only_is_kept_as_selected(selected: str) -> None:
    text = f"a {selected} b"
    start, end = tidy_span(text, 2, 2 + len(selected))
    assert text[start:end] == selected.strip()
