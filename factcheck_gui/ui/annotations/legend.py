"""The legend: each kind's colour and its second cue, the underline style, drawn from the
current palette (light or dark) and redrawn when it changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from factcheck_gui.domain.model import Kind
from factcheck_gui.ui.common.palette import KIND_STYLES, hint_colour, line_colour, tint

_CSS_UNDERLINE = {"solid": "solid", "dashed": "dashed", "wavy": "wavy"}


def chip_html(kind: Kind, palette: QPalette) -> str:
    """One kind's chip: its label in the palette's text on its tint, underlined in its style."""
    style = KIND_STYLES[kind]
    text = palette.color(QPalette.ColorRole.Text).name()
    return (
        f'<span style="background-color:{tint(kind, palette, depth=2).name()}; color:{text}; '
        f"text-decoration: underline; "
        f"text-decoration-style:{_CSS_UNDERLINE[style.underline_name]}; "
        f'text-decoration-color:{line_colour(kind, palette).name()}">&nbsp;{kind.label}&nbsp;'
        f'</span> <span style="color:{hint_colour(palette).name()}">'
        f"{style.shortcut} · {style.underline_name}</span>"
    )


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(12)
        self.labels: dict[Kind, QLabel] = {}
        for kind in Kind:
            style = KIND_STYLES[kind]
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.RichText)  # our own fixed text, never article text
            label.setToolTip(
                f"{kind.label}: {style.underline_name} underline; select text and press "
                f"{style.shortcut}"
            )
            layout.addWidget(label)
            self.labels[kind] = label
        self._paint_chips()

    def _paint_chips(self) -> None:
        for kind, label in self.labels.items():
            label.setText(chip_html(kind, self.palette()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_chips()
