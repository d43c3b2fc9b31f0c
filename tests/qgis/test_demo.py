"""The main job end to end: store, sample district, departments, a project that reopens."""
from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))


def test_demo_pipeline_writes_a_project_that_opens(provider, cluster, fresh_db, tmp_path):
    try:
        run_and_check_demo(cluster, fresh_db, tmp_path)
    finally:  # the city platform's store beside the demo's (dropping it drops its subscription)
        cluster.drop_database(f"{fresh_db}_city")


def run_and_check_demo(cluster, fresh_db, tmp_path):
    import demo
    from qgis.core import QgsProject

    # every step of the main job; 120 days of cases instead of the demo's year keep the suite quick
    result = demo.run(dbname=fresh_db, out=tmp_path, quiet=True, days=120)
    project_file = Path(result["project"])
    assert project_file.exists() and project_file.suffix == ".qgz"
    counts = result["store"]["counts"]
    assert counts["districts"] == 1 and 2 <= counts["streets"] <= 3 and 10 <= counts["communities"] <= 20
    assert counts["departments"] == 16
    # reopen as a user would; every layer valid and non-empty; no password in the project
    from qgis.gui import QgsMapCanvas

    project = QgsProject.instance()
    canvas = QgsMapCanvas()  # a map window, as QGIS desktop has: it reads its extent from the project
    canvas.resize(1000, 800)
    assert project.read(str(project_file))
    try:
        layers = list(project.mapLayers().values())
        from citygrid_plugin.connections import StoreTarget
        from citygrid_plugin.layers import STORE_LAYERS, TABLE_PROPERTY, add_store_layers

        # the store layers (3 lookup tables) + road centrelines + the two hot spot analyses
        assert len(layers) == len(STORE_LAYERS) + 3
        assert all(layer.isValid() and layer.featureCount() > 0 for layer in layers)
        assert all("password" not in layer.source() for layer in layers)
        check_opens_on_the_district(project, canvas)
        check_edited_layers_above_the_analyses(project)
        # “Add store layers” on the demo project: every layer is found, none added
        again = add_store_layers(project, StoreTarget("private", fresh_db))
        assert again.added == [] and len(again.found) == len(STORE_LAYERS)
        assert len(project.mapLayers()) == len(STORE_LAYERS) + 3
        assert {layer.customProperty(TABLE_PROPERTY) for layer in again} == {s.table for s in STORE_LAYERS}
    finally:
        project.clear()
        canvas.deleteLater()
    figures = result["grid_figures"]
    assert figures["COUNT"] > 500 and figures["SHARE_WITHIN_BOUNDS"] > 0.9
    # issue 20: the sample's road classes and buildings are used: no grid straddles a 主干路, no strips
    assert figures["STRADDLING_MAJOR"] == 0 and figures["CORRIDOR_STRIPS"] == 0
    assert 0 <= figures["BUILDINGS_CROSSED"] < figures["COUNT"]
    assert result["grid_check"]["passed"] and Path(result["overview"]).stat().st_size > 10_000
    maps = result["hotspots"]["maps"].values()
    assert result["hotspots"]["hot"] > 0 and all(Path(p).stat().st_size > 50_000 for p in maps)
    assert Path(result["report"]["report"]).stat().st_size > 100_000 and result["report"]["report_pages"] > 10
    assert result["report"]["atlas_pages"] == counts["streets"]
    intake = result["intake"]  # issue 15: reports through the dialog's functions, a duplicate attached, a work form
    assert len(intake["cases"]) == 2 and intake["photos"] == 5 and intake["duplicates"] >= 1
    assert intake["reported_by"] == "demo_operator_01"   # the login that took the call, not the demo's owner
    assert Path(intake["workform"]).stat().st_size > 20_000
    # issue 16: the manual from the sample workbook, printed; the first call registered under a situation
    manual = result["manual"]
    assert manual["version"] >= 2 and manual["changes"] > 20 and manual["pages"] > 3
    assert (intake["variant"], intake["department"]) == ("5吨以上", "HW")
    assert len(intake["responsibility"]) == 6 and sum(intake["responsibility"].values()) == figures["COUNT"]
    # issue 17: the handheld's day — a package built, edited as QField would, synced in the supervisor's name
    day = result["patrol"]
    assert day["fresh"] and (day["filed"], day["verdicts"], day["tracks"], day["conflicts"]) == (2, 1, 1, 0)
    assert "coverage today:" in day["summary"]
    # issue 19: the last 90 days as an Open311 GeoReport requests file, public fields only
    georeport = json.loads(Path(result["open311"]["file"]).read_text(encoding="utf-8"))
    assert len(georeport) == result["open311"]["requests"] > 0
    assert {"service_request_id", "status", "service_code", "lat", "long", "requested_datetime"} <= set(georeport[0])
    assert not any("phone" in key or "reporter" in key for key in georeport[0])
    # issue 19: the sample district linked to a city platform; a 12345 hand-over taken as a 市级转办 case
    city = result["platform"]
    assert city["cases_at_city"] == counts["cases"] and city["open_at_city"] > 0
    assert city["handover_status"] == "accepted" and city["handover_case"]
    assert [d["code"] for d in city["districts"]] == ["510104"]
    run_readme_command_lines(fresh_db, result["report"]["month"], tmp_path)
    # a second run is an upgrade no-op and keeps every grid code, not a duplicate
    again = demo.run(dbname=fresh_db, out=tmp_path, quiet=True, days=120)
    assert again["store"]["counts"] == counts
    assert again["intake"]["known"] and again["intake"]["cases"][0] == intake["cases"][0]
    assert (again["manual"]["version"], again["manual"]["changes"]) == (manual["version"], 0)
    assert not again["patrol"]["fresh"] and (again["patrol"]["filed"], again["patrol"]["tracks"]) == (0, 0)
    # the link found healthy and the hand-over's work-order number known: the same case, nothing added
    assert again["platform"]["handover_case"] == city["handover_case"]
    assert again["platform"]["cases_at_city"] == again["store"]["counts"]["cases"]
    n = int(figures["COUNT"])
    assert result["grid_coding"] == {"new": n, "kept": 0, "retired": 0}
    assert again["grid_coding"] == {"new": 0, "kept": n, "retired": 0}
    census = result["census"]
    assert census["imported"] > 15000 and census["rejected"] >= 100 and census["passed"]
    # the same census again: every row is held back as a suspected duplicate or rejected again
    assert again["census"]["imported"] == 0
    assert again["census"]["duplicates"] == census["imported"] + census["duplicates"]


