"""The library dock: batches and their articles, a filter, annotation counts; it follows the
stream of changes (new batches, new counts)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.model import ArticleSummary, LibraryBatch
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.common.plain import tooltip
from factcheck_gui.ui.panes.article_view import ARTICLE_MIME, article_mime

AnyIndex = QModelIndex | QPersistentModelIndex


def dropped_paths(data: QMimeData) -> list[Path]:
    """Local files and folders dragged in from a file manager."""
    if not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


COLUMNS = ("Title", "Outlet", "Date", "Notes")
AUTO_EXPAND_ROWS = 2000
_BATCH = 0  # internalId of a batch row; an article row's is its batch row + 1
_BATCH_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ARTICLE_FLAGS = _BATCH_FLAGS | Qt.ItemFlag.ItemIsDragEnabled


class LibraryModel(QAbstractItemModel):
    """Two levels, batches then articles, over a snapshot from the library service."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._batches: list[LibraryBatch] = []
        self._articles: list[list[ArticleSummary]] = []
        self._where: dict[int, tuple[int, int]] = {}  # article id -> (batch row, row)

    def reset(self, batches: Sequence[LibraryBatch]) -> None:
        self.beginResetModel()
        self._batches = list(batches)
        self._articles = [list(b.articles) for b in batches]
        self._where = {
            a.id: (b, r) for b, arts in enumerate(self._articles) for r, a in enumerate(arts)
        }
        self.endResetModel()

    def update_articles(self, summaries: Sequence[ArticleSummary]) -> None:
        """New counts (or titles) for some articles; only their rows repaint."""
        for summary in summaries:
            where = self._where.get(summary.id)
            if where is None:
                continue
            batch_row, row = where
            self._articles[batch_row][row] = summary
            parent = self.index(batch_row, 0)
            self.dataChanged.emit(
                self.index(row, 0, parent), self.index(row, len(COLUMNS) - 1, parent)
            )

    def article_id(self, index: AnyIndex) -> int | None:
        if not index.isValid() or index.internalId() == _BATCH:
            return None
        return self._articles[index.internalId() - 1][index.row()].id

    def index_of(self, article_id: int) -> QModelIndex:
        where = self._where.get(article_id)
        if where is None:
            return QModelIndex()
        return self.index(where[1], 0, self.index(where[0], 0))

    # -- QAbstractItemModel ------------------------------------------------------------
    # The views call these once per row; they check bounds in Python rather than through
    # hasIndex(), which calls back into rowCount() and columnCount() for every row.
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not 0 <= column < len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, _BATCH) if row < len(self._batches) else QModelIndex()
            )
        if parent.internalId() != _BATCH or parent.column() != 0:
            return QModelIndex()
        batch_row = parent.row()
        if row >= len(self._articles[batch_row]):
            return QModelIndex()
        return self.createIndex(row, column, batch_row + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _BATCH:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _BATCH)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._batches)
        if parent.internalId() == _BATCH and parent.column() == 0:
            return len(self._articles[parent.row()])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _BATCH_FLAGS if index.internalId() == _BATCH else _ARTICLE_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if index.internalId() == _BATCH:
            batch = self._batches[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                if column == 0:
                    return batch.batch.name
                if column == 2:
                    return batch.batch.imported.date().isoformat()
                if column == 3:
                    return sum(a.annotations for a in batch.articles)
            elif role == Qt.ItemDataRole.ToolTipRole and column == 0:
                return tooltip(f"{batch.batch.name}\n{len(batch.articles)} articles")
            return None
        article = self._articles[index.internalId() - 1][index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            return tooltip(str(shown)) if shown not in (None, "") else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return article.title
            if column == 1:
                return article.outlet or ""
            if column == 2:
                return article.published.isoformat() if article.published else ""
            if column == 3:
                return article.annotations
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ARTICLE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        for index in indexes:
            article_id = self.article_id(index)
            if article_id is not None:
                return article_mime(article_id)
        return QMimeData()


NARROW = 340  # px: below it, the outlet column is hidden


class LibraryPanel(QWidget):
    articleActivated = Signal(int)
    filesDropped = Signal(list)  # list[Path]: files or folders dragged in from outside

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = LibraryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # title, outlet and date
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter articles (title, outlet, date)…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = QTreeView(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSortingEnabled(False)
        self.tree.activated.connect(self._activated)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed starting widths, not ResizeToContents: that measures every row at each
        # layout, which stalls the window for seconds after importing thousands of articles.
        for column, width in ((1, 72), (2, 80), (3, 40)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.setAcceptDrops(True)
        self.tree.viewport().installEventFilter(self)  # the tree would refuse outside drops
        context.changed.connect(self.apply_changes)

    def reset(self, batches: Sequence[LibraryBatch]) -> None:
        self.model.reset(batches)
        self._expand_small_batches()

    def apply_changes(self, changes: Changes) -> None:
        """New or removed batches: the library again (a job's snapshot if it read one);
        annotations added or removed: those articles' counts."""
        if changes.library or changes.reset:
            self.reset(self._context.library())
        elif changes.annotation_count_changed:
            library = self._context.workspace.library
            self.model.update_articles(library.summaries(changes.articles))

    def _expand_small_batches(self) -> None:
        """Open every batch but the huge ones: laying out tens of thousands of rows at once
        would freeze the window; those open when the reviewer clicks them."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.rowCount(index) <= AUTO_EXPAND_ROWS:
                self.tree.expand(index)

    def selected_article_ids(self) -> list[int]:
        ids = []
        for index in self.tree.selectionModel().selectedRows(0):
            article_id = self.model.article_id(self.proxy.mapToSource(index))
            if article_id is not None:
                ids.append(article_id)
        return ids

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """A narrow library keeps the titles readable: the outlet column (also in each
        pane's header and in the title's tooltip) hides below ``NARROW`` pixels."""
        super().resizeEvent(event)
        self.tree.setColumnHidden(1, event.size().width() < NARROW)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            data = event.mimeData()  # type: ignore[attr-defined]
            if dropped_paths(data):
                if event.type() == QEvent.Type.Drop:
                    self.filesDropped.emit(dropped_paths(data))
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        return False

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._expand_small_batches()

    def _activated(self, index: QModelIndex) -> None:
        article_id = self.model.article_id(self.proxy.mapToSource(index))
        if article_id is not None:
            self.articleActivated.emit(article_id)
