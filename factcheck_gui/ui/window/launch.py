"""Starting the window: display checks, the Qt application, the first layout, screenshots."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck_gui.domain.errors import UserError

if TYPE_CHECKING:  # Qt is imported only once the display is known to work
    from factcheck_gui.services.workspace import Workspace
    from factcheck_gui.ui.window.main_window import MainWindow
    from factcheck_gui.ui.window.session import GuiSession

SCREENSHOT_SIZE = (1400, 900)


def check_display(*, screenshot: bool) -> None:
    """Fail with one clear line instead of Qt's abort when no display can be reached."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
        return
    raise UserError(
        "no display available (neither DISPLAY nor WAYLAND_DISPLAY is set): start factcheck "
        "from a desktop session, or use `factcheck gui --screenshot FILE.png` to render it"
    )


def launch(*, data_dir: Path | None, samples: bool, screenshot: Path | None) -> int:
    check_display(screenshot=screenshot is not None)
    if screenshot is not None and screenshot.suffix.lower() != ".png":
        raise UserError(f"{screenshot} does not end in .png; name a PNG file for --screenshot")
    try:
        from PySide6.QtGui import QIcon  # noqa: F401  (does Qt load at all?)
        from PySide6.QtWidgets import QApplication
    except ImportError as error:
        raise UserError(
            f"Qt cannot start ({error}); install Qt's system libraries "
            "(see README: Setting up by hand) and try again"
        ) from None
    from factcheck_gui.ui.window.session import GuiSession

    existing = QApplication.instance()
    _app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    with GuiSession(data_dir, screenshot=screenshot is not None) as session:
        return _run(session, data_dir=data_dir, samples=samples, screenshot=screenshot)


def _run(
    session: GuiSession, *, data_dir: Path | None, samples: bool, screenshot: Path | None
) -> int:
    """The window's life, while ``session`` owns the data folder."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from factcheck_gui import APP_NAME
    from factcheck_gui.bundled import bundled_folder
    from factcheck_gui.ui.common.context import AppContext
    from factcheck_gui.ui.window.first_start import ask_reviewer_once
    from factcheck_gui.ui.window.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    try:
        workspace = _open_or_recover(data_dir, samples=samples, ask=screenshot is None)
    except UserError as error:
        from factcheck_gui.services.backups import DatabaseDamaged

        shown = isinstance(error, DatabaseDamaged)  # the user saw it, and chose to quit
        if screenshot is None and not shown:  # from a desktop menu, stderr is nowhere to be seen
            from factcheck_gui.ui.dialogs import dialogs

            dialogs.error(title="factcheck cannot start", text=str(error))
        raise
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("factcheck")
    app.setDesktopFileName("org.factcheck.FactcheckGui")
    app.setWindowIcon(QIcon(str(bundled_folder("resources") / "factcheck.svg")))
    try:
        if screenshot is not None:
            return save_screenshot(MainWindow(AppContext(workspace), settings_dir=None), screenshot)
        window = create_main_window(workspace)
        session.serve(window)
        window.show()
        ask_reviewer_once(window)
        window.restoring.start_backup()
        status = app.exec()
        window.restoring.wait()
        return status
    finally:
        workspace.close()


def _open_or_recover(data_dir: Path | None, *, samples: bool, ask: bool) -> Workspace:
    """The workspace; when its database was damaged (and moved aside), offer the newest
    good backup, or a new database, before giving up."""
    from factcheck_gui.domain.wording import count
    from factcheck_gui.services.backups import (
        DatabaseDamaged,
        newest_good,
        restore_into_empty_folder,
    )
    from factcheck_gui.services.workspace import default_data_dir, open_workspace
    from factcheck_gui.ui.dialogs import dialogs

    try:
        return open_workspace(data_dir, samples=samples)
    except DatabaseDamaged as damaged:
        if not ask:
            raise
        folder = data_dir if data_dir is not None else default_data_dir()
        newest = newest_good(folder)
        described = None
        if newest is not None and newest.contents is not None:
            when = newest.backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
            held = newest.contents
            described = (
                f"{when}, {count(held.articles, 'article')}, "
                f"{count(held.annotations, 'annotation')}"
            )
        text = (
            f"The database in {folder} is damaged ({damaged.reason}). It was moved aside, "
            f"untouched, as {damaged.moved_to.name}."
        )
        answer = dialogs.offer_restore(text=text, newest=described)
        if answer == "quit":
            raise
        if answer == "restore" and newest is not None:
            restore_into_empty_folder(folder, newest.backup.id)
        return open_workspace(data_dir, samples=samples)


def create_main_window(workspace: Workspace) -> MainWindow:
    """The window as the user left it, or on a first start the first two samples side by side."""
    from factcheck_gui.ui.common.context import AppContext
    from factcheck_gui.ui.common.theme import Theme, apply_theme, saved_theme
    from factcheck_gui.ui.window.main_window import MainWindow

    if (theme := saved_theme()) is not Theme.SYSTEM:
        apply_theme(theme)
    window = MainWindow(AppContext(workspace), settings_dir=workspace.data_dir)
    if not window.restore_layout():
        open_first_samples(window)
    return window


def open_first_samples(window: MainWindow) -> None:
    """A first start: two panes, the first two articles of the sample batch side by side."""
    from factcheck_gui.services.samples import SAMPLE_BATCH_NAME

    articles = window.services.library.first_articles(SAMPLE_BATCH_NAME, 2)
    window.ensure_panes(2)
    for pane, article_id in zip(window.panes.panes, articles, strict=False):
        window.open_article(article_id, pane)
    if window.panes.panes:
        window.panes.set_current(window.panes.panes[0])


def save_screenshot(window: MainWindow, path: Path) -> int:
    from PySide6.QtWidgets import QApplication

    window.resize(*SCREENSHOT_SIZE)
    open_first_samples(window)
    window.comparing.wait()  # the comparison read in full, as a reviewer waits to see it
    notes = [
        a
        for pane in window.panes.panes
        for a in sorted(pane.view.notes.values(), key=lambda a: a.start)
    ]
    if notes:  # show the editor with something in it: a figure in conflict, if there is one
        summaries = window.comparing.comparison.summaries
        conflicting = {name for name, s in summaries.items() if s.status == "conflict"}
        shown = next((a for a in notes if a.measure in conflicting), notes[0])
        window.select_annotation(shown.id, reveal=True)
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    image = window.grab()
    window.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"cannot create the folder for {path} ({error.strerror})") from None
    if not image.save(str(path), "PNG"):
        raise UserError(f"cannot write {path}; check the folder exists and is writable")
    print(f"wrote {path} ({image.width()}x{image.height()})")
    return 0
