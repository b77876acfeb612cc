"""The read-only text of one article, with its highlights, tooltips and clicks."""

from __future__ import annotations

import html
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QMouseEvent,
    QPaintEvent,
    QTextBlock,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from factcheck_gui.domain.model import Annotation, Kind
from factcheck_gui.domain.textpos import OffsetMap
from factcheck_gui.ui.common.palette import FLASH_COLOUR, FLASH_TEXT
from factcheck_gui.ui.common.wrapping import display_text
from factcheck_gui.ui.panes.highlighter import SpanHighlighter

ARTICLE_MIME = "application/x-factcheck-article-id"
FLASH_MS = 900


def article_mime(article_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(ARTICLE_MIME, str(article_id).encode("ascii"))
    return data


def article_from_mime(data: QMimeData) -> int | None:
    if not data.hasFormat(ARTICLE_MIME):
        return None
    try:
        return int(bytes(data.data(ARTICLE_MIME).data()).decode("ascii"))
    except ValueError:
        return None


class ArticleTextView(QPlainTextEdit):
    spanClicked = Signal(str)  # annotation id
    articleDropped = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # between words; inside a word only when it alone is wider than the pane (a URL)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)  # Tab goes on to the next region (ui/window/navigation.py)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.document().setDocumentMargin(12)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.highlighter = SpanHighlighter(self.document(), self.visible_blocks)
        self.offsets = OffsetMap("")
        self.text = ""  # the stored text; the document shows it through display_text()
        self.notes: dict[str, Annotation] = {}
        self.context_actions: list[QAction] = []  # the window's tag actions, on right click
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.setExtraSelections([]))

    # -- content -------------------------------------------------------------------
    def show_text(self, text: str, annotations: list[Annotation]) -> None:
        """Plain text only: never interpreted as HTML or rich text."""
        self.text = text
        self.offsets = OffsetMap(text)
        self.notes = {a.id: a for a in annotations}
        self.highlighter.clear()  # no stale spans while the new text loads
        self.setPlainText(display_text(text))  # same offsets; wraps between words
        self.highlighter.reset(self.offsets, [a for a in annotations if not a.orphaned])

    def put_annotation(self, annotation: Annotation) -> None:
        self.notes[annotation.id] = annotation
        if annotation.orphaned:
            self.highlighter.remove(annotation.id)
        else:
            self.highlighter.put(annotation)

    def remove_annotation(self, annotation_id: str) -> None:
        self.notes.pop(annotation_id, None)
        self.highlighter.remove(annotation_id)

    def visible_blocks(self) -> Iterator[QTextBlock]:
        """The paragraphs on screen, from the first visible one down to the bottom edge."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while block.isValid():
            yield block
            if self.blockBoundingGeometry(block).translated(offset).bottom() > bottom:
                return
            block = block.next()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.highlighter.highlight_visible()
        super().paintEvent(event)

    # -- positions -----------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points of the stored text, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self.offsets.from_utf16(cursor.selectionStart()),
            self.offsets.from_utf16(cursor.selectionEnd()),
        )

    def selected_text(self) -> str:
        """The selection as stored (its no-break spaces included)."""
        span = self.selected_span()
        return self.text[span[0] : span[1]] if span else ""

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802
        data = QMimeData()
        data.setText(self.selected_text())  # the source's characters, not the shown ones
        return data

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def reveal(self, start: int, end: int, *, flash: bool = True) -> None:
        """Scroll so [start, end) is visible and flash it briefly."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(end))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(self.offsets.to_utf16(start))
        self.setTextCursor(cursor)
        self.centerCursor()
        if flash:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(FLASH_COLOUR))
            selection.format.setForeground(QColor(FLASH_TEXT))  # dark text on yellow, always
            selection.format.setProperty(QTextFormat.Property.OutlinePen, QColor(FLASH_TEXT))
            marked = QTextCursor(self.document())
            marked.setPosition(self.offsets.to_utf16(start))
            marked.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = marked
            self.setExtraSelections([selection])
            self._flash_timer.start()

    def annotations_at(self, viewport_pos: QPoint) -> list[Annotation]:
        u16 = self.cursorForPosition(viewport_pos).position()
        if u16 >= self.offsets.length_utf16:
            return []
        rect = self.cursorRect(self.cursorForPosition(viewport_pos))
        if abs(rect.center().y() - viewport_pos.y()) > rect.height():
            return []  # below the last line: no character under the mouse
        cp = self.offsets.from_utf16(u16)
        # cursorForPosition gives the nearest gap; the character is the one it precedes
        # unless the mouse is on the right half of the character before it.
        spans = self.highlighter.index.at(cp)
        if not spans and cp > 0:
            spans = self.highlighter.index.at(cp - 1)
        return [self.notes[s.id] for s in spans if s.id in self.notes]

    # -- events --------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.restyle(self.palette())
            self.viewport().update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            found = self.annotations_at(self.viewport().mapFromGlobal(event.globalPos()))
            if found:
                QToolTip.showText(event.globalPos(), tooltip_html(found), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            found = self.annotations_at(event.position().toPoint())
            if found:
                self.spanClicked.emit(found[0].id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu: QMenu = self.createStandardContextMenu(event.pos())
        if self.context_actions:
            first = menu.actions()[0] if menu.actions() else None
            if first is None:
                menu.addActions(self.context_actions)
            else:
                menu.insertActions(first, self.context_actions)
                menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if article_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if article_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        article_id = article_from_mime(event.mimeData())
        if article_id is not None:
            event.acceptProposedAction()
            self.articleDropped.emit(article_id)
        else:
            event.ignore()


def tooltip_html(annotations: list[Annotation]) -> str:
    """Kind, verdict and note of each annotation under the mouse; user text escaped."""
    parts = []
    for a in annotations:
        lines = [f"<b>{a.kind.label}</b> — {html.escape(a.verdict.label)}"]
        if a.kind is Kind.ATTRIBUTION and a.speaker:
            lines.append(f"Speaker: {html.escape(a.speaker)}")
        if a.note:
            lines.append(html.escape(a.note).replace("\n", "<br>"))
        parts.append("<br>".join(lines))
    return "<hr>".join(parts)
