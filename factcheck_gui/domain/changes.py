"""What an operation changed, so each view refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    # Articles whose annotations were added, edited or removed.
    articles: frozenset[int] = field(default_factory=frozenset)
    added: frozenset[str] = field(default_factory=frozenset)
    updated: frozenset[str] = field(default_factory=frozenset)
    removed: frozenset[str] = field(default_factory=frozenset)
    # Batches or articles themselves were added or removed.
    library: bool = False
    # Anything may have changed (a backup was restored): views reload all they show.
    reset: bool = False
    # The fields that changed in the ``updated`` annotations, when known (None: any may
    # have): a view that shows none of them has nothing to redraw (a note, for the
    # comparison). Added and removed annotations changed whole.
    fields: frozenset[str] | None = None

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            articles=self.articles | other.articles,
            added=(self.added | other.added) - other.removed,
            updated=(self.updated | other.updated) - other.removed,
            removed=(self.removed - other.added) | other.removed,
            library=self.library or other.library,
            reset=self.reset or other.reset,
            fields=_fields(self, other),
        )

    @property
    def empty(self) -> bool:
        return not (self.articles or self.library or self.reset)

    @property
    def annotation_count_changed(self) -> bool:
        return bool(self.added or self.removed)


def _fields(a: Changes, b: Changes) -> frozenset[str] | None:
    if not a.updated:
        return b.fields
    if not b.updated:
        return a.fields
    return None if a.fields is None or b.fields is None else a.fields | b.fields
