#!/usr/bin/env python3
"""The main job (`make demo`): the sample district end to end, against the private PostGIS.

Steps (later capabilities add theirs to run()):
  1. start the private cluster and create the database (``citygrid`` by default);
  2. create or upgrade the store and load the standard class tables (citygrid:createstore);
  3. import the sample district's divisions (citygrid:importdivisions), the departments from a
     GBK-encoded CSV (citygrid:importdepartments) and the 1:500 base map from a DXF drawing
     (citygrid:importdxf);
  4. partition the communities into unit grids along the roads (citygrid:partitiongrids), code
     them in the store (citygrid:codegrids) and validate them (citygrid:validategrids);
  5. generate a synthetic census, import it (citygrid:importcomponents) and validate it;
  6. set up the store roles (citygrid:setuproles) and run a year of cases (365 days up to
     yesterday) through the store's workflow functions, acted by demo staff logins
     (data_samples/generate_cases.py);
  6b. case intake as the desk does it (issue 15): an operator takes a 12345 hotline call with
     two photos, a supervisor reports a damaged component he picked on the map (its owner
     department first), and a second call about the first problem is attached to its case as an
     additional report (store.intake, the functions the report dialog uses); the first case's
     work form (派遣单) is printed with citygrid:workform (output/demo/workform.pdf);
  7. hot spots of the last 90 days (citygrid:hotspots) and emerging hot spots of the year in
     four-week slices (citygrid:emerginghotspots), each with a PNG map (output/demo/hotspots/);
  8. the monthly evaluation report of the last complete month (citygrid:monthlyreport) and the
     atlas of its cases per unit grid, one page per street (citygrid:streetatlas), the review of
     the last complete quarter (citygrid:quarterreport) and the annual report of the year so far
     (citygrid:annualreport), as PDFs in output/demo/report/; the month's public page
     (citygrid:publishmonth) in output/demo/public/;
  8b. the city platform (issue 19): a second store, the city's (database <dbname>_city), made the
     city platform; the sample district's store made a district platform and linked to it by
     logical replication (citygrid:linkdistrict); the city hands a 12345 complaint to the district
     (citygrid:handovercase), which takes it as a case with source 市级转办; the city's queue across
     districts and its evaluation of the last complete month ranking the districts;
  9. write a QGIS project (output/demo/citygrid_demo.qgz) with the store layers, the analyses
     and the base map, styled; reopen it, check every layer opens, render output/demo/overview.png;
 10. print a summary: counts per layer, figures, and where the outputs are.

Every step goes through the same Processing algorithms a user runs from the toolbox. The
store is addressed by a pg_service entry written to .citygrid/pg_service.conf (the same path a
city uses for its shared server); the project's layers connect over the cluster's Unix socket,
as the account running the demo (peer authentication, no password).

Usage: scripts/demo.py [--dbname citygrid] [--out output/demo]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from citygrid_plugin.store.cluster import PrivateCluster, default_home  # noqa: E402

SAMPLE = ROOT / "data_samples" / "sample_district.gpkg"
DEPARTMENTS = ROOT / "data_samples" / "departments_gbk.csv"
BASEMAP_DXF = ROOT / "data_samples" / "basemap_sample.dxf"
MANUAL_XLSX = ROOT / "data_samples" / "manual_sample.xlsx"
BASEMAP_LAYERS = [  # (gpkg layer, style, title); buildings and road surfaces come from the DXF base map
    ("roads", "roads", "道路中心线"),
]
# the steps run() announces as "[n/N]", in order (a new step adds its name here)
STEPS = ("cluster", "store", "divisions", "grids", "census", "manual", "cases", "intake", "patrol", "hotspots",
         "report", "platform", "project")


def step(name: str) -> str:
    """"[n/N]" of the step *name* of :data:`STEPS`."""
    return f"[{STEPS.index(name) + 1}/{len(STEPS)}]"


def write_service_file(cluster: PrivateCluster, service: str, dbname: str) -> Path:
    """A pg_service.conf for the private cluster, pointed to by PGSERVICEFILE."""
    path = default_home() / "pg_service.conf"
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = {}
    if path.exists():
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("["):
                current = line.strip("[] ")
                entries[current] = []
            elif current and line.strip():
                entries[current].append(line)
    entries[service] = [f"host={cluster.sockdir}", f"port={cluster.port}", f"user={cluster.user}",
                        f"dbname={dbname}"]
    path.write_text("".join(f"[{k}]\n" + "\n".join(v) + "\n\n" for k, v in entries.items()), encoding="utf-8")
    os.environ["PGSERVICEFILE"] = str(path)
    return path


def run(dbname: str = "citygrid", out: Path = ROOT / "output" / "demo", quiet: bool = False,
        days: int = 365) -> dict:
    """The main job (see the module docstring); *days* of cases (the test suite runs fewer)."""
    t0 = time.monotonic()
    say = (lambda *a: None) if quiet else (lambda *a: print(f"{a[0]}  ({time.monotonic() - t0:.1f} s)", flush=True))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    cluster = PrivateCluster.default()
    started = cluster.up()
    cluster.ensure_database(dbname)
    service = f"citygrid_{dbname}"
    write_service_file(cluster, service, dbname)
    say(f"{step('cluster')} private PostGIS {'started' if started else 'running'} on port {cluster.port}, "
        f"database {dbname}")

    from citygrid_plugin.standalone import start_qgis

    start_qgis()
    import processing
    from qgis.core import QgsProcessingFeedback, QgsProject

    from citygrid_plugin.connections import StoreTarget
    from citygrid_plugin.store import db, summary

    feedback = QgsProcessingFeedback()
    store = {"SERVICE": service}
    res = processing.run("citygrid:createstore", {**store, "CRS": "EPSG:4544"}, feedback=feedback)
    say(f"{step('store')} store version {int(res['VERSION'])}, EPSG:{int(res['SRID'])}, "
        f"{int(res['APPLIED'])} migrations applied now")

    gpkg = out / SAMPLE.name
    shutil.copyfile(SAMPLE, gpkg)
    processing.run("citygrid:importdivisions", {
        **store, "DISTRICT_CODE": "510104", "DISTRICT_NAME": _district_name(gpkg),
        "DISTRICT": f"{gpkg}|layername=district",
        "STREETS": f"{gpkg}|layername=streets", "STREET_CODE": "street_code", "STREET_NAME": "name",
        "COMMUNITIES": f"{gpkg}|layername=communities", "COMMUNITY_STREET": "street_code",
        "COMMUNITY_CODE": "community_code", "COMMUNITY_NAME": "name",
    }, feedback=feedback)
    dep = processing.run("citygrid:importdepartments", {**store, "INPUT": str(DEPARTMENTS), "ENCODING": 0},
                         feedback=feedback)
    bm = processing.run("citygrid:importdxf", {**store, "INPUT": str(BASEMAP_DXF), "SOURCE_CRS": "EPSG:4544"},
                        feedback=feedback)
    say(f"{step('divisions')} sample district, departments and 1:500 base map loaded "
        f"({int(dep['INSERTED'])} new departments; base map {int(bm['POLYGONS'])} areas, {int(bm['LINES'])} lines, "
        f"{int(bm['TEXTS'])} annotations)")

    # Unit grids: partition the communities along the roads, code them in the store, validate.
    service_target = StoreTarget("service", service)
    communities_uri = _store_uri(service_target, "community", "boundary", "full_code")
    part = processing.run("citygrid:partitiongrids", {
        "BARRIERS": [f"{gpkg}|layername=roads"], "BARRIER_CLASS": '"road_class"',
        "OBSTACLES": [f"{gpkg}|layername=buildings"], "COMMUNITIES": communities_uri,
        "COMMUNITY_KEY": '"full_code"', "TARGET_AREA": 10000, "WORKERS": 0, "OUTPUT": "memory:grids"},
        feedback=feedback)
    coded = processing.run("citygrid:codegrids", {**store, "INPUT": part["OUTPUT"], "COMMUNITY_KEY": '"community"'},
                           feedback=feedback)
    grid_uri = _store_uri(service_target, "grid", "geom", "id", '"retired_at" IS NULL')
    problems_path = out / "grid_problems.gpkg"
    check = processing.run("citygrid:validategrids", {
        "INPUT": grid_uri, "COMMUNITIES": communities_uri, "OUTPUT": str(problems_path)}, feedback=feedback)
    grid_figures = {k: part[k] for k in ("COUNT", "AREA_MEDIAN", "AREA_P5", "AREA_P95", "SHARE_WITHIN_BOUNDS",
                                         "POLSBY_POPPER_MEDIAN", "BOUNDARY_ADHERENCE", "STRADDLING_MAJOR",
                                         "CORRIDOR_STRIPS", "BUILDINGS_CROSSED", "SHARE_BARRIER_BOUNDED")}
    say(f"{step('grids')} unit grids along the road classes (主干路/次干路/支路/街巷) and between the buildings: "
        f"{int(part['STRADDLING_MAJOR'])} straddling a major road, {int(part['CORRIDOR_STRIPS'])} corridor strips, "
        f"{int(part['BUILDINGS_CROSSED'])} buildings crossed by cuts, "
        f"{part['SHARE_BARRIER_BOUNDED']:.0%} bounded only by roads")
    say(f"{step('grids')} unit grids: {int(part['COUNT'])} partitioned, {int(coded['NEW'])} new codes, "
        f"{int(coded['KEPT'])} kept, {int(coded['RETIRED'])} retired; validation "
        f"{'PASSED' if check['PASSED'] else 'FAILED'} ({int(check['ERRORS'])} errors, "
        f"{int(check['WARNINGS'])} warnings)")
    census = run_census(processing, store, out, feedback)
    say(f"{step('census')} census: {census['imported']} components imported, {census['rejected']} rejected, "
        f"{census['duplicates']} suspected duplicates held back; validation "
        f"{'PASSED' if census['passed'] else 'FAILED'} ({census['errors']} errors, {census['warnings']} warnings)")
    from citygrid_plugin.store import db as store_db

    processing.run("citygrid:setuproles", store, feedback=feedback)
    manual = run_manual(processing, store, out, feedback)
    say(f"{step('manual')} command manual {MANUAL_XLSX.name}: version {manual['version']} "
        f"({manual['changes']} changes now); {manual['rules']}; printed manual: {manual['pdf']} "
        f"({manual['pages']} pages)")
    cases = run_cases(store_db.service_dsn(service), days=days, staff=True)
    say(f"{step('cases')} cases: {cases['cases']} over {cases['days']} days "
        f"({'already there' if cases['skipped'] else 'generated through case_report/case_act'})")
    grids_of = assign_responsibility_grids(store_db.service_dsn(service))
    intake = run_intake(store_db.service_dsn(service), processing, store, out, feedback)
    intake["responsibility"] = grids_of
    if intake["known"]:
        say(f"{step('intake')} intake: the demo's calls are there already (work orders known: nothing added); "
            f"work form of {intake['cases'][0]}: {intake['workform']}")
    else:
        say(f"{step('intake')} intake: cases {', '.join(intake['cases'])} reported with {intake['photos']} photos; "
            f"{intake['duplicates']} possible duplicate(s) found, the second call attached to {intake['cases'][0]}; "
            f"{intake['cases'][0]} verified, registered as 情形 {intake['variant']} and dispatched to "
            f"{intake['department']} (handling deadline {intake['handle_deadline']}); work form: {intake['workform']}")
    patrol_day = run_patrol(store_db.service_dsn(service), processing, store, out, feedback)
    say(f"{step('patrol')} patrol: {patrol_day['summary']}")
    hot = run_hotspots(processing, store, out, feedback)
    say(f"{step('hotspots')} hot spots: {hot['hot']} hot and {hot['cold']} cold spot grids in the last 90 days; "
        f"emerging patterns over {hot['slices']} four-week slices: "
        + ", ".join(f"{k} {v}" for k, v in hot["patterns"].items()))
    report = run_report(processing, store, out, feedback)
    say(f"{step('report')} monthly report {report['month']}: {report['report']} ({report['report_pages']} pages, "
        f"{report['report_seconds']:.1f} s); atlas: {report['atlas']} ({report['atlas_pages']} streets, "
        f"{report['atlas_seconds']:.1f} s); quarterly review {report['quarter']} ({report['review_pages']} pages), "
        f"annual report {report['year']} ({report['annual_pages']} pages), public page {report['public']}")

    # Open311 GeoReport v2 (issue 19): the last 90 days as a 12345 platform or a public app reads them
    open311_dir = out / "open311"
    open311_dir.mkdir(parents=True, exist_ok=True)
    georeport = processing.run("citygrid:exportopen311", {
        **store, "DAYS": 90, "OUTPUT": str(open311_dir / "requests.json"),
        "SERVICES": str(open311_dir / "services.json")}, feedback=feedback)
    say(f"{step('report')} Open311 GeoReport v2: {int(georeport['REQUESTS'])} requests of the last 90 days in "
        f"{georeport['OUTPUT']} (public fields only), services in {georeport['SERVICES']}; "
        f"serve them live with ./citygrid serve open311")

    city = run_platform(cluster, dbname, processing, store, feedback)
    say(f"{step('platform')} city platform {city['city_db']}: district {city['district']} linked by logical "
        f"replication ({city['cases_at_city']} cases at the city, {city['open_at_city']} open); 12345 hand-over "
        f"{city['reference']} {city['handover_status']} by the district as case {city['handover_case']} "
        f"(source 市级转办); the city's evaluation of {city['month']} ranks {len(city['districts'])} district(s): "
        + ", ".join(f"{d['name']} {d['on_time_handling_rate']}" for d in city["districts"]))

    project_path = out / "citygrid_demo.qgz"
    write_project(project_path, dbname, gpkg, hot)

    # Reopen the written project, as a user would, and count what each layer shows.
    reopened = QgsProject.instance()
    if not reopened.read(str(project_path)):
        raise SystemExit(f"demo: the written project does not open: {reopened.error()}")
    layer_counts = {lyr.name(): (lyr.featureCount() if lyr.isValid() else None)
                    for lyr in reopened.mapLayers().values()}
    overview = render_overview(reopened, out / "overview.png")
    reopened.clear()
    say(f"{step('project')} project written and reopened: {project_path}")

    conn = db.connect(db.service_dsn(service))
    try:
        info = summary.describe_store(conn)
    finally:
        conn.close()
    result = {"store": info, "layers": layer_counts, "census": census, "cases": cases, "intake": intake,
              "manual": manual, "patrol": patrol_day,
              "hotspots": hot,
              "report": report, "project": str(project_path),
              "open311": {"requests": int(georeport["REQUESTS"]), "file": georeport["OUTPUT"]},
              "platform": city,
              "overview": str(overview),
              "grid_figures": grid_figures,
              "grid_coding": {"new": int(coded["NEW"]), "kept": int(coded["KEPT"]),
                              "retired": int(coded["RETIRED"])},
              "grid_check": {"passed": bool(check["PASSED"]), "errors": int(check["ERRORS"]),
                             "warnings": int(check["WARNINGS"]), "problems": str(problems_path)},
              "seconds": time.monotonic() - t0}
    if not quiet:
        print_summary(result, cluster, dbname)
    return result


STORE_GROUP = "CityGrid 数据库"
ANALYSIS_GROUP = "热点分析（示例）"
BASEMAP_GROUP = "底图（示例）"
CONTEXT_TABLES = ("community", "basemap_text", "basemap_line", "basemap_polygon")  # filled context: under analyses


def write_project(project_path: Path, dbname: str, gpkg: Path, hot: dict) -> None:
    """Write the demo project: the store layers on top (what people edit — components, unit
    grids — the live cases and the street and district outlines), then the analyses (Gi* hot
    spots, emerging hot spots: opaque fills that would hide a split, a merge or a selection if
    they were above the grids), then the base map (the communities' tinted areas, the store's
    1:500 CAD layers and the road centrelines: above the analyses they would wash them out).
    The project opens on the whole district: its extent is saved as the default view and as
    the map canvas's extent (a project without one opens on a blank map at 1:1)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsReferencedRectangle, QgsVectorLayer

    from citygrid_plugin.connections import StoreTarget
    from citygrid_plugin.layers import TABLE_PROPERTY, add_store_layers, apply_style

    project = QgsProject.instance()
    project.clear()
    project.setTitle("CityGrid 示例区 / CityGrid sample district")
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4544"))
    store_layers = add_store_layers(project, StoreTarget("private", dbname), STORE_GROUP)
    bad = [layer.name() for layer in store_layers if not layer.isValid()]
    if bad:
        raise SystemExit(f"demo: store layers did not open: {', '.join(bad)}")
    root = project.layerTreeRoot()
    store_group = root.findGroup(STORE_GROUP)
    analysis_group = root.insertGroup(root.children().index(store_group) + 1, ANALYSIS_GROUP)
    base = root.addGroup(BASEMAP_GROUP)
    for layer in store_layers:  # filled context goes below the analyses
        if layer.isValid() and layer.customProperty(TABLE_PROPERTY) in CONTEXT_TABLES:
            node = root.findLayer(layer.id())
            base.addChildNode(node.clone())
            node.parent().removeChildNode(node)
    for layer_name, style, title in BASEMAP_LAYERS:
        layer = QgsVectorLayer(f"{gpkg}|layername={layer_name}", title, "ogr")
        apply_style(layer, style)
        project.addMapLayer(layer, False)
        base.insertLayer(max(0, len(base.children()) - 1), layer)  # above the base map's areas
    for path, style, title in ((hot["hotspots"], "hotspots", "热点（近 90 天，Gi*）"),
                               (hot["emerging"], "emerging_hotspots", "时空热点模式（近一年，每 4 周）")):
        layer = QgsVectorLayer(path, title, "ogr")
        apply_style(layer, style)
        project.addMapLayer(layer, False)
        analysis_group.addLayer(layer).setItemVisibilityChecked(style == "hotspots")
    extent = district_extent(store_layers)
    if extent is not None:
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, project.crs()))

    def canvas_extent(doc) -> None:
        if extent is not None:
            write_canvas_extent(doc, project.crs(), extent)

    project.writeProject.connect(canvas_extent)
    try:
        if not project.write(str(project_path)):
            raise SystemExit(f"demo: could not write {project_path}: {project.error()}")
    finally:
        project.writeProject.disconnect(canvas_extent)
    project.clear()


