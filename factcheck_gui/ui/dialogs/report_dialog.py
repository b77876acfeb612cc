"""The report after an import or a merge: a warning when anything failed, was left out or
needs checking, and then those problems first, each with its reason in plain view; what
worked comes after, summarised. The list scrolls, and can be selected and copied whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.outcome import Section, as_text, troubled

PROBLEM_MARK = "⚠ "  # beside the bold heading: a second cue, not colour alone
LINE_INDENT = 18  # px: a section's lines under its heading
MAX_LIST_HEIGHT = 440


class ReportDialog(QDialog):
    def __init__(
        self, *, parent: QWidget | None, title: str, summary: str, sections: tuple[Section, ...]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.summary, self.sections = summary, sections
        self.warning = troubled(sections)
        style = self.style()
        which = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if self.warning
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.icon = QLabel()
        self.icon.setPixmap(style.standardIcon(which).pixmap(32, 32))
        self.icon.setAccessibleName("Warning" if self.warning else "Information")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(summary)
        self.headline.setObjectName("reportSummary")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)  # file names are the user's
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.headline.font()
        bold.setBold(True)
        self.headline.setFont(bold)
        self.hint = QLabel(
            "Some of it needs your attention: the problems are listed first, with their reasons."
            if self.warning
            else ""
        )
        self.hint.setWordWrap(True)
        self.hint.setVisible(self.warning)

        self.details = QTextEdit()
        self.details.setObjectName("reportDetails")
        self.details.setAccessibleName("The report, problems first")
        self.details.setReadOnly(True)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._fill()
        self.details.setVisible(bool(sections))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.copy = buttons.addButton("&Copy report", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.setToolTip("Copy the whole report as text, to paste into a message or a file")
        self.copy.clicked.connect(self.copy_all)
        buttons.accepted.connect(self.accept)
        self.buttons = buttons
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        ok.setFocus()  # Enter closes it; Tab reaches the list to select and copy

        top = QHBoxLayout()
        top.addWidget(self.icon)
        words = QVBoxLayout()
        words.addWidget(self.headline)
        words.addWidget(self.hint)
        top.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(680, self._height())

    def text(self) -> str:
        """What Copy report puts on the clipboard: the summary and every section."""
        return as_text(self.summary, self.sections)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def _fill(self) -> None:
        """Headings bold (problems marked ⚠), lines indented under them; inserted as plain
        text (a file name or a title is never read as markup)."""
        cursor = QTextCursor(self.details.document())
        heading, line = QTextCharFormat(), QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        spaced, indented = QTextBlockFormat(), QTextBlockFormat()
        spaced.setTopMargin(8)
        indented.setLeftMargin(LINE_INDENT)
        for i, section in enumerate(self.sections):
            if i:
                cursor.insertBlock(spaced)
            mark = PROBLEM_MARK if section.problem else ""
            cursor.insertText(mark + section.heading, heading)
            for text in section.lines:
                cursor.insertBlock(indented, line)
                cursor.insertText(text, line)
        self.details.moveCursor(QTextCursor.MoveOperation.Start)

    def _height(self) -> int:
        lines = len(self.sections) * 2 + sum(len(s.lines) for s in self.sections)
        row = self.details.fontMetrics().lineSpacing()
        return 140 + min(MAX_LIST_HEIGHT, max(3, lines) * row + 16)
