"""Docks of the CityGrid plugin (case queue, heatmap, evaluation), built on :class:`SessionDock`:
one live :class:`~citygrid_plugin.gui.session.StoreSession` shared with the plugin's other
windows (reads, actions, NOTIFY, reconnecting), a plain-text status line, and a clean shutdown."""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel

from ...core.i18n import tr
from ...store.db import StoreError
from ..session import StoreSession


class SessionDock(QgsDockWidget):
    """A dock on the store. *store* is the plugin's shared :class:`StoreSession`, or a
    :class:`~citygrid_plugin.connections.StoreTarget` for a dock of its own (tests; *live* then
    says whether it listens to the store's NOTIFYs). Subclasses override :meth:`on_notified`
    (a case changed) and :meth:`on_reconnected` (re-read everything: notifications sent while
    the store was away are lost)."""

    def __init__(self, title: str, store, parent=None, live: bool = True) -> None:
        super().__init__(title, parent)
        if isinstance(store, StoreSession):
            self.session, self.own_session = store, False
        else:
            self.session, self.own_session = StoreSession(store, live=live), True
        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)   # store messages may quote user text
        self.status.setWordWrap(True)
        self.session.notified.connect(self.on_notified)
        self.session.connection_changed.connect(self._connection_changed)

    # the session's parts, under the names the docks have always used
    @property
    def conn(self):
        return self.session.conn

    @property
    def target(self):
        return self.session.target

    @property
    def dsn(self) -> str:
        return self.session.dsn

    @property
    def listener(self):
        return self.session.listener

    def _connected(self) -> bool:
        """A connection to read on (the session's, reopened if a failure closed it); False with the
        reason in the status line when the store cannot be reached now."""
        if self.session.conn is not None and not self.session.conn.closed:
            return True
        try:
            self.session.reconnect()
        except StoreError as exc:
            self.status.setText(tr("Connection to the store lost; reconnecting…") + f" ({exc})")
            return False
        return True

    def store_failed(self, exc: Exception) -> None:
        """Say why a read or an action failed; a lost connection is reopened by the session."""
        self.status.setText(self.session.failed(exc))

    def on_notified(self, payload: str) -> None:
        """A NOTIFY from the store (``'case:<id>'``); the default does nothing."""

    def on_reconnected(self) -> None:
        """The store is back; the default does nothing."""

    def _connection_changed(self, connected: bool) -> None:
        if connected:   # the session has opened a fresh connection already (StoreSession)
            self.status.setText("")
            self.on_reconnected()
        else:
            self.status.setText(tr("Connection to the store lost; reconnecting…"))

    def shutdown(self) -> None:
        """Stop listening; close the session when it is the dock's own."""
        self.session.leave(self.on_notified, self._connection_changed, self.own_session)
