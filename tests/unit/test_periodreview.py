"""The quarterly review (季度点评) and the annual report (年度综合评价报告) on hand-built months:
every rank, rank change, persistent class, hot grid and improved or worsened grid below was worked
out by hand from the facts given, and the cases behind each figure are checked (drill-down).

Scores (default weights 30/20/20/20/10) of one department with one case due and registered:
handled on time 100, handled late 80 (30 + 0 + 20 + 20 + 10), not handled 30 (0 + 0 + 20 + 0 + 10)."""
from __future__ import annotations

import itertools
from datetime import datetime

import numpy as np
import pytest

from citygrid_plugin.core import hotspots as hs
from citygrid_plugin.core import periodreview as pr
from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.core.evaluation import Action, Case, CaseFacts, case_facts, facts_for
from citygrid_plugin.core.periods import Period, parse_period

IDS = itertools.count(1)
GRID = "510104001001"


def month(text: str) -> Period:
    return parse_period(text)


def fact(period: Period, department: str | None = None, result: str = "", cls: str = "0102",
         grid: str = GRID + "001", reported: bool = True) -> CaseFacts:
    """One case of *period*: reported (if *reported*), and when *department* is given registered and
    due for handling there, *result* "on_time", "late" or "" (not handled: overdue)."""
    case = Case(next(IDS), "c", "event", cls, "监督员上报", grid, period.start)
    sets = {"reported"} if reported else set()
    if department:
        sets |= {"registered", "due_handle"}
        sets |= {"handled", "handled_on_time"} if result == "on_time" else {"handled"} if result == "late" \
            else {"overdue_unhandled"}
    return CaseFacts(case, sets, {"handle": department, "grid": grid, "street": grid[:9], "community": grid[:12],
                                  "district": grid[:6]})


NAMES = {"department": {"A": "环卫所", "B": "市政所", "C": "园林所"}, "class": {"event:0101": "道路破损",
                                                                          "event:0102": "暴露垃圾",
                                                                          "event:0201": "乱堆物料"},
         "community": {GRID: "红星路社区"}, "street": {GRID[:9]: "春熙路街道"}}
SCORE = {"on_time": 100.0, "late": 80.0, "": 30.0}


def scored_month(text: str, results: dict[str, str]) -> pr.Month:
    p = month(text)
    return pr.Month(p, [fact(p, dept, result) for dept, result in results.items()], NAMES)


def quarter_of_rankings() -> tuple[list[pr.Month], list[pr.Month]]:
    """Q4: A 100/80/30, B 80/80/80, C 30/80/100; Q3 (previous): A 100, B 30, C 80 every month."""
    q4 = [scored_month("2026-10", {"A": "on_time", "B": "late", "C": ""}),
          scored_month("2026-11", {"A": "late", "B": "late", "C": "late"}),
          scored_month("2026-12", {"A": "", "B": "late", "C": "on_time"})]
    q3 = [scored_month(m, {"A": "on_time", "B": "", "C": "late"}) for m in ("2026-07", "2026-08", "2026-09")]
    return q4, q3


def test_department_ranks_per_month_and_their_changes():
    q4, q3 = quarter_of_rankings()
    review = pr.quarterly(q4, previous=q3)
    by = {r.key: r for r in review.rankings}
    assert [[s.rank for s in by[k].months] for k in "ABC"] == [[1, 1, 3], [2, 2, 2], [3, 3, 1]]  # Nov: a tie, by code
    assert [[s.score for s in by[k].months] for k in "ABC"] == [[100, 80, 30], [80, 80, 80], [30, 80, 100]]
    # the quarter: B mean 80 first; A and C both 70, A first by code; Q3: A 100, C 80, B 30
    assert [(r.key, r.rank, round(r.mean, 6)) for r in review.rankings] == [("B", 1, 80), ("A", 2, 70), ("C", 3, 70)]
    assert {k: by[k].first_to_last for k in "ABC"} == {"A": -2, "B": 0, "C": 2}
    assert {k: (by[k].previous_rank, by[k].against_previous) for k in "ABC"} == {"A": (1, -1), "B": (3, 2),
                                                                                "C": (2, -1)}
    assert by["C"].best() == 2 and by["C"].worst() == 0 and by["B"].best() == 0  # equal scores: the first month
    # drill-down: a department's cases are the ones behind its scores, month by month
    assert by["A"].months[0].ids == frozenset(f.case.id for f in q4[0].facts if f.keys["handle"] == "A")
    assert by["A"].ids == frozenset(f.case.id for m in q4 for f in m.facts if f.keys["handle"] == "A")
    table = pr.ranking_table(review)
    assert table.rows[0][:5] == [1, "市政所", 2, 2, 2] and table.rows[0][-4:] == [80.0, 0, 3, 2]
    assert table.rows[2][-4:] == [70.0, 2, 2, -1] and table.ids[2] == by["C"].ids
    assert [f"{v:,}" for v in table.rows[2][-3:]] == ["+2", "2", "−1"]   # printed with their sign
    scores = pr.scores_table(review)
    assert scores.headers[1] == "Q4" and scores.rows[0] == ["市政所", 80.0, 80.0, "Oct (80.0)", "Oct (80.0)"]
    assert scores.rows[2] == ["园林所", 70.0, 70.0, "Dec (100.0)", "Oct (30.0)"]
    sentences = " ".join(pr.summary(review))
    assert "From 10/2026 to 12/2026, 园林所 rose most (+2 places)" in sentences
    assert "环卫所 fell most (−2 places)" in sentences
    assert "Against the previous period's ranking, 市政所 rose most (+2 places)" in sentences


