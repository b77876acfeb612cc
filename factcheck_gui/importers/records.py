"""Article records from structured files (JSON, JSON Lines, CSV): one shape for all three.

Keys: ``text`` (required), ``title``, ``outlet`` or ``source``, ``url``, ``published`` or
``date`` (ISO 8601), ``id``. Unknown keys are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.plaintext import guess_title, normalise_newlines

MAX_DEPTH = 64  # article records and annotation sets are three or four levels deep


def loads(text: str, *, line: int | None = None) -> Any:
    """Parse JSON; a syntax error names its line (``line``: the file line of JSON Lines).

    Refused as well: nesting deeper than ``MAX_DEPTH`` (``[`` × 100,000 would exhaust the
    parser's recursion), numbers Python will not read (a 5,000-digit integer), ``NaN`` and
    ``Infinity`` (not JSON), and ``\\ud800`` escapes that pair with nothing (no text can hold
    them, and the database would refuse the whole batch when storing one).
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
    _check(document, where)
    return document


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


def _text_field(record: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str | int | float):
            raise ImportProblem(f"'{name}' should be text, not {type(value).__name__}")
        value = str(value).strip()
        if value:
            return value
    return None


def parse_date(value: str) -> date:
    """An ISO date, or the date of an ISO timestamp ("2023-09-04T10:00:00Z")."""
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise ImportProblem(f"the date {value!r} is not an ISO date such as 2023-09-04") from None


def draft_from_record(record: object, *, where: str, source: str) -> ArticleDraft:
    """Read one record; ``where`` says which one ("line 5", "row 3", "item 2") in errors."""
    if not isinstance(record, Mapping):
        raise ImportProblem(f"{where}: expected an object with a 'text' field")
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    try:
        text = lowered.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ImportProblem("it has no 'text', or the text is empty")
        text = normalise_newlines(text)
        published_raw = _text_field(lowered, "published", "date")
        external_id = _text_field(lowered, "id")
        return ArticleDraft(
            text=text,
            title=_text_field(lowered, "title") or guess_title(text) or source,
            outlet=_text_field(lowered, "outlet", "source"),
            url=_text_field(lowered, "url"),
            published=parse_date(published_raw) if published_raw else None,
            source_name=f"{source} ({where}{f', id {external_id}' if external_id else ''})",
        )
    except ImportProblem as problem:
        raise ImportProblem(f"{where}: {problem}") from None
