"""What the window's process holds for its whole life: the data folder (one owner at a time),
the crash hook, and the beacon that lets a second start bring this window forward."""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from factcheck_gui.domain.errors import UserError
from factcheck_gui.logs import one_line, where_details_are
from factcheck_gui.services.ownership import FolderBusy, FolderOwner
from factcheck_gui.services.places import default_data_dir
from factcheck_gui.ui.dialogs.crash import CrashReporter

if TYPE_CHECKING:  # the beacon and the dialogs load once the window is painted, or when asked
    from factcheck_gui.ui.window.beacon import WindowBeacon

log = logging.getLogger(__name__)


class GuiSession:
    """``with GuiSession(data_dir, screenshot=...) as session:`` around the window's life;
    refuses (a dialog, then UserError) when another process owns the data folder. A
    screenshot only reads, and neither owns the folder nor installs the hooks."""

    def __init__(self, data_dir: Path | None, *, screenshot: bool) -> None:
        self.folder = data_dir if data_dir is not None else default_data_dir()
        self.screenshot = screenshot
        self.owner = FolderOwner(self.folder, role="gui", command="gui")
        self.crashes = CrashReporter()
        self.beacon: WindowBeacon | None = None

    def __enter__(self) -> GuiSession:
        log.info(
            "Qt %s, PySide6 %s, platform %s",
            qVersion(),
            PySide6.__version__,
            QGuiApplication.platformName(),
        )
        if not self.screenshot:
            self._own_folder()
            self.crashes.install()
        return self

    def serve(self, window: QWidget) -> None:
        """Let a second start on this folder bring ``window`` forward."""
        from factcheck_gui.ui.window.beacon import WindowBeacon, server_name

        if self.owner.held:
            self.beacon = WindowBeacon(server_name(self.folder), window)
            self.beacon.listen()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.beacon is not None:
            self.beacon.close()
        self.crashes.uninstall()
        self.owner.release()
        unexpected = isinstance(error, Exception) and not isinstance(error, UserError)
        if unexpected and error is not None and not self.screenshot:
            from factcheck_gui.ui.dialogs import dialogs

            # Started from a desktop menu, stderr is nowhere to be seen.
            dialogs.error(
                title="factcheck cannot start",
                text=f"Something went wrong ({one_line(error)}); {where_details_are()}.",
            )

    def _own_folder(self) -> None:
        try:
            self.owner.acquire()
        except FolderBusy as busy:
            from factcheck_gui.ui.dialogs import dialogs

            text = self._refusal(busy)
            log.info("%s", text)
            dialogs.notice(title="factcheck is already running", text=text)
            raise UserError(text) from None

    def _refusal(self, busy: FolderBusy) -> str:
        from factcheck_gui.ui.window.beacon import ask_to_come_forward, server_name

        holder, folder = busy.holder, self.folder
        if holder is not None and holder.role == "cli":
            return (
                f"{holder.describe()} is writing to {folder}; wait for it to finish, "
                "then start factcheck again"
            )
        if ask_to_come_forward(server_name(folder)):
            return f"factcheck is already open on {folder}; its window was brought forward"
        who = holder.describe() if holder is not None else "another factcheck window"
        return f"{who} already has {folder} open; switch to it, or close it first"
