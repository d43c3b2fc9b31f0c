"""Open311 GeoReport v2: the shapes the public sees (services, service requests, errors), written
as JSON or XML and read back, with every value checked before it reaches the store.

GeoReport v2 (http://wiki.open311.org/GeoReport_v2/) is the open standard a city uses to publish
what the public may report (*services*) and the reports themselves (*service requests*). CityGrid
maps it onto its own model:

- a **service** is an event or component class in use; its ``service_code`` is the class code
  prefixed with ``E`` (event, 事件) or ``C`` (component, 部件), because the two code tables use
  the same digits (event 0101 私搭乱建, component 0101 上水井盖): :func:`service_code` and
  :func:`service_class` convert;
- a **service request** is a case: its public number is the case number, its status ``open`` or
  ``closed`` (:func:`case_status`), its place WGS84 latitude and longitude; only public fields
  are ever written (never the reporter's name or phone);
- an **error** is a list of ``{code, description}`` (``<errors><error>`` in XML).

Datetimes are written ISO 8601 with the offset +08:00 (China Standard Time) and read with any
offset (a time without one is refused: its instant is unknown). XML is written with
:mod:`xml.etree` (text escaped; characters XML 1.0 cannot hold are dropped) and read with a
document type declaration refused (no entities, no external references).

Pure Python (no Qt, QGIS or database import): the processing algorithms (export/import of files)
and the HTTP service (citygrid_plugin/open311) share it. Unit-tested in tests/unit/test_open311.py.
"""
from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET  # nosec B405 - a file declaring a DOCTYPE or entities is refused before parsing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from .columns import PHONE
from .i18n import tr

CST = timezone(timedelta(hours=8))  # Asia/Shanghai (no daylight saving)
FORMATS = ("json", "xml")
STATUSES = ("open", "closed")
#: workflow states (citygrid.case_state) whose case is finished: GeoReport status 'closed'
CLOSED_STATES = ("closed", "cancelled")
KIND_PREFIX = {"event": "E", "component": "C"}
#: limits: the store keeps description 4,000, address 500 and photo link 2,000 characters; the
#: external id (``open311:<system>:<id>``) 100, so a request id is at most 64
MAX_DESCRIPTION = 4000
MAX_ADDRESS = 500
MAX_MEDIA_URL = 2000
MAX_REQUEST_ID = 64
MAX_TEXT = 4000
_SERVICE_CODE = re.compile(r"^[EC](\d{4}|\d{5})$")
_REQUEST_ID = re.compile(r"^[0-9A-Za-z_.:-]{1,64}$")
_SYSTEM = re.compile(r"^[0-9A-Za-z_.-]{1,24}$")
# characters XML 1.0 cannot hold (C0 controls except tab, LF, CR; surrogates; U+FFFE/U+FFFF)
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CJK = re.compile("[\u3400-\u9fff]")


@dataclass(frozen=True)
class Service:
    """One GeoReport service: an event or component class the public may report."""
    service_code: str
    service_name: str
    description: str
    group: str
    keywords: tuple[str, ...] = ()
    metadata: bool = False
    type: str = "realtime"


@dataclass(frozen=True)
class ServiceRequest:
    """One GeoReport service request (a case as the public sees it). lat/long: WGS84 degrees."""
    service_request_id: str
    status: str  # 'open' | 'closed'
    service_code: str
    service_name: str
    description: str
    lat: float
    long: float
    requested_datetime: datetime
    updated_datetime: datetime | None
    expected_datetime: datetime | None
    agency_responsible: str | None
    address: str | None
    media_url: str | None
    status_notes: str | None = None


@dataclass(frozen=True)
class NewRequest:
    """A request to be made a case: a POST, or a request read from another system's file, checked.

    external_id: the request's id in the system it came from (None for a POST: the store numbers it);
    reporter / reporter_phone: who reported (a POST's first_name + last_name and phone; the store's
    public channel needs both), kept by the store for the supervision centre only."""
    service_code: str
    lat: float
    long: float
    description: str
    address: str | None = None
    media_url: str | None = None
    external_id: str | None = None
    requested_datetime: datetime | None = None
    reporter: str | None = None
    reporter_phone: str | None = None


