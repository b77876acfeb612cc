"""Plain-text articles, like the sample batch: text first, metadata where the text says so.

The text is stored exactly as read (only line endings are normalised to ``\\n``, as Qt
shows them); title, outlet and date are read from lines such as::

    Home » Russia Accused of Recruiting ...      (a breadcrumb before the headline)
     date 2023-09-04 Moscow has been ...         (a leading date marker)
    Source : Tempo.co                            (a source line)
    Ellie Cook is a Newsweek security and defense reporter ...   (a byline)
"""

from __future__ import annotations

import re
from datetime import date

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.registry import register

TITLE_MAX_CHARS = 160  # a longer first line is a paragraph, not a headline
SHORT_TITLE_CHARS = 120  # a line this short is a headline even with a final full stop ("U.K.")
EDGE_CHARS = 600  # how far from either end "Source :" lines and bylines are looked for
DERIVED_TITLE_WORDS = 12

_DATE_MARKER = re.compile(r"^\s*(?:date|published|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.I)
_SOURCE_LINE = re.compile(
    r"^[ \t]*(?:source|via|outlet)[ \t]*:[ \t]*(\S[^\n]{0,80}?)[ \t]*$", re.I | re.M
)
_BYLINE = re.compile(
    r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3} is an? "
    r"(?P<outlet>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})"
    r" (?:[a-z]+ )*(?:reporter|correspondent|writer|editor|journalist)\b"
)
_BREADCRUMB = re.compile(r"^\s*home\s*[»>/|]\s*", re.I)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@register("text", endings=(".txt", ".text"))
def read_text_file(text: str, source: str) -> list[ArticleDraft]:
    if not text.strip():  # Unicode white space too (U+0085, U+2028...), not only ASCII
        raise ImportProblem("the file holds no text, only white space")
    return [read_plain_text(text, source_name=source)]


def read_plain_text(text: str, *, source_name: str | None = None) -> ArticleDraft:
    text = normalise_newlines(text)
    return ArticleDraft(
        text=text,
        title=guess_title(text) or (source_name or "Untitled article"),
        outlet=guess_outlet(text),
        published=guess_date(text),
        source_name=source_name,
    )


def guess_date(text: str) -> date | None:
    match = _DATE_MARKER.match(text)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def guess_outlet(text: str) -> str | None:
    """A "Source : X" line near either end of the text, else a byline's outlet."""
    ends = text if len(text) <= 2 * EDGE_CHARS else text[:EDGE_CHARS] + "\n" + text[-EDGE_CHARS:]
    sources = _SOURCE_LINE.findall(ends)
    if sources:
        return sources[-1].strip()
    byline = _BYLINE.search(ends)
    if byline:
        return byline.group("outlet")
    return None


def guess_title(text: str) -> str | None:
    """The headline: a short first line; else the first words of the first paragraph."""
    head = text.split("\n", 50)[:50]  # the headline is near the top; never split it all
    first_line = next((line.strip() for line in head if line.strip()), None)
    if first_line is None:
        return None
    first = _BREADCRUMB.sub("", first_line)
    first = _DATE_MARKER.sub("", first).strip()
    if first and (
        len(first) <= SHORT_TITLE_CHARS
        or (len(first) <= TITLE_MAX_CHARS and not first.endswith((".", ":", "…")))
    ):
        return first
    words = first.split()
    if not words:
        return None
    title = " ".join(words[:DERIVED_TITLE_WORDS]).rstrip(",;:")
    return title + ("…" if len(words) > DERIVED_TITLE_WORDS else "")