def district_extent(layers):
    """The extent of the district layer among *layers*, with a 5 % margin (None without one)."""
    for layer in layers:
        if layer.isValid() and layer.customProperty("citygrid/table") == "district" and not layer.extent().isEmpty():
            extent = layer.extent()
            extent.scale(1.05)
            return extent
    return None


def write_canvas_extent(doc, crs, extent) -> None:
    """What QGIS desktop writes for its map canvas (``<mapcanvas name="theMapCanvas">`` with the
    map settings), written here without a canvas: QGIS reads it when the project opens."""
    from qgis.core import QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    settings = QgsMapSettings()
    settings.setDestinationCrs(crs)
    settings.setOutputSize(QSize(1600, 1000))
    settings.setExtent(extent)
    qgis = doc.documentElement()
    for old in [qgis.childNodes().item(i) for i in range(qgis.childNodes().count())]:
        if old.nodeName() == "mapcanvas":
            qgis.removeChild(old)
    node = doc.createElement("mapcanvas")
    node.setAttribute("name", "theMapCanvas")
    node.setAttribute("annotationsVisible", "1")
    qgis.appendChild(node)
    settings.writeXml(node, doc)


def run_census(processing, store: dict, out: Path, feedback) -> dict:
    """Generate the synthetic census (data_samples/generate_census.py) and import it as a city
    would: points from a GBK CSV with Chinese class and department names, lines and polygons
    from a GeoPackage; then validate it and report the census progress."""
    sys.path.insert(0, str(ROOT / "data_samples"))
    import generate_census

    folder = out / "census"
    generate_census.generate(SAMPLE, folder)
    points = processing.run("citygrid:importcomponents", {
        **store, "CSV": str(folder / "census_points_gbk.csv"), "ENCODING": 0,
        "REJECTED": str(folder / "rejected_points.gpkg"), "DUPLICATES": str(folder / "duplicates_points.gpkg")},
        feedback=feedback)
    totals = {"imported": points["IMPORTED"], "rejected": points["REJECTED_COUNT"],
              "duplicates": points["DUPLICATE_COUNT"]}
    for layer in ("lines", "polygons"):
        res = processing.run("citygrid:importcomponents", {
            **store, "INPUT": f"{folder / 'census_shapes.gpkg'}|layername={layer}",
            "REJECTED": str(folder / f"rejected_{layer}.gpkg")}, feedback=feedback)
        totals["imported"] += res["IMPORTED"]
        totals["rejected"] += res["REJECTED_COUNT"]
        totals["duplicates"] += res["DUPLICATE_COUNT"]
    check = processing.run("citygrid:validatecomponents", {**store, "OUTPUT": str(folder / "problems.gpkg")},
                           feedback=feedback)
    progress = processing.run("citygrid:censusprogress", {**store, "OUTPUT": str(folder / "coverage.gpkg")},
                              feedback=feedback)
    return {**{k: int(v) for k, v in totals.items()}, "passed": bool(check["PASSED"]),
            "errors": int(check["ERRORS"]), "warnings": int(check["WARNINGS"]),
            "grids": int(progress["GRIDS"]), "grids_with_components": int(progress["WITH_COMPONENTS"]),
            "folder": str(folder)}


