"""公众信息发布 (issue 18) as a city gets it: citygrid:publishmonth on the hand-built month of
tests/helpers/evaluation.py (November 2026), with a return visit added (case B's reporter reached,
满意), the reporter's name and phone made recognisable, and the department 交管 renamed to a name
that is both a spreadsheet formula and markup.

Hand counts (tests/db/test_evaluation.py): 春熙路街道 (the only street) 7 reported, 5 registered, 3 closed,
4 due for handling, 2 on time (50.0 %); 环卫所 the same 4 due, score 71.0, ranked first; 交管 dispatched
1 (case D, returned), nothing due: no score, no rank; satisfaction 1 of 1 reached (100.0 %).
"""
from __future__ import annotations

import csv
import stat
from datetime import datetime

import processing
import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProcessingException

from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.core.xlsx import read_xlsx
from citygrid_plugin.store import db
from citygrid_plugin.store.cases import act
from tests.helpers.evaluation import t
from tests.stores import qgis_connection_to

HOSTILE = "=交管<script>alert(1)</script>"
REPORTER, PHONE = "王小明", "13912345678"
STREET_BOUNDARY = """UPDATE citygrid.street s SET boundary = (SELECT ST_Multi(ST_Union(c.boundary))
                        FROM citygrid.community c
                       WHERE (c.district_code, c.street_code) = (s.district_code, s.code))"""
FILES = ["departments.csv", "index.html", "map.png", "publication.xlsx", "streets.csv"]


@pytest.fixture(scope="module")
def store(month):  # noqa: F811
    """The month's store with a return visit, a recognisable reporter and a hostile department name."""
    ids, logins, dsn = month
    conn = db.connect(dsn)
    with conn.cursor() as cur:
        cur.execute("UPDATE citygrid.case_reporter SET name = %s, phone = %s", (REPORTER, PHONE))
        cur.execute("UPDATE citygrid.department SET name = %s WHERE code = 'JG'", (HOSTILE,))
        cur.execute(STREET_BOUNDARY)
        cur.execute("SELECT version FROM citygrid.work_case WHERE id = %s", (ids["B"],))
        version = cur.fetchone()[0]
    conn.commit()
    act(conn, ids["B"], "revisit", "operator", version, at=t(11, 24, 10), as_user=logins["op1"],
        data={"reached": True, "satisfaction": "满意"})
    conn.close()
    return month


@pytest.fixture
def params(qgis_app, store, cluster, provider):
    from citygrid_plugin.processing.alg_publication import PublishMonthAlgorithm

    if QgsApplication.processingRegistry().algorithmById("citygrid:publishmonth") is None:
        provider.addAlgorithm(PublishMonthAlgorithm())  # until the provider lists it
    with qgis_connection_to(cluster, store[2], "public") as name:
        yield {"CONNECTION": name, "MONTH": "2026-11"}


