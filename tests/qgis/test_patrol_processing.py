"""The patrol's batch algorithms through processing.run (issue 17): citygrid:importroster reads the
grid roster (一格六员) from a GBK CSV file, all or nothing, every problem named with its row and
column; a login without the admin role is refused by the store; citygrid:patrolcoverage writes the
day's coverage table and the supervisors' evaluation to a workbook and the grids by status to a
layer, with the figures worked out by hand in tests/db/test_coverage.py."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import processing
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsVectorLayer

from citygrid_plugin.core.casefilter import centre_today
from citygrid_plugin.store import admin
from tests.helpers.coverage import G, patrol_people, walk

ROSTER = ("网格,职责,姓名,电话,说明\n"
          f"{G[1]},领导员,钱书记,028-8888 0000,街道办\n"
          f"{G[1]},城管,赵城管,138 0000 1111,\n"
          f"{G[2]},志愿员,周志愿,,周末\n")


@pytest.fixture
def people(provider, cluster, store_dsn, conn_factory):
    with patrol_people(cluster, store_dsn, conn_factory, qgis=True) as found:
        yield found


def csv(tmp_path: Path, text: str, encoding: str = "gbk") -> str:
    path = tmp_path / "roster.csv"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return str(path)


def run(alg: str, target, **params) -> dict:
    return processing.run(f"citygrid:{alg}", {"CONNECTION": target.name, **params})


def test_importroster_all_or_nothing(people, tmp_path):
    owner, _connect, _names, targets = people
    result = run("importroster", targets["admin"], INPUT=csv(tmp_path, ROSTER), DRY_RUN=True)
    assert (result["CHANGES"], result["APPLIED"]) == (3, 0) and admin.roster(owner) == []
    result = run("importroster", targets["admin"], INPUT=csv(tmp_path, ROSTER))
    assert (result["CHANGES"], result["APPLIED"]) == (3, 1)
    assert [(r["grid_code"], r["duty"], r["name"], r["phone"]) for r in admin.roster(owner)] == [
        (G[1], "领导员", "钱书记", "028-8888 0000"), (G[1], "城管员", "赵城管", "138 0000 1111"),
        (G[2], "志愿员", "周志愿", None)]
    assert run("importroster", targets["admin"], INPUT=csv(tmp_path, ROSTER))["CHANGES"] == 0

    bad = ("网格,职责,姓名,电话\n"
           f"{G[3]},巡查员,孙巡查,13900000000\n"
           "5.10104E+14,城管员,吴,\n"
           f"{G[3]},厨师,郑,\n"
           f"{G[3]},社区员,,\n"
           f"{G[3]},巡查员,孙巡查,call me\n")
    with pytest.raises(QgsProcessingException) as caught:
        run("importroster", targets["admin"], INPUT=csv(tmp_path, bad), MODE=1)
    text = str(caught.value)
    assert "4 problem(s), so nothing was changed" in text
    assert "roster.csv row 3, column 网格 “5.10104E+14”: a unit grid code has 15 digits (Excel shows" in text
    assert "roster.csv row 4, column 职责 “厨师”: the duty is one of 领导员、城管员、环卫员、社区员、巡查员、" \
           "志愿员" in text
    assert "roster.csv row 5, column 姓名 (empty): give the person's name" in text
    assert "roster.csv row 6, column 电话 “call me”" in text
    assert len(admin.roster(owner)) == 3

    # replace: the file becomes the whole roster
    result = run("importroster", targets["admin"], INPUT=csv(tmp_path, "grid,duty,name\n" f"{G[3]},巡查员,孙巡查\n",
                                                             "utf-8"), MODE=1)
    assert result["CHANGES"] == 4 and [r["name"] for r in admin.roster(owner)] == ["孙巡查"]

    with pytest.raises(QgsProcessingException, match="only an administrator"):
        run("importroster", targets["leader"], INPUT=csv(tmp_path, ROSTER))
    assert [r["name"] for r in admin.roster(owner)] == ["孙巡查"]


def test_patrolcoverage_writes_the_table_and_the_layer(people, tmp_path):
    _owner, connect, names, targets = people
    day = centre_today() - timedelta(days=1)
    walk(connect("zhang"), names["zhang"], day)
    out = tmp_path / "coverage.xlsx"
    layer_path = tmp_path / "grids.gpkg"
    result = run("patrolcoverage", targets["leader"], DAY=day.isoformat(), END_DAY=centre_today().isoformat(),
                 OUTPUT=str(out), GRIDS=str(layer_path))
    assert result["SUPERVISORS"] == 2 and result["COVERAGE"] == pytest.approx(75.0)
    ds = ogr.Open(str(out))
    sheets = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    assert sheets == ["Patrol coverage", "Supervisors' evaluation"]
    rows = [[f.GetField(i) for i in range(f.GetFieldCount())] for f in ds.GetLayer(0)]
    zhang = next(r for r in rows if r[2] == names["zhang"] and r[0] == f"{day:%Y-%m-%d}")
    assert zhang[3:7] == [4, 3, 75.0, G[3]] and zhang[11:13] == [2, 31.7]
    assert len(rows) == 4, "two supervisors, two days"
    evaluation = {f.GetField(1): f.GetField(f.GetFieldCount() - 1) for f in ds.GetLayer(1)}
    assert evaluation[names["zhang"]] == 75.0 and evaluation[names["li"]] is None
    ds = None
    layer = QgsVectorLayer(result["GRIDS"], "grids", "ogr")
    statuses = {(f["day"], f["code"]): f["status"] for f in layer.getFeatures()}
    assert statuses[(f"{day:%Y-%m-%d}", G[3])] == "missed" and statuses[(f"{day:%Y-%m-%d}", G[1])] == "visited"
    assert statuses[(f"{centre_today():%Y-%m-%d}", G[1])] == "missed"
    assert len(statuses) == 12

    with pytest.raises(QgsProcessingException, match="before the first"):
        run("patrolcoverage", targets["leader"], DAY=day.isoformat(), END_DAY=(day - timedelta(days=2)).isoformat(),
            OUTPUT=str(out))
