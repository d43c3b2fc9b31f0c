"""Public information (公众信息发布): what a city publishes each month on its government website —
the month's figures per street (街道) and per department (专业部门), a short summary in sentences,
a map and the definitions of the figures, as tables and as one static web page.

Only **aggregate figures** and the **public names** of streets and departments leave this module.
The builders read, per case, nothing but its evaluation sets (counts) and the street and
department it counts for; the people behind a case (reporter, phone, staff logins and names), its
description and its address are never read, so no argument can make them appear — even when the
facts and names handed in hold them (an evaluation's ``names["person"]``, ``keys["reporter"]``).

**Figures** (definitions of :mod:`citygrid_plugin.core.evaluation`, the same as the internal
evaluation, so a published figure never contradicts an internal one):

- streets (cases counted where they are): reported 上报数, registered 立案数, closed 结案数, due for
  handling 应处置数, handled on time 按期处置数, on-time handling rate 按期处置率, on-time closing rate
  按期结案率, satisfaction rate 满意率;
- departments (cases counted for the department accountable for them): dispatched 派遣数 (a
  department receives cases, it does not report them: the public counterpart of "reported"),
  registered, closed, due for handling, handled on time, the three rates and the composite score
  综合得分 (with the store's weights).

A rate whose denominator is empty is "—" (nothing was due: no figure, never 0 % or 100 %). The
satisfaction rate is "—" as well where no reporter was reached by a return visit, and everywhere
when the evaluation has no return visits at all.

**Ranking** (decided): departments by composite score, the official yardstick of a department's
performance; streets by on-time handling rate — a street handles or has handled the problems on
its territory, the composite score is defined for departments only, and the on-time rate is the
figure the public feels (a problem fixed by its deadline). Higher first; rows are ranked by the
figure **as published** (a rate to 0.1 %, a score to 0.1 point), so two rows showing the same figure
share a rank (competition ranking: 1, 2, 2, 4) and are listed by code; a row without the figure
(nothing due, no score) has no rank ("—") and comes last.

**Totals** (合计): the cases of the rows above, counted once, so a count equals the column's sum
and a rate is the rate of those cases (not an average of rates).

**The page** (:func:`page_html`): one static HTML5 file — ``lang`` from the language of its text
(``zh-CN`` with the Chinese translator, what a city publishes), UTF-8, a title with the month, the
summary, the two tables (caption, header cells with scope, totals in ``tfoot``), the map as an
image with a text alternative, the date of publication, the definitions in plain words, a print
style sheet; no script, no external style sheet, font or image (the map is a file beside the page,
``map.png``), nothing fetched from another site. Every text from the store (street and department
names, the place) and every translation is escaped (:func:`citygrid_plugin.core.textsafe.html_text`),
so a name holding ``<script>`` is shown as those characters. The markup is also well-formed XML
(polyglot), which the tests check with a parser.

Pure Python (no Qt, QGIS or database); unit-tested in tests/unit/test_publication.py.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from . import evaluation as ev
from .casefilter import CST
from .i18n import tr
from .reports import Table
from .textsafe import html_text

NO_FIGURE = "—"
STREET_KEYS = ("reported", "registered", "closed", "due_handle", "handled_on_time", "on_time_handling_rate",
               "on_time_closing_rate", "satisfaction_rate")
DEPARTMENT_KEYS = ("dispatched", "registered", "closed", "due_handle", "handled_on_time", "on_time_handling_rate",
                   "on_time_closing_rate", "satisfaction_rate")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class PublicTable:
    """One public table: headers, the rows (rank, name, figures; rates in % to 0.1, None where
    there is no figure) and the totals row."""

    key: str
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    total: list = field(default_factory=list)
    rate_columns: frozenset[int] = frozenset()

    def cells(self, with_total: bool = True) -> list[list]:
        """The rows (and the totals row) as published: None is "—"."""
        rows = self.rows + ([self.total] if with_total and self.total else [])
        return [[NO_FIGURE if v is None else v for v in row] for row in rows]

    def as_table(self) -> Table:
        """A :class:`~citygrid_plugin.core.reports.Table` (for :func:`citygrid_plugin.tables.write_tables`):
        the header, the rows and the totals row, "—" where there is no figure; no case ids."""
        table = Table(self.key, self.title, list(self.headers))
        for row in self.cells():
            table.add(row)
        return table

    def sheet_rows(self) -> list[list]:
        return [list(self.headers)] + self.cells()


@dataclass
class Publication:
    """A month's public information: the tables and the figures the summary speaks of."""

    place: str
    month: str                      # "2026年11月"
    as_of: datetime                 # the figures' cut-off (the month's end)
    published: date
    streets: PublicTable
    departments: PublicTable
    totals: dict[str, int | float | None]   # counts and rates (0–1) of the whole area
    weights: dict[str, float]
    satisfaction_known: bool        # the evaluation knows return visits (else "—" everywhere)

    @property
    def empty(self) -> bool:
        """Nothing happened: no case reported, registered, closed, dispatched or due."""
        return not any(self.totals.get(k) for k in ("reported", "registered", "closed", "dispatched", "due_handle",
                                                    "revisited"))

    @property
    def title(self) -> str:
        return tr("{place} digital urban management: public information, {month}").format(
            place=self.place, month=self.month)


