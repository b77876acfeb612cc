"""Reading a figure from words: value, unit, hedge and the interval the words allow.

The rules for intervals are in ``intervals``; the vocabulary in ``figure_words``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from factcheck_gui.domain.figure_words import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    HEDGES,
    ONES,
    PEOPLE,
    SCALES,
    TENS,
    VAGUE_MULTIPLES,
    VAGUE_SCALES,
)
from factcheck_gui.domain.intervals import disjoint, interval

__all__ = [
    "Figure",
    "disjoint",
    "find_figures",
    "format_interval",
    "format_number",
    "interval",
    "parse_figure",
]


_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<word>[a-z]+)"
    r"|(?P<sym>us\$|[$€£₽¥%])"
    r"|(?P<dash>-)"
)
_PREFIX_WINDOW = 80
_STOP = {
    "are",
    "is",
    "was",
    "were",
    "in",
    "of",
    "and",
    "to",
    "the",
    "a",
    "an",
    "from",
    "since",
    "by",
    "for",
    "on",
    "at",
    "or",
    "as",
    "with",
    "this",
    "that",
    "had",
    "have",
    "has",
    "be",
    "been",
    "than",
    "per",
    "each",
    "who",
    "which",
    "more",
    "strong",
    "said",
    "last",
}


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


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # num, word, sym, dash
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Amount:
    value: float
    step: float  # implied precision
    first: int  # token indexes [first, last)
    last: int
    scaled: bool = False
    vague_high: float | None = None


def parse_figure(text: str, *, before: str = "") -> Figure | None:
    """The first figure in ``text``; ``before`` is the text just before it (for its hedge)."""
    lowered = _folded(text)
    tokens = _tokens(lowered)
    for i in range(len(tokens)):
        amount = _amount(tokens, i)
        if amount is not None:
            return _figure(lowered, tokens, amount, before.lower())
    return None


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, left to right (candidates for suggestion)."""
    lowered = _folded(text)
    tokens = _tokens(lowered)
    starts = [t.start for t in tokens]
    found, i = [], 0
    while i < len(tokens):
        amount = _amount(tokens, i)
        if amount is None:
            i += 1
            continue
        figure = _figure(lowered, tokens, amount, "")
        found.append(figure)
        i = max(i + 1, bisect_left(starts, figure.end))
    return found