def test_a_rank_change_needs_a_rank_in_the_first_and_the_last_ranked_month():
    q4 = [pr.Month(month("2026-10"), [], NAMES),   # nothing due anywhere: no ranking in October
          scored_month("2026-11", {"A": "on_time", "B": "late"}), scored_month("2026-12", {"A": "", "C": "late"})]
    by = {r.key: r for r in pr.quarterly(q4).rankings}
    assert by["A"].span == (1, 2) and by["A"].first_to_last == -1        # November 1st, December 2nd
    assert by["B"].first_to_last is None and by["C"].first_to_last is None   # not ranked in one of them
    assert "From 11/2026 to 12/2026, 环卫所 fell most (−1 places)" in " ".join(pr.summary(pr.quarterly(q4)))


def test_period_figures_count_each_case_once_and_take_the_last_cut_off():
    q4, q3 = quarter_of_rankings()
    review = pr.quarterly(q4, previous=q3)
    assert review.totals["reported"].count == 9 and review.totals["due_handle"].count == 9
    assert review.totals["handled_on_time"].count == 2 and review.totals["handled"].count == 7
    assert review.totals["on_time_handling_rate"].value == pytest.approx(2 / 9)
    assert review.previous_totals["handled_on_time"].count == 3
    assert [row["reported"].count for row in review.monthly] == [3, 3, 3]
    # "overdue" is the state at the cut-off: the period keeps the last month's
    p = month("2026-10")
    stale = fact(p)
    stale.sets.add("overdue")
    months = [pr.Month(p, [stale]), pr.Month(month("2026-11"), [fact(month("2026-11"))])]
    assert pr.period_totals(months)["overdue"].count == 0 and pr.month_totals(months[0])["overdue"].count == 1
    trend = pr.trend_table(review)
    assert [r[0] for r in trend.rows] == ["10/2026", "11/2026", "12/2026", "Whole period"]
    assert trend.ids[-1] == review.totals["reported"].numerator


def classes_month(text: str, counts: dict[str, int]) -> pr.Month:
    p = month(text)
    return pr.Month(p, [fact(p, cls=cls) for cls, n in counts.items() for _ in range(n)], NAMES)


def test_persistent_problems_are_the_classes_in_every_months_top():
    months = [classes_month("2026-10", {"0102": 3, "0101": 2, "0201": 1}),
              classes_month("2026-11", {"0201": 2, "0101": 1, "0102": 1}),   # 0101 before 0102 on a tie: by code
              classes_month("2026-12", {"0101": 4, "0102": 1, "0201": 5})]
    review = pr.quarterly(months, top=2)
    assert [(r.key, r.name, r.ranks, r.counts) for r in review.persistent] == [
        ("event:0101", "道路破损", [2, 2, 2], [2, 1, 4])]
    row = review.persistent[0]
    assert row.all_ids == frozenset(f.case.id for m in months for f in m.facts if f.case.class_code == "0101")
    table = pr.persistent_table(review)
    assert table.rows == [["event", "0101", "道路破损", 2, 1, 4, 7]] and table.ids == [row.all_ids]
    assert [r.key for r in pr.quarterly(months, top=3).persistent] == ["event:0201", "event:0101", "event:0102"]
    assert "No class was among the 1 most reported in every month." in pr.summary(pr.quarterly(months, top=1))


def grids_month(text: str, counts: dict[str, int]) -> pr.Month:
    p = month(text)
    return pr.Month(p, [fact(p, grid=g) for g, n in counts.items() for _ in range(n)], NAMES)


CODES = [f"{GRID}{i:03d}" for i in range(1, 11)]