def run_manual(processing, store: dict, out: Path, feedback) -> dict:
    """The city's rules as its administrators keep them (issue 16): the command manual from the
    sample workbook (its two examples: 暴露垃圾 with the situations 5吨以下 / 5吨以上, 上水井盖 with
    施工条件受限), then the printed manual for the command centre's desk. A second run changes
    nothing (the store makes a new version only when something differs)."""
    res = processing.run("citygrid:importmanual", {**store, "INPUT": str(MANUAL_XLSX),
                                                   "NOTE": "示例：data_samples/manual_sample.xlsx"}, feedback=feedback)
    extra = run_admin_samples(processing, store, feedback)
    pdf = out / "manual.pdf"
    printed = processing.run("citygrid:printmanual", {**store, "OUTPUT": str(pdf)}, feedback=feedback)
    return {"version": int(res["VERSION"]), "changes": int(res["CHANGES"]), "pdf": str(pdf),
            "pages": int(printed["PAGES"]), "rules": extra}


def run_admin_samples(processing, store: dict, feedback) -> str:
    """The sample's routing rules (先属地), the 2026 working calendar with its 调休 weekends, the
    streets' territories and the score weights with the satisfaction rate (满意率, 10 points),
    through the administrators' batch algorithms (merge: the rules the case generator adds later
    stay); what each changed now."""
    data = ROOT / "data_samples"
    counts = []
    for alg, name, extra in (("importterritories", "territories_sample.csv", {}),
                             ("importrouting", "routing_sample.csv", {}),
                             ("importcalendar", "calendar_2026.csv", {"YEAR": 2026})):
        res = processing.run(f"citygrid:{alg}", {**store, "INPUT": str(data / name), **extra}, feedback=feedback)
        counts.append(f"{name} {int(res['CHANGES'])} changes")
    # the external evaluation (回访满意率) weighs 10 of the composite score's 100 points
    res = processing.run("citygrid:setweights", {**store, "WEIGHTS": "处置率=30, 按期处置率=20, 返工率=15, "
                                                                      "超期待处置率=15, 延期率=10, 满意率=10"},
                         feedback=feedback)
    counts.append(f"weights {int(res['CHANGES'])} changes")
    return ", ".join(counts)


