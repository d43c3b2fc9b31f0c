#!/usr/bin/env python3
"""Generate a synthetic component census (部件普查) for the sample district.

Usage (from the repository root)::

    .venv/bin/python data_samples/generate_census.py [--gpkg data_samples/sample_district.gpkg]
        [--out-dir data_samples/census] [--seed 20261121]

Everything here is generated: the components are placed along the real road centrelines of
``sample_district.gpkg`` (EPSG:4544) by the rules below, with a seeded random generator, so the
same seed gives the same files. No QGIS needed (shapely 1.8, fiona, numpy).

Placement. A point "at the kerb" lies half the road width + 0.5–1.5 m from the centreline (per
class a narrower band inside that range), on the left or right side. Along a road, positions
start at a random phase and advance by a random step drawn from the class's spacing range, so the
expected density is length / mean spacing whatever the segment lengths. A point is dropped when
it falls on a road surface (the mouths of side roads at intersections), inside a building, within
1 m of the district boundary or outside it (the far kerb of the boundary roads), or within 1.5 m
of an earlier point of the same class. Road classes: A 主干路 arterial (40 m wide), S 次干路
secondary (28 m), B 支路 branch (16 m), L 街巷 lane (8 m).

=====  ===========  ========================  ===================================================
code   class        roads                     spacing rule
=====  ===========  ========================  ===================================================
0101   上水井盖     A, S / B / L              35 m (30–40) both kerbs / 70 m alternating / 100 m
0102   污水井盖     A, S / B / L              same as 0101
0103   雨水井盖     A, S / B                  35 m both kerbs / 70 m alternating
0104   雨水箅子     A, S / B                  25 m (22–28) both kerbs / 50 m both kerbs
0105   电力井盖     A, S / B                  80 m (60–100) one kerb / 120 m one kerb
0107   通讯井盖     A, S / B                  80 m the other kerb / 120 m one kerb
0109   网络井盖     A, S                      150 m (120–180) one kerb
0117   立杆         B, L                      50 m (40–60) one kerb (utility poles)
0118   路灯         A, S, B                   30 m (27–33) along the road, alternating sides
0121   报刊亭       A, S                      400 m (300–500), random side
0137   售货亭       A, S, B                   500 m (400–600), random side
0203   公交站亭     A / S                     500 m (450–550) / 700 m (600–800); a pair of
                                              shelters facing each other, with the stop name
0209   交通标志牌   major intersections       one per approach, 30–60 m before the stop line
0210   交通信号灯   major intersections       one per approach, at the near-side corner
0213   路名牌       intersections (not lanes) one per intersection, two at major ones
0301   公共厕所     S, B                      3 per km² of district, random road positions
0305   垃圾箱       A, S / B                  65 m (50–80) both kerbs / 100 m alternating
0402   行道树       A, S                      7 m (6–8) both kerbs
0211   交通护栏     A median / S kerb         lines of 50–200 m, gaps of 8–20 m, 15 m clear of
                                              nodes; on S kerbs for one segment in five
0408   绿地护栏     around green patches       one closed fence for about half the patches
0405   绿地         block interiors            about 90 patches, 12–45 m × 8–30 m, clear of
                                              roads (2 m) and buildings (2 m)
0201   停车场       block interiors            6–10, 25–60 m × 20–45 m
0602   工地         block interiors            1–3, 50–120 m × 40–90 m, with a site name
=====  ===========  ========================  ===================================================

A major intersection is a node of degree >= 3 where at least two roads are arterial or secondary.
With the default seed this gives about 21,800 components for 8.3 km² (trees ~32 %, covers and
gratings ~45 %) — a dense city centre; the whole-district figure of standards.md §2 (27,000 in
90 km²) counts far fewer trees and covers per km².

Attributes: departments by class (codes of departments_gbk.csv: 0101 → SW, 0102–0104 → SZ,
power → GD, telecom/network → TX, lamps → SZ, bins and toilets → HW, trees and green → YL,
traffic → JG, …); state 完好 92 %, 破损 5 %, 丢失 1.5 % (covers; others 占用), 占用 1.5 %; data
source 实测 90 %, 调绘 6 %, 地形图 3 %, 其它 1 %; census date 2026-03-02..2026-06-30, sweeping west
to east across the district with a few days' noise; about 10 % without a maintainer (养护单位).

Deliberately bad point rows (in the CSV only; each says so in 备注, starting "示例错误"), fixed
numbers given by ``BAD_ROWS``: unknown class names, points far outside the district (zone prefix
on X, X/Y swapped, 20 km off), unknown department names, impossible dates, and near-duplicates (a
copy of a valid point of the same class moved 0.05–0.45 m).

Output in *out_dir*:

* ``census_points_gbk.csv`` (GBK, CRLF): 部件名称 (class name), 主管部门, 权属单位, 养护单位
  (department names), 状态, 数据来源, 普查日期 (YYYY-MM-DD), X, Y (EPSG:4544 metres, 3 decimals),
  备注, 站名 (stop name of bus shelters);
* ``census_shapes.gpkg`` (EPSG:4544): layers ``lines`` (LineString) and ``polygons`` (Polygon)
  with class_code, dept1_code, dept2_code, dept3_code (department codes), state, data_source,
  census_date (text YYYY-MM-DD), site_name, note.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import math
import sys
import time
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import fiona
import numpy as np
import shapely.vectorized
from shapely.geometry import LineString, Point, Polygon, mapping, shape
from shapely.ops import substring, unary_union
from shapely.prepared import prep
from shapely.strtree import STRtree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GPKG = HERE / "sample_district.gpkg"
DEPARTMENTS = HERE / "departments_gbk.csv"
CLASSES = ROOT / "citygrid_plugin" / "resources" / "data" / "component_classes_2013.csv"
SEED = 20261121
CRS = "EPSG:4544"
CSV_NAME = "census_points_gbk.csv"
SHAPES_NAME = "census_shapes.gpkg"
CSV_HEADER = ("部件名称", "主管部门", "权属单位", "养护单位", "状态", "数据来源", "普查日期", "X", "Y", "备注", "站名")
BAD_NOTE = "示例错误"
BAD_ROWS = {"unknown_class": 25, "outside": 25, "unknown_department": 25, "bad_date": 25, "near_duplicate": 25}
UNKNOWN_CLASSES = ("垃圾桶", "井盖", "路灯杆", "树池", "隔离墩")
UNKNOWN_DEPARTMENTS = ("区路灯管理处", "某物业公司", "市政管理处", "区城管执法大队")
BAD_DATES = ("2026-02-30", "2026-13-01", "2026-06-31", "2026-04-31", "20260-5-01")
START_DATE = datetime.date(2026, 3, 2)
END_DATE = datetime.date(2026, 6, 30)

A, S, B, L = "主干路", "次干路", "支路", "街巷"

# (code, road classes, side mode, spacing (lo, hi) m, extra kerb offset (lo, hi) m)
# side mode: both = each kerb independently; alt = alternate kerbs along the road;
# alt-seg = one kerb per segment, alternating by segment; left/right = that kerb only;
# random = a random kerb per point
POINT_RULES = [
    ("0402", (A, S), "both", (6, 8), (1.0, 1.5)),
    ("0101", (A, S), "both", (30, 40), (0.5, 1.5)),
    ("0101", (B,), "alt-seg", (60, 80), (0.5, 1.5)),
    ("0101", (L,), "alt-seg", (90, 110), (0.5, 1.5)),
    ("0102", (A, S), "both", (30, 40), (0.5, 1.5)),
    ("0102", (B,), "alt-seg", (60, 80), (0.5, 1.5)),
    ("0102", (L,), "alt-seg", (90, 110), (0.5, 1.5)),
    ("0103", (A, S), "both", (30, 40), (0.5, 1.5)),
    ("0103", (B,), "alt-seg", (60, 80), (0.5, 1.5)),
    ("0104", (A, S), "both", (22, 28), (0.5, 0.8)),
    ("0104", (B,), "both", (45, 55), (0.5, 0.8)),
    ("0105", (A, S), "left", (60, 100), (0.5, 1.5)),
    ("0105", (B,), "left", (100, 140), (0.5, 1.5)),
    ("0107", (A, S), "right", (60, 100), (0.5, 1.5)),
    ("0107", (B,), "right", (100, 140), (0.5, 1.5)),
    ("0109", (A, S), "right", (120, 180), (0.5, 1.5)),
    ("0117", (B, L), "right", (40, 60), (0.5, 0.8)),
    ("0118", (A, S, B), "alt", (27, 33), (0.5, 0.8)),
    ("0305", (A, S), "both", (50, 80), (0.8, 1.5)),
    ("0305", (B,), "alt", (80, 120), (0.8, 1.5)),
    ("0121", (A, S), "random", (300, 500), (1.0, 1.5)),
    ("0137", (A, S, B), "random", (400, 600), (1.0, 1.5)),
]
BUS_RULES = ((A, (450, 550)), (S, (600, 800)))

# departments by class: (主管部门, 权属单位, 养护单位) codes
DEPTS = {
    "0101": ("SW", "SW", "SW"), "0102": ("SZ", "SZ", "SZ"), "0103": ("SZ", "SZ", "SZ"),
    "0104": ("SZ", "SZ", "SZ"), "0105": ("GD", "GD", "GD"), "0107": ("TX", "TX", "TX"),
    "0109": ("TX", "TX", "TX"), "0117": ("GD", "GD", "GD"), "0118": ("SZ", "SZ", "SZ"),
    "0121": ("CGJ", "SCJ", "CGJ"), "0137": ("SCJ", "SCJ", "CGJ"), "0203": ("JG", "JG", "SZ"),
    "0209": ("JG", "JG", "JG"), "0210": ("JG", "JG", "JG"), "0213": ("SZ", "SZ", "SZ"),
    "0301": ("HW", "HW", "HW"), "0305": ("HW", "HW", "HW"), "0402": ("YL", "YL", "YL"),
    "0211": ("JG", "JG", "SZ"), "0408": ("YL", "YL", "YL"), "0405": ("YL", "YL", "YL"),
    "0201": ("JG", "CGJ", "CGJ"), "0602": ("ZJ", "ZJ", "ZJ"),
}
COVERS = {"0101", "0102", "0103", "0104", "0105", "0107", "0109"}
PROBLEM_NOTES = {
    "破损": {"cover": ("井盖破裂", "井盖松动", "井座破损"), "other": ("设施破损", "表面损坏", "倾斜")},
    "丢失": {"cover": ("井盖缺失",), "other": ("设施缺失",)},
    "占用": {"cover": ("被车辆压占",), "other": ("被占用堆放杂物", "被摊点占用")},
}
STOP_PLACES = ("春熙路", "红星路", "东大街", "书院街", "督院街", "总府路", "纱帽街", "盐市口", "太古里", "大慈寺",
               "水井坊", "合江亭", "九眼桥", "顺城街", "暑袜街", "北糠市街", "城守街", "东风路", "玉沙路",
               "锦华路", "镋钯街", "上东大街", "下东大街", "华兴街", "梓潼桥", "和平街", "天涯石", "棉花街",
               "福字街", "新华大道", "蜀都大道", "致民路", "指挥街", "均隆街", "海椒市", "东门大桥")
SITE_NAMES = ("锦华苑二期住宅项目工地", "东大街地下管廊改造工程工地", "书院街片区有机更新项目工地")


@dataclass
class Road:
    x0: float
    y0: float
    x1: float
    y1: float
    road_class: str
    width: float

    @property
    def length(self) -> float:
        return math.hypot(self.x1 - self.x0, self.y1 - self.y0)


@dataclass
class Census:
    """Valid points (class code, x, y, stop name) and shapes, attributes added later."""

    points: list[dict] = field(default_factory=list)    # class_code, x, y, stop_name, depts, state, ...
    shapes: list[dict] = field(default_factory=list)    # class_code, geometry, site_name, ...
    bad: list[dict] = field(default_factory=list)       # CSV rows (dicts keyed like points) + kind
    departments: dict[str, str] = field(default_factory=dict)   # code -> name
    classes: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (name, geometry_type)


def strtree(geoms: list) -> STRtree:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="STRtree will be changed")
        return STRtree(geoms)


def read_classes(path: Path = CLASSES) -> dict[str, tuple[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {r["code"]: (r["name"], r["geometry_type"]) for r in csv.DictReader(fh)}


def read_departments(path: Path = DEPARTMENTS) -> dict[str, str]:
    with open(path, encoding="gbk", newline="") as fh:
        return {r["编码"]: r["名称"] for r in csv.DictReader(fh)}


class Site:
    """The sample district's layers and the masks used to place components."""

    def __init__(self, gpkg: Path):
        with fiona.open(gpkg, layer="district") as src:
            self.district = shape(next(iter(src))["geometry"])
        with fiona.open(gpkg, layer="roads") as src:
            self.roads = []
            for f in src:
                (x0, y0), (x1, y1) = f["geometry"]["coordinates"][0][:2], f["geometry"]["coordinates"][-1][:2]
                self.roads.append(Road(x0, y0, x1, y1, f["properties"]["road_class"],
                                       float(f["properties"]["width_m"])))
        with fiona.open(gpkg, layer="road_surfaces") as src:
            self.surfaces = unary_union([shape(f["geometry"]) for f in src])
        with fiona.open(gpkg, layer="buildings") as src:
            self.buildings = [shape(f["geometry"]) for f in src]
        self.inner = self.district.buffer(-1.0)
        self.inner_prep = prep(self.inner)
        self.surfaces_prep = prep(self.surfaces)
        self.building_union = unary_union(self.buildings)
        self.building_tree = strtree(self.buildings)

    def keep(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Mask of the positions inside the district (1 m in), off road surfaces and buildings."""
        if len(x) == 0:
            return np.zeros(0, dtype=bool)
        ok = shapely.vectorized.contains(self.inner, x, y)
        ok &= ~shapely.vectorized.contains(self.surfaces, x, y)
        ok &= ~shapely.vectorized.contains(self.building_union, x, y)
        return ok


def kerb_point(road: Road, s: float, side: int, extra: float) -> tuple[float, float]:
    """Point at distance *s* from the road's start, on its left (side 1) or right (-1) kerb."""
    length = road.length
    ux, uy = (road.x1 - road.x0) / length, (road.y1 - road.y0) / length
    d = side * (road.width / 2 + extra)
    return road.x0 + ux * s - uy * d, road.y0 + uy * s + ux * d


def along(rng: np.random.Generator, length: float, lo: float, hi: float, clear: float = 2.0) -> list[float]:
    out = []
    s = rng.uniform(0, hi)
    while s < length:
        if clear <= s <= length - clear:
            out.append(s)
        s += rng.uniform(lo, hi)
    return out


def place_road_points(site: Site, rng: np.random.Generator) -> list[tuple[str, float, float, str | None]]:
    out: list[tuple[str, float, float, str | None]] = []
    for code, road_classes, mode, (lo, hi), (elo, ehi) in POINT_RULES:
        for i, road in enumerate(site.roads):
            if road.road_class not in road_classes:
                continue
            positions = along(rng, road.length, lo, hi)
            if mode == "both":
                todo = [(s, side) for side in (1, -1) for s in
                        (positions if side == 1 else along(rng, road.length, lo, hi))]
            elif mode == "alt":
                first = 1 if rng.random() < 0.5 else -1
                todo = [(s, first if k % 2 == 0 else -first) for k, s in enumerate(positions)]
            elif mode == "alt-seg":
                todo = [(s, 1 if i % 2 == 0 else -1) for s in positions]
            elif mode in ("left", "right"):
                todo = [(s, 1 if mode == "left" else -1) for s in positions]
            else:
                todo = [(s, 1 if rng.random() < 0.5 else -1) for s in positions]
            for s, side in todo:
                x, y = kerb_point(road, s, side, rng.uniform(elo, ehi))
                out.append((code, x, y, None))
    # bus shelters: a pair facing each other, both with the stop name
    places = list(STOP_PLACES)
    rng.shuffle(places)
    n = 0
    for road_class, (lo, hi) in BUS_RULES:
        for road in site.roads:
            if road.road_class != road_class:
                continue
            for s in along(rng, road.length, lo, hi, clear=30.0):
                place = places[n % len(places)]
                name = f"{place}站" if n < len(places) else f"{place}{n // len(places) + 1}站"
                n += 1
                for side in (1, -1):
                    x, y = kerb_point(road, s + side * rng.uniform(5, 15), side, rng.uniform(1.0, 1.5))
                    out.append(("0203", x, y, name))
    return out


def place_intersection_points(site: Site, rng: np.random.Generator) -> list[tuple[str, float, float, None]]:
    ends: dict[tuple[float, float], list[tuple[Road, bool]]] = defaultdict(list)
    for road in site.roads:
        ends[(round(road.x0, 2), round(road.y0, 2))].append((road, True))
        ends[(round(road.x1, 2), round(road.y1, 2))].append((road, False))
    out: list[tuple[str, float, float, None]] = []
    for node in sorted(ends):
        incident = ends[node]
        if len(incident) < 3:
            continue
        classes = [r.road_class for r, _ in incident]
        if all(c == L for c in classes):
            continue
        major = sum(c in (A, S) for c in classes) >= 2
        for k, (road, at_start) in enumerate(incident):
            others = max(r.width for r, _ in incident if r is not road) / 2
            d = others + rng.uniform(1.5, 3.0)
            if road.length < d + 5:
                continue
            # approaching the node, the right-hand kerb: left of the road direction when the node is its start
            side = 1 if at_start else -1
            s = d if at_start else road.length - d
            if major:
                out.append(("0210", *kerb_point(road, s, side, rng.uniform(0.5, 1.0)), None))
                back = rng.uniform(30, 60)
                if road.length > d + back + 5:
                    s2 = s + back if at_start else s - back
                    out.append(("0209", *kerb_point(road, s2, side, rng.uniform(0.5, 1.0)), None))
            if k == 0 or (major and k == 2):
                out.append(("0213", *kerb_point(road, s, -side, rng.uniform(0.8, 1.5)), None))
    return out


def place_toilets(site: Site, rng: np.random.Generator) -> list[tuple[str, float, float, None]]:
    roads = [r for r in site.roads if r.road_class in (S, B) and r.length > 40]
    weights = np.array([r.length for r in roads])
    n = round(3 * site.district.area / 1e6)
    out = []
    for i in rng.choice(len(roads), size=n * 2, p=weights / weights.sum()):
        road = roads[i]
        x, y = kerb_point(road, rng.uniform(15, road.length - 15), 1 if rng.random() < 0.5 else -1,
                          rng.uniform(1.0, 1.5))
        out.append(("0301", x, y, None))
    return out  # twice the target: about half fall outside or on surfaces; trimmed after filtering


def dedupe(points: list[tuple[str, float, float, str | None]], radius: float) -> list[int]:
    """Indices of the points kept: each point is dropped if an earlier kept point of its class is
    within *radius*."""
    cells: dict[tuple[str, int, int], list[tuple[float, float]]] = defaultdict(list)
    kept = []
    r2 = radius * radius
    for i, (code, x, y, _stop) in enumerate(points):
        cx, cy = int(math.floor(x / radius)), int(math.floor(y / radius))
        near = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for px, py in cells.get((code, cx + dx, cy + dy), ()):
                    if (px - x) ** 2 + (py - y) ** 2 < r2:
                        near = True
                        break
        if not near:
            cells[(code, cx, cy)].append((x, y))
            kept.append(i)
    return kept


def nearest_angle(site: Site, tree: STRtree, lines: list[LineString], p: Point) -> float:
    line = tree.nearest(p)
    (x0, y0), (x1, y1) = line.coords[0], line.coords[-1]
    return math.atan2(y1 - y0, x1 - x0)


def rectangle(cx: float, cy: float, w: float, h: float, angle: float, chamfer: float = 0.0) -> Polygon:
    c, s = math.cos(angle), math.sin(angle)
    pts = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    if chamfer > 0:  # cut one corner (greens are rarely perfect rectangles)
        pts = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2 - chamfer), (w / 2 - chamfer, h / 2), (-w / 2, h / 2)]
    return Polygon([(cx + x * c - y * s, cy + x * s + y * c) for x, y in pts])


