"""The annotation commands: tag the selected words, set a verdict, delete, and each edit
made in the editor, all undoable. A note the store refuses stays in the editor, marked
unsaved; Retry, the next keystroke or any later write that works stores it (the newest
text typed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from factcheck_gui.domain.commands import CreateAnnotation, DeleteAnnotation, EditAnnotation
from factcheck_gui.domain.errors import NotFound
from factcheck_gui.domain.model import Kind, NewAnnotation, Verdict
from factcheck_gui.domain.wording import count, number
from factcheck_gui.ui.annotations.panel import AnnotationPanel
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.panes.panes import ArticlePane, PaneArea


class Selected(Protocol):
    """The selected annotation (``ui/window/selection.py``)."""

    selected: str | None

    def select(self, annotation_id: str | None, *, reveal: bool = False) -> None: ...


class Editing(QObject):
    def __init__(
        self,
        context: AppContext,
        *,
        panes: PaneArea,
        panel: AnnotationPanel,
        selection: Selected,
        tell: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._annotations = context.workspace.annotations
        self._panes = panes
        self._panel = panel
        self.editor = panel.editor
        self._selection = selection
        self._tell = tell
        self._saving_notes = False
        self.editor.edited.connect(self._edited)
        self.editor.deleteRequested.connect(self.delete)
        context.settled.connect(self.retry_unsaved_notes)

    # -- the window's commands -------------------------------------------------------------
    def tag_selection(self, kind: Kind) -> None:
        pane = self._panes.current
        span = pane.view.selected_span() if pane and pane.article else None
        if pane is None or pane.article is None or span is None:
            self._tell("Select some text in an article first, then press C, F or A.")
            return
        start, end = span
        command = CreateAnnotation(
            self._annotations,
            NewAnnotation(
                article_id=pane.article.id,
                start=start,
                end=end,
                kind=kind,
                reviewer=self._context.workspace.preferences.reviewer,
            ),
        )
        self._context.run(command, done=lambda: self._tagged(pane, command))

    def _tagged(self, pane: ArticlePane, command: CreateAnnotation) -> None:
        """Select what was tagged: at once, or once a Retry stored it (ui/window/steps.py
        says so in the status bar)."""
        if pane in self._panes.panes:
            cursor = pane.view.textCursor()
            cursor.clearSelection()
            pane.view.setTextCursor(cursor)
        self._selection.select(command.annotation_id)

    def set_verdict(self, verdict: Verdict) -> None:
        if (selected := self.require_selection()) is not None:
            self.edit(selected, {"verdict": verdict})

    def delete_selected(self) -> None:
        if (selected := self.require_selection()) is not None:
            self.delete(selected)

    def require_selection(self) -> str | None:
        """The selected annotation's id, or None after telling the user how to select one."""
        if self._selection.selected is None:
            self._tell("Select an annotation first: click a highlight or a row.")
        return self._selection.selected

    def delete(self, annotation_id: str) -> None:
        self._context.run(DeleteAnnotation(self._annotations, annotation_id))

    # -- edits -------------------------------------------------------------------------------
    def _edited(self, annotation_id: str, values: dict[str, Any]) -> None:
        self.edit(annotation_id, values, initiator=self.editor)  # its changes, not to redo

    def edit(self, annotation_id: str, values: dict[str, Any], *, initiator: object = None) -> None:
        """Store ``values``, as made by ``initiator``; a refused edit shows what is stored
        again (a refused note stays typed, marked unsaved)."""
        try:
            command = EditAnnotation(self._annotations, annotation_id, values)
        except ValueError as error:
            self._tell(str(error))
            return
        if set(values) == {"note"}:
            self._save_note(command, annotation_id, str(values["note"] or ""), initiator)
        elif not self._context.run(command, initiator=initiator):  # refused: the stored values
            self.editor.revert(self.editor.annotation, self._panel.model.annotations())

    def _save_note(
        self, command: EditAnnotation, annotation_id: str, text: str, initiator: object
    ) -> None:
        saving, self._saving_notes = self._saving_notes, True  # not again from `settled`
        try:
            saved = self._context.run(
                command,
                retry=self.retry_unsaved_notes,
                key=("note", annotation_id),
                initiator=initiator,
            )
        finally:
            self._saving_notes = saving
        self.editor.note_result(annotation_id, text, saved)
        if saved:
            self.retry_unsaved_notes()  # the store takes writes again: the others too

    def retry_unsaved_notes(self, _key: object = None) -> None:
        if self._saving_notes:
            return
        self._saving_notes = True
        try:
            for annotation_id, text in self.editor.unsaved_notes().items():
                try:
                    self._annotations.get_annotation(annotation_id)
                except NotFound:
                    self.editor.forget_note(annotation_id)
                    self._tell("A note could not be kept: its annotation was deleted.")
                    continue
                command = EditAnnotation(self._annotations, annotation_id, {"note": text})
                self._save_note(command, annotation_id, text, self.editor)
        finally:
            self._saving_notes = False

    def may_close(self, *, parent: QWidget) -> bool:
        """Before quitting: notes not stored are tried once more; any still refused are
        lost only if the reviewer says so."""
        self.retry_unsaved_notes()
        unsaved = self.editor.unsaved_notes()
        return not unsaved or dialogs.confirm(
            parent=parent,
            title="Notes not saved",
            text=f"{count(len(unsaved), 'note')} could not be saved (see the message at the "
            f"top). Quit anyway and lose {number(len(unsaved), 'it', 'them')}?",
        )
