"""What an annotation keeps of its text so it can be found again if the text changes.

The quote and a little context either side, as W3C Web Annotation's
TextQuoteSelector does (exact, prefix, suffix).

Finding it again never guesses. A placement starts and ends where the old one did (at a
word boundary, or inside a word beside the same character), carries the quote's numbers
exactly, and has its context agreeing; several equally good places are decided by
position only when their context agrees. Anything less is an orphan, listed for review.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

from factcheck_gui.domain.quote_words import Word, numbers, same_edges, squeeze, words

CONTEXT_CHARS = 32
MIN_CONTEXT_CHARS = 8  # this much of the old context must agree (all, when it had less)
LONE_QUOTE_WORDS = 3  # a quote found once, this long, needs no context (a paragraph moved)
LONE_QUOTE_CHARS = 15
MIN_NEAR_WORDS = 4  # a quote of fewer words (white-space apart) is placed only exactly
NEAR_SIMILARITY = 0.8  # the share of the quote's words a changed placement keeps (indel)
MAX_CANDIDATES = 1000


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    exact: str
    prefix: str
    suffix: str


def check_span(text: str, start: int, end: int) -> None:
    """Raise ValueError with a user-facing reason when [start, end) is not a taggable span."""
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"the span {start}..{end} is not inside the article (0..{len(text)}); "
            "select some text first"
        )
    if not text[start:end].strip():
        raise ValueError("the selection holds only white space; select some words")


def select_quote(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> QuoteSelector:
    check_span(text, start, end)
    return QuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a selection so it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_LEADING = frozenset(",.;:!?)]}»”’…·•-–—") | {'"', "'"}
_TRAILING = frozenset(",.;:!?([{«“‘…·•-–—") | {'"', "'"}
_PAIRS = {")": "(", "]": "[", "}": "{", "»": "«", "”": "“", "’": "‘"}
_NUMBER_WINDOW = 40  # a number with its grouping and scale is shorter than this


def tidy_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection as it should be tagged: without white space or punctuation at its ends
    (a closing bracket or quote stays when its opening one is inside), and never cutting a
    number: a drag that stops inside "669,903" takes the whole of it."""
    first = trim_span(text, start, end)
    start, end = first
    while True:
        start, end = trim_span(text, start, end)
        old = (start, end)
        if end - start >= 2 and _PAIRS.get(text[end - 1]) == text[start]:
            start, end = start + 1, end - 1  # "(about 4.2bn dollars)"
            continue
        if start < end and text[start] in _LEADING:
            start += 1
        if start < end and text[end - 1] in _TRAILING:
            if not (text[end - 1] == "." and end - start >= 3 and text[end - 3] == "."):
                end -= 1  # "U.S." keeps its last period
        elif start < end and _unmatched(text[start:end]):
            end -= 1
        if (start, end) == old:
            break
    if start >= end:
        return first  # all punctuation: tag what was selected
    return _whole_numbers(text, start, end)


def _unmatched(selection: str) -> bool:
    """The selection ends with a closing bracket or quote whose opening one is not in it."""
    last = selection[-1]
    if last in _PAIRS:
        return _PAIRS[last] not in selection
    return last in ('"', "'") and selection.count(last) % 2 == 1


def _whole_numbers(text: str, start: int, end: int) -> tuple[int, int]:
    from factcheck_gui.domain.amounts import fold, tokens

    low = max(0, start - _NUMBER_WINDOW)
    high = min(len(text), end + _NUMBER_WINDOW)
    window = tokens(fold(text[low:high]))
    for k, t in enumerate(window):
        a, b = low + t.start, low + t.end
        glued = k > 0 and window[k - 1].end == t.start and window[k - 1].kind == "num"
        if t.kind != "num" and not (t.kind == "word" and glued):
            continue  # a word glued to a number is its scale or unit: "4.2bn", "40km"
        if a < start < b:
            start = a
        if a < end < b:
            end = b
    return start, end


class Anchor(enum.StrEnum):
    KEPT = "kept"  # the offsets still hold the quote
    MOVED = "moved"  # found again, word for word, elsewhere
    CHANGED = "changed"  # found again where some of its words changed: its verdict needs a look
    ORPHANED = "orphaned"  # no sure match: kept aside for review, never placed by guess


@dataclass(frozen=True, slots=True)
class Placement:
    start: int
    end: int
    anchor: Anchor
    selector: QuoteSelector  # the quote and context at the new place; an orphan keeps its own

    @property
    def orphaned(self) -> bool:
        return self.anchor is Anchor.ORPHANED


def place(text: str, selector: QuoteSelector, start: int, end: int) -> Placement:
    """Where a quote stands in ``text``: at its old offsets, found again, or orphaned.

    First the offsets, then every exact occurrence, then (for quotes of
    ``MIN_NEAR_WORDS`` words or more) passages whose words are nearly the quote's, with
    the same first and last word and the same numbers. Each candidate must respect the
    quote's word edges and have its context agree.
    """
    quote = selector.exact
    in_place = 0 <= start < end <= len(text) and text[start:end] == quote
    if in_place and quote.strip() and _own_context(text, selector, start, end):
        return Placement(start, end, Anchor.KEPT, selector)  # as select_quote would make it
    search = _Search(text, selector)
    if in_place and search.fits(start, end) and search.context_agrees(start, end):
        return search.placement(start, end, Anchor.KEPT)
    found = search.exact(start)
    if found is not None:
        anchor = Anchor.KEPT if found == (start, end) else Anchor.MOVED
        return search.placement(*found, anchor)
    if len(quote.split()) >= MIN_NEAR_WORDS and search.needed:
        found = search.near(start)
        if found is not None:
            same = squeeze(text[found[0] : found[1]]) == squeeze(quote)
            return search.placement(*found, Anchor.MOVED if same else Anchor.CHANGED)
    return Placement(start, end, Anchor.ORPHANED, selector)