def place_areas(site: Site, rng: np.random.Generator) -> list[dict]:
    """Green patches, car parks and construction sites in the open parts of blocks."""
    lines = [LineString([(r.x0, r.y0), (r.x1, r.y1)]) for r in site.roads]
    tree = strtree(lines)
    placed: list[Polygon] = []
    x0, y0, x1, y1 = site.inner.bounds
    out = []

    def free(poly: Polygon) -> bool:
        if not site.inner_prep.contains(poly):
            return False
        grown = poly.buffer(2.0, join_style=2)
        if site.surfaces_prep.intersects(grown):
            return False
        if any(b.intersects(grown) for b in site.building_tree.query(grown)):
            return False
        return not any(p.intersects(grown) for p in placed)

    def try_place(code: str, target: int, w_range, h_range, attempts: int, chamfer: bool = False) -> None:
        got = 0
        for _ in range(attempts):
            if got >= target:
                break
            cx, cy = rng.uniform(x0, x1), rng.uniform(y0, y1)
            w, h = rng.uniform(*w_range), rng.uniform(*h_range)
            angle = nearest_angle(site, tree, lines, Point(cx, cy))
            cut = rng.uniform(0.2, 0.4) * min(w, h) if chamfer and rng.random() < 0.4 else 0.0
            poly = rectangle(cx, cy, w, h, angle, cut)
            if free(poly):
                placed.append(poly)
                out.append({"class_code": code, "geometry": poly})
                got += 1

    n_sites = int(rng.integers(1, 4))
    try_place("0602", n_sites, (50, 120), (40, 90), 4000)
    try_place("0201", int(rng.integers(6, 11)), (25, 60), (20, 45), 4000)
    try_place("0405", 90, (12, 45), (8, 30), 8000, chamfer=True)
    names = list(SITE_NAMES)
    for item in out:
        if item["class_code"] == "0602":
            item["site_name"] = names.pop(0)
    # fences around about half the green patches: the patch outline as one closed line
    for item in list(out):
        if item["class_code"] == "0405" and rng.random() < 0.5:
            out.append({"class_code": "0408", "geometry": LineString(item["geometry"].exterior.coords)})
    return out


