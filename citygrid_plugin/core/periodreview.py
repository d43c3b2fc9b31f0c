"""The quarterly review (季度点评) and the annual comprehensive evaluation report (年度综合评价报告):
the months of a quarter or a year read side by side.

The seeds' evaluation system is "月度发布、季度点评" (monthly publication, quarterly review), and
the supervision group hands "年度数字城市管理综合评价报告" to the leading group at the year's end.
Both are built here from the months' evaluations (:mod:`citygrid_plugin.core.evaluation`), never
from a fresh count: a quarter or a year says what its months published. Pure Python (numpy and
scipy for the hot spots), no qgis, no store; :mod:`citygrid_plugin.processing.alg_periodreport`
prints them.

**Input.** One :class:`Month` per calendar month (its :class:`~citygrid_plugin.core.periods.Period`,
its case facts with the month's own cut-off, the display names). :func:`month_facts` makes them
from *one* load of the cases (``store.evaluation.load_cases(conn, first month's start, last
cut-off)``; the algorithms load each half of the span so, on two connections at once): a case
counts in a month when it has an action in the month or was open when the month began — the
cases ``load_cases`` would have fetched for that month alone — and its facts are computed with that
month's cut-off (``case_facts`` ignores the actions after it), so every month's figures equal those
of the month evaluated on its own.

**Decisions** (each says why):

- *Period figures* (:func:`period_totals`) are the distinct cases over the months' sets (a case
  reported in the quarter counts once), rates from those; the cases overdue and the state are the
  last month's (they are "at the cut-off"). So a quarter's figure is what its months published,
  added up, and its drill-down lists exactly those cases.
- *Department scores*: each month's composite score (``evaluation.composite``) and rank, ranked
  as in the monthly report (``evaluation.ranked``: best first, ties by code). A department's
  quarterly (or yearly) score is the **mean of its monthly scores** (the months it had a score),
  and the quarter's ranking orders departments by it: the review ranks what was published each
  month rather than re-scoring a three-month period with different rules. Rank changes are
  positive when a department moved up (rank 5 → rank 2 is +3): from the first month of the period
  in which departments were ranked to the last such month (none for a department not ranked in
  one of the two), and against the previous quarter's ranking (the same mean of its months).
  Departments never scored (nothing due in any month) are listed, not ranked.
- *Persistent problems* (持续高发问题): classes among the :data:`TOP_CLASSES` (10, the monthly report's
  高发问题 table) most reported in **every** month of the quarter: the classes every monthly table
  listed.
- *Hot grids* (:func:`hot_grids`): Getis–Ord Gi* (``core.hotspots``, FDR, the hot spot classes
  1–3: hot at 90 % confidence or more) of each month's cases per active unit grid, with the
  weights the caller gives (the citygrid:hotspots default: the automatic distance band); when
  Gi* cannot be computed for **every** month (fewer than 30 grids with cases, all counts equal, no
  neighbours …), all months use the **top decile** instead: the grids whose count reaches the
  count of the ⌈10 %⌉-th busiest active grid, with at least one case. One method for all months,
  so "hot in every month" compares like with like; the report says which method and why.
  *Persistent hot spots* are grids hot in every month of the period.
- *Emerging hot spots* over a year (:func:`emerging`): ``core.hotspots.emerging_hotspots`` on the
  grids × months cube (at least 10 months and the conditions of Gi*); otherwise the months' hot
  grids classified by the same pattern rules without the trend (persistent, new, consecutive,
  sporadic, historical hot spots), and the report says so.
- *Improved / worsened* (:func:`changes`): grids and classes by cases reported per month in the
  **first half of the months against the second half** (January–June against July–December for
  a whole year): six months each smooth out a single busy month, and the average per month keeps
  a year still running comparable. Largest fall first (improved), largest rise first (worsened).

Every figure keeps its cases (``frozenset`` of case ids) so that a table row lists the cases it
counts (drill-down), and a period in which nothing happened is :attr:`Review.empty`.
"""
from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

import numpy as np

from . import evaluation as ev
from . import hotspots as hs
from .evaluation import Case, CaseFacts, Figure
from .i18n import tr
from .periods import Period
from .reports import Table

TOP_CLASSES = 10
HOT_SHARE = 0.1
TOP_CHANGES = 10
# the figures followed month by month (a set, or a rate of RATES); the satisfaction rate joins when the
# evaluation has it (the return visits 回访)
TREND_KEYS = ("reported", "valid", "registered", "closed", "due_handle", "handled", "handled_on_time", "overdue",
              "valid_report_rate", "closing_rate", "handling_rate", "on_time_handling_rate", "rework_rate",
              "satisfaction_rate")
# figures that describe the moment of the cut-off: a period takes its last month's
AT_CUTOFF = ("overdue", "overdue_handling")


class ReviewError(ValueError):
    """Months that cannot be reviewed together; the message says what to change."""


@dataclass(frozen=True)
class Month:
    """One month of the period: its period, case facts (the month's own cut-off) and names. Its
    cases per set, per class and per grid are counted once, when first asked (a month of a large
    district is a hundred thousand facts, read by several parts of a review)."""

    period: Period
    facts: list[CaseFacts]
    names: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)

    @property
    def empty(self) -> bool:
        return not any(f.sets for f in self.facts)

    @cached_property
    def index(self) -> tuple[dict[str, set[int]], dict[str, set[int]], dict[str, set[int]]]:
        """(cases per set, cases reported per class "kind:code", cases reported per grid)."""
        sets: dict[str, set[int]] = {name: set() for name in ev.SETS}
        by_class: dict[str, set[int]] = {}
        by_grid: dict[str, set[int]] = {}
        for f in self.facts:
            if not f.sets:
                continue
            cid = f.case.id
            for name in f.sets:
                sets.setdefault(name, set()).add(cid)
            if "reported" in f.sets:
                case = f.case
                by_class.setdefault(f"{case.kind}:{case.class_code}", set()).add(cid)
                by_grid.setdefault(case.grid_code, set()).add(cid)
        return sets, by_class, by_grid

    @property
    def sets(self) -> dict[str, set[int]]:
        return self.index[0]

    @property
    def by_class(self) -> dict[str, set[int]]:
        return self.index[1]

    @property
    def by_grid(self) -> dict[str, set[int]]:
        return self.index[2]


