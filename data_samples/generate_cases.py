#!/usr/bin/env python3
"""Generate a realistic year of cases (案件) for the sample district, through the real workflow.

Usage (from the repository root, against a store that already holds the sample district, its
unit grids, the departments and the component census — ``make demo`` builds one)::

    .venv/bin/python data_samples/generate_cases.py --dsn "service=citygrid_citygrid"
        [--start 2025-12-01] [--days 365] [--seed 20261121] [--scale 1.0]

Every case is reported with ``citygrid_plugin.store.cases.report_case`` and moved with
``cases.act`` with ``at=`` timestamps in the past, i.e. through ``citygrid.case_replay_report`` /
``citygrid.case_replay_act``, the store owner's replay of history (in the name of the demo staff
logins, every case and audit row marked ``replayed``): deadlines come from the store's time limits
and working calendar and the on-time / late closings (正常结案 / 超时结案) are the store's own
verdicts, by the same code as a live action at the server's clock. Nothing is written
to the case tables directly. The only other write is a few district-wide routing rules
(citygrid.routing_rule, class → department), added when the class has none.

Arrivals. Poisson per unit grid and day: a base rate of ``BASE_RATE`` = 0.052 cases per grid per
day (× ``scale``); five steady hot spot areas around the grids with the densest street furniture
(the major intersections and shopping streets of the sample; at least 700 m apart), where the
rate rises to 4 × at the centre and fades with distance (Gaussian, σ = 120 m, so an area is about
300 m across); two emerging areas that heat up from nothing to the same strength over the last 13
weeks, and one fading area, as hot at the start and cooled down by mid-year (so the emerging hot
spot analysis has something to find); a weekly rhythm (Monday–Friday × 1.15, Saturday × 0.70,
Sunday × 0.60) and a daily rhythm (reports between 07:00 and 21:00 Asia/Shanghai, peaking
mid-morning and mid-afternoon). With the sample's 825 grids that is about 50 cases a day
(≈ 18,000 a year) for its 8.3 km².

Mix. Sources: 监督员上报 70 %, 12319热线 12 %, 公众举报 8 %, 视频监控 5 %, 领导批办 2 %, 部门上报 2 %,
媒体曝光 1 %. Kinds: events 70 % (暴露垃圾, 机动车乱停放, 非法小广告, 无照经营游商, 道路不洁, 乱堆物堆料 …),
components 30 %, each naming a real census component in the case's grid (井盖, 路灯, 雨水箅子,
垃圾箱, 交通设施, 行道树 …); the case's class is the component's class and the store routes it to the
component's owner (先属主).

Lifecycle (each action later than the one before; times drawn from the distributions below):
accept 2–15 min after the report; public sources (not 监督员上报 / 视频监控) go to 核实 and are
verified 10–40 min later or cancelled as not found (5 %); register 5–40 min later or cancel (3 %);
dispatch 5–50 min later (3 % first to a wrong department, which returns the case 0.5–4 h later and
it is re-dispatched); 1 % are deferred (挂账) by the shift leader and released 3–20 days later;
4 % ask for an extension, approved within the hour; the department feeds back before the handle
deadline in 85 % of handlings, otherwise late (the dispatcher urges 督办 first); the supervisor
checks 10–40 min later (6 % rework); the shift leader closes 10–90 min after the check. A closed
public report gets its return visit (回访, the external evaluation): an operator calls 1–30 h after
closing and reaches the reporter (80 %; else again 4–30 h later, reached 85 %), who is 满意 (70 %),
基本满意 (20 %) or 不满意 (10 %); 40 % of the dissatisfied are sent back for rework (重办), handled,
checked, closed and called again. The return visits draw from a stream of their own (seeded by
the report time and grid), so adding them left every other draw as it was. Cases
whose next step falls after the end of the window stay open where they are; overdue ones among
them are mostly urged.

The window ends at 10:30 on its last day, which is the day before ``year_start + days`` or
yesterday (Asia/Shanghai), whichever is earlier: no action is ever dated in the future, and the
last morning's cases are caught in the early states (待受理, 待核实, 待立案, 待派遣 …). Same seed,
same window, same result: every day draws from its own random stream (seed, day index), so the
cases do not depend on how many connections run the days in parallel (``workers``, default 2;
only the case numbers interleave differently). The window is generated in one transaction per
connection, committed only when all succeeded. A window that already holds cases is not
generated again (the summary of what is there is returned).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from datetime import time as dtime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from citygrid_plugin.store import db  # noqa: E402
from citygrid_plugin.store.cases import act, report_case  # noqa: E402

CST = timezone(timedelta(hours=8))
SEED = 20261121
BASE_RATE = 0.052          # cases per unit grid per day (scale 1.0), before the weekly rhythm
HOTSPOTS = 5               # steady hot spot areas, around the grids with the densest street furniture
HOTSPOT_FACTOR = 4.0       # rate at a hot spot's centre (× the base rate), fading with distance
HOTSPOT_SIGMA = 120.0      # metres: the Gaussian spread of a hot spot area (about 300 m across)
EMERGING = 2               # areas that heat up over the last 13 weeks (to 4 × at the end)
FADING = 1                 # an area hot at the start that cools down by mid-year
WEEKDAY_FACTOR = (1.15, 1.15, 1.15, 1.15, 1.15, 0.70, 0.60)   # Monday … Sunday

SOURCES = [("监督员上报", 0.70), ("12319热线", 0.12), ("公众举报", 0.08), ("视频监控", 0.05),
           ("领导批办", 0.02), ("部门上报", 0.02), ("媒体曝光", 0.01)]
TRUSTED = {"监督员上报"}  # a supervisor's own report (citygrid.case_source.trusted)
COMPONENT_SHARE = 0.30

# event class: (weight, department of the district-wide routing rule, description)
EVENTS = {
    "0102": (20, "HW", "暴露垃圾"), "0505": (14, "JG", "机动车乱停放"), "0201": (14, "CGJ", "非法小广告"),
    "0501": (12, "CGJ", "无照经营游商"), "0104": (12, "HW", "道路不洁"), "0507": (10, "CGJ", "乱堆物堆料"),
    "0103": (4, "HW", "积存垃圾渣土"), "0106": (4, "YL", "绿地脏乱"), "0108": (3, "HW", "废弃家具设施"),
    "0202": (3, "CGJ", "违章张贴悬挂广告牌匾"), "0301": (2, "ZJ", "施工扰民"), "0101": (2, "CGJ", "私搭乱建"),
}
# component class: (weight, what is wrong)
COMPONENTS = {
    "0101": (10, "上水井盖破损"), "0102": (10, "污水井盖缺失"), "0103": (10, "雨水井盖破损"),
    "0105": (3, "电力井盖破损"), "0107": (3, "通讯井盖移位"), "0104": (10, "雨水箅子堵塞"),
    "0118": (20, "路灯不亮"), "0305": (12, "垃圾箱破损"), "0210": (5, "交通信号灯故障"),
    "0209": (4, "交通标志牌倾斜"), "0213": (3, "路名牌缺失"), "0402": (10, "行道树倒伏"),
}
# daily rhythm: relative weight of each reporting hour 07:00 … 20:00
SNAPSHOT_BEFORE_MIDNIGHT = timedelta(hours=13, minutes=30)   # the window ends at 10:30 on its last day
HOURS = np.array([0.5, 1.0, 1.4, 1.5, 1.3, 0.9, 0.8, 1.1, 1.3, 1.3, 1.1, 0.8, 0.6, 0.4])

P_CANCEL_VERIFY = 0.05
P_CANCEL_REGISTER = 0.03
P_RETURN = 0.03
P_DEFER = 0.01
P_EXTENSION = 0.04
P_ON_TIME = 0.85
P_REWORK = 0.06
P_URGE_OPEN = 0.6
# demo staff (staff=True): logins per role; supervisors patrol one street each (by street code),
# operators, shift leaders and dispatchers take turns, each department has one handler
STAFF = {"supervisor": 6, "operator": 3, "shift_leader": 2, "dispatcher": 2, "office": 1}
STAFF_NAMES = {"supervisor": "监督员", "operator": "受理员", "shift_leader": "值班长", "dispatcher": "派遣员",
               "office": "数字城管办"}
OPERATOR_SOURCES = {"12319热线", "公众举报", "媒体曝光", "领导批办", "视频监控"}


class Staff:
    """Who acts: the demo logins of each role (``staff=True``), or nobody in particular (None:
    every action is recorded as the connected user)."""

    def __init__(self, logins: dict[str, list[str]] | None, departments: dict[str, str] | None = None):
        self.logins = logins or {}
        self.departments = departments or {}

    def who(self, role: str, rng: np.random.Generator, grid_code: str, department: str | None) -> str | None:
        if not self.logins:
            return None
        if role == "department":
            if department is None:  # a department reporting what it found on its rounds
                handlers = sorted(self.departments.values())
                return handlers[int(rng.integers(len(handlers)))] if handlers else None
            return self.departments.get(department)
        people = self.logins[role]
        if role == "supervisor":  # a supervisor patrols the same street
            return people[int(grid_code[6:9]) % len(people)]
        return people[int(rng.integers(len(people)))]


def ensure_staff(conn) -> Staff:
    """Create the demo staff logins (no password: they never sign in, they are who the history
    says acted) with their roles and departments; needs the store roles (citygrid:setuproles)."""
    from citygrid_plugin.store.roles import save_user

    logins: dict[str, list[str]] = {}
    for role, n in STAFF.items():
        logins[role] = [f"demo_{role}_{k:02d}" for k in range(1, n + 1)]
        for k, login in enumerate(logins[role], 1):
            save_user(conn, login, [role], f"{STAFF_NAMES[role]}{k:02d}（示例）")
    handlers = {}
    with conn.cursor() as cur:
        cur.execute("SELECT code FROM citygrid.department WHERE active ORDER BY code")
        departments = [r[0] for r in cur.fetchall()]
    conn.rollback()
    for code in departments:
        login = f"demo_department_{code.lower()}"
        save_user(conn, login, ["department"], f"{code} 处置员（示例）", department=code)
        handlers[code] = login
    return Staff(logins, handlers)


class _Stop(Exception):
    """The next step of a case falls after the end of the window."""


def _window(year_start: date, days: int) -> tuple[datetime, datetime]:
    start = datetime.combine(year_start, dtime(0), CST)
    today = datetime.combine(datetime.now(CST).date(), dtime(0), CST)
    return start, min(start + timedelta(days=days), today) - SNAPSHOT_BEFORE_MIDNIGHT


def _load_place(conn) -> tuple[list, dict, list]:
    """Grids (code, shapely polygon), census components per grid and class, hotspot grid indexes."""
    from shapely import wkb

    with conn.cursor() as cur:
        cur.execute("SELECT code, ST_AsBinary(geom) FROM citygrid.grid WHERE retired_at IS NULL AND code IS NOT NULL "
                    "ORDER BY code")
        grids = [(code, wkb.loads(bytes(g))) for code, g in cur.fetchall()]
        cur.execute("SELECT grid_code, class_code, code, owner, ST_X(p), ST_Y(p) FROM (SELECT grid_code, class_code, "
                    "code, COALESCE(dept2_code, dept1_code) AS owner, ST_PointOnSurface(geom) AS p "
                    "FROM citygrid.component WHERE code IS NOT NULL AND grid_code IS NOT NULL "
                    "AND class_code = ANY(%s)) s ORDER BY code", (sorted(COMPONENTS),))
        components: dict = {}
        for grid, cls, code, owner, x, y in cur.fetchall():
            components.setdefault(grid, {}).setdefault(cls, []).append((code, owner, x, y))
        cur.execute("SELECT grid_code, count(*) FROM citygrid.component WHERE grid_code IS NOT NULL GROUP BY 1")
        density = {g: n for g, n in cur.fetchall()}
    conn.rollback()
    if not grids:
        raise RuntimeError("the store holds no unit grids: import the district and partition it first")
    ranked = sorted(range(len(grids)), key=lambda i: (-density.get(grids[i][0], 0) / max(grids[i][1].area, 1.0),
                                                      grids[i][0]))
    return grids, components, ranked


def _ensure_routing(conn) -> tuple[int, dict]:
    """Add the district-wide routing rules the generated event classes need (where the department
    exists and the class has no rule yet); returns how many were added and the routable classes."""
    added = 0
    with conn.cursor() as cur:
        cur.execute("SELECT code FROM citygrid.department WHERE active")
        known = {r[0] for r in cur.fetchall()}
        for cls, (_w, dept, _d) in sorted(EVENTS.items()):
            if dept not in known:
                continue
            cur.execute("INSERT INTO citygrid.routing_rule (class_code, street_code, department_code) "
                        "VALUES (%s, NULL, %s) ON CONFLICT DO NOTHING", (cls, dept))
            added += cur.rowcount
        cur.execute("SELECT r.class_code, r.department_code FROM citygrid.routing_rule r JOIN citygrid.department d "
                    "ON d.code = r.department_code WHERE r.street_code IS NULL AND d.active")
        routed = dict(cur.fetchall())
    conn.commit()
    return added, {c: d for c, d in routed.items() if c in EVENTS}


def _point_in(rng: np.random.Generator, poly) -> tuple[float, float]:
    from shapely.geometry import Point

    x0, y0, x1, y1 = poly.bounds
    inner = poly.buffer(-1.0) if poly.area > 400 else poly
    target = inner if not inner.is_empty else poly
    for _ in range(200):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if target.contains(Point(x, y)):
            return round(x, 2), round(y, 2)
    p = poly.representative_point()
    return round(p.x, 2), round(p.y, 2)


def _minutes(rng: np.random.Generator, lo: float, hi: float) -> timedelta:
    return timedelta(minutes=float(rng.uniform(lo, hi)))


class _Case:
    """Runs one case's lifecycle through cases.act, stopping at the end of the window."""

    def __init__(self, conn, rng, end: datetime, stats: Counter, staff: Staff | None = None):
        self.conn, self.rng, self.end, self.stats = conn, rng, end, stats
        self.staff = staff or Staff(None)
        self.row = None
        self.t = None
        self.grid_code = ""

    def step(self, action: str, role: str, delay: timedelta, note: str | None = None, data: dict | None = None):
        at = self.t + delay
        if at >= self.end:
            raise _Stop
        dept = (data or {}).get("department") or self.row.department_code
        who = self.staff.who(role, self.rng, self.grid_code, dept)
        self.row = act(self.conn, self.row.id, action, role, self.row.version, note=note, data=data, at=at,
                       commit=False, as_user=who)
        self.t = at
        self.stats[action] += 1
        return self.row

    def urge_if_overdue(self, before: datetime, role: str = "dispatcher") -> None:
        """Urge (督办) an overdue dispatched case some time between its deadline and *before*."""
        deadline = self.row.stage_deadline
        if self.row.state != "dispatched" or deadline is None or deadline >= min(before, self.end):
            return
        at = max(self.t, deadline) + _minutes(self.rng, 30, 180)
        if at < min(before, self.end):
            self.step("urge", role, at - self.t)

    def handle(self, reworked: bool = False) -> None:
        """The department's handling from dispatch (or release, or rework) to feedback."""
        rng = self.rng
        start = self.t
        deadline = self.row.stage_deadline
        span = max((deadline - start).total_seconds(), 1800.0)
        if rng.random() < P_EXTENSION and not reworked:
            hours = 24 if span > 86400 else 4
            self.step("request_extension", "department", timedelta(seconds=span * rng.uniform(0.3, 0.7)),
                      note="工程量大，需协调施工", data={"hours": hours})
            self.step("approve_extension", "shift_leader", _minutes(rng, 10, 60))
            deadline = self.row.stage_deadline
        if rng.random() < P_ON_TIME or reworked and rng.random() < 0.9:
            left = max((deadline - self.t).total_seconds(), 600.0)
            feedback_at = self.t + timedelta(seconds=left * rng.uniform(0.15, 0.95))
        else:
            feedback_at = deadline + timedelta(minutes=10 + float(rng.exponential(8 * 60)))
            self.urge_if_overdue(feedback_at)
        self.step("feedback", "department", feedback_at - self.t, note="已按处置标准处置完毕")

    def revisit(self, reported_at: datetime) -> None:
        """The return visit (回访) of a closed public report, on its own random stream."""
        main, self.rng = self.rng, np.random.default_rng([int(reported_at.timestamp()), int(self.grid_code[-6:])])
        try:
            for _round in range(2):
                rng = self.rng
                if rng.random() >= 0.8:
                    self.step("revisit", "operator", _minutes(rng, 60, 1800), note="无人接听",
                              data={"reached": False})
                    if rng.random() >= 0.85:
                        return
                    delay = _minutes(rng, 240, 1800)
                else:
                    delay = _minutes(rng, 60, 1800)
                draw = rng.random()
                level = "满意" if draw < 0.7 else "基本满意" if draw < 0.9 else "不满意"
                reopen = level == "不满意" and rng.random() < 0.4
                data = {"reached": True, "satisfaction": level, **({"reopen": True} if reopen else {})}
                self.step("revisit", "operator", delay, note="问题仍未彻底解决" if level == "不满意" else None,
                          data=data)
                if not reopen:
                    return
                self.stats["reopened"] += 1
                self.handle(reworked=True)
                self.step("check_ok", "supervisor", _minutes(rng, 10, 40), note="现场核查已处置")
                self.step("close", "shift_leader", _minutes(rng, 10, 90))
        finally:
            self.rng = main

    def run(self, source: str, kind: str, cls: str, description: str, x: float, y: float,
            component: str | None, grid_code: str, at: datetime, wrong_dept: str | None) -> None:
        rng = self.rng
        self.grid_code = grid_code
        role = "operator" if source in OPERATOR_SOURCES else "department" if source == "部门上报" else "supervisor"
        dept = wrong_dept if role == "department" else None  # some department reports what it found
        self.row = report_case(self.conn, source, kind, cls, description, x, y, address=f"网格 {grid_code}",
                               reporter=None if source in TRUSTED else "市民", component_code=component, at=at,
                               reporter_phone=None if source in TRUSTED else f"1380000{self.stats['report']:04d}"[-11:],
                               commit=False, as_user=self.staff.who(role, rng, grid_code, dept))
        self.t = at
        self.stats["report"] += 1
        try:
            self.step("accept", "operator", _minutes(rng, 2, 15))
            public = self.row.state == "to_verify"   # an untrusted source: a reporter to call back
            if self.row.state == "to_verify":
                if rng.random() < P_CANCEL_VERIFY:
                    self.step("cancel", "supervisor", _minutes(rng, 10, 40), note="现场核实未发现问题")
                    return
                self.step("verify", "supervisor", _minutes(rng, 10, 40), note="现场核实属实")
            if rng.random() < P_CANCEL_REGISTER:
                self.step("cancel", "shift_leader", _minutes(rng, 5, 40), note="不符合立案标准")
                return
            self.step("register", "shift_leader", _minutes(rng, 5, 40))
            if wrong_dept and rng.random() < P_RETURN:
                self.step("dispatch", "dispatcher", _minutes(rng, 5, 50), data={"department": wrong_dept})
                self.step("return", "department", _minutes(rng, 30, 240), note="非本部门职责，申请退回")
                self.stats["returned_cases"] += 1
            self.step("dispatch", "dispatcher", _minutes(rng, 5, 50))
            if rng.random() < P_DEFER:
                self.step("defer", "shift_leader", _minutes(rng, 120, 1440), note="涉及多部门，需协调，挂账")
                self.step("release", "shift_leader", timedelta(days=float(rng.uniform(3, 20))))
            self.handle()
            for _ in range(3):
                if rng.random() < P_REWORK:
                    role = "supervisor" if rng.random() < 0.7 else None
                    if role is None:
                        self.step("check_ok", "supervisor", _minutes(rng, 10, 40), note="现场核查已处置")
                        self.step("rework", "shift_leader", _minutes(rng, 10, 60), note="复核发现问题仍在")
                    else:
                        self.step("rework", "supervisor", _minutes(rng, 10, 40), note="现场核查未处置到位")
                    self.handle(reworked=True)
                    continue
                break
            self.step("check_ok", "supervisor", _minutes(rng, 10, 40), note="现场核查已处置")
            self.step("close", "shift_leader", _minutes(rng, 10, 90))
            if public:
                self.revisit(at)
        except _Stop:
            if rng.random() < P_URGE_OPEN:
                try:
                    self.urge_if_overdue(self.end, role="shift_leader" if rng.random() < 0.5 else "dispatcher")
                except _Stop:
                    pass