def place_guard_rails(site: Site, rng: np.random.Generator) -> list[dict]:
    out = []
    for road in site.roads:
        if road.road_class == A:
            offsets = [0.0]                       # the median
        elif road.road_class == S and rng.random() < 0.2:
            offsets = [road.width / 2 + 0.3]      # pedestrian rail on one kerb
        else:
            continue
        line = LineString([(road.x0, road.y0), (road.x1, road.y1)])
        for off in offsets:
            base = line if off == 0 else line.parallel_offset(off, "left" if rng.random() < 0.5 else "right")
            if base.is_empty or base.geom_type != "LineString":
                continue
            length = base.length
            s = 15.0
            while s + 50 <= length - 15:
                piece_len = min(rng.uniform(50, 200), length - 15 - s)
                if piece_len < 50:
                    break
                piece = substring(base, s, s + piece_len)
                if site.inner_prep.contains(piece):
                    out.append({"class_code": "0211", "geometry": piece})
                s += piece_len + rng.uniform(8, 20)
    return out


def census_date(rng: np.random.Generator, x: float, x0: float, x1: float) -> str:
    span = (END_DATE - START_DATE).days
    t = (x - x0) / (x1 - x0) * 0.85 * span + rng.uniform(0, 0.15 * span)
    return (START_DATE + datetime.timedelta(days=int(min(span, max(0, t))))).isoformat()