def test_hot_grids_by_top_decile_when_gi_star_cannot_run():
    # ten grids: the busiest tenth is one grid (or every grid tied with it)
    months = [grids_month("2026-10", {CODES[0]: 5, CODES[1]: 2}),
              grids_month("2026-11", {CODES[0]: 3, CODES[2]: 3, CODES[1]: 1}),
              grids_month("2026-12", {CODES[0]: 4, CODES[3]: 1})]
    hot = pr.hot_grids(months, CODES, W=None)
    assert hot.method == "decile" and "no spatial weights" in hot.reason
    assert hot.hot[:4].tolist() == [[True, True, True], [False, False, False], [False, True, False],
                                    [False, False, False]]
    assert hot.persistent() == [0] and hot.counts[0].tolist() == [5, 3, 4]
    assert hot.ids(0) == frozenset(f.case.id for m in months for f in m.facts if f.case.grid_code == CODES[0])
    assert len(hot.ids(0, 1)) == 3
    review = pr.quarterly(months, grids=CODES)
    table = pr.hot_table(review)
    assert table.rows == [[CODES[0], "春熙路街道", "红星路社区", 5, 3, 4, 12]] and "busiest tenth" in table.note
    assert pr.top_decile(np.array([0, 0, 0])).tolist() == [False, False, False]  # no case: nothing hot


