"""The monthly evaluation report (issue 7, part 4) as a user gets it: one PDF from one algorithm, on
the hand-built month of tests/db/test_evaluation (November 2026, figures counted by hand).

Checked in the PDF: A4 pages, a sensible page count, every section title, the cover, the summary
sentences with the month-on-month changes, the department table with 环卫所's handling rate 75.0
and score 71.0, the maps (a hot spot map that cannot be drawn on 6 grids says why instead),
searchable Chinese with embedded fonts; the English report; a month in which nothing happened
gives a two-page report saying so (decided: a short report, not a refusal, so a monthly batch
never stops and never prints empty tables or blank maps); bad parameters are refused with the
reason and nothing is written; and qgis_process runs it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException

from tests.helpers.pdf import RADICALS, pdf_pages, pdf_text, poppler, squash
from tests.stores import qgis_connection_to

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # qgis_profile
QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's wrapper passes a flag 3.22 rejects
SECTIONS = ["一、本月概况", "二、主要指标", "三、专业部门处理情况", "三、专业部门处理情况（图）", "四、各街道评价指标",
            "五、各社区评价指标", "六、监督员", "七、派遣员", "八、高发问题", "八、高发问题（图）", "九、问题来源",
            "九、问题来源（图）", "十、案卷状态分布", "十、案卷状态分布（图）", "十一、专业部门案卷分布",
            "十一、专业部门案卷分布（图）", "十二、问题分类", "十二、问题分类（图）", "十三、处置平均时长",
            "十三、处置平均时长（图）", "十四、事部件同期对比", "十四、事部件同期对比（图）", "十五、每日案件数",
            "锦江区2026年11月案件密度（按单元网格）", "锦江区2026年11月按期处置率（按社区）",
            "锦江区2026年11月：热点分析（Gi*）", "锦江区部件普查覆盖情况"]


@pytest.fixture
def chinese(qgis_app):
    """What users get by default (the other tests run in English)."""
    from citygrid_plugin import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    yield
    i18n.uninstall()


@pytest.fixture
def params(qgis_app, month, cluster):  # noqa: F811
    with qgis_connection_to(cluster, month[2], "report") as name:
        yield {"CONNECTION": name, "MONTH": "2026-11"}


@pytest.fixture(scope="module")
def report(tmp_path_factory, qgis_app, qgis_processing, month, cluster):  # noqa: F811
    """The Chinese report of November 2026, written once for the tests that read it."""
    import citygrid_plugin
    from citygrid_plugin import i18n
    from citygrid_plugin.connections import delete_connection, save_connection

    plugin = citygrid_plugin.classFactory(None)
    plugin.initProcessing()
    dbname = month[2].split("dbname=")[1].split()[0]
    p = cluster.client_params(dbname)
    name = f"citygrid-report-m-{dbname}"
    save_connection(name, p["host"], p["port"], p["dbname"], p["user"])
    i18n.install("zh_CN")
    path = tmp_path_factory.mktemp("report") / "monthly_report_2026-11.pdf"
    try:
        result = processing.run("citygrid:monthlyreport", {"CONNECTION": name, "OUTPUT": str(path)})  # default month
    finally:
        i18n.uninstall()
        delete_connection(name)
        plugin.unload()
    return path, result


def test_the_report_has_every_section_on_a4_with_searchable_chinese(report):
    path, result = report
    pages, size = pdf_pages(path)
    assert result["OUTPUT"] == str(path) and result["PAGES"] == pages and result["REPORTED"] == 7
    assert 18 <= pages <= 30 and size == (595.0, 842.0)  # A4 portrait; the map pages are landscape
    text = pdf_text(path)
    flat = squash(text)
    for title in SECTIONS:
        assert squash(title) in flat, title
    cover = squash(pdf_text(path, 1))
    assert "综合评价月报" in cover and "锦江区2026年11月" in cover
    assert "编制日期" in cover and "数据截至2026-12-01" in cover
    assert "第2页/共" in squash(pdf_text(path, 2)) and "数据来源：锦江区数字城管数据库（CityGrid）" in text
    assert "制图日期：" in text and not RADICALS.search(text)
    assert re.search(r"NotoSansCJKsc-(Regular|Bold)\s.*\byes\b", poppler("pdffonts", path))


def test_summary_sentences_give_the_hand_counts_and_the_changes(report):
    path, _result = report
    summary = squash(pdf_text(path, 2))
    # November: 7 reported (October: 1, case F), 5 valid; 5 registered, 3 closed; 4 due, 3 handled, 2 on time
    assert "2026年11月共上报案件7件，比上月（1）增加600.0%" in summary
    assert "其中有效上报5件，有效上报率71.4%" in summary
    assert "立案5件" in summary and "截至月末结案3件，结案率60.0%" in summary
    assert "应处置案件4件，已处置3件，处置率75.0%" in summary and "按期处置2件，按期处置率50.0%" in summary
    assert "月末超期在办案件2件" in summary  # E (with the department) and H (not registered in time)
    assert "高发问题依次为暴露垃圾（7件）" in summary
    assert "本月未进行热点分析" in summary and "热点分析至少需要30个" in summary


def test_department_table_shows_hw_handling_rate_and_score(report):
    path, _result = report
    lines = poppler("pdftotext", "-layout", path, "-").splitlines()
    hw = next(line for line in lines if "环卫所" in line and "75.0" in line)
    numbers = re.findall(r"\d+\.\d|\d+", hw.split("环卫所", 1)[1])
    # due 4, handled 3, on time 2; handling 75.0, on time 50.0, rework 20.0, overdue 25.0, extension 25.0; score 71.0
    assert numbers[:6] == ["4", "3", "2", "75.0", "50.0", "20.0"] and numbers[-1] == "71.0", hw
    assert hw.split()[0] == "1"  # ranked first; JG (nothing due) has no rank and no score
    assert "综合得分=处置率×30+按期处置率×20+(1−返工率)×20" in squash(pdf_text(path))


def test_the_english_report(provider, params, tmp_path):
    res = processing.run("citygrid:monthlyreport", {**params, "OUTPUT": str(tmp_path / "report.pdf")})
    text = squash(pdf_text(tmp_path / "report.pdf"))
    # (digits among Latin letters, and ligatures such as "fi", are missing from pdftotext's text: Qt 5 writes no
    # ToUnicode entry for the glyphs Noto Sans CJK substitutes in Latin runs; they print, and Chinese keeps its digits)
    for title in ("Comprehensiveevaluationmonthlyreport", "Thismonthataglance", "Departmentperformance",
                  "Casesperday", "caseswerereported", "Thismapisnotdrawn"):
        assert title in text, title
    assert res["PAGES"] == pdf_pages(tmp_path / "report.pdf")[0]


def test_a_month_with_nothing_gives_a_short_report_that_says_so(provider, chinese, params, tmp_path):
    res = processing.run("citygrid:monthlyreport", {**params, "MONTH": "2026-01", "OUTPUT": str(tmp_path / "jan.pdf")})
    assert res["REPORTED"] == 0 and pdf_pages(tmp_path / "jan.pdf") == (2, (595.0, 842.0))
    text = squash(pdf_text(tmp_path / "jan.pdf"))
    assert "锦江区在2026年1月没有上报、应处置、应核查或在办的案件，没有可评价的内容" in text
    assert "案件密度" not in text and "图例" not in text  # no empty tables, no blank maps


@pytest.mark.parametrize("extra, message", [
    ({"OUTPUT": "report.png"}, r"goes to a \.pdf file"),
    ({"MONTH": "2026-13"}, "must be written YYYY-MM"),
    ({"MONTH": "2031-01"}, "starts in the future"),
    ({"AREA": "51010400"}, "is not a district"),
    ({"AREA": "510104009"}, "is not a district, street or community of this store"),
    ({"WEIGHTS": "speed=10"}, "unknown score terms speed"),
])
def test_bad_parameters_are_refused_with_the_reason(provider, params, tmp_path, extra, message):
    values = {**params, "OUTPUT": str(tmp_path / "report.pdf"), **extra}
    if "OUTPUT" in extra:
        values["OUTPUT"] = str(tmp_path / extra["OUTPUT"])
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("citygrid:monthlyreport", values)
    assert list(tmp_path.iterdir()) == []


def test_qgis_process_writes_the_report(month, cluster, tmp_path):  # noqa: F811
    """The command line: no iface, the plugin from the source tree, the store by pg_service."""
    dbname = month[2].split("dbname=")[1].split()[0]
    service = tmp_path / "pg_service.conf"
    service.write_text(f"[cg_report]\nhost={cluster.sockdir}\nport={cluster.port}\nuser={cluster.user}\n"
                       f"dbname={dbname}\n", encoding="utf-8")
    import qgis_profile

    qgis_profile.write_profile(tmp_path, "default", dbname=dbname)
    (tmp_path / "profiles" / "default" / "python" / "plugins" / "citygrid_plugin").unlink()
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_PLUGINPATH", "PYTHONPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path), QGIS_PLUGINPATH=str(ROOT),
               PGSERVICEFILE=str(service))
    out = tmp_path / "report.pdf"
    done = subprocess.run([QGIS_PROCESS, "run", "citygrid:monthlyreport", "--", "SERVICE=cg_report", "MONTH=2026-11",
                           f"OUTPUT={out}"], capture_output=True, text=True, env=env, timeout=180, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert pdf_pages(out)[0] >= 18 and "PAGES:" in done.stdout
