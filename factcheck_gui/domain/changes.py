"""What an operation changed, so each view refreshes only what it shows (Anki's OpChanges).

Every change reaches every view on one stream (``ui/common/context.py``); ``initiator`` is
the object that made the edit (the annotation editor, say), so it can leave alone the field
the reviewer is typing in. Changes from elsewhere (an import, a merge, a restore, an undo)
have no initiator: every view shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


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
    # Who made the edit (None: not a view: a job, an undo, a colleague). Not part of what
    # changed: two Changes that differ only in it are equal.
    initiator: object = field(default=None, compare=False)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            articles=self.articles | other.articles,
            added=(self.added | other.added) - other.removed,
            updated=(self.updated | other.updated) - other.removed,
            removed=(self.removed - other.added) | other.removed,
            library=self.library or other.library,
            reset=self.reset or other.reset,
            fields=_fields(self, other),
            # one initiator only if both came from it: otherwise every view shows them
            initiator=self.initiator if self.initiator is other.initiator else None,
        )

    def by(self, initiator: object) -> Changes:
        """These changes, as made by ``initiator``."""
        return replace(self, initiator=initiator)

    @property
    def empty(self) -> bool:
        return not (self.articles or self.library or self.reset)

    @property
    def annotation_count_changed(self) -> bool:
        return bool(self.added or self.removed)

    @property
    def annotation_ids(self) -> frozenset[str]:
        """Every annotation named: added, updated or removed."""
        return self.added | self.updated | self.removed


def _fields(a: Changes, b: Changes) -> frozenset[str] | None:
    if not a.updated:
        return b.fields
    if not b.updated:
        return a.fields
    return None if a.fields is None or b.fields is None else a.fields | b.fields
