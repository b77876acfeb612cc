"""JSON for the command line, written as it is made: what ``json.dumps(rows, indent=2)``
prints, one row at a time, with the C encoder for each value (``json``'s own indenting
encoder is pure Python: seconds for a large library's figures)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

_ONE = json.JSONEncoder(ensure_ascii=False).encode  # one value, compact


def write_list(rows: Iterable[Any], out: IO[str]) -> None:
    """``print(json.dumps(list(rows), ensure_ascii=False, indent=2), file=out)``, streamed."""
    first = True
    for row in rows:
        out.write(("[\n  " if first else ",\n  ") + indented(row, "  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def indented(value: Any, indent: str = "") -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, its lines
    after the first starting with ``indent``."""
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not any(isinstance(v, _CONTAINERS) for v in value.values()):  # one encoder call
            flat = json.dumps(value, ensure_ascii=False, separators=(",\n" + inner, ": "))
            return "{\n" + inner + flat[1:-1] + f"\n{indent}}}"
        items = (f"{inner}{_ONE(_key(k))}: {indented(v, inner)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(f"{inner}{indented(v, inner)}" for v in value) + f"\n{indent}]"
    return _ONE(value)


_CONTAINERS = (dict, list, tuple)


def _key(key: object) -> str:
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool):  # as json writes such keys
        return json.dumps(key)
    if isinstance(key, int | float):
        return _ONE(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
