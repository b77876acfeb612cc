"""The figure parser, phrase by phrase: value, unit, hedge and the interval allowed.

Intervals follow the rules in ``factcheck_gui/domain/figures.py``: implied precision (half a
step of the last non-zero digit), 10% for "about", 90-100% for "nearly", open ends for
"at least" / "up to", wide marked-vague intervals for "millions" and the like.
"""

from __future__ import annotations

import pytest

from factcheck_gui.domain.figures import Figure, disjoint, find_figures, parse_figure

N = None
M = 1_000_000
# phrase, text before it, value, unit, hedge, low, high
TABLE: list[tuple[str, str, float | None, str | None, str | None, float | None, float | None]] = [
    # digits, separators, decimals and implied precision
    ("264,660", "", 264_660, N, N, 264_655, 264_665),
    ("5,000", "", 5_000, N, N, 4_500, 5_500),
    ("5,140", "", 5_140, N, N, 5_135, 5_145),
    ("280,000", "", 280_000, N, N, 275_000, 285_000),
    ("300,000", "", 300_000, N, N, 250_000, 350_000),
    ("1.5", "", 1.5, N, N, 1.45, 1.55),
    ("1,200", "", 1_200, N, N, 1_150, 1_250),
    ("600", "", 600, N, N, 550, 650),
    ("18", "", 18, N, N, 17.5, 18.5),
    ("2024", "", 2024, N, N, 2023.5, 2024.5),
    ("0.25", "", 0.25, N, N, 0.245, 0.255),
    ("120,000", "", 120_000, N, N, 115_000, 125_000),
    ("1,973", "", 1_973, N, N, 1_972.5, 1_973.5),
    # scale words and abbreviations
    ("6 million", "", 6 * M, N, N, 5.5 * M, 6.5 * M),
    ("1.5 million", "", 1.5 * M, N, N, 1.45 * M, 1.55 * M),
    ("1.5m", "", 1.5 * M, N, N, 1.45 * M, 1.55 * M),
    ("10k", "", 10_000, N, N, 5_000, 15_000),
    ("2.5 billion", "", 2.5e9, N, N, 2.45e9, 2.55e9),
    ("3bn", "", 3e9, N, N, 2.5e9, 3.5e9),
    ("7 million-strong", "", 7 * M, N, N, 6.5 * M, 7.5 * M),
    ("4 trillion", "", 4e12, N, N, 3.5e12, 4.5e12),
    ("12 thousand", "", 12_000, N, N, 11_500, 12_500),
    ("1.2mn", "", 1.2 * M, N, N, 1.15 * M, 1.25 * M),
    # number words
    ("six million", "", 6 * M, N, N, 5.5 * M, 6.5 * M),
    ("Five thousand dollars", "", 5_000, "USD", N, 4_500, 5_500),
    ("two dozen", "", 24, N, N, 18, 30),
    ("a dozen", "", 12, N, N, 6, 18),
    ("twenty-five", "", 25, N, N, 24.5, 25.5),
    ("three hundred", "", 300, N, N, 250, 350),
    ("a hundred", "", 100, N, N, 50, 150),
    ("one million", "", M, N, N, 0.5 * M, 1.5 * M),
    ("ten", "", 10, N, N, 9.5, 10.5),
    ("forty thousand", "", 40_000, N, N, 39_500, 40_500),
    ("two hundred thousand", "", 200_000, N, N, 199_500, 200_500),
    ("nineteen", "", 19, N, N, 18.5, 19.5),
    # vague amounts
    ("hundreds of thousands", "", 200_000, N, N, 200_000, 1 * M),
    ("tens of thousands", "", 20_000, N, N, 20_000, 100_000),
    ("millions", "", 2 * M, N, N, 2 * M, 1e9),
    ("thousands", "", 2_000, N, N, 2_000, 1 * M),
    ("hundreds", "", 200, N, N, 200, 1_000),
    ("dozens", "", 24, N, N, 24, 144),
    ("billions", "", 2e9, N, N, 2e9, 1e12),
    ("hundreds of millions", "", 200 * M, N, N, 200 * M, 1e9),
    ("tens of millions", "", 20 * M, N, N, 20 * M, 100 * M),
    ("millions of soldiers", "", 2 * M, "people", N, 2 * M, 1e9),
    # currencies
    ("$4.2bn", "", 4.2e9, "USD", N, 4.15e9, 4.25e9),
    ("$5,140", "", 5_140, "USD", N, 5_135, 5_145),
    ("$1,973", "", 1_973, "USD", N, 1_972.5, 1_973.5),
    ("€3 million", "", 3 * M, "EUR", N, 2.5 * M, 3.5 * M),
    ("£2.5bn", "", 2.5e9, "GBP", N, 2.45e9, 2.55e9),
    ("190,000 rubles", "", 190_000, "RUB", N, 185_000, 195_000),
    ("45,000 roubles", "", 45_000, "RUB", N, 44_500, 45_500),
    ("100 euros", "", 100, "EUR", N, 50, 150),
    ("50 pounds", "", 50, "GBP", N, 45, 55),
    ("2,000 dollars", "", 2_000, "USD", N, 1_500, 2_500),
    ("US$300", "", 300, "USD", N, 250, 350),
    ("₽1,000", "", 1_000, "RUB", N, 500, 1_500),
    ("10 million hryvnias", "", 10 * M, "UAH", N, 5 * M, 15 * M),  # "10": one figure
    ("salaries of up to $4,160", "", 4_160, "USD", "up to", N, 4_160),
    ("more than $5,000", "", 5_000, "USD", "more than", 5_000, N),
    ("just under $2,000", "", 2_000, "USD", "just under", 1_800, 2_000),
    # percentages
    ("30 percent", "", 30, "percent", N, 25, 35),
    ("30%", "", 30, "percent", N, 25, 35),
    ("12.5 per cent", "", 12.5, "percent", N, 12.45, 12.55),
    ("more than 30 percent", "", 30, "percent", "more than", 30, N),
    ("about 40%", "", 40, "percent", "about", 35, 45),  # the precision is wider than 10%
    ("about 42%", "", 42, "percent", "about", 37.8, 46.2),
    ("2 percentage points", "", 2, "percentage points", N, 1.5, 2.5),
    # hedges inside the span
    ("at least 6 million", "", 6 * M, N, "at least", 6 * M, N),
    ("upwards of six million", "", 6 * M, N, "upwards of", 6 * M, N),
    ("more than 1,000", "", 1_000, N, "more than", 1_000, N),
    ("over 1,200 soldiers", "", 1_200, "people", "over", 1_200, N),
    ("about 500,000", "", 500_000, N, "about", 450_000, 550_000),
    ("around 600 troops", "", 600, "people", "around", 540, 660),
    ("some 280,000", "", 280_000, N, "some", 252_000, 308_000),
    ("roughly 2,000", "", 2_000, N, "roughly", 1_500, 2_500),
    ("approximately 75", "", 75, N, "approximately", 67.5, 82.5),
    ("nearly 300,000", "", 300_000, N, "nearly", 270_000, 300_000),
    ("almost 1,000", "", 1_000, N, "almost", 900, 1_000),
    ("up to 180,000", "", 180_000, N, "up to", N, 180_000),
    ("as many as 120,000", "", 120_000, N, "as many as", N, 120_000),
    ("just under 2,000", "", 2_000, N, "just under", 1_800, 2_000),
    ("fewer than 100", "", 100, N, "fewer than", N, 100),
    ("less than 5%", "", 5, "percent", "less than", N, 5),
    ("exactly 264,660", "", 264_660, N, "exactly", 264_660, 264_660),
    ("no fewer than 50", "", 50, N, "no fewer than", 50, N),
    ("in excess of 10,000", "", 10_000, N, "in excess of", 10_000, N),
    ("an estimated 1.5 million", "", 1.5 * M, N, "an estimated", 1.35 * M, 1.65 * M),
    ("close to 500", "", 500, N, "close to", 450, 500),
    ("just over 100", "", 100, N, "just over", 100, 110),
    ("at most 20", "", 20, N, "at most", N, 20),
    # hedges standing before the selected span
    ("300,000", "casualties are nearing ", 300_000, N, "nearing", 270_000, 300_000),
    ("6 million migrants", "There are at least ", 6 * M, "people", "at least", 6 * M, N),
    ("120,000", "of which as many as ", 120_000, N, "as many as", N, 120_000),
    ("180,000", "and up to ", 180_000, N, "up to", N, 180_000),
    ("500,000 soldiers", "had lost about ", 500_000, "people", "about", 450_000, 550_000),
    ("280,000 people", "recruited some ", 280_000, "people", "some", 252_000, 308_000),
    ("1,200 soldiers", "with over ", 1_200, "people", "over", 1_200, N),
    ("264,660", "had lost ", 264_660, N, N, 264_655, 264_665),
    # ranges
    ("between 10 and 20", "", 15, N, "between", 10, 20),
    ("10-20", "", 15, N, "between", 10, 20),
    ("10–20", "", 15, N, "between", 10, 20),
    ("10 to 20 million", "", 15 * M, N, "between", 10 * M, 20 * M),
    ("between 5,000 and 7,000 troops", "", 6_000, "people", "between", 5_000, 7_000),
    ("from 100 to 200", "", 150, N, "from", 100, 200),
    ("$1,000-$2,000", "", 1_500, "USD", "between", 1_000, 2_000),
    # units
    ("280,000 people", "", 280_000, "people", N, 275_000, 285_000),
    ("6 million migrants", "", 6 * M, "people", N, 5.5 * M, 6.5 * M),
    ("300,000 military reservists", "", 300_000, "people", N, 250_000, 350_000),
    ("tens of thousands of new recruits", "", 20_000, "people", N, 20_000, 100_000),
    ("at least 21 countries", "", 21, "countries", "at least", 21, N),
    ("40 km", "", 40, "km", N, 35, 45),
    ("600 troops", "", 600, "people", N, 550, 650),
]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


