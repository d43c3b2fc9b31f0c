"""LISTEN to the store in the Qt event loop, surviving connection loss.

:class:`StoreListener` opens its own psycopg2 connection (autocommit), runs ``LISTEN <channel>``
and watches the socket with a :class:`QSocketNotifier`; each activation drains
``conn.notifies`` and emits :attr:`StoreListener.notified` per payload (the case workflow sends
``'case:<id>'`` on channel ``qgis``). When the connection is lost (server restart, backend
terminated, network down — TCP keepalives detect a silent peer) it emits
``connection_changed(False)`` and reconnects with a back-off of 1, 2, 5 then every 10 seconds,
emitting ``connection_changed(True)`` once listening again. Notifications sent while
disconnected are lost, so a consumer should refresh everything on ``connection_changed(True)``.

No threads: everything runs in the thread owning the listener. A reconnect attempt blocks for at
most ``connect_timeout`` seconds (3) when the server is unreachable.

Why not QGIS's own ``QgsVectorLayer.setRefreshOnNotifyEnabled``: in QGIS 3.22 its listener
thread never reconnects, and after a server restart it busy-loops on the dead socket.
"""
from __future__ import annotations

import psycopg2
import psycopg2.extensions
from qgis.PyQt.QtCore import QObject, QSocketNotifier, QTimer, pyqtSignal

BACKOFF_MS = (1000, 2000, 5000, 10000)
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}


class StoreListener(QObject):
    """``notified(payload)`` for every NOTIFY on *channel*; ``connection_changed(connected)``
    when the connection is established (True) or lost (False)."""

    notified = pyqtSignal(str)
    connection_changed = pyqtSignal(bool)

    def __init__(self, dsn: str, channel: str = "qgis", parent: QObject | None = None,
                 application: str = "CityGrid listener") -> None:
        super().__init__(parent)
        if not channel.replace("_", "").isalnum():
            raise ValueError(f"channel must be an identifier, got {channel!r}")
        self.dsn = dsn
        self.channel = channel
        self.application = application
        self.conn = None
        self.connected = False
        self._announced: bool | None = None
        self.last_error = ""
        self._notifier: QSocketNotifier | None = None
        self._attempt = 0
        self._running = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._connect)

    # -- public API -----------------------------------------------------------------------
    def start(self) -> None:
        """Connect and listen (if that fails, retries in the background until stop())."""
        if self._running:
            return
        self._running = True
        self._attempt = 0
        self._connect()

    def stop(self) -> None:
        """Close the connection and stop retrying; no signal is emitted."""
        self._running = False
        self._retry.stop()
        self._teardown()
        self.connected = False
        self._announced = None

    def backend_pid(self) -> int | None:
        """The server process of the listening connection (None when disconnected)."""
        if self.conn is None or self.conn.closed:
            return None
        return self.conn.get_backend_pid()

    @property
    def running(self) -> bool:
        return self._running

    # -- internals ------------------------------------------------------------------------
    def _connect(self) -> None:
        if not self._running:
            return
        self._teardown()
        conn = None
        try:
            conn = psycopg2.connect(self.dsn, application_name=self.application, connect_timeout=3, **KEEPALIVES)
            conn.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
            with conn.cursor() as cur:
                cur.execute(f'LISTEN "{self.channel}"')
        except psycopg2.Error as exc:
            self.last_error = str(exc).strip()
            if conn is not None:
                conn.close()
            self._set_connected(False)
            self._schedule_retry()
            return
        self.conn = conn
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Read, self)
        self._notifier.activated.connect(self._on_readable)
        self._attempt = 0
        self.last_error = ""
        self._set_connected(True)
        self._drain()  # anything that arrived with the LISTEN reply

    def _on_readable(self, _socket=None) -> None:
        if self.conn is None:
            return
        try:
            self.conn.poll()
        except (psycopg2.OperationalError, psycopg2.InterfaceError) as exc:
            self._lost(exc)
            return
        self._drain()

    def _drain(self) -> None:
        conn = self.conn
        if conn is None:
            return
        notes = list(conn.notifies)
        conn.notifies.clear()  # the list psycopg2 appends to: never let it grow
        for note in notes:
            self.notified.emit(note.payload)
            if self.conn is not conn:  # a slot stopped or restarted the listener
                return

    def _lost(self, exc: Exception) -> None:
        self.last_error = str(exc).strip()
        self._teardown()
        self._set_connected(False)
        self._schedule_retry()

    def _set_connected(self, value: bool) -> None:
        """Emit connection_changed only when the state changes (the first failed attempt after
        start() counts as a change: the consumer learns it is not connected)."""
        if value != self._announced:
            self.connected = value
            self._announced = value
            self.connection_changed.emit(value)

    def _schedule_retry(self) -> None:
        if not self._running:
            return
        delay = BACKOFF_MS[min(self._attempt, len(BACKOFF_MS) - 1)]
        self._attempt += 1
        self._retry.start(delay)

    def _teardown(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.activated.disconnect(self._on_readable)
            self._notifier.deleteLater()
            self._notifier = None
        if self.conn is not None:
            try:
                self.conn.close()
            except psycopg2.Error:
                pass
            self.conn = None
