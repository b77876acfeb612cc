"""The library dock: batches and their articles, a filter, annotation counts.

The filter is read off the GUI thread: a keystroke starts a short timer, the listing for the
newest text is read in the background (``services/listing.py``, the full-text index) and a
result made stale by a newer keystroke is dropped. Imports add rows; they never reset the
tree. Only the rows scrolled through are laid out and read (``ui/library/model.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QTimer,
    Signal,
    SignalInstance,
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
from factcheck_gui.domain.model import LibraryBatch
from factcheck_gui.services.library import LibraryService, Listing
from factcheck_gui.ui.common.background import Background
from factcheck_gui.ui.library.model import COLUMNS, LibraryModel

__all__ = ["COLUMNS", "LibraryModel", "LibraryPanel", "dropped_paths"]
DEBOUNCE_MS = 120
# Batches open by themselves, in order, while the rows they show stay under this many; the
# others open when the reviewer clicks them (each shows ui/library/model.PAGE rows at first).
AUTO_EXPAND_ROWS = 150


def dropped_paths(data: QMimeData) -> list[Path]:
    """Local files and folders dragged in from a file manager."""
    if not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


NARROW = 340  # px: below it, the outlet column is hidden


@dataclass(frozen=True, slots=True)
class _Request:
    text: str
    full: bool = False  # every match for ``text`` (the tree starts again)
    append: bool = False  # only the articles newer than ``since``
    since: int = 0
    totals: tuple[int, ...] | None = None  # batches to count again (() for every batch)
    counted: bool = False  # the full listing counts its batches too
    fresh: bool = False  # everything may have changed (a restore): forget what was read

    def merged(self, newer: _Request) -> _Request:
        """One request doing the work of both (a full listing covers any newer rows)."""
        totals = _union(self.totals, newer.totals)
        counted = self.counted or newer.counted
        if newer.full or self.full:
            text = newer.text if newer.full else self.text
            fresh = self.fresh or newer.fresh
            return _Request(text, full=True, totals=totals, counted=counted, fresh=fresh)
        since = (
            min(r.since for r in (self, newer) if r.append) if self.append or newer.append else 0
        )
        return _Request(newer.text, append=self.append or newer.append, since=since, totals=totals)


def _union(a: tuple[int, ...] | None, b: tuple[int, ...] | None) -> tuple[int, ...] | None:
    if a is None or b is None:
        return a if b is None else b
    return () if not a or not b else tuple(sorted(set(a) | set(b)))


@dataclass(frozen=True, slots=True)
class _Read:
    request: _Request
    listing: Listing | None
    totals: dict[int, tuple[int, int]] | None


class LibraryPanel(QWidget):
    articleActivated = Signal(int)
    filesDropped = Signal(list)  # list[Path]: files or folders dragged in from outside
    listed = Signal()  # a listing was shown (tests wait on it)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        library: LibraryService | None = None,
        changed: SignalInstance | None = None,
    ) -> None:
        """``changed``: the stream of changes to follow (``AppContext.changed``)."""
        super().__init__(parent)
        self._library = library
        self.model = LibraryModel(self, load=library.summaries if library else None)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter articles (words, outlet, date)…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._submit_filter)
        self.reader: Background[_Request] = Background(
            self._read, merge=_Request.merged, parent=self
        )
        self.reader.done.connect(self._read_done)
        self.reader.failed.connect(self._read_failed)
        self._newest_full = 0  # the ticket of the newest full listing asked for
        self._applying = False
        self.user_expanded: set[int] = set()  # batch ids opened or closed by hand
        self.user_collapsed: set[int] = set()
        self.problem = ""  # the last listing that could not be read, in one line
        self.tree = QTreeView(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSortingEnabled(False)
        self.tree.activated.connect(self._activated)
        self.tree.expanded.connect(lambda index: self._expansion(index, True))
        self.tree.collapsed.connect(lambda index: self._expansion(index, False))
        self._filling = QTimer(self)
        self._filling.setSingleShot(True)
        self._filling.setInterval(0)
        self._filling.timeout.connect(self._fill_visible)
        self.tree.verticalScrollBar().valueChanged.connect(lambda _v: self._filling.start())
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
        if changed is not None:
            changed.connect(self.apply_changes)

    # -- filling -----------------------------------------------------------------------------
    def load(self, *, now: bool = True) -> None:
        """The whole library: ``now``, on this thread, the batches' counts following from the
        background; or all of it from the background (the window's start: nothing on the
        GUI thread grows with the library)."""
        assert self._library is not None
        if not now:
            request = _Request(self.filter.text(), full=True, totals=())
            self._newest_full = self.reader.submit(request)
            return
        self._show_listing(self._library.listing(self.filter.text(), totals=False))
        self.reader.submit(_Request(self.filter.text(), totals=()))

    def reset(self, batches: Sequence[LibraryBatch]) -> None:
        """Show batches read whole (no background reading)."""
        self.model.reset(batches)
        self._expand()

    def refresh(self, *, everything: bool = False) -> None:
        """The library changed: the new articles are added (everything is read again after
        a restore)."""
        if everything:
            request = _Request(self.filter.text(), full=True, counted=True, fresh=True)
            self._newest_full = self.reader.submit(request)
        else:
            self.reader.submit(_Request(self.model.filter_text, append=True, since=self.model.upto))

    def apply_changes(self, changes: Changes) -> None:
        """From the stream: a restore reads everything again, new batches add their rows,
        annotations added or removed change those articles' counts."""
        if changes.reset:
            self.refresh(everything=True)
        elif changes.library:
            self.refresh()
        if changes.annotation_count_changed and not changes.reset:
            self.counts_changed(changes.articles)

    def counts_changed(self, article_ids: Iterable[int]) -> None:
        """Annotations were added or removed: the articles' counts now, their batches'
        from the background."""
        if self._library is None:
            return
        summaries = self._library.summaries(article_ids)
        self.model.update_articles(summaries)
        batches = tuple(sorted({s.batch_id for s in summaries}))
        if batches:
            self.reader.submit(_Request(self.model.filter_text, totals=batches))

    @property
    def busy(self) -> bool:
        """A keystroke or a change is not shown yet."""
        return self._timer.isActive() or self.reader.pending

    def shutdown(self) -> None:
        self._timer.stop()
        self.reader.shutdown()

    def _filter_changed(self, _text: str) -> None:
        self._timer.start()  # restarted by each keystroke: read once typing pauses

    def _submit_filter(self) -> None:
        self._newest_full = self.reader.submit(_Request(self.filter.text(), full=True))

    def _read(self, request: _Request) -> _Read:  # on the reader's thread
        assert self._library is not None
        listing = None
        if request.full:
            listing = self._library.listing(request.text, totals=request.counted)
        elif request.append:
            listing = self._library.listing(request.text, since=request.since)
        totals = None
        if request.totals is not None:
            totals = self._library.batch_totals(list(request.totals) or None)
        return _Read(request, listing, totals)

    def _read_done(self, ticket: int, read: object) -> None:
        assert isinstance(read, _Read)
        if read.request.full and ticket < self._newest_full:
            return  # a newer keystroke's listing is on its way
        if read.listing is not None:
            if read.request.full:
                self._show_listing(read.listing, fresh=read.request.fresh)
            elif read.listing.text == self.model.filter_text:
                self._add_listing(read.listing)
        if read.totals is not None:
            self.model.set_totals(read.totals)
        self.problem = ""

    def _read_failed(self, ticket: int, message: str) -> None:
        self.problem = f"The library could not be read: {message}"
        parent = self.window()
        show = getattr(parent, "show_problem", None)
        if callable(show):
            show(self.problem)

    def _show_listing(self, listing: Listing, *, fresh: bool = False) -> None:
        selected = self.selected_article_ids()
        current = self.model.article_id(self.tree.currentIndex())
        if self.model.set_listing(listing, fresh=fresh):
            self._expand()
            self._select(selected, current)
            self._filling.start()
        self.listed.emit()

    def _add_listing(self, listing: Listing) -> None:
        added = self.model.add_listing(listing)
        self._expand(only=added)
        self._filling.start()
        self.listed.emit()

    def _expand(self, only: Sequence[int] | None = None) -> None:
        """Open the batches the reviewer opened, and others in order while the rows they
        show stay few: laying out tens of thousands of rows at once would freeze the
        window."""
        self._applying = True
        try:
            budget = AUTO_EXPAND_ROWS
            rows = range(self.model.rowCount()) if only is None else only
            for row in rows:
                index = self.model.index(row, 0)
                batch_id = self.model.batch_id(index)
                shown = self.model.rowCount(index)
                wanted = batch_id in self.user_expanded or (
                    batch_id not in self.user_collapsed and 0 < shown <= budget
                )
                if wanted:
                    budget -= shown
                    self.tree.expand(index)
        finally:
            self._applying = False

    def _expansion(self, index: QModelIndex, expanded: bool) -> None:
        batch_id = self.model.batch_id(index)
        if self._applying or batch_id is None:
            return
        (self.user_expanded if expanded else self.user_collapsed).add(batch_id)
        (self.user_collapsed if expanded else self.user_expanded).discard(batch_id)
        self._filling.start()

    def _select(self, article_ids: list[int], current: int | None) -> None:
        chosen = self.tree.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for article_id in article_ids:
            index = self.model.index_of(article_id, fetch=False)
            if index.isValid():
                chosen.select(index, flags)
        if current is not None and (index := self.model.index_of(current, fetch=False)).isValid():
            chosen.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _fill_visible(self) -> None:
        """Show more of a batch whose "more" row is on screen (scrolling on shows more)."""
        viewport = self.tree.viewport().rect()
        index = self.tree.indexAt(viewport.topLeft())
        for _ in range(viewport.height() // max(1, self.tree.sizeHintForRow(0)) + 2):
            if not index.isValid():
                return
            if self.model.is_more(index):
                self.model.show_more(index.parent())
                self._filling.start()  # the rows shown may leave room for more
                return
            index = self.tree.indexBelow(index)

    def selected_article_ids(self) -> list[int]:
        ids = []
        for index in self.tree.selectionModel().selectedRows(0):
            article_id = self.model.article_id(index)
            if article_id is not None:
                ids.append(article_id)
        return ids

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """A narrow library keeps the titles readable: the outlet column (also in each
        pane's header and in the title's tooltip) hides below ``NARROW`` pixels."""
        super().resizeEvent(event)
        self.tree.setColumnHidden(1, event.size().width() < NARROW)
        self._filling.start()

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

    def _activated(self, index: QModelIndex) -> None:
        if self.model.is_more(index):
            self.model.show_more(index.parent())
            return
        article_id = self.model.article_id(index)
        if article_id is not None:
            self.articleActivated.emit(article_id)
