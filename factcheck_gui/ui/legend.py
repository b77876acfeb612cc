"""The legend: each kind's colour and its second cue, the underline style."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from factcheck_gui.domain.model import Kind
from factcheck_gui.ui.palette import KIND_STYLES, opaque_tint

_CSS_UNDERLINE = {"solid": "solid", "dashed": "dashed", "wavy": "wavy"}


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(12)
        for kind in Kind:
            style = KIND_STYLES[kind]
            tint = opaque_tint(kind, depth=2).name()
            label = QLabel(
                f'<span style="background-color:{tint}; text-decoration: underline; '
                f"text-decoration-style:{_CSS_UNDERLINE[style.underline_name]}; "
                f'text-decoration-color:{style.colour}">&nbsp;{kind.label}&nbsp;</span>'
                f' <span style="color:gray">{style.shortcut} · {style.underline_name}</span>',
                self,
            )
            label.setTextFormat(Qt.TextFormat.RichText)  # our own fixed text, never article text
            label.setToolTip(
                f"{kind.label}: {style.underline_name} underline; select text and press "
                f"{style.shortcut}"
            )
            layout.addWidget(label)