# -- the tables --------------------------------------------------------------------------------
def percent(figure: ev.Figure | None) -> float | None:
    """A rate in % to 0.1 as published; None when there is no figure."""
    value = None if figure is None else figure.value
    return None if value is None else round(100.0 * value, 1)


def competition_ranks(values: Sequence[float | None]) -> list[int | None]:
    """Ranks of *values*, higher first, equal values sharing a rank (1, 2, 2, 4); None unranked."""
    known = sorted((v for v in values if v is not None), reverse=True)
    first = {}
    for i, v in enumerate(known, 1):
        first.setdefault(v, i)
    return [None if v is None else first[v] for v in values]


def _header(key: str) -> str:
    return _label(key) + (" (%)" if key.endswith("_rate") else "")


def _label(key: str) -> str:
    try:
        return ev.indicator_label(key)
    except KeyError:  # an evaluation without return visits
        return tr("Satisfaction rate")


def _values(row: Mapping[str, ev.Figure], keys: Sequence[str]) -> list:
    out = []
    for key in keys:
        if key.endswith("_rate"):
            out.append(percent(row.get(key)))
        else:
            figure = row.get(key)
            out.append(figure.count if figure is not None else 0)
    return out


def _union(rows: Iterable[Mapping[str, ev.Figure]]) -> dict[str, ev.Figure]:
    """The figures of the cases of *rows* together (each case once)."""
    nums: dict[str, set[int]] = {}
    dens: dict[str, set[int] | None] = {}
    for row in rows:
        for name, figure in row.items():
            nums.setdefault(name, set()).update(figure.numerator)
            if figure.denominator is None:
                dens.setdefault(name, None)
            else:
                den = dens.get(name)
                dens[name] = (den or set()) | figure.denominator
    return {name: ev.Figure(frozenset(nums[name]), None if dens[name] is None else frozenset(dens[name]))
            for name in nums}


def _table(key: str, title: str, first: str, rows: dict[str, dict[str, ev.Figure]], names: Mapping[str, str],
           keys: Sequence[str], by, last_header: str | None = None, last=None) -> PublicTable:
    """Rows ranked by ``by(row)`` (a published figure or None), ties by code; *last_header*: a
    last column of ``last(row)`` (the departments' score)."""
    headers = [tr("Rank"), first] + [_header(k) for k in keys] + ([last_header] if last_header else [])
    rate_columns = frozenset(2 + i for i, k in enumerate(keys) if k.endswith("_rate")) | (
        frozenset({len(headers) - 1}) if last_header else frozenset())
    table = PublicTable(key, title, headers, rate_columns=rate_columns)
    codes = sorted(rows)
    figures = [by(rows[c]) for c in codes]
    ranks = dict(zip(codes, competition_ranks(figures)))
    order = sorted(codes, key=lambda c: (ranks[c] is None, ranks[c] or 0, c))
    for code in order:
        row = rows[code]
        table.rows.append([ranks[code], names.get(code, code)] + _values(row, keys) +
                          ([last(row)] if last_header else []))
    together = _union(rows.values())
    table.total = ["", tr("Total")] + _values(together, keys) + ([""] if last_header else [])  # no rank, no score
    return table


