"""Draws annotation spans, a paragraph at a time, from a sorted spatial index.

``QSyntaxHighlighter`` formats only the blocks Qt lays out, and only those we ask
to redo when a span changes, so thousands of spans stay fast; it never edits the
document (unlike ``mergeCharFormat``), so the text and its undo history stay as read.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from factcheck_gui.domain.model import Kind
from factcheck_gui.domain.spans import Span, SpanIndex
from factcheck_gui.domain.textpos import OffsetMap
from factcheck_gui.ui.palette import KIND_STYLES, background


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.index = SpanIndex()
        self.offsets = OffsetMap("")
        self.selected: str | None = None
        self._formats: dict[tuple[str, str, int, bool], QTextCharFormat] = {}

    def reset(self, offsets: OffsetMap, spans: list[Span]) -> None:
        """New text or a new set of spans: redraw everything."""
        self.offsets = offsets
        self.index = SpanIndex(spans)
        self.rehighlight()

    def put(self, span: Span) -> None:
        """Add a span, or move/restyle the one with the same key."""
        old = self.index.get(span.key)
        self.index.add(span)
        if old is not None:
            self._redraw(old.start, old.end)
        self._redraw(span.start, span.end)

    def remove(self, key: str) -> None:
        old = self.index.remove(key)
        if old is not None:
            self._redraw(old.start, old.end)

    def select(self, key: str | None) -> None:
        previous, self.selected = self.selected, key
        for k in {previous, key} - {None}:
            span = self.index.get(k)  # type: ignore[arg-type]
            if span is not None:
                self._redraw(span.start, span.end)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not len(self.index):
            return
        block = self.currentBlock()
        u_start = block.position()
        u_end = u_start + block.length() - 1  # UTF-16 units; len(text) counts code points
        if u_end > self.offsets.length_utf16:
            return  # the document and the offsets disagree (a reset is on its way)
        cp_start = self.offsets.from_utf16(u_start)
        cp_end = self.offsets.from_utf16(u_end)
        to_utf16 = self.offsets.to_utf16
        for segment in self.index.segments(cp_start, cp_end):
            begin = to_utf16(segment.start) - u_start
            self.setFormat(
                begin, to_utf16(segment.end) - u_start - begin, self._format(segment.spans)
            )

    def _format(self, spans: tuple[Span, ...]) -> QTextCharFormat:
        inner, outer = spans[0], spans[-1]
        selected = any(s.key == self.selected for s in spans)
        key = (inner.kind, outer.kind, min(len(spans), 3), selected)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(background(Kind(inner.kind), depth=key[2], selected=selected))
            style = KIND_STYLES[Kind(outer.kind)]
            fmt.setUnderlineStyle(style.underline)
            fmt.setUnderlineColor(QColor(style.colour))
            if selected:
                fmt.setFontWeight(700)
            self._formats[key] = fmt
        return fmt

    def _redraw(self, start: int, end: int) -> None:
        document = self.document()
        if document is None or end > self.offsets.length:
            return
        u_start, u_end = self.offsets.to_utf16(start), self.offsets.to_utf16(end)
        block: QTextBlock = document.findBlock(u_start)
        while block.isValid() and block.position() <= u_end:
            self.rehighlightBlock(block)
            block = block.next()