def read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_the_month_folder_holds_every_file_with_the_hand_counts(params, store, tmp_path):
    res = processing.run("citygrid:publishmonth", {**params, "OUTPUT": str(tmp_path)})
    folder = tmp_path / "2026-11"
    assert res["FOLDER"] == res["OUTPUT"] == str(folder) and res["REPORTED"] == 7
    assert sorted(p.name for p in folder.iterdir()) == FILES and sorted(p.name for p in tmp_path.iterdir()) == \
        ["2026-11"]   # no staging folder left behind
    assert sorted(res["FILES"].split(";")) == [str(folder / f) for f in FILES]
    # every file readable as the folder is (0644 under umask 022: a web server reads them), the workbook too
    assert {stat.S_IMODE((folder / f).stat().st_mode) for f in FILES} == {stat.S_IMODE(folder.stat().st_mode) & 0o666}

    # the workbook, read by our reader: two sheets, header first, the totals last
    book = read_xlsx(folder / "publication.xlsx")
    assert list(book) == ["Figures by street", "Figures by department"]
    streets, departments = book.values()
    assert streets[0] == ["Rank", "Street", "Reported", "Registered (due for closing)", "Closed", "Due for handling",
                          "Handled on time", "On-time handling rate (%)", "On-time closing rate (%)",
                          "Satisfaction rate (%)"]
    assert streets[1][:8] == [1, "春熙路街道", 7, 5, 3, 4, 2, 50] and streets[1][9] == 100
    assert streets[2][1:8] == ["Total", 7, 5, 3, 4, 2, 50] and len(streets) == 3
    assert departments[0][-1] == "Composite score"
    hw = next(r for r in departments if r[1] == "环卫所")
    assert hw[0] == 1 and hw[5:8] == [4, 2, 50] and hw[-2:] == [100, 71]
    jg = next(r for r in departments if r[1] == HOSTILE)
    assert jg[0] == "—" and jg[2] == 1 and jg[5] == 0 and jg[-1] == "—"
    # … and by GDAL (what QGIS and other tools use)
    ds = ogr.Open(str(folder / "publication.xlsx"))
    assert ds.GetLayerCount() == 2 and ds.GetLayer(0).GetFeatureCount() == 2

    # the CSV files: UTF-8 with a byte-order mark, the figures, the formula neutralised
    for name in ("streets.csv", "departments.csv"):
        assert (folder / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    rows = read_csv(folder / "streets.csv")
    assert rows[1][:8] == ["1", "春熙路街道", "7", "5", "3", "4", "2", "50.0"] and rows[1][9] == "100.0"
    assert rows[2][1] == "Total"
    jg_csv = next(r for r in read_csv(folder / "departments.csv") if "交管" in r[1])
    assert jg_csv[1] == "'" + HOSTILE and jg_csv[0] == "—"

    # the map: a PNG the width of a web page, named and described on the page
    png = (folder / "map.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1286

    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<img src="map.png" alt="Map: 锦江区 11/2026 on-time handling rate (by street).' in page
    assert 'width="1286" height="909"' in page
    assert "<title>锦江区 digital urban management: public information, 11/2026</title>" in page
    assert "7 problems of city management were reported in 锦江区; 5 cases were registered and 3 of them closed" \
        in page
    assert "4 cases fell due for handling; 2 of them were handled on time, an on-time handling rate of 50.0%." in page
    assert "a satisfaction rate of 100.0%" in page
    assert '<th scope="row">春熙路街道</th><td>7</td><td>5</td><td>3</td><td>4</td><td>2</td><td>50.0</td>' in page
    assert "<td>71.0</td>" in page


def test_the_page_publishes_no_personal_data_and_no_markup_from_names(params, store, tmp_path):
    _ids, logins, dsn = store
    processing.run("citygrid:publishmonth", {**params, "OUTPUT": str(tmp_path)})
    folder = tmp_path / "2026-11"
    conn = db.connect(dsn)
    with conn.cursor() as cur:   # the reporters, the staff and the texts of the month's cases, as the store holds them
        cur.execute("SELECT name, phone FROM citygrid.case_reporter")
        private = [v for row in cur.fetchall() for v in row if v]
        cur.execute("SELECT description, case_no FROM citygrid.work_case")
        private += [v for row in cur.fetchall() for v in row if v]
    conn.close()
    assert REPORTER in private and PHONE in private and "案件 B" in private
    private += list(logins.values())
    texts = {name: (folder / name).read_text(encoding="utf-8-sig") for name in ("index.html", "streets.csv",
                                                                                 "departments.csv")}
    texts["publication.xlsx"] = repr(read_xlsx(folder / "publication.xlsx"))
    for name, text in texts.items():
        for value in private:
            assert value not in text, (name, value)
    page = texts["index.html"]
    assert "<script" not in page and "=交管&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_without_street_boundaries_the_map_shows_the_cases_per_grid(params, store, tmp_path):
    conn = db.connect(store[2])
    with conn.cursor() as cur:
        cur.execute("UPDATE citygrid.street SET boundary = NULL")
    conn.commit()
    try:
        processing.run("citygrid:publishmonth", {**params, "OUTPUT": str(tmp_path)})
    finally:
        with conn.cursor() as cur:
            cur.execute(STREET_BOUNDARY)
        conn.commit()
        conn.close()
    page = (tmp_path / "2026-11" / "index.html").read_text(encoding="utf-8")
    assert '<img src="map.png" alt="Map: 锦江区 11/2026 case density (per unit grid). 7 cases in 5 of 6 grids' in page


def test_an_empty_month_is_published_saying_so(params, tmp_path):
    res = processing.run("citygrid:publishmonth", {**params, "MONTH": "2026-09", "OUTPUT": str(tmp_path)})
    folder = tmp_path / "2026-09"
    assert res["REPORTED"] == 0 and sorted(p.name for p in folder.iterdir()) == \
        ["departments.csv", "index.html", "publication.xlsx", "streets.csv"]   # nothing to map
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "No problem of city management was reported, handled or closed in 锦江区 in 9/2026" in page
    assert "<table" not in page and "The map is not drawn: no case was reported or handled in the month" in page
    assert read_csv(folder / "streets.csv")[1:] == [["", "Total", "0", "0", "0", "0", "0", "—", "—", "—"]]


def test_a_new_run_replaces_the_month_and_other_files_are_never_deleted(params, tmp_path):
    folder = tmp_path / "2026-11"
    folder.mkdir()
    (folder / "index.html").write_text("old", encoding="utf-8")
    processing.run("citygrid:publishmonth", {**params, "OUTPUT": str(tmp_path)})
    assert (folder / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    (folder / "notes.docx").write_text("someone's file", encoding="utf-8")
    before = sorted(p.name for p in folder.iterdir())
    with pytest.raises(QgsProcessingException, match=r"holds other files \(notes\.docx\)"):
        processing.run("citygrid:publishmonth", {**params, "OUTPUT": str(tmp_path)})
    assert sorted(p.name for p in folder.iterdir()) == before and sorted(p.name for p in tmp_path.iterdir()) == \
        ["2026-11"]


@pytest.mark.parametrize("extra, message", [
    ({"MONTH": "2026-13"}, "month 13 does not exist"),
    ({"MONTH": "2026-Q4"}, "published for a month"),
    ({"MONTH": "2031-01"}, "starts in the future"),
    ({"MONTH": f"{datetime.now(CST):%Y-%m}"}, "is not over yet"),
    ({"AREA": "51010400"}, "is not a district"),
    ({"AREA": "510104009"}, "is not a district, street or community of this store"),
])
def test_bad_parameters_are_refused_and_nothing_is_written(params, tmp_path, extra, message):
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("citygrid:publishmonth", {**params, "OUTPUT": str(tmp_path / "public"), **extra})
    assert not (tmp_path / "public").exists() or list((tmp_path / "public").iterdir()) == []


def test_chinese_headers_for_the_city(params, tmp_path):
    from citygrid_plugin import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    try:
        processing.run("citygrid:publishmonth", {**params, "OUTPUT": str(tmp_path)})
    finally:
        i18n.uninstall()
    rows = read_csv(tmp_path / "2026-11" / "streets.csv")
    assert rows[0][:8] == ["排名", "街道", "上报数", "立案数（应结案）", "结案数", "应处置数", "按期处置数",
                           "按期处置率 (%)"]
    headers = next(iter(read_xlsx(tmp_path / "2026-11" / "publication.xlsx").values()))[0]
    assert headers == rows[0]