def run_cases(conn_or_dsn, days: int = 365, scale: float = 1.0, staff: bool = False) -> dict:
    """Cases (data_samples/generate_cases.py) for the last *days* days, run through the store's
    workflow functions (case_report / case_act with past timestamps): about 45 a day, ending
    yesterday 10:30; a re-run finds them there and generates nothing. With *staff*, demo staff
    logins act (the store roles must be set up: citygrid:setuproles)."""
    sys.path.insert(0, str(ROOT / "data_samples"))
    import datetime

    import generate_cases

    start = datetime.date.today() - datetime.timedelta(days=days)
    return generate_cases.generate(conn_or_dsn, year_start=start, days=days, scale=scale, staff=staff)


def demo_photo(colour: tuple[int, int, int], label: str, when, lon: float, lat: float) -> bytes:
    """A small generated JPEG (a coloured scene with a caption) carrying EXIF time and position,
    as a handheld's photo would."""
    import io

    from PIL import Image, ImageDraw

    from citygrid_plugin.core.exif import make_exif_segment

    image = Image.new("RGB", (480, 360), (205, 214, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 250, 480, 360), fill=(120, 120, 118))              # the road
    draw.ellipse((150, 190, 330, 300), fill=colour)                         # the problem
    draw.rectangle((0, 0, 480, 28), fill=(30, 30, 30))
    draw.text((8, 8), label, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    content = out.getvalue()
    return content[:2] + make_exif_segment(when, lon, lat) + content[2:]


def assign_responsibility_grids(dsn: str) -> dict[str, int]:
    """Each demo supervisor patrols a share of the unit grids (责任网格): the grids in code order,
    cut into as many consecutive runs as there are supervisors (what an administrator sets in the
    staff tab or with citygrid:saveuser GRIDS); kept when already set. login -> number of grids."""
    from citygrid_plugin.store import admin, db

    conn = db.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT login FROM citygrid.staff WHERE login LIKE 'demo\\_supervisor\\_%' ORDER BY login")
            supervisors = [r[0] for r in cur.fetchall()]
            cur.execute("SELECT code FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL ORDER BY code")
            grids = [r[0] for r in cur.fetchall()]
        conn.rollback()
        out = {}
        for k, login in enumerate(supervisors):
            mine = admin.supervisor_grids(conn, login)
            if not mine:
                mine = grids[k * len(grids) // len(supervisors):(k + 1) * len(grids) // len(supervisors)]
                admin.set_supervisor_grids(conn, login, mine)
            out[login] = len(mine)
        return out
    finally:
        conn.close()


def run_patrol(dsn: str, processing, store: dict, out: Path, feedback) -> dict:
    """A supervisor's day on the handheld (issue 17): a patrol package for the supervisor of the
    first demo call's grid (his open verify and check tasks, his grids, the base map), edited as
    QField would leave it (data_samples/qfield_edits.py: two reports with photos under DCIM/, a
    verdict with a photo on his first task, an hour's track through his grids), synced back
    (cases, actions and the track in his name), and the day's coverage. A second run finds the
    package there, syncs it again (nothing is added) and leaves the field edits alone."""
    import datetime

    sys.path.insert(0, str(ROOT / "data_samples"))
    import qfield_edits

    from citygrid_plugin.store import db, patrol

    conn = db.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT login FROM citygrid.supervisor_grid WHERE login LIKE 'demo\\_supervisor\\_%' "
                        "ORDER BY login LIMIT 1")
            login = cur.fetchone()[0]
        conn.rollback()
        grids = patrol.responsibility(conn, login)
        with conn.cursor() as cur:   # his grids' points, for the reports and the track
            cur.execute("""SELECT code, ST_X(p), ST_Y(p), ST_X(ST_Transform(p, 4326)), ST_Y(ST_Transform(p, 4326))
                             FROM (SELECT code, ST_PointOnSurface(geom) p FROM citygrid.grid
                                    WHERE code = ANY(%s) ORDER BY code LIMIT 12) g""", (grids,))
            points = cur.fetchall()
        conn.rollback()
    finally:
        conn.close()
    root = out / "patrol"
    folder = root / login
    fresh = not (folder / "patrol.gpkg").exists()
    tasks = 0
    if fresh:
        # a 12345 call in his grid, accepted: its verification on site is his task (责任网格)
        from citygrid_plugin.store.cases import act, report_case

        conn = db.connect(dsn)
        try:
            _code, x, y, _lon, _lat = points[1]
            call = report_case(conn, "12345热线", "event", "0104", "市民反映：路面有大片油污，车辆打滑", x - 5, y + 5,
                               reporter="赵先生", reporter_phone="13912345678", external_id="DEMO-12345-0003",
                               as_user="demo_operator_01")
            if call.state == "reported":
                act(conn, call.id, "accept", "operator", call.version, as_user="demo_operator_01")
        finally:
            conn.close()
        built = processing.run("citygrid:patrolpackage", {**store, "SUPERVISORS": login, "OUTPUT": str(root)},
                               feedback=feedback)
        tasks = int(built["TASKS"])
        cst = datetime.timezone(datetime.timedelta(hours=8))
        now = datetime.datetime.now(cst).replace(microsecond=0)
        start = now - datetime.timedelta(hours=2)
        for k, (code, x, y, lon, lat) in enumerate(points[:2]):
            qfield_edits.add_report(
                folder, x + 8, y - 6, class_code=("0102", "0104")[k],
                description=("人行道上有暴露垃圾", "路面有油污，影响通行")[k],
                photos=(demo_photo((90 + 40 * k, 80, 60), f"patrol {code}", now, lon, lat),),
                observed_at=start + datetime.timedelta(minutes=20 + 15 * k), accuracy_m=3.5 + k, author=login)
        first = _first_task(folder)
        if first is not None:
            case_id, task = first
            verdict = "confirmed" if task == "verify" else "fixed"
            qfield_edits.set_verdict(folder, case_id, verdict, note="现场查看：" + ("问题属实" if task == "verify"
                                                                              else "已处置到位"),
                                     photo=demo_photo((70, 150, 70), f"{task} {case_id}", now, points[0][3],
                                                      points[0][4]))
        # an hour's walk through his grids, a fix every 5 s (QField's tracking, M in milliseconds)
        path = [(x, y) for _c, x, y, _lo, _la in points]
        track, t = [], start.timestamp()
        for (x0, y0), (x1, y1) in zip(path, path[1:]):
            steps = max(2, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / 6))   # ~1.2 m/s
            for i in range(steps):
                track.append((x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps, t))
                t += 5
        qfield_edits.add_track(folder, track, author=login)
    synced = processing.run("citygrid:patrolsync", {**store, "INPUT": str(folder)}, feedback=feedback)
    coverage = _coverage_line(dsn, login)
    filed, known = int(synced["REPORTS_FILED"]), int(synced["REPORTS_KNOWN"])
    summary = (f"package for {login} ({len(grids)} grids{f', {tasks} tasks' if fresh else ''}) "
               f"{'built, edited as QField would and ' if fresh else 'there already; '}synced: {filed} reports filed, "
               f"{known} already known, {int(synced['VERDICTS_APPLIED'])} verdicts applied, "
               f"{int(synced['CONFLICTS'])} conflicts, {int(synced['TRACKS_STORED'])} track parts stored; {coverage}")
    return {"login": login, "folder": str(folder), "fresh": fresh, "filed": filed, "known": known,
            "verdicts": int(synced["VERDICTS_APPLIED"]), "tracks": int(synced["TRACKS_STORED"]),
            "conflicts": int(synced["CONFLICTS"]), "summary": summary}