def months_of(evaluations: Iterable) -> list[Month]:
    """:class:`Month` objects from (Period, facts, names) triples (or Months), checked to be
    consecutive calendar months."""
    months = [e if isinstance(e, Month) else Month(*e) for e in evaluations]
    for a, b in zip(months, months[1:]):
        if b.period.start != a.period.end:
            raise ReviewError(tr("the months of a review must follow each other: {first} is followed by "
                                 "{second}").format(first=a.period.label(), second=b.period.label()))
    return months


# -- from one load of the cases to each month's facts -------------------------------------------------
def month_facts(cases: Iterable[Case], months: Sequence[tuple[Period, datetime]]) -> list[list[CaseFacts]]:
    """Each month's case facts from one load of the cases (see the module docstring): *months* are
    (month, cut-off) in order, the cases loaded from the first month's start up to the last
    cut-off. A case is evaluated in the months from its first action (or the first month, if it
    acted before) to its last action (or the last month, if it is still open then): every month in
    which it acted or was open when the month began (a case closed and reopened later is also
    evaluated in the months between, where it counts in nothing). Only the facts that count in
    something are kept: every figure of each month is ``evaluate_period``'s for that month."""
    starts = [m.start for m, _ in months]
    last = len(months) - 1
    out: list[list[CaseFacts]] = [[] for _ in months]
    for case in cases:
        acts = case.actions
        if not acts:
            continue
        end = acts[-1]
        high = last if end.to_state in ev.OPEN_STATES else bisect.bisect_right(starts, end.at) - 1
        if high < 0:
            continue
        low = max(0, bisect.bisect_right(starts, acts[0].at) - 1)
        for k in range(low, high + 1):
            month, as_of = months[k]
            if case.reported_at < as_of:
                facts = ev.case_facts(case, month.start, month.end, as_of)
                if facts.sets:
                    out[k].append(facts)
    return out


# -- figures of a month and of the period ------------------------------------------------------------
def trend_keys() -> tuple[str, ...]:
    """The keys of :data:`TREND_KEYS` the evaluation has (the satisfaction rate only once the return
    visits are evaluated)."""
    return tuple(k for k in TREND_KEYS if k in ev.SETS or k in ev.RATES)


def _figures(sets: dict[str, set[int]]) -> dict[str, Figure]:
    row = {name: Figure(frozenset(ids)) for name, ids in sets.items()}
    for rate, (num, den) in ev.RATES.items():
        row[rate] = Figure(frozenset(sets.get(num, ())), frozenset(sets.get(den, ())))
    return row


def month_totals(month: Month) -> dict[str, Figure]:
    """Every set and rate of the month over the whole area, with its cases."""
    return _figures(month.sets)


def period_totals(months: Sequence[Month]) -> dict[str, Figure]:
    """The period's figures: distinct cases over the months' sets (the cut-off figures: the last
    month's), rates from those."""
    merged: dict[str, set[int]] = {name: set() for name in ev.SETS}
    for k, month in enumerate(months):
        for name, ids in month.sets.items():
            if name in AT_CUTOFF and k != len(months) - 1:
                continue
            merged.setdefault(name, set()).update(ids)
    return _figures(merged)


def value(figure: Figure | None) -> float | None:
    """A count, or a rate in % (None with nothing due)."""
    if figure is None:
        return None
    if figure.denominator is None:
        return float(figure.count)
    v = figure.value
    return None if v is None else 100.0 * v


# -- department rankings -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Standing:
    """A group's place in one month: rank (None without a score), score, and the cases behind
    the score (those due for handling or registered: the denominators of the score's terms)."""

    rank: int | None
    score: float | None
    ids: frozenset[int] = frozenset()


