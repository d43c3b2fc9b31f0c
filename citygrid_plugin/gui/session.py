"""One live session with the store, shared by the plugin's windows (case queue, heatmap,
evaluation, big screen).

A :class:`StoreSession` holds the connection the windows read and act through, the one
:class:`~citygrid_plugin.gui.live.StoreListener` that hears the store's NOTIFYs, and who is logged
in (login, roles, department). When a read finds the connection dead (a server restart, a
killed backend), :meth:`StoreSession.failed` says so in words and reconnects, so the next
refresh works again; the listener reconnects by itself and ``connection_changed(True)`` tells
every window to re-read (notifications sent meanwhile are lost).

The plugin opens one session when the first window needs it and closes it with the last one; a
window built on its own (tests, a second big screen on another login) passes a
:class:`~citygrid_plugin.connections.StoreTarget` and gets a session of its own, which it closes.
"""
from __future__ import annotations

import psycopg2
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.i18n import tr
from ..store.db import StoreError, connect, connection_lost
from ..store.roles import my_roles
from .live import StoreListener

KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}


class StoreSession(QObject):
    """``notified(payload)`` for every NOTIFY on channel ``qgis`` (``'case:<id>'``);
    ``connection_changed(connected)`` when the listener loses or regains the store."""

    notified = pyqtSignal(str)
    connection_changed = pyqtSignal(bool)

    def __init__(self, target, live: bool = True, parent: QObject | None = None,
                 application: str = "CityGrid") -> None:
        super().__init__(parent)
        self.target = target
        self.dsn = target.dsn()
        self.application = application
        self.conn = self._connect()
        with self.conn.cursor() as cur:
            cur.execute("SELECT session_user")
            self.login = cur.fetchone()[0]
        self.conn.rollback()
        self.roles, self.department = my_roles(self.conn)
        self.listener: StoreListener | None = None
        self._first_announced = False
        if live:
            self.listener = StoreListener(self.dsn, "qgis", self, application=f"{application} listener")
            self.listener.notified.connect(self.notified)
            self.listener.connection_changed.connect(self._listener_changed)
            self.listener.start()

    def _connect(self):
        return connect(self.dsn, application=self.application, connect_timeout=3, **KEEPALIVES)

    def _listener_changed(self, connected: bool) -> None:
        """The listener is back: the store restarted or the network returned, and the read
        connection, though it still looks open, is dead: open a fresh one (once, for every
        window), then tell the windows to re-read."""
        if connected and self._first_announced:
            try:
                self.reconnect()
            except StoreError:
                pass  # the windows' next read says so and tries again
        self._first_announced = True
        self.connection_changed.emit(connected)

    @property
    def live(self) -> bool:
        return self.listener is not None and self.listener.running

    def failed(self, exc: Exception) -> str:
        """The text a window shows for a failed read or action; when the connection was lost it
        says so and a fresh connection is opened (or tried again at the next refresh)."""
        lost = self.conn is None or self.conn.closed or connection_lost(getattr(exc, "__cause__", None) or exc,
                                                                       self.conn)
        if not lost:
            return str(exc)
        try:
            self.reconnect()
        except StoreError as again:
            return tr("Connection to the store lost; reconnecting…") + f" ({again})"
        return tr("Connection to the store lost; reconnecting…")

    def reconnect(self) -> None:
        try:
            if self.conn is not None:
                self.conn.close()
        except psycopg2.Error:
            pass  # the old connection may already be gone
        self.conn = None
        self.conn = self._connect()

    def leave(self, on_notified, on_connection_changed, own: bool) -> None:
        """A window stops listening (its two slots); the session closes when it was the window's
        own (shared sessions are closed by the plugin with the last window)."""
        for signal, slot in ((self.notified, on_notified), (self.connection_changed, on_connection_changed)):
            try:
                signal.disconnect(slot)
            except TypeError:  # already disconnected
                pass
        if own:
            self.close()

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self.conn is not None and not self.conn.closed:
            self.conn.close()
