"""The grid roster (一格六员): who answers for a unit grid besides its supervisor — 领导员 (the
leader, usually a street or community official), 城管员 (city management officer), 环卫员
(sanitation), 社区员 (community worker), 巡查员 (patroller) and 志愿员 (volunteer) — with names and
phones, as a city keeps it in a spreadsheet.

The batch file (citygrid:importroster) has the columns 网格 (the 15-digit grid code), 职责 (one of
the six duties), 姓名, 电话 and 说明. Every row is checked here before anything reaches the store,
every problem at once with its spreadsheet row and column (the conventions of
:mod:`citygrid_plugin.core.admintables`); the store checks the same rules again when it writes.
Pure Python: the store's active grids come in as a set of codes.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .admintables import AdminTableError, Change, Checked, Problem, Sheet
from .columns import PHONE
from .i18n import tr

DUTIES = ("领导员", "城管员", "环卫员", "社区员", "巡查员", "志愿员")
ROSTER_COLUMNS = {
    "grid": ("网格", "网格编码", "单元网格", "grid", "grid_code"),
    "duty": ("职责", "岗位", "duty"),
    "name": ("姓名", "name"),
    "phone": ("电话", "联系电话", "手机", "phone"),
    "note": ("说明", "备注", "note"),
}
REQUIRED = ("grid", "duty", "name")
GRID_CODE = re.compile(r"^[0-9]{15}$")
MAX_NAME, MAX_NOTE = 100, 500


def duty_of(text: str) -> str | None:
    """The duty *text* names: one of :data:`DUTIES`, written whole or without the final 员
    (领导 → 领导员), full-width or with spaces; None when it names none."""
    folded = "".join(unicodedata.normalize("NFKC", text or "").split())
    if folded in DUTIES:
        return folded
    if folded + "员" in DUTIES:
        return folded + "员"
    return None


def phone_problem(phone: str | None) -> str | None:
    """Why *phone* is not a phone number the store keeps (None: it is, or it is empty)."""
    if phone and not PHONE.match(phone):
        return tr("a phone number has digits, spaces and + - ( ) only, 3 to 40 characters")
    return None


@dataclass(frozen=True)
class Member:
    """One person of a grid's roster, as the store keeps it (grid_roster)."""

    grid_code: str
    duty: str
    name: str
    phone: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.grid_code, self.duty, self.name)

    def as_dict(self) -> dict:
        return {"grid_code": self.grid_code, "duty": self.duty, "name": self.name, "phone": self.phone,
                "note": self.note}


def roster_rows(sheet: Sheet, grids: Iterable[str]) -> Checked:
    """The members of a roster sheet (:data:`ROSTER_COLUMNS`) checked against the store's active
    *grids*: a code that is not 15 digits or no active grid, an unknown duty, an empty or too long
    name, a phone the store would refuse, a person given twice for the same grid and duty. Items:
    the :class:`Member` list in file order; raises :class:`AdminTableError` with every problem."""
    active = set(grids)
    errors: list[Problem] = []
    warnings: list[Problem] = []

    def column(key: str) -> str:
        return sheet.headers.get(key) or ROSTER_COLUMNS[key][0]

    def error(row: int | None, key: str | None, value: str | None, message: str) -> None:
        errors.append(Problem(sheet.source, row, column(key) if key else None, value, message))

    for name in sheet.unknown:
        warnings.append(Problem(sheet.source, 1, None, None, tr(
            "column “{column}” is not used (a misspelt header?); the columns read are {known}").format(
            column=name, known=", ".join(sheet.headers.values())), warning=True))
    if not sheet.rows:
        error(None, None, None, tr("the file holds no rows under its header; nothing to apply"))
    members: list[Member] = []
    first_row: dict[tuple[str, str, str], int] = {}
    for row, number in zip(sheet.rows, sheet.numbers):
        grid = unicodedata.normalize("NFKC", row.get("grid", "")).strip()
        duty_text, name = row.get("duty", ""), row.get("name", "").strip()
        phone, note = row.get("phone", "").strip() or None, row.get("note", "").strip() or None
        ok = True
        if not GRID_CODE.match(grid):
            hint = tr(" (Excel shows a long number as 5.10104E+14: format the column as text)") \
                if "E+" in grid.upper() else ""
            error(number, "grid", grid, tr("a unit grid code has 15 digits") + hint)
            ok = False
        elif grid not in active:
            error(number, "grid", grid, tr("there is no active unit grid with this code in the store"))
            ok = False
        duty = duty_of(duty_text)
        if duty is None:
            error(number, "duty", duty_text, tr("the duty is one of {duties}").format(duties="、".join(DUTIES)))
            ok = False
        if not name:
            error(number, "name", name, tr("give the person's name"))
            ok = False
        elif len(name) > MAX_NAME:
            error(number, "name", name, tr("a name has at most {n} characters").format(n=MAX_NAME))
            ok = False
        problem = phone_problem(phone)
        if problem:
            error(number, "phone", phone, problem)
            ok = False
        if note is not None and len(note) > MAX_NOTE:
            error(number, "note", note[:20] + "…", tr("a note has at most {n} characters").format(n=MAX_NOTE))
            ok = False
        if not ok:
            continue
        member = Member(grid, duty, name, phone, note)
        if member.key in first_row:
            error(number, "name", name, tr("row {other} gives the same person for this grid and duty; keep one "
                                           "of the two rows").format(other=first_row[member.key]))
            continue
        first_row[member.key] = number
        members.append(member)
    if errors:
        raise AdminTableError(errors + warnings)
    return Checked(members, warnings)


def roster_changes(current: Iterable[dict], members: Iterable[Member], replace: bool) -> list[Change]:
    """What saving *members* over the store's roster (*current*: store.admin.rosters rows) changes:
    a person is known by grid, duty and name; their phone and note change. Without *replace*
    nobody is removed."""
    def label(value: tuple) -> str:
        phone, note = value
        return " · ".join(v for v in (phone, note) if v) or "—"

    def subject(key: tuple) -> str:
        return tr("{duty} {name} of grid {grid}").format(grid=key[0], duty=key[1], name=key[2])

    old = {(r["grid_code"], r["duty"], r["name"]): (r.get("phone"), r.get("note")) for r in current}
    new = {m.key: (m.phone, m.note) for m in members}
    changes = []
    for key, value in new.items():
        if key not in old:
            changes.append(Change("add", subject(key), None, label(value)))
        elif old[key] != value:
            changes.append(Change("change", subject(key), label(old[key]), label(value)))
    if replace:
        changes += [Change("remove", subject(key), label(value), None) for key, value in old.items() if key not in new]
    return changes