def public_tables(facts: Sequence[ev.CaseFacts], names: Mapping[str, Mapping[str, str]],
                  weights: dict[str, float] | None = None) -> tuple[PublicTable, PublicTable]:
    """(streets, departments) of the month's *facts* (:func:`citygrid_plugin.core.evaluation.facts_for`),
    named from *names* ``["street"]`` (9-digit codes) and ``["department"]``; departments ranked by
    the composite score with *weights* (default: :data:`~citygrid_plugin.core.evaluation.DEFAULT_WEIGHTS`)."""
    weights = ev.check_weights(weights or ev.DEFAULT_WEIGHTS)
    streets = _table("public_streets", tr("Figures by street"), tr("Street"), ev.figures(facts, "street"),
                     names.get("street", {}), STREET_KEYS, lambda row: percent(row.get("on_time_handling_rate")))

    def score(row):
        value = ev.composite(row, weights)
        return None if value is None else round(value, 1)

    departments = _table("public_departments", tr("Figures by department"), tr("Department"),
                         ev.figures(facts, "department"), names.get("department", {}), DEPARTMENT_KEYS, score,
                         ev.indicator_label("score"), score)
    return streets, departments


def totals(facts: Iterable[ev.CaseFacts]) -> dict[str, int | float | None]:
    """Every set counted over *facts* and every rate (0–1, None when nothing was due)."""
    counts: dict[str, int] = dict.fromkeys(ev.SETS, 0)
    for f in facts:
        for name in f.sets:
            counts[name] += 1
    out: dict[str, int | float | None] = dict(counts)
    for rate, (num, den) in ev.RATES.items():
        out[rate] = counts[num] / counts[den] if counts[den] else None
    return out


def build_publication(facts: Sequence[ev.CaseFacts], names: Mapping[str, Mapping[str, str]], *, place: str,
                      month: str, as_of: datetime, published: date,
                      weights: dict[str, float] | None = None) -> Publication:
    """The public information of one month of *facts* in *place* (the district's name)."""
    weights = ev.check_weights(weights or ev.DEFAULT_WEIGHTS)
    facts = list(facts)
    streets, departments = public_tables(facts, names, weights)
    known = "satisfaction_rate" in ev.RATES
    return Publication(place, month, as_of, published, streets, departments, totals(facts), weights, known)


# -- words -------------------------------------------------------------------------------------
def pct(value: float | None) -> str:
    """A rate (0–1) as "85.0%", "—" when there is none."""
    return NO_FIGURE if value is None else f"{100.0 * value:.1f}%"


def _ranked(table: PublicTable, column: int) -> list[list]:
    return [r for r in table.rows if r[0] is not None and r[column] is not None]


def summary(pub: Publication) -> list[str]:
    """The month in a few sentences, the figures the tables give."""
    t = pub.totals
    if pub.empty:
        return [tr("No problem of city management was reported, handled or closed in {place} in {month}: there are "
                   "no figures to publish for this month.").format(place=pub.place, month=pub.month)]
    out = [tr("In {month}, {reported} problems of city management were reported in {place}; {registered} cases were "
              "registered and {closed} of them closed by the end of the month.").format(
        month=pub.month, place=pub.place, reported=f"{t['reported']:,}", registered=f"{t['registered']:,}",
        closed=f"{t['closed']:,}")]
    if t["due_handle"]:
        out.append(tr("{due} cases fell due for handling; {on_time} of them were handled on time, an on-time handling "
                      "rate of {rate}.").format(due=f"{t['due_handle']:,}", on_time=f"{t['handled_on_time']:,}",
                                                rate=pct(t["on_time_handling_rate"])))
    else:
        out.append(tr("No case fell due for handling this month, so there is no on-time handling rate."))
    if pub.satisfaction_known:
        if t.get("revisited"):
            out.append(tr("Return visits reached {revisited} people who had reported a problem; {satisfied} of them "
                          "were satisfied or fairly satisfied with the handling, a satisfaction rate of {rate}.")
                       .format(revisited=f"{t['revisited']:,}", satisfied=f"{t.get('satisfied', 0):,}",
                               rate=pct(t.get("satisfaction_rate"))))
        else:
            out.append(tr("No return visit reached a person who had reported a problem this month, so there is no "
                          "satisfaction rate."))
    rate_column = 2 + STREET_KEYS.index("on_time_handling_rate")
    ranked = _ranked(pub.streets, rate_column)
    if len(ranked) > 1:
        best = [r for r in ranked if r[0] == 1]
        last_rank = ranked[-1][0]
        worst = [r for r in ranked if r[0] == last_rank]
        if last_rank != 1:
            out.append(tr("Of the {n} streets with cases due, {best} had the highest on-time handling rate "
                          "({best_rate}) and {worst} the lowest ({worst_rate}).").format(
                n=len(ranked), best=tr(", ").join(r[1] for r in best), best_rate=f"{best[0][rate_column]:.1f}%",
                worst=tr(", ").join(r[1] for r in worst), worst_rate=f"{worst[0][rate_column]:.1f}%"))
        else:
            out.append(tr("All {n} streets with cases due handled {rate} of them on time.").format(
                n=len(ranked), rate=f"{ranked[0][rate_column]:.1f}%"))
    scored = _ranked(pub.departments, len(pub.departments.headers) - 1)
    if scored:
        first = [r for r in scored if r[0] == 1]
        out.append(tr("Of the {n} departments with a composite score, {best} ranked first ({score} points).").format(
            n=len(scored), best=tr(", ").join(r[1] for r in first), score=f"{first[0][-1]:.1f}"))
    return out


