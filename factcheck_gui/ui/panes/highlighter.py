"""Draws annotation spans, a paragraph at a time, from a sorted spatial index.

``QSyntaxHighlighter`` formats only the blocks Qt lays out, and only those we ask
to redo when a span changes, so thousands of spans stay fast; it never edits the
document (unlike ``mergeCharFormat``), so the text and its undo history stay as read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import (
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from factcheck_gui.domain.model import Kind
from factcheck_gui.domain.spans import SpanIndex, SpanLike
from factcheck_gui.domain.textpos import OffsetMap
from factcheck_gui.ui.common.palette import KIND_STYLES, line_colour, tint


class SpanHighlighter(QSyntaxHighlighter):
    """Highlights spans; with ``visible_blocks`` it formats only what is on screen.

    A view that passes ``visible_blocks`` calls ``highlight_visible()`` before it paints:
    opening a long article then costs the paragraphs shown, not all of them.
    """

    def __init__(
        self,
        document: QTextDocument,
        visible_blocks: Callable[[], Iterable[QTextBlock]] | None = None,
    ) -> None:
        super().__init__(document)
        self.index = SpanIndex()
        self.offsets = OffsetMap("")
        self.selected: str | None = None
        self.siblings: frozenset[str] = frozenset()  # a measure's figures, cross-highlighted
        self._visible_blocks = visible_blocks
        self._fresh: set[int] = set()  # blocks formatted since the last reset
        self._formats: dict[tuple[str, str, int, bool, bool], QTextCharFormat] = {}
        self.palette: QPalette | None = None  # None: the application's

    def restyle(self, palette: QPalette) -> None:
        """The palette changed (light to dark, or back): new tints, everything redrawn."""
        self.palette = QPalette(palette)
        self._formats.clear()
        if self._visible_blocks is None:
            self.rehighlight()
        else:
            self._fresh.clear()
            self.highlight_visible()

    def clear(self) -> None:
        """Forget every span before the text changes, so loading it formats nothing."""
        self.index = SpanIndex()

    def reset(self, offsets: OffsetMap, spans: Iterable[SpanLike]) -> None:
        """New text or a new set of spans: redraw (what is visible, or everything)."""
        self.offsets = offsets
        self.index = SpanIndex(spans)
        if self._visible_blocks is None:
            self.rehighlight()
        else:
            self._fresh.clear()
            if len(self.index):
                self.highlight_visible()

    def highlight_visible(self) -> None:
        if self._visible_blocks is None or not len(self.index):
            return
        for block in self._visible_blocks():
            if block.blockNumber() not in self._fresh:
                self.rehighlightBlock(block)

    def put(self, span: SpanLike) -> None:
        """Add a span, or move/restyle the one with the same key."""
        old = self.index.get(span.id)
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

    def set_siblings(self, keys: set[str] | frozenset[str]) -> None:
        """Mark ``keys`` as one measure's figures: overlined and tinted, besides colour."""
        previous, self.siblings = self.siblings, frozenset(keys)
        for k in previous ^ self.siblings:
            span = self.index.get(k)
            if span is not None:
                self._redraw(span.start, span.end)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block = self.currentBlock()
        self._fresh.add(block.blockNumber())
        if not len(self.index):
            return
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

    def _format(self, spans: tuple[SpanLike, ...]) -> QTextCharFormat:
        inner, outer = spans[0], spans[-1]
        selected = any(s.id == self.selected for s in spans)
        sibling = any(s.id in self.siblings for s in spans)
        key = (inner.kind, outer.kind, min(len(spans), 3), selected, sibling)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(tint(Kind(inner.kind), self.palette, depth=key[2], selected=selected))
            fmt.setUnderlineStyle(KIND_STYLES[Kind(outer.kind)].underline)
            fmt.setUnderlineColor(line_colour(Kind(outer.kind), self.palette))
            if selected:
                fmt.setFontWeight(700)
            if sibling:  # the second cue: a line above as well as below, and a stronger tint
                fmt.setFontOverline(True)
                if not selected:
                    fmt.setBackground(tint(Kind(inner.kind), self.palette, depth=3))
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
