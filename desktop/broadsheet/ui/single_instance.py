"""One window per library: a second launch hands its files to the first through a local socket."""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from broadsheet.ui.signals import emit

log = logging.getLogger("broadsheet.ui.instance")

TIMEOUT_MS = 1000


def server_name(library_path: Path) -> str:
    """A socket name unique to this user and library file."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha256(str(library_path.resolve()).encode()).hexdigest()[:16]
    return f"broadsheet-{user}-{digest}"


def hand_over(library_path: Path, paths: list[Path]) -> bool:
    """Give PATHs to a window already open on this library; False when there is none."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library_path))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    message = json.dumps({"paths": [str(p.resolve()) for p in paths]}).encode() + b"\n"
    socket.write(message)
    socket.waitForBytesWritten(TIMEOUT_MS)
    # The answer may already be buffered by waitForBytesWritten; then waiting would time out.
    while not socket.canReadLine() and socket.waitForReadyRead(TIMEOUT_MS):
        pass
    answered = bytes(socket.readLine().data()).strip() if socket.canReadLine() else b""
    socket.disconnectFromServer()
    return answered == b"ok"


class InstanceServer(QObject):
    """Listens for later launches; ``paths_received`` carries what they were asked to open."""

    paths_received = Signal(list)

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        name = server_name(library_path)
        if not self.server.listen(name):
            # A socket file left behind by a crash: nobody answered hand_over, so remove it.
            QLocalServer.removeServer(name)
            if not self.server.listen(name):
                log.warning("single instance disabled: %s", self.server.errorString())

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setParent(self)
            socket.readyRead.connect(partial(self._on_ready, socket))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            message = json.loads(bytes(socket.readLine().data()))
            paths = [Path(p) for p in message.get("paths", []) if isinstance(p, str)]
        except (ValueError, AttributeError):
            socket.write(b"bad\n")
            return
        socket.write(b"ok\n")
        socket.flush()
        emit(self.paths_received, paths)

    def close(self) -> None:
        """Stop listening."""
        self.server.close()
