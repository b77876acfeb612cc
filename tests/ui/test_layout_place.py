"""The window's layout is the user's (config folder); its open panes are per data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factcheck_gui.services.places import folder_key
from factcheck_gui.services.workspace import open_workspace
from factcheck_gui.ui.window.launch import create_main_window
from factcheck_gui.ui.window.layout import SETTINGS_FILE
from factcheck_gui.ui.window.main_window import MainWindow


def test_the_layout_is_kept_in_the_config_folder_not_the_data_folder(
    open_window: Callable[[], MainWindow], data_dir: Path, config_dir: Path
) -> None:
    window = open_window()
    window.open_article(3, window.panes.panes[1])
    window.close()
    assert not (data_dir / SETTINGS_FILE).exists()
    text = (config_dir / SETTINGS_FILE).read_text(encoding="utf-8")
    assert "geometry=" in text and f"[data-{folder_key(data_dir)}]" in text


def test_each_data_folder_opens_its_own_panes_in_the_users_layout(
    open_window: Callable[[], MainWindow],
    tmp_path: Path,
    qtbot,  # noqa: ANN001
) -> None:
    window = open_window()
    window.open_article(5, window.panes.panes[1])
    window.library_dock.hide()
    window.close()
    window.services.close()

    other = create_main_window(open_workspace(tmp_path / "other", sample_annotations=False))
    qtbot.addWidget(other)
    try:  # a first start on that folder: the first two samples, in the user's dock layout
        assert [p.article_id for p in other.panes.panes] == [1, 2]
        assert other.library_dock.isHidden()
    finally:
        other.close()
        other.services.close()

    again = open_window()
    assert [p.article_id for p in again.panes.panes] == [1, 5]
