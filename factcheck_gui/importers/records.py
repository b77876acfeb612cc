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


def loads(text: str, *, line: int | None = None) -> Any:
    """Parse JSON; a syntax error names its line (``line``: the file line of JSON Lines)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"on line {line}" if line is not None else f"at line {error.lineno}"
        raise ImportProblem(f"malformed JSON {where}, column {error.colno}: {error.msg}") from None


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
