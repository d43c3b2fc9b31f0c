"""Build, parse and validate unit-grid codes (单元网格编码) and component codes (部件编码).

Unit grid: 15 digits = 6-digit county-level division code (GB/T 2260) + 3-digit street/town
(街道, GB/T 10114) + 3-digit community/village (社区) + 3-digit serial (001–999).

Component: 6-digit county + 2-digit major class (大类) + minor class (小类) + 6-digit serial
(000001–999999). The minor class has 2 digits in profile ``2013`` (GB/T 30428.2-2013, 16-digit
code) and 3 in profile ``2026`` (GB/T 47678.5-2026, unverified, 17-digit code).

Validation returns *every* problem, each naming the part and the reason, so a technician can
fix a census sheet in one pass. The happy path is one regex match plus a few slice checks;
the detailed analysis runs only when that fails. Codes are never trimmed or converted
silently: whitespace and full-width digits are reported with a hint.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .classes import CLASS_DIGITS, DEFAULT_PROFILE, PROFILES, ClassTable
from .i18n import tr

#: GB/T 2260 province-level codes (first two digits of a division code) → name.
PROVINCE_CODES: dict[str, str] = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省",
    "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区", "46": "海南省",
    "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
    "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
    "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
}
_PROVINCES = frozenset(PROVINCE_CODES)

GRID_CODE_LENGTH = 15
GRID_SERIAL_WIDTH = 3
COMPONENT_SERIAL_WIDTH = 6
#: Component code length per profile: 6 + major + minor + 6.
COMPONENT_CODE_LENGTH = {p: 6 + sum(CLASS_DIGITS[p]) + COMPONENT_SERIAL_WIDTH for p in PROFILES}
_PROFILE_BY_LENGTH = {n: p for p, n in COMPONENT_CODE_LENGTH.items()}

_GRID_RE = re.compile(r"[0-9]{15}")
_COMPONENT_RE = {p: re.compile(f"[0-9]{{{n}}}") for p, n in COMPONENT_CODE_LENGTH.items()}
# Happy-path layout, keyed by profile and by code length: (regex, end of class, zero minor, length).
_FAST_LAYOUT: dict[object, tuple[re.Pattern[str], int, str, int]] = {}
for _p, _n in COMPONENT_CODE_LENGTH.items():
    _FAST_LAYOUT[_p] = _FAST_LAYOUT[_n] = (_COMPONENT_RE[_p], 6 + sum(CLASS_DIGITS[_p]), "0" * CLASS_DIGITS[_p][1], _n)
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class CodeProblem(NamedTuple):
    """One thing wrong with a code: which *part* (e.g. 'street'), its *value*, and why."""

    part: str
    value: str
    message: str


class CodeError(ValueError):
    """A code (or a part given to a builder) is invalid; ``problems`` lists every reason."""

    def __init__(self, problems: Iterable[CodeProblem]) -> None:
        self.problems: list[CodeProblem] = list(problems)
        super().__init__("; ".join(p.message for p in self.problems))


# --- parts ---------------------------------------------------------------------------------

def _visible(text: str) -> str:
    """*text* for a message: characters that do not print (NUL, tab, line breaks, zero-width
    spaces) written as escapes, so the message shows what is really there and is not cut short."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _digits(value: object, width: int) -> bool:
    return isinstance(value, str) and len(value) == width and value.isascii() and value.isdigit()


def _text_problems(part: str, label: str, value: object, width: int) -> tuple[list[CodeProblem], str | None]:
    """Problems of form (type, whitespace, full-width, non-digits, length) of one digit string.

    Returns the problems and the value with whitespace and full-width digits repaired (None
    when the value is not a string or still not *width* ASCII digits), so callers can go on
    checking its meaning and report everything in one pass.
    """
    if not isinstance(value, str):
        return [CodeProblem(part, repr(value), tr("{label} must be text, got {type} {value!r}").format(
            label=label, type=type(value).__name__, value=value))], None
    problems = []
    repaired = value
    if repaired != repaired.strip():
        problems.append(CodeProblem(part, value, tr(
            "{label} '{value}' has surrounding whitespace; remove it (codes are never trimmed silently)").format(
            label=label, value=_visible(value))))
        repaired = repaired.strip()
    if repaired != repaired.translate(_FULL_WIDTH_DIGITS):
        problems.append(CodeProblem(part, value, tr(
            "{label} '{value}' contains full-width digits; use ASCII 0-9").format(label=label, value=_visible(value))))
        repaired = repaired.translate(_FULL_WIDTH_DIGITS)
    if not _digits(repaired, width):
        problems.append(CodeProblem(part, value, tr("{label} '{value}' must be {width} digits").format(
            label=label, value=_visible(repaired), width=width)))
        return problems, None
    return problems, repaired


