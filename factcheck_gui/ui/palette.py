"""How each kind looks: an Okabe–Ito colour (safe for colour-blind readers) and a
second cue, the underline style, so colour is never the only signal."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

from factcheck_gui.domain.model import Kind, Verdict


@dataclass(frozen=True)
class KindStyle:
    colour: str
    underline: QTextCharFormat.UnderlineStyle
    underline_name: str  # for the legend
    shortcut: str


KIND_STYLES: dict[Kind, KindStyle] = {
    Kind.CLAIM: KindStyle("#0072B2", QTextCharFormat.UnderlineStyle.SingleUnderline, "solid", "C"),
    Kind.FIGURE: KindStyle("#E69F00", QTextCharFormat.UnderlineStyle.DashUnderline, "dashed", "F"),
    Kind.ATTRIBUTION: KindStyle(
        "#009E73", QTextCharFormat.UnderlineStyle.WaveUnderline, "wavy", "A"
    ),
}

# Keys 0-5 set the verdicts in scale order.
VERDICT_KEYS: dict[Verdict, str] = {v: str(i) for i, v in enumerate(Verdict)}

FLASH_COLOUR = "#F0E442"  # Okabe–Ito yellow


def background(kind: Kind, *, depth: int = 1, selected: bool = False) -> QColor:
    """A light tint of the kind's colour, stronger where spans nest or one is selected."""
    colour = QColor(KIND_STYLES[kind].colour)
    alpha = 150 if selected else min(45 + 35 * (depth - 1), 120)
    colour.setAlpha(alpha)
    return colour


def opaque_tint(kind: Kind, *, depth: int = 1) -> QColor:
    """The highlight tint as it looks on white, for places that cannot blend (the legend)."""
    tint = background(kind, depth=depth)
    a = tint.alphaF()
    return QColor(
        round(255 * (1 - a) + tint.red() * a),
        round(255 * (1 - a) + tint.green() * a),
        round(255 * (1 - a) + tint.blue() * a),
    )
