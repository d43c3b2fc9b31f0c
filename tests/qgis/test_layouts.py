"""Print layouts on the sample district, checked in the files a user gets: page sizes and counts
(pdfinfo), the Chinese text a reader searches and copies (pdftotext), embedded CJK fonts
(pdffonts), PNG pixel sizes, and the layout items a technician edits in QGIS."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLegendStyle,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)

from citygrid_plugin import charts, layouts
from citygrid_plugin.layers import apply_style
from citygrid_plugin.layouts import ITEM_IDS, LayoutError, ReportBuilder
from tests.helpers.pdf import RADICALS, page_size, pdf_pages, pdf_text, png_size, poppler, squash
from tests.helpers.sample import SAMPLE_GPKG

STREETS = ["春熙路街道", "书院街街道", "督院街街道"]
DATE = dt.date(2026, 12, 1)
SOURCE = "锦江区城市管理监督指挥中心"



@pytest.fixture
def chinese(qgis_app):
    """Users get the Chinese catalogue by default (tests elsewhere run in English)."""
    from citygrid_plugin import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    yield
    i18n.uninstall()


def sample_layer(name: str, title: str, style: str = "") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{SAMPLE_GPKG}|layername={name}", title, "ogr")
    assert layer.isValid(), name
    if style:
        apply_style(layer, style)
    return layer


@pytest.fixture
def project(qgis_app):
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4544"))
    layers = {"streets": sample_layer("streets", "街道", "street"),
              "communities": sample_layer("communities", "社区", "community"),
              "roads": sample_layer("roads", "道路", "roads")}
    for layer in layers.values():
        project.addMapLayer(layer)
    project.sample = layers
    yield project
    project.clear()


def layers_of(project) -> list:
    s = project.sample
    return [s["streets"], s["communities"], s["roads"]]


def test_templates_hold_the_items_with_stable_ids(qgis_app):
    project = QgsProject()
    sizes = {("A4", "landscape"): (297, 210), ("A4", "portrait"): (210, 297), ("A3", "landscape"): (420, 297),
             ("A3", "portrait"): (297, 420)}
    for (paper, orientation), (w, h) in sizes.items():
        path = layouts.template_path(paper, orientation)
        assert path.parent.name == "styles" and path.exists(), path
        layout, items = layouts.load_template(project, paper, orientation)
        page = layout.pageCollection().page(0).pageSize()
        assert (round(page.width()), round(page.height())) == (w, h)
        assert set(items) == set(ITEM_IDS)
        map_item = items["map"]
        assert isinstance(map_item, QgsLayoutItemMap)
        for item_id in ("legend", "scalebar", "north_arrow"):
            assert items[item_id].linkedMap() is map_item, item_id
        assert items["north_arrow"].northMode() == QgsLayoutItemPicture.GridNorth
        assert "north_arrow" in items["north_arrow"].picturePath().lower()
        fonts = [items[i].font().family() for i in ("title", "subtitle", "date", "source")]
        fonts.append(items["scalebar"].textFormat().font().family())
        fonts += [items["legend"].style(s).font().family()
                  for s in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.SymbolLabel)]
        assert set(fonts) == {"Noto Sans CJK SC"}, (paper, orientation, fonts)
        # every item sits inside the neat frame (图廓)
        frame = items["neat_frame"].sceneBoundingRect()
        for item_id in ITEM_IDS:
            assert frame.adjusted(-0.5, -0.5, 0.5, 0.5).contains(items[item_id].sceneBoundingRect()), item_id


def test_thematic_map_pdf_is_a4_landscape_with_searchable_chinese(chinese, project, tmp_path):
    provenance = sample_layer("provenance", "数据说明")  # no geometry: a lookup table
    empty = QgsVectorLayer("Point?crs=EPSG:4544", "空图层", "memory")
    layout = layouts.thematic_layout(project, layers_of(project) + [provenance, empty],
                                     title="锦江区（示例）道路与社区", subtitle="2026年11月 月度专题图",
                                     source=SOURCE, date=DATE)
    items = {i: layout.itemById(i) for i in ITEM_IDS}
    legend: QgsLayoutItemLegend = items["legend"]
    names = [node.name() for node in legend.model().rootGroup().children()]
    assert names == ["街道", "社区", "道路"]  # lookup and empty layers left out
    assert items["map"].layers() == layers_of(project) + [provenance, empty]
    assert all(items[i].linkedMap() is items["map"] for i in ("legend", "scalebar", "north_arrow"))
    # default extent: every layer fully visible, at a round scale
    data = QgsRectangle(layers_of(project)[0].extent())
    for layer in layers_of(project):
        data.combineExtentWith(layer.extent())
    assert items["map"].extent().contains(data)
    assert re.fullmatch(r"(1|1\.2|1\.5|2|2\.5|3|4|5|6|8)0*", f"{items['map'].scale():.0f}")

    pdf = layouts.export_layout(layout, tmp_path / "map.pdf", dpi=150)
    assert pdf == tmp_path / "map.pdf" and sorted(p.name for p in tmp_path.iterdir()) == ["map.pdf"]
    pages, (w, h) = pdf_pages(pdf)
    assert pages == 1 and abs(w - 842) <= 1 and abs(h - 595) <= 1
    text = pdf_text(pdf)
    for expected in ["锦江区（示例）道路与社区", "2026年11月 月度专题图", "制图日期：2026-12-01",
                     f"数据来源：{SOURCE}", "图例", "主干路", *STREETS]:
        assert expected in text, expected
    assert not RADICALS.search(text)
    fonts = poppler("pdffonts", pdf)
    assert re.search(r"NotoSansCJKsc-(Regular|Bold)\s.*\byes\b", fonts), fonts


def test_names_from_the_store_are_printed_not_evaluated(project):
    """A street or department name holding a QGIS expression prints as the name (issue 12)."""
    name = "[% env('HOME') %]街道[%1+1%]"
    layout = layouts.thematic_layout(project, layers_of(project), title=name, subtitle=name, source=name, date=DATE)
    for item_id in ("title", "subtitle"):
        assert layout.itemById(item_id).currentText() == name
    assert name in layout.itemById("source").currentText()


def test_png_at_300_dpi_is_3508_by_2480(project, tmp_path):
    layout = layouts.thematic_layout(project, layers_of(project), title="锦江区（示例）", source=SOURCE)
    png = layouts.export_layout(layout, tmp_path / "map.png", dpi=300)
    assert png_size(png) == (3508, 2480)


def test_a3_portrait_and_landscape_pages_and_a_rotating_north_arrow(project, tmp_path):
    layout = layouts.thematic_layout(project, layers_of(project), title="锦江区（示例）A3", source=SOURCE,
                                     paper="A3", orientation="landscape")
    assert pdf_pages(layouts.export_layout(layout, tmp_path / "a3.pdf", dpi=96)) == (1, (1191.0, 842.0))
    map_item = layout.itemById("map")
    map_item.setMapRotation(30)
    assert layout.itemById("north_arrow").pictureRotation() == pytest.approx(30)
    portrait = layouts.thematic_layout(project, layers_of(project), title="锦江区（示例）", source=SOURCE,
                                       paper="A4", orientation="portrait")
    assert png_size(layouts.export_layout(portrait, tmp_path / "a4p.png", dpi=96)) == (794, 1123)


def test_scale_bar_is_in_metres_or_kilometres_with_chinese_units(chinese, project):
    layout = layouts.thematic_layout(project, layers_of(project), title="锦江区（示例）", source=SOURCE)
    bar: QgsLayoutItemScaleBar = layout.itemById("scalebar")
    assert bar.units() == QgsUnitTypes.DistanceMeters and bar.unitLabel() == "米"
    wide = QgsRectangle(380000, 3380000, 420000, 3410000)  # 40 km across
    layout = layouts.thematic_layout(project, layers_of(project), title="成都市", source=SOURCE, extent=wide)
    bar = layout.itemById("scalebar")
    assert bar.units() == QgsUnitTypes.DistanceKilometers and bar.unitLabel() == "千米"


def test_atlas_one_pdf_page_per_street_with_its_name(chinese, project, tmp_path):
    streets = project.sample["streets"]
    before = set(project.mapLayers())
    paths = layouts.export_atlas(project, layers_of(project), streets, name_expression='"name"',
                                 title_template="{name} 案件密度", path=tmp_path / "atlas.pdf", paper="A4",
                                 orientation="landscape", dpi=96, source=SOURCE, date=DATE,
                                 sort_expression='"street_code"')
    assert paths == [tmp_path / "atlas.pdf"] and sorted(p.name for p in tmp_path.iterdir()) == ["atlas.pdf"]
    assert pdf_pages(paths[0]) == (3, (842.0, 595.0))
    for page, name in enumerate(STREETS, start=1):  # sorted by street code: 001, 002, 003
        text = pdf_text(paths[0], page)
        assert f"{name} 案件密度" in text and "制图日期：2026-12-01" in text and f"数据来源：{SOURCE}" in text
    assert set(project.mapLayers()) == before  # the mask layer is gone again

    two = layouts.export_atlas(project, layers_of(project), streets, name_expression='"name"',
                               title_template="{name} 案件密度", path=tmp_path / "two.pdf", paper="A3",
                               orientation="portrait", dpi=96, filter_expression="\"street_code\" <> '002'")
    assert pdf_pages(two[0]) == (2, (842.0, 1191.0))
    assert "书院街街道 案件密度" not in pdf_text(two[0])


def test_atlas_png_pages_in_a_folder(chinese, project, tmp_path):
    layout = layouts.atlas_layout(project, layers_of(project), project.sample["streets"], name_expression='"name"',
                                  title_template="{name} 案件密度", source=SOURCE)
    masks = [layer for layer in layout.itemById("map").layers() if layer.customProperty(layouts.ATLAS_MASK)]
    assert len(masks) == 1 and masks[0].name() == "图集遮罩"
    legend_names = [n.name() for n in layout.itemById("legend").model().rootGroup().children()]
    assert "图集遮罩" not in legend_names

    folder = tmp_path / "pages"
    paths = layouts.export_atlas(project, layers_of(project), project.sample["streets"], name_expression='"name"',
                                 title_template="{name} 案件密度", path=folder, paper="A4", orientation="portrait",
                                 dpi=96, source=SOURCE)
    assert [p.name for p in paths] == ["01_春熙路街道.png", "02_书院街街道.png", "03_督院街街道.png"]
    assert sorted(p.name for p in folder.iterdir()) == [p.name for p in paths]  # no staging folder left
    assert all(png_size(p) == (794, 1123) for p in paths)


def test_atlas_expressions_are_checked_before_anything_is_written(project, tmp_path):
    with pytest.raises(LayoutError, match=r"page name expression '\"name\" \|\|' is not valid.*street_code"):
        layouts.export_atlas(project, layers_of(project), project.sample["streets"], name_expression='"name" ||',
                             title_template="{name}", path=tmp_path / "x.pdf", paper="A4", orientation="landscape",
                             dpi=96)
    with pytest.raises(LayoutError, match="no feature of '街道' matches"):
        layouts.export_atlas(project, layers_of(project), project.sample["streets"], name_expression='"name"',
                             title_template="{name}", path=tmp_path / "x.pdf", paper="A4", orientation="landscape",
                             dpi=96, filter_expression="\"street_code\" = '999'")
    assert list(tmp_path.iterdir()) == []


def test_monthly_report_paginates_tables_and_numbers_pages(chinese, project, tmp_path):
    chart = charts.bar_chart(tmp_path / "charts" / "streets.png", STREETS, [1234, 567, 890], "各街道案件数量",
                             dpi=120)
    pie = charts.pie_chart(tmp_path / "charts" / "sources.svg", ["监督员上报", "公众举报", "12345热线"],
                           [5200, 2100, 1300], "案件来源构成")
    report = ReportBuilder(project, "锦江区数字城管月度综合评价报告（2026年11月）", source=SOURCE, date=DATE)
    assert report.add_cover(subtitle="2026年11月", lines=["编制单位：" + SOURCE, "2026年12月1日"]) == [1]
    assert report.add_text("一、本月概况", ["　　本月共受理案件 1,234 件，按期结案率 95.6%。" * 6,
                                         "　　问题集中在门前、长街、车站周边。"]) == [2]
    rows = [[f"社区{i:03d}", STREETS[i % 3], i * 37, i * 35, i * 35 / (i * 37) * 100, "暴露垃圾、乱堆物堆料"]
            for i in range(1, 121)]
    headers = ["社区", "街道", "上报", "结案", "结案率（%）", "主要问题"]
    table_pages = report.add_table("二、各社区案件统计", headers, rows, column_widths=[2, 3, 1.5, 1.5, 2, 4],
                                   note="注：结案率 = 结案数 ÷ 上报数。")
    assert len(table_pages) >= 3 and table_pages[0] == 3
    assert report.add_image("三、各街道案件数量", chart, caption="图 1  各街道案件数量（件）") == [table_pages[-1] + 1]
    report.add_image("四、案件来源", pie, caption="图 2  案件来源构成")
    map_pages = report.add_map("五、案件分布图", layers_of(project), orientation="landscape")
    total = report.page_count
    assert map_pages == [total]

    pdf = report.export(tmp_path / "report.pdf", dpi=150)
    pages, size = pdf_pages(pdf)
    assert pages == total and size == (595.0, 842.0)
    text = pdf_text(pdf)
    assert "锦江区数字城管月度综合评价报告（2026年11月）" in text and "门前、长街、车站" in text
    assert not RADICALS.search(text)
    for page in range(2, total + 1):
        assert f"第{page}页/共{total}页" in squash(pdf_text(pdf, page)), page  # pdftotext may drop CJK spaces
    assert "第1页" not in squash(pdf_text(pdf, 1))  # the cover carries no footer
    for page in table_pages:  # header repeated; continuation pages say so
        page_text = pdf_text(pdf, page)
        assert "结案率（%）" in page_text and "主要问题" in page_text
        assert ("二、各社区案件统计（续）" in page_text) == (page != table_pages[0])
    shown = "".join(pdf_text(pdf, page) for page in table_pages)
    assert all(f"社区{i:03d}" in shown for i in range(1, 121))  # no row lost at a page break
    assert "4,440" in shown and "94.59" in shown  # thousands separators, two decimals
    assert "注：结案率 = 结案数 ÷ 上报数。" in pdf_text(pdf, table_pages[-1])
    last = pdf_text(pdf, total)
    assert "五、案件分布图" in last and "制图日期：2026-12-01" in last and f"数据来源：{SOURCE}" in last
    assert page_size(pdf, total) == (842, 595)  # the landscape map page in the portrait report


def test_long_chinese_cells_wrap_inside_their_column(project, tmp_path):
    report = ReportBuilder(project, "换行")
    long = "占道经营、店外经营、流动摊贩" * 4
    report.add_table("长文本", ["问题", "说明"], [["A", long]], column_widths=[1, 3])
    table = report._tables[0]
    cell = table.tableContents()[0][1].content()
    assert "\n" in cell and cell.replace("\n", "") == long
    frame = table.frame(0)
    assert frame.rect().width() <= 210 - 2 * ReportBuilder.SIDE + 0.5


def test_unwritable_paths_raise_layout_error_and_leave_nothing(project, tmp_path):
    layout = layouts.thematic_layout(project, layers_of(project), title="锦江区（示例）", source=SOURCE)
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file")
    with pytest.raises(LayoutError, match=re.escape(str(blocker / "map.pdf"))):
        layouts.export_layout(layout, blocker / "map.pdf")
    (tmp_path / "taken.pdf").mkdir()
    with pytest.raises(LayoutError, match="taken.pdf: .*folder of that name"):
        layouts.export_layout(layout, tmp_path / "taken.pdf")
    with pytest.raises(LayoutError, match=r"map.png at 20000 dpi: use a lower dpi"):
        layouts.export_layout(layout, tmp_path / "map.png", dpi=20000)  # fails inside QGIS's exporter
    with pytest.raises(LayoutError, match=r"\.pdf or \.png"):
        layouts.export_layout(layout, tmp_path / "map.tif")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder", "taken.pdf"]
    assert list((tmp_path / "taken.pdf").iterdir()) == []


def test_bad_requests_say_what_to_fix(project):
    with pytest.raises(LayoutError, match="unknown paper size 'B5'"):
        layouts.thematic_layout(project, layers_of(project), title="x", source="", paper="B5")
    empty = QgsVectorLayer("Polygon?crs=EPSG:4544", "空", "memory")
    with pytest.raises(LayoutError, match="have no features to frame the map: pass extent="):
        layouts.thematic_layout(project, [empty], title="x", source="")
    report = ReportBuilder(project, "报告")
    with pytest.raises(LayoutError, match="rows 2 of the table '表' do not have 2 values"):
        report.add_table("表", ["a", "b"], [[1, 2], [3]])
    with pytest.raises(LayoutError, match="does not exist: write the chart first"):
        report.add_image("图", "/nonexistent/chart.png")
    with pytest.raises(LayoutError, match="has no pages"):
        report.export("/tmp/never.pdf")


def test_pdf_text_repair_keeps_common_characters(chinese, project, tmp_path):
    """Noto Sans CJK shares glyphs between radicals and common characters; Qt's PDF text map would
    name 日 ⽇, 页 ⻚, 门 ⻔ … The repair makes the PDF read as it shows."""
    layout = layouts.thematic_layout(project, layers_of(project), title="第1页 门 长 车 马 月 日 工 人 见 贝 风 龙 黄",
                                     source="一二三 大小 山水 火土 金木 言语 户口", date=DATE)
    pdf = layouts.export_layout(layout, tmp_path / "t.pdf", dpi=96)
    text = pdf_text(pdf)
    assert "第1页 门 长 车 马 月 日 工 人 见 贝 风 龙 黄" in text and "一二三 大小 山水 火土 金木 言语 户口" in text
    assert layouts.fix_pdf_text(pdf) == 0  # already repaired: a second pass changes nothing


def test_digits_in_latin_labels_stay_searchable_in_the_pdf(qgis_app, tmp_path):
    """A label mixing Latin letters and digits ("Case number 2026…", "Printed 2026-12-06 11:37") kept
    its digits on the page but lost them from the PDF's text layer when Qt shaped the run in the CJK
    font: search and copy found "Case number" alone. The layouts' font does not shape text."""
    from qgis.core import QgsLayoutExporter, QgsPrintLayout, QgsProject
    from qgis.PyQt.QtCore import QRectF

    from citygrid_plugin.layouts.export import _pdf_settings
    from citygrid_plugin.layouts.templates import _label

    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    texts = ["Case number 2026120600000001", "Printed 2026-12-06 11:37", "打印时间 2026-12-06 11:37"]
    for i, text in enumerate(texts):
        _label(layout, QRectF(10, 10 + i * 12, 150, 8), text, 10)
    path = tmp_path / "digits.pdf"
    assert QgsLayoutExporter(layout).exportToPdf(str(path), _pdf_settings(150)) == QgsLayoutExporter.Success
    found = pdf_text(path)
    assert all(text in found for text in texts), found