# --- codes and states --------------------------------------------------------------------------------

def service_code(kind: str, class_code: str) -> str:
    """The service code of an event or component class: ``E0101``, ``C0101``."""
    if kind not in KIND_PREFIX:
        raise ValueError(tr("unknown case kind '{value}'; use event or component").format(value=kind))
    return KIND_PREFIX[kind] + class_code


def service_class(code: str) -> tuple[str, str] | None:
    """(kind, class code) of a service code, or None when *code* is not one (``E0101`` → ('event', '0101'))."""
    if not isinstance(code, str) or not _SERVICE_CODE.fullmatch(code):
        return None
    return ("event" if code[0] == "E" else "component"), code[1:]


def case_status(state: str) -> str:
    """The GeoReport status of a workflow state: 'closed' for closed and cancelled cases, else 'open'."""
    return "closed" if state in CLOSED_STATES else "open"


def external_id(system: str, request_id: str) -> str:
    """The store's external id of a request from *system*: ``open311:<system>:<request id>``
    (a re-import of the same request adds nothing)."""
    if not _SYSTEM.fullmatch(system or ""):
        raise ValueError(tr("the system name '{value}' must be 1 to 24 letters, digits, '.', '_' or '-'").format(
            value=system))
    return f"open311:{system}:{request_id}"


# --- writing ---------------------------------------------------------------------------------------------

def format_datetime(value: datetime | None) -> str | None:
    """*value* as ISO 8601 at +08:00 (seconds), None as None; a naive datetime is refused."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(tr("a GeoReport time needs a time zone, got {value}").format(value=value.isoformat()))
    return value.astimezone(CST).isoformat(timespec="seconds")


def _coord(value: float) -> float:
    return round(float(value), 8)  # 1e-8 degree is about a millimetre


def _service_dict(s: Service) -> dict:
    return {"service_code": s.service_code, "service_name": s.service_name, "description": s.description,
            "metadata": bool(s.metadata), "type": s.type, "keywords": ",".join(s.keywords), "group": s.group}


def _request_dict(r: ServiceRequest) -> dict:
    return {"service_request_id": r.service_request_id, "status": r.status, "status_notes": r.status_notes,
            "service_name": r.service_name, "service_code": r.service_code, "description": r.description,
            "agency_responsible": r.agency_responsible, "service_notice": None,
            "requested_datetime": format_datetime(r.requested_datetime),
            "updated_datetime": format_datetime(r.updated_datetime),
            "expected_datetime": format_datetime(r.expected_datetime),
            "address": r.address, "address_id": None, "zipcode": None,
            "lat": _coord(r.lat), "long": _coord(r.long), "media_url": r.media_url}


def _error_code(code: int | str) -> int | str:
    if isinstance(code, int):
        return code
    return int(code) if isinstance(code, str) and code.isdigit() else code


def _json(items: list) -> str:
    return json.dumps(items, ensure_ascii=False)


def _xml_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _XML_BAD.sub("", str(value))


def _xml(root: str, item: str, rows: Iterable[dict]) -> str:
    top = ET.Element(root)
    for row in rows:
        element = ET.SubElement(top, item)
        for key, value in row.items():
            ET.SubElement(element, key).text = _xml_text(value)
    ET.indent(top, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(top, encoding="unicode") + "\n"


def services_json(services: Iterable[Service]) -> str:
    """GET services.json: a JSON array of services (keywords comma-separated, as the spec writes them)."""
    return _json([_service_dict(s) for s in services])


def services_xml(services: Iterable[Service]) -> str:
    """GET services.xml: ``<services><service>…</service></services>``."""
    return _xml("services", "service", (_service_dict(s) for s in services))


def requests_json(requests: Iterable[ServiceRequest]) -> str:
    """GET requests.json: a JSON array of service requests (missing values null)."""
    return _json([_request_dict(r) for r in requests])


def requests_xml(requests: Iterable[ServiceRequest]) -> str:
    """GET requests.xml: ``<service_requests><request>…</request></service_requests>`` (missing values empty)."""
    return _xml("service_requests", "request", (_request_dict(r) for r in requests))


def errors_json(errors: Iterable[tuple[int | str, str]]) -> str:
    """An error response: ``[{"code": 400, "description": "…"}]`` (a code of digits is written as a number)."""
    return _json([{"code": _error_code(c), "description": d} for c, d in errors])


def errors_xml(errors: Iterable[tuple[int | str, str]]) -> str:
    """An error response: ``<errors><error><code>400</code><description>…</description></error></errors>``."""
    return _xml("errors", "error", ({"code": c, "description": d} for c, d in errors))


def created_json(request_id: str, service_notice: str | None = None) -> str:
    """The answer to a POST: ``[{"service_request_id": …, "service_notice": …, "account_id": null}]``."""
    return _json([{"service_request_id": request_id, "service_notice": service_notice, "account_id": None}])


def created_xml(request_id: str, service_notice: str | None = None) -> str:
    """The answer to a POST in XML (``<service_requests><request>…``)."""
    return _xml("service_requests", "request", [{"service_request_id": request_id, "service_notice": service_notice,
                                                 "account_id": None}])


# --- reading ---------------------------------------------------------------------------------------------

def parse_datetime(value: object) -> datetime:
    """An ISO 8601 time with an offset (``2024-05-01T08:30:00+08:00``, ``…Z``, a space for the T)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(tr("a time is needed"))
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(tr("'{value}' is not an ISO 8601 time (2024-05-01T08:30:00+08:00)").format(
            value=_show(value))) from None
    if parsed.tzinfo is None:
        raise ValueError(tr("the time '{value}' has no time zone offset (+08:00)").format(value=_show(value)))
    return parsed


