"""The bar at the top of the window that says a change was not saved, and what to do.

It stays until the reviewer dismisses it, retries, or the failed change is stored after all;
a Retry button appears only when retrying can help (a lock, a full disk, a read-only file).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from factcheck_gui.ui.common.context import Failure

WARNING = "#D55E00"  # Okabe–Ito vermillion, with the word "Not saved" as the second cue


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName("Problem saving")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#messageBar {{ background: #FCE9DF; border: 1px solid {WARNING};"
            f" border-left: 6px solid {WARNING}; }}"
            "#messageBar QLabel { color: #1A1A1A; }"  # on its own light background, dark or not
        )
        self.failure: Failure | None = None
        self.icon = QLabel("⚠")
        self.icon.setAccessibleName("Warning")
        self.text = QLabel()
        self.text.setObjectName("messageText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a message may quote the user's words
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton("&Retry")
        self.retry.setObjectName("messageRetry")
        self.retry.setAccessibleName("Retry saving")
        self.retry.clicked.connect(self._retry)
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.setObjectName("messageDismiss")
        self.dismiss.setAccessibleName("Dismiss the message")
        self.dismiss.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        layout.addWidget(self.dismiss)
        self.hide()

    def show_failure(self, failure: Failure) -> None:
        """Show ``failure``, replacing any older one (the newest is what the user just did)."""
        self.failure = failure
        self.text.setText(failure.message)
        self.setAccessibleDescription(failure.message)
        self.retry.setVisible(failure.retry is not None)
        self.show()

    def settled(self, key: object) -> None:
        """A write succeeded: a message it answers (same key) or one without Retry goes."""
        if self.failure is None:
            return
        if self.failure.retry is None or (key is not None and key == self.failure.key):
            self.clear()

    def clear(self) -> None:
        self.failure = None
        self.text.setText("")
        self.setAccessibleDescription("")
        self.hide()

    def _retry(self) -> None:
        failure = self.failure
        self.clear()  # a failure again shows the bar again, with the new message
        if failure is not None and failure.retry is not None:
            failure.retry()
