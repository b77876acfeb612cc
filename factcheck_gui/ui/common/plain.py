"""Article and user text shown by Qt exactly as written, never as rich text.

Qt guesses that a tooltip or label starting like markup (``<img src=...>``, ``<b>``) is
rich text and renders it, loading images from any URL or file. Labels and message boxes
get ``Qt.TextFormat.PlainText``; tooltips, which have no such switch, get the text escaped
inside a ``<qt>`` block, so Qt shows the characters literally, line breaks kept.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


def tooltip(text: str | None) -> str | None:
    """A tooltip showing ``text`` literally (None stays None: no tooltip)."""
    if text is None:
        return None
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt style='white-space:pre-wrap'>{escaped}</qt>"


def plain_label(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