def _district_meaning(value: str, part: str = "district") -> list[CodeProblem]:
    problems = []
    if value[:2] not in _PROVINCES:
        problems.append(CodeProblem(part, value, tr(
            "county code '{value}': {prefix} is not a GB/T 2260 province code").format(
            value=value, prefix=value[:2])))
    if value[4:] == "00":
        problems.append(CodeProblem(part, value, tr(
            "county code '{value}' ends in 00, which denotes a prefecture or province, not a county-level "
            "division (区/县/县级市); use the county code").format(value=value)))
    return problems


def validate_district_code(value: object) -> list[CodeProblem]:
    """Problems of a 6-digit county-level division code (县级行政区划代码, GB/T 2260)."""
    if _digits(value, 6) and value[:2] in _PROVINCES and value[4:] != "00":  # type: ignore[index]
        return []
    problems, repaired = _text_problems("district", tr("county code"), value, 6)
    if repaired is not None:
        problems.extend(_district_meaning(repaired))
    return problems


def validate_street_code(value: object) -> list[CodeProblem]:
    """Problems of a 3-digit street/town code (街道/乡镇, GB/T 10114); 000 is the county itself."""
    if _digits(value, 3) and value != "000":
        return []
    problems, repaired = _text_problems("street", tr("street code"), value, 3)
    if repaired == "000":
        problems.append(CodeProblem("street", repaired, tr(
            "street code '000' is not a street or town; streets are numbered from 001")))
    return problems


def validate_community_code(value: object) -> list[CodeProblem]:
    """Problems of a 3-digit community/village code (社区/村); 000 is the street itself."""
    if _digits(value, 3) and value != "000":
        return []
    problems, repaired = _text_problems("community", tr("community code"), value, 3)
    if repaired == "000":
        problems.append(CodeProblem("community", repaired, tr(
            "community code '000' is not a community; communities are numbered from 001")))
    return problems


def _serial_problems(value: object, width: int, label: str) -> tuple[list[CodeProblem], str | None]:
    """Problems of a serial given as text or int; returns the zero-padded text when valid."""
    top = 10 ** width - 1
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= top:
            return [], f"{value:0{width}d}"
        return [CodeProblem("serial", str(value), tr("{label} {value} is out of range {low}–{high}").format(
            label=label, value=value, low="1".zfill(width), high=top))], None
    problems, repaired = _text_problems("serial", label, value, width)
    if repaired is not None and int(repaired) == 0:
        problems.append(CodeProblem("serial", repaired, tr(
            "{label} '{value}' is invalid; serials run {low}–{high}").format(
            label=label, value=repaired, low="1".zfill(width), high=top)))
        return problems, None
    return problems, repaired if not problems else None


# --- unit-grid codes -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GridCode:
    """A unit-grid code (单元网格编码) split into its parts, all zero-padded digit strings."""

    district: str
    street: str
    community: str
    serial: str

    def __post_init__(self) -> None:
        problems = (validate_district_code(self.district) + validate_street_code(self.street)
                    + validate_community_code(self.community)
                    + _serial_problems(self.serial, GRID_SERIAL_WIDTH, tr("grid serial"))[0])
        if problems:
            raise CodeError(problems)

    @property
    def code(self) -> str:
        """The 15-digit code."""
        return f"{self.district}{self.street}{self.community}{self.serial}"

    @property
    def community_key(self) -> str:
        """The 12-digit community code (county + street + community) the grid belongs to."""
        return f"{self.district}{self.street}{self.community}"

    @property
    def serial_number(self) -> int:
        """The serial as an int (1–999)."""
        return int(self.serial)

    def __str__(self) -> str:
        return self.code