def score_formula(weights: Mapping[str, float]) -> str:
    """"处置率 × 30 + 按期处置率 × 20 + (1 − 返工率) × 20 …" (terms with 0 points left out)."""
    terms = []
    for term, weight in weights.items():
        if not weight:
            continue
        label = ev.indicator_label(term)
        terms.append(f"{label} × {weight:g}" if ev.SCORE_TERMS.get(term, True) else f"(1 − {label}) × {weight:g}")
    return " + ".join(terms)


def definitions(pub: Publication) -> list[tuple[str, str]]:
    """(term, what it counts) for every figure of the tables, in plain words."""
    return [
        (ev.indicator_label("reported"), tr("problems of city management reported in the month, through every "
                                            "channel: supervisors on patrol, the hotlines and reports by the public.")),
        (ev.indicator_label("dispatched"), tr("cases sent to the department to be dealt with in the month; a case "
                                              "sent on to another department counts for the first one.")),
        (ev.indicator_label("registered"), tr("reported problems confirmed and registered as cases in the month; "
                                              "these are due to be closed.")),
        (ev.indicator_label("closed"), tr("of the cases registered in the month, those closed by the end of the "
                                          "month.")),
        (ev.indicator_label("due_handle"), tr("cases whose deadline for handling fell in the month, and cases "
                                              "handled in the month before their deadline. The deadline follows the "
                                              "city's standard for each kind of problem; an approved extension moves "
                                              "it.")),
        (ev.indicator_label("handled_on_time"), tr("of the cases due for handling, those handled by their "
                                                   "deadline.")),
        (ev.indicator_label("on_time_handling_rate"), tr("cases handled on time divided by the cases due for "
                                                         "handling.")),
        (ev.indicator_label("on_time_closing_rate"), tr("of the cases registered in the month, the share closed on "
                                                        "time.")),
        (tr("Satisfaction rate"), tr("of the people who had reported a problem and were reached by a return visit "
                                     "after it was closed, the share satisfied or fairly satisfied with the "
                                     "handling.")),
        (ev.indicator_label("score"), tr("the yardstick of a department's performance, out of 100 points: "
                                         "{formula}. The handling rate is the share of the cases due for handling "
                                         "that were handled; the rework rate the share of the registered cases sent "
                                         "back to be done again; the overdue-pending rate the share of the cases "
                                         "due that were not handled; the extension rate the share of the cases due "
                                         "whose deadline was extended.").format(formula=score_formula(pub.weights))),
        (tr("Rank"), tr("streets by on-time handling rate, departments by composite score, highest first; rows "
                        "showing the same figure share a rank; a row without the figure has no rank.")),
        (tr("Total"), tr("the cases of the rows above, each counted once; its rates are the rates of those cases.")),
        (NO_FIGURE, tr("no figure: nothing was due (for example no case fell due for handling), so there is no rate "
                       "to give; it is neither 0% nor 100%.")),
    ]


