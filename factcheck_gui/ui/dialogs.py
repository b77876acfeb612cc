"""Every dialog opens through these functions, so tests can answer them (pytest-qt's advice)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def get_text(*, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def inform(*, parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(*, parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def error(*, title: str, text: str) -> None:
    """A problem before any window exists (the database cannot be opened)."""
    QMessageBox.critical(None, title, text)