def attributes(rng: np.random.Generator, code: str, x: float, bounds: tuple[float, float]) -> dict:
    d1, d2, d3 = DEPTS[code]
    r = rng.random()
    cover = code in COVERS
    state = "完好" if r < 0.92 else "破损" if r < 0.97 else ("丢失" if cover else "占用") if r < 0.985 else "占用"
    r = rng.random()
    source = "实测" if r < 0.90 else "调绘" if r < 0.96 else "地形图" if r < 0.99 else "其它"
    note = None
    if state != "完好":
        choices = PROBLEM_NOTES[state]["cover" if cover else "other"]
        note = choices[int(rng.integers(len(choices)))]
    return {"dept1_code": d1, "dept2_code": d2, "dept3_code": d3 if rng.random() < 0.9 else None,
            "state": state, "data_source": source, "census_date": census_date(rng, x, *bounds), "note": note}


def build(gpkg_path: str | Path = GPKG, seed: int = SEED) -> Census:
    """The census in memory (deterministic for *seed*)."""
    rng = np.random.default_rng(seed)
    site = Site(Path(gpkg_path))
    census = Census(departments=read_departments(), classes=read_classes())
    raw = place_road_points(site, rng) + place_intersection_points(site, rng) + place_toilets(site, rng)
    xs = np.array([p[1] for p in raw])
    ys = np.array([p[2] for p in raw])
    ok = site.keep(xs, ys)
    raw = [p for p, k in zip(raw, ok) if k]
    raw = [raw[i] for i in dedupe(raw, 1.5)]
    toilets = round(3 * site.district.area / 1e6)
    seen_toilets = 0
    bx = site.district.bounds
    bounds = (bx[0], bx[2])
    for code, x, y, stop in raw:
        if code == "0301":
            seen_toilets += 1
            if seen_toilets > toilets:
                continue
        item = {"class_code": code, "x": round(x, 3), "y": round(y, 3), "stop_name": stop}
        item.update(attributes(rng, code, x, bounds))
        census.points.append(item)
    for item in place_areas(site, rng) + place_guard_rails(site, rng):
        a = item["geometry"].representative_point() if item["geometry"].geom_type == "Polygon" \
            else item["geometry"].interpolate(0.5, normalized=True)
        item.update(attributes(rng, item["class_code"], a.x, bounds))
        item.setdefault("site_name", None)
        census.shapes.append(item)
    # rows in survey order: by date, then west to east
    census.points.sort(key=lambda p: (p["census_date"], p["x"], p["y"], p["class_code"]))
    census.bad = bad_rows(rng, census, site)
    return census