def validate_grid_code(code: object) -> list[CodeProblem]:
    """Every problem of a 15-digit unit-grid code; empty when valid."""
    if (type(code) is str and _GRID_RE.fullmatch(code) and code[:2] in _PROVINCES and code[4:6] != "00"
            and code[6:9] != "000" and code[9:12] != "000" and code[12:] != "000"):
        return []
    return _grid_problems(code)


def _whole_code_problems(part: str, label: str, code: object, lengths: tuple[int, ...],
                         length_message: str, **extra: object) -> tuple[list[CodeProblem], str | None]:
    """Type/whitespace/full-width/non-digit/length problems of a whole code.

    *length_message* is a translated template with {label}, {value}, {got} and the *extra*
    fields. The code (whitespace and full-width digits repaired) is returned when its length
    is one of *lengths*, so each part can then be checked (and blamed) on its own.
    """
    if not isinstance(code, str):
        return [CodeProblem(part, repr(code), tr("{label} must be text, got {type} {value!r}").format(
            label=label, type=type(code).__name__, value=code))], None
    if not code:
        return [CodeProblem(part, code, tr("{label} is empty").format(label=label))], None
    problems = []
    repaired = code
    if repaired != repaired.strip():
        problems.append(CodeProblem(part, code, tr(
            "{label} '{value}' has surrounding whitespace; remove it (codes are never trimmed silently)").format(
            label=label, value=_visible(code))))
        repaired = repaired.strip()
    if repaired != repaired.translate(_FULL_WIDTH_DIGITS):
        problems.append(CodeProblem(part, code, tr(
            "{label} '{value}' contains full-width digits; use ASCII 0-9").format(label=label, value=_visible(code))))
        repaired = repaired.translate(_FULL_WIDTH_DIGITS)
    if len(repaired) not in lengths:
        problems.append(CodeProblem(part, code, length_message.format(
            label=label, value=_visible(repaired), got=len(repaired), **extra)))
        bad = sorted({c for c in repaired if not ("0" <= c <= "9")})
        if bad:
            message = tr("{label} '{value}' contains non-digit characters {chars}")
            problems.append(CodeProblem(part, code, message.format(
                label=label, value=_visible(repaired), chars=" ".join(repr(c) for c in bad))))
        return problems, None
    return problems, repaired


def _grid_problems(code: object) -> list[CodeProblem]:
    problems, repaired = _whole_code_problems(
        "code", tr("grid code"), code, (GRID_CODE_LENGTH,),
        tr("{label} must be 15 digits, got {got} ('{value}')"))
    if repaired is None:
        return problems
    problems.extend(validate_district_code(repaired[:6]))
    problems.extend(validate_street_code(repaired[6:9]))
    problems.extend(validate_community_code(repaired[9:12]))
    problems.extend(_serial_problems(repaired[12:], GRID_SERIAL_WIDTH, tr("grid serial"))[0])
    return problems


def _trusted(cls: type, **parts: str) -> object:
    """An instance of a frozen code dataclass from parts already validated (skips __post_init__)."""
    instance = object.__new__(cls)
    for name, value in parts.items():
        object.__setattr__(instance, name, value)
    return instance


def parse_grid_code(code: str) -> GridCode:
    """Split a valid 15-digit unit-grid code; raise CodeError listing every problem."""
    problems = validate_grid_code(code)
    if problems:
        raise CodeError(problems)
    return _trusted(GridCode, district=code[:6], street=code[6:9], community=code[9:12],  # type: ignore[return-value]
                    serial=code[12:])


def build_grid_code(district: str, street: str, community: str, serial: int | str) -> str:
    """The 15-digit code from its parts (serial as int 1–999 or 3-digit text); CodeError if invalid."""
    serial_problems, serial_text = _serial_problems(serial, GRID_SERIAL_WIDTH, tr("grid serial"))
    problems = (validate_district_code(district) + validate_street_code(street)
                + validate_community_code(community) + serial_problems)
    if problems:
        raise CodeError(problems)
    return f"{district}{street}{community}{serial_text}"


