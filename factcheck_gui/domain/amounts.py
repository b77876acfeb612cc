"""The number part of the figure grammar: tokens, and the amount a run of them states.

    amount  := number scale*  |  vague
    number  := digits [fraction] | digits "/" digits | vulgar | words
    digits  := 1,234.5 | 1.234.567,5 | 85 000 | 12,34,567 (lakh) | .5 | 3,5 (before a scale)
    words   := "two and a half" | "twenty-five" | "two point five" | "a dozen" | "two-thirds"
    scale   := thousand | million | m | mn | bn | bln | billion | trillion | lakh | crore | k

Each amount carries its implied precision (``step``) for the rules in ``intervals``: the
last non-zero digit of what is written, times its scale; a fraction is as precise as a
decimal of one place ("7 1/2" like "7.5", "half a million" like "0.5 million").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from factcheck_gui.domain.figure_words import (
    ATTACHED_SCALES,
    DIMENSIONS,
    FRACTIONS,
    ONES,
    SCALES,
    SLASH_DENOMINATORS,
    TENS,
    VAGUE_MULTIPLES,
    VAGUE_SCALES,
    VULGAR,
)

_CURRENCY_CHARS = "".join(
    chr(c) for c in range(0x20, 0x3000) if unicodedata.category(chr(c)) == "Sc"
)
_TOKEN = re.compile(
    r"(?P<num>"
    r"\d{1,2}(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?"  # Indian: 12,34,567
    r"|\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?"  # 1,234,567.5
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d])"  # 1.234.567,5
    r"|\d{1,3}(?:\.\d{3})+,\d+(?![\d])"  # 1.234,5
    r"|\d{1,3}(?: \d{3})+(?![\d])(?:\.\d+)?"  # 85 000 (thin and no-break spaces folded)
    r"|\d+,\d{1,2}(?=\s?(?:%|percent|per cent|million|billion|bn|mn|mln|thousand|[€$£]))"
    r"|\d*\.\d+|\d+)"
    rf"|(?P<frac>[{''.join(VULGAR)}])"
    r"|(?P<word>[^\W\d_]+)"
    rf"|(?P<sym>[{re.escape(_CURRENCY_CHARS)}元%‰~≈<>≤≥+°])"
    r"|(?P<dash>-)"
    r"|(?P<slash>/)"
)
_FOLD = str.maketrans({"–": "-", "—": "-", "−": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # num, frac, word, sym, dash, slash
    text: str  # folded to lower case
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    step: float  # implied precision
    first: int  # token indexes [first, last)
    last: int
    scale: float = 1.0  # the scale words' product: "10 to 20 million" lends it to the 10
    share: bool = False  # a fraction of a whole: "two-thirds", "half"
    vague_high: float | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """A text being read: as written, folded, its tokens, and where the selection ends."""

    original: str
    folded: str
    toks: list[Token]
    limit: int  # a range must begin before here (the end of the selection)

    def word(self, k: int) -> str:
        return self.toks[k].text if 0 <= k < len(self.toks) else ""

    def raw(self, k: int) -> str:
        t = self.toks[k]
        return self.original[t.start : t.end]

    def spaced(self, k: int) -> bool:
        return 0 < k < len(self.toks) and spaced(self.toks, k, self.folded)

    def glued(self, k: int) -> bool:
        return 0 < k < len(self.toks) and glued(self.toks, k, self.folded)


def fold(text: str) -> str:
    """Lower case with dashes and odd spaces made plain, each character kept in place (so
    offsets into the result are offsets into ``text``)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.translate(_FOLD)


def tokens(folded: str) -> list[Token]:
    return [
        Token(m.lastgroup or "word", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)
    ]


def glued(toks: list[Token], i: int, s: str) -> bool:
    """Token i follows token i-1 with nothing between."""
    return i > 0 and toks[i].start == toks[i - 1].end


def spaced(toks: list[Token], i: int, s: str) -> bool:
    """Token i follows token i-1 with only white space (or nothing) between."""
    return i > 0 and (
        toks[i].start == toks[i - 1].end or not s[toks[i - 1].end : toks[i].start].strip()
    )