def _first_task(folder: Path):
    """(case id, task) of the package's first task, or None."""
    from osgeo import ogr

    ds = ogr.Open(str(folder / "patrol.gpkg"))
    try:
        for f in ds.GetLayerByName("tasks"):
            return f.GetField("case_id"), f.GetField("task")
    finally:
        ds = None
    return None


def _coverage_line(dsn: str, login: str) -> str:
    """The day's coverage of *login* as the command centre reads it (store.coverage)."""
    from citygrid_plugin.store import db

    conn = db.connect(dsn)
    try:
        import datetime

        from citygrid_plugin.store import coverage

        day = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
        for row in coverage.coverage(conn, day):
            if row.login == login:
                return (f"coverage today: {len(row.visited)} of his {len(row.grids)} grids visited "
                        f"({(row.share or 0):.0%}), {row.length_m / 1000:.1f} km tracked, "
                        f"{row.outside_seconds / 60:.0f} min outside his grids, {len(row.gaps)} gaps")
        return "coverage today: no track"
    finally:
        conn.close()


DEMO_VARIANT = "5吨以上"   # a situation (情形) of 暴露垃圾 in data_samples/manual_sample.xlsx


def run_intake(dsn: str, processing, store: dict, out: Path, feedback) -> dict:
    """Case intake as the desk does it (the report dialog's functions, store.intake), acted by the
    demo staff logins; idempotent through the hotline's external ids. Prints one work form."""
    import datetime

    from citygrid_plugin.store import db, intake
    from citygrid_plugin.store.photos import Photo

    conn = db.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT code FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL "
                        "ORDER BY code LIMIT 1 OFFSET 10")
            grid = cur.fetchone()[0]
            cur.execute("SELECT ST_X(p), ST_Y(p), ST_X(ST_Transform(p, 4326)), ST_Y(ST_Transform(p, 4326)) FROM "
                        "(SELECT ST_PointOnSurface(geom) p FROM citygrid.grid WHERE code = %s) g", (grid,))
            x, y, lon, lat = cur.fetchone()
        conn.rollback()
        now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).replace(microsecond=0)

        def as_login(login: str) -> None:
            """Act as a demo staff login from here on (committed: a rolled-back SET would be undone)."""
            with conn.cursor() as cur:
                cur.execute("SET SESSION AUTHORIZATION %s", (login,))
            conn.commit()

        place = intake.locate(conn, x, y)
        call = intake.NewReport(
            source="12345热线", kind="event", class_code="0102", description="小区门口垃圾堆放两天无人清运，气味大",
            x=x, y=y, address=place["address"], reporter="李女士", reporter_phone="13980001234",
            external_id="DEMO-12345-0001",
            photos=(Photo.from_bytes(demo_photo((96, 72, 40), "12345 garbage 1", now, lon, lat), "市民照片1.jpg"),
                    Photo.from_bytes(demo_photo((110, 90, 50), "12345 garbage 2", now, lon, lat), "市民照片2.jpg")))
        as_login("demo_operator_01")
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM citygrid.work_case WHERE external_id LIKE 'DEMO-%%'")
            known = cur.fetchone()[0] > 0
        conn.rollback()
        first = intake.report(conn, call)
        # a supervisor picks a component near the same place (先属主: its owner department) and reports it
        as_login("demo_supervisor_01")
        near = intake.components_near(conn, x, y, metres=150)
        cases = [first.case_no]
        photos = len(call.photos)
        if near and not known:
            part = near[0]
            found = intake.report(conn, intake.NewReport(
                source="监督员上报", kind="component", class_code=part["class_code"], component_code=part["code"],
                description=f"{part['class_name'] or '部件'}破损，需维修", x=part["x"], y=part["y"],
                address=intake.locate(conn, part["x"], part["y"])["address"],
                photos=(Photo.from_bytes(demo_photo((180, 40, 40), "component", now, lon, lat), "部件破损.jpg"),)))
            cases.append(found.case_no)
            photos += 1
        # the same problem called in again: the operator sees the duplicate and attaches the call to it
        as_login("demo_operator_01")
        again = intake.NewReport(
            source="12345热线", kind="event", class_code="0102", description="又有居民反映同一处垃圾未清运",
            x=x + 12, y=y + 5, reporter="张先生", reporter_phone="13880005678", external_id="DEMO-12345-0002",
            photos=(Photo.from_bytes(demo_photo((90, 70, 45), "12345 again", now, lon, lat), "再次反映.jpg"),))
        duplicates = intake.duplicates(conn, "event", "0102", again.x, again.y)
        if not any(d["id"] == first.id for d in duplicates):
            raise SystemExit("demo: the duplicate of the first call was not suggested")
        intake.attach_report(conn, first.id, again)
        variant = None
        if not known:
            # the first call runs on: verified on site, registered under the manual's situation 5吨以上
            # (its own, longer handling limit), dispatched by the command centre
            from citygrid_plugin.store.cases import act

            c = act(conn, first.id, "accept", "operator", first.version)
            with conn.cursor() as cur:      # the verify task is the grid's supervisor's (责任网格)
                cur.execute("SELECT assignee FROM citygrid.work_case WHERE id = %s", (c.id,))
                verifier = cur.fetchone()[0] or "demo_supervisor_01"
            conn.rollback()
            as_login(verifier)
            c = act(conn, c.id, "verify", "supervisor", c.version, note="现场核实：垃圾约 6 吨，属实",
                          photos=[Photo.from_bytes(demo_photo((100, 80, 50), "verify", now, lon, lat), "核实.jpg")])
            photos += 1
            as_login("demo_shift_leader_01")
            c = act(conn, c.id, "register", "shift_leader", c.version, data={"variant": DEMO_VARIANT})
            as_login("demo_dispatcher_01")
            c = act(conn, c.id, "dispatch", "dispatcher", c.version)
            variant = DEMO_VARIANT
        with conn.cursor() as cur:
            cur.execute("RESET SESSION AUTHORIZATION")
            cur.execute("SELECT actor FROM citygrid.case_action WHERE case_id = %s AND action = 'report'",
                        (first.id,))
            reporter = cur.fetchone()[0]
            cur.execute("SELECT variant, department_code, handle_deadline FROM citygrid.work_case WHERE id = %s",
                        (first.id,))
            variant, department, deadline = cur.fetchone()
        conn.commit()
    finally:
        conn.close()
    path = out / "workform.pdf"
    processing.run("citygrid:workform", {**store, "NUMBERS": first.case_no, "OUTPUT": str(path)}, feedback=feedback)
    return {"cases": cases, "photos": photos + 1, "duplicates": len(duplicates), "known": known,
            "workform": str(path), "reported_by": reporter, "variant": variant, "department": department,
            "handle_deadline": (deadline.astimezone(datetime.timezone(datetime.timedelta(hours=8)))
                                .strftime("%Y-%m-%d %H:%M") if deadline else None)}