# --- component codes -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ComponentCode:
    """A component code (部件编码) split into its parts, all zero-padded digit strings."""

    district: str
    major: str
    minor: str
    serial: str
    profile: str = DEFAULT_PROFILE

    def __post_init__(self) -> None:
        problems = _profile_problems(self.profile)
        if not problems:
            problems = (validate_district_code(self.district)
                        + _class_part_problems(self.major, self.minor, self.profile)
                        + _serial_problems(self.serial, COMPONENT_SERIAL_WIDTH, tr("component serial"))[0])
        if problems:
            raise CodeError(problems)

    @property
    def code(self) -> str:
        """The 16-digit (2013) or 17-digit (2026) code."""
        return f"{self.district}{self.major}{self.minor}{self.serial}"

    @property
    def class_code(self) -> str:
        """Major + minor class (4 digits in 2013, 5 in 2026), the key of the class table."""
        return f"{self.major}{self.minor}"

    @property
    def serial_number(self) -> int:
        """The serial as an int (1–999999)."""
        return int(self.serial)

    def __str__(self) -> str:
        return self.code


def _profile_problems(profile: object) -> list[CodeProblem]:
    if profile in PROFILES:
        return []
    return [CodeProblem("profile", str(profile), tr("unknown profile '{value}'; use one of {allowed}").format(
        value=profile, allowed=", ".join(PROFILES)))]


def _class_part_problems(major: object, minor: object, profile: str) -> list[CodeProblem]:
    major_digits, minor_digits = CLASS_DIGITS[profile]
    problems, major_ok = _text_problems("major", tr("major class"), major, major_digits)
    minor_problems, minor_ok = _text_problems("minor", tr("minor class"), minor, minor_digits)
    problems += minor_problems
    if major_ok is not None and int(major_ok) == 0:
        problems.append(CodeProblem("major", major_ok, tr("major class {value} is not a class").format(
            value=major_ok)))
    if minor_ok is not None and int(minor_ok) == 0:
        problems.append(CodeProblem("minor", minor_ok, tr("minor class {value} is not a class").format(
            value=minor_ok)))
    return problems


def _resolve_profile(profile: str | None, classes: ClassTable | None) -> str | None:
    """The profile to check against: given, else the class table's, else None (infer)."""
    if classes is not None:
        if classes.kind != "component":
            raise ValueError(tr("a {kind} class table cannot check component codes").format(kind=classes.kind))
        if profile is not None and profile != classes.profile:
            raise ValueError(tr("profile {profile} does not match the class table (profile {table})").format(
                profile=profile, table=classes.profile))
        return classes.profile
    return profile


def validate_component_code(code: object, profile: str | None = None,
                            classes: ClassTable | None = None) -> list[CodeProblem]:
    """Every problem of a component code; empty when valid.

    *profile* None infers it from the length (16 → 2013, 17 → 2026); *classes* (a component
    ClassTable) also checks that the class exists and implies its profile.
    """
    if classes is not None:
        profile = _resolve_profile(profile, classes)
    if type(code) is str:
        layout = _FAST_LAYOUT.get(profile if profile is not None else len(code))
        if layout is not None:
            regex, class_end, zero_minor, length = layout
            if (len(code) == length and regex.fullmatch(code) and code[:2] in _PROVINCES and code[4:6] != "00"
                    and code[6:8] != "00" and code[8:class_end] != zero_minor and code[class_end:] != "000000"
                    and (classes is None or code[6:class_end] in classes)):
                return []
    return _component_problems(code, profile, classes)


