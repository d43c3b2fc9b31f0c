"""Test setup shared by every folder.

tests/unit   pure Python (core), no QGIS, no database
tests/db     the store against the real private PostGIS cluster (one fresh database per test)
tests/qgis   real QGIS offscreen: plugin, Processing, qgis_process, the zip, the demo
tests/gui    real dialogs against a real store
"""
from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for extra in (str(ROOT), "/usr/share/qgis/python/plugins"):
    if extra not in sys.path:
        sys.path.insert(0 if extra == str(ROOT) else len(sys.path), extra)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers.sample import SAMPLE_GPKG  # noqa: E402 - a copy of the sample district (QGIS touches it)

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


# -- census field packages (tests/qgis/test_fieldwork.py and the fault tests) ----------------------------
@pytest.fixture
def algorithms(provider):
    """The provider, with the two field-package algorithms."""
    from qgis.core import QgsApplication

    from citygrid_plugin.processing.alg_fieldpackage import ExportPackageAlgorithm, SyncPackageAlgorithm

    registry = QgsApplication.processingRegistry()
    for alg in (ExportPackageAlgorithm(), SyncPackageAlgorithm()):
        if registry.algorithmById(f"citygrid:{alg.name()}") is None:
            provider.addAlgorithm(alg)
    return provider


@pytest.fixture
def census(algorithms, qgis_connection, cluster, fresh_db):
    """A store with divisions, departments, the grids of one community and a few components."""
    import processing
    from qgis.core import QgsVectorLayer

    from citygrid_plugin.store import db
    from tests.helpers.fieldwork import KEY

    SAMPLE = SAMPLE_GPKG
    processing.run("citygrid:createstore", {"CONNECTION": qgis_connection})
    processing.run("citygrid:importdivisions", {
        "CONNECTION": qgis_connection, "DISTRICT_CODE": "510104", "DISTRICT_NAME": "锦江区（示例）",
        "STREETS": f"{SAMPLE}|layername=streets", "COMMUNITIES": f"{SAMPLE}|layername=communities"})
    processing.run("citygrid:importdepartments", {"CONNECTION": qgis_connection,
                                                  "INPUT": str(ROOT / "data_samples" / "departments_gbk.csv")})
    communities = QgsVectorLayer(f"{SAMPLE}|layername=communities", "c", "ogr")
    first = next(communities.getFeatures())
    communities.setSubsetString(f"street_code = '{first['street_code']}' AND community_code = "
                                f"'{first['community_code']}'")
    part = processing.run("citygrid:partitiongrids", {
        "BARRIERS": [f"{SAMPLE}|layername=roads"], "COMMUNITIES": communities, "COMMUNITY_KEY": KEY,
        "OUTPUT": "memory:"})
    processing.run("citygrid:codegrids", {"CONNECTION": qgis_connection, "INPUT": part["OUTPUT"]})
    conn = db.connect(cluster.dsn(fresh_db))
    with conn.cursor() as cur:
        cur.execute("SELECT code, ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM citygrid.grid "
                    "WHERE retired_at IS NULL ORDER BY code LIMIT 3")
        grids = cur.fetchall()
    conn.commit()
    assert len(grids) == 3
    comps = {}

    def add(key, grid, cls, wkt_of):
        code, x, y = grids[grid]
        with conn.cursor() as cur:
            cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) VALUES "
                        "(%s, 'SZ', ST_GeomFromText(%s, citygrid.store_srid())) RETURNING uid::text, code",
                        (cls, wkt_of(x, y)))
            comps[key] = cur.fetchone()
        conn.commit()

    point = (lambda dx: lambda x, y: f"POINT({x + dx} {y})")
    add("p1", 0, "0101", point(0))
    add("p2", 0, "0101", point(0.5))
    add("p3", 0, "0101", point(1))
    add("line", 0, "0211", lambda x, y: f"LINESTRING({x - 2} {y + 2},{x + 2} {y + 2})")
    add("poly", 0, "0405",
        lambda x, y: f"POLYGON(({x} {y - 3},{x + 2} {y - 3},{x + 2} {y - 1},{x} {y - 1},{x} {y - 3}))")
    add("p4", 1, "0101", point(0))
    add("p5", 1, "0101", point(0.5))
    add("other", 2, "0101", point(0))   # in a grid that is not exported
    yield {"connection": qgis_connection, "conn": conn, "grids": [g[0] for g in grids], "xy": grids,
           "comps": comps}
    conn.close()


@pytest.fixture(scope="module")
def month(cluster):
    """The evaluation's hand-built month (tests/helpers/evaluation.py): ({letter: case id}, logins, DSN)."""
    from tests.helpers.evaluation import month_store

    yield from month_store(cluster)


# -- leaving the process ----------------------------------------------------------------------
# pytest-qgis calls QgsApplication.exitQgis() when the session's fixtures end; after that the
# Python interpreter still destroys the sip wrappers of Qt/QGIS objects in no particular order,
# and QGIS 3.22 sometimes segfaults there (CI, stop 23: "1121 passed" and then "Segmentation
# fault", exit 2). Nothing is left to do at that point: every report and the summary line are
# written, so the process leaves with pytest's own exit status without that teardown.
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if _EXIT_STATUS and "qgis.core" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