def digits_value(text: str) -> tuple[float, float]:
    """The value and implied step of a digits token in any of its groupings."""
    t = text.replace(" ", "")
    if "," in t and "." in t:
        decimal = "," if t.rfind(",") > t.rfind(".") else "."
        group = "." if decimal == "," else ","
        t = t.replace(group, "").replace(decimal, ".")
    elif "," in t:
        t = t.replace(",", "") if len(t) - t.rfind(",") == 4 else t.replace(",", ".")
    elif t.count(".") > 1:
        t = t.replace(".", "")
    if "." in t:
        step = 10.0 ** -len(t.split(".")[1])
    else:
        stripped = t.rstrip("0")
        step = 10.0 ** (len(t) - len(stripped)) if stripped else 1.0
    return float(t), step


def read_amount(toks: list[Token], i: int, s: str) -> Amount | None:
    """The amount that begins at token i, or None."""
    t = toks[i]
    amount: Amount | None
    if t.kind == "num":
        amount = _digits(toks, i, s)
    elif t.kind == "frac":
        amount = Amount(VULGAR[t.text], 0.1, i, i + 1, share=True)
    elif t.kind == "word":
        amount = _vague(toks, i) or _words(toks, i, s)
        if amount is None or amount.vague_high is not None:
            return amount
    else:
        return None
    return _scaled(toks, amount, s) if amount is not None else None


def _digits(toks: list[Token], i: int, s: str) -> Amount:
    value, step = digits_value(toks[i].text)
    j, share = i + 1, False
    slash = _slash_fraction(toks, i, s)
    if slash is not None:  # "1/2"
        value, step, j, share = slash, 0.1, i + 3, True
    elif value.is_integer() and j < len(toks) and spaced(toks, j, s):
        if toks[j].kind == "frac":  # "7½"
            value, step, j = value + VULGAR[toks[j].text], 0.1, j + 1
        else:
            slash = _slash_fraction(toks, j, s) if toks[j].kind == "num" else None
            if slash is not None and toks[j].start > toks[i].end:  # "7 1/2"
                value, step, j = value + slash, 0.1, j + 3
    if j < len(toks) and spaced(toks, j, s) and toks[j].text in ("hundred", "dozen"):
        times = 100.0 if toks[j].text == "hundred" else 12.0  # "45 hundred", "2 1/2 dozen"
        return Amount(value * times, step * times if times == 100 else 12.0, i, j + 1)
    return Amount(value, step, i, j, share=share)


def _slash_fraction(toks: list[Token], i: int, s: str) -> float | None:
    if i + 2 >= len(toks) or toks[i + 1].kind != "slash" or toks[i + 2].kind != "num":
        return None
    if not (glued(toks, i + 1, s) and glued(toks, i + 2, s)):
        return None
    top, bottom = toks[i].text, toks[i + 2].text
    if not (top.isdigit() and bottom.isdigit()) or int(bottom) not in SLASH_DENOMINATORS:
        return None
    if int(top) >= int(bottom) or (i + 3 < len(toks) and toks[i + 3].kind == "slash"):
        return None  # "4/9/2023" is a date
    return int(top) / int(bottom)


def _scaled(toks: list[Token], amount: Amount, s: str) -> Amount:
    """The amount times the scale words after it ("1.5 million", "2 lakh crore")."""
    value, step, scale, j = amount.value, amount.step, amount.scale, amount.last
    while j < len(toks) and toks[j].kind == "word" and toks[j].text in SCALES:
        w = toks[j].text
        if w.endswith("s") and w not in ("lakhs", "lacs", "crores"):
            break  # "thousands" after a number is a vague amount of its own
        if w in ATTACHED_SCALES and not glued(toks, j, s):
            break  # "5 m" is metres; "10 k" nothing
        if not spaced(toks, j, s):
            break
        if w == "m" and j + 1 < len(toks) and toks[j + 1].text in DIMENSIONS:
            break  # "1.9m tall"
        value, step, scale = value * SCALES[w], step * SCALES[w], scale * SCALES[w]
        j += 1
    if j == amount.last:
        return amount
    return Amount(value, step, amount.first, j, scale, False, None)


def _vague(toks: list[Token], i: int) -> Amount | None:
    words = [t.text for t in toks[i : i + 3]]
    if (
        len(words) >= 3
        and words[0] in VAGUE_MULTIPLES
        and words[1] == "of"
        and words[2] in VAGUE_SCALES
    ):
        unit = VAGUE_MULTIPLES[words[0]] * VAGUE_SCALES[words[2]]
        if words[0] == "tens":
            high = 10 * unit
        elif words[0] == "hundreds":
            high = 1000 * VAGUE_SCALES[words[2]]
        else:
            high = 12 * unit
        return Amount(2 * unit, unit, i, i + 3, vague_high=high)
    if (
        words
        and words[0] in VAGUE_SCALES
        and not (len(words) > 2 and words[1] == "of" and words[2] in VAGUE_SCALES)
    ):
        unit = VAGUE_SCALES[words[0]]
        high = 1000 * unit if unit >= 1e3 else (10 * unit if unit == 1e2 else 12 * unit)
        return Amount(2 * unit, unit, i, i + 1, vague_high=high)
    return None


