"""The synthetic component census (data_samples/generate_census.py): deterministic, plausible,
GBK-encoded with the Chinese headers, inside the district, the right geometry per class, and
exactly the stated number of deliberately bad rows. No QGIS, no database."""
from __future__ import annotations

import csv
import datetime
import io
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import fiona
import pytest
from shapely.geometry import Point, shape
from shapely.prepared import prep

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "data_samples"))

import generate_census as gen  # noqa: E402

GPKG = ROOT / "data_samples" / "sample_district.gpkg"
CLASSES_CSV = ROOT / "citygrid_plugin" / "resources" / "data" / "component_classes_2013.csv"
DEPARTMENTS_CSV = ROOT / "data_samples" / "departments_gbk.csv"

# plausible ranges per class for the 8.3 km² sample (see the generator's docstring)
RANGES = {
    "0101": (1200, 3000), "0102": (1200, 3000), "0103": (1000, 2800), "0104": (2000, 4500),
    "0105": (300, 900), "0107": (300, 900), "0109": (80, 300), "0117": (500, 1500),
    "0118": (1200, 2600), "0121": (20, 100), "0137": (40, 180), "0203": (20, 120),
    "0209": (100, 600), "0210": (100, 600), "0213": (100, 600), "0301": (15, 40),
    "0305": (600, 1600), "0402": (5000, 10000), "0211": (20, 150), "0408": (20, 90),
    "0405": (40, 120), "0201": (3, 12), "0602": (1, 3),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    a = tmp_path_factory.mktemp("census_a")
    b = tmp_path_factory.mktemp("census_b")
    return (gen.generate(GPKG, a), a), (gen.generate(GPKG, b), b)


@pytest.fixture(scope="module")
def counts(runs):
    return runs[0][0]


@pytest.fixture(scope="module")
def out(runs) -> Path:
    return runs[0][1]


@pytest.fixture(scope="module")
def classes() -> dict[str, dict]:
    with open(CLASSES_CSV, encoding="utf-8", newline="") as fh:
        return {r["code"]: r for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def departments() -> dict[str, str]:
    with open(DEPARTMENTS_CSV, encoding="gbk", newline="") as fh:
        return {r["编码"]: r["名称"] for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def district():
    with fiona.open(GPKG, layer="district") as src:
        return shape(next(iter(src))["geometry"])


@pytest.fixture(scope="module")
def rows(out) -> list[dict]:
    text = (out / gen.CSV_NAME).read_bytes().decode("gbk")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def is_bad(row: dict) -> bool:
    return row["备注"].startswith(gen.BAD_NOTE)


def features(path: Path, layer: str) -> list[dict]:
    with fiona.open(path, layer=layer) as src:
        assert src.crs.to_epsg() == 4544
        return [{"geometry": shape(f["geometry"]), **dict(f["properties"])} for f in src]


def close_pairs(points: list[tuple[str, float, float]], radius: float) -> list[tuple[int, int, float]]:
    """Pairs (i, j, distance) of points of the same class closer than *radius*."""
    cells = defaultdict(list)
    for i, (code, x, y) in enumerate(points):
        cells[(code, math.floor(x / radius), math.floor(y / radius))].append(i)
    out = []
    for i, (code, x, y) in enumerate(points):
        cx, cy = math.floor(x / radius), math.floor(y / radius)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for j in cells.get((code, cx + dx, cy + dy), ()):
                    if j > i:
                        d = math.hypot(points[j][1] - x, points[j][2] - y)
                        if d < radius:
                            out.append((i, j, d))
    return out


def test_same_seed_same_files(runs):
    (counts_a, a), (counts_b, b) = runs
    assert counts_a == counts_b
    assert (a / gen.CSV_NAME).read_bytes() == (b / gen.CSV_NAME).read_bytes()
    for layer in ("lines", "polygons"):
        fa, fb = features(a / gen.SHAPES_NAME, layer), features(b / gen.SHAPES_NAME, layer)
        assert len(fa) == len(fb)
        for x, y in zip(fa, fb):
            assert x["geometry"].equals_exact(y["geometry"], 0)
            assert {k: v for k, v in x.items() if k != "geometry"} == {k: v for k, v in y.items() if k != "geometry"}


def test_other_seed_other_census():
    one, two = gen.build(GPKG, seed=1), gen.build(GPKG, seed=2)
    assert [(p["x"], p["y"]) for p in one.points[:50]] != [(p["x"], p["y"]) for p in two.points[:50]]


def test_counts_per_class_plausible(counts, classes):
    per_class = {k: v for k, v in counts.items() if k in classes}
    assert set(per_class) == set(RANGES)
    for code, (lo, hi) in RANGES.items():
        assert lo <= per_class[code] <= hi, f"{code} {classes[code]['name']}: {per_class[code]}"
    assert 15_000 <= counts["valid"] <= 30_000
    assert counts["valid"] == counts["points"] + counts["lines"] + counts["polygons"]
    assert counts["csv_rows"] == counts["points"] + sum(gen.BAD_ROWS.values())


def test_csv_is_gbk_with_chinese_headers(out):
    data = (out / gen.CSV_NAME).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("gbk")
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == ("部件名称", "主管部门", "权属单位", "养护单位", "状态", "数据来源", "普查日期",
                             "X", "Y", "备注", "站名")
    assert b"\r\n" in data[:200]


def test_valid_rows_are_clean_and_inside(rows, classes, departments, district, counts):
    names = {c["name"]: code for code, c in classes.items()}
    dept_names = set(departments.values())
    inner = prep(district.buffer(-0.5))   # 1 m in, less the 0.45 m of a near-duplicate
    good = [r for r in rows if not is_bad(r)]
    assert len(good) == counts["points"]
    for r in good:
        assert r["部件名称"] in names, r
        assert classes[names[r["部件名称"]]]["geometry_type"] == "point"
        assert r["主管部门"] in dept_names
        assert r["权属单位"] in dept_names and (r["养护单位"] == "" or r["养护单位"] in dept_names)
        assert r["状态"] in ("完好", "破损", "丢失", "占用")
        assert r["数据来源"] in ("实测", "地形图", "调绘", "其它")
        assert gen.START_DATE <= datetime.date.fromisoformat(r["普查日期"]) <= gen.END_DATE
        assert inner.contains(Point(float(r["X"]), float(r["Y"]))), r
        assert (r["站名"] != "") == (r["部件名称"] == "公交站亭")
    states = Counter(r["状态"] for r in good)
    assert 0.88 <= states["完好"] / len(good) <= 0.96
    sources = Counter(r["数据来源"] for r in good)
    assert sources["实测"] / len(good) >= 0.85
    # no same-class pair within the importer's default duplicate tolerance (1 m)
    pts = [(r["部件名称"], float(r["X"]), float(r["Y"])) for r in good]
    assert close_pairs(pts, 1.0) == []


def test_bad_rows_in_the_stated_numbers(rows, classes, departments, district, counts):
    names = {c["name"] for c in classes.values()}
    names |= {a for c in classes.values() for a in c["alt_names"].split(";") if a}
    dept_names = set(departments.values())
    bad = [r for r in rows if is_bad(r)]
    assert len(bad) == sum(gen.BAD_ROWS.values())
    unknown_class = [r for r in bad if r["部件名称"] not in names]
    outside = [r for r in bad if not district.contains(Point(float(r["X"]), float(r["Y"])))]
    unknown_dept = [r for r in bad if r["主管部门"] not in dept_names]

    def bad_date(value):
        try:
            datetime.date.fromisoformat(value)
            return False
        except ValueError:
            return True

    dates = [r for r in bad if bad_date(r["普查日期"])]
    good = [r for r in rows if not is_bad(r)]
    pts = [(r["部件名称"], float(r["X"]), float(r["Y"])) for r in good]
    marked = [r for r in bad if r["备注"].endswith("疑似重复采集")]
    both = pts + [(r["部件名称"], float(r["X"]), float(r["Y"])) for r in marked]
    dups = [(i, j, d) for i, j, d in close_pairs(both, 0.5) if j >= len(pts)]
    found = {"unknown_class": len(unknown_class), "outside": len(outside), "unknown_department": len(unknown_dept),
             "bad_date": len(dates), "near_duplicate": len(dups)}
    assert found == gen.BAD_ROWS
    assert all(0 < d < 0.5 for _i, _j, d in dups)
    # each bad row has exactly one fault
    faults = Counter(id(r) for group in (unknown_class, outside, unknown_dept, dates) for r in group)
    assert all(n == 1 for n in faults.values())
    assert all(counts[f"bad_{k}"] == v for k, v in gen.BAD_ROWS.items())


def test_shapes_match_their_classes(out, classes, departments, district, counts):
    inner = prep(district.buffer(-0.5))
    path = out / gen.SHAPES_NAME
    assert sorted(fiona.listlayers(path)) == ["lines", "polygons"]
    lines, polygons = features(path, "lines"), features(path, "polygons")
    assert len(lines) == counts["lines"] and len(polygons) == counts["polygons"]
    for layer, want, items in (("lines", ("line", "LineString"), lines),
                               ("polygons", ("polygon", "Polygon"), polygons)):
        for f in items:
            assert classes[f["class_code"]]["geometry_type"] == want[0], (layer, f["class_code"])
            assert f["geometry"].geom_type == want[1]
            assert f["geometry"].is_valid and not f["geometry"].is_empty
            assert inner.contains(f["geometry"])
            assert f["dept1_code"] in departments and f["dept2_code"] in departments
            assert f["dept3_code"] is None or f["dept3_code"] in departments
            assert f["state"] in ("完好", "破损", "丢失", "占用")
            datetime.date.fromisoformat(f["census_date"])
            assert (f["site_name"] is not None) == (f["class_code"] == "0602")
    assert {f["class_code"] for f in lines} == {"0211", "0408"}
    assert {f["class_code"] for f in polygons} == {"0405", "0201", "0602"}
    # polygons do not overlap one another
    for i, a in enumerate(polygons):
        for b in polygons[i + 1:]:
            assert not a["geometry"].intersects(b["geometry"])
