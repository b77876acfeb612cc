"""What every widget shares: the workspace, the undo stack and the change signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.commands import Command
from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.model import LibraryBatch
from factcheck_gui.services.workspace import Workspace


class AppContext(QObject):
    """Runs commands through the undo stack and tells the views what changed."""

    changed = Signal(object)  # Changes
    problem = Signal(str)  # one line for the user: what is wrong, what to do

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self._library: list[LibraryBatch] | None = None

    def run(self, command: Command) -> bool:
        """Do ``command`` now (one transaction) and put it on the undo stack.

        A refused command (bad input) is reported and never reaches the stack.
        """
        try:
            changes = command.do()
        except UserError as error:
            self.problem.emit(str(error))
            return False
        self.undo_stack.push(_UndoAdapter(command, self))
        self.notify(changes)
        return True

    def notify(self, changes: Changes, *, library: list[LibraryBatch] | None = None) -> None:
        """Tell the views; ``library`` is a snapshot a worker thread already read, if any."""
        if changes.empty:
            return
        self._library = library
        try:
            self.changed.emit(changes)
        finally:
            self._library = None

    def library(self) -> list[LibraryBatch]:
        """Batches and articles as they are now (read once per change, off the GUI thread
        when a background job could read them first)."""
        if self._library is not None:
            return self._library
        return self.workspace.library.batches()


class _UndoAdapter(QUndoCommand):
    """A Qt-free command seen by QUndoStack; its first redo() was already done by run()."""

    MERGEABLE_ID = 1

    def __init__(self, command: Command, context: AppContext) -> None:
        super().__init__(command.label)
        self.command = command
        self._context = context
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._apply(self.command.do)

    def undo(self) -> None:
        self._apply(self.command.undo)

    def id(self) -> int:
        return self.MERGEABLE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(other, _UndoAdapter) and self.command.merge(other.command):
            self.setText(self.command.label)
            return True
        return False

    def _apply(self, step: object) -> None:
        try:
            changes = step()  # type: ignore[operator]
        except UserError as error:
            self._context.problem.emit(f"Cannot {self.text().lower()}: {error}")
            return
        self._context.notify(changes)