def lattice(n: int = 6):
    codes = [f"{GRID}{i:03d}" for i in range(1, n * n + 1)]
    xy = np.array([(100.0 * (i % n), 100.0 * (i // n)) for i in range(n * n)])
    return codes, hs.distance_band_weights(xy, 150.0)


def test_hot_grids_by_gi_star_find_the_cluster_in_every_month():
    codes, W = lattice()
    cluster = {codes[0], codes[1], codes[6], codes[7]}   # the 2 × 2 corner
    rng = np.random.default_rng(7)
    months = []
    for text in ("2026-10", "2026-11", "2026-12"):
        counts = {c: (20 if c in cluster else int(rng.integers(1, 3))) for c in codes}
        months.append(grids_month(text, counts))
    hot = pr.hot_grids(months, codes, W)
    assert hot.method == "gi_star" and hot.reason == ""
    persistent = {codes[i] for i in hot.persistent()}
    assert {codes[0], codes[7]} <= persistent and persistent <= cluster | {codes[2], codes[12], codes[13], codes[8],
                                                                           codes[14]}
    # one month with too few grids with cases: every month falls back to the top decile, and says why
    months[1] = grids_month("2026-11", {codes[0]: 9, codes[1]: 8})
    fallback = pr.hot_grids(months, codes, W)
    assert fallback.method == "decile" and "only 2 grids have cases in 11/2026" in fallback.reason


def test_improved_and_worsened_grids_and_classes_first_half_against_second():
    g1, g2, g3 = CODES[:3]
    p = [month(f"2026-{m:02d}") for m in range(1, 5)]

    def m(k, spec):
        return pr.Month(p[k], [fact(p[k], grid=g, cls=c) for (g, c), n in spec.items() for _ in range(n)], NAMES)

    months = [m(0, {(g1, "0101"): 1, (g2, "0102"): 4}), m(1, {(g1, "0101"): 1, (g2, "0102"): 4}),
              m(2, {(g1, "0101"): 1, (g2, "0102"): 1, (g3, "0201"): 5}),
              m(3, {(g1, "0101"): 1, (g2, "0102"): 1, (g3, "0201"): 3})]
    review = pr.annual(months, grids=CODES)
    assert [(c.key, c.before_rate, c.after_rate, c.change) for c in review.improved_grids] == [(g2, 4.0, 1.0, -3.0)]
    assert [(c.key, c.before_rate, c.after_rate) for c in review.worsened_grids] == [(g3, 0.0, 4.0)]
    assert review.worsened_grids[0].percent is None and review.improved_grids[0].percent == -75.0
    assert [(c.key, c.name) for c in review.improved_classes] == [("event:0102", "暴露垃圾")]
    assert [c.key for c in review.worsened_classes] == ["event:0201"]  # g1 / 0101 unchanged: in neither list
    assert review.improved_grids[0].ids == frozenset(f.case.id for mm in months for f in mm.facts
                                                     if f.case.grid_code == g2)
    text = " ".join(pr.summary(review))
    assert f"The unit grid that improved most was {g2} (红星路社区): 4.0 → 1.0 cases a month" in text
    assert "The problem that rose most was 乱堆物料: 0.0 → 4.0" in text
    tables = {t.key: t for t in pr.tables(review)}
    assert tables["improved_grids"].rows == [[g2, "红星路社区", 4.0, 1.0, -3.0, -75.0]]
    assert [f"{v:,.2f}" for v in tables["improved_grids"].rows[0][-2:]] == ["−3.0", "−75.0"]
    # no weights: no emerging hot spot analysis; the months' hot grids (top decile) are classified instead
    assert review.emerging.method == "monthly" and "no spatial weights" in review.emerging.reason
    assert review.emerging.category[:3] == ["no_pattern", "no_pattern", "consecutive_hot"]  # g2 hot 2 of 4, not last
    assert review.emerging.months_hot[:3] == [0, 2, 2]


def test_emerging_hot_spots_over_twelve_months():
    codes, W = lattice()
    rng = np.random.default_rng(3)
    months = []
    for k in range(1, 13):
        counts = {c: int(rng.integers(1, 3)) for c in codes}
        for c in (codes[0], codes[1], codes[6], codes[7]):
            counts[c] = 30
        months.append(grids_month(f"2026-{k:02d}", counts))
    review = pr.annual(months, grids=codes, W=W)
    assert review.emerging.method == "emerging"
    assert review.emerging.category[0] in ("persistent_hot", "intensifying_hot", "diminishing_hot")
    table = pr.emerging_table(review)
    assert table.rows and sum(r[1] for r in table.rows) >= 4
    assert "Hot spot patterns over the year" in " ".join(pr.summary(review))
    # half a year: too few months for the emerging analysis; the months' hot grids are classified, and say why
    half = pr.annual(months[:6], grids=codes, W=W)
    assert half.emerging.method == "monthly" and "only 6 time slices" in half.emerging.reason
    assert half.emerging.category[0] == "persistent_hot" and half.emerging.months_hot[0] == 6


def test_a_period_with_nothing_says_so():
    months = [pr.Month(month(m), [], NAMES) for m in ("2026-04", "2026-05", "2026-06")]
    review = pr.quarterly(months, grids=CODES)
    assert review.empty and review.rankings == [] and review.persistent == []
    assert review.totals["reported"].count == 0 and review.totals["on_time_handling_rate"].value is None
    assert review.hot.persistent() == []
    assert all(not t.rows for t in pr.tables(review) if t.key != "period_trend")
    text = pr.summary(review)
    assert text[0].startswith("In Q2 2026, 0 cases were reported") and "No unit grid was hot in every month." in text
    year = pr.annual([pr.Month(month(f"2025-{m:02d}"), []) for m in range(1, 13)], grids=CODES)
    assert year.empty and year.improved_grids == [] and year.emerging.method == "monthly"


def test_months_must_follow_each_other():
    with pytest.raises(pr.ReviewError, match="must follow each other"):
        pr.quarterly([pr.Month(month("2026-10"), []), pr.Month(month("2026-12"), [])])


def act(name: str, to: str, at: datetime, **extra) -> Action:
    return Action(name, None, to, "x", "shift_leader", at, **extra)


def t(m: int, d: int, h: int = 9, year: int = 2026) -> datetime:
    return datetime(year, m, d, h, tzinfo=CST)


def test_one_load_split_by_month_equals_each_month_on_its_own():
    """month_facts over one load gives every month the facts of its own cut-off: a case counts where
    it acted or was open, never elsewhere, and later actions do not leak into earlier months."""
    cases = [
        # reported and closed in September: no longer counts in Q4
        Case(1, "1", "event", "0102", "s", GRID + "001", t(9, 1),
             [act("report", "reported", t(9, 1)), act("register", "registered", t(9, 1, 10)),
              act("cancel", "cancelled", t(9, 2))]),
        # open since September, dispatched with a deadline in October, fed back in December
        Case(2, "2", "event", "0102", "s", GRID + "001", t(9, 20),
             [act("report", "reported", t(9, 20)), act("register", "registered", t(9, 20, 10)),
              act("dispatch", "dispatched", t(9, 20, 11), department="HW", handle_deadline=t(10, 5),
                  stage_deadline=t(10, 5)),
              act("feedback", "handled", t(12, 3), on_time=False, due=t(10, 5))]),
        # October's case closed in November
        Case(3, "3", "event", "0101", "s", GRID + "002", t(10, 30),
             [act("report", "reported", t(10, 30)), act("register", "registered", t(10, 30, 10)),
              act("dispatch", "dispatched", t(10, 30, 11), department="HW", handle_deadline=t(11, 2)),
              act("feedback", "handled", t(11, 1), on_time=True, due=t(11, 2)),
              act("close", "closed", t(11, 2), close_category="正常结案")]),
    ]
    months = [(month(m), month(m).end) for m in ("2026-10", "2026-11", "2026-12")]
    split = pr.month_facts(cases, months)
    # case 1 counts in nothing in Q4; case 2 is due (and overdue) in October, overdue at November's end, and
    # its late feedback in December counts in nothing there (it fell due in October)
    assert [[f.case.id for f in facts] for facts in split] == [[2, 3], [2, 3], []]
    for (period, as_of), facts in zip(months, split):
        alone = {f.case.id: f.sets for f in facts_for(cases, period.start, period.end, as_of) if f.sets}
        assert {f.case.id: f.sets for f in facts if f.sets} == alone
    assert "overdue_unhandled" in split[0][0].sets and "handled" not in split[0][0].sets  # December not seen
    # the case left out of October has no fact there anyway
    assert not case_facts(cases[0], months[0][0].start, months[0][0].end, months[0][1]).sets
