"""The quarterly review (季度点评) and the annual report (年度综合评价报告) as a user gets them: one PDF
each from citygrid:quarterreport and citygrid:annualreport, on the evaluation's hand-built month
(tests/helpers/evaluation.py: October–November 2026) with seven more cases acted here so that the
quarter has a ranking that moves, a previous quarter, a persistent problem and a persistent hot
grid. By hand (scores 30/20/20/20/10; one case due and registered: on time 100, not handled 30):

- Q3 2026 (the previous quarter): September only: HW's P not handled (30), SZ's Q on time (100):
  SZ 1st, HW 2nd.
- Q4 2026: October HW 30 (F, late: due in October, fed back in November), rank 1; November HW 71.0
  (the monthly report's figure) rank 2, SZ 100 (R) rank 1; December HW 100 (T) rank 1, SZ 30 (S, not
  handled) rank 2. Means: HW 67.0 (1st, +1 on Q3, the same rank in October and December), SZ 65.0
  (2nd, −1 on Q3; no October rank, so no change from the first month to the last).
- 暴露垃圾 (0102, every case's class) is the only class reported in each month: persistent.
- Unit grid …003 is the busiest of the 6 grids in each month (October F; November R, I1, I2 against
  two each in …004 and …005; December T and S): the one persistent hot grid (the busiest tenth:
  Gi* needs 30 grids).
- Reported: October 1, November 7 + 3 = 10, December 2: 13 in the quarter.

Also checked: one load of the cases split by month gives every month exactly the facts of
evaluate_period for that month alone; the annual report of 2026; a period with nothing gives a
two-page report saying so; bad periods are refused with the reason."""
from __future__ import annotations

import re
import uuid

import processing
import pytest
from qgis.core import QgsProcessingException

from tests.helpers.evaluation import t
from tests.helpers.pdf import RADICALS, pdf_pages, pdf_text, poppler, squash
from tests.stores import qgis_connection_to

QUARTER_SECTIONS = ["一、本季度概况", "二、各月案件数", "二、各月案件数（图）", "三、各月办理情况", "四、专业部门排名",
                    "四、专业部门排名（图）", "五、持续高发问题", "六、持续热点网格",
                    "锦江区2026年第4季度案件密度（按单元网格）", "锦江区2026年第4季度：各单元网格成为热点的月数"]
ANNUAL_SECTIONS = ["一、年度概况", "二、各月案件数", "三、各月办理情况", "四、专业部门各月排名",
                   "五、专业部门得分", "六、改善最明显的网格", "七、恶化最明显的网格", "八、改善最明显的问题类别",
                   "九、恶化最明显的问题类别", "十、持续高发问题", "十一、时空热点模式",
                   "锦江区2026年案件密度（按单元网格）", "锦江区2026年：各单元网格的热点模式"]
HOT_GRID = "510104001001003"


