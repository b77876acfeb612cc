"""The library's tree model: batches, then their articles, served lazily from a listing.

A ``Listing`` (services/listing.py) holds only ids: which batches show and which of their
articles match the filter. A batch shows its first ``PAGE`` articles, then a "more" row;
the panel asks for more when that row comes into view (or is activated), so
the tree lays out what was scrolled through, never every article. Titles, outlets, dates
and counts are read a page of ids at a time when first painted, and kept.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from factcheck_gui.domain.model import ArticleSummary, Batch, LibraryBatch
from factcheck_gui.domain.wording import count, number
from factcheck_gui.services.library import BatchShown, Listing
from factcheck_gui.ui.common.plain import tooltip
from factcheck_gui.ui.panes.article_view import ARTICLE_MIME, article_mime

AnyIndex = QModelIndex | QPersistentModelIndex
Loader = Callable[[Sequence[int]], list[ArticleSummary]]

COLUMNS = ("Title", "Outlet", "Date", "Notes")
PAGE = 100  # articles a batch shows at first, and each time it shows more
READ = 100  # summaries read at once
_BATCH = 0  # internalId of a batch row; an article row's is its batch row + 1
_BATCH_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ARTICLE_FLAGS = _BATCH_FLAGS | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren
_MORE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Roles as plain ints: a view asks data() for about ten roles per cell it paints, and the
# enum lookups cost more than the answers.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _FONT})


@dataclass(eq=False)
class _Node:
    batch: Batch
    ids: tuple[int, ...]  # the batch's articles that match, in id order (the listing's own)
    articles: int | None  # every article of the batch, and their annotations
    annotations: int | None
    shown: int = 0  # articles with a row so far (then a "more" row while any are left)

    @property
    def more(self) -> bool:
        return self.shown < len(self.ids)


class LibraryModel(QAbstractItemModel):
    """Two levels, batches then articles, over a listing from the library service."""

    def __init__(self, parent: Any = None, *, load: Loader | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._nodes: list[_Node] = []
        self._row_of: dict[int, int] = {}  # batch id -> row
        self._summaries: dict[int, ArticleSummary] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self.filter_text = ""  # the filter of the listing shown
        self.upto = 0  # the newest article id the listing took into account

    # -- filling ---------------------------------------------------------------------------
    def set_listing(self, listing: Listing, *, fresh: bool = False) -> bool:
        """Show a new listing (a new filter; ``fresh`` after a restore: every row read
        again): the tree starts again, unless the same articles match (False: nothing
        changed, as when typing on narrows nothing)."""
        if not fresh and self._same(listing):
            self.filter_text, self.upto = listing.text, listing.upto
            return False
        totals = {} if fresh else {n.batch.id: (n.articles, n.annotations) for n in self._nodes}
        self.beginResetModel()
        if fresh:
            self._summaries.clear()
        self._nodes = [self._node(b, totals.get(b.batch.id)) for b in listing.batches]
        self._row_of = {n.batch.id: row for row, n in enumerate(self._nodes)}
        self.filter_text, self.upto = listing.text, listing.upto
        self.endResetModel()
        return True

    def _same(self, listing: Listing) -> bool:
        if len(listing.batches) != len(self._nodes):
            return False
        return all(
            shown.batch == node.batch
            and len(shown.ids) == len(node.ids)
            and shown.ids == tuple(node.ids)
            for shown, node in zip(listing.batches, self._nodes, strict=True)
        )

    def reset(self, batches: Sequence[LibraryBatch]) -> None:
        """Show batches already read whole (summaries included)."""
        for b in batches:
            self._summaries.update((a.id, a) for a in b.articles)
        shown = [
            BatchShown(b.batch, tuple(a.id for a in b.articles), len(b.articles), _sum(b))
            for b in batches
        ]
        upto = max((a.id for b in batches for a in b.articles), default=0)
        self.set_listing(Listing("", tuple(shown), upto))

    def add_listing(self, listing: Listing) -> list[int]:
        """Articles newer than those shown (an import): rows are inserted, nothing reset.
        The rows of the batches that were added (to expand them)."""
        added: list[int] = []
        for shown in listing.batches:
            ids = [i for i in shown.ids if i > self.upto]
            row = self._row_of.get(shown.batch.id)
            if row is None:
                row = len(self._nodes)
                self.beginInsertRows(QModelIndex(), row, row)
                self._nodes.append(self._node(BatchShown(shown.batch, tuple(ids), *_totals(shown))))
                self._row_of[shown.batch.id] = row
                self.endInsertRows()
                added.append(row)
                continue
            node = self._nodes[row]
            if shown.articles is not None:
                node.articles, node.annotations = shown.articles, shown.annotations
            if ids:
                self._append(row, node, ids)
            self._batch_changed(row)
        self.upto = max(self.upto, listing.upto)
        return added

    def _append(self, row: int, node: _Node, ids: list[int]) -> None:
        parent = self.index(row, 0)
        had_more = node.more
        node.ids += tuple(ids)
        if had_more:
            self._more_changed(row)
            return
        new_shown = min(len(node.ids), max(node.shown, PAGE))
        if new_shown > node.shown:
            self.beginInsertRows(parent, node.shown, new_shown - 1)
            node.shown = new_shown
            self.endInsertRows()
        if node.more:
            self.beginInsertRows(parent, node.shown, node.shown)
            self.endInsertRows()

    def set_totals(self, totals: dict[int, tuple[int, int]]) -> None:
        for batch_id, counted in totals.items():
            row = self._row_of.get(batch_id)
            if row is not None:
                node = self._nodes[row]
                node.articles, node.annotations = counted
                self._batch_changed(row)

    def update_articles(self, summaries: Sequence[ArticleSummary]) -> None:
        """New counts (or titles) for some articles; only their rows repaint."""
        for summary in summaries:
            self._summaries[summary.id] = summary
            index = self.index_of(summary.id, fetch=False)
            if index.isValid():
                last = self.index(index.row(), len(COLUMNS) - 1, index.parent())
                self.dataChanged.emit(index, last)

    def _node(
        self, shown: BatchShown, totals: tuple[int | None, int | None] | None = None
    ) -> _Node:
        articles, annotations = _totals(shown)
        if articles is None and totals is not None:
            articles, annotations = totals
        return _Node(shown.batch, shown.ids, articles, annotations, min(len(shown.ids), PAGE))

    # -- what rows stand for ---------------------------------------------------------------------
    def article_id(self, index: AnyIndex) -> int | None:
        if not index.isValid() or index.internalId() == _BATCH:
            return None
        node = self._nodes[index.internalId() - 1]
        return node.ids[index.row()] if index.row() < node.shown else None

    def batch_id(self, index: AnyIndex) -> int | None:
        if not index.isValid() or index.internalId() != _BATCH:
            return None
        return self._nodes[index.row()].batch.id

    def is_more(self, index: AnyIndex) -> bool:
        if not index.isValid() or index.internalId() == _BATCH:
            return False
        return index.row() >= self._nodes[index.internalId() - 1].shown

    def index_of(self, article_id: int, *, fetch: bool = True) -> QModelIndex:
        """The row of an article (shown first, when ``fetch``); invalid if the filter hides it."""
        for row, node in enumerate(self._nodes):
            position = bisect_left(node.ids, article_id)
            if position < len(node.ids) and node.ids[position] == article_id:
                if position >= node.shown:
                    if not fetch:
                        return QModelIndex()
                    self._show(row, position + 1)
                return self.index(position, 0, self.index(row, 0))
        return QModelIndex()

    def batch_index(self, batch_id: int) -> QModelIndex:
        row = self._row_of.get(batch_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def summary(self, article_id: int) -> ArticleSummary | None:
        return self._summaries.get(article_id)

    # -- lazy rows -----------------------------------------------------------------------------
    # Not canFetchMore/fetchMore: QTreeView fetches for every batch it expands, and at the
    # bottom only for the last one, so a batch in the middle would stop at its first page.
    # The "more" row of each batch asks instead, when it comes into view (the panel).
    def has_more(self, parent: AnyIndex) -> bool:
        if not parent.isValid() or parent.internalId() != _BATCH:
            return False
        return self._nodes[parent.row()].more

    def show_more(self, parent: AnyIndex) -> None:
        """The next page of the batch at ``parent``."""
        if self.has_more(parent):
            node = self._nodes[parent.row()]
            self._show(parent.row(), node.shown + PAGE)

    def _show(self, row: int, count: int) -> None:
        """Give the batch at ``row`` rows for its first ``count`` articles."""
        node = self._nodes[row]
        count = min(count, len(node.ids))
        if count <= node.shown:
            return
        parent = self.index(row, 0)
        first = node.shown
        self.beginInsertRows(parent, first, count - 1)
        node.shown = count
        self.endInsertRows()
        if not node.more:  # the "more" row, now below the new rows, is no longer needed
            self.beginRemoveRows(parent, count, count)
            self.endRemoveRows()
        else:
            self._more_changed(row)

    def _summary(self, node: _Node, row: int) -> ArticleSummary | None:
        article_id = node.ids[row]
        found = self._summaries.get(article_id)
        if found is None and self._load is not None:
            begin = max(0, row - READ // 4)
            wanted = [i for i in node.ids[begin : begin + READ] if i not in self._summaries]
            self._summaries.update((s.id, s) for s in self._load(wanted))
            found = self._summaries.get(article_id)
        return found

    def _more_changed(self, row: int) -> None:
        node = self._nodes[row]
        if node.more:
            more = self.index(node.shown, 0, self.index(row, 0))
            self.dataChanged.emit(more, more)

    def _batch_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- QAbstractItemModel ------------------------------------------------------------------
    # The views call these once per row; they check bounds in Python rather than through
    # hasIndex(), which calls back into rowCount() and columnCount() for every row.
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not 0 <= column < len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, _BATCH) if row < len(self._nodes) else QModelIndex()
            )
        if parent.internalId() != _BATCH or parent.column() != 0:
            return QModelIndex()
        node = self._nodes[parent.row()]
        if row >= node.shown + node.more:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _BATCH:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _BATCH)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._nodes)
        if parent.internalId() == _BATCH and parent.column() == 0:
            node = self._nodes[parent.row()]
            return node.shown + node.more
        return 0

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        if not parent.isValid():
            return bool(self._nodes)
        return (
            parent.internalId() == _BATCH
            and parent.column() == 0
            and bool(self._nodes[parent.row()].ids)
        )

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        parent = index.internalId()
        if parent == _BATCH:
            return _BATCH_FLAGS
        return _MORE_FLAGS if index.row() >= self._nodes[parent - 1].shown else _ARTICLE_FLAGS

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        column = index.column()
        parent = index.internalId()
        if parent == _BATCH:
            return self._batch_data(self._nodes[index.row()], column, role)
        node = self._nodes[parent - 1]
        row = index.row()
        if row >= node.shown:
            return self._more_data(node, column, role)
        if role == _DISPLAY:
            article = self._summary(node, row)
            if article is None:
                return "…" if column == 0 else None
            if column == 0:
                return article.title
            if column == 1:
                return article.outlet or ""
            if column == 2:
                return article.published.isoformat() if article.published else ""
            return article.annotations
        if role == _TOOLTIP:
            shown = self.data(index, _DISPLAY)
            return tooltip(str(shown)) if shown not in (None, "") else None
        if role == _ALIGN and column == 3:
            return _RIGHT
        return None

    def _batch_data(self, node: _Node, column: int, role: int) -> Any:
        if role == _DISPLAY:
            if column == 0:
                return node.batch.name
            if column == 2:
                return node.batch.imported.date().isoformat()
            if column == 3:
                return node.annotations
        elif role == _TOOLTIP and column == 0:
            total = node.articles if node.articles is not None else len(node.ids)
            shown = len(node.ids)
            matching = (
                ""
                if shown == total
                else f", {shown:,} {number(shown, 'matches', 'match')} the filter"
            )
            return tooltip(f"{node.batch.name}\n{count(total, 'article')}{matching}")
        elif role == _ALIGN and column == 3:
            return _RIGHT
        return None

    def _more_data(self, node: _Node, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role == _DISPLAY:
            return f"{len(node.ids) - node.shown:,} more…"
        if role == _FONT:
            return self._italic
        if role == _TOOLTIP:
            return "Scroll on, or press Enter, to show them"
        return None

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ARTICLE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        for index in indexes:
            article_id = self.article_id(index)
            if article_id is not None:
                return article_mime(article_id)
        return QMimeData()


def _sum(batch: LibraryBatch) -> int:
    return sum(a.annotations for a in batch.articles)


def _totals(shown: BatchShown) -> tuple[int | None, int | None]:
    return shown.articles, shown.annotations