def _component_problems(code: object, profile: str | None, classes: ClassTable | None) -> list[CodeProblem]:
    if profile is not None:
        problems = _profile_problems(profile)
        if problems:
            return problems
        want = COMPONENT_CODE_LENGTH[profile]
        other = next(p for p in PROFILES if p != profile)
        got = len(code.strip().translate(_FULL_WIDTH_DIGITS)) if isinstance(code, str) else 0
        if got == COMPONENT_CODE_LENGTH[other]:
            message = tr("{label} must be {want} digits for profile {profile}, got {got} ('{value}'); "
                         "{got} digits is the {other} profile; this store uses {profile}")
        else:
            message = tr("{label} must be {want} digits for profile {profile}, got {got} ('{value}')")
        problems, repaired = _whole_code_problems("code", tr("component code"), code, (want,), message,
                                                  want=want, profile=profile, other=other)
    else:
        problems, repaired = _whole_code_problems(
            "code", tr("component code"), code, tuple(sorted(_PROFILE_BY_LENGTH)),
            tr("{label} must be 16 digits (profile 2013) or 17 digits (profile 2026), got {got} ('{value}')"))
        if repaired is not None:
            profile = _PROFILE_BY_LENGTH[len(repaired)]
    if repaired is None or profile is None:
        return problems
    major_digits, minor_digits = CLASS_DIGITS[profile]
    class_end = 6 + major_digits + minor_digits
    major, minor = repaired[6:6 + major_digits], repaired[6 + major_digits:class_end]
    problems.extend(validate_district_code(repaired[:6]))
    class_problems = _class_part_problems(major, minor, profile)
    problems.extend(class_problems)
    if classes is not None and not class_problems:
        problems.extend(_class_table_problems(major, minor, classes))
    problems.extend(_serial_problems(repaired[class_end:], COMPONENT_SERIAL_WIDTH, tr("component serial"))[0])
    return problems


def _class_table_problems(major: str, minor: str, classes: ClassTable) -> list[CodeProblem]:
    if not classes.has_major(major):
        return [CodeProblem("major", major, tr("major class {value} is not in profile {profile}").format(
            value=major, profile=classes.profile))]
    if f"{major}{minor}" not in classes:
        return [CodeProblem("minor", f"{major}{minor}", tr("minor class {value} is not in profile {profile}").format(
            value=f"{major}{minor}", profile=classes.profile))]
    return []


def parse_component_code(code: str, profile: str | None = None,
                         classes: ClassTable | None = None) -> ComponentCode:
    """Split a valid component code (see :func:`validate_component_code`); CodeError otherwise."""
    problems = validate_component_code(code, profile, classes)
    if problems:
        raise CodeError(problems)
    used = _resolve_profile(profile, classes) or _PROFILE_BY_LENGTH[len(code)]
    class_end = _FAST_LAYOUT[used][1]
    return _trusted(ComponentCode, district=code[:6], major=code[6:8], minor=code[8:class_end],  # type: ignore[return-value]
                    serial=code[class_end:], profile=used)


def build_component_code(district: str, class_code: str, serial: int | str, profile: str | None = None,
                         classes: ClassTable | None = None) -> str:
    """The component code from county, class code (4/5 digits) and serial (int or 6-digit text).

    *profile* None means the class table's profile, or DEFAULT_PROFILE ('2013') without one.
    """
    profile = _resolve_profile(profile, classes) or DEFAULT_PROFILE
    problems = _profile_problems(profile)
    if problems:
        raise CodeError(problems)
    major_digits, minor_digits = CLASS_DIGITS[profile]
    problems = validate_district_code(district)
    class_problems, class_text = _text_problems("class", tr("class code"), class_code, major_digits + minor_digits)
    if class_text is not None:
        major, minor = class_text[:major_digits], class_text[major_digits:]
        class_problems += _class_part_problems(major, minor, profile)
        if classes is not None and not class_problems:
            class_problems += _class_table_problems(major, minor, classes)
    problems += class_problems
    serial_problems, serial_text = _serial_problems(serial, COMPONENT_SERIAL_WIDTH, tr("component serial"))
    problems += serial_problems
    if problems:
        raise CodeError(problems)
    return f"{district}{class_text}{serial_text}"


# --- lists ------------------------------------------------------------------------------------

def grid_code_list(text: str) -> list[str]:
    """Grid codes typed in one line (commas — also full-width — or semicolons between them),
    each once in the order given. Every code that does not validate is a :class:`CodeError`
    listing all their problems."""
    codes = [c.strip() for c in (text or "").replace("，", ",").replace(";", ",").split(",") if c.strip()]
    problems = [p for c in codes for p in validate_grid_code(c)]
    if problems:
        raise CodeError(problems)
    return list(dict.fromkeys(codes))  # a code typed twice counts once
