"""The unit written after a number: percent, a measurement, a currency by name, people or
a plain noun ("21 countries"); and what a unit counts, for telling measures apart."""

from __future__ import annotations

from factcheck_gui.domain import currencies
from factcheck_gui.domain.amounts import Text
from factcheck_gui.domain.figure_words import (
    MONTHS,
    PEOPLE,
    PERCENT_WORDS,
    SCALES,
    UNIT_PHRASES,
    UNITS,
)

_STOP_WORDS = (
    "are is was were in of and to the a an from since by for on at or as with this that had "
    "have has be been than per each who which more strong said last plus odd percent into "
    "out up down over under about after before its their his her"
)
_STOP = frozenset(_STOP_WORDS.split()) | MONTHS


def unit_kind(unit: str | None) -> str | None:
    """What a unit counts, for telling measures apart: "people", "percent", "money" (any
    currency code), the unit itself, or None when no unit was read."""
    if unit is None:
        return None
    if unit in ("percent", "percentage points", "bps"):
        return "percent"
    if len(unit) == 3 and unit.isupper():
        return "money"
    return unit


def read_unit(c: Text, j: int) -> tuple[str | None, int]:
    """The unit written after the number, and the token after it."""
    n = len(c.toks)
    if j >= n or not c.spaced(j):
        return None, j
    t = c.toks[j]
    if t.text in PERCENT_WORDS:
        return "percent", j + 1
    if t.text == "‰":
        return "per mille", j + 1
    if t.text == "°" and c.word(j + 1) in ("c", "f") and c.glued(j + 1):
        return "°" + c.word(j + 1).upper(), j + 2
    if t.text in ("c", "f") and c.glued(j) and c.toks[j - 1].kind == "num":
        return "°" + t.text.upper(), j + 1  # "highs of 30C", BBC style
    if t.text == "p" and c.glued(j) and c.toks[j - 1].kind == "num":
        return "pence", j + 1  # "99p"
    if t.kind == "dash":  # "a 9-inch", "four-hour", "a 10-pound bag"
        w = c.word(j + 1)
        if c.glued(j) and c.glued(j + 1) and (w in UNITS or w in ("pound", "m")):
            return ("lb" if w == "pound" else UNITS.get(w, w)), j + 2
        return None, j
    for size in (3, 2):
        phrase = tuple(c.word(j + m) for m in range(size))
        if phrase in UNIT_PHRASES:
            return UNIT_PHRASES[phrase], j + size
    w = t.text
    if w in ("pound", "pounds") and (
        c.word(j + 1) == "of" or "weigh" in c.folded[max(0, t.start - 40) : t.start]
    ):
        return "lb", j + 1  # "three pounds of flour", "weighing 200 pounds"
    if w in UNITS:
        return UNITS[w], j + 1
    if w == "m":
        return "m", j + 1  # "1.9m tall", "5 m": what was not read as million
    k = j + 1 if w == "of" else j  # "tens of thousands of new recruits"
    for m in range(3):  # the noun, or up to two adjectives and the noun
        if k + m >= n or c.toks[k + m].kind != "word" or not c.spaced(k + m):
            break
        words = [c.word(k + m + x) for x in range(4)]
        named = currencies.longest_name(words)
        if named is not None:
            return named[0], k + m + named[1]
        if words[0] in PEOPLE:
            return "people", k + m + 1
        if words[0] in _STOP:
            break
    if t.kind == "word" and w not in _STOP and w not in SCALES and len(w) > 1:
        return w, j + 1  # a free unit: "21 countries", "40 barrels"
    return None, j