@pytest.fixture(scope="module")
def store(month):
    """The hand-built month plus the quarter's seven cases (module docstring); yields the DSN."""
    from citygrid_plugin.store import db
    from citygrid_plugin.store.cases import act, report_case
    from citygrid_plugin.store.roles import save_user

    ids, logins, dsn = month
    conn = db.connect(dsn)
    sz = f"cgt_{uuid.uuid4().hex[:4]}_sz1"
    save_user(conn, sz, ["department"], "sz1", department="SZ")
    who = {**logins, "sz1": sz}
    notes = {"feedback": "已处置", "check_ok": "已处置到位"}

    def run(source_xy, at, department, feedback_at=None, register=True):
        x, y = source_xy
        c = report_case(conn, "监督员上报", "event", "0102", "季度案件", x, y, at=at, as_user=who["sup1"])
        steps = [("accept", "operator", "op1", at.replace(minute=5))]
        if register:
            steps += [("register", "shift_leader", "sl1", at.replace(minute=20)),
                      ("dispatch", "dispatcher", "dp1", at.replace(minute=30), {"data": {"department": department}})]
        if feedback_at is not None:
            steps += [("feedback", "department", "hw1" if department == "HW" else "sz1", feedback_at)]
        for action, role, login, when, *extra in steps:
            kwargs = dict(extra[0]) if extra else {}
            if action in notes:
                kwargs["note"] = notes[action]
            c = act(conn, c.id, action, role, c.version, at=when, as_user=who[login], **kwargs)
        return c.id

    run((50, 150), t(9, 10, 9), "HW")                                   # P: HW, never fed back
    run((50, 150), t(9, 11, 9), "SZ", feedback_at=t(9, 11, 10))         # Q: SZ, on time
    run((250, 150), t(11, 5, 9), "SZ", feedback_at=t(11, 5, 10))        # R: SZ, on time
    run((250, 150), t(11, 6, 9), "HW", register=False)                  # I1, I2: only accepted
    run((250, 160), t(11, 7, 9), "HW", register=False)
    run((250, 150), t(12, 1, 9), "HW", feedback_at=t(12, 1, 10))        # T: HW, on time
    run((260, 150), t(12, 2, 9), "SZ")                                  # S: SZ, never fed back
    conn.close()
    yield dsn
    conn = db.connect(dsn)
    with conn.cursor() as cur:
        cur.execute(f'DROP OWNED BY "{sz}"')
        cur.execute(f'DROP ROLE IF EXISTS "{sz}"')
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory, qgis_app, qgis_processing, store, cluster):
    """The Chinese quarterly review of 2026-Q4 and annual report of 2026, written once."""
    import citygrid_plugin
    from citygrid_plugin import i18n

    plugin = citygrid_plugin.classFactory(None)
    plugin.initProcessing()
    folder = tmp_path_factory.mktemp("review")
    i18n.install("zh_CN")
    try:
        with qgis_connection_to(cluster, store, "review") as name:
            quarter = processing.run("citygrid:quarterreport", {"CONNECTION": name, "PERIOD": "2026年第四季度",
                                                                "OUTPUT": str(folder / "q4.pdf")})
            year = processing.run("citygrid:annualreport", {"CONNECTION": name, "PERIOD": "2026",
                                                            "OUTPUT": str(folder / "2026.pdf")})
    finally:
        i18n.uninstall()
        plugin.unload()
    return folder / "q4.pdf", quarter, folder / "2026.pdf", year


@pytest.fixture
def params(qgis_app, store, cluster):
    with qgis_connection_to(cluster, store, "review-p") as name:
        yield {"CONNECTION": name}


def test_one_load_split_by_month_equals_each_month_evaluated_alone(store):
    """Both ways the review reads the cases — the whole span in one load, or each half of it in its
    own (as the algorithms do, on two connections) — give every month exactly evaluate_period's facts."""
    from citygrid_plugin.core import periodreview as pr
    from citygrid_plugin.core.periods import parse_period
    from citygrid_plugin.store import db
    from citygrid_plugin.store.evaluation import evaluate_period, load_cases

    months = parse_period("2026-Q3").months() + parse_period("2026-Q4").months()
    conn = db.connect(store)
    try:
        span = [(m, evaluate_period(conn, m.start, m.end).as_of) for m in months]
        whole = pr.month_facts(load_cases(conn, span[0][0].start, span[-1][1]), span)
        halves = [facts for half in (span[:3], span[3:])
                  for facts in pr.month_facts(load_cases(conn, half[0][0].start, half[-1][1]), half)]
        for (m, _), one, two in zip(span, whole, halves):
            alone = {f.case.id: (f.sets, f.keys, f.state) for f in evaluate_period(conn, m.start, m.end).facts
                     if f.sets}
            assert {f.case.id: (f.sets, f.keys, f.state) for f in one} == alone, m.key
            assert {f.case.id: (f.sets, f.keys, f.state) for f in two} == alone, m.key
        assert [sum("reported" in f.sets for f in facts) for facts in whole] == [0, 0, 2, 1, 10, 2]
    finally:
        conn.close()


