"""The running window listens on a local socket named after its data folder; a second start
on the same folder connects, asks it to come forward, and leaves (``QLocalServer`` and
``QLocalSocket``: a Unix socket, or a named pipe on Windows).

The protocol is one line each way: ``raise`` and, once the window was brought forward,
``raised``.
"""

from __future__ import annotations

import getpass
import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from factcheck_gui.services.places import folder_key

REQUEST = b"raise"
ANSWER = b"raised"

log = logging.getLogger(__name__)


def server_name(folder: Path) -> str:
    """The same for every spelling of ``folder``, and different for each user (the sockets
    of all users share one temporary folder)."""
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        user = str(getuid())
    else:
        try:
            user = re.sub(r"\W", "_", getpass.getuser())
        except (OSError, KeyError):
            user = "user"
    return f"factcheck-{user}-{folder_key(folder)}"


def bring_forward(window: QWidget) -> None:
    """Raise and activate ``window``, where the platform allows (Wayland and some window
    managers only mark it as wanting attention)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)


class WindowBeacon(QObject):
    """In the window that owns the data folder: brings the window forward when asked."""

    def __init__(self, name: str, window: QWidget) -> None:
        super().__init__(window)
        self.name = name
        self.window = window
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; call it only while owning the folder (a socket left by a killed
        window is removed first)."""
        QLocalServer.removeServer(self.name)
        if not self._server.listen(self.name):
            log.warning("cannot listen on %s (%s)", self.name, self._server.errorString())
            return False
        log.debug("listening on %s", self._server.fullServerName())
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._answer(c))
            connection.disconnected.connect(connection.deleteLater)

    def _answer(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return
        request = bytes(connection.readLine().data()).strip()
        if request == REQUEST:
            log.info("another start on this data folder: bringing the window forward")
            bring_forward(self.window)
            connection.write(ANSWER + b"\n")
            connection.flush()
        connection.disconnectFromServer()


def ask_to_come_forward(name: str, *, timeout_ms: int = 3000) -> bool:
    """Ask the window listening on ``name`` to come forward; True once it said it did.

    It waits in a local event loop, not a blocking wait, so the window may even live in
    this same process (the tests)."""
    connection = QLocalSocket()
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    answers: list[bytes] = []

    def read() -> None:
        while connection.canReadLine():
            answers.append(bytes(connection.readLine().data()).strip())
        if answers:
            loop.quit()

    connection.connected.connect(lambda: connection.write(REQUEST + b"\n"))
    connection.readyRead.connect(read)
    connection.errorOccurred.connect(lambda _error: loop.quit())
    connection.disconnected.connect(loop.quit)
    connection.connectToServer(name)
    timer.start(timeout_ms)
    if connection.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        loop.exec()
    timer.stop()
    read()
    connection.abort()
    return ANSWER in answers
