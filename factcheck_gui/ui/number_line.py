"""A measure's figures on one number line: each figure's interval as a bar (a point when it
is narrow), coloured by article, open ends as arrows, vague amounts hatched, and the figures
that cannot be true together outlined in vermillion with a cross."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QToolTip, QWidget

from factcheck_gui.domain.figures import format_interval
from factcheck_gui.services.comparison import ComparedFigure, MeasureGroup

# Okabe–Ito, vermillion kept for conflicts and yellow left out (too faint on white).
ARTICLE_COLOURS = ("#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000")
CONFLICT_COLOUR = "#D55E00"
LABEL_WIDTH = 150
LANE = 20
AXIS = 22


def article_colour(article_id: int) -> QColor:
    """The same colour for an article in every measure."""
    return QColor(ARTICLE_COLOURS[article_id % len(ARTICLE_COLOURS)])


def compact(value: float) -> str:
    """264660 -> 264.7k; 1500000 -> 1.5M."""
    for size, suffix in ((1e12, "T"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    return f"{value:.4g}"


class Scale:
    """Where a value goes across [0, 1]: linear, or logarithmic when the figures span more
    than a factor of 20 (so "millions" and 264,660 both stay readable)."""

    def __init__(self, figures: Sequence[ComparedFigure]) -> None:
        # A vague amount's top ("millions": up to a billion) would squash the rest; it is
        # drawn running off the edge instead, like an open end.
        precise = [f for f in figures if not f.vague]
        values = (
            x
            for f in figures
            for x in (f.low, f.value, None if f.vague and precise else f.high)
            if x is not None
        )
        ends = [x for x in values if math.isfinite(x)]
        lo, hi = (min(ends), max(ends)) if ends else (0.0, 1.0)
        self.log = lo > 0 and hi / lo > 20
        if self.log:
            lo, hi = math.log10(lo), math.log10(hi)
        if hi == lo:
            lo, hi = lo - (abs(lo) * 0.1 or 1), hi + (abs(hi) * 0.1 or 1)
        pad = (hi - lo) * 0.06
        self.lo, self.hi = lo - pad, hi + pad

    def __call__(self, value: float) -> float:
        v = math.log10(value) if self.log and value > 0 else value
        if self.log and value <= 0:
            v = self.lo
        return (v - self.lo) / (self.hi - self.lo)

    def clip(self, value: float | None) -> float | None:
        """Where ``value`` goes, or None when it is open or runs off the line."""
        if value is None:
            return None
        x = self(value)
        return x if 0.0 <= x <= 1.0 else None

    def ticks(self) -> list[float]:
        if self.log:
            first, last = math.ceil(self.lo), math.floor(self.hi)
            return [10.0**k for k in range(first, last + 1)]
        span = self.hi - self.lo
        step = 10 ** math.floor(math.log10(span / 4))
        for factor in (1, 2, 5, 10):
            if span / (step * factor) <= 6:
                step *= factor
                break
        first = math.ceil(self.lo / step) * step
        return [first + k * step for k in range(int((self.hi - first) / step) + 1)]


def paint_figures(
    painter: QPainter,
    rect: QRectF,
    group: MeasureGroup,
    *,
    labels: bool,
) -> list[tuple[QRectF, ComparedFigure]]:
    """Draw ``group`` in ``rect``; returns each figure's lane, for clicks and tool tips."""
    figures = group.figures
    if not figures:
        return []
    scale = Scale(figures)
    disjoint = {i for pair in group.disjoint for i in pair}
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    left = rect.left() + (LABEL_WIDTH if labels else 2)
    width = max(10.0, rect.right() - 8 - left)
    lanes_bottom = rect.bottom() - (AXIS if labels else 1)
    lane = LANE if labels else max(2.0, min(6.0, (lanes_bottom - rect.top()) / len(figures)))
    out = []
    for i, figure in enumerate(figures):
        top = rect.top() + i * lane
        if top + lane > lanes_bottom + 0.5:
            break
        lane_rect = QRectF(rect.left(), top, rect.width(), lane)
        out.append((lane_rect, figure))
        colour = article_colour(figure.article_id)
        conflicting = figure.annotation_id in disjoint
        if labels:
            painter.setPen(QColor(CONFLICT_COLOUR) if conflicting else painter.pen().color())
            label = ("✕ " if conflicting else "") + (figure.outlet or figure.article_title)
            metrics = painter.fontMetrics()
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
            painter.drawText(
                QRectF(rect.left() + 2, top, LABEL_WIDTH - 6, lane),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
        low, high = scale.clip(figure.low), scale.clip(figure.high)
        x0 = left + width * low if low is not None else left
        x1 = left + width * high if high is not None else left + width
        mid = top + lane / 2
        height = lane * 0.55
        outline = QPen(QColor(CONFLICT_COLOUR), 2) if conflicting else QPen(colour.darker(130), 1)
        painter.setPen(outline)
        fill = QColor(colour)
        fill.setAlpha(150)
        brush = QBrush(
            fill, Qt.BrushStyle.BDiagPattern if figure.vague else Qt.BrushStyle.SolidPattern
        )
        painter.setBrush(brush)
        if x1 - x0 < 4:
            radius = max(2.0, height / 2)
            painter.drawEllipse(QPointF((x0 + x1) / 2, mid), radius, radius)
        else:
            painter.drawRoundedRect(QRectF(x0, mid - height / 2, x1 - x0, height), 2, 2)
        painter.setBrush(QBrush(colour.darker(130)))
        if low is None:
            _arrow(painter, x0, mid, height, pointing=-1)
        if high is None:
            _arrow(painter, x1, mid, height, pointing=1)
        if figure.value is not None and labels:
            x = left + width * scale(figure.value)
            painter.setPen(QPen(colour.darker(160), 2))
            painter.drawLine(QPointF(x, mid - height / 2 - 2), QPointF(x, mid + height / 2 + 2))
    if labels:
        _axis(painter, scale, left, width, lanes_bottom)
    painter.restore()
    return out


def _arrow(painter: QPainter, x: float, y: float, size: float, *, pointing: int) -> None:
    tip = x + pointing * size * 0.6
    painter.drawPolygon(
        QPolygonF([QPointF(tip, y), QPointF(x, y - size / 2), QPointF(x, y + size / 2)])
    )


def _axis(painter: QPainter, scale: Scale, left: float, width: float, y: float) -> None:
    painter.setPen(QPen(QColor("#555555"), 1))
    painter.drawLine(QPointF(left, y + 3), QPointF(left + width, y + 3))
    for value in scale.ticks():
        x = left + width * scale(value)
        if not left - 1 <= x <= left + width + 1:
            continue
        painter.drawLine(QPointF(x, y + 1), QPointF(x, y + 6))
        painter.drawText(
            QRectF(x - 40, y + 6, 80, AXIS - 6),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            compact(value),
        )
    if scale.log:
        painter.drawText(
            QRectF(left - LABEL_WIDTH, y + 6, LABEL_WIDTH - 8, AXIS - 6),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            "log scale",
        )


class NumberLine(QWidget):
    """The current measure's picture, one lane per figure; click a lane to go to it."""

    figureClicked = Signal(str, int)  # annotation id, article id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberLine")
        self.setMouseTracking(True)
        self.group: MeasureGroup | None = None
        self._lanes: list[tuple[QRectF, ComparedFigure]] = []

    def set_group(self, group: MeasureGroup | None) -> None:
        self.group = group
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        lanes = len(self.group.figures) if self.group else 3
        return QSize(400, lanes * LANE + AXIS + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, LANE + AXIS)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self.group is None:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "Select a measure to see its figures."
            )
            return
        rect = QRectF(self.rect()).adjusted(0, 4, 0, -4)
        self._lanes = paint_figures(painter, rect, self.group, labels=True)

    def figure_at(self, y: float) -> ComparedFigure | None:
        return next((f for r, f in self._lanes if r.top() <= y < r.bottom()), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        figure = self.figure_at(event.position().y())
        if figure is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), figure_tip(figure), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        figure = self.figure_at(event.position().y())
        if figure is not None and event.button() == Qt.MouseButton.LeftButton:
            self.figureClicked.emit(figure.annotation_id, figure.article_id)


def figure_tip(figure: ComparedFigure) -> str:
    source = f"\nsource: {figure.source}" if figure.source else ""
    vague = " (vague)" if figure.vague else ""
    return (
        f"“{figure.quote}”\n{figure.outlet or figure.article_title}{source}\n"
        f"allows {format_interval(figure.low, figure.high)}{vague} {figure.unit or ''}".rstrip()
    )
