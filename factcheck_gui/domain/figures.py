"""Reading a figure from words: value, unit, hedge and the interval the words allow.

One grammar for amounts (the number part is in ``amounts``)::

    figure := [hedge] [sign] [currency] [sign] amount [currency [scale]]
              [range-to amount] [after-hedge] [share | unit]
    range  := "between" amount "and" amount | amount ("to" | "-" | "or") amount

Currencies come from CLDR through babel (``currencies``, where the choices for "$" and "¥"
are written down); the interval rules are in ``intervals``; the vocabulary of hedges,
scales, units and people in ``figure_words``; the unit after a number in ``units``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck_gui.domain import currencies
from factcheck_gui.domain.amounts import Amount, Text, fold, read_amount, tokens
from factcheck_gui.domain.figure_words import AFTER_HEDGES, HEDGES, PERCENT_WORDS, SCALES
from factcheck_gui.domain.intervals import WHOLE_UNITS, disjoint, interval, whole
from factcheck_gui.domain.units import read_unit, unit_kind

__all__ = [
    "Figure",
    "disjoint",
    "find_figures",
    "format_interval",
    "format_number",
    "interval",
    "parse_figure",
    "unit_kind",
]

_PREFIX_WINDOW = 80  # hedges and currencies are a few words: never scan the whole text
_SUFFIX_WINDOW = 60
_BEFORE_HEDGES = {tuple(h.split()): h for h in HEDGES if h not in AFTER_HEDGES}
_AFTER = {words: h for h, words in AFTER_HEDGES.items()}
_SIGN_WORDS = {"rs": "INR", "tk": "BDT"}  # signs written as letters: "Rs 500", "Tk 5,000"
_AFTER_FIRST = frozenset(words[0] for words in _AFTER)


@dataclass(frozen=True, slots=True)
class Figure:
    value: float | None
    unit: str | None
    hedge: str | None
    low: float | None
    high: float | None
    vague: bool = False
    start: int = 0  # where in the text the figure's words begin and end
    end: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "value": _plain(self.value),
            "unit": self.unit,
            "hedge": self.hedge,
            "low": _plain(self.low),
            "high": _plain(self.high),
        }


def format_number(x: float | None, *, empty: str = "") -> str:
    """A figure's number for people: 264,660; 1,972.5; ``empty`` for an open end."""
    if x is None:
        return empty
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6f}".rstrip("0").rstrip(".")


def format_interval(low: float | None, high: float | None) -> str:
    """ "250,000 – 350,000", "≥ 6,000,000", "≤ 180,000", a single number, or "open"."""
    if low is None and high is None:
        return "open"
    if high is None:
        return f"≥ {format_number(low)}"
    if low is None:
        return f"≤ {format_number(high)}"
    if low == high:
        return format_number(low)
    return f"{format_number(low)} – {format_number(high)}"