def run_hotspots(processing, store: dict, out: Path, feedback) -> dict:
    """Gi* hot spots of the last 90 days and emerging hot spots of the year (four-week slices) on
    the demo cases (citygrid:hotspots, citygrid:emerginghotspots), each with a PNG map."""
    from qgis.core import QgsProject, QgsVectorLayer

    from citygrid_plugin.layers import apply_style
    from citygrid_plugin.layouts import export_layout, thematic_layout

    folder = out / "hotspots"
    folder.mkdir(parents=True, exist_ok=True)
    hot = processing.run("citygrid:hotspots", {**store, "DAYS": 90, "OUTPUT": str(folder / "hotspots.gpkg")},
                         feedback=feedback)
    emerging = processing.run("citygrid:emerginghotspots", {
        **store, "DAYS": 364, "SLICE_DAYS": 28, "OUTPUT": str(folder / "emerging_hotspots.gpkg")}, feedback=feedback)
    project = QgsProject.instance()
    project.clear()
    maps = {}
    patterns: dict[str, int] = {}
    for key, path, style, title, subtitle in (
            ("hotspots", hot["OUTPUT"], "hotspots", "锦江区（示例）案件热点分析",
             "近 90 天 · Getis-Ord Gi* · 错误发现率校正"),
            ("emerging", emerging["OUTPUT"], "emerging_hotspots", "锦江区（示例）时空热点模式",
             f"近一年 · 每 4 周一个时段，共 {int(emerging['SLICES'])} 个 · Mann-Kendall 趋势")):
        layer = QgsVectorLayer(path, title, "ogr")
        apply_style(layer, style)
        if key == "emerging":
            for feature in layer.getFeatures():
                patterns[feature["pattern"]] = patterns.get(feature["pattern"], 0) + 1
        layout = thematic_layout(project, [layer], title=title, subtitle=subtitle,
                                 source="CityGrid 示例数据（合成案件，真实成都路网）")
        maps[key] = str(export_layout(layout, folder / f"{style}.png", dpi=150))
    project.clear()
    return {"hot": int(hot["HOT"]), "cold": int(hot["COLD"]), "band": float(hot["BAND"]),
            "slices": int(emerging["SLICES"]), "patterns": dict(sorted(patterns.items(), key=lambda kv: -kv[1])),
            "hotspots": hot["OUTPUT"], "emerging": emerging["OUTPUT"], "maps": maps}


