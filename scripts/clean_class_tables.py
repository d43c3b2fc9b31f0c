#!/usr/bin/env python3
"""Clean the reference class tables into the CSVs shipped in citygrid_plugin/resources/data.

    .venv/bin/python scripts/clean_class_tables.py [SOURCE_DIR] [--out DIR] [--check]

SOURCE_DIR defaults to ../shared/reference (relative to the repository). Inputs → outputs:

    components_gbt30428_2013.csv  → component_classes_2013.csv   (GB/T 30428.2-2013 部件)
    events_cjt214_2007.csv        → event_classes_2013.csv       (CJ/T 214-2007 事件)
    components_gbt47678_5_2026.csv → component_classes_2026.csv  (GB/T 47678.5-2026 部件, unverified)
    matters_gbt47678_5_2026.csv   → event_classes_2026.csv       (GB/T 47678.5-2026 事项, unverified)

Cleaning: UTF-8 without BOM, LF line ends, trimmed cells; full-width parentheses in the main
name become ASCII and the other spelling is kept as an alternative name; notes of the form
``source spelling: X`` become alternative names; codes are checked (code = major + minor, 4
digits in 2013, 5 in 2026, no duplicates, one name per major). Component rows get a geometry
type, an accuracy class and extra fields from the rules below. Any inconsistency stops the
script with every problem listed; nothing is half-written. ``--check`` only compares.

Geometry rule (by the head noun, i.e. the end of the Chinese name, then explicit exceptions):
  line     guard rails, railings, fences (护栏, 围栏, 栅栏), noise barriers (隔音屏), flood walls
           (防洪墙, 防汛墙), exposed pipelines (管道)
  polygon  car parks (停车场, 车库), green space and woodland (绿地, 林地), construction sites (工地),
           bridges and overpasses (天桥, 立交桥, 跨河桥, 桥涵, 栈桥), squares (广场), water (水域),
           traffic islands (安全岛)
  point    everything else
Accuracy rule: polygon → C (±10 m, roughly located); line → B (±1.0 m); point → A (±0.5 m)
for clearly located small objects (manhole covers 井盖, gratings 箅子, cover plates 盖板, lamps 灯,
poles 杆, bollards 桩, pylons 铁塔, wells 水井), else B (bins, kiosks, billboards …).
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from citygrid_plugin.core.classes import (  # noqa: E402
    CLASS_DIGITS,
    COMPONENT_COLUMNS,
    EVENT_COLUMNS,
    ClassTable,
    shipped_path,
)

# (source file, kind, profile, default confidence when the source has no such column)
TABLES = (
    ("components_gbt30428_2013.csv", "component", "2013", None),
    ("events_cjt214_2007.csv", "event", "2013", "unrated"),
    ("components_gbt47678_5_2026.csv", "component", "2026", "unverified"),
    ("matters_gbt47678_5_2026.csv", "event", "2026", "unverified"),
)

LINE_SUFFIXES = ("护栏", "围栏", "栅栏", "隔音屏", "防洪墙", "防汛墙", "管道")
POLYGON_SUFFIXES = ("停车场", "车库", "绿地", "林地", "工地", "天桥", "立交桥", "跨河桥", "桥涵", "栈桥",
                    "广场", "水域", "安全岛")
ACCURACY_A_SUFFIXES = ("井盖", "箅子", "盖板", "灯", "杆", "桩", "铁塔", "水井")

# Exceptions to the rules, by class name (any profile). Each must match at least one class.
GEOMETRY_EXCEPTIONS = {
    "减速带": "line",                 # speed bump: a strip across the road
    "柔性隔离体": "line",             # flexible lane delineators: a row of posts
    "公路隧道": "line",               # road tunnel: mapped along its axis
    "地下通道": "polygon",            # pedestrian underpass: a structure like an overpass
    "林地及林地管护设施": "polygon",  # woodland (its facilities are minor)
}
ACCURACY_EXCEPTIONS = {
    "灯箱霓虹灯": "B",     # light boxes / neon signs: billboards, not street lamps
    "消防设施": "A",       # mostly fire hydrants: clearly located
    "供水器": "A",         # standpipes: clearly located like hydrants
    "重大危险源": "C",     # a hazard site: roughly located
    "公路隧道": "C",       # long structure: roughly located like bridges
}

# Class-specific extra attributes (standards.md), by 2013 code with the 2013 name as a check,
# and the name of the same class in the 2026 table (None: no such class there).
SPECIFIC_FIELDS_2013 = {
    "0602": ("工地", "site_name"),
    "0203": ("公交站亭", "stop_name"),
    "0406": ("雕塑", "sculpture_name"),
    "0126": ("健身设施", "equipment_count"),
    "0403": ("护树设施", "spec"),
}
NAMES_2026 = {"工地": None, "公交站亭": "公交站设施", "雕塑": "雕塑", "健身设施": "户外健身设施",
              "护树设施": "护树设施"}
# "material for most facilities": every component class gets `material` except these, which are
# living things, areas or places rather than built objects.
NO_MATERIAL = frozenset({"古树名木", "行道树", "独立树", "绿地", "林地及林地管护设施", "工地", "重大危险源",
                         "停车场", "人防工事", "公房地下室", "文物古迹", "安全岛"})

FULL_TO_ASCII = str.maketrans({"（": "(", "）": ")"})
NOTE_PREFIX = "source spelling:"


class CleaningError(Exception):
    """The reference tables are inconsistent; the message lists every problem."""


def geometry_for(name: str) -> str:
    """Geometry type of a component class by the rule above."""
    if name in GEOMETRY_EXCEPTIONS:
        return GEOMETRY_EXCEPTIONS[name]
    if name.endswith(LINE_SUFFIXES):
        return "line"
    if name.endswith(POLYGON_SUFFIXES):
        return "polygon"
    return "point"


def accuracy_for(name: str, geometry: str) -> str:
    """Positioning accuracy class (A/B/C) of a component class by the rule above."""
    if name in ACCURACY_EXCEPTIONS:
        return ACCURACY_EXCEPTIONS[name]
    if geometry == "polygon":
        return "C"
    if geometry == "point" and name.endswith(ACCURACY_A_SUFFIXES):
        return "A"
    return "B"


def read_source(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Read a source CSV strictly as UTF-8 (a BOM is dropped); cells trimmed."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CleaningError(f"{path.name}: not UTF-8 at byte {exc.start}") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    rows = []
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            raise CleaningError(f"{path.name} line {line}: {len(values)} values for {len(header)} columns")
        rows.append({h: v.strip() for h, v in zip(header, values)})
    return header, rows


def clean_rows(source: str, kind: str, profile: str, rows: list[dict[str, str]],
               default_confidence: str | None) -> list[dict[str, str]]:
    """Clean one table; raise CleaningError listing every inconsistency."""
    major_digits, minor_digits = CLASS_DIGITS[profile]
    problems: list[str] = []
    seen: dict[str, int] = {}
    major_names: dict[str, set[str]] = defaultdict(set)
    out = []
    specific = _specific_fields(profile)
    for line, row in enumerate(rows, start=2):
        where = f"{source} line {line} (code '{row.get('code', '')}')"
        code, major, minor = row["code"], row["major_code"], row["minor_code"]
        if not (major.isascii() and major.isdigit() and len(major) == major_digits):
            problems.append(f"{where}: major_code '{major}' must be {major_digits} digits")
        if not (minor.isascii() and minor.isdigit() and len(minor) == minor_digits):
            problems.append(f"{where}: minor_code '{minor}' must be {minor_digits} digits")
        if code != major + minor:
            problems.append(f"{where}: code is not major_code + minor_code ('{major}' + '{minor}')")
        if code in seen:
            problems.append(f"{where}: duplicate of line {seen[code]}")
        seen.setdefault(code, line)
        major_names[major].add(row["major_name"])
        if not row["name"]:
            problems.append(f"{where}: empty name")

        source_name = row["name"]
        name = source_name.translate(FULL_TO_ASCII)
        alts = [a.strip() for a in row.get("alt_names", "").split(";") if a.strip()]
        if name != source_name:
            alts.append(source_name)
        note = row.get("note", "")
        if note:
            if not note.startswith(NOTE_PREFIX):
                problems.append(f"{where}: note '{note}' is not understood (expected '{NOTE_PREFIX} X')")
            else:
                alts.extend(a.strip() for a in note[len(NOTE_PREFIX):].split(";") if a.strip())
        alts = [a for a in dict.fromkeys(alts) if a != name]

        confidence = row.get("confidence") or default_confidence
        if not confidence:
            problems.append(f"{where}: no confidence")
        cleaned = {"code": code, "major_code": major, "major_name": row["major_name"], "minor_code": minor,
                   "name": name, "alt_names": ";".join(alts), "confidence": confidence or ""}
        if kind == "component":
            geometry = geometry_for(name)
            fields = list(specific.get(name, ()))
            if name not in NO_MATERIAL:
                fields.append("material")
            cleaned.update(geometry_type=geometry, accuracy_class=accuracy_for(name, geometry),
                           extra_fields=";".join(fields))
        out.append(cleaned)
    for major, names in sorted(major_names.items()):
        if len(names) > 1:
            problems.append(f"{source}: major {major} has several names: {', '.join(sorted(names))}")
    if kind == "component" and profile == "2013":
        by_code = {r["code"]: r["name"] for r in out}
        for code, (name, _) in SPECIFIC_FIELDS_2013.items():
            if by_code.get(code) != name:
                problems.append(f"{source}: SPECIFIC_FIELDS_2013 expects {code} '{name}', "
                                f"found '{by_code.get(code)}'")
    if problems:
        raise CleaningError("\n".join(problems))
    return out


def _specific_fields(profile: str) -> dict[str, tuple[str, ...]]:
    """Class-specific extra fields by class name in *profile*."""
    fields = {}
    for name, field in SPECIFIC_FIELDS_2013.values():
        target = name if profile == "2013" else NAMES_2026[name]
        if target is not None:
            fields[target] = (field,)
    return fields


def check_rules_used(component_names: set[str]) -> list[str]:
    """Exceptions that match no class are stale (a renamed class): report them."""
    problems = []
    for table_name, names in (("GEOMETRY_EXCEPTIONS", GEOMETRY_EXCEPTIONS), ("ACCURACY_EXCEPTIONS",
                              ACCURACY_EXCEPTIONS), ("NO_MATERIAL", NO_MATERIAL)):
        for name in names:
            if name not in component_names:
                problems.append(f"{table_name}: '{name}' matches no component class")
    for name in NAMES_2026.values():
        if name is not None and name not in component_names:
            problems.append(f"NAMES_2026: '{name}' matches no component class")
    return problems


def render(kind: str, rows: list[dict[str, str]]) -> bytes:
    """CSV bytes: UTF-8 without BOM, LF line ends, minimal quoting."""
    columns = COMPONENT_COLUMNS if kind == "component" else EVENT_COLUMNS
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=REPO.parent / "shared" / "reference",
                        help="folder holding the reference CSVs (default: ../shared/reference)")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: citygrid_plugin/resources/data)")
    parser.add_argument("--check", action="store_true",
                        help="compare with the files present instead of writing; exit 1 on a difference")
    args = parser.parse_args(argv)

    outputs: dict[Path, bytes] = {}
    problems: list[str] = []
    component_names: set[str] = set()
    for filename, kind, profile, default_confidence in TABLES:
        header, rows = read_source(args.source / filename)
        try:
            cleaned = clean_rows(filename, kind, profile, rows, default_confidence)
        except CleaningError as exc:
            problems.append(str(exc))
            continue
        if kind == "component":
            component_names.update(r["name"] for r in cleaned)
        # The library's own validation must accept the result too.
        table = ClassTable.from_rows(kind, profile, cleaned, source=filename)
        target = shipped_path(kind, profile)
        if args.out is not None:
            target = args.out / target.name
        outputs[target] = render(kind, cleaned)
        print(f"{filename}: {len(table)} classes in {len(table.majors())} major classes → {target.name}")
    problems.extend(check_rules_used(component_names))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    if args.check:
        stale = [p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
        for path in stale:
            print(f"out of date: {path}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