def summary(conn, start: datetime, end: datetime) -> dict:
    """Counts of the cases reported in the window, read back from the store."""
    with conn.cursor() as cur:
        w = "reported_at >= %s AND reported_at < %s"
        cur.execute(f"SELECT state, count(*) FROM citygrid.work_case WHERE {w} GROUP BY 1 ORDER BY 1", (start, end))
        states = dict(cur.fetchall())
        cur.execute(f"SELECT source, count(*) FROM citygrid.work_case WHERE {w} GROUP BY 1 ORDER BY 2 DESC",
                    (start, end))
        sources = dict(cur.fetchall())
        cur.execute(f"SELECT kind, count(*) FROM citygrid.work_case WHERE {w} GROUP BY 1 ORDER BY 1", (start, end))
        kinds = dict(cur.fetchall())
        cur.execute(f"SELECT close_category, count(*) FROM citygrid.work_case WHERE {w} AND state = 'closed' "
                    "GROUP BY 1", (start, end))
        closing = dict(cur.fetchall())
        cur.execute(f"SELECT a.action, count(*) FROM citygrid.case_action a JOIN citygrid.work_case c ON c.id = "
                    f"a.case_id WHERE c.{w} GROUP BY 1 ORDER BY 1", (start, end))
        actions = dict(cur.fetchall())
        cur.execute(f"SELECT count(*) FILTER (WHERE stage_deadline < %s), count(*) FILTER (WHERE urge_count > 0), "
                    "count(*) FILTER (WHERE stage_deadline < now()), "
                    f"avg(extract(epoch FROM updated_at - reported_at) / 3600) FILTER (WHERE state = 'closed') "
                    f"FROM citygrid.work_case WHERE {w}", (end, start, end))
        overdue_end, urged, overdue_now, hours = cur.fetchone()
        cur.execute(f"SELECT count(*) FILTER (WHERE (a.data ->> 'reached')::boolean), "
                    "count(*) FILTER (WHERE a.data ->> 'satisfaction' IN ('满意', '基本满意')), "
                    "count(*) FILTER (WHERE a.to_state = 'dispatched') "
                    f"FROM citygrid.case_action a JOIN citygrid.work_case c ON c.id = a.case_id "
                    f"WHERE a.action = 'revisit' AND c.{w}", (start, end))
        reached, satisfied, reopened = cur.fetchone()
        cur.execute(f"SELECT count(*) FROM citygrid.work_case WHERE revisit_pending AND {w}", (start, end))
        awaiting = cur.fetchone()[0]
    conn.rollback()
    return {"cases": sum(states.values()), "per_state": states, "per_source": sources, "per_kind": kinds,
            "closed_on_time": closing.get("正常结案", 0), "closed_late": closing.get("超时结案", 0),
            "reworks": actions.get("rework", 0), "extensions": actions.get("approve_extension", 0),
            "returns": actions.get("return", 0), "deferrals": actions.get("defer", 0),
            "cancellations": states.get("cancelled", 0), "urges": actions.get("urge", 0),
            "urged_cases": urged, "open_overdue_at_end": overdue_end, "open_overdue_now": overdue_now,
            "mean_hours_to_close": round(float(hours), 1) if hours is not None else None,
            "actions": sum(actions.values()),
            "revisits": {"calls": actions.get("revisit", 0), "reached": reached, "satisfied": satisfied,
                         "reopened": reopened, "awaiting": awaiting}}


