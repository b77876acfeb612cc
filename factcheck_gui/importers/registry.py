"""Article formats, registered by file ending and recognised by content (Anki's IMPORTERS).

A new format is one module with a reader decorated by ``@register``; ``importers/__init__``
imports the modules so their registrations run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck_gui.domain.model import ArticleDraft

Reader = Callable[[str, str], list[ArticleDraft]]  # (decoded text, source name)


@dataclass(frozen=True)
class Format:
    name: str
    endings: tuple[str, ...]
    read: Reader
    sniff: Callable[[str], bool] | None
    priority: int  # higher is tried first when sniffing


FORMATS: dict[str, Format] = {}


def register(
    name: str,
    *,
    endings: tuple[str, ...],
    sniff: Callable[[str], bool] | None = None,
    priority: int = 0,
) -> Callable[[Reader], Reader]:
    def add(reader: Reader) -> Reader:
        FORMATS[name] = Format(name, endings, reader, sniff, priority)
        return reader

    return add


def format_for(name: str, text: str) -> Format:
    """By the file's ending; for an unknown ending, by what the text looks like."""
    lowered = name.lower()
    for fmt in FORMATS.values():
        if lowered.endswith(fmt.endings):
            return fmt
    for fmt in sorted(FORMATS.values(), key=lambda f: -f.priority):
        if fmt.sniff is not None and fmt.sniff(text):
            return fmt
    return FORMATS["text"]


def known_endings() -> tuple[str, ...]:
    return tuple(e for fmt in FORMATS.values() for e in fmt.endings)
