"""What the window says and shows after each undoable step: done, undone or redone.

The status bar names the step in words ("Deleted a figure. Undo: Ctrl+Z", "Undid: deleted
a figure"). An undo or redo of an annotation in an article shown in a pane, focused or not,
brings that pane's span into view, flashed and selected as going to a figure does; an
article no pane shows is named in the status bar instead, never opened unasked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from factcheck_gui.domain.commands import Command, CreateAnnotation, EditAnnotation
from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Annotation
from factcheck_gui.domain.wording import capital, quoted

if TYPE_CHECKING:
    from factcheck_gui.ui.window.main_window import MainWindow


def done_text(command: Command, *, undo_keys: str) -> str | None:
    """The status line after ``command`` was done; None for a note being typed (each
    keystroke is a step; the editor shows the words)."""
    if isinstance(command, EditAnnotation) and command.fields == {"note"}:
        return None
    if isinstance(command, CreateAnnotation):
        return f"{capital(command.past)}. Verdict: keys 0–5; note: N; undo: {undo_keys}."
    return f"{capital(command.past)}. Undo: {undo_keys}."


class Steps(QObject):
    def __init__(self, window: MainWindow, tell: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._tell = tell
        window.context.ran.connect(self._ran)
        window.context.stepped.connect(self._stepped)

    def _ran(self, command: Command) -> None:
        keys = self._window.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if (text := done_text(command, undo_keys=keys or "Edit → Undo")) is not None:
            self._tell(text)

    def _stepped(self, command: Command, undoing: bool) -> None:
        verb = "Undid" if undoing else "Redid"
        self._tell(f"{verb}: {command.past}{self._bring_into_view(command)}.")

    def _bring_into_view(self, command: Command) -> str:
        """Show the step's annotation in the pane that has its article; the words to add
        to the status line when no pane has it (" in “Title” (not open)")."""
        found = self._annotation(command)
        if found is None:
            return ""
        annotation, exists = found
        window = self._window
        shown = window.panes.showing(annotation.article_id)
        if not shown:
            try:
                title = window.services.library.article(annotation.article_id).title
            except NotFound:
                return ""
            return f" in {quoted(title)} (not open)"
        pane = window.panes.current if window.panes.current in shown else shown[0]
        focus = QApplication.focusWidget()
        if focus is not pane.view and any(focus is p.view for p in window.panes.panes):
            pane.view.setFocus()  # the keys now act on the pane the step is shown in
        window.panes.set_current(pane)
        if exists:
            window.select_annotation(annotation.id, reveal=True)
        elif not annotation.orphaned:  # undone tag, redone delete: where it was, flashed
            pane.view.reveal(annotation.start, annotation.end)
        return ""

    def _annotation(self, command: Command) -> tuple[Annotation, bool] | None:
        """The annotation the step touched and whether it is still stored (an undone tag
        or a redone delete is not: the command remembers what it was)."""
        annotation_id = getattr(command, "annotation_id", None)
        if annotation_id is None:
            return None
        try:
            return self._window.services.annotations.get_annotation(annotation_id), True
        except NotFound:
            removed = getattr(command, "removed", None)
            return (removed, False) if isinstance(removed, Annotation) else None
