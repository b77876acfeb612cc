"""Edit → Find in articles…: words across every article, with each match in context.

Typing waits a moment, then the search runs off the GUI thread (``services/search.py``);
a result made stale by newer typing is dropped. A page of hits shows with how many there
are; "Show more" reads the next page. Enter (in the box: the current hit) or a double-click
opens the article in a pane, scrolled to the words and with them selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.search_query import parse_query
from factcheck_gui.domain.wording import count
from factcheck_gui.services.search import Hit, SearchResults, SearchService
from factcheck_gui.ui.common.background import Background
from factcheck_gui.ui.common.plain import plain_label, tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
DEBOUNCE_MS = 150
PAGE = 50
COLUMNS = ("Article", "Where", "In context")
SNIPPET = 2
_WHERE = {"text": "text", "title": "title", "outlet": "outlet", "quote": "quote", "note": "note"}


@dataclass(frozen=True, slots=True)
class _Ask:
    text: str
    after: int = -1  # -1: the first page (counted); else the page after this position


def where_label(hit: Hit) -> str:
    if hit.annotation_id is None:
        return _WHERE.get(hit.where, hit.where)
    kind = f"{hit.kind} " if hit.kind else ""
    return f"{kind}{hit.where}"


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def add_hits(self, hits: tuple[Hit, ...]) -> None:
        if hits:
            first = len(self.hits)
            self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
            self.hits.extend(hits)
            self.endInsertRows()

    def hit(self, index: AnyIndex) -> Hit | None:
        return self.hits[index.row()] if index.isValid() and index.row() < len(self.hits) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index)
        if hit is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.title, where_label(hit), hit.snippet)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return tooltip(f"{hit.title}\narticle {hit.article_id}")
            if column == SNIPPET:
                return tooltip(
                    f"{hit.snippet}\n{count(hit.matches, 'match', 'matches')} in the {hit.where}"
                )
        return None


class SnippetDelegate(QStyledItemDelegate):
    """The snippet as plain text with the matched words bold and underlined (not colour
    alone); never parsed as markup."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        model = index.model()
        hit = model.hit(index) if isinstance(model, SearchResultsModel) else None
        if hit is None or not hit.marks:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        text = option.text  # type: ignore[attr-defined]
        option.text = ""  # type: ignore[attr-defined]
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(4, 0, -4, 0)  # type: ignore[attr-defined]
        layout = QTextLayout(text, option.font)  # type: ignore[attr-defined]
        layout.setTextOption(QTextOption(Qt.AlignmentFlag.AlignVCenter))
        formats = []
        for start, end in hit.marks:
            marked = QTextLayout.FormatRange()
            marked.start, marked.length = (
                _utf16(text, start),
                _utf16(text, end) - _utf16(text, start),
            )
            strong = QTextCharFormat()
            strong.setFontWeight(QFont.Weight.Bold)
            strong.setFontUnderline(True)
            marked.format = strong
            formats.append(marked)
        layout.setFormats(formats)
        layout.beginLayout()
        line = layout.createLine()
        if line.isValid():
            line.setLineWidth(1_000_000)  # one line, cut at the cell's edge
        layout.endLayout()
        painter.save()
        selected = option.state & QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        role = (
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        )  # type: ignore[attr-defined]
        painter.setPen(option.palette.color(role))  # type: ignore[attr-defined]
        painter.setClipRect(rect)
        top = rect.top() + (rect.height() - layout.boundingRect().height()) / 2
        layout.draw(painter, QPointF(rect.left(), top))
        painter.restore()


def _utf16(text: str, position: int) -> int:
    """Qt counts UTF-16 units: text outside the Basic Multilingual Plane counts two."""
    return position + sum(1 for c in text[:position] if ord(c) > 0xFFFF)