def bad_rows(rng: np.random.Generator, census: Census, site: Site) -> list[dict]:
    """The deliberately bad rows (see BAD_ROWS), each marked in its note."""
    out = []
    pts = census.points

    def pick() -> dict:
        return dict(pts[int(rng.integers(len(pts)))])

    def moved(p: dict, lo: float, hi: float) -> dict:
        for _ in range(50):
            a = rng.uniform(0, 2 * math.pi)
            r = rng.uniform(lo, hi)
            x, y = p["x"] + r * math.cos(a), p["y"] + r * math.sin(a)
            if site.keep(np.array([x]), np.array([y]))[0]:
                return {**p, "x": round(x, 3), "y": round(y, 3)}
        raise RuntimeError("no free position near a sample point")

    for k in range(BAD_ROWS["unknown_class"]):
        p = moved(pick(), 3, 6)
        out.append({**p, "kind": "unknown_class", "class_name": UNKNOWN_CLASSES[k % len(UNKNOWN_CLASSES)],
                    "stop_name": None, "note": f"{BAD_NOTE}：部件名称不在部件分类表中"})
    for k in range(BAD_ROWS["outside"]):
        p = pick()
        if k % 3 == 0:
            x, y = 35_000_000 + p["x"], p["y"]          # zone number 35 written before the easting
        elif k % 3 == 1:
            x, y = p["y"], p["x"]                        # X and Y swapped
        else:
            x, y = p["x"] + 20_000 + rng.uniform(0, 5000), p["y"] - rng.uniform(0, 5000)  # 20 km off
        out.append({**p, "kind": "outside", "x": round(x, 3), "y": round(y, 3),
                    "note": f"{BAD_NOTE}：坐标在辖区之外"})
    for k in range(BAD_ROWS["unknown_department"]):
        p = moved(pick(), 3, 6)
        out.append({**p, "kind": "unknown_department", "dept1_name": UNKNOWN_DEPARTMENTS[k % len(UNKNOWN_DEPARTMENTS)],
                    "note": f"{BAD_NOTE}：主管部门不在部门表中"})
    for k in range(BAD_ROWS["bad_date"]):
        p = moved(pick(), 3, 6)
        out.append({**p, "kind": "bad_date", "census_date": BAD_DATES[k % len(BAD_DATES)],
                    "note": f"{BAD_NOTE}：普查日期无效"})
    chosen = rng.choice(len(pts), size=BAD_ROWS["near_duplicate"], replace=False)
    for i in sorted(int(i) for i in chosen):
        p = pts[i]
        a, r = rng.uniform(0, 2 * math.pi), rng.uniform(0.05, 0.45)
        out.append({**p, "kind": "near_duplicate", "original": i, "x": round(p["x"] + r * math.cos(a), 3),
                    "y": round(p["y"] + r * math.sin(a), 3), "note": f"{BAD_NOTE}：疑似重复采集"})
    return out


