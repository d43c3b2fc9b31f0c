"""A read-only store: ``ALTER DATABASE … SET default_transaction_read_only = on`` for the test
database, so every new connection is read-only — as on a hot standby, a replica handed out for
reporting, or a store an administrator froze for a migration.

Promise: every write (component import, grid coding, department import, the census progress
mark, case report and actions) is refused with a message that says the store is read-only and
that nothing was changed; the store is exactly as it was; what only reads (a field package
export, the census progress figures) still works.
"""
from __future__ import annotations

import processing
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act, report_case
from tests.helpers.faults import fingerprint
from tests.stores import make_case_store


@pytest.fixture
def frozen(provider, cluster, store_dsn, fresh_db, qgis_connection):
    """(QGIS connection name, DSN, a case, the store's fingerprint) of a case store made read-only."""
    make_case_store(store_dsn)
    conn = db.connect(store_dsn)
    case = report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 50, 150)
    before = fingerprint(conn)
    conn.close()
    admin = db.connect(cluster.dsn("postgres"))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'ALTER DATABASE "{fresh_db}" SET default_transaction_read_only = on')
    yield qgis_connection, store_dsn, case, before
    with admin.cursor() as cur:
        cur.execute(f'ALTER DATABASE "{fresh_db}" RESET default_transaction_read_only')
    admin.close()


def grid_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:4544&field=community:string", "grids", "memory")
    features = []
    for x in (0, 100):
        f = QgsFeature(layer.fields())
        f.setAttributes(["510104001001"])
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x} 100,{x + 100} 100,{x + 100} 200,{x} 200,{x} 100))"))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def test_writes_to_a_read_only_store_say_so_and_change_nothing(frozen, tmp_path):
    """Four algorithms that write: each refused with "the store is read-only (…): nothing was
    changed", the store byte-for-byte as before; then the two that only read still work."""
    connection, dsn, _case, before = frozen
    components = tmp_path / "components.csv"
    components.write_text("class_code,dept1_code,x,y\n0101,SZ,50,50\n0101,SZ,150,50\n", encoding="utf-8")
    departments = tmp_path / "departments.csv"
    departments.write_text("code,name\nXF,消防\n", encoding="utf-8")
    writes = {
        "citygrid:importcomponents": ({"CSV": str(components)}, "components not imported: "),
        "citygrid:codegrids": ({"INPUT": grid_layer()}, "grids not stored: "),
        "citygrid:importdepartments": ({"INPUT": str(departments)}, "departments not loaded: "),
        "citygrid:censusprogress": ({"MARK_SURVEYED": "510104001001001"}, "census progress not updated: "),
    }
    for alg, (params, prefix) in writes.items():
        with pytest.raises(QgsProcessingException) as err:
            processing.run(alg, {"CONNECTION": connection, **params})
        message = str(err.value)
        assert message.startswith(prefix + "the store is read-only (cannot execute "), (alg, message)
        assert message.endswith("in a read-only transaction): nothing was changed"), (alg, message)
    conn = db.connect(dsn)
    try:
        assert fingerprint(conn) == before
    finally:
        conn.close()
    # reading still works: the progress figures and a field package for the surveyors
    progress = processing.run("citygrid:censusprogress", {"CONNECTION": connection})
    assert progress["GRIDS"] == 6 and progress["SURVEYED"] == 0
    package = processing.run("citygrid:exportpackage", {"CONNECTION": connection, "GRIDS": "510104001001",
                                                        "OUTPUT_DIR": str(tmp_path / "pkg"), "NAME": "replica"})
    assert package["GRID_COUNT"] == 6


def test_case_report_and_actions_on_a_read_only_store_change_nothing(frozen):
    """Reporting and accepting a case are refused (a StoreError the dock shows) and leave the
    store as it was; the case is still at the version the user saw."""
    _connection, dsn, case, before = frozen
    conn = db.connect(dsn)
    try:
        with pytest.raises(db.StoreError, match="read-only"):
            report_case(conn, "监督员上报", "event", "0102", "暴露垃圾", 150, 150)
        with pytest.raises(db.StoreError, match="read-only"):
            act(conn, case.id, "accept", "operator", case.version)
        assert fingerprint(conn) == before
    finally:
        conn.close()


def test_case_actions_on_a_read_only_store_say_the_store_is_read_only(frozen):
    _connection, dsn, case, _before = frozen
    conn = db.connect(dsn)
    try:
        with pytest.raises(db.StoreError, match=r"^the store is read-only \(.*\): nothing was changed$"):
            act(conn, case.id, "accept", "operator", case.version)
    finally:
        conn.close()