def _show(value: object, width: int = 40) -> str:
    text = _CONTROL.sub("?", str(value))
    return text if len(text) <= width else text[:width] + "…"


def _number(value: object, name: str, low: float, high: float) -> tuple[float | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, tr("{name} is missing").format(name=name)
    if isinstance(value, bool):
        return None, tr("{name} '{value}' is not a number").format(name=name, value=value)
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        return None, tr("{name} '{value}' is not a number").format(name=name, value=_show(value))
    if not math.isfinite(number) or not low <= number <= high:
        return None, tr("{name} {value} is not a WGS84 degree between {low} and {high}").format(
            name=name, value=_show(value), low=low, high=high)
    return number, None


def _text(value: object, name: str, limit: int, problems: list[str]) -> str | None:
    """An optional text value: stripped, None when empty; too long or not text → a problem."""
    if value is None:
        return None
    if isinstance(value, dict | list | bool):
        problems.append(tr("{name} must be text").format(name=name))
        return None
    text = str(value).strip()
    if not text:
        return None
    if len(text) > limit:
        problems.append(tr("{name} has {count} characters; at most {limit}").format(
            name=name, count=len(text), limit=limit))
        return None
    return text


def _media_url(value: object, problems: list[str]) -> str | None:
    url = _text(value, "media_url", MAX_MEDIA_URL, problems)
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _CONTROL.search(url) or " " in url:
        problems.append(tr("media_url '{value}' is not an http or https link").format(value=_show(url)))
        return None
    return url


def _request(row: Mapping[str, object]) -> tuple[ServiceRequest | None, str, list[str]]:
    """One request of a file: (request or None, its id for messages, problems)."""
    problems: list[str] = []
    raw_id = row.get("service_request_id")
    rid = "" if raw_id is None or isinstance(raw_id, dict | list | bool) else str(raw_id).strip()
    if not rid:
        problems.append(tr("service_request_id is missing"))
    elif not _REQUEST_ID.fullmatch(rid):
        problems.append(tr("service_request_id '{value}' must be 1 to 64 letters, digits, '.', '_', ':' or '-'").format(
            value=_show(rid)))
    status = _text(row.get("status"), "status", 20, problems)
    status = (status or "open").lower()
    if status not in STATUSES:
        problems.append(tr("status '{value}' is neither open nor closed").format(value=_show(status)))
    code = _text(row.get("service_code"), "service_code", 40, problems)
    if code is None:
        problems.append(tr("service_code is missing"))
    lat, problem = _number(row.get("lat"), "lat", -90.0, 90.0)
    if problem:
        problems.append(problem)
    lon, problem = _number(row.get("long"), "long", -180.0, 180.0)
    if problem:
        problems.append(problem)
    swapped_lat, _ = _number(row.get("lat"), "lat", -180.0, 180.0)
    swapped_long, _ = _number(row.get("long"), "long", -90.0, 90.0)
    if lat is None and swapped_lat is not None and swapped_long is not None:
        problems.append(tr("lat and long look exchanged: lat is the latitude (-90 to 90), long the longitude"))
    times: dict[str, datetime | None] = {}
    for name in ("requested_datetime", "updated_datetime", "expected_datetime"):
        value = row.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            times[name] = None
            if name == "requested_datetime":
                problems.append(tr("requested_datetime is missing"))
            continue
        try:
            times[name] = parse_datetime(value)
        except ValueError as exc:
            problems.append(f"{name}: {exc}")
    texts = {name: _text(row.get(name), name, limit, problems) for name, limit in (
        ("service_name", 200), ("description", MAX_DESCRIPTION), ("agency_responsible", 200),
        ("address", MAX_ADDRESS), ("status_notes", MAX_TEXT))}
    media = _media_url(row.get("media_url"), problems)
    if problems:
        return None, rid, problems
    return ServiceRequest(
        service_request_id=rid, status=status, service_code=code, service_name=texts["service_name"] or "",
        description=texts["description"] or "", lat=lat, long=lon,
        requested_datetime=times["requested_datetime"], updated_datetime=times["updated_datetime"],
        expected_datetime=times["expected_datetime"], agency_responsible=texts["agency_responsible"],
        address=texts["address"], media_url=media, status_notes=texts["status_notes"]), rid, []


def _json_rows(text: str) -> tuple[list[Mapping[str, object]] | None, list[str]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return None, [tr("the file is not JSON: {error}").format(error=exc)]
    if isinstance(data, dict) and isinstance(data.get("service_requests"), list):
        data = data["service_requests"]
    if not isinstance(data, list):
        return None, [tr("a GeoReport requests file holds a JSON array of requests")]
    return data, []


def _xml_rows(text: str) -> tuple[list[Mapping[str, object]] | None, list[str]]:
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return None, [tr("the XML file declares a document type or entities; a GeoReport file has none")]
    try:
        root = ET.fromstring(text)  # nosec B314 - no DOCTYPE, no entities (checked above): nothing to expand
    except ET.ParseError as exc:
        return None, [tr("the file is not well-formed XML: {error}").format(error=exc)]
    if root.tag == "errors":
        return [{"code": (e.findtext("code") or ""), "description": (e.findtext("description") or "")}
                for e in root], []
    if root.tag != "service_requests":
        return None, [tr("a GeoReport requests file has the root element <service_requests>, not <{tag}>").format(
            tag=_show(root.tag))]
    rows: list[Mapping[str, object]] = []
    for element in root:
        if element.tag != "request":
            rows.append({"__bad__": element.tag})
            continue
        rows.append({child.tag: (child.text or "") for child in element})
    return rows, []


def parse_requests(text: str, fmt: str) -> tuple[list[ServiceRequest], list[str]]:
    """The service requests of a GeoReport file (a GET requests answer) in *fmt* 'json' or 'xml'.

    Returns (requests, problems): every request with a problem is left out and each problem names
    the request (its position and id) and what is wrong, so a caller can refuse the whole file
    and list them all. A file that is an error response, or holds the same id twice, is a problem too."""
    if fmt not in FORMATS:
        raise ValueError(tr("unknown GeoReport format '{value}'; use json or xml").format(value=fmt))
    rows, problems = (_json_rows if fmt == "json" else _xml_rows)(text.lstrip("\ufeff"))
    if rows is None:
        return [], problems
    if rows and all(isinstance(r, Mapping) and "code" in r and "description" in r
                    and "service_request_id" not in r for r in rows):
        errors = "; ".join(f"{_show(r.get('code'))} {_show(r.get('description'), 200)}" for r in rows)
        return [], [tr("the file is an error response, not requests: {errors}").format(errors=errors)]
    out: list[ServiceRequest] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping) or "__bad__" in row:
            problems.append(tr("request {number}: not a request").format(number=number))
            continue
        request, rid, row_problems = _request(row)
        label = (tr("request {number} (id {id})").format(number=number, id=_show(rid)) if rid
                 else tr("request {number}").format(number=number))
        if rid and rid in seen:
            row_problems.append(tr("the id is already used by request {number}").format(number=seen[rid]))
        elif rid:
            seen[rid] = number
        if row_problems:
            problems.extend(f"{label}: {p}" for p in row_problems)
        else:
            out.append(request)
    return out, problems


def new_request(request: ServiceRequest, system: str) -> NewRequest:
    """A request read from *system*'s file, as a case to be made (its external id from the request id)."""
    return NewRequest(service_code=request.service_code, lat=request.lat, long=request.long,
                      description=request.description, address=request.address, media_url=request.media_url,
                      external_id=external_id(system, request.service_request_id),
                      requested_datetime=request.requested_datetime)


def reporter_name(first_name: str | None, last_name: str | None) -> str | None:
    """The reporter's name from a POST's first_name and last_name: Chinese names family name first
    without a space (张 + 三 → 张三), others 'first last'; None when both are empty."""
    first, last = (first_name or "").strip(), (last_name or "").strip()
    if not first and not last:
        return None
    if _CJK.search(first + last):
        return last + first
    return " ".join(p for p in (first, last) if p)


def parse_post(form: Mapping[str, str], require_reporter: bool = False) -> tuple[NewRequest | None,
                                                                                 list[tuple[str, str]]]:
    """A POST requests form checked: (the request, []) or (None, errors as (code, description)).

    Required: service_code and lat + long (a case is placed on the map, so an address alone is not
    enough); description (the store needs one). Optional: address_string, media_url (http/https),
    first_name, last_name, phone (with *require_reporter*, name and phone are required, as the store's
    public channel needs them). api_key and jurisdiction_id are the caller's to check. Every error has
    the code '400' (the HTTP status the spec says it should match)."""
    problems: list[str] = []

    def field(name: str) -> object:
        value = form.get(name)
        if isinstance(value, list | tuple):
            problems.append(tr("{name} is given more than once").format(name=name))
            return None
        return value

    code = _text(field("service_code"), "service_code", 40, problems)
    if code is None:
        problems.append(tr("service_code is required"))
    elif service_class(code) is None:
        problems.append(tr("service_code '{value}' is not a service of this city (see services.json)").format(
            value=_show(code)))
    raw_lat, raw_long = field("lat"), field("long")
    lat = lon = None
    if (raw_lat in (None, "")) and (raw_long in (None, "")):
        problems.append(tr("lat and long are required: every report is placed on the map"))
    else:
        lat, problem = _number(raw_lat, "lat", -90.0, 90.0)
        if problem:
            problems.append(problem)
        lon, problem = _number(raw_long, "long", -180.0, 180.0)
        if problem:
            problems.append(problem)
    before = len(problems)
    description = _text(field("description"), "description", MAX_DESCRIPTION, problems)
    if description is None and len(problems) == before:
        problems.append(tr("description is required: say what is wrong and where"))
    address = _text(field("address_string"), "address_string", MAX_ADDRESS, problems)
    media = _media_url(field("media_url"), problems)
    first = _text(field("first_name"), "first_name", 100, problems)
    last = _text(field("last_name"), "last_name", 100, problems)
    phone = _text(field("phone"), "phone", 40, problems)
    if phone is not None and not PHONE.match(phone):
        problems.append(tr("phone '{value}' is not a phone number: digits, spaces, + - ( ) only").format(
            value=_show(phone)))
    reporter = reporter_name(first, last)
    if require_reporter and (reporter is None or phone is None):
        problems.append(tr("first_name or last_name and phone are required for a public report"))
    if problems:
        return None, [("400", p) for p in problems]
    return NewRequest(service_code=code, lat=lat, long=lon, description=description, address=address,
                      media_url=media, reporter=reporter, reporter_phone=phone), []
