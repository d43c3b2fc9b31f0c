"""Class tables of components (管理部件) and events (事件 / 事项), shipped as data.

Two profiles exist: ``2013`` (GB/T 30428.2-2013 / CJ/T 214-2007: 2-digit major + 2-digit
minor class) and ``2026`` (GB/T 47678.5-2026, unverified: 2-digit major + 3-digit minor). The
tables live in ``resources/data/*.csv`` (written by ``scripts/clean_class_tables.py``) so an
administrator can read them, and cities add local classes with :meth:`ClassTable.extend`
instead of editing code.
"""
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .i18n import tr
from .textio import read_csv

PROFILES = ("2013", "2026")
DEFAULT_PROFILE = "2013"
#: (major digits, minor digits) of a class code per profile.
CLASS_DIGITS = {"2013": (2, 2), "2026": (2, 3)}
KINDS = ("component", "event")
GEOMETRY_TYPES = ("point", "line", "polygon")
#: Positioning accuracy classes: A ±0.5 m, B ±1.0 m, C ±10 m.
ACCURACY_CLASSES = ("A", "B", "C")

DATA_DIR = Path(__file__).resolve().parent.parent / "resources" / "data"

COMPONENT_COLUMNS = ("code", "major_code", "major_name", "minor_code", "name", "alt_names",
                     "geometry_type", "accuracy_class", "extra_fields", "confidence")
EVENT_COLUMNS = ("code", "major_code", "major_name", "minor_code", "name", "alt_names", "confidence")

# Punctuation that NFKC leaves alone but that sources use interchangeably with a comma.
_NAME_FOLD = str.maketrans({"、": ",", "，": ","})


class ClassTableError(ValueError):
    """A class table (or a row of it) is inconsistent; the message names the row and the field."""


def normalise_name(name: str) -> str:
    """Key for name matching: NFKC (full-width → half-width), no whitespace, casefolded."""
    folded = unicodedata.normalize("NFKC", name).translate(_NAME_FOLD)
    return "".join(folded.split()).casefold()


def _is_digits(value: object, width: int) -> bool:
    return isinstance(value, str) and len(value) == width and value.isascii() and value.isdigit()


@dataclass(frozen=True, slots=True)
class ClassEntry:
    """One minor class (小类) of a component or event table, with its major class (大类).

    ``geometry_type`` and ``accuracy_class`` are set for components only; ``extra_fields``
    lists class-specific attributes (e.g. ``material``, ``site_name``) beyond the standard ones.
    """

    code: str
    major_code: str
    major_name: str
    minor_code: str
    name: str
    alt_names: tuple[str, ...] = ()
    geometry_type: str | None = None
    accuracy_class: str | None = None
    extra_fields: tuple[str, ...] = ()
    confidence: str = "local"

    def names(self) -> tuple[str, ...]:
        """The main name followed by the alternative spellings."""
        return (self.name, *self.alt_names)


def _entry_problems(entry: ClassEntry, kind: str, profile: str) -> list[str]:
    """Everything wrong with one entry, as translated messages (empty when valid)."""
    problems = []
    major_digits, minor_digits = CLASS_DIGITS[profile]
    if not _is_digits(entry.major_code, major_digits) or entry.major_code == "0" * major_digits:
        problems.append(tr("major code '{value}' must be {digits} digits, not all zero (profile {profile})").format(
            value=entry.major_code, digits=major_digits, profile=profile))
    if not _is_digits(entry.minor_code, minor_digits) or entry.minor_code == "0" * minor_digits:
        problems.append(tr("minor code '{value}' must be {digits} digits, not all zero (profile {profile})").format(
            value=entry.minor_code, digits=minor_digits, profile=profile))
    if entry.code != f"{entry.major_code}{entry.minor_code}":
        problems.append(tr("code '{code}' is not major code + minor code ('{major}' + '{minor}')").format(
            code=entry.code, major=entry.major_code, minor=entry.minor_code))
    if not entry.name or entry.name != entry.name.strip():
        problems.append(tr("name '{value}' is empty or has surrounding whitespace").format(value=entry.name))
    if not entry.major_name or entry.major_name != entry.major_name.strip():
        problems.append(tr("major name '{value}' is empty or has surrounding whitespace").format(
            value=entry.major_name))
    if any(not alt or alt != alt.strip() or ";" in alt for alt in entry.alt_names):
        problems.append(tr("alternative names {value} must be non-empty, trimmed and without ';'").format(
            value=", ".join(repr(a) for a in entry.alt_names)))
    if kind == "component":
        if entry.geometry_type not in GEOMETRY_TYPES:
            problems.append(tr("geometry type '{value}' must be one of {allowed}").format(
                value=entry.geometry_type or "", allowed=", ".join(GEOMETRY_TYPES)))
        if entry.accuracy_class not in ACCURACY_CLASSES:
            problems.append(tr("accuracy class '{value}' must be one of {allowed}").format(
                value=entry.accuracy_class or "", allowed=", ".join(ACCURACY_CLASSES)))
    elif entry.geometry_type is not None or entry.accuracy_class is not None or entry.extra_fields:
        problems.append(tr("an event class has no geometry type, accuracy class or extra fields"))
    if any(not f.isidentifier() for f in entry.extra_fields):
        problems.append(tr("extra fields {value} must be identifiers like 'site_name'").format(
            value=", ".join(repr(f) for f in entry.extra_fields)))
    if not entry.confidence:
        problems.append(tr("confidence is empty"))
    return problems


