"""Docks of the CityGrid plugin (case queue, heatmap, evaluation)."""
from __future__ import annotations

from ...core.i18n import tr
from ...store.db import StoreError, connect, connection_lost


class StoreConnectionMixin:
    """What every dock does with its own store connection (``self.conn``, ``self.dsn``,
    ``self.status``): on a failed read, say why — "reconnecting…" when the connection was lost —
    and open a fresh connection, so the next refresh (timer, NOTIFY, the user) works again."""

    def store_failed(self, exc: StoreError) -> None:
        lost = self.conn.closed or connection_lost(exc.__cause__, self.conn)
        self.status.setText(tr("Connection to the store lost; reconnecting…") if lost else str(exc))
        if lost:
            self.reconnect()

    def reconnect(self) -> None:
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001 - the old connection may already be gone
            pass
        try:
            self.conn = connect(self.dsn)
        except StoreError as exc:
            self.status.setText(tr("Connection to the store lost; reconnecting…") + f" ({exc})")
