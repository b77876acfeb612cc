"""The conflict report drawn: one self-contained HTML file (the number lines inline as data:
URIs, every text escaped, nothing fetched) or a PDF printed by Qt itself."""

from __future__ import annotations

import base64
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from factcheck_gui.domain.figures import format_interval, format_number
from factcheck_gui.services.comparison import ComparedFigure
from factcheck_gui.services.report import Report, ReportFigure, ReportMeasure
from factcheck_gui.ui.comparison.number_line import AXIS, LANE, TITLE, paint_figures

IMAGE_WIDTH = 900  # logical pixels; drawn at twice that for print and high-density screens
COLUMNS = (
    ("Article", 16),
    ("Quote in context", 26),
    ("Value", 9),
    ("Interval", 12),
    ("Source", 11),
    ("Verdict", 9),
    ("Note", 17),
)
STATUS_WORDS = {"conflict": "Conflict", "consistent": "Consistent", "single": "Single figure"}
STYLE = """
body { font-family: sans-serif; color: #111; margin: 2em; max-width: 70em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
.conflict { color: #B34700; } .meta { color: #444; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } td.quote b { background: #FBE3B5; }
img { max-width: 100%; }
"""


def line_image(measure: ReportMeasure, *, width: int = IMAGE_WIDTH) -> QImage:
    """The measure's number line on white, at twice ``width`` pixels for sharp print."""
    height = TITLE + LANE * len(measure.group.figures) + AXIS + 12
    image = QImage(width * 2, height * 2, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_figures(
            painter,
            QRectF(4, 4, width - 8, height - 8),
            measure.group,
            labels=True,
            text=QColor("#111111"),
        )
    finally:
        painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # the stubs ask for bytes, but PySide6 refuses them here and takes str
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def report_html(
    report: Report, *, image_src: Callable[[int, ReportMeasure], str] | None = None
) -> str:
    """The whole report as one HTML document; ``image_src`` names each measure's picture
    (by default a data: URI, so the file needs nothing beside it)."""
    src = image_src or _data_uri
    counts = report.counts
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # no network, scripts or frames, whatever a quote contains
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">",
        "<title>Conflict report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Conflict report</h1>",
        f'<p class="meta">{_e(report.scope)} · made {_e(report.made.strftime("%Y-%m-%d %H:%M %Z"))}'
        f" · {len(report.measures)} measure{'s' * (len(report.measures) != 1)}: "
        f"{counts['conflict']} in conflict, {counts['consistent']} consistent, "
        f"{counts['single']} with a single figure</p>",
    ]
    if not report.measures:
        parts.append("<p>No figures with a measure in this scope.</p>")
    for number, measure in enumerate(report.measures):
        parts.extend(_measure_html(number, measure, src(number, measure)))
    parts.append("</body></html>")
    return "\n".join(parts)


def _measure_html(number: int, measure: ReportMeasure, src: str) -> list[str]:
    group = measure.group
    status = STATUS_WORDS.get(group.status, group.status)
    css = ' class="conflict"' if group.status == "conflict" else ""
    unit = f" ({_e(measure.units)})" if measure.units else ""
    alt = f"Number line of {group.measure}: " + "; ".join(
        f"{f.figure.quote} allows {format_interval(f.figure.low, f.figure.high)}"
        for f in measure.figures
    )
    out = [
        f"<h2>{number + 1}. {_e(group.measure)}{unit} — <span{css}>{_e(status)}</span></h2>",
        f'<p><img src="{_e(src)}" width="{IMAGE_WIDTH}" alt="{_e(alt)}"></p>',
    ]
    if group.status == "conflict":
        by_id = {f.figure.annotation_id: f.figure for f in measure.figures}
        pairs = [
            f"<li>{_short(by_id[a])} and {_short(by_id[b])}</li>"
            for a, b in group.conflicts.pairs()
            if a in by_id and b in by_id
        ]
        out.append("<p>Cannot both be true:</p><ul>" + "".join(pairs) + "</ul>")
    out.append("<table><tr>" + "".join(f'<th width="{w}%">{h}</th>' for h, w in COLUMNS) + "</tr>")
    out.extend(_row(f) for f in measure.figures)
    out.append("</table>")
    return out


def _row(item: ReportFigure) -> str:
    f = item.figure
    published = item.published.isoformat() if item.published else "undated"
    article = (
        f"{_e(f.article_title)}<br><span class='meta'>{_e(f.outlet or 'unknown outlet')}"
        f" · {_e(published)}</span>"
    )
    unit = f" {f.unit}" if f.unit else ""
    value = "" if f.value is None else f"{format_number(f.value)}{unit}"
    interval = format_interval(f.low, f.high) + (" (vague)" if f.vague else "")
    if item.as_of:
        interval += f", as of {item.as_of.isoformat()}"
    mark = "✕ " if item.conflicting else ""
    css = ' class="conflict"' if item.conflicting else ""
    return (
        f"<tr><td>{article}</td>"
        f'<td class="quote">{_e(item.before)}<b>{_e(f.quote)}</b>{_e(item.after)}</td>'
        f"<td>{_e(value)}</td><td{css}>{mark}{_e(interval)}</td><td>{_e(f.source or '')}</td>"
        f"<td>{_e(item.verdict_label)}</td><td>{_e(item.note)}</td></tr>"
    )


def _short(figure: ComparedFigure) -> str:
    where = figure.outlet or figure.article_title
    where = where if len(where) <= 50 else where[:49] + "…"
    return f"“{_e(figure.quote)}” ({_e(where)})"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _data_uri(_number: int, measure: ReportMeasure) -> str:
    return "data:image/png;base64," + base64.b64encode(png_bytes(line_image(measure))).decode()


def write_html(report: Report, path: Path) -> None:
    path.write_text(report_html(report), encoding="utf-8")


def write_pdf(report: Report, path: Path) -> int:
    """Print the report to ``path`` (A4) with Qt's own text layout; the number of pages."""
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)

    def image_src(number: int, measure: ReportMeasure) -> str:
        name = f"line-{number}.png"
        document.addResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(name), line_image(measure)
        )
        return name

    document.setHtml(report_html(report, image_src=image_src))
    writer = QPdfWriter(str(path))
    writer.setTitle("Conflict report")
    writer.setCreator("factcheck")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    return document.pageCount()
