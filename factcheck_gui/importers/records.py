"""Article records from structured files (JSON, JSON Lines, CSV): one shape for all three.

Keys: a text (required) and optional title, outlet, URL, date and id, each under any of the
names news datasets and scrapers use for it (``FIELDS``). Unknown keys are ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.dates import parse_date
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.plaintext import guess_title, normalise_newlines

MAX_DEPTH = 64  # article records and annotation sets are three or four levels deep


def loads(text: str, *, line: int | None = None, walked: bool = True) -> Any:
    """Parse JSON; a syntax error names its line (``line``: the file line of JSON Lines).

    Refused as well: nesting deeper than ``MAX_DEPTH`` (``[`` × 100,000 would exhaust the
    parser's recursion), numbers Python will not read (a 5,000-digit integer), ``NaN`` and
    ``Infinity`` (not JSON), and ``\\ud800`` escapes that pair with nothing (no text can hold
    them, and the database would refuse the whole batch when storing one).

    ``walked=False``, for readers that take fixed fields and never walk the document (the
    annotation sets): nesting that the parser survives is left to their type checks, which
    saves counting brackets through a large file.
    """
    where = f"on line {line}" if line is not None else None
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        at = where or f"at line {error.lineno}"
        raise ImportProblem(f"malformed JSON {at}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise _too_deep(where) from None
    except ValueError as error:  # int("1" * 5000): Python's limit on digits
        raise ImportProblem(
            f"malformed JSON{' ' + where if where else ''}: a number is too long to read "
            f"({str(error).split(':')[0]})"
        ) from None
    if _needs_walk(text, document):
        _check(document, where)
    elif walked and _depth(text) > MAX_DEPTH:
        raise _too_deep(where)
    return document


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(r"[\[\]{}]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _needs_walk(text: str, document: Any) -> bool:
    """Whether the document may hold half a character: only from a ``\\ud800``-style
    escape (or a text that does not encode). Writing the document back out (in C) and
    encoding it tells; only then is it walked, to say where."""
    try:
        text.encode("utf-8")
        if _SURROGATE_ESCAPE.search(text):
            json.dumps(document, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        return True
    return False


def _depth(text: str) -> int:
    """How deep the (valid) JSON ``text`` nests, counted on its brackets outside strings."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _no_constant(name: str) -> Any:
    raise ImportProblem(f"{name} is not a JSON value; write a number or null")


def _too_deep(where: str | None) -> ImportProblem:
    return ImportProblem(
        f"the JSON{' ' + where if where else ''} is nested more than {MAX_DEPTH} levels deep; "
        "it is not a file of articles"
    )


def _check(document: Any, where: str | None) -> None:
    """Depth and unpaired surrogates, walked without recursion."""
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_text(value, where)
        elif isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                raise _too_deep(where)
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    _check_text(key, where)
                stack.append((item, depth + 1))


def _check_text(value: str, where: str | None) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(value[error.start])
        raise ImportProblem(
            f"the JSON{' ' + where if where else ''} holds \\u{code:04x}, half of a character "
            "with no other half; export the file again"
        ) from None


# Each field of a draft, and the names news datasets and scrapers give it, in the order
# they are tried (keys compared in lower case, with "-" and " " read as "_"): news-please
# writes maintext, date_publish and source_domain; BASIL body-paragraphs (a list of
# paragraphs, each a list of sentences); NewsAPI publishedAt and source {"name": …};
# RSS pubDate; CC-News domain; the ISOT CSVs title, text and date.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "maintext", "article", "story", "body_paragraphs"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "source_domain", "publisher", "site_name", "sitename", "domain"),
    "url": ("url", "link"),
    "date": (
        "published",
        "date",
        "date_publish",
        "publish_date",
        "published_date",
        "date_published",
        "pubdate",
        "publishedat",
        "published_at",
    ),
    "id": ("id", "uuid"),
}

# A teaser, not an article: a record with only one of these is refused saying so.
SUMMARIES = ("short_description", "description", "summary", "abstract", "teaser")


def key(name: object) -> str:
    return str(name).strip().lower().replace("-", "_").replace(" ", "_")


def _pick(record: Mapping[str, Any], field: str) -> tuple[str, Any] | None:
    """The first of ``field``'s names with a value: (the name as the record spells it, value)."""
    for name in FIELDS[field]:
        if name in record:
            original, value = record[name]
            if value is not None and not (isinstance(value, str | list) and not value):
                return original, value
    return None


def _scalar(name: str, value: Any) -> str | None:
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        value = value["name"]  # NewsAPI's "source": {"id": …, "name": "Reuters"}
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ImportProblem(f"'{name}' should be text, not {type(value).__name__}")
    return str(value).strip() or None


def _body(name: str, value: Any) -> str:
    """A text, or a list of paragraphs (each a string or a list of sentences)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        paragraphs = []
        for paragraph in value:
            if isinstance(paragraph, list) and all(isinstance(s, str) for s in paragraph):
                paragraph = " ".join(s.strip() for s in paragraph if s.strip())
            if not isinstance(paragraph, str):
                raise ImportProblem(
                    f"'{name}' should be text or a list of paragraphs, "
                    f"but holds {type(paragraph).__name__}"
                )
            if paragraph.strip():
                paragraphs.append(paragraph.strip())
        return "\n\n".join(paragraphs)
    raise ImportProblem(
        f"'{name}' should be text or a list of paragraphs, not {type(value).__name__}"
    )


def draft_from_record(record: object, *, where: str, source: str) -> ArticleDraft:
    """Read one record; ``where`` says which one ("line 5", "item 2") in errors.

    A date that cannot be read surely (see ``dates``) leaves the article undated, with a
    warning for the report; it never costs the record or the file.
    """
    if not isinstance(record, Mapping):
        raise ImportProblem(f"{where}: expected an object with a 'text' field")
    keyed: dict[str, tuple[str, Any]] = {}
    for name, value in record.items():
        keyed.setdefault(key(name), (str(name), value))
    try:
        return _draft(keyed, where=where, source=source)
    except ImportProblem as problem:
        raise ImportProblem(f"{where}: {problem}") from None


def _draft(keyed: Mapping[str, tuple[str, Any]], *, where: str, source: str) -> ArticleDraft:
    picked = {field: _pick(keyed, field) for field in FIELDS}
    found = picked["text"]
    text = _body(*found) if found else ""
    if not text.strip():
        summary = next((keyed[k][0] for k in SUMMARIES if keyed.get(k, (0, None))[1]), None)
        if summary:
            raise ImportProblem(
                f"it has only a summary ('{summary}'), not the article's text; "
                "import the articles' own pages or texts"
            )
        names = "/".join(FIELDS["text"][:6])
        raise ImportProblem(f"it has no text ({names}), or the text is empty")
    text = normalise_newlines(text)
    values = {f: _scalar(*p) if p else None for f, p in picked.items() if f != "text"}
    warnings: list[str] = []
    published = None
    if values["date"]:
        try:
            published = parse_date(values["date"])
        except ImportProblem as problem:
            warnings.append(f"{where}: {problem}; stored without a date")
    external_id = values["id"]
    return ArticleDraft(
        text=text,
        title=values["title"] or guess_title(text) or source,
        outlet=values["outlet"],
        url=values["url"],
        published=published,
        source_name=f"{source} ({where}{f', id {external_id}' if external_id else ''})",
        fields=tuple((f, p[0]) for f, p in picked.items() if p is not None and f != "id"),
        warnings=tuple(warnings),
    )