def check_opens_on_the_district(project, canvas) -> None:
    """Issue 13, item 6: the project opened on a blank map at 1:1; it now opens on the whole
    district, from its default view and from the map canvas's saved extent."""
    district = next(layer for layer in project.mapLayers().values()
                    if layer.customProperty("citygrid/table") == "district")
    whole = district.extent()
    view = project.viewSettings().defaultViewExtent()
    assert not view.isEmpty() and view.crs().authid() == "EPSG:4544"
    assert view.contains(whole) and view.area() < 1.5 * whole.area()
    shown = canvas.extent()
    assert shown.contains(whole) and shown.width() < 2 * whole.width() and shown.height() < 2 * whole.height()
    assert 5_000 < canvas.scale() < 100_000  # the whole district on a 1000 px map, not 1:1


def check_edited_layers_above_the_analyses(project) -> None:
    """Issue 13, item 7: the Gi* and emerging hot spot layers (opaque fills) sat above the unit
    grids and the components, so a split, a merge or a selection seemed to do nothing; what
    people edit is drawn above the analyses now, and the analyses above the base map."""
    root = project.layerTreeRoot()
    assert not root.hasCustomLayerOrder()
    assert [group.name() for group in root.children()] == ["CityGrid 数据库", "热点分析（示例）", "底图（示例）"]
    order = [layer.customProperty("citygrid/table") or layer.name() for layer in root.layerOrder()]
    analyses = [order.index(name) for name in order if name.startswith(("热点", "时空热点"))]
    assert len(analyses) == 2
    for edited in ("component", "grid", "case_queue", "street", "district"):
        assert order.index(edited) < min(analyses), (edited, order)
    for context in ("community", "basemap_polygon", "basemap_line", "道路中心线"):
        assert order.index(context) > max(analyses), (context, order)


def readme_command_lines() -> list[str]:
    """The `./citygrid process …` examples of the README's code blocks."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    return [line.strip() for block in blocks for line in block.replace("\\\n", " ").splitlines()
            if line.strip().startswith("./citygrid process")]


def run_readme_command_lines(dbname: str, month: str, tmp_path: Path) -> None:
    """Every `./citygrid process` example of the README, typed into a fresh shell (no PYTHONPATH,
    QGIS_PLUGINPATH, PGSERVICEFILE or display), against the demo store just built: the README's
    service name `citygrid_citygrid` is the demo's database, here `citygrid_<dbname>`."""
    lines = readme_command_lines()
    assert lines, "the README shows no ./citygrid process example"
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8"}
    for line in lines:
        args = shlex.split(line.replace("citygrid_citygrid", f"citygrid_{dbname}"))
        args = [re.sub(r"^MONTH=.*", f"MONTH={month}", a) for a in args]
        args = [f"OUTPUT={tmp_path / Path(a.split('=', 1)[1]).name}" if a.startswith("OUTPUT=") else a for a in args]
        done = subprocess.run([str(ROOT / "citygrid"), *args[1:]], capture_output=True, text=True, env=env,
                              cwd=tmp_path, timeout=300)
        assert done.returncode == 0, (line, done.stdout[-1500:], done.stderr[-1500:])
        for a in args:
            if a.startswith("OUTPUT="):
                assert Path(a.split("=", 1)[1]).stat().st_size > 10_000, line
