"""What a reviewer typed into a search box, read as terms a full-text index can look up.

Nothing typed is ever syntax: ``AND``, ``NEAR``, ``*``, ``-``, parentheses and ``title:``
are words or punctuation like any other. Words are separated by spaces; text in double
quotes is one phrase (an unclosed quote runs to the end). The last term may be the
beginning of a word (``recru`` finds "recruits"), so results follow the typing; a space or
a closing quote after it ends the word. A word ending in ``*`` is a beginning anywhere.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# What the index counts as part of a word (SQLite's unicode61 tokenizer): letters, numbers
# and private-use characters; everything else separates words.
_WORD_CATEGORIES = ("L", "N", "Co")


@dataclass(frozen=True, slots=True)
class Term:
    text: str  # as typed, without quotes: one word or a phrase of several
    prefix: bool = False  # its last word may continue ("recru" finds "recruits")
    phrase: bool = False  # typed in quotes

    @property
    def words(self) -> list[str]:
        """The words of the term, each a run of word characters."""
        return words_of(self.text)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    terms: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.terms

    def __str__(self) -> str:
        shown = [f'"{t.text}"' if t.phrase else t.text for t in self.terms]
        return " ".join(f"{s}…" if t.prefix else s for s, t in zip(shown, self.terms, strict=True))


def is_word_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def words_of(text: str) -> list[str]:
    found: list[str] = []
    current: list[str] = []
    for char in text:
        if is_word_char(char):
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def parse_query(text: str, *, prefix_last: bool = True) -> SearchQuery:
    """The terms of ``text``; terms without a word character (``-``, ``*``, ``🙂``) are left
    out, so a query may come back empty: the caller says there is nothing to look for."""
    terms: list[Term] = []
    i, n = 0, len(text)
    ended = True  # whether the last term was closed by a space or a quote
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
            ended = True
            continue
        if char == '"':
            close = text.find('"', i + 1)
            if close < 0:
                terms.append(Term(text[i + 1 :], phrase=True))
                ended, i = False, n
            else:
                terms.append(Term(text[i + 1 : close], phrase=True))
                ended, i = True, close + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        terms.append(Term(text[i:j]))
        ended, i = j < n and text[j].isspace(), j
    kept = [_starred(t) for t in terms if t.words]
    if kept and prefix_last and not ended and kept[-1].text == terms[-1].text:
        last = kept[-1]
        if is_word_char(last.text[-1]):
            kept[-1] = Term(last.text, prefix=True, phrase=last.phrase)
    return SearchQuery(tuple(kept))


def _starred(term: Term) -> Term:
    """``recru*``: the word asked for as a beginning, wherever it is in the query."""
    stripped = term.text.rstrip()
    if (
        not term.phrase
        and stripped.endswith("*")
        and is_word_char(stripped.rstrip("*")[-1:] or " ")
    ):
        return Term(term.text, prefix=True)
    return term
