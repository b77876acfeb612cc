"""Ctrl+F: find words in the focused article. The bar sits under the panes; Enter and F3 go
to the next match, Shift+Enter and Shift+F3 to the previous one, Escape closes it and leaves
the match selected in its pane (so C, F or A then tags it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from factcheck_gui.ui.window.actions import make_action

if TYPE_CHECKING:
    from factcheck_gui.ui.panes.article_view import ArticleTextView
    from factcheck_gui.ui.panes.panes import PaneArea


class FindBar(QWidget):
    def __init__(self, panes: PaneArea, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.panes = panes
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in the article (Enter: next, Shift+Enter: previous)")
        self.field.setAccessibleName("Find in the article")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        previous, following, close = QToolButton(self), QToolButton(self), QToolButton(self)
        for button, text, tip in (
            (previous, "↑", "Previous match (Shift+F3)"),
            (following, "↓", "Next match (F3)"),
            (close, "×", "Close (Esc)"),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
        previous.clicked.connect(lambda: self.find_match(backward=True))
        following.clicked.connect(lambda: self.find_match())
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.field.textEdited.connect(lambda _text: self.find_match(from_start=True))
        self.field.installEventFilter(self)
        self.open_action = make_action(
            parent,
            "&Find in article…",
            self.open_bar,
            shortcut=QKeySequence.StandardKey.Find,
            fallback="Ctrl+F",
            tip="Find words in the focused article",
        )
        self.next_action = make_action(
            parent,
            "Find &next",
            self.find_match,
            shortcut=QKeySequence.StandardKey.FindNext,
            fallback="F3",
            tip="The next match in the focused article",
        )
        self.previous_action = make_action(
            parent,
            "Find pre&vious",
            lambda: self.find_match(backward=True),
            shortcut=QKeySequence.StandardKey.FindPrevious,
            fallback="Shift+F3",
            tip="The previous match in the focused article",
        )
        self.hide()

    def view(self) -> ArticleTextView | None:
        pane = self.panes.current
        return pane.view if pane is not None and pane.article is not None else None

    def open_bar(self) -> None:
        view = self.view()
        if view is not None and view.textCursor().hasSelection() and not self.isVisible():
            self.field.setText(view.textCursor().selectedText().replace("\u2029", " "))
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        view = self.view()
        if view is not None:
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_match(self, *, backward: bool = False, from_start: bool = False) -> bool:
        """Select the next (or previous) match in the focused pane, wrapping at the end."""
        view, words = self.view(), self.field.text()
        if view is None or not words:
            self.count.setText("")
            return False
        document = view.document()
        flags = QTextDocument.FindFlag(0)
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        cursor = view.textCursor()
        if from_start:
            cursor.setPosition(cursor.selectionStart())  # typing refines the same match
        found = document.find(words, cursor, flags)
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(words, start, flags)
        if found.isNull():
            self.count.setText("no match")
            return False
        view.setTextCursor(found)
        view.centerCursor()
        self.count.setText(self._position(document, words, found))
        return True

    def _position(self, document: QTextDocument, words: str, found: QTextCursor) -> str:
        matches, index = 0, 0
        cursor = document.find(words, 0)
        while not cursor.isNull():
            matches += 1
            if cursor.selectionStart() == found.selectionStart():
                index = matches
            cursor = document.find(words, cursor)
        return f"{index} of {matches}"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.find_match(backward=bool(shift))
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return False
