"""Thematic maps and the street atlas (issue 7, part 3) through Processing, on real stores, checked
in the files a user gets: page sizes (pdfinfo), PNG pixels at 300 dpi, one atlas page per street,
the Chinese title, period, street names, "数据来源" and "制图日期" as searchable text (pdftotext),
embedded CJK fonts (pdffonts); the on-time map of the hand-built month of tests/db/test_evaluation
(红星路社区 50.0 %, a community with nothing due shown as such); hot spots through citygrid:hotspots;
and every refusal with its reason, nothing written.

Two stores: a small district built here (3 streets, 6 communities, 36 unit grids, census
components, November 2026 cases with a cluster) and the hand-built month (one community, cases
run through the workflow by staff)."""
from __future__ import annotations

import re
import uuid
from datetime import datetime

import processing
import pytest
from qgis.core import QgsProcessingException
from shapely.geometry import box

from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.store import db, migrate, reference
from citygrid_plugin.store.cases import report_case
from citygrid_plugin.store.grids import replace_grids
from tests.helpers.pdf import RADICALS, pdf_pages, pdf_text, png_size, poppler, squash

STREETS = {"001": "春熙路街道", "002": "书院街街道", "003": "督院街街道"}
COMMUNITIES = {("001", "001"): "红星路社区", ("001", "002"): "总府路社区", ("002", "001"): "大慈寺社区",
               ("002", "002"): "天涯石社区", ("003", "001"): "督院街社区", ("003", "002"): "红照壁社区"}
HOT = {(8, 0), (8, 1), (9, 0), (9, 1)}  # grid columns/rows of the planted cluster (street 002)


@pytest.fixture
def chinese(qgis_app):
    """What users get by default (the other tests run in English)."""
    from citygrid_plugin import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    yield
    i18n.uninstall()


def community_box(street: str, community: str) -> tuple[float, float]:
    """Lower-left corner of a community: streets side by side, 600 m wide; communities 300 m."""
    return (int(street) - 1) * 600 + (int(community) - 1) * 300, 0.0


@pytest.fixture(scope="module")
def district(cluster):
    """3 streets × 2 communities × 6 grids (100 m squares), components in the first street (its
    first two grids declared surveyed), and 96 cases reported in November 2026: one or two in every
    grid, a dozen in each of four neighbouring grids of the second street (60 cases there)."""
    name = f"cg_test_{uuid.uuid4().hex[:10]}"
    cluster.ensure_database(name)
    dsn = cluster.dsn(name)
    conn = db.connect(dsn)
    migrate.upgrade(conn)
    reference.load_standard_classes(conn)
    with conn.cursor() as cur:
        cur.execute("INSERT INTO citygrid.district (code, name) VALUES ('510104', '锦江区')")
        for code, street in STREETS.items():
            x0 = (int(code) - 1) * 600
            cur.execute("INSERT INTO citygrid.street (district_code, code, name, boundary) VALUES "
                        "('510104', %s, %s, ST_Multi(ST_MakeEnvelope(%s, 0, %s, 200, 4544)))",
                        (code, street, x0, x0 + 600))
        for (street, code), community in COMMUNITIES.items():
            x0, _y0 = community_box(street, code)
            cur.execute("INSERT INTO citygrid.community (district_code, street_code, code, name, boundary) VALUES "
                        "('510104', %s, %s, %s, ST_Multi(ST_MakeEnvelope(%s, 0, %s, 200, 4544)))",
                        (street, code, community, x0, x0 + 300))
        cur.execute("INSERT INTO citygrid.department (code, name) VALUES ('HW', '环卫所'), ('SZ', '市政所')")
    conn.commit()
    replace_grids(conn, {f"510104{s}{c}": [box(community_box(s, c)[0] + x, y, community_box(s, c)[0] + x + 100,
                                                 y + 100).wkb for y in (100, 0) for x in (0, 100, 200)]
                         for s, c in COMMUNITIES})
    with conn.cursor() as cur:
        for k in range(10):  # manhole covers and lamps in the first street
            cur.execute("INSERT INTO citygrid.component (class_code, dept1_code, geom) "
                        "VALUES (%s, 'SZ', ST_SetSRID(ST_MakePoint(%s, %s), 4544))",
                        ("0102" if k % 2 else "0118", 30 + k * 55, 40 + (k % 3) * 60))
        cur.execute("INSERT INTO citygrid.grid_census (grid_code, surveyed) SELECT code, true FROM citygrid.grid "
                    "WHERE code LIKE '510104001001%' ORDER BY code LIMIT 2")
    conn.commit()
    n = 0
    for column in range(18):
        for row in range(2):
            cases = 12 if (column, row) in HOT else 1 + (column + row) % 2
            for k in range(cases):
                n += 1
                report_case(conn, "监督员上报", "event", "0102", f"暴露垃圾 {n}", column * 100 + 20 + 7 * (k % 8),
                            row * 100 + 30 + 5 * (k % 9), at=datetime(2026, 11, 2 + n % 27, 9, n % 60, tzinfo=CST),
                            commit=False)
    conn.commit()
    conn.close()
    yield name
    cluster.drop_database(name)