class _Plan:
    """What every day of the window shares (read-only once built, so workers can share it)."""

    def __init__(self, grids, components, ranked, routed, scale: float, n_days: int):
        self.grids, self.components, self.routed = grids, components, routed
        xy = np.array([(g.centroid.x, g.centroid.y) for _c, g in grids])
        centres = _spread(xy, ranked, HOTSPOTS + EMERGING + FADING)
        self.hotspots = centres[:HOTSPOTS]
        self.emerging = centres[HOTSPOTS:HOTSPOTS + EMERGING]
        self.fading = centres[HOTSPOTS + EMERGING:]

        def area(indexes) -> np.ndarray:  # Σ of Gaussian bumps (0 … ≈1) around the centres
            d2 = ((xy[:, None, :] - xy[None, indexes, :]) ** 2).sum(axis=2)
            return np.exp(-d2 / (2 * HOTSPOT_SIGMA ** 2)).sum(axis=1) if indexes else np.zeros(len(xy))

        self.steady = 1.0 + (HOTSPOT_FACTOR - 1.0) * area(self.hotspots)
        self.rising, self.cooling = area(self.emerging), area(self.fading)
        self.n_days = n_days
        self.scale = scale
        self.ev_codes = sorted(routed)  # only classes a dispatcher can route
        ev_p = np.array([EVENTS[c][0] for c in self.ev_codes], dtype=float)
        self.ev_p = ev_p / ev_p.sum()
        self.co_codes = sorted(COMPONENTS)
        self.co_w = np.array([COMPONENTS[c][0] for c in self.co_codes], dtype=float)
        self.src_names = [s for s, _p in SOURCES]
        src_p = np.array([p for _s, p in SOURCES])
        self.src_p = src_p / src_p.sum()
        self.hour_p = HOURS / HOURS.sum()
        self.departments = sorted(set(routed.values()))

    def weights(self, index: int) -> np.ndarray:
        """Relative rate of every grid on day *index* of the window: the steady hot spot areas,
        the emerging ones heating up over the last 13 weeks, the fading one cooling by mid-year."""
        rise = float(np.clip((index - (self.n_days - 91)) / 91.0, 0.0, 1.0))
        cool = float(np.clip(1.0 - index / (self.n_days / 2.0), 0.0, 1.0))
        return self.steady + (HOTSPOT_FACTOR - 1.0) * (rise * self.rising + cool * self.cooling)


