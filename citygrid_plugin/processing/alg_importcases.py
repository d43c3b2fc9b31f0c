"""citygrid:importcases — Import cases (批量导入案件) from a hotline or 12345 platform export.

Every row is checked before anything is written — source, class, description, the reporter of a
public channel, the time, the position (swapped longitude/latitude, outside every unit grid) — and
the file goes into the store in one transaction through ``store.intake.report_many``, or not at
all. The external id (the platform's number) makes a re-import add nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QVariant

from ..core import chinacoords
from ..core.casefilter import CST
from ..core.columns import PHONE, ColumnError, text
from ..core.i18n import tr
from ..core.textio import ENCODINGS, TextInputError, mixed_encoding, read_table
from ..store import intake
from ..store.components import store_profile
from ..store.db import StoreError
from .base import CityGridAlgorithm

# the coordinate systems of the input, in the order of the COORDINATES parameter
SYSTEMS = ("store", "wgs84", "gcj02", "bd09")
# store field key → source column names that hold it (first match wins, case-insensitive)
ALIASES = {
    "external_id": ("external_id", "工单编号", "工单号", "案件编号", "外部编号", "受理编号", "编号"),
    "source": ("source", "来源", "渠道", "案件来源", "信息来源"),
    "kind": ("kind", "案件类型", "类型"),
    "class": ("class_code", "class", "小类", "小类代码", "小类名称", "问题类别", "问题分类", "类别"),
    "description": ("description", "问题描述", "描述", "诉求内容", "内容"),
    "address": ("address", "地址", "事发地址", "发生地址", "位置"),
    "reporter": ("reporter", "反映人", "来电人", "联系人", "举报人", "姓名"),
    "phone": ("reporter_phone", "phone", "联系电话", "来电号码", "电话", "手机"),
    "observed": ("observed_at", "time", "来电时间", "受理时间", "发现时间", "反映时间", "时间"),
    "x": ("x", "lon", "lng", "longitude", "经度"),
    "y": ("y", "lat", "latitude", "纬度"),
}
KIND_WORDS = {"event": "event", "事件": "event", "component": "component", "部件": "component"}
TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y%m%d%H%M%S",
                "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日%H:%M", "%Y年%m月%d日%H时%M分",
                "%Y.%m.%d %H:%M")
EXTERNAL_ID_MAX = 100                            # the store's check on work_case.external_id
REPORTER_MAX = 200
CHINA_LON = (73.0, 135.0)
CHINA_LAT = (18.0, 54.0)
SHOWN_REJECTS = 50


@dataclass
class Record:
    """One input row: where it is (``line 3`` / ``row 3``), its attributes, its raw position (as read,
    in the input's coordinates) and what is wrong with it."""

    ref: str
    values: dict
    attributes: list
    raw: tuple[float, float] | None = None
    problems: list[str] = field(default_factory=list)
    point: tuple[float, float] | None = None     # in the store CRS, once converted
    report: dict | None = None


def parse_time(value) -> datetime | None:
    """A time observed as an aware datetime (a time without zone is Asia/Shanghai wall time);
    None when empty; ValueError when it is not a time."""
    if isinstance(value, QDateTime):
        if value.isNull() or not value.isValid():
            return None
        if value.timeSpec() != Qt.LocalTime:   # UTC or an offset (a GeoPackage's …Z): the instant it says
            return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, CST)
        value = value.toPyDateTime()
    elif isinstance(value, QDate):
        if value.isNull() or not value.isValid():
            return None
        value = datetime(value.year(), value.month(), value.day())
    elif not isinstance(value, datetime):
        raw = text(value)
        if raw is None:
            return None
        parsed = None
        try:
            parsed = datetime.fromisoformat(raw)
        except ValueError:
            for fmt in TIME_FORMATS:
                try:
                    parsed = datetime.strptime(raw, fmt)
                    break
                except ValueError:
                    continue
        if parsed is None:
            raise ValueError(raw)
        value = parsed
    return value if value.tzinfo else value.replace(tzinfo=CST)