def csv_row(census: Census, p: dict) -> list[str]:
    names = census.departments

    def dept(code):
        return names[code] if code else ""

    return [p.get("class_name") or census.classes[p["class_code"]][0],
            p.get("dept1_name") or dept(p["dept1_code"]), dept(p["dept2_code"]), dept(p["dept3_code"]),
            p["state"], p["data_source"], p["census_date"], f"{p['x']:.3f}", f"{p['y']:.3f}",
            p.get("note") or "", p.get("stop_name") or ""]


def write(census: Census, out_dir: str | Path, seed: int = SEED) -> tuple[Path, Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # near-duplicates right after their original (a second pass over the same street), the other
    # bad rows at seeded positions
    dups = defaultdict(list)
    for p in census.bad:
        if p["kind"] == "near_duplicate":
            dups[p["original"]].append(p)
    rows = []
    for i, p in enumerate(census.points):
        rows.append(csv_row(census, p))
        rows.extend(csv_row(census, d) for d in dups.get(i, ()))
    rng = np.random.default_rng(seed + 1)
    for p in census.bad:
        if p["kind"] != "near_duplicate":
            rows.insert(int(rng.integers(len(rows) + 1)), csv_row(census, p))
    csv_path = out_dir / CSV_NAME
    with open(csv_path, "w", encoding="gbk", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADER)
        writer.writerows(rows)
    gpkg_path = out_dir / SHAPES_NAME
    if gpkg_path.exists():
        gpkg_path.unlink()
    props = {"class_code": "str:5", "dept1_code": "str:20", "dept2_code": "str:20", "dept3_code": "str:20",
             "state": "str:4", "data_source": "str:4", "census_date": "str:10", "site_name": "str:80",
             "note": "str:200"}
    with fiona.Env(OGR_CURRENT_DATE="2026-07-01T00:00:00.000Z"):
        for layer, gtype, kinds in (("lines", "LineString", ("line",)), ("polygons", "Polygon", ("polygon",))):
            items = [s for s in census.shapes if census.classes[s["class_code"]][1] in kinds]
            schema = {"geometry": gtype, "properties": props}
            with fiona.open(gpkg_path, "w", driver="GPKG", layer=layer, crs=CRS, schema=schema) as dst:
                dst.writerecords({"geometry": mapping(s["geometry"]),
                                  "properties": {k: s.get(k) for k in props}} for s in items)
    return csv_path, gpkg_path


def counts(census: Census) -> dict:
    by_class = Counter(p["class_code"] for p in census.points) + Counter(s["class_code"] for s in census.shapes)
    out: dict = {code: by_class[code] for code in sorted(by_class)}
    kinds = Counter(p["kind"] for p in census.bad)
    out.update({
        "points": len(census.points),
        "lines": sum(census.classes[s["class_code"]][1] == "line" for s in census.shapes),
        "polygons": sum(census.classes[s["class_code"]][1] == "polygon" for s in census.shapes),
        "valid": len(census.points) + len(census.shapes),
        **{f"bad_{k}": kinds[k] for k in BAD_ROWS},
        "csv_rows": len(census.points) + len(census.bad),
    })
    return out


def generate(gpkg_path: str | Path = GPKG, out_dir: str | Path = HERE / "census", seed: int = SEED) -> dict:
    """Write census_points_gbk.csv and census_shapes.gpkg to *out_dir*; return counts: per class
    code (valid components), points, lines, polygons, valid, bad_<kind> and csv_rows."""
    census = build(gpkg_path, seed)
    write(census, out_dir, seed)
    return counts(census)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpkg", default=str(GPKG))
    parser.add_argument("--out-dir", default=str(HERE / "census"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    result = generate(args.gpkg, args.out_dir, args.seed)
    classes = read_classes()
    for code, n in result.items():
        if code in classes:
            print(f"  {code} {classes[code][0]:<8} {n:>7,}")
    print(f"valid components {result['valid']:,} ({result['points']:,} points, {result['lines']:,} lines, "
          f"{result['polygons']:,} polygons)")
    print("bad rows: " + ", ".join(f"{k} {result['bad_' + k]}" for k in BAD_ROWS)
          + f"; CSV rows {result['csv_rows']:,}")
    print(f"written to {args.out_dir} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
