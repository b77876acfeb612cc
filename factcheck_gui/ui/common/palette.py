"""How each kind looks: an Okabe–Ito colour (safe for colour-blind readers) and a
second cue, the underline style, so colour is never the only signal.

Every colour drawn behind or around text is derived from the widget's palette, light or
dark: a tint is the kind's colour blended into the palette's base, as strong as it can be
while the palette's text on it keeps a WCAG contrast of at least ``MIN_CONTRAST``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from factcheck_gui.domain.intervals import CONFLICT, CONSISTENT
from factcheck_gui.domain.model import Kind, Verdict

MIN_CONTRAST = 4.5  # WCAG AA for normal text


@dataclass(frozen=True)
class KindStyle:
    colour: str  # on a light palette
    dark_colour: str  # on a dark palette: a lighter Okabe–Ito colour that stands out on black
    underline: QTextCharFormat.UnderlineStyle
    underline_name: str  # for the legend
    shortcut: str


KIND_STYLES: dict[Kind, KindStyle] = {
    Kind.CLAIM: KindStyle(
        "#0072B2", "#56B4E9", QTextCharFormat.UnderlineStyle.SingleUnderline, "solid", "C"
    ),
    Kind.FIGURE: KindStyle(
        "#E69F00", "#E69F00", QTextCharFormat.UnderlineStyle.DashUnderline, "dashed", "F"
    ),
    Kind.ATTRIBUTION: KindStyle(
        "#009E73", "#2BC79A", QTextCharFormat.UnderlineStyle.WaveUnderline, "wavy", "A"
    ),
}

# Keys 0-5 set the verdicts in scale order.
VERDICT_KEYS: dict[Verdict, str] = {v: str(i) for i, v in enumerate(Verdict)}

FLASH_COLOUR = "#F0E442"  # Okabe–Ito yellow, always with dark text on it
FLASH_TEXT = "#000000"

# Articles on the number line: Okabe–Ito, without black (invisible on a dark base).
ARTICLE_COLOURS = ("#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#F0E442")
DARK_ARTICLE_COLOURS = ("#56B4E9", "#2BC79A", "#CC79A7", "#A3D5F5", "#E69F00", "#F0E442")


# A measure's figures together: vermillion for a conflict (with a ✕ and bold as second
# cues), bluish green where they agree; drawn through status_colour, never as they are.
STATUS_COLOURS = {CONFLICT: "#D55E00", CONSISTENT: "#009E73"}
NEUTRAL_STATUS = "#999999"  # a single figure: nothing to agree or disagree with


def current_palette(palette: QPalette | None = None) -> QPalette:
    return palette if palette is not None else QApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark palette: its base (behind text) is darker than its text."""
    p = current_palette(palette)
    return luminance(p.color(QPalette.ColorRole.Base)) < luminance(p.color(QPalette.ColorRole.Text))


def kind_colour(kind: Kind, palette: QPalette | None = None) -> QColor:
    """The kind's colour for underlines, chips and table markers on ``palette``."""
    style = KIND_STYLES[kind]
    return QColor(style.dark_colour if is_dark(palette) else style.colour)


def line_colour(kind: Kind, palette: QPalette | None = None) -> QColor:
    """The kind's colour for underlines and markers: pulled toward the text colour until it
    stands out from the base (WCAG asks 3:1 of graphics; Okabe–Ito orange on white has 2.3)."""
    p = current_palette(palette)
    return toward_text(kind_colour(kind, p), p, ratio=3.0)


def toward_text(colour: QColor, palette: QPalette, *, ratio: float) -> QColor:
    """``colour`` blended toward the palette's text until it reads at ``ratio`` on its base.
    Asked for every mark and row painted, so kept per colour, palette and ratio."""
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    return QColor.fromRgba(_toward_text(colour.rgba(), base.rgba(), text.rgba(), ratio))


@lru_cache(maxsize=1024)
def _toward_text(colour_rgba: int, base_rgba: int, text_rgba: int, ratio: float) -> int:
    colour, base, text = (QColor.fromRgba(c) for c in (colour_rgba, base_rgba, text_rgba))
    found, step = QColor(colour), 0.0
    while contrast(found, base) < ratio and step < 1:
        step = min(1.0, step + 0.05)
        found = blend(text, colour, step)
    return found.rgba()


def article_colour(article_id: int, palette: QPalette | None = None) -> QColor:
    """The same colour for an article everywhere (the number line, the comparison's rows):
    its Okabe–Ito colour, pulled toward the text until it stands out from the base by the
    3:1 WCAG asks of graphics (yellow and sky blue on white have less)."""
    p = current_palette(palette)
    colours = DARK_ARTICLE_COLOURS if is_dark(p) else ARTICLE_COLOURS
    return toward_text(QColor(colours[article_id % len(colours)]), p, ratio=3.0)


def status_colour(status: str, palette: QPalette | None = None) -> QColor:
    """A measure's status as text and marks (a conflict's figures, a flagged rate, the
    status swatch): its Okabe–Ito colour, pulled toward the text until it reads at
    ``MIN_CONTRAST`` on the base, light or dark; a status without a colour is grey."""
    p = current_palette(palette)
    return toward_text(QColor(STATUS_COLOURS.get(status, NEUTRAL_STATUS)), p, ratio=MIN_CONTRAST)


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(top: QColor, bottom: QColor, alpha: float) -> QColor:
    """``top`` at opacity ``alpha`` over opaque ``bottom``."""
    return QColor(
        round(bottom.red() * (1 - alpha) + top.red() * alpha),
        round(bottom.green() * (1 - alpha) + top.green() * alpha),
        round(bottom.blue() * (1 - alpha) + top.blue() * alpha),
    )


def _strength(depth: int, selected: bool) -> float:
    return 150 / 255 if selected else min(45 + 35 * (depth - 1), 120) / 255


def tint(
    kind: Kind, palette: QPalette | None = None, *, depth: int = 1, selected: bool = False
) -> QColor:
    """An opaque tint of the kind's colour on the palette's base, stronger where spans nest
    or one is selected, and never so strong that the palette's text on it is hard to read."""
    p = current_palette(palette)
    base, text = p.color(QPalette.ColorRole.Base), p.color(QPalette.ColorRole.Text)
    colour = kind_colour(kind, p)
    alpha = _strength(depth, selected)
    found = blend(colour, base, alpha)
    while contrast(text, found) < MIN_CONTRAST and alpha > 0.02:
        alpha -= 0.02
        found = blend(colour, base, alpha)
    return found


def hint_colour(palette: QPalette | None = None) -> QColor:
    """Secondary text (the legend's hints): between the window's text and its background,
    as faint as it can be while still readable."""
    p = current_palette(palette)
    text, window = p.color(QPalette.ColorRole.WindowText), p.color(QPalette.ColorRole.Window)
    alpha = 0.55
    found = blend(text, window, alpha)
    while contrast(found, window) < MIN_CONTRAST and alpha < 1:
        alpha = min(1.0, alpha + 0.05)
        found = blend(text, window, alpha)
    return found