def connection_to(cluster, dbname: str) -> str:
    from citygrid_plugin.connections import save_connection

    p = cluster.client_params(dbname)
    name = f"citygrid-maps-{dbname}"
    save_connection(name, p["host"], p["port"], p["dbname"], p["user"])
    return name


@pytest.fixture
def store(qgis_app, district, cluster):
    from citygrid_plugin.connections import delete_connection

    name = connection_to(cluster, district)
    yield {"CONNECTION": name, "MONTH": "2026-11"}
    delete_connection(name)


@pytest.fixture(scope="module")
def month_store(month):  # noqa: F811
    """The hand-built month plus a second community in which nothing happened."""
    _ids, _logins, dsn = month
    conn = db.connect(dsn)
    with conn.cursor() as cur:
        cur.execute("INSERT INTO citygrid.community (district_code, street_code, code, name, boundary) VALUES "
                    "('510104', '001', '002', '东风路社区', ST_Multi(ST_MakeEnvelope(300, 0, 600, 200, 4544)))")
        cur.execute("UPDATE citygrid.street SET boundary = ST_Multi(ST_MakeEnvelope(0, 0, 600, 200, 4544))")
    conn.commit()
    conn.close()
    return dsn.split("dbname=")[1].split()[0]


@pytest.fixture
def month_params(qgis_app, month_store, cluster):
    from citygrid_plugin.connections import delete_connection

    name = connection_to(cluster, month_store)
    yield {"CONNECTION": name, "MONTH": "2026-11"}
    delete_connection(name)


def run(alg: str, params: dict, **extra) -> dict:
    return processing.run(f"citygrid:{alg}", {**params, **extra})


def test_case_density_pdf_is_a4_landscape_with_chinese_text_and_embedded_fonts(provider, chinese, store, tmp_path):
    res = run("thematicmap", store, THEME=0, OUTPUT=str(tmp_path / "density.pdf"))
    assert res["PAGES"] == 1 and res["TITLE"] == "锦江区 2026年11月 案件密度（按单元网格）"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["density.pdf"]
    assert pdf_pages(tmp_path / "density.pdf") == (1, (842.0, 595.0))
    text = pdf_text(tmp_path / "density.pdf")
    for expected in ["锦江区 2026年11月 案件密度（按单元网格）", "单元网格案件数（件）",
                     "街道界", "社区界", "制图日期：", "数据来源：锦江区数字城管数据库（CityGrid）", "自然断点法分级",
                     *STREETS.values()]:
        assert expected in text, expected
    assert "上报案件96件" in squash(text)  # the subtitle gives the month's count
    assert not RADICALS.search(text)
    assert re.search(r"NotoSansCJKsc-(Regular|Bold)\s.*\byes\b", poppler("pdffonts", tmp_path / "density.pdf"))


def test_png_at_300_dpi_on_a3_portrait_and_a4_landscape(provider, store, tmp_path):
    run("thematicmap", store, THEME=2, PAPER=1, ORIENTATION=1, DPI=300, OUTPUT=str(tmp_path / "census.png"))
    assert png_size(tmp_path / "census.png") == (3508, 4961)  # 297 × 420 mm
    run("thematicmap", store, THEME=0, CLASSIFICATION=1, CLASSES=4, OUTPUT=str(tmp_path / "quantiles.png"))
    assert png_size(tmp_path / "quantiles.png") == (3508, 2480)  # the default: A4 landscape, 300 dpi


def test_census_coverage_counts_surveyed_grids(provider, chinese, store, tmp_path):
    res = run("thematicmap", store, THEME=2, AREA="510104001", OUTPUT=str(tmp_path / "census.pdf"))
    assert res["TITLE"] == "锦江区春熙路街道 部件普查覆盖情况"
    text = squash(pdf_text(tmp_path / "census.pdf"))
    assert "已普查（2个网格）" in text and "12个网格中已普查2个" in text


