"""The suggestions dock: the amounts in the focused article not yet tagged. Enter accepts the
selected one (it becomes a figure), Delete dismisses it (remembered); both move to the next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.commands import CreateAnnotation
from factcheck_gui.domain.figures import format_number
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.domain.suggestions import Candidate
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.panes.panes import PaneArea

_ACCEPT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DISMISS_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
HEADERS = ("Words", "Value", "Unit", "Interval")
DEBOUNCE_MS = 150  # edits in a row refresh the list once, when they pause
# What the suggestions depend on: where the article's figures are (a note changes nothing).
SUGGESTION_FIELDS = frozenset({"kind", "start", "end", "orphaned"})


class SuggestionPanel(QWidget):
    accepted = Signal(int, int)  # start, end
    dismissed = Signal(int, int)
    chosen = Signal(int, int)  # a row became current: show its words in the pane
    restoreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates: list[Candidate] = []
        self.title = QLabel("Open an article, then press S to list the figures in it.")
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("suggestionTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.installEventFilter(self)
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))
        self.table.cellDoubleClicked.connect(lambda row, _c: self._accept(row))
        self.accept_button = QPushButton("&Accept")
        self.accept_button.setToolTip("Tag the selected amount as a figure (Enter)")
        self.accept_button.clicked.connect(lambda: self._accept(self.table.currentRow()))
        self.dismiss_button = QPushButton("&Dismiss")
        self.dismiss_button.setToolTip("Do not propose this amount again (Delete)")
        self.dismiss_button.clicked.connect(lambda: self._dismiss(self.table.currentRow()))
        self.restore_button = QPushButton("Restore dismissed")
        self.restore_button.clicked.connect(self.restoreRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.show_candidates(None, [], 0)

    def show_candidates(
        self, title: str | None, candidates: list[Candidate], dismissed: int
    ) -> None:
        """List ``candidates``, keeping the selection near where it was."""
        row = max(0, self.table.currentRow())
        self.candidates = candidates
        self.table.blockSignals(True)
        self.table.setRowCount(len(candidates))
        for i, c in enumerate(candidates):
            f = c.figure
            interval = f"{format_number(f.low, empty='…')} – {format_number(f.high, empty='…')}"
            cells = (" ".join(c.quote.split()), format_number(f.value), f.unit or "", interval)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"characters {c.start}–{c.end}")
                self.table.setItem(i, column, item)
        if candidates:
            self.table.setCurrentCell(min(row, len(candidates) - 1), 0)
        self.table.blockSignals(False)
        if title is None:
            self.title.setText("Open an article, then press S to list the figures in it.")
        else:
            count = len(candidates)
            self.title.setText(
                f"{count} amount{'s' * (count != 1)} to review in “{title[:60]}”. "
                "Enter accepts, Delete dismisses."
                if count
                else f"No amounts left to review in “{title[:60]}”."
            )
        for button in (self.accept_button, self.dismiss_button):
            button.setEnabled(bool(candidates))
        self.restore_button.setEnabled(dismissed > 0)
        self.restore_button.setText(
            f"Restore {dismissed} dismissed" if dismissed else "Restore dismissed"
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kinds = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if watched is self.table and event.type() in kinds and isinstance(event, QKeyEvent):
            key = event.key()
            if key not in _ACCEPT_KEYS + _DISMISS_KEYS:
                return super().eventFilter(watched, event)
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # these keys are ours here, not the window's (Del deletes)
                return True
            if key in _ACCEPT_KEYS:
                self._accept(self.table.currentRow())
            else:
                self._dismiss(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.candidates):
            self.chosen.emit(self.candidates[row].start, self.candidates[row].end)

    def _accept(self, row: int) -> None:
        if 0 <= row < len(self.candidates):
            self.accepted.emit(self.candidates[row].start, self.candidates[row].end)

    def _dismiss(self, row: int) -> None:
        if 0 <= row < len(self.candidates):
            self.dismissed.emit(self.candidates[row].start, self.candidates[row].end)


class Suggesting(QObject):
    """Keeps the suggestions dock on the focused pane's article, and turns an accepted
    suggestion into a figure annotation (undoable) and a dismissed one into a memory."""

    created = Signal(str)  # the figure an accepted suggestion became

    def __init__(self, context: AppContext, panes: PaneArea, panel: SuggestionPanel) -> None:
        super().__init__(panel)
        self._context = context
        self._panes = panes
        self.panel = panel
        self.article_id: int | None = None
        panel.accepted.connect(self.accept)
        panel.dismissed.connect(self.dismiss)
        panel.chosen.connect(self._show_span)
        panel.restoreRequested.connect(self.restore)
        panes.currentChanged.connect(lambda _pane: self.refresh())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        context.changed.connect(self.apply_changes)

    def refresh(self) -> None:
        """List the focused article's candidates (only while the dock is visible)."""
        self._timer.stop()
        pane = self._panes.current
        article = pane.article if pane is not None else None
        self.article_id = article.id if article is not None else None
        if article is None:
            self.panel.show_candidates(None, [], 0)
            return
        if not self.panel.isVisible():
            return
        service = self._context.workspace.suggestions
        self.panel.show_candidates(
            article.title, service.candidates(article.id), service.dismissed_count(article.id)
        )

    def accept(self, start: int, end: int) -> None:
        if self.article_id is None:
            return
        command = CreateAnnotation(
            self._context.workspace.annotations,
            NewAnnotation(
                article_id=self.article_id,
                start=start,
                end=end,
                kind=Kind.FIGURE,
                reviewer=self._context.workspace.preferences.reviewer,
            ),
        )

        def accepted() -> None:  # at once, or after a Retry of a refused save
            self.refresh()  # at once: the reviewer goes on to the next one
            self.created.emit(command.annotation_id)

        self._context.run(command, done=accepted)

    def dismiss(self, start: int, end: int) -> None:
        if (article_id := self.article_id) is not None:
            service = self._context.workspace.suggestions
            if self._context.save(
                "Dismiss suggestion", lambda: service.dismiss(article_id, start, end)
            ):
                self.refresh()

    def restore(self) -> None:
        if (article_id := self.article_id) is not None:
            service = self._context.workspace.suggestions
            if self._context.save(
                "Restore dismissed suggestions", lambda: service.restore_dismissed(article_id)
            ):
                self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        if self.article_id is None or not (self.article_id in changes.articles or changes.library):
            return
        whole = changes.added or changes.removed or changes.library or changes.reset
        if not whole and changes.fields is not None and not changes.fields & SUGGESTION_FIELDS:
            return  # a note, a verdict: the same amounts are left to review
        self._timer.start()

    def _show_span(self, start: int, end: int) -> None:
        pane = self._panes.current
        if pane is not None and pane.article_id == self.article_id:
            pane.view.reveal(start, end, flash=False)
            pane.view.select_span(start, end)
