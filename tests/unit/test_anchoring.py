"""Re-anchoring on edited wire copy: placed exactly where the words are, or orphaned.

Every scenario is an edit that real news updates make: numbers revised, sentences gaining
or losing words, paragraphs moved or cut, quotes repeated, datelines and style changed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.anchoring import Anchor, QuoteSelector, place, select_quote
from factcheck_gui.domain.quote_words import joined, numbers, squeeze

LEAD = (
    "KYIV, Sept 4 (Reuters) - Russia's military casualties in Ukraine are nearing 300,000, "
    "U.S. officials said on Friday. Of those, as many as 120,000 are deaths, they said."
)
PARKS = (
    "The fund now has 3 million members. Officials said the city spent 12 million dollars "
    "on parks last year, up from 9 million."
)
SHOIGU = (
    "Defence Minister Sergei Shoigu said 280,000 people had signed contracts with the army "
    "this year. “We will not stop recruiting,” Shoigu told officers on Tuesday."
)
MOSCOW = (
    "Moscow has been avoiding recruiting more Russians for the war, British intelligence "
    "said. Three people were killed in the attack on Kharkiv, the governor said."
)
TAIL = "Reporting by Olena Harmash; Editing by Mark Heinrich"


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    quote: str
    new: str
    placed: str | None  # the words at the new place, or None: orphaned
    nth: int = 0  # which occurrence of the quote in the old text is annotated
    at: int = 0  # which occurrence of ``placed`` in the new text it must land on


def story(*parts: str) -> str:
    return "\n\n".join(parts)


OLD = story(LEAD, PARKS, SHOIGU, MOSCOW, TAIL)
CLAIM = "the city spent 12 million dollars on parks"
DEATHS = "as many as 120,000 are deaths"

CASES = [
    # -- the two misplacements of the issue
    Case(
        "3 million deleted; 12 million stays",
        OLD,
        "3 million",
        OLD.replace("The fund now has 3 million members. ", ""),
        None,
    ),
    Case(
        "sentence gained 'US'",
        OLD,
        CLAIM,
        OLD.replace("12 million dollars", "12 million US dollars"),
        "the city spent 12 million US dollars on parks",
    ),
    # -- numbers revised: never placed on the other number
    Case(
        "casualties revised up",
        OLD,
        "nearing 300,000",
        OLD.replace("nearing 300,000", "nearing 320,000"),
        None,
    ),
    Case(
        "revised inside a long claim",
        OLD,
        "Russia's military casualties in Ukraine are nearing 300,000",
        OLD.replace("300,000", "320,000"),
        None,
    ),
    Case(
        "number word revised",
        OLD,
        "Three people were killed in the attack on Kharkiv",
        OLD.replace("Three people", "Four people"),
        None,
    ),
    Case("deaths revised", OLD, DEATHS, OLD.replace("120,000 are", "130,000 are"), None),
    Case(
        "120,000 now inside 1,120,000",
        OLD,
        "120,000",
        OLD.replace("as many as 120,000", "as many as 1,120,000"),
        None,
    ),
    Case(
        "300,000 became 300,000,000 (typo)",
        OLD,
        "300,000",
        OLD.replace("300,000", "300,000,000"),
        None,
    ),
    Case(
        "9 million became 9.5 million",
        OLD,
        "9 million",
        OLD.replace("9 million", "9.5 million"),
        None,
    ),
    Case(
        "12 million became 12 billion",
        OLD,
        "12 million",
        OLD.replace("12 million", "12 billion"),
        None,
    ),
    Case(
        "digits became words",
        OLD,
        "3 million members",
        OLD.replace("3 million members", "three million members"),
        None,
    ),
    Case(
        "thousands separator changed style",
        "About 1\u202f000 people fled.",
        "1\u202f000 people",
        "About 1,000 people fled.",
        None,
    ),
    Case(
        "number moved inside the sentence: flagged",
        OLD,
        "Shoigu said 280,000 people had signed contracts with the army this year",
        OLD.replace(
            "said 280,000 people had signed contracts with the army this year",
            "said people had signed 280,000 contracts with the army this year",
        ),
        "Shoigu said people had signed 280,000 contracts with the army this year",
    ),
    Case(
        "percent revised",
        "Prices rose 4% in May, the bank said.",
        "4%",
        "Prices rose 4.5% in May, the bank said.",
        None,
    ),
    # -- word edges: never a piece of another word
    Case(
        "Russia now only inside Russian",
        "Russia said on Friday it would respond.",
        "Russia",
        "Russian officials said on Friday it would respond.",
        None,
    ),
    Case(
        "million now inside millions",
        "It cost 5 million, he said.",
        "million",
        "It cost 5 millions, he said.",
        None,
    ),
    Case(
        "US became U.S. (style change, short quote)",
        "US officials said on Friday.",
        "US officials said",
        "U.S. officials said on Friday.",
        None,
    ),
    # -- unchanged words found again exactly
    Case("nothing changed", OLD, "nearing 300,000", OLD, "nearing 300,000"),
    Case(
        "new lead paragraph",
        OLD,
        "nearing 300,000",
        story("UPDATE 2-Adds Kremlin comment.", OLD),
        "nearing 300,000",
    ),
    Case(
        "dateline changed",
        OLD,
        "U.S. officials",
        OLD.replace("KYIV, Sept 4", "KYIV/WASHINGTON, Sept 5"),
        "U.S. officials",
    ),
    Case("emoji headline prepended", OLD, "280,000 people", "🇺🇦 Live: " + OLD, "280,000 people"),
    Case(
        "paragraphs swapped, long claim",
        OLD,
        CLAIM,
        story(LEAD, SHOIGU, PARKS, MOSCOW, TAIL),
        CLAIM,
    ),
    Case(
        "paragraphs swapped, short quote",
        OLD,
        "British intelligence",
        story(MOSCOW, LEAD, PARKS, SHOIGU, TAIL),
        "British intelligence",
    ),
    Case(
        "whole sentence moved to the top",
        OLD,
        "Moscow has been avoiding recruiting more Russians for the war",
        story(
            "Moscow has been avoiding recruiting more Russians for the war, Britain says.",
            LEAD,
            PARKS,
            SHOIGU,
            TAIL,
        ),
        "Moscow has been avoiding recruiting more Russians for the war",
    ),
    Case(
        "quote at the very start, lead added",
        OLD,
        "KYIV, Sept 4 (Reuters)",
        "By Tom Balmforth\n\n" + OLD,
        "KYIV, Sept 4 (Reuters)",
    ),
    Case(
        "quote at the very end, text appended",
        OLD,
        "Editing by Mark Heinrich",
        OLD + "\n\nOur Standards: The Thomson Reuters Trust Principles.",
        "Editing by Mark Heinrich",
    ),
    Case(
        "line reflowed",
        "He said the army\nwould keep recruiting all year.",
        "the army\nwould keep recruiting all year",
        "He said the army would keep recruiting all year.",
        "the army would keep recruiting all year",
    ),
    Case(
        "paragraph after it cut",
        OLD,
        "Shoigu told officers on Tuesday",
        story(LEAD, SHOIGU),
        "Shoigu told officers on Tuesday",
    ),
    # -- duplicated quotes: decided by context, then by position
    Case(
        "quote repeated in a recap, context decides",
        OLD,
        "280,000 people",
        OLD + "\n\nIn all, 280,000 people joined, the ministry says.",
        "280,000 people",
    ),
    Case(
        "recap first, context still decides",
        OLD,
        "280,000 people",
        "In all, 280,000 people joined, the ministry says.\n\n" + OLD,
        "280,000 people",
        at=1,
    ),
    Case(
        "paragraph duplicated by the wire, position decides",
        OLD,
        "British intelligence",
        story(LEAD, PARKS, SHOIGU, MOSCOW, MOSCOW, TAIL),
        "British intelligence",
    ),
    Case(
        "second of two identical, position decides",
        story(MOSCOW, MOSCOW),
        "British intelligence",
        "UPDATE 1-\n\n" + story(MOSCOW, MOSCOW),
        "British intelligence",
        nth=1,
        at=1,
    ),
    Case(
        "short quote twice, context gone",
        "Officials said 280,000 joined in the spring.",
        "280,000",
        "By May, 280,000 had enlisted; by June, 280,000 had deployed.",
        None,
    ),
    Case(
        "short quote elsewhere, its sentence gone",
        OLD,
        "3 million",
        OLD.replace("The fund now has 3 million members.", "Membership fell.")
        + " Some 3 million viewers watched.",
        None,
    ),
    Case("paragraph with the quote cut", OLD, CLAIM, story(LEAD, SHOIGU, MOSCOW, TAIL), None),
    Case("story shortened below the quote", OLD, DEATHS, "KYIV (Reuters) - Casualties rose.", None),
    # -- words changed around the same numbers: placed whole, marked as changed
    Case(
        "a word inserted",
        OLD,
        "Moscow has been avoiding recruiting more Russians for the war",
        OLD.replace("recruiting more Russians", "recruiting many more Russians"),
        "Moscow has been avoiding recruiting many more Russians for the war",
    ),
    Case(
        "a word removed",
        OLD,
        "Moscow has been avoiding recruiting more Russians for the war",
        OLD.replace("recruiting more Russians", "recruiting Russians"),
        "Moscow has been avoiding recruiting Russians for the war",
    ),
    Case(
        "verb replaced, numbers kept",
        OLD,
        "Sergei Shoigu said 280,000 people had signed contracts with the army",
        OLD.replace("Shoigu said 280,000", "Shoigu told parliament 280,000"),
        "Sergei Shoigu told parliament 280,000 people had signed contracts with the army",
    ),
    Case(
        "negation added is flagged, not hidden",
        OLD,
        "Officials said the city spent 12 million dollars on parks last year",
        OLD.replace("the city spent", "the city never spent"),
        "Officials said the city never spent 12 million dollars on parks last year",
    ),
    Case(
        "typo corrected",
        "The goverment said the new road will open next spring, he said.",
        "The goverment said the new road will open next spring",
        "The government said the new road will open next spring, he said.",
        "The government said the new road will open next spring",
    ),
    Case(
        "quoted speech gained a word, marks kept",
        OLD,
        "“We will not stop recruiting,”",
        OLD.replace("not stop recruiting", "not stop ever recruiting"),
        "“We will not stop ever recruiting,”",
    ),
    Case(
        "changed and moved paragraph keeps context",
        OLD,
        CLAIM,
        story(
            LEAD, SHOIGU, PARKS.replace("12 million dollars", "12 million US dollars"), MOSCOW, TAIL
        ),
        "the city spent 12 million US dollars on parks",
    ),
    # -- too much changed: an orphan rather than a guess
    Case("last word changed", OLD, CLAIM, OLD.replace("on parks", "on playgrounds"), None),
    Case(
        "first word changed",
        OLD,
        "Moscow has been avoiding recruiting more Russians",
        OLD.replace("Moscow has been", "The Kremlin has been"),
        None,
    ),
    Case(
        "sentence rewritten",
        OLD,
        "Three people were killed in the attack on Kharkiv",
        OLD.replace(
            "Three people were killed in the attack on Kharkiv",
            "Three people died when missiles hit Kharkiv",
        ),
        None,
    ),
    Case(
        "short quote gained a word",
        OLD,
        "U.S. officials said",
        OLD.replace("U.S. officials said", "U.S. defense officials said"),
        None,
    ),
    Case(
        "changed words and context gone",
        OLD,
        CLAIM,
        "Officials in the capital spent 12 million US dollars on parks.",
        None,
    ),
]


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
