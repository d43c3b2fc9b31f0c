"""公众信息发布 (issue 18): the public tables and page of a month built from hand-made case facts,
figures counted by hand.

The month: four streets and three departments.
- 春熙路街道 (S1), cases 1–4 with 环卫所: 4 reported, registered and due; 3 closed (2 on time); 3 handled
  on time (75.0 %); return visits reached the reporters of 1 (满意) and 2 (不满意): satisfaction 50.0 %.
- 书院街街道 (S2), cases 5–8 with 环卫所: 4 reported, registered and due; 2 closed on time; 3 handled on
  time (75.0 %, a tie with S1); 8 not handled; no return visit: satisfaction "—".
- S3 (a hostile name), cases 9–10 with 市政所: 2 due, 1 on time (50.0 %); 1 closed on time.
- 督院街街道 (S4), case 11: reported only, nothing due: no rate, no rank.
- case 12 (in S1, reported earlier): dispatched to 交管 this month and nothing else.
Scores (default weights 30/20/20/20/10): 市政所 30·1 + 20·0.5 + 20 + 20 + 10 = 90.0; 环卫所 30·7/8 +
20·6/8 + 20 + 20·(1 − 1/8) + 10 = 88.75 → 88.8; 交管 nothing due: no score.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest

from citygrid_plugin.core import evaluation as ev
from citygrid_plugin.core import i18n
from citygrid_plugin.core import publication as pb

CST = timezone(timedelta(hours=8))
NOV = datetime(2026, 11, 1, tzinfo=CST)
DEC = datetime(2026, 12, 1, tzinfo=CST)
HOSTILE = '<script>alert("x")</script>&amp;'
S1, S2, S3, S4 = "510104001", "510104002", "510104003", "510104004"
NAMES = {"street": {S1: "春熙路街道", S2: "书院街街道", S3: HOSTILE, S4: "督院街街道"},
         "department": {"HW": "环卫所", "SZ": "市政所", "JG": '=HYPERLINK("http://x")<b>交管</b>'},
         # what an evaluation also holds and the public must never see
         "person": {"cgt_op1": "王小明", "cgt_sup1": "李监督"}}
PRIVATE = ("王小明", "李监督", "cgt_op1", "cgt_sup1", "13912345678", "CG2026110001", "红星路12号")
FULL = ("reported", "valid", "registered", "dispatched", "due_handle", "handled")


def fact(cid: int, street: str, department: str | None, *sets: str, dispatch: str | None = None) -> ev.CaseFacts:
    case = ev.Case(cid, f"CG20261100{cid:02d}", "event", "0102", "12345热线", street + "001001",
                   NOV + timedelta(days=cid),
                   [ev.Action("report", None, "reported", "cgt_op1", "operator", NOV + timedelta(days=cid))])
    keys = {"street": street, "community": street + "001", "grid": street + "001001", "district": street[:6],
            "reporter": "13912345678", "operator": "cgt_op1", "verifier": "cgt_sup1", "handle": department,
            "dispatch": dispatch or department, "address": "红星路12号"}
    return ev.CaseFacts(case, set(sets), keys)


def month_facts() -> list[ev.CaseFacts]:
    return [
        fact(1, S1, "HW", *FULL, "closed", "closed_on_time", "handled_on_time", "revisit_due", "revisited",
             "satisfied"),
        fact(2, S1, "HW", *FULL, "closed", "closed_on_time", "handled_on_time", "revisit_due", "revisited",
             "dissatisfied"),
        fact(3, S1, "HW", *FULL, "closed", "handled_on_time"),
        fact(4, S1, "HW", *FULL),
        fact(5, S2, "HW", *FULL, "closed", "closed_on_time", "handled_on_time"),
        fact(6, S2, "HW", *FULL, "closed", "closed_on_time", "handled_on_time"),
        fact(7, S2, "HW", *FULL, "handled_on_time"),
        fact(8, S2, "HW", "reported", "valid", "registered", "dispatched", "due_handle", "overdue_unhandled"),
        fact(9, S3, "SZ", *FULL, "closed", "closed_on_time", "handled_on_time"),
        fact(10, S3, "SZ", *FULL),
        fact(11, S4, None, "reported"),
        fact(12, S1, None, "dispatched", dispatch="JG"),
    ]


def publication(facts=None, **kwargs) -> pb.Publication:
    return pb.build_publication(month_facts() if facts is None else facts, NAMES, place="锦江区",
                                month="2026年11月", as_of=DEC, published=date(2026, 12, 1), **kwargs)


def column(table: pb.PublicTable, key: str) -> int:
    return table.headers.index(pb._header(key))


def by_name(table: pb.PublicTable) -> dict[str, list]:
    return {row[1]: row for row in table.rows}


def test_street_figures_and_the_totals_row_as_counted_by_hand():
    streets = publication().streets
    rows = by_name(streets)
    assert streets.headers[:2] == ["Rank", "Street"]
    keys = ("reported", "registered", "closed", "due_handle", "handled_on_time", "on_time_handling_rate",
            "on_time_closing_rate", "satisfaction_rate")
    assert [rows["春熙路街道"][column(streets, k)] for k in keys] == [4, 4, 3, 4, 3, 75.0, 50.0, 50.0]
    assert [rows["书院街街道"][column(streets, k)] for k in keys] == [4, 4, 2, 4, 3, 75.0, 50.0, None]
    assert [rows[HOSTILE][column(streets, k)] for k in keys] == [2, 2, 1, 2, 1, 50.0, 50.0, None]
    assert [rows["督院街街道"][column(streets, k)] for k in keys] == [1, 0, 0, 0, 0, None, None, None]
    # 11 reported (case 12 was reported before the month), 10 due, 7 on time: 70.0 % (not the mean of the rates)
    assert streets.total == ["", "Total", 11, 10, 6, 10, 7, 70.0, 50.0, 50.0]


def test_streets_are_ranked_by_on_time_rate_with_ties_sharing_a_rank():
    streets = publication().streets
    assert [(r[0], r[1]) for r in streets.rows] == [(1, "春熙路街道"), (1, "书院街街道"), (3, HOSTILE),
                                                    (None, "督院街街道")]
    assert streets.cells()[3][0] == "—" and streets.cells()[3][column(streets, "on_time_handling_rate")] == "—"


def test_departments_are_ranked_by_composite_score_with_their_figures():
    departments = publication().departments
    assert departments.headers[1] == "Department" and departments.headers[-1] == "Composite score"
    rows = by_name(departments)
    keys = ("dispatched", "registered", "closed", "due_handle", "handled_on_time", "on_time_handling_rate",
            "on_time_closing_rate", "satisfaction_rate")
    assert [r[1] for r in departments.rows] == ["市政所", "环卫所", NAMES["department"]["JG"]]
    assert [rows["市政所"][column(departments, k)] for k in keys] + rows["市政所"][-1:] == \
        [2, 2, 1, 2, 1, 50.0, 50.0, None, 90.0]
    assert [rows["环卫所"][column(departments, k)] for k in keys] + rows["环卫所"][-1:] == \
        [8, 8, 5, 8, 6, 75.0, 50.0, 50.0, 88.8]
    jg = rows[NAMES["department"]["JG"]]
    assert jg[0] is None and jg[-1] is None and jg[column(departments, "dispatched")] == 1
    assert [r[0] for r in departments.rows] == [1, 2, None]
    assert departments.total == ["", "Total", 11, 10, 6, 10, 7, 70.0, 50.0, 50.0, ""]


def test_equal_published_scores_share_a_rank():
    """Two departments whose scores differ only beyond the published 0.1 point share the rank."""
    a = [fact(1, S1, "HW", *FULL, "handled_on_time"), fact(2, S1, "HW", *FULL)]      # 30 + 10 + 50 = 90.0
    b = [fact(3, S2, "SZ", *FULL, "handled_on_time"), fact(4, S2, "SZ", *FULL)]
    c = [fact(5, S3, "JG", *FULL, "handled_on_time")]                              # 100.0
    departments = publication(a + b + c).departments
    assert [(r[0], r[1], r[-1]) for r in departments.rows] == [(1, NAMES["department"]["JG"], 100.0),
                                                               (2, "环卫所", 90.0), (2, "市政所", 90.0)]
    assert pb.competition_ranks([3.0, None, 5.0, 3.0, 1.0]) == [2, None, 1, 2, 4]


def test_weights_change_the_department_ranking():
    weights = {**ev.DEFAULT_WEIGHTS, "on_time_handling_rate": 80.0}
    departments = publication(weights=weights).departments
    assert [r[1] for r in departments.rows[:2]] == ["环卫所", "市政所"]  # 75 % on time beats 50 % now


def test_no_personal_data_reaches_tables_or_page_even_when_the_input_holds_it():
    pub = publication()
    html = pb.page_html(pub, pb.PageMap("map", "map.png", "alt", 800, 600), source="锦江区数字城管")
    cells = [str(v) for t in (pub.streets, pub.departments) for row in t.sheet_rows() for v in row]
    for text in PRIVATE:
        assert text not in html and not any(text in c for c in cells), text
    assert len(pub.streets.headers) == 10 and len(pub.departments.headers) == 11  # figures only


def test_hostile_names_come_out_inert():
    pub = pb.build_publication(month_facts(), NAMES, place='锦江区<img src=x onerror="alert(1)">', month="2026年11月",
                               as_of=DEC, published=date(2026, 12, 1))
    page = pb.page_html(pub, pb.PageMap('"><script>', 'x" onerror="alert(1)', 'alt" onload="x', 1, 1))
    assert "<script" not in page.lower() and "<img src=x" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;" in page   # shown as the characters
    assert '<img src="x&quot; onerror=&quot;alert(1)" alt="alt&quot; onload=&quot;x"' in page
    assert "onerror=\"" not in page and "onload=\"" not in page
    check_structure(page)


def test_the_page_is_complete_self_contained_and_well_formed():
    pub = publication()
    page = pb.page_html(pub, pb.PageMap("Cases per street", "map.png", "Map of the streets", 1286, 909),
                        source="锦江区数字城管")
    tags = check_structure(page)
    assert page.startswith("<!DOCTYPE html>\n<html") and '<meta charset="utf-8"/>' in page
    assert "<title>锦江区 digital urban management: public information, 2026年11月</title>" in page
    assert tags.tags.count("table") == 2 and tags.tags.count("caption") == 2 and tags.tags.count("tfoot") == 2
    assert '<img src="map.png" alt="Map of the streets" width="1286" height="909"/>' in page
    assert 'Published on <time datetime="2026-12-01">2026-12-01</time>; figures as of' in page
    assert "@media print" in page and "Definitions of the figures" in page
    assert '<caption id="streets-caption">Figures by street, 2026年11月: ranked by on-time handling rate</caption>' \
        in page
    # every figure of the tables, and the summary's sentences
    assert "<td>75.0</td>" in page and "<td>88.8</td>" in page and "<td>90.0</td>" in page
    assert "In 2026年11月, 11 problems of city management were reported in 锦江区; 10 cases were registered and " \
           "6 of them closed by the end of the month." in page
    assert "10 cases fell due for handling; 7 of them were handled on time, an on-time handling rate of 70.0%." \
           in page
    assert "a satisfaction rate of 50.0%" in page
    assert "春熙路街道, 书院街街道 had the highest on-time handling rate (75.0%)" in page
    assert "市政所 ranked first (90.0 points)" in page
    # nothing fetched from elsewhere: no script, no link, no external address in src/href/url()
    assert "<script" not in page and "<link" not in page and "url(" not in page and "@import" not in page
    assert all(not v.startswith(("http:", "https:", "//", "data:")) for v in tags.urls)
    assert "script-src 'none'" in page


def test_language_follows_the_translator():
    assert 'lang="en"' in pb.page_html(publication())
    i18n.set_translator(lambda text: {"Definitions of the figures": "指标说明", "Total": "合计"}.get(text, text))
    try:
        page = pb.page_html(publication())
    finally:
        i18n.set_translator(None)
    assert '<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">' in page
    assert "<th scope=\"row\">合计</th>" in page


def test_an_empty_month_says_so_and_prints_no_tables():
    pub = publication([])
    assert pub.empty
    page = pb.page_html(pub, pb.PageMap(reason="no case was reported"))
    check_structure(page)
    assert "No problem of city management was reported, handled or closed in 锦江区 in 2026年11月: there are no " \
           "figures to publish for this month." in page
    assert "<table" not in page and "The map is not drawn: no case was reported" in page
    assert pub.streets.rows == [] and pub.streets.total == ["", "Total", 0, 0, 0, 0, 0, None, None, None]
    assert pub.streets.cells() == [["", "Total", 0, 0, 0, 0, 0, "—", "—", "—"]]


def test_without_return_visits_in_the_evaluation_satisfaction_is_a_dash(monkeypatch):
    """An evaluation that knows no return visits (before migration 017): the column stays, with "—"."""
    monkeypatch.setattr(ev, "RATES", {k: v for k, v in ev.RATES.items() if k != "satisfaction_rate"})
    pub = publication()
    assert not pub.satisfaction_known
    streets = pub.streets
    assert {row[column(streets, "satisfaction_rate")] for row in streets.cells()} == {"—"}
    assert "satisfaction rate of" not in " ".join(pb.summary(pub))


def test_files_cells_use_a_dash_where_there_is_no_figure():
    table = publication().streets.as_table()
    assert table.headers[0] == "Rank" and table.rows[-1][1] == "Total" and table.ids == [frozenset()] * 5
    assert table.rows[3][0] == "—" and table.rows[1][column(publication().streets, "satisfaction_rate")] == "—"


def test_alt_text_names_the_highest_and_lowest_street():
    pub = publication()
    alt = pb.map_alt("锦江区 on-time handling rate (by street)", "10 cases due", "on_time", pub)
    assert alt.startswith("Map: 锦江区 on-time handling rate (by street). 10 cases due.")
    assert "Highest: 春熙路街道 (75.0%); lowest: " + HOSTILE + " (50.0%)." in alt


class Structure(HTMLParser):
    """Tags must nest and close (void elements excepted); collects tags and addresses."""

    VOID = {"meta", "img", "br", "hr", "link", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.urls = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]
        assert tag in self.VOID, tag

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()


def check_structure(page: str) -> Structure:
    parser = Structure()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    assert parser.tags[:3] == ["html", "head", "meta"] and parser.tags.count("body") == 1
    assert parser.tags.count("h1") == 1 and parser.tags.count("main") == 1
    return parser


@pytest.fixture(autouse=True)
def _english():
    i18n.set_translator(None)
    yield
    i18n.set_translator(None)
