"""A report a user reads after an import or a merge: what went wrong first, with its
reasons, then what worked, summarised. The window shows it (with a warning icon when any
section is a problem); the command line prints the same lines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """One part of a report: a heading ("2 files could not be imported") and its lines."""

    heading: str
    lines: tuple[str, ...] = ()
    problem: bool = False  # failed, left out, or to be checked: the user has to look


def ordered(sections: list[Section]) -> tuple[Section, ...]:
    """The problems first (in the order given), then the rest; empty sections left out."""
    kept = [s for s in sections if s.lines]
    return tuple([s for s in kept if s.problem] + [s for s in kept if not s.problem])


def troubled(sections: tuple[Section, ...] | list[Section]) -> bool:
    return any(s.problem for s in sections)


def as_text(summary: str, sections: tuple[Section, ...] | list[Section]) -> str:
    """The whole report as plain text, to copy or print."""
    parts = [summary]
    for section in sections:
        parts.append("")
        parts.append(section.heading)
        parts += [f"  {line}" for line in section.lines]
    return "\n".join(parts)