def _spread(xy: np.ndarray, ranked: list[int], n: int, min_distance: float = 700.0) -> list[int]:
    """The first *n* grids of *ranked* that lie at least *min_distance* from each other."""
    chosen: list[int] = []
    for i in ranked:
        if all(np.hypot(*(xy[i] - xy[j])) >= min_distance for j in chosen):
            chosen.append(i)
            if len(chosen) == n:
                break
    return chosen


def _run_day(conn, plan: _Plan, seed: int, index: int, day: datetime, end: datetime, stats: Counter,
             staff: Staff | None = None) -> None:
    """Report and run the cases arriving on one day (its own random stream: seed + day index, so
    the result does not depend on how the days are shared between workers)."""
    rng = np.random.default_rng([seed, index])
    lam = BASE_RATE * plan.scale * WEEKDAY_FACTOR[day.weekday()] * plan.weights(index)
    per_grid = rng.poisson(lam)
    arrivals = []
    for gi in np.nonzero(per_grid)[0]:
        for _ in range(int(per_grid[gi])):
            hour = 7 + int(rng.choice(len(plan.hour_p), p=plan.hour_p))
            arrivals.append((day + timedelta(hours=hour, seconds=float(rng.uniform(0, 3600))), int(gi)))
    arrivals = sorted(a for a in arrivals if a[0] < end)
    for at, gi in arrivals:
        code, poly = plan.grids[gi]
        source = plan.src_names[int(rng.choice(len(plan.src_names), p=plan.src_p))]
        here = plan.components.get(code, {})
        kind = "component" if here and rng.random() < COMPONENT_SHARE else "event"
        component = None
        if kind == "component":
            avail = [i for i, c in enumerate(plan.co_codes) if c in here]
            p = plan.co_w[avail] / plan.co_w[avail].sum()
            cls = plan.co_codes[avail[int(rng.choice(len(avail), p=p))]]
            component, owner, x, y = here[cls][int(rng.integers(len(here[cls])))]
            description = COMPONENTS[cls][1]
            x, y = round(x + rng.uniform(-0.5, 0.5), 2), round(y + rng.uniform(-0.5, 0.5), 2)
            if not poly.buffer(-0.01).contains(_pt(x, y)):
                x, y = _point_in(rng, poly)
            others = [d for d in plan.departments if d != owner]
            wrong = others[0] if others else None
        else:
            cls = plan.ev_codes[int(rng.choice(len(plan.ev_codes), p=plan.ev_p))]
            description = EVENTS[cls][2]
            x, y = _point_in(rng, poly)
            right = plan.routed[cls]
            others = [d for d in plan.departments if d != right]
            wrong = others[int(rng.integers(len(others)))] if others else None
        _Case(conn, rng, end, stats, staff).run(source, kind, cls, description, x, y, component, code, at, wrong)


