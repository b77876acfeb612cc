"""The words and numbers of a quote, and where words begin and end in a text.

Re-anchoring compares quotes word by word: a placement starts and ends where words do, and
its numbers (digits and number words) are the quote's, character for character.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A number keeps its separators ("1,200", "3.5", "1 000" with a thin or no-break space);
# anything else is a run of word characters.
_TOKEN = re.compile(r"\d+(?:[.,'’\u202f\u00a0]\d+)*|[^\W\d_]+|\w")
_NUMBER_SEPARATORS = frozenset(".,'’\u202f\u00a0")
_NUMBER_WORDS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety hundred hundreds thousand thousands million millions billion
    billions trillion trillions dozen dozens half quarter third thirds percent per cent
    bn mn"""
NUMBER_WORDS = frozenset(_NUMBER_WORDS.split())


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.casefold()


def words(text: str) -> list[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def is_number(word: str) -> bool:
    return any(c.isdigit() for c in word) or word.casefold() in NUMBER_WORDS


def numbers(text: str) -> list[str]:
    """The numbers of ``text`` as written: digits with their separators, number words."""
    return [w.key for w in words(text) if is_number(w.text)]


def _wordish(c: str) -> bool:
    return unicodedata.category(c)[0] in "LNM" or c == "_"


def joined(text: str, at: int) -> bool:
    """Whether position ``at`` falls inside a word or a number (not between two words)."""
    if at <= 0 or at >= len(text):
        return False
    left, right = text[at - 1], text[at]
    if _wordish(left) and _wordish(right):
        return True
    # "1|,200" and "1,|200": inside one number
    if left.isdigit() and right in _NUMBER_SEPARATORS and text[at + 1 : at + 2].isdigit():
        return True
    return left in _NUMBER_SEPARATORS and right.isdigit() and text[at - 2 : at - 1].isdigit()


def same_edges(old: str, old_start: int, old_end: int, text: str, start: int, end: int) -> bool:
    """Whether [start, end) of ``text`` begins and ends the way [old_start, old_end) of ``old``
    did: at a word boundary where that one was, or inside a word beside the same character."""
    for old_at, at in ((old_start, start), (old_end, end)):
        if joined(old, old_at):
            if not joined(text, at) or old[old_at - 1 : old_at + 1] != text[at - 1 : at + 1]:
                return False
        elif joined(text, at):
            return False
    return True


def squeeze(text: str) -> str:
    """``text`` with its white space runs made single spaces (a reflowed line is no change)."""
    return " ".join(text.split())
