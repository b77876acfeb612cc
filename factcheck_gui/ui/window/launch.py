"""Starting the window: display checks, the Qt application, the first layout, screenshots."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

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
    """The window's life, while ``session`` owns the data folder.

    The window's frame is painted first, at its saved size; the database layer loads and
    the database opens on a thread meanwhile (``while_painting``), and the window is then
    built over it. A start that found the database damaged asks what to do before then."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from factcheck_gui import APP_NAME
    from factcheck_gui.bundled import bundled_folder
    from factcheck_gui.ui.window.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("factcheck")
    app.setDesktopFileName("org.factcheck.FactcheckGui")
    app.setWindowIcon(QIcon(str(bundled_folder("resources") / "factcheck.svg")))
    if screenshot is not None:
        from factcheck_gui.ui.common.context import AppContext

        workspace = _open_or_recover(data_dir, samples=samples, ask=False)
        try:
            return save_screenshot(MainWindow(AppContext(workspace), settings_dir=None), screenshot)
        finally:
            workspace.close()
    from factcheck_gui.ui.common.theme import Theme, apply_theme, saved_theme

    if (theme := saved_theme()) is not Theme.SYSTEM:
        apply_theme(theme)
    window = MainWindow(None, settings_dir=session.folder)
    session.serve(window)
    window.show()
    try:
        workspace = _open_or_recover(data_dir, samples=samples, ask=True, opening=while_painting)
    except UserError as error:
        from factcheck_gui.services.backups import DatabaseDamaged

        window.hide()
        if not isinstance(error, DatabaseDamaged):  # (that one the user saw, and chose to quit)
            from factcheck_gui.ui.dialogs import dialogs  # stderr is nowhere to be seen from a menu

            dialogs.error(title="factcheck cannot start", text=str(error))
        raise
    try:
        if window.closed_early:  # closed while the database opened: nothing more to do
            return 0
        _attach(window, workspace)
        status = app.exec()
        window.restoring.wait()
        return status
    finally:
        workspace.close()


def _attach(window: MainWindow, workspace: Workspace) -> None:
    """The shown frame becomes the window over ``workspace``, as the user left it."""
    from factcheck_gui.ui.common.context import AppContext
    from factcheck_gui.ui.window.first_start import ask_reviewer_once

    window.attach(AppContext(workspace), read_now=False)
    if not window.restore_layout():
        open_first_samples(window)
    ask_reviewer_once(window)
    window.restoring.start_backup()


T = TypeVar("T")


def while_painting(work: Callable[[], T]) -> T:
    """``work()`` on a thread while the GUI thread goes on painting (and answering the window
    manager), as the database layer loads and the database opens. Its exception is raised
    here. A quit asked meanwhile ends the wait only once the work is done: a database is
    never left half-opened."""
    from PySide6.QtCore import QEventLoop, QObject, Qt, Signal

    class Finished(QObject):
        done = Signal()

    outcome: list[tuple[bool, object]] = []
    finished = Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:  # noqa: BLE001 (raised again on the GUI thread)
            outcome.append((False, error))
        finally:
            finished.done.emit()

    thread = threading.Thread(target=run, name="opening", daemon=True)
    thread.start()
    # Not ``thread.is_alive()``: the thread lives on for a moment after its signal, and a
    # second exec() would then wait for a quit that was already delivered. The outcome is
    # in place before the signal is sent.
    while not outcome and loop.exec() == 0:
        pass  # a quit makes exec return at once (-1): then only wait for the work
    thread.join()  # (also: the signal is sent before ``finished`` and ``loop`` go away)
    ok, value = outcome[0]
    if not ok:
        raise cast(BaseException, value)
    return cast(T, value)


def _open_or_recover(
    data_dir: Path | None,
    *,
    samples: bool,
    ask: bool,
    opening: Callable[[Callable[[], object]], object] = lambda work: work(),
) -> Workspace:
    """The workspace, opened through ``opening`` (at once, or ``while_painting``: then the
    database layer is first imported there, off the GUI thread); when its database was
    damaged (and moved aside), offer the newest good backup, or a new database, before
    giving up."""

    def open_it() -> object:  # the workspace, or why its database could not be opened
        from factcheck_gui.services.backups import DatabaseDamaged
        from factcheck_gui.services.workspace import open_workspace

        try:
            return open_workspace(data_dir, samples=samples)
        except DatabaseDamaged as damaged:
            return damaged

    opened = opening(open_it)
    from factcheck_gui.services.workspace import Workspace  # imported by now: no wait here

    if isinstance(opened, Workspace):
        return opened
    from factcheck_gui.domain.wording import count
    from factcheck_gui.services.backups import (
        DatabaseDamaged,
        newest_good,
        restore_into_empty_folder,
    )
    from factcheck_gui.services.places import default_data_dir
    from factcheck_gui.ui.dialogs import dialogs

    assert isinstance(opened, DatabaseDamaged)
    if not ask:
        raise opened
    folder = data_dir if data_dir is not None else default_data_dir()
    newest = newest_good(folder)
    described = None
    if newest is not None and newest.contents is not None:
        when = newest.backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
        held = newest.contents
        described = (
            f"{when}, {count(held.articles, 'article')}, {count(held.annotations, 'annotation')}"
        )
    text = (
        f"The database in {folder} is damaged ({opened.reason}). It was moved aside, "
        f"untouched, as {opened.moved_to.name}."
    )
    answer = dialogs.offer_restore(text=text, newest=described)
    if answer == "quit":
        raise opened
    if answer == "restore" and newest is not None:
        restore_into_empty_folder(folder, newest.backup.id)
    again = opening(open_it)
    if isinstance(again, DatabaseDamaged):
        raise again
    assert isinstance(again, Workspace)
    return again


def create_main_window(workspace: Workspace) -> MainWindow:
    """The window over an open workspace, as the user left it, or on a first start the first
    two samples side by side (tests and benchmarks; ``factcheck gui`` paints first)."""
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
