"""Re-anchoring on edited wire copy: placed exactly where the words are, or orphaned.

Every scenario is an edit that real news updates make: numbers revised, sentences gaining
or losing words, paragraphs moved or cut, quotes repeated, datelines and style changed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.anchoring import Anchor, QuoteSelector, place, select_quote
from factcheck_gui.domain.quote_words import joined, numbers, squeeze
from tests.unit.anchoring_cases import CASES, Case


def _occurrence(text: str, word: str, nth: int) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_reanchoring_scenarios(case: Case) -> None:
    start = _occurrence(case.old, case.quote, case.nth)
    end = start + len(case.quote)
    spot = place(case.new, select_quote(case.old, start, end), start, end)
    if case.placed is None:
        assert spot.anchor is Anchor.ORPHANED, case.new[spot.start : spot.end]
        assert spot.selector.exact == case.quote, "an orphan keeps its own quote"
        return
    assert spot.anchor is not Anchor.ORPHANED
    where = _occurrence(case.new, case.placed, case.at)
    assert (spot.start, spot.end) == (where, where + len(case.placed))
    assert spot.selector == select_quote(case.new, spot.start, spot.end), "stored as placed"
    same_words = squeeze(case.placed) == squeeze(case.quote)
    assert (spot.anchor is Anchor.CHANGED) == (not same_words)


def test_without_context_only_a_unique_exact_quote_is_placed() -> None:
    text = "Medvedev said 280,000 joined. Later Medvedev said 280,000 had joined the army."
    bare = QuoteSelector("280,000", "", "")
    assert place(text, bare, 90, 97).anchor is Anchor.ORPHANED, "two places, nothing to choose"
    unique = QuoteSelector("had joined the army", "", "")
    spot = place(text, unique, 0, 19)
    assert text[spot.start : spot.end] == "had joined the army" and spot.anchor is Anchor.MOVED
    changed = QuoteSelector("Later Medvedev said 280,000 joined the army", "", "")
    assert place(text, changed, 0, 43).anchor is Anchor.ORPHANED, "a near match needs context"


def test_the_table_is_broad() -> None:
    assert len(CASES) >= 40
    assert sum(c.placed is None for c in CASES) >= 15
    assert sum(c.placed is not None and squeeze(c.placed) != squeeze(c.quote) for c in CASES) >= 5


# -- the property: placed on the quote's words at word edges with its numbers, or orphaned
VOCABULARY = (
    "the city spent 12 million 3 2 dollars on parks US officials said 300,000 1,200 three "
    "nearly killed , . ; Kyiv 🙂 é e\u0301 3.5 12-million"
)
WORDS = st.sampled_from(VOCABULARY.split())
TEXTS = st.lists(WORDS, min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    old_words=TEXTS,
    span=st.tuples(st.integers(0, 29), st.integers(1, 10)),
    edits=st.lists(
        st.tuples(st.sampled_from(["insert", "delete", "replace"]), st.integers(0, 40), WORDS),
        max_size=5,
    ),
)
def test_a_placement_holds_the_quotes_words_or_is_an_orphan(
    old_words: list[str], span: tuple[int, int], edits: list[tuple[str, int, str]]
) -> None:
    first = min(span[0], len(old_words) - 1)
    last = min(first + span[1], len(old_words))
    old = " ".join(old_words)
    start = len(" ".join(old_words[:first])) + (1 if first else 0)
    end = start + len(" ".join(old_words[first:last]))
    new_words = list(old_words)
    for what, at, word in edits:
        at = at % (len(new_words) + 1)
        if what == "insert":
            new_words.insert(at, word)
        elif new_words and at < len(new_words):
            if what == "delete":
                del new_words[at]
            else:
                new_words[at] = word
    new = " ".join(new_words)
    selector = select_quote(old, start, end)
    spot = place(new, selector, start, end)
    if spot.anchor is Anchor.ORPHANED:
        assert spot.selector == selector
        return
    placed = new[spot.start : spot.end]
    assert not joined(new, spot.start) and not joined(new, spot.end), "cut inside a word"
    assert numbers(placed) == numbers(selector.exact), "another number"
    if spot.anchor is not Anchor.CHANGED:
        assert squeeze(placed) == squeeze(selector.exact)
    assert spot.selector == QuoteSelector(
        placed, new[max(0, spot.start - 32) : spot.start], new[spot.end : spot.end + 32]
    )
