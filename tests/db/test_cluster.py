"""The private cluster in a folder of its own: created, started, found again, moved off a port
that something else holds, stopped."""
from __future__ import annotations

import shutil
import socket

import psycopg2

from citygrid_plugin.store.cluster import PrivateCluster, _port_for


def test_cluster_starts_on_a_free_port_when_its_own_is_taken(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("CITYGRID_HOME", str(home))
    monkeypatch.delenv("CITYGRID_PGPORT", raising=False)
    cluster = PrivateCluster.default()
    blocker = socket.socket()
    blocker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    blocker.bind(("127.0.0.1", cluster.port))
    blocker.listen()
    try:
        assert cluster.up() is True
        assert cluster.port != _port_for(home / "pg")
        again = PrivateCluster.default()  # a later command finds it on the port it moved to
        assert again.port == cluster.port and again.is_running() and again.up() is False
        conn = psycopg2.connect(cluster.dsn("postgres"))
        with conn.cursor() as cur:
            cur.execute("SHOW listen_addresses")
            assert cur.fetchone()[0] == "127.0.0.1"  # loopback only
        conn.close()
    finally:
        blocker.close()
        cluster.down()
    assert not cluster.is_running()
    shutil.rmtree(cluster.root, ignore_errors=True)  # may live in /var/tmp (see PrivateCluster.default)