def _folded(text: str) -> str:
    """Lower case with dashes and no-break spaces made plain, each character kept in place
    (so offsets into the result are offsets into ``text``)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.replace("–", "-").replace("—", "-").replace("\u00a0", " ")


def _tokens(s: str) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(s):
        kind = m.lastgroup or "word"
        out.append(_Token(kind, m.group(), m.start(), m.end()))
    return out


def _amount(tokens: list[_Token], i: int) -> _Amount | None:
    t = tokens[i]
    if t.kind == "num":
        digits = t.text.replace(",", "")
        value = float(digits)
        step = _step_of(digits)
        j = i + 1
        scaled = False
        if (
            j < len(tokens)
            and tokens[j].kind == "word"
            and tokens[j].text in SCALES
            and tokens[j].start - tokens[j - 1].end <= 1
        ):
            scale = SCALES[tokens[j].text]
            value, step, j, scaled = value * scale, step * scale, j + 1, True
        return _Amount(value, step, i, j, scaled)
    if t.kind == "word":
        return _vague(tokens, i) or _number_words(tokens, i)
    return None


def _step_of(digits: str) -> float:
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 10.0**zeros


def _vague(tokens: list[_Token], i: int) -> _Amount | None:
    words = [t.text for t in tokens[i : i + 3]]
    if (
        len(words) >= 3
        and words[0] in VAGUE_MULTIPLES
        and words[1] == "of"
        and words[2] in VAGUE_SCALES
    ):
        unit = VAGUE_MULTIPLES[words[0]] * VAGUE_SCALES[words[2]]
        return _Amount(
            2 * unit,
            unit,
            i,
            i + 3,
            vague_high=10 * unit
            if words[0] == "tens"
            else 1000 * VAGUE_SCALES[words[2]]
            if words[0] == "hundreds"
            else 12 * unit,
        )
    if (
        words
        and words[0] in VAGUE_SCALES
        and not (len(words) > 1 and words[1] == "of" and words[0] in VAGUE_MULTIPLES)
    ):
        unit = VAGUE_SCALES[words[0]]
        return _Amount(
            2 * unit,
            unit,
            i,
            i + 1,
            vague_high=1000 * unit if unit >= 1e3 else (10 * unit if unit == 1e2 else 12 * unit),
        )
    return None


def _number_words(tokens: list[_Token], i: int) -> _Amount | None:
    total, current, j, seen, last_scale = 0.0, 0.0, i, False, 1.0
    while j < len(tokens) and tokens[j].kind in ("word", "dash"):
        w = tokens[j].text
        if w == "-" and seen:
            j += 1
            continue
        if w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w in ("a", "an") and not seen:
            nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
            if nxt not in ("hundred", "thousand", "million", "billion", "dozen"):
                return None
            current = 1
        elif w == "hundred" and (seen or current):
            current = (current or 1) * 100
            last_scale = 100
        elif w == "dozen" and (seen or current):
            current = (current or 1) * 12
            last_scale = 12
        elif w in ("thousand", "million", "billion", "trillion") and (seen or current):
            scale = SCALES[w]
            total += (current or 1) * scale
            current = 0
            last_scale = scale
        elif w == "and" and seen:
            pass
        else:
            break
        seen = True
        j += 1
    while j > i and tokens[j - 1].text in ("and", "-", "a", "an"):
        j -= 1
    if not seen or j == i:
        return None
    value = total + current
    if value == 0 and tokens[i].text != "zero":
        return None
    return _Amount(value, last_scale if last_scale > 1 else 1.0, i, j, scaled=last_scale >= 1e3)


def _figure(s: str, tokens: list[_Token], amount: _Amount, before: str) -> Figure:
    start = tokens[amount.first].start
    end = tokens[amount.last - 1].end
    window = max(0, start - _PREFIX_WINDOW)  # hedges are a few words: never scan the whole text
    prefix = s[window:start]
    currency = None
    if (
        amount.first > 0
        and tokens[amount.first - 1].kind == "sym"
        and tokens[amount.first - 1].text in CURRENCY_SIGNS
    ):
        currency = CURRENCY_SIGNS[tokens[amount.first - 1].text]
        start = tokens[amount.first - 1].start
        prefix = s[window:start]
    hedge = _hedge_ending(prefix) or _hedge_ending(before + " " + prefix)
    if hedge and prefix.rstrip().endswith(hedge):
        start = window + prefix.rstrip().rfind(hedge)
    last = amount.last
    second = None
    between = prefix.rstrip().endswith(("between", "from"))
    if (
        last < len(tokens)
        and tokens[last].text in ("-", "to", "and")
        and (tokens[last].text != "and" or between)
    ):
        after = last + 1
        if after < len(tokens) and tokens[after].text in CURRENCY_SIGNS:  # "$1,000-$2,000"
            after += 1
        candidate = _amount(tokens, after) if after < len(tokens) else None
        if candidate is not None and candidate.vague_high is None:
            second, last = candidate, candidate.last
            end = tokens[last - 1].end
    unit, unit_end = _unit_after(tokens, last)
    if unit_end:
        end = max(end, unit_end)
    unit = currency or unit
    if second is not None:
        first = amount.value
        if not amount.scaled and second.scaled and amount.value < second.value:
            first = amount.value * _scale_hint(second)  # "10 to 20 million": 10 million
        if between:
            hedge = prefix.rstrip().rsplit(" ", 1)[-1]
            start = window + prefix.rstrip().rfind(hedge)
        return Figure(
            (first + second.value) / 2,
            unit,
            hedge or "between",
            first,
            second.value,
            start=start,
            end=end,
        )
    if amount.vague_high is not None:
        return Figure(
            amount.value,
            unit,
            hedge,
            amount.value,
            amount.vague_high,
            vague=True,
            start=start,
            end=end,
        )
    low, high = interval(amount.value, amount.step, HEDGES.get(hedge or "", "plain"))
    return Figure(amount.value, unit, hedge, low, high, start=start, end=end)


def _scale_hint(amount: _Amount) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if amount.value >= scale:
            return scale
    return 1.0


def _hedge_ending(prefix: str) -> str | None:
    tail = " ".join(prefix.split()[-4:])
    for hedge in sorted(HEDGES, key=len, reverse=True):
        if tail == hedge or tail.endswith(" " + hedge):
            return hedge
    return None


def _unit_after(tokens: list[_Token], j: int) -> tuple[str | None, int]:
    if j >= len(tokens):
        return None, 0
    t = tokens[j]
    if t.text == "%":
        return "percent", t.end
    words = [tk.text for tk in tokens[j : j + 3]]
    if words[:2] == ["per", "cent"]:
        return "percent", tokens[j + 1].end
    if words[:2] == ["percentage", "points"]:
        return "percentage points", tokens[j + 1].end
    if t.text in ("percent", "pc"):
        return "percent", t.end
    if words and words[0] == "of":  # "tens of thousands of new recruits"
        j += 1
    words = [tk.text for tk in tokens[j : j + 3]]
    for k, w in enumerate(words):  # the noun, or up to two adjectives and the noun
        if w in CURRENCY_WORDS:
            return CURRENCY_WORDS[w], tokens[j + k].end
        if w in PEOPLE:
            return "people", tokens[j + k].end
        if w in _STOP or tokens[j + k].kind != "word":
            break  # "120,000 are deaths": the noun is not the unit
    first = tokens[j] if j < len(tokens) else None
    if (
        first is not None
        and first.kind == "word"
        and first.text not in _STOP
        and first.text not in SCALES
        and first.start - tokens[j - 1].end <= 1
    ):
        return first.text, first.end  # a free unit: "21 countries", "40 km"
    return None, 0
