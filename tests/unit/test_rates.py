"""Implied exchange rates: pairs of amounts in two currencies, and the odd ones flagged."""

from __future__ import annotations

from factcheck_gui.domain.rates import implied_rates
from tests.conftest import SEEDS


def test_the_sample_with_a_garbled_amount_is_flagged_and_only_it() -> None:
    text = (SEEDS / "001_bf0500b653b06110.txt").read_text(encoding="utf-8")
    rates = implied_rates(text)
    assert [(r.quote, r.base, r.quoted, round(r.rate, 2), r.flagged) for r in rates] == [
        ("45,000 rubles ($5,140)", "RUB", "USD", 8.75, True),
        ("190,000 rubles ($1,973)", "RUB", "USD", 96.3, False),
    ]
    assert text[rates[0].start : rates[0].end] == rates[0].quote
    assert rates[0].reason == (
        "implies 8.75 RUB per USD; the article's other amounts imply 96.30; "
        "a number in it is glued to a letter"
    )


def test_the_odd_rate_out_of_three_is_flagged() -> None:
    text = "paid 100 euros ($110), then 200 euros ($220) and 300 euros (about $900)."
    rates = implied_rates(text)
    assert [r.flagged for r in rates] == [False, False, True]
    assert rates[2].quote == "300 euros (about $900)"


def test_two_rates_that_disagree_with_nothing_to_choose_are_both_flagged() -> None:
    rates = implied_rates("100 euros ($110) one day and 100 euros ($300) the next")
    assert [r.flagged for r in rates] == [True, True]


def test_amounts_far_apart_or_in_one_currency_give_no_rate() -> None:
    assert implied_rates("100 euros were paid. Later $110 arrived.") == []
    assert implied_rates("$100 ($110)") == []
    assert implied_rates("100 euros (€110)") == []
