"""The window's saved layout: geometry, docks, splitters and the articles open in panes,
kept in ``window.ini`` in the data folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from factcheck_gui.ui.main_window import MainWindow

SETTINGS_FILE = "window.ini"


class SavedLayout:
    def __init__(self, folder: Path) -> None:
        self._settings = QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)

    def restore(self, window: MainWindow) -> bool:
        """The last session's layout and panes; False when there is none."""
        s = self._settings
        if s.value("geometry") is None:
            return False
        window.restoreGeometry(s.value("geometry"))
        window.restoreState(s.value("state"))
        ids = [
            int(x) for x in (s.value("panes") or "").split(",") if x.strip().lstrip("-").isdigit()
        ]
        known = {a.id for a in window.services.library.summaries()}
        window.ensure_panes(max(1, len(ids)))
        for pane, article_id in zip(window.panes.panes, ids, strict=False):
            if article_id in known:
                window.open_article(article_id, pane)
        sizes = s.value("paneSizes")
        if sizes:
            window.panes.setSizes([int(x) for x in str(sizes).split(",") if x.isdigit()])
        for name, splitter in window.splitters().items():
            if s.value(name) is not None:
                splitter.restoreState(s.value(name))
        current = int(s.value("currentPane") or 0)
        if 0 <= current < len(window.panes.panes):
            window.panes.set_current(window.panes.panes[current])
        return True

    def save(self, window: MainWindow) -> None:
        s = self._settings
        s.setValue("geometry", window.saveGeometry())
        s.setValue("state", window.saveState())
        for name, splitter in window.splitters().items():
            s.setValue(name, splitter.saveState())
        self.save_panes(window)
        s.sync()

    def save_panes(self, window: MainWindow) -> None:
        s = self._settings
        panes = window.panes
        s.setValue("panes", ",".join(str(p.article_id or -1) for p in panes.panes))
        s.setValue("paneSizes", ",".join(str(x) for x in panes.sizes()))
        current = panes.current
        s.setValue("currentPane", panes.panes.index(current) if current in panes.panes else 0)