@pytest.mark.parametrize(("phrase", "before", "value", "unit", "hedge", "low", "high"), TABLE)
def test_the_parser_table(phrase, before, value, unit, hedge, low, high) -> None:  # noqa: ANN001
    figure = parse_figure(phrase, before=before)
    assert figure is not None, phrase
    got = (figure.value, figure.unit, figure.hedge, figure.low, figure.high)
    assert close(figure.value, value) and close(figure.low, low) and close(figure.high, high), got
    assert (figure.unit, figure.hedge) == (unit, hedge), got


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 100


@pytest.mark.parametrize("phrase", ["millions", "hundreds of thousands", "dozens"])
def test_vague_amounts_are_marked(phrase: str) -> None:
    figure = parse_figure(phrase)
    assert figure is not None and figure.vague


@pytest.mark.parametrize("phrase", ["no figure here", "", "the ministry said", "a and the"])
def test_words_without_a_figure(phrase: str) -> None:
    assert parse_figure(phrase) is None


def test_as_dict_for_the_command_line() -> None:
    figure = parse_figure("at least 6 million migrants")
    assert figure is not None
    assert figure.as_dict() == {
        "value": 6_000_000,
        "unit": "people",
        "hedge": "at least",
        "low": 6_000_000,
        "high": None,
    }


def test_disjoint_intervals_conflict() -> None:
    def f(phrase: str) -> Figure:
        figure = parse_figure(phrase)
        assert figure is not None
        return figure

    nearly, about, ukraine, millions = (
        f("nearly 300,000"),
        f("about 500,000"),
        f("264,660"),
        f("millions"),
    )
    assert disjoint(nearly, about) and disjoint(nearly, ukraine) and disjoint(about, millions)
    assert not disjoint(f("at least 6 million"), f("upwards of six million"))
    assert not disjoint(f("about 280,000"), f("280,000"))
    assert not disjoint(f("up to 180,000"), f("at least 100,000"))


def test_find_figures_walks_a_sentence() -> None:
    text = "offering down payments of 45,000 rubles ($5,140) and salaries of 190,000 rubles"
    found = [(text[f.start : f.end], f.unit) for f in find_figures(text)]
    assert found == [("45,000 rubles", "RUB"), ("$5,140", "USD"), ("190,000 rubles", "RUB")]
