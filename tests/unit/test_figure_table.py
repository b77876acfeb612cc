"""The figure parser on news phrases of every class (``figure_phrases``), and bad inputs."""

from __future__ import annotations

import pytest

from factcheck_gui.domain.figures import find_figures, parse_figure
from tests.unit.figure_phrases import PHRASES


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


@pytest.mark.parametrize(
    ("cls", "phrase", "before", "value", "unit", "hedge", "low", "high"),
    PHRASES,
    ids=[f"{row[0]}:{row[1]}" for row in PHRASES],
)
def test_news_phrases(cls, phrase, before, value, unit, hedge, low, high) -> None:  # noqa: ANN001
    figure = parse_figure(phrase, before=before)
    assert figure is not None, phrase
    got = (figure.value, figure.unit, figure.hedge, figure.low, figure.high)
    assert close(figure.value, value) and close(figure.low, low) and close(figure.high, high), got
    assert (figure.unit, figure.hedge) == (unit, hedge), got


def test_the_table_is_large_and_covers_every_class() -> None:
    classes = {row[0] for row in PHRASES}
    assert len(PHRASES) >= 300
    assert classes >= {
        "digits", "grouping", "decimals", "negatives", "words", "fractions", "scales",
        "codes", "signs", "names", "percent", "people", "units", "hyphenated", "hedges",
        "ranges", "vague",
    }  # fmt: skip


@pytest.mark.parametrize(
    "phrase",
    ["about", "nearly", "at least", "the third day", "half", "a", "-", "$", "%", "/", "₹", "and"],
)
def test_words_without_a_number_read_nothing(phrase: str) -> None:
    assert parse_figure(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("24/7", 24),  # not a fraction
        ("9/11", 9),
        ("two three", 2),  # not twenty-three nor five
        ("10-20-30", 15),
        ("1.500", 1.5),  # a single period group is a decimal point in English news
        ("TOP 10", 10),  # "TOP" is not the Tongan paʻanga
    ],
)
def test_odd_inputs_are_read_carefully(phrase: str, value: float) -> None:
    figure = parse_figure(phrase)
    assert figure is not None and figure.value == value
    assert figure.unit is None or figure.unit.islower()


def test_the_unit_after_the_selection_is_read() -> None:
    figure = parse_figure("280,000", before="recruited some ", after=" people since January")
    assert figure is not None
    assert (figure.value, figure.unit, figure.hedge) == (280_000, "people", "some")
    assert (figure.start, figure.end) == (0, 7)  # the span stays the selection


def test_a_range_is_not_read_past_the_selection() -> None:
    figure = parse_figure("10", after=" to 20 people")
    assert figure is not None and (figure.value, figure.hedge) == (10, None)


def test_counts_of_people_have_whole_ends() -> None:
    for text in ("about 15 people", "nearly 7 soldiers", "between 2.5 and 7.5 people"):
        figure = parse_figure(text)
        assert figure is not None and figure.unit == "people"
        assert all(x is None or float(x).is_integer() for x in (figure.low, figure.high)), text


def test_find_figures_reads_amounts_in_two_currencies() -> None:
    text = "fines of 30 EUR million (about C$44 million) and 25 € for each of 1 000 people"
    found = [(text[f.start : f.end], f.unit, f.value) for f in find_figures(text)]
    assert found == [
        ("30 EUR million", "EUR", 30e6),
        ("about C$44 million", "CAD", 44e6),
        ("25 €", "EUR", 25),
        ("1 000 people", "people", 1000),
    ]


def test_huge_and_hostile_text_is_quick() -> None:
    import time

    text = ("1,2,3,4 -- $$$ ¥¥ 1/2/3 and a and a " * 2000) + "9" * 5000
    started = time.perf_counter()
    find_figures(text)
    assert time.perf_counter() - started < 10  # about 1 s: linear, never stuck


def test_any_text_is_read_without_error_and_spans_stay_inside() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("0123456789 ,.-–/$€£¥₹%½½aAmbkKnd\u00a0\u202f") + [
        "million", " and ", "half", "a ", "C$", "EUR", "between ", " to ", "about ", "people",
        "plus", "minus ", "of ", "two", "-thirds", "lakh", "crore", "İ", "nearly ", "just over ",
    ])  # fmt: skip

    @settings(max_examples=300, deadline=None)
    @given(st.lists(alphabet, max_size=30).map("".join), st.text(max_size=20))
    def check(text: str, before: str) -> None:
        figure = parse_figure(text, before=before, after=before)
        if figure is not None:
            assert 0 <= figure.start <= figure.end <= len(text)
            assert figure.low is None or figure.high is None or figure.low <= figure.high
        for found in find_figures(text):
            assert 0 <= found.start < found.end <= len(text)

    check()


@pytest.mark.parametrize("phrase", ["3rd", "the 21st", "MH17", "COVID-19", "F-16", "B-52"])
def test_numbers_that_say_which_are_not_amounts(phrase: str) -> None:
    assert parse_figure(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "unit"), [("EUR340", "EUR"), ("Rs500", "INR"), ("s45,000 rubles", "RUB")]
)
def test_letters_glued_to_a_number_that_are_money_or_a_garble(phrase: str, unit: str) -> None:
    figure = parse_figure(phrase)
    assert figure is not None and figure.unit == unit