class ClassTable:
    """An immutable component or event class table of one profile.

    Entries are kept in code order. Lookups by code are dict lookups, so validating a
    component code against the table costs one hash probe.
    """

    __slots__ = ("kind", "profile", "_entries", "_by_code", "_majors", "_by_name")

    def __init__(self, kind: str, profile: str, entries: Iterable[ClassEntry], source: str = "") -> None:
        """Validate *entries* (all rows, every problem) and index them; raise ClassTableError."""
        if kind not in KINDS:
            raise ClassTableError(tr("unknown class table kind '{kind}'; use one of {allowed}").format(
                kind=kind, allowed=", ".join(KINDS)))
        if profile not in PROFILES:
            raise ClassTableError(tr("unknown profile '{profile}'; use one of {allowed}").format(
                profile=profile, allowed=", ".join(PROFILES)))
        self.kind = kind
        self.profile = profile
        entries = tuple(entries)
        where = source + " " if source else ""
        errors: list[str] = []
        by_code: dict[str, ClassEntry] = {}
        majors: dict[str, str] = {}
        by_name: dict[str, ClassEntry] = {}
        for row, entry in enumerate(entries, start=1):
            label = tr("{where}row {row} (code '{code}')").format(where=where, row=row, code=entry.code)
            problems = _entry_problems(entry, kind, profile)
            if entry.code in by_code:
                problems.append(tr("duplicate code; already used by '{name}'").format(
                    name=by_code[entry.code].name))
            known_major = majors.get(entry.major_code)
            if known_major is not None and known_major != entry.major_name:
                problems.append(tr("major {major} is named '{name}' here but '{known}' in an earlier row").format(
                    major=entry.major_code, name=entry.major_name, known=known_major))
            for name in entry.names():
                other = by_name.get(normalise_name(name))
                if other is not None and other.code != entry.code:
                    problems.append(tr("name '{name}' is already used by class {code} '{other}'").format(
                        name=name, code=other.code, other=other.name))
            if problems:
                errors.extend(f"{label}: {p}" for p in problems)
                continue
            by_code[entry.code] = entry
            majors.setdefault(entry.major_code, entry.major_name)
            for name in entry.names():
                by_name.setdefault(normalise_name(name), entry)
        if errors:
            raise ClassTableError("; ".join(errors))
        self._entries = tuple(sorted(entries, key=lambda e: e.code))
        self._by_code = by_code
        self._majors = dict(sorted(majors.items()))
        self._by_name = by_name

    @classmethod
    def from_rows(cls, kind: str, profile: str, rows: Iterable[Mapping[str, str | None]],
                  source: str = "") -> ClassTable:
        """Build a table from CSV-like rows (strings; lists ';'-separated, empty = none).

        Errors name the row (1-based, data rows) and the code, e.g.
        ``component_classes_2013.csv row 3 (code '0103'): ...``.
        """
        entries = []
        where = source + " " if source else ""
        for row, values in enumerate(rows, start=1):
            def get(key: str, values: Mapping[str, str | None] = values) -> str:
                value = values.get(key)
                return "" if value is None else str(value)

            required = ("code", "major_code", "major_name", "minor_code", "name")
            missing = [key for key in required if key not in values]
            if missing:
                raise ClassTableError(tr("{where}row {row}: missing column(s) {missing}").format(
                    where=where, row=row, missing=", ".join(missing)))
            entries.append(ClassEntry(
                code=get("code"), major_code=get("major_code"), major_name=get("major_name"),
                minor_code=get("minor_code"), name=get("name"),
                alt_names=_split_list(get("alt_names")),
                geometry_type=get("geometry_type") or None, accuracy_class=get("accuracy_class") or None,
                extra_fields=_split_list(get("extra_fields")),
                confidence=get("confidence") or "local"))
        return cls(kind, profile, entries, source=source)

    @classmethod
    def load(cls, kind: str, profile: str = DEFAULT_PROFILE) -> ClassTable:
        """The shipped table of *kind* and *profile* (cached; tables are immutable)."""
        return _load_shipped(kind, profile)

    def get(self, code: str) -> ClassEntry | None:
        """The entry with class *code* (4 or 5 digits), or None."""
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ClassEntry]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"ClassTable(kind={self.kind!r}, profile={self.profile!r}, entries={len(self)})"

    @property
    def entries(self) -> tuple[ClassEntry, ...]:
        """All entries in code order."""
        return self._entries

    def has_major(self, major_code: str) -> bool:
        """True when *major_code* is a major class of this table."""
        return major_code in self._majors

    def lookup_name(self, name: str) -> ClassEntry | None:
        """The entry whose name or alternative name matches *name*, or None.

        Matching ignores whitespace and full-width/half-width differences (``（`` = ``(``,
        ``，`` = ``、`` = ``,``), because census sheets spell the same class both ways.
        """
        return self._by_name.get(normalise_name(name))

    def majors(self) -> list[tuple[str, str]]:
        """Major classes (大类) as (major_code, major_name), in code order."""
        return list(self._majors.items())

    def minors(self, major_code: str) -> list[ClassEntry]:
        """Entries (小类) of one major class, in code order; empty for an unknown major."""
        return [e for e in self._entries if e.major_code == major_code]

    def extend(self, entries: Iterable[ClassEntry]) -> ClassTable:
        """A new table with local classes added (e.g. major 21 扩展部件); self is unchanged.

        Local codes obey the profile's digit structure; a code or name that already exists
        is an error, not an override.
        """
        return ClassTable(self.kind, self.profile, (*self._entries, *entries))

    def to_rows(self) -> list[dict[str, str]]:
        """Rows in the shipped CSV layout (lists joined with ';'), e.g. for export."""
        columns = COMPONENT_COLUMNS if self.kind == "component" else EVENT_COLUMNS
        rows = []
        for e in self._entries:
            row = {"code": e.code, "major_code": e.major_code, "major_name": e.major_name,
                   "minor_code": e.minor_code, "name": e.name, "alt_names": ";".join(e.alt_names),
                   "geometry_type": e.geometry_type or "", "accuracy_class": e.accuracy_class or "",
                   "extra_fields": ";".join(e.extra_fields), "confidence": e.confidence}
            rows.append({c: row[c] for c in columns})
        return rows


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


def shipped_path(kind: str, profile: str) -> Path:
    """Path of the shipped CSV for *kind* and *profile* (``component_classes_2013.csv`` …)."""
    return DATA_DIR / f"{kind}_classes_{profile}.csv"


@functools.cache
def _load_shipped(kind: str, profile: str) -> ClassTable:
    if kind not in KINDS:
        raise ClassTableError(tr("unknown class table kind '{kind}'; use one of {allowed}").format(
            kind=kind, allowed=", ".join(KINDS)))
    if profile not in PROFILES:
        raise ClassTableError(tr("unknown profile '{profile}'; use one of {allowed}").format(
            profile=profile, allowed=", ".join(PROFILES)))
    path = shipped_path(kind, profile)
    columns = COMPONENT_COLUMNS if kind == "component" else EVENT_COLUMNS
    rows, _ = read_csv(path, encoding="utf-8", required=columns)
    return ClassTable.from_rows(kind, profile, rows, source=path.name)
