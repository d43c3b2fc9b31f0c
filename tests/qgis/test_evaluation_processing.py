"""The evaluation and the monthly report tables through Processing (issue 7), on the hand-built
month of tests/db/test_evaluation.py: the XLSX holds the hand-counted figures, the CSV is UTF-8
with a BOM (Excel on a Chinese Windows), the six reports add up, and bad periods are refused.
A name that a spreadsheet would run as a formula is written as text (issue 12, item 6)."""
from __future__ import annotations

import csv
import re
import zipfile

import processing
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from tests.stores import qgis_connection_to


@pytest.fixture
def params(qgis_app, month, cluster):  # noqa: F811
    with qgis_connection_to(cluster, month[2], "eval") as name:
        yield {"CONNECTION": name, "MONTH": "2026-11"}


def sheets(path) -> dict[str, list[dict]]:
    ds = ogr.Open(str(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        out[layer.GetName()] = [f.items() for f in layer]
    return out


def test_indicators_workbook_holds_the_hand_counts(provider, params, tmp_path):
    res = processing.run("citygrid:evaluation", {**params, "GROUPING": [0, 4], "OUTPUT": str(tmp_path / "ind.xlsx")})
    assert res["HANDLING_RATE"] == 0.75 and res["CLOSING_RATE"] == 0.6
    book = sheets(tmp_path / "ind.xlsx")
    assert len(book) == 3  # the district, departments, supervisors
    departments = next(rows for name, rows in book.items() if "department" in name or "部门" in name)
    hw = next(r for r in departments if r["Code"] == "HW")
    assert hw["Name"] == "环卫所" and hw["Handling rate (%)"] == 75.0 and hw["Composite score"] == 71.0
    assert departments[0]["Code"] == "HW"  # ranked by score; JG has nothing due and no score
    jg = next(r for r in departments if r["Code"] == "JG")
    assert jg["Composite score"] is None and jg["Dispatched"] == 1


def test_reports_as_csv_with_bom_and_as_a_workbook(provider, params, tmp_path):
    res = processing.run("citygrid:casereports", {**params, "OUTPUT": str(tmp_path / "reports.csv")})
    files = res["FILES"].split(";")
    assert res["REPORTED"] == 7 and len(files) == 8
    raw = (tmp_path / "reports.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(files[0], encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert sum(int(r["Cases"]) for r in rows) == 7 and rows[0]["Name"] == "暴露垃圾"
    # 处置平均时长: the four cases fed back in November (A, B, D, F), in working hours
    with open(next(f for f in files if f.endswith("_handling_time.csv")), encoding="utf-8-sig") as fh:
        timing = list(csv.DictReader(fh))
    assert (timing[0]["Name"], timing[0]["Cases handled"], timing[0]["Longest (working hours)"]) == (
        "All departments", "4", "7.33")
    processing.run("citygrid:casereports", {**params, "OUTPUT": str(tmp_path / "reports.xlsx")})
    book = sheets(tmp_path / "reports.xlsx")
    assert len(book) == 8
    states = next(rows for name, rows in book.items() if "state" in name.lower() or "状态" in name)
    assert sum(r["Cases"] for r in states) == 7


@pytest.mark.parametrize("period, reported", [("2026-11", 7), ("2026-Q4", 8), ("2026年第四季度", 8), ("2026", 8),
                                              ("2026-Q3", 0)])
def test_the_period_is_a_month_a_quarter_or_a_year(provider, params, tmp_path, period, reported):
    """Case F was reported on 30 October: in the fourth quarter and the year, not in November."""
    res = processing.run("citygrid:casereports", {**params, "MONTH": period, "OUTPUT": str(tmp_path / "r.xlsx")})
    assert res["REPORTED"] == reported


@pytest.mark.parametrize("extra, message", [
    ({"MONTH": "2026-13"}, "must be written YYYY-MM"),
    ({"MONTH": "2031-01"}, "starts in the future"),
    ({"AREA": "51010400"}, "is not a district"),
    ({"WEIGHTS": "handling_rate=abc"}, "must be a number"),
])
def test_bad_periods_areas_and_weights_are_refused(provider, params, tmp_path, extra, message):
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("citygrid:evaluation", {**params, **extra, "OUTPUT": str(tmp_path / "x.xlsx")})
    assert not (tmp_path / "x.xlsx").exists()


# -- issue 12, item 6: no cell of an export is a formula -----------------------------------------------
FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = [FORMULA, "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]


def xlsx_cells(path) -> tuple[str, list[str]]:
    """(every worksheet's XML, the shared strings) of a workbook, as Excel reads them."""
    with zipfile.ZipFile(path) as book:
        sheets = "".join(book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
        shared = book.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in book.namelist() else ""
    import html

    strings = [html.unescape(t) for t in re.findall(r"<t[^>]*>(.*?)</t>", shared, re.S)]
    return sheets, strings


def test_text_cells_that_start_a_formula_are_neutralised_in_csv_and_typed_in_xlsx(qgis_app, tmp_path):
    from citygrid_plugin.core.reports import Table
    from citygrid_plugin.tables import write_tables

    table = Table("hostile", "部门", ["部门", "数量"])
    for name in HOSTILE:
        table.add([name, 1])
    table.add(["环卫所", -3])
    table.add(["-3", 2.5])
    [path] = write_tables(tmp_path / "hostile.csv", [table])
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["部门", "数量"]
    assert [r[0] for r in rows[1:7]] == ["'" + name for name in HOSTILE]
    assert rows[7] == ["环卫所", "-3"]  # a negative number stays a number
    assert rows[8] == ["'-3", "2.5"]    # the same characters as text are text

    [book] = write_tables(tmp_path / "hostile.xlsx", [table])
    sheets, strings = xlsx_cells(book)
    assert "<f>" not in sheets and "<f " not in sheets  # no formula anywhere
    assert FORMULA in strings and "@SUM(A1)" in strings  # the names as they are, as strings
    ds = ogr.Open(str(book))
    names = [f.GetField(0) for f in ds.GetLayer(0)]
    assert names[0] == FORMULA and names[6] == "环卫所"


def test_a_department_named_like_a_formula_is_exported_as_text(provider, params, month, tmp_path):  # noqa: F811
    from citygrid_plugin.store import db

    conn = db.connect(month[2])
    try:
        with conn.cursor() as cur:
            cur.execute("UPDATE citygrid.department SET name = %s WHERE code = 'HW'", (FORMULA,))
        conn.commit()
        res = processing.run("citygrid:casereports", {**params, "OUTPUT": str(tmp_path / "reports.csv")})
        cells = []
        for name in res["FILES"].split(";"):
            with open(name, encoding="utf-8-sig", newline="") as fh:
                cells += [c for row in csv.reader(fh) for c in row]
        assert "'" + FORMULA in cells and FORMULA not in cells
        assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    finally:
        with conn.cursor() as cur:
            cur.execute("UPDATE citygrid.department SET name = '环卫所' WHERE code = 'HW'")
        conn.commit()
        conn.close()
