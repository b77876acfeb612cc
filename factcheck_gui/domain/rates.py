"""Exchange rates implied by amounts stated in two currencies side by side ("190,000 rubles
($1,973)"), and the ones that disagree with the rest of their article.

A rate is flagged when it is more than ``TOLERANCE`` times off the median of the article's
rates for the same pair of currencies. With only two rates there is no majority: both are
flagged, unless just one of them holds a number glued to a letter ("s45,000"), the usual mark
of a garbled number, which is then the one flagged.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, replace

from factcheck_gui.domain.figures import Figure, find_figures

TOLERANCE = 1.5  # a rate within this factor of the median agrees
_BETWEEN = re.compile(r"\s*[(\[,]?\s*(?:or|about|around|roughly|some|approximately|=|—|–|-)?\s*")
_GLUED = re.compile(r"[^\W\d_]\d")


@dataclass(frozen=True, slots=True)
class ImpliedRate:
    start: int
    end: int
    quote: str
    base: str  # the first currency code in alphabetical order: the rate is base per quoted
    quoted: str
    rate: float
    garbled: bool = False  # a number in it is glued to a letter ("s45,000")
    flagged: bool = False
    reason: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "pair": f"{self.base}/{self.quoted}",
            "rate": round(self.rate, 6),
            "flagged": self.flagged,
            "reason": self.reason,
        }


def implied_rates(text: str) -> list[ImpliedRate]:
    """Every pair of amounts in two currencies side by side, with the flagged ones marked."""
    money = [f for f in find_figures(text) if _currency(f) and f.value]
    rates = []
    for a, b in zip(money, money[1:], strict=False):
        if a.unit == b.unit or not _BETWEEN.fullmatch(text[a.end : b.start]):
            continue
        (x, y) = sorted((a, b), key=lambda f: f.unit or "")
        assert x.value and y.value
        closing = text[b.end : b.end + 1] in (")", "]") and "(" in text[a.end : b.start]
        end = b.end + closing
        quote = text[a.start : end]
        garbled = bool(_GLUED.search(text[max(0, a.start - 1) : b.end]))
        rates.append(
            ImpliedRate(a.start, end, quote, x.unit or "", y.unit or "", x.value / y.value, garbled)
        )
    return _flag(rates)


def _currency(figure: Figure) -> bool:
    return figure.unit is not None and len(figure.unit) == 3 and figure.unit.isupper()


def _flag(rates: list[ImpliedRate]) -> list[ImpliedRate]:
    by_pair: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(rates):
        by_pair.setdefault((r.base, r.quoted), []).append(i)
    out = list(rates)
    for members in by_pair.values():
        if len(members) < 2:
            continue
        logs = [math.log(rates[i].rate) for i in members]
        median = statistics.median(logs)
        off = [
            i for i, x in zip(members, logs, strict=True) if abs(x - median) > math.log(TOLERANCE)
        ]
        if len(members) == 2 and off:
            glued = [i for i in members if rates[i].garbled]
            if len(glued) == 1:
                off = glued
        for i in off:
            others = [rates[j] for j in members if j != i]
            typical = math.exp(statistics.median(math.log(o.rate) for o in others))
            out[i] = replace(
                rates[i],
                flagged=True,
                reason=(
                    f"implies {_rate(rates[i].rate)} {rates[i].base} per {rates[i].quoted}; "
                    f"the article's other amounts imply {_rate(typical)}"
                    + ("; a number in it is glued to a letter" if rates[i].garbled else "")
                ),
            )
    return out


def _rate(x: float) -> str:
    return f"{x:,.2f}" if x < 1000 else f"{x:,.0f}"