def _own_context(text: str, selector: QuoteSelector, start: int, end: int) -> bool:
    """Whether the selector's context is exactly what ``select_quote`` takes at [start,
    end): then the words, their edges and their context all agree, nothing to search (a
    set merged into the database it came from, or an unchanged article)."""
    return (
        selector.prefix == text[start - CONTEXT_CHARS if start > CONTEXT_CHARS else 0 : start]
        and selector.suffix == text[end : end + CONTEXT_CHARS]
    )


class _Search:
    def __init__(self, text: str, selector: QuoteSelector) -> None:
        self.text, self.selector = text, selector
        self.old = selector.prefix + selector.exact + selector.suffix
        self.old_start = len(selector.prefix)
        self.old_end = self.old_start + len(selector.exact)
        self.needed = min(MIN_CONTEXT_CHARS, len(selector.prefix) + len(selector.suffix))

    def placement(self, start: int, end: int, anchor: Anchor) -> Placement:
        return Placement(start, end, anchor, select_quote(self.text, start, end))

    def fits(self, start: int, end: int) -> bool:
        return same_edges(self.old, self.old_start, self.old_end, self.text, start, end)

    def context(self, start: int, end: int) -> int:
        """How many characters of the old context stand next to [start, end)."""
        prefix, suffix = self.selector.prefix, self.selector.suffix
        before = self.text[max(0, start - len(prefix)) : start]
        after = self.text[end : end + len(suffix)]
        return _common_prefix(before[::-1], prefix[::-1]) + _common_prefix(after, suffix)

    def context_agrees(self, start: int, end: int) -> bool:
        return self.context(start, end) >= self.needed

    def exact(self, hint: int) -> tuple[int, int] | None:
        quote, text = self.selector.exact, self.text
        if not quote:
            return None
        spots: list[int] = []
        at = text.find(quote)
        while at != -1 and len(spots) < MAX_CANDIDATES:
            if self.fits(at, at + len(quote)):
                spots.append(at)
            at = text.find(quote, at + 1)
        if not spots:
            return None
        scored = sorted(spots, key=lambda s: (-self.context(s, s + len(quote)), abs(s - hint)))
        best = scored[0]
        if not self.needed and len(spots) > 1:
            return None  # no context to tell repeats apart (a set from a tool that keeps none)
        if self.context_agrees(best, best + len(quote)):
            return best, best + len(quote)  # ties of context decided by position
        if len(spots) == 1 and _lone(quote):
            return best, best + len(quote)
        return None

    def near(self, hint: int) -> tuple[int, int] | None:
        from rapidfuzz.distance import Indel

        quote, text = self.selector.exact, self.text
        mine = words(quote)
        keys = [w.key for w in mine]
        wanted_numbers = numbers(quote)
        lead, trail = quote[: mine[0].start], quote[mine[-1].end :]
        theirs = _words_of(text)
        slack = max(1, len(keys) // 4)
        best: tuple[float, int, int] | None = None
        found: tuple[int, int] | None = None
        for i in _starts(text, keys[0])[:MAX_CANDIDATES]:
            low, high = i + len(keys) - 1 - slack, i + len(keys) - 1 + slack
            for j in range(max(i, low), min(len(theirs) - 1, high) + 1):
                if theirs[j].key != keys[-1]:
                    continue
                similarity = Indel.normalized_similarity(keys, [w.key for w in theirs[i : j + 1]])
                if similarity < NEAR_SIMILARITY:
                    continue
                start, end = theirs[i].start, theirs[j].end
                if lead and text[start - len(lead) : start] == lead:
                    start -= len(lead)
                if trail and text[end : end + len(trail)] == trail:
                    end += len(trail)
                if text[start:end] == quote or numbers(text[start:end]) != wanted_numbers:
                    continue  # word for word is the exact search's to judge
                if not (self.fits(start, end) and self.context_agrees(start, end)):
                    continue
                rank = (similarity, self.context(start, end), -abs(start - hint))
                if best is None or rank > best:
                    best, found = rank, (start, end)
        return found


def _lone(quote: str) -> bool:
    return len(quote.split()) >= LONE_QUOTE_WORDS and len(quote.strip()) >= LONE_QUOTE_CHARS


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> tuple[Word, ...]:
    return tuple(words(text))


@functools.lru_cache(maxsize=4)
def _starts_index(text: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for n, word in enumerate(_words_of(text)):
        index.setdefault(word.key, []).append(n)
    return index


def _starts(text: str, key: str) -> list[int]:
    return _starts_index(text).get(key, [])


def _common_prefix(a: str, b: str) -> int:
    if a.startswith(b) or b.startswith(a):
        return min(len(a), len(b))  # the usual case, a context that still agrees: no loop
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