def as_number(value) -> float | None:
    """A coordinate cell as a float (None when empty or not a number)."""
    raw = text(value)
    if raw is None:
        return None
    try:
        number = float(raw)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def in_china(lon: float, lat: float) -> bool:
    return CHINA_LON[0] <= lon <= CHINA_LON[1] and CHINA_LAT[0] <= lat <= CHINA_LAT[1]


class ImportCasesAlgorithm(CityGridAlgorithm):
    _id = "importcases"
    _group_id = "cases"
    CSV = "CSV"
    ENCODING = "ENCODING"
    SOURCE = "SOURCE"
    KIND = "KIND"
    COORDINATES = "COORDINATES"
    REJECTED = "REJECTED"
    # column parameters: parameter name → (store field key, label)
    COLUMNS = {
        "EXTERNAL_ID_FIELD": "external_id", "SOURCE_FIELD": "source", "KIND_FIELD": "kind",
        "CLASS_FIELD": "class", "DESCRIPTION_FIELD": "description", "ADDRESS_FIELD": "address",
        "REPORTER_FIELD": "reporter", "PHONE_FIELD": "phone", "OBSERVED_FIELD": "observed",
        "X_FIELD": "x", "Y_FIELD": "y",
    }

    def displayName(self) -> str:  # noqa: N802
        return tr("Import cases")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Imports cases (批量导入案件) from a hotline or 12345 platform export: a CSV file (UTF-8 or GBK, "
            "detected; a file mixing both encodings is refused), a GeoPackage or a shapefile. Columns are found "
            "by name — 工单编号 (external id), 来源/渠道 (source), 案件类型 (kind), 小类/问题类别 (class: a code or "
            "a Chinese name), 问题描述, 地址, 反映人, 联系电话, 来电时间, 经度/纬度 or X/Y — or chosen explicitly. "
            "A fixed source (e.g. 12345热线) applies to rows without one. The kind (event or component) comes from "
            "its column, from the parameter, or from the class when only one kind has it.\n\n"
            "Coordinates: the store CRS (or the layer's CRS), WGS84, or the GCJ-02 (Amap, Tencent, WeChat) and "
            "BD-09 (Baidu) coordinates that Chinese map apps emit. GCJ-02 and BD-09 are converted to WGS84 "
            "explicitly (the published formulas; the inverse iterated to below 1 mm), then to the store CRS. The "
            "published GCJ-02 formula approximates the official one: a converted position is typically within "
            "1–2 m of the true WGS84 position.\n\n"
            "Every row is checked first: external id, source, class, description, reporter name and phone for "
            "the public channels (12345热线, 12319热线, 公众举报 …), the time (at most the store's "
            "observed_max_days old), longitude and latitude exchanged, a position outside every unit grid. "
            "All or nothing: when one row is rejected nothing is written, and the rejected rows go to the "
            "rejects layer with their attributes and the reason (row, what, how to fix); correct the file and "
            "run it again. There is no partial import. Re-running the same file adds nothing: a case whose "
            "external id the source already has counts as already known.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Cases layer (GeoPackage, shapefile, …)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CSV, tr("…or a CSV file"), extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.ENCODING, tr("CSV encoding"), options=list(ENCODINGS),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, tr("Source of rows without one (e.g. 12345热线)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.KIND, tr("Kind of rows without one"),
            options=[tr("from the class (when only one kind has it)"), tr("event"), tr("component")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.COORDINATES, tr("Coordinates of the input"),
            options=[tr("store CRS (a layer: its own CRS)"), tr("WGS84 longitude/latitude (GPS)"),
                     tr("GCJ-02 longitude/latitude (Amap, Tencent, WeChat)"),
                     tr("BD-09 longitude/latitude (Baidu)")], defaultValue=0))
        labels = {
            "EXTERNAL_ID_FIELD": tr("External id column (the platform's number; required)"),
            "SOURCE_FIELD": tr("Source column"),
            "KIND_FIELD": tr("Kind column (event/component)"),
            "CLASS_FIELD": tr("Class column (code or Chinese name)"),
            "DESCRIPTION_FIELD": tr("Description column"),
            "ADDRESS_FIELD": tr("Address column"),
            "REPORTER_FIELD": tr("Reporter column"),
            "PHONE_FIELD": tr("Reporter phone column"),
            "OBSERVED_FIELD": tr("Time observed column"),
            "X_FIELD": tr("X / longitude column (CSV or a layer without geometry)"),
            "Y_FIELD": tr("Y / latitude column (CSV or a layer without geometry)"),
        }
        for key in self.COLUMNS:
            self.addParameter(QgsProcessingParameterString(key, labels[key], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REJECTED, tr("Rejected rows"), QgsProcessing.TypeVectorPoint, optional=True,
            createByDefault=True))
        for key, label in (("CREATED", tr("Cases created")), ("ALREADY_KNOWN", tr("Already known (re-import)")),
                           ("REJECTED_COUNT", tr("Rejected rows"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # -- the run ----------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        system = SYSTEMS[self.parameterAsEnum(parameters, self.COORDINATES, context)]
        created = known = 0
        with self.store_session(parameters, context, feedback,
                                errors=(TextInputError, ColumnError, chinacoords.CoordinateSystemError)) as store:
            conn = store.conn
            store_crs = QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")
            names, fields, records, raw_crs = self._read(parameters, context, feedback, system)
            columns = self._columns(parameters, context, names, raw_crs is not None)
            feedback.setProgress(20)
            self._check_rows(parameters, context, conn, columns, records)
            feedback.setProgress(40)
            self._locate(conn, context, feedback, records, columns, system, raw_crs, store_crs)
            feedback.setProgress(60)
            rejected = [r for r in records if r.problems]
            if not rejected and records:
                news = [intake.NewReport(**r.report, x=r.point[0], y=r.point[1]) for r in records]
                try:
                    results = intake.report_many(conn, news)
                except StoreError as exc:
                    raise QgsProcessingException(tr("the store refused the import, nothing was written: {error}")
                                                 .format(error=self._which(exc, records))) from exc
                created = sum(1 for _row, new in results if new)
                known = len(results) - created
        feedback.setProgress(90)
        if rejected:
            feedback.reportError(tr("{n} of {total} rows rejected, so nothing was imported (all or nothing): "
                                    "correct them (see the rejects layer) and run the import again").format(
                n=len(rejected), total=len(records)))
            for record in rejected[:SHOWN_REJECTS]:
                feedback.pushWarning(self._reason(record))
            if len(rejected) > SHOWN_REJECTS:
                feedback.pushWarning(tr("… and {n} more rejected rows (see the rejects layer)").format(
                    n=len(rejected) - SHOWN_REJECTS))
        else:
            feedback.pushInfo(tr("{created} cases created, {known} already known (imported before), "
                                 "0 rejected").format(created=created, known=known))
        out = {"CREATED": created, "ALREADY_KNOWN": known, "REJECTED_COUNT": len(rejected)}
        out.update(self._write(parameters, context, fields, store_crs, rejected))
        return out

    @staticmethod
    def _reason(record: Record) -> str:
        return tr("{where}: {what}").format(where=record.ref, what="; ".join(record.problems))

    @staticmethod
    def _which(exc, records: list[Record]) -> str:
        """The store's refusal, with the row when the store says which report it was."""
        index = getattr(exc, "index", None)
        if isinstance(index, int) and 0 <= index < len(records):
            return tr("{where}: {what}").format(where=records[index].ref, what=exc)
        return str(exc)

    # -- reading ----------------------------------------------------------------------------
    def _read(self, parameters, context, feedback, system):
        """(column names, the rejects layer's fields, records, CRS of the geometries or None when the
        position comes from X/Y columns). A layer's geometry gives its position unless X/Y columns
        are chosen explicitly."""
        csv_path = self.parameterAsFile(parameters, self.CSV, context)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if bool(csv_path) == (source is not None):
            raise QgsProcessingException(tr("give either a cases layer or a CSV file"))
        if csv_path:
            with open(csv_path, "rb") as fh:
                data = fh.read()
            mixed = mixed_encoding(data)
            if mixed:
                raise QgsProcessingException(tr(
                    "{file}: mixed encodings: line {utf8} is UTF-8 but line {gbk} is GBK, so part of the file would "
                    "be read wrong whatever the encoding; save the whole file in one encoding (UTF-8 or GBK) and "
                    "import it again").format(file=csv_path.replace("\\", "/").rsplit("/", 1)[-1],
                                              utf8=mixed[0], gbk=mixed[1]))
            table = read_table(csv_path, ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)])
            feedback.pushInfo(tr("Read {n} rows ({encoding})").format(n=len(table.rows), encoding=table.encoding))
            fields = QgsFields()
            for name in table.columns:
                fields.append(QgsField(name, QVariant.String))
            records = [Record(tr("line {line}").format(line=line), row, [row[c] for c in table.columns])
                       for line, row in zip(table.lines, table.rows)]
            return table.columns, fields, records, None
        names = source.fields().names()
        explicit_xy = any(self.parameterAsString(parameters, k, context) for k in ("X_FIELD", "Y_FIELD"))
        use_geometry = source.wkbType() not in (QgsWkbTypes.NoGeometry, QgsWkbTypes.Unknown) and not explicit_xy
        crs = source.sourceCrs() if use_geometry else None
        if crs is not None and system != "store" and not crs.isGeographic():
            raise QgsProcessingException(tr(
                "{layer} is in {crs} (metres), but the coordinates are set to {system} longitude/latitude; choose "
                "“store CRS (a layer: its own CRS)”").format(layer=source.sourceName(), crs=crs.authid(),
                                                            system=system.upper()))
        records = []
        request = QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        for number, feature in enumerate(source.getFeatures(
                request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks), 1):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("canceled; nothing was written"))
            record = Record(tr("row {row}").format(row=number), {n: feature[n] for n in names},
                            list(feature.attributes()))
            if use_geometry:
                geom = feature.geometry()
                if not geom.isNull() and not geom.isEmpty():
                    if geom.type() != QgsWkbTypes.PointGeometry:
                        geom = geom.pointOnSurface()
                    point = geom.vertexAt(0)
                    record.raw = (point.x(), point.y())
            records.append(record)
        feedback.pushInfo(tr("Read {n} rows ({layer})").format(n=len(records), layer=source.sourceName()))
        return names, source.fields(), records, crs

    def _columns(self, parameters, context, names: list[str], from_geometry: bool) -> dict[str, str | None]:
        """Store field key → the input column that holds it (the explicit choice, else by name);
        a required column that cannot be found stops the import before any row is read."""
        lowered = {n.strip().lower(): n for n in names}
        columns: dict[str, str | None] = {}
        for param, key in self.COLUMNS.items():
            explicit = (self.parameterAsString(parameters, param, context) or "").strip()
            if explicit:
                found = explicit if explicit in names else lowered.get(explicit.lower())
                if found is None:
                    raise ColumnError(tr("the input has no column '{column}' (columns: {columns})").format(
                        column=explicit, columns=", ".join(names)))
                columns[key] = found
            else:
                columns[key] = next((lowered[a.lower()] for a in ALIASES[key] if a.lower() in lowered), None)
        required = [("external_id", "EXTERNAL_ID_FIELD"), ("class", "CLASS_FIELD"),
                    ("description", "DESCRIPTION_FIELD")]
        if not from_geometry:
            required += [("x", "X_FIELD"), ("y", "Y_FIELD")]
        missing = [param for key, param in required if columns[key] is None]
        if missing:
            raise ColumnError(tr("the input has no column for {params} (columns: {columns}); name them in these "
                                 "parameters").format(params=", ".join(missing), columns=", ".join(names)))
        if columns["source"] is None and not text(self.parameterAsString(parameters, self.SOURCE, context)):
            raise ColumnError(tr("the input has no source column (columns: {columns}); choose it, or give the "
                                 "source of every row (e.g. 12345热线)").format(columns=", ".join(names)))
        return columns

    # -- checking -----------------------------------------------------------------------------
    def _check_rows(self, parameters, context, conn, columns, records: list[Record]) -> None:
        """Check every row's attributes against the store's sources and classes; fill
        ``record.report`` (NewReport's fields but the position) or ``record.problems``."""
        sources = {s["name"]: s for s in intake.sources(conn)}
        by_code: dict[str, list[dict]] = {}
        by_name: dict[str, list[dict]] = {}
        for row in intake.class_table(conn):
            by_code.setdefault(row["code"], []).append(row)
            by_name.setdefault(row["name"], []).append(row)
        profile = store_profile(conn)
        fixed_source = text(self.parameterAsString(parameters, self.SOURCE, context))
        if fixed_source is not None and fixed_source not in sources:
            raise QgsProcessingException(tr("source '{value}' is not a channel of the store; use one of: {names}")
                                         .format(value=fixed_source, names="、".join(sources)))
        fixed_kind = (None, "event", "component")[self.parameterAsEnum(parameters, self.KIND, context)]
        max_days = intake.observed_max_days(conn)
        now = datetime.now(CST)
        seen: dict[tuple[str, str], str] = {}

        def cell(record, key):
            column = columns.get(key)
            return None if column is None else record.values.get(column)

        for record in records:
            problems = record.problems
            for key in ("external_id", "source", "kind", "class", "description", "address", "reporter", "phone"):
                value = text(cell(record, key))
                if value is not None and "\x00" in value:
                    problems.append(tr("column {column} contains a NUL character (\\0); remove it").format(
                        column=columns[key]))
            external_id = text(cell(record, "external_id"))
            source = text(cell(record, "source")) or fixed_source
            if external_id is None:
                problems.append(tr("no external id (column {column}): every row needs the platform's number, so "
                                   "that a re-import adds nothing").format(column=columns["external_id"]))
            elif len(external_id) > EXTERNAL_ID_MAX:
                problems.append(tr("external id '{value}…' is longer than {n} characters").format(
                    value=external_id[:20], n=EXTERNAL_ID_MAX))
            if source is None:
                problems.append(tr("no source: fill the column {column} or give the source of rows without one")
                                .format(column=columns["source"]))
            elif source not in sources:
                problems.append(tr("source '{value}' is not a channel of the store; use one of: {names}").format(
                    value=source, names="、".join(sources)))
            if external_id is not None and source is not None:
                first = seen.setdefault((source, external_id), record.ref)
                if first != record.ref:
                    problems.append(tr("external id '{value}' of {source} is also in {first}: one row per case")
                                    .format(value=external_id, source=source, first=first))
            kind, class_code = self._class(record, cell(record, "kind"), cell(record, "class"), fixed_kind,
                                           by_code, by_name, profile)
            description = text(cell(record, "description"))
            if description is None:
                problems.append(tr("no description (column {column}): say what the problem is").format(
                    column=columns["description"]))
            reporter, phone = text(cell(record, "reporter")), text(cell(record, "phone"))
            if source in sources and sources[source].get("needs_reporter") and (reporter is None or phone is None):
                problems.append(tr("{source} is a public channel: the reporter's name and phone are required "
                                   "(columns {reporter} and {phone}); fill them or choose the source the report "
                                   "really came through").format(
                    source=source, reporter=columns["reporter"] or tr("(none)"),
                    phone=columns["phone"] or tr("(none)")))
            if phone is not None and not PHONE.match(phone):
                problems.append(tr("phone '{value}' is not a phone number (digits, + - ( ) and spaces, 3 to 40 "
                                   "characters)").format(value=phone))
            if reporter is not None and len(reporter) > REPORTER_MAX:
                problems.append(tr("reporter name longer than {n} characters").format(n=REPORTER_MAX))
            observed = self._observed(cell(record, "observed"), columns["observed"], now, max_days, problems)
            record.report = {
                "source": source, "kind": kind, "class_code": class_code, "description": description,
                "address": text(cell(record, "address")), "reporter": reporter, "reporter_phone": phone,
                "observed_at": observed, "external_id": external_id}

    @staticmethod
    def _class(record, kind_value, class_value, fixed_kind, by_code, by_name, profile):
        """(kind, class code) of a row, or (None, None) with the problem noted."""
        kind = fixed_kind
        raw_kind = text(kind_value)
        if raw_kind is not None:
            kind = KIND_WORDS.get(raw_kind.lower())
            if kind is None:
                record.problems.append(tr("kind '{value}' is neither event (事件) nor component (部件)").format(
                    value=raw_kind))
                return None, None
        raw = text(class_value)
        if raw is None:
            record.problems.append(tr("no class: give a class code or a Chinese class name"))
            return kind, None
        matches = by_code.get(raw, []) + [m for m in by_name.get(raw, []) if m not in by_code.get(raw, [])]
        if kind is not None:
            matches = [m for m in matches if m["kind"] == kind]
        if not matches:
            record.problems.append(tr("class '{value}' is neither a class code nor a class name of profile "
                                      "{profile}{kind}; use a class of the store's class table").format(
                value=raw, profile=profile,
                kind=f" ({tr('event') if kind == 'event' else tr('component')})" if kind else ""))
            return kind, None
        if len({(m["kind"], m["code"]) for m in matches}) > 1:
            record.problems.append(tr("class '{value}' is ambiguous ({choices}); give the kind (event or "
                                      "component) or the class code").format(
                value=raw, choices=", ".join(f"{tr('event') if m['kind'] == 'event' else tr('component')} "
                                             f"{m['code']} {m['name']}" for m in matches)))
            return kind, None
        return matches[0]["kind"], matches[0]["code"]

    @staticmethod
    def _observed(value, column, now, max_days, problems) -> datetime | None:
        try:
            observed = parse_time(value)
        except ValueError:
            problems.append(tr("time '{value}' (column {column}) is not a date and time; write it as "
                               "2026-12-06 14:30").format(value=text(value), column=column))
            return None
        if observed is None:
            return None
        if observed > now + timedelta(minutes=5):
            problems.append(tr("time {value} (column {column}) is in the future; check the date").format(
                value=f"{observed.astimezone(CST):%Y-%m-%d %H:%M}", column=column))
        elif observed < now - timedelta(days=max_days):
            problems.append(tr("time {value} (column {column}) is more than {days:g} days ago, longer than the store "
                               "accepts (setting observed_max_days): import the export while it is recent, or leave "
                               "the time column out").format(
                value=f"{observed.astimezone(CST):%Y-%m-%d %H:%M}", column=column, days=max_days))
        return observed

    def _locate(self, conn, context, feedback, records, columns, system, raw_crs, store_crs) -> None:
        """Take each row's position to the store CRS (checking swapped and implausible coordinates),
        then ask the store for the unit grid of every point in one round trip."""
        extent = intake.district_extent(conn)
        degrees = system != "store" or (raw_crs is not None and raw_crs.isGeographic())
        if system == "store":
            source_crs = raw_crs or store_crs
        else:
            source_crs = QgsCoordinateReferenceSystem("EPSG:4326")
            feedback.pushInfo(tr("Coordinates: {system} longitude/latitude, converted to WGS84 (published formulas, "
                                 "typically within 1–2 m of the true position), then to {dst}").format(
                system=system.upper(), dst=store_crs.authid()))
        xform = None if source_crs == store_crs else QgsCoordinateTransform(source_crs, store_crs,
                                                                               context.transformContext())

        def inside(x, y):
            return extent is not None and extent[0] <= x <= extent[2] and extent[1] <= y <= extent[3]

        for record in records:
            if raw_crs is None:   # from the X/Y columns
                vx, vy = record.values.get(columns["x"]), record.values.get(columns["y"])
                x, y = as_number(vx), as_number(vy)
                if x is None or y is None:
                    record.problems.append(tr("no position: the columns {x_column} and {y_column} hold '{x}' and "
                                              "'{y}', not two numbers").format(
                        x_column=columns["x"], y_column=columns["y"], x=text(vx) or "", y=text(vy) or ""))
                    continue
                record.raw = (x, y)
            elif record.raw is None:
                record.problems.append(tr("no position: the feature has no geometry"))
                continue
            problem, point = self._position(record.raw, degrees, system, xform, inside, store_crs)
            if problem:
                record.problems.append(problem)
            else:
                record.point = point
        located = [r for r in records if r.point is not None]
        codes = intake.grid_codes(conn, [r.point for r in located]) if located else []
        for record, code in zip(located, codes):
            if code is None:
                record.problems.append(tr(
                    "the position ({x:.1f}, {y:.1f} in {crs}) is outside every unit grid of the district; check "
                    "the coordinates and the coordinate system (store CRS, WGS84, GCJ-02 or BD-09)").format(
                    x=record.point[0], y=record.point[1], crs=store_crs.authid()))

    @staticmethod
    def _position(raw, degrees, system, xform, inside, store_crs):
        """(problem, None) or (None, (x, y) in the store CRS) of raw input coordinates."""
        a, b = raw
        if degrees:
            if not in_china(a, b) and in_china(b, a):
                return tr("coordinates ({x}, {y}) look swapped: the latitude and longitude columns are exchanged "
                          "(in China the longitude is 73–135, the latitude 18–54); exchange the X and Y "
                          "columns").format(x=a, y=b), None
            if abs(a) > 180 or abs(b) > 90:
                return tr("coordinates ({x}, {y}) are not longitude/latitude (metres?); choose the coordinates "
                          "“store CRS”").format(x=a, y=b), None
            if system in ("gcj02", "bd09"):
                a, b = chinacoords.to_wgs84(a, b, system)
        elif abs(a) <= 180 and abs(b) <= 90 and not inside(a, b):
            return tr("coordinates ({x}, {y}) look like longitude/latitude, not {crs} metres; choose WGS84, GCJ-02 "
                      "or BD-09 as the coordinates of the input").format(x=a, y=b, crs=store_crs.authid()), None
        point = QgsPointXY(a, b)
        if xform is not None:
            try:
                point = xform.transform(point)
            except QgsCsException:
                return tr("coordinates ({x}, {y}) cannot be reprojected to {crs}; are they really in the chosen "
                          "coordinates?").format(x=raw[0], y=raw[1], crs=store_crs.authid()), None
        if not degrees and not inside(point.x(), point.y()) and inside(point.y(), point.x()):
            return tr("coordinates ({x}, {y}) look swapped: X and Y are exchanged; exchange the X and Y "
                      "columns").format(x=raw[0], y=raw[1]), None
        return None, (point.x(), point.y())

    # -- the rejects layer ------------------------------------------------------------------
    def _write(self, parameters, context, source_fields: QgsFields, crs, rejected: list[Record]) -> dict:
        fields = QgsFields(source_fields)
        reason = "reason" if fields.indexOf("reason") < 0 else "reject_reason"
        fields.append(QgsField(reason, QVariant.String))
        sink, dest = self.parameterAsSink(parameters, self.REJECTED, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            return {}
        for record in rejected:
            feature = QgsFeature(fields)
            feature.setAttributes([*record.attributes, self._reason(record)])
            if record.point is not None:
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*record.point)))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return {self.REJECTED: dest}