def _plain(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 1e15 else round(x, 6)


def parse_figure(text: str, *, before: str = "", after: str = "") -> Figure | None:
    """The first figure in ``text``. ``before`` is the text just before it (for its hedge
    and currency), ``after`` the text just after it (for its scale and unit)."""
    context = before[-_PREFIX_WINDOW:]
    whole_text = context + text + after[:_SUFFIX_WINDOW]
    offset, limit = len(context), len(context) + len(text)
    folded = fold(whole_text)
    toks = tokens(folded)
    for i, t in enumerate(toks):
        if t.end <= offset:
            continue
        if t.start >= limit:
            break
        found = _read(Text(whole_text, folded, toks, limit), i)
        if found is not None:
            figure = found[0]
            start = min(max(figure.start - offset, 0), len(text))
            return replace(figure, start=start, end=min(max(figure.end - offset, start), len(text)))
    return None


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, left to right (candidates for suggestion)."""
    folded = fold(text)
    context = Text(text, folded, tokens(folded), len(text))
    found, i = [], 0
    while i < len(context.toks):
        read = _read(context, i)
        if read is None:
            i += 1
            continue
        found.append(read[0])
        i = max(i + 1, read[1])
    return found


def _read(c: Text, i: int) -> tuple[Figure, int] | None:
    """The figure whose number begins at token i, and the token after it."""
    if _is_name_or_ordinal(c, i):
        return None
    amount = read_amount(c.toks, i, c.folded)
    if amount is None:
        return None
    first, negative = _sign(c, i)
    currency, first = _currency_before(c, first)
    if currency is not None and not negative:
        first, negative = _sign(c, first)
    hedge, first = _hedge_before(c, first)
    j = amount.last
    if currency is None:
        currency, j, amount = _currency_after(c, j, amount)
    between = hedge in ("between", "from")
    second = _range_end(c, j, amount, between=between)
    if second is None and hedge == "between" and c.word(j) in PERCENT_WORDS and c.spaced(j):
        second = _range_end(c, j + 1, amount, between=True)  # "between 20% and 30%"
    if second is not None:
        if currency is None:
            currency, j, second = _currency_after(c, second.last, second)
        else:
            j = second.last
    if second is None and between:
        hedge, first = None, first + 1  # "from 2.1% to 2.4%" is a change, not a range
    after_hedge, j = _hedge_after(c, j)
    unit: str | None
    if amount.share and second is None and amount.scale == 1 and c.word(j) in ("of", "the"):
        amount = replace(amount, value=amount.value * 100, step=amount.step * 100)
        unit = "percent"  # "two-thirds of the members" is a share
    else:
        unit, j = (None, j) if currency else read_unit(c, j)
    if unit == "pence":  # "99p" is £0.99
        factor = 0.01
        amount = replace(amount, value=amount.value * factor, step=amount.step * factor)
        unit = "GBP"
    unit = currency or unit
    start, end = c.toks[first].start, c.toks[j - 1].end
    sign = -1.0 if negative else 1.0
    if second is not None:
        ends = whole(_range_low(amount, second) * sign, second.value)
        low, high = (
            ends if unit in WHOLE_UNITS else (_range_low(amount, second) * sign, second.value)
        )
        assert low is not None and high is not None
        figure = Figure((low + high) / 2, unit, hedge or "between", low, high, False, start, end)
    elif amount.vague_high is not None:
        figure = Figure(
            amount.value, unit, hedge, amount.value, amount.vague_high, True, start, end
        )
    else:
        said = hedge or after_hedge
        value = amount.value * sign
        bounds = interval(value, amount.step, HEDGES.get(said or "", "plain"), unit=unit)
        figure = Figure(value, unit, said, bounds[0], bounds[1], False, start, end)
    return figure, j


def _is_name_or_ordinal(c: Text, i: int) -> bool:
    """ "3rd", "MH17", "COVID-19", "F-16": a number that says which, not how many. (A single
    letter glued on, "s45,000", is kept: it is how a garbled number looks.)"""
    t = c.toks[i]
    if t.kind != "num":
        return False
    if c.word(i + 1) in ("st", "nd", "rd", "th") and c.glued(i + 1):
        return True
    k = i - 1
    if c.word(k) == "-" and c.glued(i) and c.glued(k) and c.toks[k - 1].kind == "word":
        return not _money_word(c, k - 1)  # "COVID-19", "F-16"
    if k >= 0 and c.toks[k].kind == "word" and c.glued(i):
        return len(c.toks[k].text) > 1 and not _money_word(c, k)  # "MH17", not "EUR340"
    return False


def _money_word(c: Text, k: int) -> bool:
    t = c.toks[k]
    return bool(currencies.code(c.raw(k)) or currencies.sign(t.text) or t.text in _SIGN_WORDS)


def _sign(c: Text, first: int) -> tuple[int, bool]:
    """A minus before the number: "-2.5%", "minus seven"; not the dash of "10-20"."""
    k = first - 1
    if k < 0:
        return first, False
    t = c.toks[k]
    if t.kind == "dash" and c.glued(first) and not (c.glued(k) and c.toks[k - 1].kind != "sym"):
        return k, True
    if t.text == "minus" and c.spaced(first) and not c.glued(k):  # not "plus-or-minus 3"
        return k, True
    return first, False


def _currency_before(c: Text, first: int) -> tuple[str | None, int]:
    k = first - 1
    if k < 0:
        return None, first
    t = c.toks[k]
    gap = c.folded[t.end : c.toks[first].start]
    if gap.strip() and not (t.text in _SIGN_WORDS and gap.strip() == "."):
        return None, first
    if t.kind == "sym":
        if k > 0 and c.toks[k - 1].kind == "word" and c.glued(k):
            prefixed = currencies.sign(c.toks[k - 1].text + t.text)  # "c$", "hk$", "mxn$"
            if prefixed is not None:
                return prefixed, k - 1
        found = currencies.sign(t.text)
        return (found, k) if found else (None, first)
    if t.kind == "word":
        if t.text in _SIGN_WORDS:
            return _SIGN_WORDS[t.text], k
        found = currencies.code(c.raw(k)) or currencies.sign(t.text)
        if found is not None:
            return found, k
    return None, first


def _currency_after(c: Text, j: int, amount: Amount) -> tuple[str | None, int, Amount]:
    """ "25 €", "450 USD", "30 EUR million" (the scale after the code)."""
    if j >= len(c.toks) or not c.spaced(j):
        return None, j, amount
    t = c.toks[j]
    found = currencies.sign(t.text) if t.kind in ("sym", "word") else None
    if found is None and t.kind == "word":
        found = currencies.code(c.raw(j))
    if found is None:
        return None, j, amount
    j += 1
    scale = SCALES.get(c.word(j), 0.0)
    if scale and len(c.word(j)) > 1 and c.spaced(j) and amount.scale == 1:
        amount = replace(amount, value=amount.value * scale, step=amount.step * scale, scale=scale)
        j += 1
    return found, j, amount


def _hedge_before(c: Text, first: int) -> tuple[str | None, int]:
    words: list[str] = []
    k = first
    while len(words) < 4 and k > 0 and c.spaced(k) and c.toks[k - 1].kind in ("word", "sym"):
        if c.toks[k - 1].kind == "sym" and c.toks[k - 1].text not in ("~", "≈", "<", ">", "≤", "≥"):
            break
        k -= 1
        words.insert(0, c.toks[k].text)
    for n in range(len(words), 0, -1):
        phrase = tuple(words[-n:])
        if phrase in _BEFORE_HEDGES:
            return _BEFORE_HEDGES[phrase], first - n
        if n == 1 and phrase[0] in ("between", "from"):
            return phrase[0], first - 1
    return None, first


def _hedge_after(c: Text, j: int) -> tuple[str | None, int]:
    """ "80-plus", "80+", "1,000 or more", "40-odd", "20 or so"."""
    if j >= len(c.toks):
        return None, j
    k = j + 1 if c.word(j) == "-" and c.glued(j) else j
    if c.word(k) == "+" and c.glued(k):
        return "plus", k + 1
    if c.word(k) in _AFTER_FIRST and (c.spaced(k) if k == j else c.glued(k)):
        for words, hedge in _AFTER.items():
            if tuple(c.word(k + m) for m in range(len(words))) == words:
                return hedge, k + len(words)
    return None, j


def _range_end(c: Text, j: int, amount: Amount, *, between: bool) -> Amount | None:
    """The second number of "10-20", "10 to 20 million", "between 10 and 15", "two or three"."""
    if j + 1 >= len(c.toks) or c.toks[j].start >= c.limit or amount.vague_high is not None:
        return None
    link = c.word(j)
    if link not in ("-", "to", "and", "or") or (link == "and" and not between):
        return None
    if not c.spaced(j):
        return None
    k = j + 1
    sign = c.toks[k].kind == "sym" and currencies.sign(c.toks[k].text)  # "$1,000-$2,000"
    if sign or (c.toks[k].kind == "word" and currencies.code(c.raw(k))):
        k += 1
    if not c.spaced(k):
        return None
    second = read_amount(c.toks, k, c.folded)
    if second is None or second.vague_high is not None or second.share != amount.share:
        return None
    if not _range_low(amount, second) < second.value:
        return None  # "2020-21", "one or two of the 30"
    if link == "or" and (amount.scale != second.scale or c.toks[k].kind != c.toks[j - 1].kind):
        return None
    return second


def _range_low(first: Amount, second: Amount) -> float:
    if first.scale == 1 and second.scale > 1 and first.value * second.scale <= second.value:
        return first.value * second.scale  # "10 to 20 million": the 10 is 10 million
    return first.value
