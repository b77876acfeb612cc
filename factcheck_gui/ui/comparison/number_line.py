"""A measure's figures on one number line: each figure's interval as a bar (a point when it
is narrow), coloured by article, open ends as arrows, vague amounts hatched, and the figures
that cannot be true together outlined in vermillion with a cross."""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QToolTip, QWidget

from factcheck_gui.domain.figures import format_interval
from factcheck_gui.domain.intervals import CONFLICT
from factcheck_gui.services.comparison import ComparedFigure, MeasureGroup
from factcheck_gui.ui.common.palette import STATUS_COLOURS, status_colour
from factcheck_gui.ui.common.palette import article_colour as palette_article_colour
from factcheck_gui.ui.comparison.number_scale import AUTO, Scale

CONFLICT_COLOUR = STATUS_COLOURS[CONFLICT]  # the hue; drawn through status_colour
LABEL_WIDTH = 190
LANE = 20
AXIS = 36  # tick labels, then the unit and how the line is scaled
TITLE = 20  # the measure's name
END_ROOM = 44  # beside the line: arrows and the values of ends past it


def article_colour(article_id: int) -> QColor:
    """The same colour for an article in every measure, from the palette (light or dark)."""
    return palette_article_colour(article_id)


def compact(value: float) -> str:
    """264660 -> 264.7k; 1500000 -> 1.5M."""
    for size, suffix in ((1e12, "T"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    return f"{value:.4g}"


def figure_label(figure: ComparedFigure) -> str:
    """A lane's name: the quote first (two figures of one article differ by it), then where."""
    quote = " ".join(figure.quote.split())
    quote = quote if len(quote) <= 28 else quote[:27] + "…"
    return f"“{quote}” · {figure.outlet or figure.article_title}"


def units_of(group: MeasureGroup) -> str:
    found = group.memo.get("units")
    if not isinstance(found, str):
        units = [u for u in dict.fromkeys(map(attrgetter("unit"), group.figures)) if u]
        found = group.memo["units"] = ", ".join(units) if units else "no unit given"
    return found


def paint_figures(
    painter: QPainter,
    rect: QRectF,
    group: MeasureGroup,
    *,
    labels: bool,
    mode: str = AUTO,
    selected: str | None = None,
    text: QColor | None = None,
    highlight: QColor | None = None,
) -> list[tuple[QRectF, ComparedFigure]]:
    """Draw ``group`` in ``rect``; returns each figure's lane, for clicks and tool tips.

    With ``labels``: the measure and its unit above, a label per lane, the axis below,
    ``selected``'s lane marked with a band and a ▶, ends past the line cut (⫽) and labelled.
    """
    figures = group.figures
    if not figures:
        return []
    scale = Scale.of(group, mode)
    ink = text if text is not None else painter.pen().color()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = END_ROOM if labels else 2.0
    left = rect.left() + (LABEL_WIDTH if labels else 0) + margin
    width = max(10.0, rect.right() - margin - left)
    lanes_top = rect.top() + (TITLE if labels else 0)
    lanes_bottom = rect.bottom() - (AXIS if labels else 1)
    lane = LANE if labels else max(2.0, min(6.0, (lanes_bottom - lanes_top) / len(figures)))
    if labels:
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(
            QRectF(rect.left() + 2, rect.top(), rect.width() - 4, TITLE),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(
                f"{group.measure} — {units_of(group)}",
                Qt.TextElideMode.ElideRight,
                int(rect.width() - 4),
            ),
        )
        bold.setBold(False)
        painter.setFont(bold)
    out = []
    for i, figure in enumerate(figures):
        top = lanes_top + i * lane
        if top + lane > lanes_bottom + 0.5:
            break
        lane_rect = QRectF(rect.left(), top, rect.width(), lane)
        out.append((lane_rect, figure))
        colour = article_colour(figure.article_id)
        conflicting = group.conflicts.conflicting(figure.annotation_id)
        mid = top + lane / 2
        if labels:
            if figure.annotation_id == selected:
                band = QColor(highlight if highlight is not None else QColor("#3daee9"))
                band.setAlpha(60)
                painter.fillRect(lane_rect, band)
            painter.setPen(status_colour(CONFLICT) if conflicting else ink)
            mark = "▶ " if figure.annotation_id == selected else ""
            label = mark + ("✕ " if conflicting else "") + figure_label(figure)
            metrics = painter.fontMetrics()
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
            painter.drawText(
                QRectF(rect.left() + 2, top, LABEL_WIDTH - 6, lane),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                elided,
            )
        _bar(painter, scale, figure, colour, conflicting, left, width, mid, lane, labels, ink)
    if labels:
        _axis(painter, scale, group, left, width, lanes_bottom, ink)
    painter.restore()
    return out


def _bar(
    painter: QPainter,
    scale: Scale,
    figure: ComparedFigure,
    colour: QColor,
    conflicting: bool,
    left: float,
    width: float,
    mid: float,
    lane: float,
    labels: bool,
    ink: QColor,
) -> None:
    """One figure: its interval, open ends as arrows, ends past the line cut and labelled."""
    lo = None if figure.low is None else scale(figure.low)
    hi = None if figure.high is None else scale(figure.high)
    x0 = left + width * min(max(lo, 0.0), 1.0) if lo is not None else left
    x1 = left + width * min(max(hi, 0.0), 1.0) if hi is not None else left + width
    if (hi is not None and hi < 0) or (lo is not None and lo > 1):
        x0 = x1 = left if hi is not None and hi < 0 else left + width  # wholly past an end
    height = lane * 0.55
    outline = QPen(status_colour(CONFLICT), 2) if conflicting else QPen(colour.darker(130), 1)
    painter.setPen(outline)
    fill = QColor(colour)
    fill.setAlpha(150)
    style = Qt.BrushStyle.BDiagPattern if figure.vague else Qt.BrushStyle.SolidPattern
    painter.setBrush(QBrush(fill, style))
    if x1 - x0 < 4:
        radius = max(2.0, height / 2)
        painter.drawEllipse(QPointF((x0 + x1) / 2, mid), radius, radius)
    else:
        painter.drawRoundedRect(QRectF(x0, mid - height / 2, x1 - x0, height), 2, 2)
    painter.setBrush(QBrush(colour.darker(130)))
    if figure.low is None:
        _arrow(painter, x0, mid, height, pointing=-1)
    if figure.high is None:
        _arrow(painter, x1, mid, height, pointing=1)
    past_low = lo is not None and lo < 0
    past_high = hi is not None and hi > 1
    beyond = (hi is not None and hi < 0) or (lo is not None and lo > 1)  # wholly past an end
    for past, x, value, side in ((past_low, left, figure.low, -1), (past_high, x1, figure.high, 1)):
        if not past or value is None:
            continue
        painter.setPen(QPen(ink, 1.5))
        for dx in (-2.0, 2.0):  # //: the interval goes on past the line
            painter.drawLine(QPointF(x + dx - 2, mid + height), QPointF(x + dx + 2, mid - height))
        if labels:
            near = figure.high if side < 0 else figure.low
            shown = compact(near if beyond and near is not None else value)
            if side > 0:
                box = QRectF(x + 6, mid - lane / 2, END_ROOM - 9, lane)
            else:
                box = QRectF(x - END_ROOM + 3, mid - lane / 2, END_ROOM - 9, lane)
            align = Qt.AlignmentFlag.AlignLeft if side > 0 else Qt.AlignmentFlag.AlignRight
            painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, shown)
    if figure.value is not None and labels:
        v = scale(figure.value)
        if 0 <= v <= 1:
            x = left + width * v
            painter.setPen(QPen(colour.darker(160), 2))
            painter.drawLine(QPointF(x, mid - height / 2 - 2), QPointF(x, mid + height / 2 + 2))


def _arrow(painter: QPainter, x: float, y: float, size: float, *, pointing: int) -> None:
    tip = x + pointing * size * 0.6
    painter.drawPolygon(
        QPolygonF([QPointF(tip, y), QPointF(x, y - size / 2), QPointF(x, y + size / 2)])
    )


def _axis(
    painter: QPainter,
    scale: Scale,
    group: MeasureGroup,
    left: float,
    width: float,
    y: float,
    ink: QColor,
) -> None:
    axis = QColor(ink)
    axis.setAlpha(170)
    painter.setPen(QPen(axis, 1))
    painter.drawLine(QPointF(left, y + 3), QPointF(left + width, y + 3))
    row = AXIS / 2
    for value in scale.ticks():
        x = left + width * scale(value)
        if not left - 1 <= x <= left + width + 1:
            continue
        painter.drawLine(QPointF(x, y + 1), QPointF(x, y + 6))
        painter.drawText(
            QRectF(x - 40, y + 6, 80, row),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            compact(value),
        )
    painter.setPen(ink)
    painter.drawText(
        QRectF(left - LABEL_WIDTH, y + 6 + row, width + LABEL_WIDTH, row),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
        "  ".join(w for w in (units_of(group), scale.caption(group)) if w),
    )


class NumberLine(QWidget):
    """The current measure's picture, one lane per figure. Click a lane, or press Enter, to
    go to its figure; Up and Down (Home, End) move the selected figure."""

    figureClicked = Signal(str, int)  # annotation id, article id
    figureSelected = Signal(str)  # annotation id, when the selection moves here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberLine")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Number line")
        self.group: MeasureGroup | None = None
        self.selected: str | None = None
        self.mode = AUTO
        self._lanes: list[tuple[QRectF, ComparedFigure]] = []

    def set_group(self, group: MeasureGroup | None) -> None:
        self.group = group
        if group is None or self.selected not in {f.annotation_id for f in group.figures}:
            self.selected = None
        self._describe()
        self.updateGeometry()
        self.update()

    def set_selected(self, annotation_id: str | None) -> None:
        self.selected = annotation_id
        self._describe()
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._describe()
        self.update()

    def _describe(self) -> None:
        if self.group is None:
            self.setAccessibleName("Number line")
            self.setAccessibleDescription("No measure chosen")
            return
        scale = Scale.of(self.group, self.mode)
        self.setAccessibleName(f"Number line: {self.group.measure} ({units_of(self.group)})")
        figure = self.selected_figure()
        chosen = f"; selected {figure_label(figure)}, {figure_tip(figure)}" if figure else ""
        count = len(self.group.figures)
        self.setAccessibleDescription(
            f"{self.group.status}, {count} figure{'s' * (count != 1)}; "
            f"{scale.caption(self.group) or 'linear'}{chosen}"
        )
        self.setToolTip("" if figure else "Up/Down: choose a figure; Enter: go to it")

    def selected_figure(self) -> ComparedFigure | None:
        if self.group is None:
            return None
        return next((f for f in self.group.figures if f.annotation_id == self.selected), None)

    def sizeHint(self) -> QSize:  # noqa: N802
        lanes = len(self.group.figures) if self.group else 3
        return QSize(400, TITLE + lanes * LANE + AXIS + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, TITLE + LANE + AXIS)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        if self.hasFocus():
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        if self.group is None:
            painter.setPen(palette.placeholderText().color())
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "Select a measure to see its figures."
            )
            return
        rect = QRectF(self.rect()).adjusted(2, 4, -2, -4)
        self._lanes = paint_figures(
            painter,
            rect,
            self.group,
            labels=True,
            mode=self.mode,
            selected=self.selected,
            text=palette.text().color(),
            highlight=palette.highlight().color(),
        )

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
            self._select(figure.annotation_id)
            self.figureClicked.emit(figure.annotation_id, figure.article_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        figures = self.group.figures if self.group else ()
        ids = [f.annotation_id for f in figures]
        if not ids:
            super().keyPressEvent(event)
            return
        at = ids.index(self.selected) if self.selected in ids else -1
        key = event.key()
        moves = {
            Qt.Key.Key_Down: min(at + 1, len(ids) - 1),
            Qt.Key.Key_Up: max(at - 1, 0),
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(ids) - 1,
        }
        if key in moves:
            self._select(ids[moves[key]])  # type: ignore[index]
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and at >= 0:
            self.figureClicked.emit(ids[at], figures[at].article_id)
        else:
            super().keyPressEvent(event)

    def _select(self, annotation_id: str) -> None:
        if annotation_id != self.selected:
            self.set_selected(annotation_id)
            self.figureSelected.emit(annotation_id)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()


def figure_tip(figure: ComparedFigure) -> str:
    source = f"\nsource: {figure.source}" if figure.source else ""
    vague = " (vague)" if figure.vague else ""
    return (
        f"“{figure.quote}”\n{figure.outlet or figure.article_title}{source}\n"
        f"allows {format_interval(figure.low, figure.high)}{vague} {figure.unit or ''}".rstrip()
    )