def _run_days(conns: list, plan: _Plan, seed: int, days: list[tuple[int, datetime]], end: datetime,
              staff: Staff | None = None) -> Counter:
    """Run *days* over the connections *conns* (one thread each, days dealt round-robin), each
    connection in one transaction; commit all only when every worker succeeded, else roll all
    back, so a failed run leaves no half-generated window behind."""
    import threading

    stats = [Counter() for _ in conns]
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for index, day in days[k::len(conns)]:
                if errors:
                    return
                _run_day(conns[k], plan, seed, index, day, end, stats[k], staff)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the calling thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,), name=f"cases-{k}") for k in range(len(conns))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for conn in conns:
        if errors:
            conn.rollback()
        else:
            with conn.cursor() as cur:  # back to the connected user before the commit keeps it
                cur.execute("RESET SESSION AUTHORIZATION")
            conn.commit()
    if errors:
        raise errors[0]
    return sum(stats, Counter())


def generate(dsn, year_start: date = date(2025, 12, 1), days: int = 365, seed: int = SEED,
             scale: float = 1.0, workers: int = 2, staff: bool = False) -> dict:
    """Run *days* of cases from *year_start* through the workflow; returns the counts (see summary()).

    With a DSN, *workers* connections run the days in parallel (the store serialises nothing
    between cases, and every day draws from its own random stream, so the cases are the same
    for any number of workers; only their ids and numbers interleave differently). With a
    connection, it alone does the work. Either way nothing is committed unless the whole window
    succeeded.

    *staff*: act as demo staff logins (created here, see :func:`ensure_staff`; needs the store
    roles and a superuser connection), so the audit says which supervisor, operator, shift leader,
    dispatcher or department handler acted and the store checks each one's role; otherwise every
    action is the connected user's."""
    t0 = time.perf_counter()
    conn = db.connect(dsn) if isinstance(dsn, str) else dsn
    extra: list = []
    try:
        start, end = _window(year_start, days)
        if end <= start:
            raise ValueError(f"the window {year_start} + {days} days lies in the future")
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM citygrid.work_case WHERE reported_at >= %s AND reported_at < %s",
                        (start, end))
            existing = cur.fetchone()[0]
        conn.rollback()
        if existing:
            return {**summary(conn, start, end), "skipped": True, "days": -((start - end) // timedelta(days=1)),
                    "start": start.date().isoformat(), "end": end.isoformat(timespec="minutes"),
                    "seconds": time.perf_counter() - t0}
        rules, routed = _ensure_routing(conn)
        if not routed:
            raise RuntimeError("no event class can be routed: the store has none of the departments "
                               + ", ".join(sorted({d for _w, d, _x in EVENTS.values()})))
        grids, components, ranked = _load_place(conn)
        day_list = []
        day = start
        while day < end:  # the last day is cut at 10:30
            day_list.append((len(day_list), day))
            day += timedelta(days=1)
        plan = _Plan(grids, components, ranked, routed, scale, len(day_list))
        people = ensure_staff(conn) if staff else None
        if isinstance(dsn, str):
            extra = [db.connect(dsn) for _ in range(max(1, workers) - 1)]
        for c in [conn, *extra]:
            with c.cursor() as cur:  # one commit at the end: no need to wait for each flush
                cur.execute("SET synchronous_commit = off")
        _run_days([conn, *extra], plan, seed, day_list, end, people)
        n_days = len(day_list)
        result = summary(conn, start, end)
        result.update({"skipped": False, "days": n_days, "start": start.date().isoformat(),
                       "end": end.isoformat(timespec="minutes"), "routing_rules_added": rules,
                       "hotspots": [grids[i][0] for i in plan.hotspots],
                       "emerging": [grids[i][0] for i in plan.emerging], "fading": [grids[i][0] for i in plan.fading],
                       "cases_per_day": round(result["cases"] / n_days, 1),
                       "seconds": time.perf_counter() - t0})
        return result
    finally:
        for c in extra:
            c.close()
        if isinstance(dsn, str):
            conn.close()


def _pt(x: float, y: float):
    from shapely.geometry import Point

    return Point(x, y)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", required=True, help='libpq DSN, e.g. "service=citygrid_citygrid"')
    parser.add_argument("--start", default="2025-12-01")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2, help="parallel connections (default 2)")
    parser.add_argument("--staff", action="store_true", help="act as demo staff logins (needs the store roles)")
    args = parser.parse_args(argv)
    result = generate(args.dsn, date.fromisoformat(args.start), args.days, args.seed, args.scale, args.workers,
                      args.staff)
    print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
