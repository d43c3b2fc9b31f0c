"""The command manual (指挥手册) as sheets: the workbook a city hands to a printer and edits in Excel
or WPS, and the CSV form of the same table.

Workbook (.xlsx, :mod:`.xlsx`), four sheets:

``事件`` / ``部件``  one per kind, headers 类别代码, 大类名称, 类别名称, 情形, 管理要点, 监管单位, 专业部门,
    处置标准, 立案标准, 结案标准, 拓扑类型 (部件 only), then one column per stage: 受理时限, 核实时限,
    立案时限, 派遣时限, 处置时限, 核查时限, 结案时限, holding limits as a person writes them ("4工作时",
    "90分钟", "24小时", "15工作日": :func:`.manual.parse_limit`). A class is the row whose 情形 is
    empty. Rows below it with the same code and a 情形 name are its situations (variants: only
    their limit cells, and 处置标准 as the situation's note); the row whose 情形 is ``紧急`` holds the
    class's urgent limits. Every class of the profile is listed (an empty row is no entry), so
    the export is also the template to fill in.
``默认时限``  类型 (事件/部件), 情形 (empty: normal, 紧急: urgent), the stage columns: the limits of every
    class without its own.
``说明``  how to fill the workbook in (not read back).

The headers and the help text are Chinese whatever the interface language: they are the file's
format, which a city's staff and its printer read, and the importer finds columns by these
names (in any order; 序号 and 备注 columns are ignored, any other unknown column is reported, so
a mistyped header never silently drops a column).

CSV (one file, chosen over one file per kind so that one import parameter takes the whole
manual and a round trip is one file): the columns of the 部件 sheet preceded by 类型 (事件 or
部件); the default limits are the rows whose 类别代码 is ``默认`` (类型 says whose, 情形 empty or
紧急). Read as UTF-8 or GBK (:mod:`.textio` decides; a file mixing both encodings is refused,
since part of it would be read wrong whatever the choice); written as UTF-8 with a BOM so that
Excel on a Chinese Windows shows the characters, every text cell that a spreadsheet would run as
a formula prefixed with ``'`` (:func:`.textsafe.csv_cell`) — the reader takes that ``'`` off.

Departments (监管单位, 专业部门) are exported by name when the name is unambiguous (people read
names; a printer needs no codes) and read as a department code, a department name, or 属地 (the
department whose territory holds the case).

An import checks everything before anything is used and raises :class:`ManualSheetError`
carrying every problem (not only the first): sheet, row number as Excel shows it (the CSV's line),
column header, the value, and what to do — an unknown department, a class that is not in the
profile (or is of the other kind), a limit that is not a positive number with a unit, a situation
without limits, a duplicate class row or situation, a situation or 紧急 row before its class, a
topology other than 点/线/面, a text over 4,000 characters, a text on a situation row that
belongs on the class row, missing sheets or default limits. A class code Excel turned into a
number (0102 → 102) is read back with its leading zeros.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import tr
from .manual import (
    KIND_ZH,
    STAGE_ZH,
    STAGES,
    TERRITORIAL,
    TEXT_LIMIT,
    TOPOLOGY_ZH,
    URGENT_VARIANT,
    ClassEntry,
    Limit,
    Manual,
    ManualError,
    Variant,
    check,
    parse_limit,
)
from .textio import TextInputError, mixed_encoding, read_table
from .textsafe import FORMULA_STARTS, csv_cell
from .xlsx import Sheet, XlsxError, read_xlsx, write_xlsx

# -- the format ------------------------------------------------------------------------------
SHEETS = {"event": "事件", "component": "部件"}
SHEET_DEFAULTS = "默认时限"
SHEET_HELP = "说明"
H_KIND = "类型"
H_CODE = "类别代码"
H_MAJOR = "大类名称"
H_NAME = "类别名称"
H_VARIANT = "情形"
H_TOPOLOGY = "拓扑类型"
TEXT_HEADERS = {"管理要点": "points", "监管单位": "supervisor", "专业部门": "department", "处置标准": "handling",
                "立案标准": "register", "结案标准": "close"}
STAGE_HEADERS = {f"{STAGE_ZH[s]}时限": s for s in STAGES}
DEFAULT_CODE = "默认"            # the CSV's 类别代码 of a default-limits row
IGNORED = ("序号", "备注")
KIND_WORDS = {"事件": "event", "部件": "component", "event": "event", "component": "component"}
TOPOLOGY_WORDS = {**{v: k for k, v in TOPOLOGY_ZH.items()}, **{k: k for k in TOPOLOGY_ZH},
                  "点状": "point", "线状": "line", "面状": "polygon"}
TERRITORIAL_WORDS = (TERRITORIAL, "管辖范围", "属地（管辖范围）", "属地(管辖范围)")
HEADER_SEARCH = 10               # the header is the first row, among the first ten, holding 类别代码 / 类型
WIDTHS = {H_KIND: 6, H_CODE: 9, H_MAJOR: 11, H_NAME: 16, H_VARIANT: 11, "管理要点": 42, "监管单位": 16,
          "专业部门": 18, "处置标准": 42, "立案标准": 30, "结案标准": 30, H_TOPOLOGY: 8}
STAGE_WIDTH = 10


def class_headers(kind: str) -> list[str]:
    """The headers of the sheet of *kind* (event, component)."""
    base = [H_CODE, H_MAJOR, H_NAME, H_VARIANT, *TEXT_HEADERS]
    if kind == "component":
        base.append(H_TOPOLOGY)
    return base + list(STAGE_HEADERS)


DEFAULT_HEADERS = [H_KIND, H_VARIANT, *STAGE_HEADERS]
CSV_HEADERS = [H_KIND, *class_headers("component")]

HELP = (
    "本工作簿是数字城管《指挥手册》（代码标准 {profile}），由 CityGrid 导出；在 Excel 或 WPS 中修改后，用处理工具"
    "“导入指挥手册”（citygrid:importmanual）导入。导入先检查全部内容：有任何问题就一处也不改，并列出每个问题（表、行、列、"
    "内容、怎么改）；勾选“只列出差异，不作修改”可先看会改动什么。",
    "“事件”“部件”两表每个类别一行（情形为空）。类别代码必须是本库代码标准中已有的类别；大类名称、类别名称仅供阅读。",
    "监管单位、专业部门：填部门编码、部门名称，或“属地”（由案件所在街道、社区的属地部门负责）。",
    "时限：数字加单位，如 4工作时、90分钟、24小时、15工作日（工作时、工作日按工作日历计算，小时、分钟按自然时间）。"
    "留空的阶段用“默认时限”表中的时限。",
    "情形：在类别行下面加行，类别代码相同，情形填名称（如“5吨以上”），只填这种情形不同的时限；该行的处置标准一格可写"
    "这种情形的说明。值班长立案时选择情形，案件按所选情形计时。",
    "紧急：情形填“紧急”的行是该类别紧急案件的时限（不应长于普通时限）。",
    "默认时限：事件、部件各一行普通时限（情形为空）和一行紧急时限（情形为“紧急”），用于没有自己时限的类别。",
    "拓扑类型（仅部件）：点、线或面。",
    "导入替换整本手册：删掉一个类别的内容就是删掉它的手册条目。每次导入生成新版本；已经上报的案件仍按上报时的版本计时。",
    "CSV 格式：与“部件”表相同的列，最前面加一列“类型”（事件或部件）；默认时限的行类别代码写“默认”。"
    "CSV 可以是 UTF-8 或 GBK 编码。",
)


# -- problems --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One thing wrong in a manual's sheets: where (sheet, row as Excel shows it or the CSV's line,
    column header), the value found and what to do."""

    sheet: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def describe(self) -> str:
        parts = [self.sheet]
        if self.row is not None:
            parts.append(tr("row {row}").format(row=self.row))
        if self.column:
            parts.append(tr("column {column}").format(column=self.column))
        where = ", ".join(parts)
        if self.value not in (None, ""):
            where += f" “{self.value}”"
        return f"{where}: {self.message}"