def map_alt(title: str, subtitle: str, theme: str, pub: Publication) -> str:
    """The map's text alternative: what it shows and its main figures, for readers who cannot see
    it (the tables below hold every figure)."""
    text = tr("Map: {title}. {subtitle}.").format(title=title, subtitle=subtitle)
    if theme == "on_time":
        column = 2 + STREET_KEYS.index("on_time_handling_rate")
        ranked = _ranked(pub.streets, column)
        if len(ranked) > 1:
            text += " " + tr("Highest: {best} ({best_rate}); lowest: {worst} ({worst_rate}).").format(
                best=ranked[0][1], best_rate=f"{ranked[0][column]:.1f}%", worst=ranked[-1][1],
                worst_rate=f"{ranked[-1][column]:.1f}%")
        text += " " + tr("Streets with no case due are hatched grey.")
    return text + " " + tr("Every figure is in the table of streets.")


# -- the page ----------------------------------------------------------------------------------
@dataclass
class PageMap:
    """The map of the page: a file beside it (*src*, relative) with its size in pixels, a title
    and its text alternative; or, when it could not be drawn, *reason* and no *src*."""

    title: str = ""
    src: str = ""
    alt: str = ""
    width: int = 0
    height: int = 0
    reason: str = ""


def _attr(value: object) -> str:
    """*value* for an attribute between double quotes (line breaks as spaces)."""
    return html.escape(" ".join(str(value).split()), quote=True)


CSS = """
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1a1a1a; line-height: 1.7;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
  "WenQuanYi Micro Hei", sans-serif; font-size: 16px; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 3px solid #a4161a; padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; color: #a4161a; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-left: 4px solid #a4161a; padding-left: .5rem; }
.meta { color: #444; margin: 0 0 1rem; }
nav ul { list-style: none; padding: 0; margin: .5rem 0 1rem; }
nav li { display: inline-block; margin: 0 1.2rem .3rem 0; }
a { color: #0b4f8a; }
a:focus, .scroll:focus { outline: 3px solid #f5a623; outline-offset: 2px; }
figure { margin: 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #ccc; }
figcaption { color: #444; font-size: .9rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #b3b3b3; padding: .35rem .5rem; }
thead th { background: #eef1f5; vertical-align: bottom; }
tbody th { text-align: left; font-weight: normal; }
td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tfoot th, tfoot td { font-weight: bold; background: #eef1f5; }
tfoot th { text-align: left; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
footer { border-top: 1px solid #ccc; margin-top: 2rem; padding-bottom: 2rem; color: #444; font-size: .9rem; }
@media (max-width: 40rem) { dl { display: block; } dd { margin-bottom: .5rem; } }
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body { font-size: 10.5pt; line-height: 1.5; }
  header, main, footer { max-width: none; padding: 0; }
  nav { display: none; }
  h1, h2 { color: #000; }
  h2 { break-after: avoid; }
  .scroll { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: .15rem .25rem; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, figure { break-inside: avoid; }
  tbody tr:nth-child(even), thead th, tfoot th, tfoot td { background: none; }
  a { color: #000; text-decoration: none; }
}
"""


def _cell(value, rate: bool) -> str:
    """A figure as the page shows it: a rate or score to 0.1, a count with thousands separators."""
    if value is None:
        return NO_FIGURE
    if isinstance(value, bool) or not isinstance(value, int | float):
        return html_text(value)
    return f"{float(value):.1f}" if rate or isinstance(value, float) else f"{value:,}"


def _table_html(table: PublicTable, anchor: str, caption_text: str) -> list[str]:
    caption = f"{anchor}-caption"
    out = [f'<div class="scroll" role="region" aria-labelledby="{caption}" tabindex="0">',
           f'<table id="{anchor}-table">', f'<caption id="{caption}">{html_text(caption_text)}</caption>',
           "<thead><tr>" + "".join(f'<th scope="col">{html_text(h)}</th>' for h in table.headers) + "</tr></thead>",
           "<tbody>"]

    def cells(row: list) -> str:
        return "".join(f'<th scope="row">{html_text(value)}</th>' if i == 1 else
                       f"<td>{_cell(value, i in table.rate_columns)}</td>" for i, value in enumerate(row))

    for row in table.rows:
        out.append(f"<tr>{cells(row)}</tr>")
    out.append("</tbody>")
    if table.total:
        out.append(f"<tfoot><tr>{cells(table.total)}</tr></tfoot>")
    out += ["</table>", "</div>"]
    return out


