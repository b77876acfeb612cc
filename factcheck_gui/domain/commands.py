"""Undoable operations as plain objects (glue's command pattern), with no Qt.

The UI wraps each in a ``QUndoCommand`` once; the menu text, shortcuts and
clean state come from ``QUndoStack``. Every ``do`` and ``undo`` goes through the
store, so undo reaches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.model import EDITABLE_FIELDS, Annotation, Kind, NewAnnotation, Verdict
from factcheck_gui.domain.wording import a, count


@dataclass(frozen=True, slots=True)
class Removal:
    """A deleted annotation and the attributions that pointed at it, to put back on undo."""

    annotation: Annotation
    unlinked: tuple[str, ...] = ()


class AnnotationStore(Protocol):
    def get_annotation(self, annotation_id: str) -> Annotation: ...

    def create(self, new: NewAnnotation) -> tuple[Annotation, Changes]: ...

    def update(
        self,
        annotation_id: str,
        values: Mapping[str, Any],
        *,
        expect: Mapping[str, Any] | None = None,
    ) -> Changes: ...

    def delete(self, annotation_id: str) -> tuple[Removal, Changes]: ...

    def restore(self, removal: Removal) -> Changes: ...


class Command(Protocol):
    label: str  # the Edit menu's "Undo …": "Tag figure"
    past: str  # what it did, for the status bar: "tagged a figure" ("Undid: tagged a figure")

    def do(self) -> Changes: ...

    def undo(self) -> Changes: ...

    def merge(self, later: Command) -> bool: ...


class CreateAnnotation:
    def __init__(self, store: AnnotationStore, new: NewAnnotation) -> None:
        self._store = store
        self._new = new
        self._removal: Removal | None = None
        self.annotation_id: str | None = None
        self.label = f"Tag {new.kind.value}"
        self.past = f"tagged {a(new.kind.value)}"

    def do(self) -> Changes:
        if self._removal is not None:  # redo: put back exactly what undo took away
            return self._store.restore(self._removal)
        annotation, changes = self._store.create(self._new)
        self.annotation_id = annotation.id
        return changes

    def undo(self) -> Changes:
        assert self.annotation_id is not None, "undo before do"
        self._removal, changes = self._store.delete(self.annotation_id)
        return changes

    @property
    def removed(self) -> Annotation | None:
        """The annotation as it was when undo took it away (None until then)."""
        return self._removal.annotation if self._removal is not None else None

    def merge(self, later: Command) -> bool:
        return False


class EditAnnotation:
    """Set some editable fields; consecutive edits of one note (or one public rationale)
    merge into one step.

    Undo and redo are compare-and-set: each expects the edited fields as the last step left
    them, so one never writes remembered values over a newer edit that came from elsewhere
    (a merge, an import). (Not the modified time: our own later steps, undone, move it.)
    """

    def __init__(self, store: AnnotationStore, annotation_id: str, values: Mapping[str, Any]):
        unknown = set(values) - EDITABLE_FIELDS
        if unknown:
            raise ValueError(f"these fields cannot be edited: {', '.join(sorted(unknown))}")
        self._store = store
        self.annotation_id = annotation_id
        self._values = dict(values)
        self._before: dict[str, Any] | None = None
        self._left: dict[str, Any] | None = None  # what the last do/undo left stored
        self.label = _edit_label(self._values)
        self.past = _edit_past(self._values, None)

    @property
    def fields(self) -> set[str]:
        """The names of the fields it sets."""
        return set(self._values)

    def do(self) -> Changes:
        if self._before is None:  # the first time (a refused one is tried afresh)
            current = self._store.get_annotation(self.annotation_id)
            self.past = _edit_past(self._values, current.kind)
            before = {name: getattr(current, name) for name in self._values}
            if "verdict" in self._values:  # a verdict clears the text-changed mark
                before.setdefault("changed_from", current.changed_from)
            changes = self._store.update(self.annotation_id, self._values)
            self._before = before
        else:  # redo
            changes = self._store.update(self.annotation_id, self._values, expect=self._left)
        self._left = self._stored()
        return changes

    def undo(self) -> Changes:
        assert self._before is not None, "undo before do"
        changes = self._store.update(self.annotation_id, self._before, expect=self._left)
        self._left = self._stored()
        return changes

    def merge(self, later: Command) -> bool:
        if (
            isinstance(later, EditAnnotation)
            and later.annotation_id == self.annotation_id
            and set(later._values) == set(self._values)
            and set(self._values) in ({"note"}, {"rationale"})
        ):
            self._values = dict(later._values)
            self._left = later._left
            return True
        return False

    def _stored(self) -> dict[str, Any]:
        current = self._store.get_annotation(self.annotation_id)
        return {name: getattr(current, name) for name in self._values}


class DeleteAnnotation:
    def __init__(self, store: AnnotationStore, annotation_id: str) -> None:
        self._store = store
        self.annotation_id = annotation_id
        self._removal: Removal | None = None
        self.label = "Delete annotation"
        self.past = "deleted an annotation"

    def do(self) -> Changes:
        self._removal, changes = self._store.delete(self.annotation_id)
        kind = self._removal.annotation.kind.value
        self.label, self.past = f"Delete {kind}", f"deleted {a(kind)}"
        return changes

    @property
    def removed(self) -> Annotation | None:
        """The annotation as it was when it was deleted (None before)."""
        return self._removal.annotation if self._removal is not None else None

    def undo(self) -> Changes:
        assert self._removal is not None, "undo before do"
        return self._store.restore(self._removal)

    def merge(self, later: Command) -> bool:
        return False


def _edit_label(values: Mapping[str, Any]) -> str:
    if len(values) != 1:
        return "Edit annotation"
    ((name, value),) = values.items()
    if name == "verdict":
        return f"Set verdict to {Verdict(value).value}"
    if name == "kind":
        return f"Change kind to {Kind(value).value}"
    labels = {
        "note": "Edit note",
        "rationale": "Edit public rationale",
        "review_url": "Set review URL",
        "speaker": "Edit speaker",
        "target_id": "Link attribution",
        "measure": "Assign measure",
    }
    return labels.get(name, "Edit figure")


def _edit_past(values: Mapping[str, Any], kind: Kind | None) -> str:
    """What an edit did, in words: "marked a figure accurate", "edited the note on a claim"."""
    what = a(kind.value) if kind is not None else "an annotation"
    if len(values) != 1:
        return f"edited {what}"
    ((name, value),) = values.items()
    if name == "verdict":
        return f"marked {what} {Verdict(value).value}"
    if name == "kind":
        return f"changed {what} to {a(Kind(value).value)}"
    if name == "measure":
        return f"assigned {what} to “{value}”" if value else f"took {what} out of its measure"
    labels = {
        "note": f"edited the note on {what}",
        "speaker": f"edited the speaker of {what}",
        "target_id": f"linked {what} to what it attributes",
    }
    return labels.get(name, f"edited {what}")


class MeasureStore(Protocol):
    def rename(self, old: str, new: str) -> Changes: ...

    def merge(self, sources: Iterable[str], into: str) -> tuple[dict[str, str], Changes]: ...

    def assign(self, measures: Mapping[str, str | None]) -> Changes: ...


class RenameMeasure:
    def __init__(self, store: MeasureStore, old: str, new: str) -> None:
        self._store = store
        self._old, self._new = old, " ".join(new.split())
        self.label = f"Rename measure to “{self._new}”"
        self.past = f"renamed a measure to “{self._new}”"

    def do(self) -> Changes:
        return self._store.rename(self._old, self._new)

    def undo(self) -> Changes:
        return self._store.rename(self._new, self._old)

    def merge(self, later: Command) -> bool:
        return False


class MergeMeasures:
    def __init__(self, store: MeasureStore, sources: Iterable[str], into: str) -> None:
        self._store = store
        self._sources, self._into = tuple(sources), into
        self._before: dict[str, str] = {}
        self.label = f"Merge measures into “{into}”"
        self.past = f"merged {count(len(self._sources), 'measure')} into “{into}”"

    def do(self) -> Changes:
        self._before, changes = self._store.merge(self._sources, self._into)
        return changes

    def undo(self) -> Changes:
        return self._store.assign(self._before)

    def merge(self, later: Command) -> bool:
        return False
