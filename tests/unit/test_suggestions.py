"""Suggested figures: every amount a reviewer would tag, never a date, time, year, ordinal
or a byline's age."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.suggestions import suggest_figures
from factcheck_gui.services.suggestions import Covered
from tests.conftest import SEEDS


def quotes(text: str) -> list[str]:
    return [c.quote for c in suggest_figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On September 4, 2023 the ministry spoke.",
        "On 4 September 2023 the ministry spoke.",
        "Sunday (Sept 3) was quiet.",
        "since January 1, the army grew",
        "In mid-September 2022 it began.",
        "date 2023-09-04 Moscow",
        "on 04/09/2023 at noon",
        "at 10:30 p.m. local time",
        "at 5pm and again at 7 a.m.",
        "the 21st century and the 3rd army",
        "in 2022 and in the 2024 presidential elections",
        "since the early 1990s and the '90s",
        "By Ellie Cook, 34, in London",
        "a 45-year-old man, aged 52",
        "one of the soldiers; even one new army",
    ],
)
def test_dates_times_years_ordinals_and_ages_are_not_proposed(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        (
            "There are at least 6 million migrants here",
            "at least 6 million migrants",
            6e6,
            "people",
        ),
        ("casualties are nearing 300,000, of which", "nearing 300,000", 3e5, None),
        ("offering 190,000 rubles ($1,973).", "190,000 rubles", 190_000, "RUB"),
        ("offering 190,000 rubles ($1,973).", "$1,973", 1973, "USD"),
        ("Five thousand dollars and other", "Five thousand dollars", 5000, "USD"),
        ("lost millions of soldiers", "millions of soldiers", 2e6, "people"),
        ("a force of 2000 soldiers", "2000 soldiers", 2000, "people"),
        ("it cost $2019 in all", "$2019", 2019, "USD"),
        ("by more than 30 percent to 1.5 million", "more than 30 percent", 30, "percent"),
    ],
)
def test_amounts_are_proposed_with_their_fields(
    text: str, quote: str, value: float, unit: str | None
) -> None:
    found = {c.quote: c for c in suggest_figures(text)}
    assert quote in found, found
    candidate = found[quote]
    assert text[candidate.start : candidate.end] == quote
    assert (candidate.figure.value, candidate.figure.unit) == (value, unit)


# Every number a reviewer would tag in the sample batch, by file.
EXPECTED = {
    "000_f9c94b828d33c9da.txt": [
        "at least 6 million migrants",
        "about 280,000 people",
        "more than 30 percent",
        "1.5 million",
        "7 million",
        "300,000 reservists",
        "hundreds of thousands",
    ],
    "001_bf0500b653b06110.txt": [
        "at least 6 million migrants",
        "nearing 300,000",
        "as many as 120,000",
        "up to 180,000",
        "45,000 rubles",
        "$5,140",
        "190,000 rubles",
        "$1,973",
        "up to $4,160",
        "upwards of six million Central Asian migrants",
        "some 280,000 people",
        "280,000 people",
    ],
    "002_3bc6c6f3a626bfad.txt": [
        "millions of soldiers",
        "about 500,000 soldiers",
        "1.5 million",
        "Five thousand dollars",
        "280,000 people",
    ],
    "003_f3cd04de7cf56602.txt": [
        "around 300,000 military reservists",
        "more than $5,000",
        "just under $2,000",
        "at least 6 million migrants",
        "264,660 fighters",
        "around 600 troops",
        "around 600 soldiers",
    ],
    "004_66f85db3f566e3a1.txt": [
        "thousands of foreign nationals",
        "at least 21 countries",
        "tens of thousands of new recruits",
        "over 1,200 soldiers",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_figure_is_found_and_no_date(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    found = quotes(text)
    missing = [q for q in EXPECTED[name] if q not in found]
    assert not missing, f"not proposed: {missing}"
    dates = ("2022", "2023", "2024", "1930", "1990", "January 1", "Sept 3", "October 5")
    assert not [q for q in found for d in dates if d in q]


def test_offsets_hold_when_lower_case_changes_length() -> None:
    text = "İİİ about 500,000 soldiers"
    (candidate,) = suggest_figures(text)
    assert text[candidate.start : candidate.end] == candidate.quote == "about 500,000 soldiers"


@pytest.mark.parametrize(
    "text",
    [
        "Under Article 5 of the treaty",
        "as section 3.2 and sections 4 say",
        "at No. 10 Downing Street, see § 4 and page 12",
        "1. Overview\n2) Background\n(3) Outlook\n 4.1 Method",
        "the score was 1 to 0, then 1-0",
        "Resolution 2231 and Flight 17 and Highway 401",
    ],
)
def test_section_numbers_list_markers_and_stray_digits_are_not_proposed(text: str) -> None:
    assert quotes(text) == []


def test_amounts_beside_them_still_are() -> None:
    text = "1. About 15 people died.\n2) Article 5 covers 1 000 people and $1, or 1 person."
    assert quotes(text) == ["About 15 people", "1 000 people", "$1", "1 person"]


def test_counts_of_people_never_get_fractional_ends() -> None:
    text = "about 15 people, nearly 7 soldiers, some 45 migrants and 2 1/2 dozen workers"
    for candidate in suggest_figures(text):
        if candidate.figure.unit == "people":
            ends = (candidate.figure.low, candidate.figure.high)
            assert all(x is None or float(x).is_integer() for x in ends), candidate.quote


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=12),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=12),
)
def test_a_suggestion_is_left_out_where_a_figure_covers_it_as_pair_by_pair(
    tagged: list[tuple[int, int]], candidates: list[tuple[int, int]]
) -> None:
    """The sorted look-up finds the overlaps that checking every tagged span finds."""
    spans = [(start, start + length) for start, length in tagged]
    covered = Covered(spans)
    for start, length in candidates:
        end = start + length
        assert covered.overlaps(start, end) == any(s < end and start < e for s, e in spans)
