"""What every widget shares: the workspace, the undo stack and the one stream of changes.

Every write from the window goes through here: undoable ones through ``run`` (a command),
the others through ``save``. A write the store refuses is reported once, in ``failed``
(the message bar shows it, with Retry when retrying can help) and ``problem`` (the status
bar), so no screen can forget to tell the user; a write that worked emits ``settled``.

**One stream of changes** (Anki's ``operation_did_execute``). Whatever changed the store,
an edit in the window, an undo, an import or merge job's result, a restore, its
``Changes`` reach every view through ``changed``, which each view connects to its own
``apply_changes`` (Anki's ``op_executed``); nothing routes changes view by view. The
object that made an edit is ``Changes.initiator`` (``run(..., initiator=...)``), so an
editor leaves alone the field being typed in; changes from elsewhere have none.

The ordering contract, all of it: each view's ``apply_changes`` reads only the store (through
the services) and its own state, never another view's, so the views may be told in any
order. The one view drawn from another view's data, the cross-highlighting of a measure's
figures in the panes (``ui/panes/cross_highlight.py``), reads the comparison's groups: it
follows ``Comparing.refreshed``, emitted once the comparison has caught up, not the stream.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.commands import Command
from factcheck_gui.domain.errors import StorageFailure, UserError
from factcheck_gui.services.workspace import Workspace

log = logging.getLogger(__name__)
Retry = Callable[[], object]
Done = Callable[[], object]


@dataclass(frozen=True)
class Failure:
    """A write that was not stored: one line (what failed, what to do), and how to retry
    (None when retrying cannot help: bad input, a damaged file). ``key`` names what was
    being written, so a later successful write of the same thing clears the message."""

    message: str
    retry: Retry | None = None
    key: Hashable | None = None


class AppContext(QObject):
    """Runs commands through the undo stack and tells the views what changed."""

    changed = Signal(object)  # Changes: the one stream every view subscribes to
    problem = Signal(str)  # one line for the user: what is wrong, what to do
    failed = Signal(object)  # Failure: a write was not stored
    settled = Signal(object)  # the key of a write that was stored (None if it had none)
    fenced = Signal(str)  # the undo history ended, and why
    ran = Signal(object)  # Command: done and on the undo stack (after `changed`)
    stepped = Signal(object, bool)  # Command, undoing: undone or redone (after `changed`)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._index_changed)
        self.fence_reason: str | None = None
        self._put_back: tuple[int, _UndoAdapter] | None = None

    def run(
        self,
        command: Command,
        *,
        retry: Retry | None = None,
        key: Hashable = None,
        done: Done | None = None,
        initiator: object = None,
    ) -> bool:
        """Do ``command`` now (one transaction) and put it on the undo stack; then ``done``
        (select what was made…), at once or when a Retry stores it. Its changes go out as
        made by ``initiator`` (undoing or redoing it later, by nobody).

        A refused command (bad input, or a store that cannot write) is reported, with
        ``retry`` (by default: run it again, ``done`` included) when retrying can help, and
        never reaches the stack.
        """
        try:
            changes = command.do()
        except UserError as error:
            again = (
                retry
                if retry is not None
                else (lambda: self.run(command, key=key, done=done, initiator=initiator))
            )
            self.report(error, what=command.label, retry=again, key=key)
            return False
        self.undo_stack.push(_UndoAdapter(command, self))
        self.notify(changes.by(initiator))
        self.settled.emit(key)
        self.ran.emit(command)
        if done is not None:
            done()
        return True

    def save(
        self,
        what: str,
        action: Callable[[], Changes | None],
        *,
        key: Hashable = None,
        initiator: object = None,
    ) -> bool:
        """A write that is not undoable (preferences, dismissing a suggestion, carrying
        annotations over): reported like a command when refused, else its changes shown."""
        try:
            changes = action()
        except UserError as error:

            def again() -> bool:
                return self.save(what, action, key=key, initiator=initiator)

            self.report(error, what=what, retry=again, key=key)
            return False
        if changes is not None:
            self.notify(changes.by(initiator))
        self.settled.emit(key)
        return True

    def report(
        self, error: UserError, *, what: str, retry: Retry | None = None, key: Hashable = None
    ) -> None:
        """Tell the user ``what`` was not stored and why; Retry only where it can help."""
        if isinstance(error, StorageFailure):
            log.warning("%s: %s", what, error)
        helps = isinstance(error, StorageFailure) and error.retryable
        message = f"{what}: {error}" if isinstance(error, StorageFailure) else str(error)
        self.problem.emit(message)
        self.failed.emit(Failure(message, retry if helps else None, key))

    def fence(self, reason: str) -> None:
        """End the undo history: a change that cannot be undone (a merge, an import that
        moved annotations, a restore) happened, and undoing older steps would write their
        remembered values over it."""
        self.undo_stack.clear()
        self.fence_reason = reason
        self.fenced.emit(reason)

    def notify(self, changes: Changes) -> None:
        """Tell the views."""
        if not changes.empty:
            self.changed.emit(changes)

    # -- undo and redo that the store refused ------------------------------------------------
    def _step_failed(self, adapter: _UndoAdapter, error: UserError, *, undoing: bool) -> None:
        """QUndoStack moves its index even when the step failed; put it back (without
        running the step again) once it has moved, so the stack matches the database."""
        index = self.undo_stack.index()
        self._put_back = (index, adapter)
        stack = self.undo_stack

        def again() -> None:
            if stack.index() == index:
                (self.undo if undoing else self.redo)()

        verb = "Undo" if undoing else "Redo"
        self.report(error, what=f"{verb} “{adapter.text()}”", retry=again)

    def undo(self) -> None:
        """Undo one step; one the store refuses leaves the stack where the database is."""
        self.undo_stack.undo()
        self._put_stack_back()

    def redo(self) -> None:
        self.undo_stack.redo()
        self._put_stack_back()

    def _index_changed(self, _index: int) -> None:
        if self._put_back is not None:  # QUndoStack.undo() called directly: right after it
            QTimer.singleShot(0, self._put_stack_back)

    def _put_stack_back(self) -> None:
        """Never from inside QUndoStack's own signals: moving it from there crashed Qt."""
        if self._put_back is None:
            return
        wanted, adapter = self._put_back
        self._put_back = None
        if self.undo_stack.index() == wanted:
            return
        adapter.skip_next = True  # setIndex runs the step back; it never happened
        try:
            self.undo_stack.setIndex(wanted)
        finally:
            adapter.skip_next = False


class _UndoAdapter(QUndoCommand):
    """A Qt-free command seen by QUndoStack; its first redo() was already done by run()."""

    MERGEABLE_ID = 1

    def __init__(self, command: Command, context: AppContext) -> None:
        super().__init__(command.label)
        self.command = command
        self._context = context
        self.skip_next = True  # the first redo(): run() did it

    def redo(self) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        self._apply(self.command.do, undoing=False)

    def undo(self) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        self._apply(self.command.undo, undoing=True)

    def id(self) -> int:
        return self.MERGEABLE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(other, _UndoAdapter) and self.command.merge(other.command):
            self.setText(self.command.label)
            return True
        return False

    def _apply(self, step: Callable[[], Changes], *, undoing: bool) -> None:
        try:
            changes = step()
        except UserError as error:
            self._context._step_failed(self, error, undoing=undoing)
            return
        self._context.notify(changes)
        self._context.settled.emit(None)
        self._context.stepped.emit(self.command, undoing)