def test_on_time_rate_by_community_shows_the_hand_count_and_nothing_due(provider, chinese, month_params, tmp_path):
    res = run("thematicmap", month_params, THEME=1, OUTPUT=str(tmp_path / "on_time.pdf"))
    assert res["TITLE"] == "锦江区 2026年11月 按期处置率（按社区）"
    text = pdf_text(tmp_path / "on_time.pdf")
    # 红星路社区: due A, B, D, E; on time A, D → 50.0 %; 东风路社区: nothing due
    assert "红星路社区" in text and "50.0%" in text and "无应处置案件" in text and "东风路社区" in text
    assert "各社区按期处置率" in text and "应处置案件 4 件，按期处置率 50.0%" in text
    hw = run("thematicmap", month_params, THEME=1, DEPARTMENT="HW", UNIT=1, OUTPUT=str(tmp_path / "hw.pdf"))
    assert hw["TITLE"] == "锦江区 2026年11月 按期处置率（按街道） · 环卫所"
    with pytest.raises(QgsProcessingException, match="没有应处置案件"):  # JG's one case was returned
        run("thematicmap", month_params, THEME=1, DEPARTMENT="JG", OUTPUT=str(tmp_path / "jg.pdf"))
    with pytest.raises(QgsProcessingException, match="数据库中没有部门“XX”"):
        run("thematicmap", month_params, THEME=1, DEPARTMENT="XX", OUTPUT=str(tmp_path / "xx.pdf"))
    assert not (tmp_path / "jg.pdf").exists() and not (tmp_path / "xx.pdf").exists()


def test_hot_spots_come_from_citygrid_hotspots(provider, chinese, store, month_params, tmp_path):
    res = run("thematicmap", store, THEME=3, OUTPUT=str(tmp_path / "hot.pdf"))
    assert res["TITLE"] == "锦江区 2026年11月 案件热点分析（Gi*）"
    text = squash(pdf_text(tmp_path / "hot.pdf"))
    assert "热点分析（Gi*）" in text and re.search(r"热点(99|95)%置信（[1-9]\d*个网格）", text), text
    with pytest.raises(QgsProcessingException, match="热点分析至少需要 30 个"):  # only 6 grids have cases
        run("thematicmap", month_params, THEME=3, OUTPUT=str(tmp_path / "few.pdf"))
    assert not (tmp_path / "few.pdf").exists()


def test_atlas_has_one_page_per_street_with_its_name(provider, chinese, store, tmp_path):
    res = run("streetatlas", store, THEME=0, DPI=96, OUTPUT=str(tmp_path / "atlas.pdf"))
    assert res["PAGES"] == 3 and pdf_pages(tmp_path / "atlas.pdf") == (3, (842.0, 595.0))
    for page, street in enumerate(STREETS.values(), start=1):  # street code order
        text = pdf_text(tmp_path / "atlas.pdf", page)
        assert f"{street} 2026年11月 案件密度（按单元网格）" in text, page
        assert "制图日期：" in text and "数据来源：锦江区数字城管数据库（CityGrid）" in text
        assert "分级与全区一致" in text  # the page's own figures, the area's classes
    second = squash(pdf_text(tmp_path / "atlas.pdf", 2))
    assert "上报案件60件" in second and "分布在12个网格中的12个" in second  # 书院街街道: the cluster's 48 + 12
    pngs = run("streetatlas", store, THEME=2, DPI=72, PAPER=0, ORIENTATION=1, OUTPUT=str(tmp_path / "pages.png"))
    files = pngs["FILES"].split(";")
    assert [f.rsplit("/", 1)[1] for f in files] == ["01_春熙路街道.png", "02_书院街街道.png", "03_督院街街道.png"]
    assert all(png_size(f) == (595, 842) for f in files)


@pytest.mark.parametrize("extra, message", [
    ({"OUTPUT": "map.jpg"}, r"goes to a \.pdf or \.png file"),
    ({"AREA": "510104009"}, "is not a district, street or community of this store"),
    ({"AREA": "5101040"}, "is not a district"),
    ({"MONTH": "2025-01"}, "no case was reported in 锦江区 in 1/2025"),
    ({"MONTH": "2031-01"}, "starts in the future"),
    ({"MONTH": "2026-13"}, "must be written YYYY-MM"),
])
def test_bad_parameters_are_refused_with_the_reason(provider, store, tmp_path, extra, message):
    params = {**store, "THEME": 0, "OUTPUT": str(tmp_path / "map.pdf"), **extra}
    if extra.get("OUTPUT"):
        params["OUTPUT"] = str(tmp_path / extra["OUTPUT"])
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("citygrid:thematicmap", params)
    assert list(tmp_path.iterdir()) == []