_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_BIG |= {"lakh": 1e5, "crore": 1e7}
_AFTER_A = frozenset({"hundred", "dozen", *_BIG, *FRACTIONS})


def _words(toks: list[Token], i: int, s: str) -> Amount | None:
    """Number words: "two hundred and five", "two and a half million", "seven tenths"."""
    n = len(toks)
    total = current = 0.0
    step, total_step = 1.0, 1.0
    seen = share = False
    after_scale = False  # the last word was hundred/thousand...: "and five" may follow
    j = i

    def word(k: int) -> str:
        return toks[k].text if k < n and toks[k].kind in ("word", "dash") else ""

    while j < n and toks[j].kind in ("word", "dash"):
        if j > i and not spaced(toks, j, s):
            break
        w = toks[j].text
        if w == "-":
            if seen and glued(toks, j, s) and j + 1 < n and glued(toks, j + 1, s):
                j += 1
                continue
            break
        if w in ONES or w in TENS:
            compound = current % 100 in TENS.values() and ONES.get(w, 10) < 10  # "twenty-five"
            if seen and not after_scale and not compound:
                break  # "two three" is not one number
            current += ONES.get(w, 0) + TENS.get(w, 0)
            step, after_scale = 1.0, False
        elif w in ("a", "an") and not seen:
            if word(j + 1) not in _AFTER_A:
                return None
            current, step = 1.0, 1.0
        elif w == "half" and not seen:
            if word(j + 1) not in ("a", "an", "of", "the", *_BIG, "-", "dozen"):
                return None
            current, step, share = 0.5, 0.1, True
            if word(j + 1) in ("a", "an"):
                j += 1
        elif w in FRACTIONS and seen and current and not after_scale and current < FRACTIONS[w]:
            current, step, share = current / FRACTIONS[w], 0.1, True  # "two-thirds"
        elif w == "point" and seen and word(j + 1) in ONES and ONES[word(j + 1)] < 10:
            places = 0
            while word(j + 1) in ONES and ONES[word(j + 1)] < 10:
                places += 1
                current += ONES[word(j + 1)] * 10.0**-places
                j += 1
            step = 10.0**-places
        elif w == "and" and seen:
            hyphens = word(j + 1) == "-"  # "one-and-a-half"
            at = j + 1 + hyphens
            nxt, third = word(at), word(at + 1 + hyphens)
            past = at + 2 + hyphens
            if (
                nxt in ("a", "an", "one")
                and third in FRACTIONS
                and third not in ("tenth", "tenths")
            ):
                current += 1 / FRACTIONS[third]  # "two and a half"
                step, j = 0.1, past
                continue
            if nxt in ONES and third in FRACTIONS and ONES[nxt] < FRACTIONS[third]:
                current += ONES[nxt] / FRACTIONS[third]  # "one and three quarters"
                step, j = 0.1, past
                continue
            if not after_scale or not (nxt in ONES or nxt in TENS):
                break  # "between ten and fifteen" is two numbers
        elif w == "of" and share and word(j + 1) in ("a", "an") and word(j + 2) in _BIG:
            j += 2  # "a quarter of a million"
            continue
        elif w == "hundred" and seen:
            current, step, after_scale = (current or 1) * 100, step * 100, True
        elif w == "dozen" and seen:
            current, step, after_scale = (current or 1) * 12, 12.0, True
        elif w in _BIG and seen:
            total += (current or 1) * _BIG[w]
            total_step = _BIG[w] * min(step, 1.0)
            current, step, after_scale, share = 0.0, 1.0, True, False
        else:
            break
        seen = True
        j += 1
    while j > i and toks[j - 1].text in ("and", "-", "a", "an", "point"):
        if toks[j - 1].text in ("a", "an") and j - 2 >= i and toks[j - 2].text == "half":
            break  # "half an hour"
        j -= 1
    if not seen or j == i:
        return None
    value = total + current
    if value == 0 and toks[i].text != "zero":
        return None
    return Amount(value, step if current else total_step, i, j, share=share and not total)