CITY_CODE, CITY_NAME = "510100", "成都市（示例）"


def run_platform(cluster: PrivateCluster, dbname: str, processing, store: dict, feedback) -> dict:
    """The city platform over the sample district (step 8b): the city's store, both stores made
    platforms, linked (a second run finds the link healthy and changes nothing), one 12345
    hand-over (a second run finds its work-order number and adds nothing), then what the city sees."""
    from datetime import datetime

    from citygrid_plugin.core.casefilter import CST
    from citygrid_plugin.core.evaluation import month_period
    from citygrid_plugin.core.periods import month_range
    from citygrid_plugin.store import db, evaluation, migrate, platform, reference

    city_db = f"{dbname}_city"
    cluster.ensure_database(city_db)
    city_service = f"citygrid_{city_db}"
    write_service_file(cluster, city_service, city_db)
    city = db.connect(db.service_dsn(city_service))
    district = db.connect(db.service_dsn(store["SERVICE"]))
    try:
        migrate.upgrade(city)
        reference.load_standard_classes(city)
        platform.init(city, "city", CITY_CODE, CITY_NAME)
        with db.reading(district) as cur:
            cur.execute("SELECT code, name FROM citygrid.district ORDER BY code LIMIT 1")
            code, name = cur.fetchone()
        platform.init(district, "district", code, name)
        processing.run("citygrid:linkdistrict", {"SERVICE": city_service, "DISTRICT_SERVICE": store["SERVICE"]},
                       feedback=feedback)
        # a 12345 complaint at the middle of the district's first unit grid
        with db.reading(district) as cur:
            cur.execute("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM citygrid.grid "
                        "WHERE retired_at IS NULL AND code IS NOT NULL ORDER BY code LIMIT 1) g")
            x, y = cur.fetchone()
        reference_no = "12345-20260001"
        res = processing.run("citygrid:handovercase", {
            "SERVICE": city_service, "POINT": f"{x},{y} [EPSG:4544]", "KIND": 0, "CLASS": "0102",
            "DESCRIPTION": "市民来电（12345）：小区门口垃圾堆积三天未清运", "ADDRESS": "示例路 1 号",
            "REFERENCE": reference_no}, feedback=feedback)
        deadline = time.monotonic() + 60
        while True:
            with db.reading(city) as cur:
                cur.execute("SELECT status, case_no FROM citygrid.city_handover WHERE id = %s",
                            (int(res["HANDOVER"]),))
                status, case_no = cur.fetchone()
            if status != "sent" or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        links = platform.status(city)
        queue = platform.city_queue(city, limit=100_000)
        month = month_range(*month_period(""))   # the last complete month
        ev = evaluation.evaluate_period(city, month.start, month.end)
        ranked = []
        for key, figures in ev.figures("district").items():
            rate = figures.get("on_time_handling_rate")
            ranked.append({"code": key, "name": ev.group_name("district", key),
                           "on_time_handling_rate": "-" if rate is None or rate.value is None
                           else f"{rate.value:.1%}"})
    finally:
        city.close()
        district.close()
    return {"city_db": city_db, "city_service": city_service, "district": f"{code} {name}",
            "cases_at_city": sum(link.cases for link in links), "open_at_city": len(queue),
            "reference": reference_no, "handover": int(res["HANDOVER"]), "handover_status": status,
            "handover_case": case_no, "month": month.label(), "districts": ranked,
            "at": datetime.now(CST).isoformat(timespec="seconds")}


def run_report(processing, store: dict, out: Path, feedback) -> dict:
    """The monthly evaluation report of the last complete month (citygrid:monthlyreport), the
    atlas of that month's cases per unit grid, one page per street (citygrid:streetatlas), the
    review of the last complete quarter (citygrid:quarterreport) and the annual report of the
    running year (citygrid:annualreport, to date) in output/demo/report/ (ASCII file names:
    monthly_report_YYYY-MM.pdf, atlas_YYYY-MM.pdf, quarter_review_YYYY-Qn.pdf,
    annual_report_YYYY.pdf), and the month's public page (citygrid:publishmonth) in
    output/demo/public/YYYY-MM/."""
    from citygrid_plugin.core.evaluation import month_period
    from citygrid_plugin.core.periods import parse_period

    start, _end = month_period("")
    month = f"{start:%Y-%m}"
    folder = out / "report"
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    report = processing.run("citygrid:monthlyreport", {**store, "MONTH": month,
                                                        "OUTPUT": str(folder / f"monthly_report_{month}.pdf")},
                            feedback=feedback)
    t1 = time.monotonic()
    atlas = processing.run("citygrid:streetatlas", {**store, "MONTH": month, "THEME": 0, "DPI": 300,
                                                     "OUTPUT": str(folder / f"atlas_{month}.pdf")}, feedback=feedback)
    t2 = time.monotonic()
    # the rhythm 月度发布、季度点评、年度综合评价 (issue 18): the last complete quarter's review, the
    # year so far and the public page of the month
    quarter = parse_period("", kind="quarter")
    review = processing.run("citygrid:quarterreport", {**store, "PERIOD": quarter.key,
                                                        "OUTPUT": str(folder / f"quarter_review_{quarter.key}.pdf")},
                            feedback=feedback)
    t3 = time.monotonic()
    year = f"{_end:%Y}"
    annual = processing.run("citygrid:annualreport", {**store, "PERIOD": year,
                                                       "OUTPUT": str(folder / f"annual_report_{year}.pdf")},
                            feedback=feedback)
    t4 = time.monotonic()
    public = processing.run("citygrid:publishmonth", {**store, "MONTH": month, "OUTPUT": str(out / "public")},
                            feedback=feedback)
    t5 = time.monotonic()
    return {"month": month, "report": report["OUTPUT"], "report_pages": int(report["PAGES"]),
            "report_seconds": t1 - t0, "atlas": atlas["OUTPUT"], "atlas_pages": int(atlas["PAGES"]),
            "atlas_seconds": t2 - t1, "quarter": quarter.key, "review": review["OUTPUT"],
            "review_pages": int(review["PAGES"]), "review_seconds": t3 - t2, "year": year,
            "annual": annual["OUTPUT"], "annual_pages": int(annual["PAGES"]), "annual_seconds": t4 - t3,
            "public": str(Path(public["FOLDER"]) / "index.html"), "public_seconds": t5 - t4}


