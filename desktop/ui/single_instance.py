"""One writer per data folder: a second TalkCards hands its request to the first and exits.

A lock file in the data folder (QLockFile, which notices a lock left by a killed process) says
who owns the collection; a local socket named for the folder carries "show yourself" or "open
this file" from a second start to the owner, as desktop apps do when started twice.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.core.library import is_address

LOCK_NAME = "talkcards.lock"
_TIMEOUT_MS = 1500
_SHOW = "show"


class InstanceGuard(QObject):
    """Owns the data folder for this process, or talks to the process that does."""

    show_requested = Signal()
    open_requested = Signal(str)

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # never stale by age: a long session is not a dead one
        self.name = "talkcards-" + hashlib.sha1(str(self.data_dir.resolve()).encode()).hexdigest()[:16]
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the folder; False when another running TalkCards holds it."""
        if not self.lock.tryLock(100):
            return False
        QLocalServer.removeServer(self.name)  # a socket left by a killed owner
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._received)
        self.server.listen(self.name)
        return True

    def owner_pid(self) -> int | None:
        pid, _host, _app = self.lock.getLockInfo()  # PySide6 returns the values, (0, "", "") when unknown
        return pid or None

    def hand_over(self, open_path: str | Path | None = None) -> bool:
        """Ask the owner to come to the front (and import `open_path`, a file or a web address); True when it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        source = open_path if is_address(str(open_path or "")) else Path(open_path).resolve() if open_path else ""
        message = f"open {source}" if source else _SHOW
        socket.write(message.encode("utf-8") + b"\n")
        delivered = socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return delivered

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()

    def _received(self) -> None:
        socket = self.server.nextPendingConnection()
        socket.readyRead.connect(lambda: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return  # a message may arrive in pieces; it ends with a line break
        message = bytes(socket.readLine().data()).decode("utf-8", "replace").rstrip("\n")
        socket.disconnectFromServer()
        if message.startswith("open "):
            self.open_requested.emit(message[5:])
        else:
            self.show_requested.emit()