class ManualSheetError(ManualError):
    """Sheets that cannot be imported: :attr:`problems` holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        head = tr("the manual has {n} problems; nothing is imported: correct them all and import again").format(
            n=len(self.problems))
        super().__init__("\n".join([head, *(p.describe() for p in self.problems)]))


# -- manual → sheets -----------------------------------------------------------------------------
def department_lookup(rows: Iterable[Mapping]) -> tuple[dict[str, str], dict[str, str]]:
    """(code → name, name → code for the names that only one department has) of the store's
    departments (store.admin.departments' rows): what an import reads a 监管单位 / 专业部门 cell
    against — a code, or a name no other department has — and what an export shows."""
    rows = list(rows)
    names = {d["code"]: d["name"] for d in rows}
    counts: dict[str, int] = {}
    for d in rows:
        counts[d["name"]] = counts.get(d["name"], 0) + 1
    return names, {d["name"]: d["code"] for d in rows if d["name"] and counts[d["name"]] == 1}


def _limits_cells(limits: Mapping[str, Limit]) -> list[str | None]:
    return [limits[s].text() if s in limits else None for s in STAGES]


def _display_departments(department_names: Mapping[str, str] | None):
    """code → what the sheet shows: the department's name when no other department has it."""
    names = dict(department_names or {})
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1

    def show(code: str | None) -> str | None:
        if code is None or code == TERRITORIAL:
            return code
        name = names.get(code)
        return name if name and counts.get(name) == 1 and name not in names else code
    return show


def _class_rows(manual: Manual, kind: str, class_names: Mapping, major_names: Mapping, show) -> list[list]:
    codes = sorted({c for k, c in class_names if k == kind} | {c for k, c in manual.classes if k == kind})
    rows = []
    width = len(class_headers(kind))
    for code in codes:
        e = manual.entry(kind, code) or ClassEntry(kind, code)
        texts = [e.points, show(e.supervisor), show(e.department), e.handling, e.register, e.close]
        topology = [TOPOLOGY_ZH.get(e.topology, e.topology)] if kind == "component" else []
        rows.append([code, major_names.get((kind, code)) or e.major_name, class_names.get((kind, code)) or e.name,
                     None, *texts, *topology, *_limits_cells(e.limits)])
        for v in e.variants:
            row = [code, None, None, v.name] + [None] * (width - 4 - len(STAGES)) + _limits_cells(v.limits)
            row[4 + list(TEXT_HEADERS).index("处置标准")] = v.note
            rows.append(row)
        if e.urgent:
            rows.append([code, None, None, URGENT_VARIANT] + [None] * (width - 4 - len(STAGES))
                        + _limits_cells(e.urgent))
    return rows


def _default_rows(manual: Manual) -> list[list]:
    rows = []
    for kind in SHEETS:
        rows.append([KIND_ZH[kind], None, *_limits_cells(manual.defaults.get(kind, {}))])
        rows.append([KIND_ZH[kind], URGENT_VARIANT, *_limits_cells(manual.urgent_defaults.get(kind, {}))])
    return rows


def manual_to_sheets(manual: Manual, class_names: Mapping[tuple[str, str], str],
                     major_names: Mapping[tuple[str, str], str] | None = None,
                     department_names: Mapping[str, str] | None = None) -> dict[str, list[list]]:
    """The sheets of *manual* (name → rows, header first): 事件, 部件, 默认时限, 说明.

    *class_names*: (kind, code) → class name, every class of the profile (each gets a row, an
    empty one without an entry); *major_names*: (kind, code) → its major class's name;
    *department_names*: department code → name (departments are shown by name when unambiguous)."""
    show = _display_departments(department_names)
    major_names = major_names or {}
    sheets = {}
    for kind, sheet in SHEETS.items():
        sheets[sheet] = [class_headers(kind), *_class_rows(manual, kind, class_names, major_names, show)]
    sheets[SHEET_DEFAULTS] = [DEFAULT_HEADERS, *_default_rows(manual)]
    sheets[SHEET_HELP] = [["说明"], *([line.format(profile=manual.profile)] for line in HELP)]
    return sheets


def write_manual_xlsx(path: str | os.PathLike, manual: Manual, class_names, major_names=None,
                      department_names=None) -> Path:
    """*manual* as the workbook *path* (see the module's docstring)."""
    sheets = manual_to_sheets(manual, class_names, major_names, department_names)
    out = []
    for name, rows in sheets.items():
        if name == SHEET_HELP:
            out.append(Sheet(name, rows, widths=[120], landscape=True))
        else:
            out.append(Sheet(name, rows, widths=[WIDTHS.get(h, STAGE_WIDTH) for h in rows[0]]))
    return write_xlsx(path, out)


def manual_to_csv_rows(manual: Manual, class_names, major_names=None, department_names=None) -> list[list]:
    """The CSV table of *manual* (header first): 类型 + the 部件 sheet's columns; defaults first
    (类别代码 默认), then the events, then the components."""
    sheets = manual_to_sheets(manual, class_names, major_names, department_names)
    rows = [CSV_HEADERS]
    for kind_zh, variant, *limits in sheets[SHEET_DEFAULTS][1:]:
        rows.append([kind_zh, DEFAULT_CODE, None, None, variant] + [None] * (len(TEXT_HEADERS) + 1) + limits)
    for kind, sheet in SHEETS.items():
        for row in sheets[sheet][1:]:
            if kind == "event":   # no 拓扑类型 column on the event sheet
                row = row[:4 + len(TEXT_HEADERS)] + [None] + row[4 + len(TEXT_HEADERS):]
            rows.append([KIND_ZH[kind], *row])
    return rows


def write_manual_csv(path: str | os.PathLike, manual: Manual, class_names, major_names=None,
                     department_names=None) -> Path:
    """*manual* as the CSV *path*: UTF-8 with a BOM, formula-like texts neutralised."""
    path = Path(path)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    for row in manual_to_csv_rows(manual, class_names, major_names, department_names):
        writer.writerow([csv_cell(v) for v in row])
    _atomic_write(path, buffer.getvalue().encode("utf-8-sig"))
    return path


def write_manual(path: str | os.PathLike, manual: Manual, class_names, major_names=None,
                 department_names=None) -> Path:
    """*manual* to *path*: a workbook (.xlsx) or a CSV (.csv), by the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return write_manual_xlsx(path, manual, class_names, major_names, department_names)
    if suffix == ".csv":
        return write_manual_csv(path, manual, class_names, major_names, department_names)
    raise ManualError(tr("the manual goes to an .xlsx or .csv file, not {path}: change the file name").format(
        path=Path(path).name))


def _atomic_write(path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        raise ManualError(tr("the folder of {path} does not exist").format(path=path))
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(name, path)
    except OSError as exc:
        raise ManualError(tr("cannot write {path}: {error}").format(path=path, error=exc.strerror or exc)) from exc
    finally:
        if os.path.exists(name):
            os.unlink(name)


# -- sheets → manual -----------------------------------------------------------------------------
@dataclass
class _Table:
    """Rows to read: *label* names the sheet (or the CSV file) in problems; *role* is event,
    component, defaults or csv (the row's 类型 decides); rows carry their number as shown."""

    label: str
    role: str
    header: list[str]
    header_row: int
    rows: list[tuple[int, list]]


@dataclass
class _Pending:
    """A class being read: its row, fields and situations."""

    row: int
    label: str
    fields: dict = field(default_factory=dict)
    limits: dict = field(default_factory=dict)
    urgent: dict | None = None
    urgent_row: int | None = None
    variants: dict = field(default_factory=dict)   # name -> (row, Variant)


def _text(value) -> str | None:
    """A cell as text (None when empty); an integral number without its ".0"."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _code(value) -> str | None:
    """A class code: a number Excel made of it gets its leading zeros back (102 → 0102)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and value >= 0:
            return f"{int(value):04d}"
    text = _text(value)
    if text is not None and text.isdigit() and len(text) < 4:
        return text.zfill(4)
    return text


def _header_name(value) -> str:
    return "".join((_text(value) or "").split())


class _Reader:
    """Reads tables into a manual, collecting problems."""

    def __init__(self, profile: str, known_classes: Mapping[tuple[str, str], str], departments: Iterable[str],
                 department_names: Mapping[str, str] | None) -> None:
        self.profile = profile
        self.known = dict(known_classes)
        self.codes = set(departments)
        self.upper = {}
        for code in self.codes:
            self.upper.setdefault(code.upper(), []).append(code)
        self.names = {k.strip(): v for k, v in (department_names or {}).items()}
        self.problems: list[Problem] = []
        self.pending: dict[tuple[str, str], _Pending] = {}
        self.class_rows: dict[tuple[str, str], int] = {}   # every class row seen (known class or not)
        self.defaults: dict[str, dict] = {}
        self.urgent_defaults: dict[str, dict] = {}
        self.default_rows: dict[tuple[str, bool], int] = {}

    def problem(self, table: _Table | str, row: int | None, column: str | None, value, message: str) -> None:
        label = table.label if isinstance(table, _Table) else table
        self.problems.append(Problem(label, row, column, None if value is None else str(value), message))

    # headers ---------------------------------------------------------------------------------
    def columns(self, table: _Table) -> dict[str, int] | None:
        """Header name → column index; unknown and duplicate headers reported."""
        if table.role == "defaults":
            allowed = DEFAULT_HEADERS
        elif table.role == "csv":
            allowed = CSV_HEADERS
        else:
            allowed = class_headers(table.role)
        aliases = {h: h for h in allowed}
        for header, stage in STAGE_HEADERS.items():
            if header in aliases:
                aliases[STAGE_ZH[stage]] = header   # "处置" for "处置时限"
        out: dict[str, int] = {}
        for j, raw in enumerate(table.header):
            name = _header_name(raw)
            if not name or name in IGNORED:
                continue
            header = aliases.get(name)
            if header is None:
                hint = ""
                if name == H_TOPOLOGY and table.role == "event":
                    hint = tr("events have no topology; remove the column")
                self.problem(table, table.header_row, name, None, hint or tr(
                    "unknown column: the columns are {columns} (序号 and 备注 are ignored); correct the header")
                    .format(columns="、".join(allowed)))
            elif header in out:
                self.problem(table, table.header_row, name, None, tr(
                    "the column is there twice; keep one"))
            else:
                out[header] = j
        required = H_KIND if table.role in ("defaults", "csv") else H_CODE
        needed = [required] + ([H_CODE] if table.role == "csv" else [])
        missing = [h for h in needed if h not in out]
        if missing:
            self.problem(table, table.header_row, None, None, tr(
                "no column {columns}: the header row needs it (export the manual to see the layout)").format(
                columns="、".join(missing)))
            return None
        return out

    # rows ------------------------------------------------------------------------------------
    def read(self, table: _Table) -> None:
        columns = self.columns(table)
        if columns is None:
            return
        for number, values in table.rows:
            cells = {h: (values[j] if j < len(values) else None) for h, j in columns.items()}
            if all(_text(v) is None for v in cells.values()):
                continue
            if table.role == "defaults":
                self.default_row(table, number, cells)
                continue
            kind = table.role
            if table.role == "csv":
                kind_text = _text(cells.get(H_KIND))
                kind = KIND_WORDS.get((kind_text or "").lower())
                if kind is None:
                    self.problem(table, number, H_KIND, kind_text, tr("the type must be 事件 or 部件"))
                    continue
                if _text(cells.get(H_CODE)) == DEFAULT_CODE:
                    self.default_row(table, number, cells, kind)
                    continue
                if kind == "event" and _text(cells.get(H_TOPOLOGY)) is not None:
                    self.problem(table, number, H_TOPOLOGY, _text(cells.get(H_TOPOLOGY)),
                                 tr("events have no topology; leave the cell empty"))
            self.class_row(table, number, kind, cells)

    def limits(self, table: _Table, number: int, cells: dict) -> dict:
        out = {}
        for header, stage in STAGE_HEADERS.items():
            value = cells.get(header)
            text = _text(value)
            if text is None:
                continue
            if isinstance(value, int | float) and not isinstance(value, bool):
                self.problem(table, number, header, text, tr(
                    "a time limit needs its unit: write e.g. {value}工作时, {value}小时 or {value}工作日").format(
                    value=text))
                continue
            try:
                out[stage] = parse_limit(text)
            except ManualError as exc:
                self.problem(table, number, header, text, str(exc))
        return out

    def department(self, table: _Table, number: int, header: str, value) -> str | None:
        text = _text(value)
        if text is None:
            return None
        compact = "".join(text.split())
        if compact in TERRITORIAL_WORDS:
            return TERRITORIAL
        if text in self.codes:
            return text
        if text in self.names:
            return self.names[text]
        same = self.upper.get(text.upper(), [])
        if len(same) == 1:
            return same[0]
        known = sorted(self.codes)
        sample = "、".join(known[:12]) + ("…" if len(known) > 12 else "")
        self.problem(table, number, header, text, tr(
            "unknown department: write a department code ({codes}), a department's name, or 属地; or add the "
            "department first (citygrid:importdepartments)").format(codes=sample or "—"))
        return None

    def class_row(self, table: _Table, number: int, kind: str, cells: dict) -> None:
        code = _code(cells.get(H_CODE))
        variant = _text(cells.get(H_VARIANT))
        limits = self.limits(table, number, cells)
        if code is None:
            self.problem(table, number, H_CODE, None, tr("the row has no class code; give the code (e.g. 0102) or "
                                                         "delete the row"))
            return
        key = (kind, code)
        name = _text(cells.get(H_NAME))
        known_name = self.known.get(key)
        if known_name is not None and name is not None and "".join(name.split()) != "".join(known_name.split()):
            self.problem(table, number, H_NAME, name, tr(
                "class {code} is {known}, not {name}: check the code (the name is only read to catch a wrong "
                "code)").format(code=code, known=known_name, name=name))
        if variant is None:
            self.new_class(table, number, kind, code, cells, limits)
        else:
            self.situation(table, number, kind, code, variant, cells, limits)

    def texts(self, table: _Table, number: int, cells: dict, kind: str) -> dict:
        out = {}
        for header, attr in TEXT_HEADERS.items():
            value = cells.get(header)
            if attr in ("supervisor", "department"):
                out[attr] = self.department(table, number, header, value)
                continue
            text = _text(value)
            if text is not None and len(text) > TEXT_LIMIT:
                self.problem(table, number, header, text[:30] + "…", tr(
                    "the text has {n} characters; at most 4000: shorten it").format(n=len(text)))
                continue
            out[attr] = text
        topology = _text(cells.get(H_TOPOLOGY)) if kind == "component" else None
        if topology is not None:
            value = TOPOLOGY_WORDS.get(topology.lower())
            if value is None:
                self.problem(table, number, H_TOPOLOGY, topology, tr("the topology is 点, 线 or 面"))
            out["topology"] = value
        return out

    def new_class(self, table: _Table, number: int, kind: str, code: str, cells: dict, limits: dict) -> None:
        key = (kind, code)
        if key in self.class_rows:
            self.problem(table, number, H_CODE, code, tr(
                "class {code} has a row already (row {first}): keep one row per class, with its situations and "
                "紧急 below it").format(code=code, first=self.class_rows[key]))
            return
        self.class_rows[key] = number
        texts = self.texts(table, number, cells, kind)
        if key not in self.known:
            other = ("component" if kind == "event" else "event", code)
            if other in self.known and table.role != "csv":
                message = tr("{code} is a {other} class ({name}), not a {kind} class: move the row to the sheet "
                             "{other}").format(code=code, other=KIND_ZH[other[0]], name=self.known[other],
                                               kind=KIND_ZH[kind])
            elif other in self.known:
                message = tr("{code} is a {other} class ({name}), not a {kind} class: correct the type").format(
                    code=code, other=KIND_ZH[other[0]], name=self.known[other], kind=KIND_ZH[kind])
            else:
                message = tr("no {kind} class {code} in the code profile {profile}: check the code, or add the class "
                             "first as a local class (扩展类别)").format(kind=KIND_ZH[kind], code=code,
                                                                     profile=self.profile)
            self.problem(table, number, H_CODE, code, message)
            return
        self.pending[key] = _Pending(number, table.label, texts, limits)

    def situation(self, table: _Table, number: int, kind: str, code: str, name: str, cells: dict,
                  limits: dict) -> None:
        key = (kind, code)
        urgent = name == URGENT_VARIANT
        what = tr("the 紧急 row") if urgent else tr("the situation “{name}”").format(name=name)
        if key not in self.class_rows:
            self.problem(table, number, H_VARIANT, name, tr(
                "{what} of class {code} comes before its class row (or there is none): put the class row (情形 "
                "empty) above it").format(what=what, code=code))
            return
        for header in TEXT_HEADERS:
            if header == "处置标准" and not urgent:
                continue
            text = _text(cells.get(header))
            if text is not None:
                self.problem(table, number, header, text, tr(
                    "{what} holds only time limits{note}: move this text to the class row").format(
                    what=what, note="" if urgent else tr(" (and a note in 处置标准)")))
        if kind == "component" and _text(cells.get(H_TOPOLOGY)) is not None:
            self.problem(table, number, H_TOPOLOGY, _text(cells.get(H_TOPOLOGY)), tr(
                "{what} holds only time limits: move the topology to the class row").format(what=what))
        pending = self.pending.get(key)
        if not any(_text(cells.get(h)) is not None for h in STAGE_HEADERS):
            self.problem(table, number, H_VARIANT, name, tr(
                "{what} of class {code} has no time limit: give at least one (e.g. 处置时限 24小时) or delete the "
                "row").format(what=what, code=code))
        if urgent:
            if pending is not None and pending.urgent is not None:
                self.problem(table, number, H_VARIANT, name, tr(
                    "class {code} has a 紧急 row already (row {first}): keep one").format(
                    code=code, first=pending.urgent_row))
            elif pending is not None:
                pending.urgent, pending.urgent_row = limits, number
            return
        if pending is not None:
            if name in pending.variants:
                self.problem(table, number, H_VARIANT, name, tr(
                    "class {code} has the situation “{name}” already (row {first}): give each situation once").format(
                    code=code, name=name, first=pending.variants[name][0]))
            elif limits:
                note = _text(cells.get("处置标准"))
                if note is not None and len(note) > TEXT_LIMIT:
                    self.problem(table, number, "处置标准", note[:30] + "…", tr(
                        "the text has {n} characters; at most 4000: shorten it").format(n=len(note)))
                pending.variants[name] = (number, Variant(name, limits, note))

    def default_row(self, table: _Table, number: int, cells: dict, kind: str | None = None) -> None:
        if kind is None:
            kind_text = _text(cells.get(H_KIND))
            kind = KIND_WORDS.get((kind_text or "").lower())
            if kind is None:
                self.problem(table, number, H_KIND, kind_text, tr("the type must be 事件 or 部件"))
                return
        variant = _text(cells.get(H_VARIANT))
        if variant not in (None, URGENT_VARIANT):
            self.problem(table, number, H_VARIANT, variant, tr(
                "default limits have no situations: leave 情形 empty (normal limits) or write 紧急"))
            return
        urgent = variant == URGENT_VARIANT
        limits = self.limits(table, number, cells)
        if (kind, urgent) in self.default_rows:
            self.problem(table, number, H_KIND, KIND_ZH[kind], tr(
                "the default {which} limits of {kind} are given already (row {first}): keep one row").format(
                which=tr("urgent") if urgent else tr("normal"), kind=KIND_ZH[kind],
                first=self.default_rows[(kind, urgent)]))
            return
        self.default_rows[(kind, urgent)] = number
        (self.urgent_defaults if urgent else self.defaults)[kind] = limits

    # the result ------------------------------------------------------------------------------
    def manual(self, version: int | None = None) -> Manual:
        classes = {}
        for (kind, code), p in self.pending.items():
            f = p.fields
            entry = ClassEntry(kind, code, **f, limits=p.limits,
                               urgent=p.urgent or {}, variants=tuple(v for _row, v in p.variants.values()))
            empty = not any(f.values()) and not entry.limits and not entry.urgent and not entry.variants
            if not empty:
                classes[(kind, code)] = entry
        manual = Manual(self.profile, version,
                        defaults={k: v for k, v in self.defaults.items() if v},
                        urgent_defaults={k: v for k, v in self.urgent_defaults.items() if v},
                        classes=classes)
        return manual

    def finish(self, where: str) -> Manual:
        if not self.default_rows:
            self.problem(where, None, None, None, tr(
                "the manual has no default limits (sheet 默认时限, or CSV rows with 类别代码 默认): every class "
                "without its own limit takes them; give them (export the manual to see them)"))
        if self.problems:
            raise ManualSheetError(self.problems)
        manual = self.manual()
        try:
            check(manual)
        except ManualError as exc:
            raise ManualSheetError([Problem(where, None, None, None, str(exc))]) from exc
        return manual


def _table(label: str, role: str, rows: list[list], required: str) -> _Table | None:
    """The rows of a sheet as a table: the header is the first of the first rows holding
    *required* (a title row above it is allowed); None when the sheet has no such row."""
    for i, row in enumerate(rows[:HEADER_SEARCH]):
        if any(_header_name(v) == required for v in row):
            return _Table(label, role, list(row), i + 1, [(n + 1, list(r)) for n, r in enumerate(rows)
                                                        if n > i])
    return None


def sheets_to_manual(sheets: Mapping[str, list[list]], profile: str, known_classes: Mapping[tuple[str, str], str],
                     departments: Iterable[str], department_names: Mapping[str, str] | None = None,
                     source: str = "") -> Manual:
    """The manual of *sheets* (name → rows, rows[i] being Excel's row i + 1), checked against the
    code profile's classes (*known_classes*: (kind, code) → name) and the departments (codes;
    *department_names*: name → code). Raises :class:`ManualSheetError` with every problem.
    *source* names the workbook in problems that belong to no sheet."""
    reader = _Reader(profile, known_classes, departments, department_names)
    where = source or tr("the workbook")
    for kind, name in SHEETS.items():
        if name not in sheets:
            reader.problem(where, None, None, name, tr(
                "no sheet {name}: the import replaces the whole manual, so a missing sheet would remove every "
                "{name} entry; add the sheet (export the manual for the layout)").format(name=name))
            continue
        table = _table(name, kind, sheets[name], H_CODE)
        if table is None:
            if any(any(_text(v) is not None for v in r) for r in sheets[name]):
                reader.problem(name, 1, None, None, tr("no header row with 类别代码 in the first 10 rows; put the "
                                                       "headers in the first row (export the manual for the layout)"))
            continue
        reader.read(table)
    if SHEET_DEFAULTS in sheets:
        table = _table(SHEET_DEFAULTS, "defaults", sheets[SHEET_DEFAULTS], H_KIND)
        if table is not None:
            reader.read(table)
    for name, rows in sheets.items():
        if name in (*SHEETS.values(), SHEET_DEFAULTS, SHEET_HELP):
            continue
        if any(any(_text(v) is not None for v in r) for r in rows):
            reader.problem(name, None, None, None, tr(
                "this sheet is not read: the manual's sheets are 事件, 部件, 默认时限 (and 说明); move its rows "
                "there or delete the sheet"))
    return reader.finish(where)


def read_csv_table(path: str | os.PathLike, encoding: str = "auto") -> tuple[list[str], list[tuple[int, list]]]:
    """(header, rows with their line) of a manual CSV; mixed encodings and unreadable files refused
    (:class:`ManualError`). A ``'`` that :func:`.textsafe.csv_cell` put before a formula-like
    text is taken off."""
    path = Path(path)
    try:
        mixed = mixed_encoding(path.read_bytes())
    except OSError as exc:
        raise ManualError(tr("cannot read {path}: {error}").format(path=path, error=exc.strerror)) from exc
    if mixed:
        raise ManualError(tr("{file}: mixed encodings: line {utf8} is UTF-8 but line {gbk} is GBK, so part of the "
                             "file would be read wrong whatever the encoding; save the whole file in one encoding "
                             "(UTF-8 or GBK) and import it again").format(file=path.name, utf8=mixed[0],
                                                                            gbk=mixed[1]))
    try:
        table = read_table(path, encoding)
    except TextInputError as exc:
        raise ManualError(str(exc)) from exc

    def unquote(value: str) -> str:
        return value[1:] if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_STARTS) else value
    rows = [(line, [unquote(row[c]) for c in table.columns]) for line, row in zip(table.lines, table.rows)]
    return table.columns, rows


def csv_to_manual(path: str | os.PathLike, profile: str, known_classes, departments, department_names=None,
                  encoding: str = "auto") -> Manual:
    """The manual of the CSV *path* (see the module's docstring; problems as for
    :func:`sheets_to_manual`, with the file's lines as row numbers)."""
    path = Path(path)
    header, rows = read_csv_table(path, encoding)
    reader = _Reader(profile, known_classes, departments, department_names)
    reader.read(_Table(path.name, "csv", header, 1, rows))
    return reader.finish(path.name)


def read_manual(path: str | os.PathLike, profile: str, known_classes, departments, department_names=None,
                encoding: str = "auto") -> Manual:
    """The manual of *path*, a workbook (.xlsx) or a CSV (.csv) by its extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return csv_to_manual(path, profile, known_classes, departments, department_names, encoding)
    if suffix == ".xlsx":
        try:
            sheets = read_xlsx(path)
        except XlsxError as exc:
            raise ManualError(str(exc)) from exc
        return sheets_to_manual(sheets, profile, known_classes, departments, department_names, source=path.name)
    raise ManualError(tr("{name}: a manual is read from an .xlsx workbook or a .csv file (an old .xls: save it as "
                         ".xlsx in Excel or WPS)").format(name=path.name))