def render_overview(project, path: Path, width: int = 1600) -> Path:
    """A PNG of the project's visible layers at the district's extent (labels in Chinese)."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    root = project.layerTreeRoot()
    layers = [node.layer() for node in root.findLayers() if node.isVisible() and node.layer() is not None]
    extent = None
    for layer in layers:
        if layer.customProperty("citygrid/table") == "district":
            extent = layer.extent()
    if extent is None:
        extent = layers[0].extent()
    extent.scale(1.03)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(project.crs())
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(width, int(width * extent.height() / extent.width())))
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(path), "PNG")
    return path


def _store_uri(target, table: str, geometry: str, key: str, subset: str = "") -> str:
    """A store table as a Processing input (``postgres://`` + its layer URI)."""
    from citygrid_plugin.layers import store_uri

    return "postgres://" + store_uri(target, table, geometry, key, subset)


def _district_name(gpkg: Path) -> str:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{gpkg}|layername=district", "district", "ogr")
    feature = next(layer.getFeatures())
    return feature["name"]


def print_summary(result: dict, cluster: PrivateCluster, dbname: str) -> None:
    info = result["store"]
    print("summary")
    print(f"  store: version {info['version']}, EPSG:{info['srid']}, "
          f"database {dbname} on the Unix socket {cluster.sockdir}, port {cluster.port} (user {cluster.user}, "
          f"this account only)")
    for label, n in info["counts"].items():
        print(f"    {label:24s} {n:6d}")
    f = result["grid_figures"]
    print("  unit grid quality (sample district):")
    print(f"    grids {int(f['COUNT'])}, area median {f['AREA_MEDIAN']:.0f} m² (p5 {f['AREA_P5']:.0f}, "
          f"p95 {f['AREA_P95']:.0f}), within bounds {100 * f['SHARE_WITHIN_BOUNDS']:.1f} %, "
          f"Polsby-Popper median {f['POLSBY_POPPER_MEDIAN']:.3f}, boundary adherence "
          f"{100 * f['BOUNDARY_ADHERENCE']:.1f} %")
    print(f"    straddling a major road {int(f['STRADDLING_MAJOR'])}, corridor strips {int(f['CORRIDOR_STRIPS'])}, "
          f"buildings crossed by cuts {int(f['BUILDINGS_CROSSED'])}, bounded only by roads "
          f"{100 * f['SHARE_BARRIER_BOUNDED']:.1f} %")
    g = result["grid_check"]
    print(f"    validation {'PASSED' if g['passed'] else 'FAILED'}: {g['errors']} errors, {g['warnings']} warnings "
          f"({g['problems']})")
    k = result["census"]
    print("  component census (synthetic, data_samples/generate_census.py):")
    print(f"    imported {k['imported']}, rejected {k['rejected']} (deliberately bad rows), suspected duplicates "
          f"{k['duplicates']}; {k['grids_with_components']} of {k['grids']} grids hold components")
    print(f"    validation {'PASSED' if k['passed'] else 'FAILED'}: {k['errors']} errors, {k['warnings']} warnings "
          f"({k['folder']})")
    c = result["cases"]
    print(f"  cases (synthetic, data_samples/generate_cases.py; {c['start']} → {c['end']}):")
    print(f"    {c['cases']} cases, " + ", ".join(f"{s} {n}" for s, n in c["per_state"].items()))
    print(f"    closed on time {c['closed_on_time']}, late {c['closed_late']}; reworks {c['reworks']}, "
          f"extensions {c['extensions']}, returns {c['returns']}, cancelled {c['cancellations']}, "
          f"urges {c['urges']}; sources: " + ", ".join(f"{s} {n}" for s, n in c["per_source"].items()))
    v = c["revisits"]
    print(f"    return visits (回访) {v['calls']} calls, {v['reached']} reporters reached, {v['satisfied']} satisfied "
          f"({100 * v['satisfied'] / max(v['reached'], 1):.0f} %), {v['reopened']} reopened, {v['awaiting']} "
          "awaiting a call")
    h = result["hotspots"]
    m = result["manual"]
    print(f"  command manual (指挥手册) {MANUAL_XLSX.name}: version {m['version']}, {m['changes']} changes now; "
          f"{m['rules']}; printed {m['pdf']} ({m['pages']} pages)")
    i = result["intake"]
    g = i.get("responsibility") or {}
    print(f"  responsibility grids (责任网格): {len(g)} supervisors, "
          + ", ".join(f"{login} {n}" for login, n in g.items()))
    print(f"  patrol (城管通 on QField): {result['patrol']['summary']}")
    print("  case intake (store.intake, as the report dialog): "
          + ("the demo's calls were there already; " if i["known"] else
             f"cases {', '.join(i['cases'])} with {i['photos']} photos; {i['duplicates']} possible duplicate(s), "
             f"the second call attached; the first registered as 情形 {i['variant']}, dispatched to "
             f"{i['department']}, handling deadline {i['handle_deadline']}; ") + f"work form {i['workform']}")
    print(f"  hot spots (Gi*, last 90 days, band {h['band']:.0f} m): {h['hot']} hot, {h['cold']} cold grids; "
          f"maps {h['maps']['hotspots']}, {h['maps']['emerging']}")
    r = result["report"]
    print(f"  monthly report {r['month']}: {r['report']} ({r['report_pages']} pages, {r['report_seconds']:.1f} s)")
    print(f"  quarterly review {r['quarter']} (季度点评): {r['review']} ({r['review_pages']} pages, "
          f"{r['review_seconds']:.1f} s)")
    print(f"  annual report {r['year']} to date (年度综合评价报告): {r['annual']} ({r['annual_pages']} pages, "
          f"{r['annual_seconds']:.1f} s)")
    print(f"  public page {r['month']} (公众信息发布): {r['public']} ({r['public_seconds']:.1f} s)")
    print(f"  atlas {r['month']} (cases per unit grid, one page per street): {r['atlas']} ({r['atlas_pages']} pages, "
          f"{r['atlas_seconds']:.1f} s)")
    print("  project layers (features):")
    for name, n in result["layers"].items():
        print(f"    {name:24s} {'INVALID' if n is None else n:>6}")
    print(f"  project: {result['project']}")
    print(f"  overview map: {result['overview']}")
    print(f"  open it: make qgis   (or QGIS ▸ Project ▸ Open)  — done in {result['seconds']:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dbname", default="citygrid")
    parser.add_argument("--out", default=str(ROOT / "output" / "demo"))
    args = parser.parse_args()
    run(args.dbname, Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