def test_the_quarterly_review(reports):
    path, result, _, _ = reports
    pages, size = pdf_pages(path)
    assert result["PAGES"] == pages and result["REPORTED"] == 13 and result["MONTHS"] == 3
    assert 10 <= pages <= 16 and size == (595.0, 842.0)
    text = pdf_text(path)
    flat = squash(text)
    for title in QUARTER_SECTIONS:
        assert squash(title) in flat, title
    cover = squash(pdf_text(path, 1))
    assert "数字城管季度点评" in cover and "锦江区2026年第4季度" in cover
    summary = squash(pdf_text(path, 2))
    assert "2026年第4季度共上报案件13件，比上期（2）增加550.0%" in summary
    assert "各月上报案件：2026年10月1件、2026年11月10件、2026年12月2件" in summary
    assert "在2个有得分的专业部门中，环卫所排名第一，平均得分67.0；市政所排名最后，平均得分65.0" in summary
    assert "与上期排名相比，环卫所上升最多（+1位）" in summary and "市政所下降最多（−1位）" in summary
    assert "1个问题类别在每个月都位列上报最多的前10位：暴露垃圾（13件）" in summary
    assert f"1个单元网格在每个月都是热点：{HOT_GRID}" in summary
    assert not RADICALS.search(text)
    assert re.search(r"NotoSansCJKsc-(Regular|Bold)\s.*\byes\b", poppler("pdffonts", path))


def test_the_quarter_ranking_table_gives_ranks_means_and_moves(reports):
    path = reports[0]
    lines = poppler("pdftotext", "-layout", path, "-").splitlines()
    hw = next(line for line in lines if line.split()[1:2] == ["环卫所"])
    sz = next(line for line in lines if line.split()[1:2] == ["市政所"])
    # rank, name, October, November, December ranks, mean, first to last, Q3 rank, against Q3
    assert hw.split() == ["1", "环卫所", "1", "2", "1", "67.0", "0", "2", "+1"], hw
    assert sz.split() == ["2", "市政所", "1", "2", "65.0", "1", "−1"], sz   # no rank in October: no first-to-last
    hot = next(line for line in lines if HOT_GRID in line and "红星路社区" in line)
    assert hot.split()[-4:] == ["1", "3", "2", "6"], hot


def test_the_annual_report(reports):
    _, _, path, result = reports
    pages, size = pdf_pages(path)
    assert result["PAGES"] == pages and result["REPORTED"] == 15 and result["MONTHS"] == 12
    assert 18 <= pages <= 30 and size == (595.0, 842.0)
    flat = squash(pdf_text(path))
    for title in ANNUAL_SECTIONS:
        assert squash(title) in flat, title
    assert "年度综合评价报告" in squash(pdf_text(path, 1))
    summary = squash(pdf_text(path, 2))
    assert "2026年共上报案件15件" in summary and "2026年11月上报案件最多（10）" in summary
    # 6 cases in …003, all in the second half: 0 → 1 a month
    assert f"恶化最明显的单元网格是{HOT_GRID}（红星路社区）：前半期月均0.0件→后半期月均1.0件" in summary
    assert "只有6个网格有数据；Gi*至少需要30个" in flat   # why the emerging analysis fell back to the months' hot grids


def test_a_quarter_with_nothing_gives_a_short_report_that_says_so(provider, params, tmp_path):
    res = processing.run("citygrid:quarterreport", {**params, "PERIOD": "2025-Q1", "OUTPUT": str(tmp_path / "q.pdf")})
    assert res["REPORTED"] == 0 and pdf_pages(tmp_path / "q.pdf") == (2, (595.0, 842.0))
    text = squash(pdf_text(tmp_path / "q.pdf"))
    assert "InQ12025" not in text and "thereisnothingtoreview" in text
    assert "casedensity" not in text and "Persistent" not in text   # no empty tables, no blank maps


@pytest.mark.parametrize("alg, period, message", [
    ("quarterreport", "2026-11", "is not a quarter"),
    ("annualreport", "2026-Q3", "is not a year"),
    ("quarterreport", "2031-Q1", "starts in the future"),
    ("annualreport", "20266", "must be written"),
])
def test_bad_periods_are_refused_with_the_reason(provider, params, tmp_path, alg, period, message):
    with pytest.raises(QgsProcessingException, match=message):
        processing.run(f"citygrid:{alg}", {**params, "PERIOD": period, "OUTPUT": str(tmp_path / "r.pdf")})
    assert not (tmp_path / "r.pdf").exists()
