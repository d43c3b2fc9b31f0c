"""The patrol package (巡查数据包) of a supervisor's handheld (城管通 on QField): what is in it, named
once for the package builder (citygrid:patrolpackage), the QField checker, the sync
(citygrid:patrolsync) and the tests that edit a package as QField would.

A package is a folder, for one supervisor::

    <folder>/patrol.qgz          the project QField (and QGIS) opens as is
    <folder>/patrol.gpkg         every layer below, in the store's CRS
    <folder>/DCIM/               photos taken in the field (attachment widgets, paths relative
                                 to the project: "DCIM/<file>.jpg")
    <folder>/photos/             the tasks' report photos, exported from the store (read-only)

Layers and tables of patrol.gpkg (fields: name, OGR type; QField fills the defaults):

- ``grids`` (Polygon): the unit grids around the supervisor's; ``mine`` = 1 for his own.
- ``components`` (Point): the census components there, with their codes (for a component report).
- ``basemap_polygon`` / ``basemap_line`` / ``basemap_text``: the 1:500 base map around his grids.
- ``reports`` (Point): new reports; ``uid`` (a UUID, default ``uuid()``), ``kind`` (event or
  component), ``class_code`` (a value relation to ``classes`` filtered by kind), ``component_code``
  (optional), ``description``, ``photo_1`` … ``photo_3`` (attachments under DCIM/),
  ``observed_at`` (default ``now()``), ``author`` (default ``@citygrid_login``, a project
  variable), ``accuracy_m`` (default ``@position_horizontal_accuracy``), ``urgent``.
- ``tasks`` (Point): his open verify (核实) and check (核查) tasks: ``case_id``, ``case_no``, ``task``
  (verify or check), ``class_code``, ``class_name``, ``description``, ``address``, ``deadline``,
  ``report_photo`` (photos/<file>, read-only), ``version`` (the case's version when packed), and
  what he records: ``verdict`` (verify: confirmed / not_confirmed; check: fixed / not_fixed),
  ``note``, ``photo`` (attachment under DCIM/), ``done_at`` (default ``now()``), ``uid``.
- ``tracks`` (LineStringM): QField's position tracking; M is the time since the Unix epoch (UTC):
  seconds, as the package asks QField to write it, or milliseconds, QField's default (the sync
  reads both: values above 1e11 are milliseconds); ``uid``, ``author``.
- ``classes`` (no geometry): kind, code, name, major_name — the value relation's source.
- ``_citygrid_patrol`` (no geometry, one row): package_id, store_id, login, created_at, grids
  (comma separated), format.
- ``_citygrid_conflicts`` (no geometry, written by the sync): verdicts the store could not take
  because the case moved on (who did what when), kept for the supervisor and the shift leader.
- ``_citygrid_synced`` (no geometry): uid, what (report, verdict, track), synced_at, result (the
  case number or the conflict) — what a sync already carried into the store; the next sync
  skips them (and the store refuses duplicates anyway: a report's uid is its external id).
"""
from __future__ import annotations

FORMAT = 1
PROJECT = "patrol.qgz"
GPKG = "patrol.gpkg"
DCIM = "DCIM"
PHOTOS = "photos"
LOGIN_VARIABLE = "citygrid_login"

GRIDS = "grids"
COMPONENTS = "components"
REPORTS = "reports"
TASKS = "tasks"
TRACKS = "tracks"
CLASSES = "classes"
PACKAGE_TABLE = "_citygrid_patrol"
SYNCED_TABLE = "_citygrid_synced"
BASEMAP_LAYERS = ("basemap_polygon", "basemap_line", "basemap_text")

PHOTO_FIELDS = ("photo_1", "photo_2", "photo_3")
# (name, OGR type name) per layer, in order
REPORT_FIELDS = [("uid", "String"), ("kind", "String"), ("class_code", "String"), ("component_code", "String"),
                 ("description", "String"), *((p, "String") for p in PHOTO_FIELDS), ("observed_at", "DateTime"),
                 ("author", "String"), ("accuracy_m", "Real"), ("urgent", "Integer")]
TASK_FIELDS = [("case_id", "Integer64"), ("case_no", "String"), ("task", "String"), ("class_code", "String"),
               ("class_name", "String"), ("description", "String"), ("address", "String"), ("deadline", "DateTime"),
               ("report_photo", "String"), ("version", "Integer"), ("verdict", "String"), ("note", "String"),
               ("photo", "String"), ("done_at", "DateTime"), ("uid", "String")]
TRACK_FIELDS = [("uid", "String"), ("author", "String")]
GRID_FIELDS = [("code", "String"), ("street", "String"), ("community", "String"), ("mine", "Integer")]
CLASS_FIELDS = [("kind", "String"), ("code", "String"), ("name", "String"), ("major_name", "String")]
PACKAGE_FIELDS = [("package_id", "String"), ("store_id", "String"), ("login", "String"), ("created_at", "DateTime"),
                  ("grids", "String"), ("format", "Integer")]
SYNCED_FIELDS = [("uid", "String"), ("what", "String"), ("synced_at", "DateTime"), ("result", "String")]

TASKS_BY_STATE = {"to_verify": "verify", "handled": "check"}
# a verdict → the workflow action the sync takes in the supervisor's name
VERDICTS = {
    "verify": {"confirmed": "verify", "not_confirmed": "cancel"},
    "check": {"fixed": "check_ok", "not_fixed": "rework"},
}
VERDICT_ZH = {"confirmed": "属实", "not_confirmed": "不属实", "fixed": "已处置到位", "not_fixed": "未处置到位"}
MAX_SPEED_KMH = 120.0    # a track faster than this between two points is a jump (GPS error), not walking

# -- added by the package builder (citygrid:patrolpackage) ------------------------------------------
MARGIN_M = 100.0         # components and base map: his grids' extent grown by this much
COMPONENT_FIELDS = [("code", "String"), ("class_code", "String"), ("class_name", "String"), ("name", "String"),
                    ("state", "String"), ("grid_code", "String")]   # a line or area component: its inner point
BASEMAP_FIELDS = {"basemap_polygon": [("kind", "String")], "basemap_line": [("kind", "String")],
                  "basemap_text": [("kind", "String"), ("text", "String"), ("height", "Real"), ("angle", "Real")]}
KIND_ZH = {"event": "事件", "component": "部件"}
TASK_ZH = {"verify": "核实", "check": "核查"}