class _Query(QLineEdit):
    """Up and Down move in the results while the focus stays in the box."""

    moved = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    hitChosen = Signal(object)  # Hit
    searched = Signal()  # a page of results was shown (tests wait on it)

    def __init__(self, parent: QWidget | None = None, *, search: SearchService) -> None:
        super().__init__(parent)
        self._search = search
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self.query = _Query(self)
        self.query.setPlaceholderText('Find in articles: words, "a phrase"…')
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.open_current)
        self.query.moved.connect(self._move)
        self.status = plain_label(QLabel("Type a word to find it in every article.", self))
        self.more = QPushButton("Show more", self)
        self.more.setVisible(False)
        self.more.clicked.connect(self.show_more)
        self.model = SearchResultsModel(self)
        self.results = QTreeView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setAllColumnsShowFocus(True)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setItemDelegateForColumn(SNIPPET, SnippetDelegate(self.results))
        self.results.activated.connect(self._activated)
        header = self.results.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.results.setColumnWidth(0, 220)
        self.results.setColumnWidth(1, 80)
        self._timer.timeout.connect(self._submit)
        self.reader: Background[_Ask] = Background(self._read, parent=self)
        self.reader.done.connect(self._done)
        self.reader.failed.connect(self._failed)
        self._results: SearchResults | None = None
        self._first_ticket = 0  # the newest first page asked for
        self._asked_text = ""
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)

    @property
    def busy(self) -> bool:
        """Typing or a search is not shown yet."""
        return self._timer.isActive() or self.reader.pending

    def start(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def shutdown(self) -> None:
        self._timer.stop()
        self.reader.shutdown()

    def show_more(self) -> None:
        if self._results is not None and self._results.more and self._shown_text is not None:
            self.more.setEnabled(False)  # the next page of the results shown, not of newer typing
            self.reader.submit(_Ask(self._shown_text, self._results.after))

    def open_current(self) -> None:
        """Open the current hit; right after typing, the first hit once it is found."""
        if self._timer.isActive():
            self._timer.stop()
            self._submit()
        if self._shown_text != self.query.text():
            self._open_first = True  # when the results for this text arrive
            return
        index = self.results.currentIndex()
        hit = self.model.hit(index if index.isValid() else self.model.index(0, 0))
        if hit is not None:
            self.hitChosen.emit(hit)

    _open_first = False
    _shown_text: str | None = None  # the text whose results are shown

    def _submit(self) -> None:
        text = self.query.text()
        self._open_first = False
        if parse_query(text).empty:
            self._shown_text = text
            self._first_ticket = self.reader.latest
            self._results = None
            self.model.set_hits([])
            self.more.setVisible(False)
            self.status.setText(
                "Type a word to find it in every article."
                if not text.strip()
                else "Nothing to search for: type a word (punctuation alone is not searched)."
            )
            return
        self.status.setText("Searching…")
        self._shown_text = None
        self._first_ticket = self.reader.submit(_Ask(text))
        self._asked_text = text

    def _read(self, ask: _Ask) -> SearchResults:  # on the reader's thread
        return self._search.search(ask.text, limit=PAGE, after=ask.after, count=ask.after < 0)

    def _done(self, ticket: int, found: object) -> None:
        assert isinstance(found, SearchResults)
        if ticket < self._first_ticket:
            return  # newer typing's results are on their way
        first = ticket == self._first_ticket
        if first:
            self.model.set_hits(list(found.hits))
            self._results = found
            self._shown_text = self._asked_text
            if found.hits:
                self.results.setCurrentIndex(self.model.index(0, 0))
        else:
            assert self._results is not None
            self.model.add_hits(found.hits)
            self._results = SearchResults(
                found.query,
                self._results.hits + found.hits,
                found.more,
                found.after,
                self._results.articles,
                self._results.annotations,
            )
        shown = len(self.model.hits)
        summary = self._results.summary()
        self.status.setText(
            summary if shown >= self._results.total else f"{summary}; {shown:,} shown"
        )
        self.more.setVisible(self._results.more)
        self.more.setEnabled(True)
        self.searched.emit()
        if self._open_first and first:
            self._open_first = False
            self.open_current()

    def _failed(self, ticket: int, message: str) -> None:
        if ticket >= self._first_ticket:
            self.status.setText(f"Search failed: {message}")
            self.more.setEnabled(True)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = min(rows - 1, max(0, self.results.currentIndex().row() + step))
            self.results.setCurrentIndex(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.hit(index)
        if hit is not None:
            self.hitChosen.emit(hit)
