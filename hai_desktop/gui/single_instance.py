"""One running desk per profile: an OS lock on the profile's lock file, and a local
socket through which a second launch asks the running desk to raise its window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCryptographicHash, QObject, Signal

from hai_desktop.core.paths import ProfilePaths

log = logging.getLogger(__name__)

RAISE_COMMAND = b"raise\n"


def server_name(data_dir: Path) -> str:
    """The local-socket name of a profile (one running desk per data directory)."""
    # QtCore's hash: hashlib would be one more import before the first paint.
    key = str(Path(data_dir).resolve()).encode()
    digest = bytes(QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256).toHex())
    digest = digest.decode()[:16]
    return f"hai-desk-{digest}"


class SingleInstance(QObject):
    """One running desk per profile.

    Who runs is decided by an OS lock on the profile's lock file (free again the moment a
    process dies, so a crash never leaves a stale claim, and cheap enough to check before the
    first paint). Talking to the running desk goes through a QLocalServer keyed on the data
    dir: a second launch connects, asks the first to raise its window, and exits.

    Signals:
        raise_requested(): another launch asked this instance to show its window.
    """

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(data_dir)
        self.server = None
        self._lock_file = None

    def claim(self) -> bool:
        """Try to become the running desk of this profile (no Qt networking needed)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        handle = open(ProfilePaths(self.data_dir).lock, "a+b")  # noqa: SIM115 (held open)
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock_file = handle
        return True

    def notify_running(self, timeout_ms: int = 1000, attempts: int = 1) -> bool:
        """Ask the running desk to raise its window. True when it got the message.

        With ``attempts`` > 1 it retries: the running desk may still be starting (it opens
        its server right after its first paint).
        """
        from PySide6.QtCore import QThread
        from PySide6.QtNetwork import QLocalSocket

        for attempt in range(attempts):
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(timeout_ms):
                socket.write(RAISE_COMMAND)
                socket.flush()
                socket.waitForBytesWritten(timeout_ms)
                socket.disconnectFromServer()
                return True
            if attempt + 1 < attempts:
                QThread.msleep(200)
        return False

    def listen(self) -> bool:
        """Open the server other launches talk to (after claim(): the name is ours)."""
        from PySide6.QtNetwork import QLocalServer

        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            # We hold the profile lock, so a socket left under this name is stale.
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning("single-instance server unavailable: %s", self.server.errorString())
                return False
        self.server.newConnection.connect(self._on_new_connection)
        return True

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
        if self._lock_file is not None:
            self._lock_file.close()  # releases the lock
            self._lock_file = None

    def _on_new_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The message is one short line: wait for it here rather than keep per-socket
            # slots alive (a socket deleted under a pending slot is a crash waiting to happen).
            if not socket.bytesAvailable():
                socket.waitForReadyRead(500)
            data = bytes(socket.readAll())
            socket.abort()
            socket.deleteLater()
            if RAISE_COMMAND.strip() in data:
                self.raise_requested.emit()