def page_language() -> str:
    """"zh-CN" when the page's words are Chinese (the translator CityGrid installs by default), else "en"."""
    return "zh-CN" if _CJK.search(tr("Definitions of the figures")) else "en"


# scripts, plugins, forms and a changed base address are refused by the browser: the page has none,
# and a name that escaped the escaping could still run nothing
CSP = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"


def page_html(pub: Publication, page_map: PageMap | None = None, source: str = "") -> str:
    """The public web page of *pub* (see the module's docstring); *page_map* the map beside it
    (None: no map section), *source* the data source line."""
    title = pub.title
    lang = page_language()
    published = pub.published.isoformat()
    as_of = pub.as_of.astimezone(CST)
    as_of_text = f"{as_of:%Y-%m-%d %H:%M}"
    published_tag = f'<time datetime="{published}">{published}</time>'
    nav = [("summary", tr("This month at a glance"))]
    if page_map is not None:
        nav.append(("map", tr("Map")))
    if not pub.empty:
        nav += [("streets", pub.streets.title), ("departments", pub.departments.title)]
    nav.append(("definitions", tr("Definitions of the figures")))
    out = ["<!DOCTYPE html>", f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}" xml:lang="{lang}">',
           "<head>", '<meta charset="utf-8"/>',
           '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
           f'<meta http-equiv="Content-Security-Policy" content="{CSP}"/>',
           f'<meta name="description" content="{_attr(title)}"/>',
           f"<title>{html_text(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
           "<header>", f"<h1>{html_text(title)}</h1>",
           '<p class="meta">' + html_text(tr("Published on {date}; figures as of {as_of}")).format(
               date=published_tag, as_of=f'<time datetime="{as_of.isoformat(timespec="minutes")}">{as_of_text}</time>')
           + "</p>",
           f'<nav aria-label="{_attr(tr("Contents"))}"><ul>'
           + "".join(f'<li><a href="#{a}">{html_text(t)}</a></li>' for a, t in nav) + "</ul></nav>",
           "</header>", "<main>",
           '<section aria-labelledby="summary">', f'<h2 id="summary">{html_text(tr("This month at a glance"))}</h2>']
    out += [f"<p>{html_text(s)}</p>" for s in summary(pub)]
    out.append("</section>")
    if page_map is not None:
        out += ['<section aria-labelledby="map">', f'<h2 id="map">{html_text(tr("Map"))}</h2>']
        if page_map.src:
            size = f' width="{int(page_map.width)}" height="{int(page_map.height)}"' if page_map.width else ""
            out += ["<figure>", f'<img src="{_attr(page_map.src)}" alt="{_attr(page_map.alt)}"{size}/>',
                    f"<figcaption>{html_text(page_map.title)}</figcaption>", "</figure>"]
        else:
            reason = tr("The map is not drawn: {reason}").format(reason=page_map.reason)
            out.append(f"<p>{html_text(reason)}</p>")
        out.append("</section>")
    if not pub.empty:
        captions = {"streets": tr("{title}, {month}: ranked by on-time handling rate"),
                    "departments": tr("{title}, {month}: ranked by composite score")}
        for anchor, table in (("streets", pub.streets), ("departments", pub.departments)):
            out += [f'<section aria-labelledby="{anchor}">', f'<h2 id="{anchor}">{html_text(table.title)}</h2>']
            out += _table_html(table, anchor, captions[anchor].format(title=table.title, month=pub.month))
            out.append("</section>")
    counted = tr("Every figure is a number of cases, counted from the records of the digital urban management "
                 "system up to the end of the month ({as_of}); the figures of a past month do not change.").format(
        as_of=as_of_text)
    out += ['<section aria-labelledby="definitions">',
            f'<h2 id="definitions">{html_text(tr("Definitions of the figures"))}</h2>',
            f"<p>{html_text(counted)}</p>", "<dl>"]
    for term, text in definitions(pub):
        out += [f"<dt>{html_text(term)}</dt>", f"<dd>{html_text(text)}</dd>"]
    out += ["</dl>", "</section>", "</main>", "<footer>"]
    if source:
        out.append(f"<p>{html_text(tr('Data source: {source}').format(source=source))}</p>")
    out += [f'<p>{html_text(tr("Published on {date}")).format(date=published_tag)}</p>',
            "</footer>", "</body>", "</html>", ""]
    return "\n".join(out)
