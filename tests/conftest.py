"""Test setup shared by every folder.

tests/unit   pure Python (core), no QGIS, no database
tests/db     the store against the real private PostGIS cluster (one fresh database per test)
tests/qgis   real QGIS offscreen: plugin, Processing, qgis_process, the zip, the demo
tests/gui    real dialogs against a real store
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for extra in (str(ROOT), "/usr/share/qgis/python/plugins"):
    if extra not in sys.path:
        sys.path.insert(0 if extra == str(ROOT) else len(sys.path), extra)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# QGIS opens GeoPackages for update and touches them; tests in QGIS use this copy so the
# committed sample stays byte-identical.
_SAMPLE_DIR = Path(tempfile.mkdtemp(prefix="citygrid-sample-"))
SAMPLE_GPKG = _SAMPLE_DIR / "sample_district.gpkg"
shutil.copyfile(ROOT / "data_samples" / "sample_district.gpkg", SAMPLE_GPKG)
os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)


@pytest.fixture(scope="session")
def cluster():
    """The private PostGIS cluster, started if needed (left running for the next run)."""
    from citygrid_plugin.store.cluster import PrivateCluster

    c = PrivateCluster.default()
    c.up()
    return c


@pytest.fixture
def fresh_db(cluster):
    """Name of a new, empty database; dropped after the test."""
    name = f"cg_test_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(name)
    yield name
    cluster.drop_database(name)


@pytest.fixture
def fresh_dsn(cluster, fresh_db):
    return cluster.dsn(fresh_db)


@pytest.fixture
def store_dsn(fresh_dsn):
    """DSN of a fresh database holding an up-to-date store with the standard class tables."""
    from citygrid_plugin.store import db, migrate, reference

    conn = db.connect(fresh_dsn)
    try:
        migrate.upgrade(conn)
        reference.load_standard_classes(conn)
    finally:
        conn.close()
    return fresh_dsn


@pytest.fixture
def conn_factory():
    """Open psycopg2 connections that are closed after the test."""
    from citygrid_plugin.store import db

    opened = []

    def open_(dsn):
        c = db.connect(dsn)
        opened.append(c)
        return c

    yield open_
    for c in opened:
        c.close()


# -- real QGIS (lazy imports: tests/unit never touches qgis) ---------------------------
@pytest.fixture(autouse=True, scope="session")
def english_messages():
    """Tests assert on the English source messages; users get zh_CN by default (see
    citygrid_plugin/i18n.py) and tests/qgis/test_plugin.py checks the Chinese catalogue."""
    try:
        from qgis.core import QgsSettings
    except ImportError:
        yield
        return
    settings = QgsSettings()
    before = settings.value("citygrid/language")
    settings.setValue("citygrid/language", "en")
    yield
    if before is None:
        settings.remove("citygrid/language")
    else:
        settings.setValue("citygrid/language", before)


@pytest.fixture
def provider(qgis_app, qgis_processing):
    """CityGrid's provider, registered as QGIS does for qgis_process (classFactory(None))."""
    from qgis.core import QgsApplication

    import citygrid_plugin

    plugin = citygrid_plugin.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry().providerById("citygrid")
    plugin.unload()


@pytest.fixture
def qgis_connection(cluster, fresh_db):
    """Name of a QGIS PostgreSQL connection to a fresh, empty database (removed afterwards)."""
    from citygrid_plugin.connections import delete_connection, save_connection

    name = f"citygrid-test-{uuid.uuid4().hex[:6]}"
    p = cluster.client_params(fresh_db)
    save_connection(name, p["host"], p["port"], p["dbname"], p["user"])
    yield name
    delete_connection(name)
