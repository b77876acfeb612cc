"""The window's saved layout, kept in ``window.ini`` in the user's config folder (never in
a data folder): geometry, docks and splitters are the user's; the articles open in panes
name ids of one database, so they are kept per data folder, in a group named by its key."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from factcheck_gui.services.places import default_config_dir, folder_key
from factcheck_gui.ui.window.view_state import ApplyWhenShown, ViewState, capture

if TYPE_CHECKING:
    from factcheck_gui.ui.window.main_window import MainWindow

SETTINGS_FILE = "window.ini"


class SavedLayout:
    """The layout of the window on the data folder ``folder``."""

    def __init__(self, folder: Path, *, config_dir: Path | None = None) -> None:
        config = config_dir if config_dir is not None else default_config_dir()
        self._settings = QSettings(str(config / SETTINGS_FILE), QSettings.Format.IniFormat)
        self._group = f"data-{folder_key(folder)}"

    def has_geometry(self) -> bool:
        """Whether a window was saved here (its size and docks), on any data folder."""
        return self._settings.value("geometry") is not None

    def restore_geometry(self, window: QWidget) -> None:
        """Only the window's last size and place (its frame, before the docks exist)."""
        if (geometry := self._settings.value("geometry")) is not None:
            window.restoreGeometry(geometry)

    def restore(self, window: MainWindow) -> bool:
        """The last session's layout, and the panes last open on this data folder; False
        when this folder has none (the window then opens its first articles)."""
        s = self._settings
        if s.value("geometry") is not None:
            window.restoreGeometry(s.value("geometry"))
            window.restoreState(s.value("state"))
        for name, splitter in window.splitters().items():
            if s.value(name) is not None:
                splitter.restoreState(s.value(name))
        s.beginGroup(self._group)
        try:
            return self._restore_panes(window)
        finally:
            s.endGroup()

    def _restore_panes(self, window: MainWindow) -> bool:
        s = self._settings
        if s.value("panes") is None:
            return False
        ids = [
            int(x) for x in (s.value("panes") or "").split(",") if x.strip().lstrip("-").isdigit()
        ]
        # read before the panes open: opening an article saves the panes afresh
        state = ViewState.decode({k: s.value(k) for k in ("paneSizes", "paneTops", "focus")})
        current = int(s.value("currentPane") or 0)
        known = window.services.library.existing(i for i in ids if i > 0)
        window.ensure_panes(max(1, len(ids)))
        for pane, article_id in zip(window.panes.panes, ids, strict=False):
            if article_id in known:
                window.open_article(article_id, pane)
        if 0 <= current < len(window.panes.panes):
            window.panes.set_current(window.panes.panes[current])
        ApplyWhenShown(window, state)  # widths, scroll positions and focus need a shown window
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
        s.beginGroup(self._group)
        s.setValue("panes", ",".join(str(p.article_id or -1) for p in panes.panes))
        for key, value in capture(window).encode().items():
            s.setValue(key, value)
        current = panes.current
        s.setValue("currentPane", panes.panes.index(current) if current in panes.panes else 0)
        s.endGroup()