@dataclass
class Ranking:
    """A department over the months of the period (and the previous period's mean, if given)."""

    key: str
    name: str
    months: list[Standing]
    rank: int | None = None               # in the period, by mean score
    previous_rank: int | None = None      # in the previous period, by its mean score
    previous_score: float | None = None
    span: tuple[int, int] | None = None   # the first and the last month in which any department had a rank

    @property
    def scores(self) -> list[float]:
        return [s.score for s in self.months if s.score is not None]

    @property
    def mean(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None

    @property
    def ids(self) -> frozenset[int]:
        return frozenset().union(*(s.ids for s in self.months)) if self.months else frozenset()

    @property
    def first_to_last(self) -> int | None:
        """Places moved up (positive) or down from the first month of the period with a ranking to
        the last (None when the department is not ranked in both, or they are one month)."""
        if self.span is None or self.span[0] == self.span[1]:
            return None
        first, last = (self.months[k].rank for k in self.span)
        return None if first is None or last is None else first - last

    @property
    def against_previous(self) -> int | None:
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank

    def mean_of(self, ks: Sequence[int]) -> float | None:
        """The mean score of the months *ks* (indices), None without a score among them."""
        scores = [self.months[k].score for k in ks if self.months[k].score is not None]
        return sum(scores) / len(scores) if scores else None

    def best(self) -> int | None:
        """Index of the month with the highest score (the first of equals)."""
        scored = [(s.score, -k) for k, s in enumerate(self.months) if s.score is not None]
        return -max(scored)[1] if scored else None

    def worst(self) -> int | None:
        scored = [(s.score, k) for k, s in enumerate(self.months) if s.score is not None]
        return min(scored)[1] if scored else None


def _score_ids(row: dict[str, Figure], weights: dict[str, float]) -> frozenset[int]:
    ids: set[int] = set()
    for term, weight in weights.items():
        figure = row.get(term)
        if weight and figure is not None and figure.denominator is not None:
            ids |= figure.denominator
    return frozenset(ids)


def standings(facts: Sequence[CaseFacts], weights: dict[str, float] | None = None) -> dict[str, Standing]:
    """Each department's rank and score in one month, as the monthly report ranks them."""
    weights = ev.check_weights(weights or ev.DEFAULT_WEIGHTS)
    rows = ev.figures(facts, "department")
    out, rank = {}, 0
    for key, score in ev.ranked(rows, True, weights):
        if score is not None:
            rank += 1
        out[key] = Standing(rank if score is not None else None, score, _score_ids(rows[key], weights))
    return out


def _rank_by_mean(means: dict[str, float | None]) -> dict[str, int]:
    ordered = sorted((k for k, v in means.items() if v is not None), key=lambda k: (-means[k], k))
    return {k: i for i, k in enumerate(ordered, 1)}


def rankings(months: Sequence[Month], weights: dict[str, float] | None = None,
             previous: Sequence[Month] = ()) -> list[Ranking]:
    """The departments' monthly ranks and scores over *months*, ranked by their mean score, best
    first (departments without any score last, by code); *previous* months give the previous
    period's ranking for the comparison."""
    names = next((m.names.get("department", {}) for m in months if m.names), {})
    per_month = [standings(m.facts, weights) for m in months]
    keys = sorted({k for s in per_month for k in s})
    out = [Ranking(k, names.get(k, k), [s.get(k, Standing(None, None)) for s in per_month]) for k in keys]
    ranked_months = [k for k, st in enumerate(per_month) if any(v.rank is not None for v in st.values())]
    span = (ranked_months[0], ranked_months[-1]) if ranked_months else None
    ranks = _rank_by_mean({r.key: r.mean for r in out})
    before: dict[str, float | None] = {}
    if previous:
        earlier = [standings(m.facts, weights) for m in previous]
        for k in {k for s in earlier for k in s}:
            scores = [s[k].score for s in earlier if k in s and s[k].score is not None]
            before[k] = sum(scores) / len(scores) if scores else None
    previous_ranks = _rank_by_mean(before)
    for r in out:
        r.rank = ranks.get(r.key)
        r.previous_rank = previous_ranks.get(r.key)
        r.previous_score = before.get(r.key)
        r.span = span
    return sorted(out, key=lambda r: (r.rank is None, r.rank or 0, r.key))


# -- persistent problems ----------------------------------------------------------------------------
@dataclass
class ClassRow:
    """A class (kind:code) with its reported cases and its place in each month."""

    key: str
    name: str
    ranks: list[int | None]
    ids: list[frozenset[int]]

    @property
    def kind(self) -> str:
        return self.key.split(":")[0]

    @property
    def code(self) -> str:
        return self.key.split(":")[1]

    @property
    def counts(self) -> list[int]:
        return [len(i) for i in self.ids]

    @property
    def all_ids(self) -> frozenset[int]:
        return frozenset().union(*self.ids) if self.ids else frozenset()


def persistent_classes(months: Sequence[Month], top: int = TOP_CLASSES) -> list[ClassRow]:
    """Classes among the *top* most reported in every month (ordered as the monthly 高发问题 table:
    most cases first, then by key), most cases over the period first."""
    if not months:
        return []
    names = next((m.names.get("class", {}) for m in months if m.names), {})
    groups = [m.by_class for m in months]
    places = []
    for g in groups:
        ordered = sorted(g, key=lambda k: (-len(g[k]), k))
        places.append({k: i for i, k in enumerate(ordered[:top], 1)})
    keys = set(places[0]).intersection(*places[1:])
    rows = [ClassRow(k, names.get(k, ""), [p[k] for p in places], [frozenset(g.get(k, ())) for g in groups])
            for k in keys]
    return sorted(rows, key=lambda r: (-sum(r.counts), r.key))


# -- hot grids ------------------------------------------------------------------------------------------
def grid_counts(months: Sequence[Month], codes: Sequence[str]) -> tuple[np.ndarray, list[dict[str, set[int]]]]:
    """Cases reported per grid (rows in the order of *codes*) and month (columns), and per month the
    cases of each grid."""
    index = {c: i for i, c in enumerate(codes)}
    counts = np.zeros((len(codes), len(months)), dtype=np.int64)
    cases = []
    for k, m in enumerate(months):
        for code, ids in m.by_grid.items():
            if code in index:
                counts[index[code], k] = len(ids)
        cases.append(m.by_grid)
    return counts, cases


@dataclass
class HotGrids:
    """Which grids were hot in which month, how it was decided, and their cases."""

    method: str                  # "gi_star" or "decile"
    reason: str                  # why Gi* was not used (empty with Gi*)
    codes: list[str]
    counts: np.ndarray           # grids × months
    hot: np.ndarray              # bool, grids × months
    cases: list[dict[str, set[int]]]

    def persistent(self) -> list[int]:
        """Indices of the grids hot in every month (most cases first)."""
        if not self.hot.size:
            return []
        rows = np.flatnonzero(self.hot.all(axis=1))
        return sorted(rows.tolist(), key=lambda i: (-int(self.counts[i].sum()), self.codes[i]))

    def ids(self, i: int, k: int | None = None) -> frozenset[int]:
        """The cases of grid *i* in month *k* (None: every month)."""
        months = range(len(self.cases)) if k is None else [k]
        return frozenset().union(*(self.cases[m].get(self.codes[i], ()) for m in months))

    def describe(self) -> str:
        if self.method == "gi_star":
            return tr("hot: a Gi* hot spot (90 % confidence or more, with the false discovery rate correction) of "
                      "the month's cases per unit grid")
        return tr("hot: among the busiest tenth of the unit grids in the month (Gi* could not be used: {reason})"
                  ).format(reason=self.reason)


def top_decile(counts: np.ndarray, share: float = HOT_SHARE) -> np.ndarray:
    """Bool per grid: its count reaches that of the ⌈share × n⌉-th busiest grid and is not 0."""
    counts = np.asarray(counts)
    if not len(counts):
        return np.zeros(0, dtype=bool)
    k = max(1, math.ceil(share * len(counts)))
    threshold = np.sort(counts)[::-1][k - 1]
    return (counts >= threshold) & (counts > 0)


def hot_grids(months: Sequence[Month], codes: Sequence[str], W=None, min_grids: int = hs.MIN_GRIDS) -> HotGrids:
    """The hot grids of each month (module docstring): Gi* when *W* is given and every month can be
    analysed, else the top decile."""
    codes = list(codes)
    counts, cases = grid_counts(months, codes)
    reason = ""
    hot = np.zeros(counts.shape, dtype=bool)
    if W is None:
        reason = tr("no spatial weights for the grids")
    elif not len(codes):
        reason = tr("no active unit grids")
    else:
        for k in range(counts.shape[1]):
            column = counts[:, k].astype(float)
            with_cases = int((column > 0).sum())
            try:
                if with_cases < min_grids:
                    raise hs.HotspotError(tr("only {n} grids have cases in {month}; Gi* needs at least {minimum}")
                                          .format(n=with_cases, month=months[k].period.label(), minimum=min_grids))
                result = hs.gi_star(column, W, min_grids=min_grids)
                hot[:, k] = hs.fdr_classes(result.z, result.p) > 0
            except hs.HotspotError as exc:
                reason = str(exc)
                break
    if reason:
        hot = np.column_stack([top_decile(counts[:, k]) for k in range(counts.shape[1])]) if counts.shape[1] \
            else np.zeros(counts.shape, dtype=bool)
        return HotGrids("decile", reason, codes, counts, hot.reshape(counts.shape), cases)
    return HotGrids("gi_star", "", codes, counts, hot, cases)


@dataclass
class EmergingGrids:
    """The year's pattern per grid (``core.hotspots.CATEGORIES``) and how it was found."""

    method: str                  # "emerging" (space-time Gi* + Mann–Kendall) or "monthly" (the months' hot grids)
    reason: str
    codes: list[str]
    category: list[str]
    months_hot: list[int]

    def tally(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.category:
            out[c] = out.get(c, 0) + 1
        return out


def emerging(hot: HotGrids, W=None, min_grids: int = hs.MIN_GRIDS) -> EmergingGrids:
    """Emerging hot spots of the months (module docstring): ``emerging_hotspots`` on the grids ×
    months counts when it can run, else the pattern rules on the months' hot grids."""
    reason = ""
    if W is None:
        reason = tr("no spatial weights for the grids")
    else:
        try:
            found = hs.emerging_hotspots(hot.counts.astype(float), W, min_grids=min_grids)
            return EmergingGrids("emerging", "", hot.codes, [str(c) for c in found.category],
                                 [int(n) for n in found.n_hot])
        except hs.HotspotError as exc:
            reason = str(exc)
    bins = hot.hot.astype(np.int8)
    if not bins.shape[1]:
        return EmergingGrids("monthly", reason, hot.codes, ["no_pattern"] * len(hot.codes), [0] * len(hot.codes))
    n = len(hot.codes)
    category = hs.classify_history(bins, np.zeros(n), np.ones(n))
    return EmergingGrids("monthly", reason, hot.codes, [str(c) for c in category],
                         [int(v) for v in bins.sum(axis=1)])


# -- improved and worsened --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """Cases reported per month in the first half of the months against the second half."""

    key: str
    name: str
    before: frozenset[int]
    after: frozenset[int]
    before_months: int
    after_months: int

    @property
    def before_rate(self) -> float:
        return len(self.before) / self.before_months if self.before_months else 0.0

    @property
    def after_rate(self) -> float:
        return len(self.after) / self.after_months if self.after_months else 0.0

    @property
    def change(self) -> float:
        return self.after_rate - self.before_rate

    @property
    def percent(self) -> float | None:
        return 100.0 * self.change / self.before_rate if self.before_rate else None

    @property
    def ids(self) -> frozenset[int]:
        return self.before | self.after


def halves(months: Sequence[Month]) -> tuple[list[Month], list[Month]]:
    """The first half of the months and the second (the middle month of an odd number goes to the
    second half)."""
    middle = len(months) // 2
    return list(months[:middle]), list(months[middle:])


def changes(months: Sequence[Month], grouping: str, names: dict[str, str] | None = None,
            top: int = TOP_CHANGES) -> tuple[list[Change], list[Change]]:
    """(improved, worsened): the *top* groups ("grid" or "class") whose cases reported per month fell
    most, and rose most, from the first half of the months to the second."""
    first, second = halves(months)
    if not first or not second:
        return [], []
    before, after = ({k: set().union(*(getattr(m, "by_" + grouping).get(k, ()) for m in half))
                      for k in {k for m in half for k in getattr(m, "by_" + grouping)}} for half in (first, second))
    names = names or {}
    rows = [Change(k, names.get(k, ""), frozenset(before.get(k, ())), frozenset(after.get(k, ())), len(first),
                   len(second)) for k in set(before) | set(after)]
    improved = sorted((r for r in rows if r.change < 0), key=lambda r: (r.change, r.key))[:top]
    worsened = sorted((r for r in rows if r.change > 0), key=lambda r: (-r.change, r.key))[:top]
    return improved, worsened


# -- the reviews ------------------------------------------------------------------------------------------
@dataclass
class Review:
    """A quarterly review or an annual report: everything its pages print, with the cases."""

    kind: str                                   # "quarter" or "year"
    period: Period
    months: list[Month]
    previous: list[Month]
    monthly: list[dict[str, Figure]]            # per month, every set and rate
    totals: dict[str, Figure]                   # the period
    previous_totals: dict[str, Figure] | None
    rankings: list[Ranking]
    persistent: list[ClassRow]
    hot: HotGrids | None
    emerging: EmergingGrids | None = None
    improved_grids: list[Change] = field(default_factory=list)
    worsened_grids: list[Change] = field(default_factory=list)
    improved_classes: list[Change] = field(default_factory=list)
    worsened_classes: list[Change] = field(default_factory=list)
    top: int = TOP_CLASSES                      # persistent problems: among the top N every month

    @property
    def empty(self) -> bool:
        """Nothing happened in any month: no case reported, due, checked or open."""
        return all(m.empty for m in self.months)

    @property
    def names(self) -> dict[str, dict[str, str]]:
        return next((m.names for m in self.months if m.names), {})


def quarterly(months: Sequence, weights: dict[str, float] | None = None, previous: Sequence = (),
              grids: Sequence[str] = (), W=None, top: int = TOP_CLASSES, min_grids: int = hs.MIN_GRIDS) -> Review:
    """The quarterly review of *months* (the quarter's, as (Period, facts, names) or :class:`Month`),
    against *previous* (the quarter before's months; may be empty); *grids* are the active unit
    grid codes and *W* their spatial weights (None: the top decile decides the hot grids)."""
    months = months_of(months)
    previous = months_of(previous)
    if not months:
        raise ReviewError(tr("a review needs at least one month"))
    period = _enclosing(months, "quarter")
    review = Review("quarter", period, months, previous, [month_totals(m) for m in months], period_totals(months),
                    period_totals(previous) if previous else None, rankings(months, weights, previous),
                    persistent_classes(months, top), hot_grids(months, grids, W, min_grids) if grids else None,
                    top=top)
    return review


def annual(months: Sequence, weights: dict[str, float] | None = None, previous: Sequence = (),
           grids: Sequence[str] = (), W=None, top: int = TOP_CHANGES, min_grids: int = hs.MIN_GRIDS) -> Review:
    """The annual report of *months* (the year's months so far); *previous*: the year before's
    months for its ranking and totals (may be empty); *grids*, *W* as in :func:`quarterly`."""
    months = months_of(months)
    previous = months_of(previous)
    if not months:
        raise ReviewError(tr("a review needs at least one month"))
    period = _enclosing(months, "year")
    hot = hot_grids(months, grids, W, min_grids) if grids else None
    names = next((m.names for m in months if m.names), {})
    review = Review("year", period, months, previous, [month_totals(m) for m in months], period_totals(months),
                    period_totals(previous) if previous else None, rankings(months, weights, previous),
                    persistent_classes(months, TOP_CLASSES), hot,
                    emerging(hot, W, min_grids) if hot is not None else None)
    review.improved_grids, review.worsened_grids = changes(months, "grid", {}, top)
    review.improved_classes, review.worsened_classes = changes(months, "class", names.get("class", {}), top)
    return review


def _enclosing(months: Sequence[Month], kind: str) -> Period:
    start = months[0].period.start
    if kind == "quarter":
        start = start.replace(month=start.month - (start.month - 1) % 3)
        return Period("quarter", start, ev.shift_months(start, 3))
    start = start.replace(month=1)
    return Period("year", start, ev.shift_months(start, 12))


# -- drill-down tables --------------------------------------------------------------------------------------
def month_name(period: Period) -> str:
    """A month's short name for column headings ("11月", "Nov")."""
    names = (tr("Jan"), tr("Feb"), tr("Mar"), tr("Apr"), tr("May"), tr("Jun"), tr("Jul"), tr("Aug"),
             tr("Sep"), tr("Oct"), tr("Nov"), tr("Dec"))
    return names[period.start.month - 1]


def _r1(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


def signed(n: int | float | None) -> str:
    """"+3", "−2", "0", "" (rank and count changes as printed)."""
    if n is None:
        return ""
    if isinstance(n, float):
        return f"{n:+.1f}".replace("-", "−")
    return f"{n:+d}".replace("-", "−") if n else "0"


class Signed(float):
    """A change in a table cell: still a number (right-aligned, sortable, a number in a workbook),
    printed with its sign and one decimal ("+1.5", "−2.0")."""

    def __format__(self, spec: str) -> str:
        return signed(round(float(self), 1)) if spec.endswith("f") else format(float(self), spec)

    def __str__(self) -> str:
        return signed(round(float(self), 1))


class SignedInt(int):
    """A change of places in a ranking: a number printed "+3", "−2", "0"."""

    def __format__(self, spec: str) -> str:
        return signed(int(self))

    def __str__(self) -> str:
        return signed(int(self))


def _signed(n):
    if n is None:
        return None
    return SignedInt(n) if isinstance(n, int) else Signed(n)


def trend_table(review: Review) -> Table:
    """The key figures month by month (rows) and for the period, each cell's cases behind its row's
    month."""
    keys = trend_keys()
    table = Table("period_trend", tr("Key figures by month"),
                  [tr("Month")] + [ev.indicator_label(k) + (" (%)" if k in ev.RATES else "") for k in keys])
    for month, row in zip(review.months, review.monthly):
        table.add([month.period.label()] + [_cell(row.get(k)) for k in keys], row["reported"].numerator)
    table.add([tr("Whole period")] + [_cell(review.totals.get(k)) for k in keys],
              review.totals["reported"].numerator)
    table.note = tr("counts are cases; a period's count lists each case once; rates in %, empty where nothing was "
                    "due; the drill-down lists the cases reported")
    return table


def _cell(figure: Figure | None):
    if figure is None:
        return None
    if figure.denominator is None:
        return figure.count
    return _r1(value(figure))


def ranking_table(review: Review) -> Table:
    """Ranks and scores per month, the period's rank by mean score and the changes."""
    months = [month_name(m.period) if review.kind == "quarter" else str(m.period.start.month)
              for m in review.months]
    headers = [tr("Rank"), tr("Department")] + months + [tr("Mean score"), tr("First to last month")]
    if review.previous:
        headers += [tr("Previous period's rank"), tr("Against previous period")]
    table = Table("period_ranking", tr("Department rankings"), headers)
    for r in review.rankings:
        row = [r.rank, r.name] + [s.rank for s in r.months] + [_r1(r.mean), _signed(r.first_to_last)]
        if review.previous:
            row += [r.previous_rank, _signed(r.against_previous)]
        table.add(row, r.ids)
    table.note = tr("the month columns give each month's rank; + moved up, − moved down")
    return table


def scores_table(review: Review) -> Table:
    """The mean score per quarter of the months, the period's mean, and the best and the worst month
    with their scores (the annual report's second ranking table)."""
    quarters: dict[int, list[int]] = {}
    for k, m in enumerate(review.months):
        quarters.setdefault((m.period.start.month - 1) // 3 + 1, []).append(k)
    table = Table("period_scores", tr("Department scores"),
                  [tr("Department")] + [tr("Q{quarter}").format(quarter=q) for q in quarters] +
                  [tr("Mean score"), tr("Best month"), tr("Worst month")])
    for r in review.rankings:
        best, worst = r.best(), r.worst()
        table.add([r.name] + [_r1(r.mean_of(ks)) for ks in quarters.values()] + [_r1(r.mean)] +
                  [_month_score(review, r, k) for k in (best, worst)], r.ids)
    table.note = tr("the quarters and the period: the mean of the monthly composite scores")
    return table


def score_formula(weights: dict[str, float] | None = None) -> str:
    """"综合得分 = 处置率 × 30 + …" (short enough for a table's note line)."""
    terms = []
    for term, weight in (weights or ev.DEFAULT_WEIGHTS).items():
        if weight:
            label = ev.indicator_label(term)
            terms.append(f"{label} × {weight:g}" if ev.SCORE_TERMS[term] else f"(1 − {label}) × {weight:g}")
    return tr("composite score = {formula}").format(formula=" + ".join(terms))


def _month_score(review: Review, r: Ranking, k: int | None) -> str:
    if k is None:
        return ""
    return tr("{month} ({score})").format(month=month_name(review.months[k].period),
                                         score=f"{r.months[k].score:.1f}")


def persistent_table(review: Review) -> Table:
    """The persistent problems: cases per month for a quarter; for longer periods (too many months
    for a page's columns) their highest and lowest place and the cases a month."""
    months = [month_name(m.period) for m in review.months]
    short = len(months) <= 4
    extra = [tr("{month} cases").format(month=m) for m in months] if short else \
        [tr("Highest place"), tr("Lowest place"), tr("Cases a month")]
    table = Table("persistent_classes", tr("Persistent problems"),
                  [tr("Kind"), tr("Class"), tr("Name")] + extra + [tr("Total")])
    for row in review.persistent:
        kind = tr("event") if row.kind == "event" else tr("component")
        cells = row.counts if short else [min(row.ranks), max(row.ranks), _r1(len(row.all_ids) / len(months))]
        table.add([kind, row.code, row.name] + cells + [len(row.all_ids)], row.all_ids)
    table.note = tr("classes among the {top} most reported in every month").format(top=review.top)
    return table


def hot_table(review: Review) -> Table:
    """The grids hot in every month, with their cases per month."""
    hot = review.hot
    months = [month_name(m.period) for m in review.months]
    table = Table("persistent_hotspots", tr("Persistent hot spots"),
                  [tr("Grid"), tr("Street"), tr("Community")] + [tr("{month} cases").format(month=m)
                                                                  for m in months] + [tr("Total")])
    if hot is None:
        return table
    names = review.names
    for i in hot.persistent():
        code = hot.codes[i]
        table.add([code, names.get("street", {}).get(code[:9], code[:9]),
                   names.get("community", {}).get(code[:12], code[:12])] + [int(n) for n in hot.counts[i]] +
                  [int(hot.counts[i].sum())], hot.ids(i))
    table.note = hot.describe()
    return table


def change_table(rows: Sequence[Change], key: str, title: str, grouping: str, names: dict | None = None) -> Table:
    names = names or {}
    first = [tr("Grid"), tr("Community")] if grouping == "grid" else [tr("Class"), tr("Name")]
    table = Table(key, title, first + [tr("First half, per month"), tr("Second half, per month"),
                                       tr("Change per month"), tr("Change per month (%)")])
    for r in rows:
        if grouping == "grid":
            head = [r.key, names.get("community", {}).get(r.key[:12], r.key[:12])]
        else:
            head = [r.key.split(":")[1], r.name]
        table.add(head + [_r1(r.before_rate), _r1(r.after_rate), _signed(r.change), _signed(r.percent)], r.ids)
    table.note = tr("cases reported per month, the first half of the months against the second; the drill-down "
                    "lists the cases of both halves")
    return table


def emerging_table(review: Review) -> Table:
    """Grids by emerging hot spot pattern (hot patterns only), with their cases over the year."""
    table = Table("emerging_hotspots", tr("Emerging hot spots"),
                  [tr("Pattern"), tr("Grids"), tr("Cases"), tr("Grids (first ten)")])
    found, hot = review.emerging, review.hot
    if found is None or hot is None:
        return table
    for code in hs.CATEGORIES:
        if not code.endswith("_hot"):
            continue
        rows = [i for i, c in enumerate(found.category) if c == code]
        if not rows:
            continue
        ids = frozenset().union(*(hot.ids(i) for i in rows))
        table.add([hs.category_label(code), len(rows), len(ids), ", ".join(hot.codes[i] for i in rows[:10])], ids)
    table.note = emerging_note(found)
    return table


def emerging_note(found: EmergingGrids) -> str:
    if found.method == "emerging":
        return tr("emerging hot spot analysis of the cases per unit grid and month (space-time Gi*, Mann–Kendall "
                  "trend)")
    return tr("the months' hot grids classified by the emerging hot spot rules without a trend test (the emerging "
              "hot spot analysis could not run: {reason})").format(reason=found.reason)


def tables(review: Review) -> list[Table]:
    """Every table of the review, for the drill-down and the XLSX."""
    out = [trend_table(review), ranking_table(review), persistent_table(review)]
    if review.kind == "year":
        out.insert(2, scores_table(review))
    if review.hot is not None:
        out.append(hot_table(review))
    if review.kind == "year":
        names = review.names
        out += [change_table(review.improved_grids, "improved_grids", tr("Grids that improved most"), "grid", names),
                change_table(review.worsened_grids, "worsened_grids", tr("Grids that worsened most"), "grid", names),
                change_table(review.improved_classes, "improved_classes", tr("Classes that improved most"), "class"),
                change_table(review.worsened_classes, "worsened_classes", tr("Classes that worsened most"), "class")]
        if review.emerging is not None:
            out.append(emerging_table(review))
    return out


# -- the summary -------------------------------------------------------------------------------------------
def pct(figure: Figure | None) -> str:
    v = value(figure)
    return "—" if v is None else f"{v:.1f}%"


def count_change(now: int, before: int) -> str:
    """"比上期（1,448）增加 5.2%" and the like."""
    if not before:
        return tr("none in the previous period") if now else tr("none in the previous period either")
    change = 100.0 * (now - before) / before
    if abs(change) < 0.05:
        return tr("the same as the previous period ({before})").format(before=f"{before:,}")
    text = tr("up {pct} on the previous period ({before})") if change > 0 else \
        tr("down {pct} on the previous period ({before})")
    return text.format(pct=f"{abs(change):.1f}%", before=f"{before:,}")


def rate_change(now: Figure, before: Figure) -> str:
    """"比上期（85.1%）提高 1.9 个百分点" and the like."""
    a, b = value(now), value(before)
    if a is None or b is None:
        return tr("no figure for the previous period")
    points = a - b
    if abs(points) < 0.05:
        return tr("the same as the previous period ({before})").format(before=pct(before))
    text = tr("up {points} percentage points on the previous period ({before})") if points > 0 else \
        tr("down {points} percentage points on the previous period ({before})")
    return text.format(points=f"{abs(points):.1f}", before=pct(before))


def summary(review: Review) -> list[str]:
    """The review's summary (概况) as short sentences: the period's figures (against the previous
    period when it was evaluated), the months, the departments, the persistent problems and hot
    spots; for a year also the busiest month, the improved and worsened grids and classes and the
    emerging hot spots."""
    t, p = review.totals, review.previous_totals
    label = review.period.label()
    reported = t["reported"].count
    if p is not None:
        first = tr("In {period}, {reported} cases were reported ({change}), {valid} of them valid (valid-report rate "
                   "{rate}).").format(period=label, reported=f"{reported:,}",
                                      change=count_change(reported, p["reported"].count),
                                      valid=f"{t['valid'].count:,}", rate=pct(t["valid_report_rate"]))
    else:
        first = tr("In {period}, {reported} cases were reported, {valid} of them valid (valid-report rate "
                   "{rate}).").format(period=label, reported=f"{reported:,}", valid=f"{t['valid'].count:,}",
                                      rate=pct(t["valid_report_rate"]))
    out = [first, tr("{registered} cases were registered; {closed} of them were closed by the end of their month "
                     "(closing rate {rate}).").format(registered=f"{t['registered'].count:,}",
                                                      closed=f"{t['closed'].count:,}", rate=pct(t["closing_rate"]))]
    handling = tr("{due} cases fell due for handling: {handled} were handled (handling rate {handling_rate}), "
                  "{on_time} on time (on-time handling rate {on_time_rate}).").format(
        due=f"{t['due_handle'].count:,}", handled=f"{t['handled'].count:,}", handling_rate=pct(t["handling_rate"]),
        on_time=f"{t['handled_on_time'].count:,}", on_time_rate=pct(t["on_time_handling_rate"]))
    out.append(handling)
    if p is not None:
        out.append(tr("The on-time handling rate was {change}.").format(
            change=rate_change(t["on_time_handling_rate"], p["on_time_handling_rate"])))
    if "satisfaction_rate" in t and "revisited" in t and t["revisited"].count:
        out.append(tr("Return visits reached {revisited} reporters; {satisfied} of them were satisfied "
                      "(satisfaction rate {rate}).").format(revisited=f"{t['revisited'].count:,}",
                                                            satisfied=f"{t['satisfied'].count:,}",
                                                            rate=pct(t["satisfaction_rate"])))
    counts = [(m.period.label(), row["reported"].count) for m, row in zip(review.months, review.monthly)]
    out.append(tr("Cases reported by month: {items}.").format(
        items=tr(", ").join(tr("{month} {n}").format(month=name, n=f"{n:,}") for name, n in counts)))
    # the busiest and quietest months among the complete ones: a month still running (a year's
    # report to date) is not "the quietest" for having had fewer days
    now = datetime.now(review.period.start.tzinfo)
    done = [m.period.end <= now for m in review.months]
    counts = [c for c, complete in zip(counts, done) if complete]
    if review.kind == "year" and len(counts) > 1:
        most = max(counts, key=lambda c: c[1])
        least = min(counts, key=lambda c: c[1])
        out.append(tr("The most cases were reported in {busiest} ({most}), the fewest in {quietest} ({fewest}).")
                   .format(busiest=most[0], most=f"{most[1]:,}", quietest=least[0], fewest=f"{least[1]:,}"))
        rates = [(m.period.label(), row["on_time_handling_rate"])
                 for m, row, complete in zip(review.months, review.monthly, done)
                 if complete and row["on_time_handling_rate"].value is not None]
        if len(rates) > 1:
            best = max(rates, key=lambda r: r[1].value)
            worst = min(rates, key=lambda r: r[1].value)
            out.append(tr("The on-time handling rate was highest in {best} ({best_rate}) and lowest in {worst} "
                          "({worst_rate}).").format(best=best[0], best_rate=pct(best[1]), worst=worst[0],
                                                    worst_rate=pct(worst[1])))
    out += _ranking_sentences(review)
    if review.persistent:
        items = tr(", ").join(tr("{name} ({n} cases)").format(name=r.name or r.code, n=f"{len(r.all_ids):,}")
                              for r in review.persistent[:5])
        out.append(tr("{n} classes were among the {top} most reported in every month: {items}.").format(
            n=len(review.persistent), top=review.top, items=items))
    else:
        out.append(tr("No class was among the {top} most reported in every month.").format(top=review.top))
    if review.hot is not None:
        persistent = review.hot.persistent()
        if persistent:
            out.append(tr("{n} unit grids were hot in every month: {items}.").format(
                n=len(persistent), items=tr(", ").join(review.hot.codes[i] for i in persistent[:5])))
        else:
            out.append(tr("No unit grid was hot in every month."))
        out.append(tr("Method: {how}.").format(how=review.hot.describe()))
    if review.kind == "year":
        out += _change_sentences(review)
        if review.emerging is not None:
            tally = review.emerging.tally()
            hot = [(c, tally[c]) for c in hs.CATEGORIES if c.endswith("_hot") and tally.get(c)]
            if hot:
                out.append(tr("Hot spot patterns over the year: {items}.").format(
                    items=tr(", ").join(tr("{pattern} {n} grids").format(pattern=hs.category_label(c), n=n)
                                        for c, n in hot)))
            else:
                out.append(tr("No unit grid shows a hot spot pattern over the year."))
    return out


def _ranking_sentences(review: Review) -> list[str]:
    scored = [r for r in review.rankings if r.rank is not None]
    out = []
    if len(scored) > 1:
        out.append(tr("Of the {n} departments with a score, {best} ranked first with a mean score of {best_score} "
                      "and {worst} last with {worst_score}.").format(
            n=len(scored), best=scored[0].name, best_score=f"{scored[0].mean:.1f}", worst=scored[-1].name,
            worst_score=f"{scored[-1].mean:.1f}"))
    elif scored:
        out.append(tr("{best} was the only department with a score (mean {best_score}).").format(
            best=scored[0].name, best_score=f"{scored[0].mean:.1f}"))
    if scored:
        out.append(tr("The period's ranking orders the departments by the mean of their monthly composite scores."))
    unscored = [r.name for r in review.rankings if r.rank is None]
    if unscored:
        out.append(tr("Not ranked, with nothing due for handling in any month: {names}.").format(
            names=tr(", ").join(unscored)))
    moved = [r for r in review.rankings if r.first_to_last]
    if moved:
        first, last = (review.months[k].period.label() for k in moved[0].span)
        up = max(moved, key=lambda r: (r.first_to_last, r.key))
        down = min(moved, key=lambda r: (r.first_to_last, r.key))
        if up.first_to_last > 0:
            out.append(tr("From {first} to {last}, {name} rose most ({places} places).").format(
                first=first, last=last, name=up.name, places=signed(up.first_to_last)))
        if down.first_to_last < 0:
            out.append(tr("From {first} to {last}, {name} fell most ({places} places).").format(
                first=first, last=last, name=down.name, places=signed(down.first_to_last)))
    against = [r for r in review.rankings if r.against_previous]
    if against:
        up = max(against, key=lambda r: (r.against_previous, r.key))
        down = min(against, key=lambda r: (r.against_previous, r.key))
        if up.against_previous > 0:
            out.append(tr("Against the previous period's ranking, {name} rose most ({places} places).").format(
                name=up.name, places=signed(up.against_previous)))
        if down.against_previous < 0:
            out.append(tr("Against the previous period's ranking, {name} fell most ({places} places).").format(
                name=down.name, places=signed(down.against_previous)))
    return out


def _change_sentences(review: Review) -> list[str]:
    out = []
    communities = review.names.get("community", {})
    between = tr("{before} → {after} cases a month from the first half of the months to the second")
    for rows, template, grid in (
            (review.improved_grids, tr("The unit grid that improved most was {name}: {change}."), True),
            (review.worsened_grids, tr("The unit grid that worsened most was {name}: {change}."), True),
            (review.improved_classes, tr("The problem that fell most was {name}: {change}."), False),
            (review.worsened_classes, tr("The problem that rose most was {name}: {change}."), False)):
        if not rows:
            continue
        r = rows[0]
        name = tr("{grid} ({community})").format(grid=r.key, community=communities.get(r.key[:12], r.key[:12])) \
            if grid else (r.name or r.key.split(":")[-1])
        out.append(template.format(name=name, change=between.format(before=f"{r.before_rate:.1f}",
                                                                    after=f"{r.after_rate:.1f}")))
    return out
