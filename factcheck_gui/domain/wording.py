"""Counts and articles in the sentences a user reads: "1 figure", "3 figures", "an attribution".

Every message that shows a count or names a kind goes through these, so none says
"1 figures", "a attribution" or "article(s)".
"""

from __future__ import annotations

IRREGULAR = {"was": "were", "has": "have", "is": "are", "this": "these", "it": "they"}
VOWEL_SOUNDS = frozenset("aeiou")


def plural(word: str) -> str:
    """The plural of one of our nouns (article, figure, claim, batch, summary, measure…)."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWEL_SOUNDS:
        return word[:-1] + "ies"
    return word + "s"


def count(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the noun in the right number: "1 figure", "0 figures", "2,500 articles"."""
    noun = word if n == 1 else (many if many is not None else plural(word))
    return f"{n:,} {noun}"


def number(n: int, word: str, many: str | None = None) -> str:
    """The noun (or verb) alone in the number ``n`` asks for: "figure"/"figures", "was"/"were"."""
    return word if n == 1 else (many if many is not None else plural(word))


def a(word: str) -> str:
    """``word`` with its indefinite article: "a figure", "a claim", "an attribution"."""
    return f"{'an' if word[:1].lower() in VOWEL_SOUNDS else 'a'} {word}"


def capital(text: str) -> str:
    """The first letter in capitals, the rest left alone ("tagged a figure" -> "Tagged a …")."""
    return text[:1].upper() + text[1:]


def quoted(title: str, limit: int = 60) -> str:
    """An article's title in a sentence: on one line, cut at ``limit`` characters."""
    title = " ".join(title.split())
    return f"“{title if len(title) <= limit else title[: limit - 1] + '…'}”"
