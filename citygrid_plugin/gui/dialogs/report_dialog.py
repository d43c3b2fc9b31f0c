"""The report dialog (受理登记) of the supervision centre: an operator (受理员/接线员), a shift
leader or a supervisor puts a case into the store.

Where: a click on the map (:class:`~citygrid_plugin.gui.maptools.report_point.ReportPointTool`
feeds :meth:`ReportDialog.set_point`), a typed grid code, or a census component near the click
(picking it fills kind, class and component code and shows its owner, 先属主). The address is
proposed by the store (nearest named road and community) and stays editable. What: event or
component, a class found by its Chinese name or code with its time limits (the urgent ones when
紧急 is ticked) and its situations (情形), the class's 立案标准 from the command manual (指挥手册; its
管理要点 folded away, a click opens them) so the operator sees whether the problem is a case at
all, a description, photos. Who: the source (来源); a public channel needs the
reporter's name and phone. Before saving, cases of the same class nearby are listed; the report
may be attached to one of them (kept as an additional report) instead of opening a new case.

The dialog is thin: every rule is the store's (store.intake, store.photos); a refusal is shown in
the dialog's message bar and nothing typed is lost. It stays open (non-modal) so the operator can
click the map again to move the point. Sources, classes and departments are read once per store
session, so the dialog opens at once; a class's manual page and limits are read when it is picked
(the manual changes while QGIS runs: an administrator imports a new version).

(Longer than 500 lines on purpose: one form whose parts — place, class, photos, duplicates —
read and update the same state.)
"""
from __future__ import annotations

import weakref
from datetime import datetime

from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsSettings
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QModelIndex, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon, QPixmap, QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.textsafe import html_text
from ...core.workflow import role_label, state_label
from ...store import intake, photos
from ...store import manual as store_manual
from ...store.cases import departments
from ...store.db import StoreError
from ...store.migrate import store_srid
from ..manual_view import STAGES, StandardBox, entry_text, limits_text, standard_title, variant_text
from ..manual_view import stage_label as _stage_label
from ..photos import decode
from ..session import StoreSession

REPORT_ROLES = ("operator", "shift_leader", "supervisor")   # the supervision centre's roles that take reports
KINDS = ("event", "component")
SOURCE_SETTING = "citygrid/report/source"                             # the source used last
LAST_DIR_SETTING = "citygrid/report/photo_dir"
THUMB = 72          # photo thumbnails (px)
DUP_THUMB = 40      # duplicates' photo thumbnails (px)
CODE_ROLE = Qt.UserRole
REQUIRED = " <span style='color:#c0392b'>*</span>"
DUP_COLUMNS = ("photo", "case_no", "state", "distance", "reported_at", "description")

# what the dialog reads once per store session: sources, classes, departments, the store's CRS
_LISTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def kind_label(kind: str) -> str:
    return {"event": tr("Event"), "component": tr("Component")}.get(kind, kind)


def stage_label(stage: str) -> str:
    return _stage_label(stage)


def dup_title(column: str) -> str:
    return {"photo": tr("Photo"), "case_no": tr("Case no."), "state": tr("State"), "distance": tr("Distance"),
            "reported_at": tr("Reported on"), "description": tr("Description")}[column]


def class_limits_text(limits: dict) -> str:
    """"处置 4 工作时 · 核查 30 分钟 …" in workflow order ("—" without any)."""
    return limits_text(limits, STAGES) or "—"


def short_date(at) -> str:
    """"12-06" this year, "2025-12-06" before (the duplicates' column stays narrow)."""
    if at is None:
        return ""
    return f"{at:%m-%d}" if at.year == datetime.now(at.tzinfo).year else f"{at:%Y-%m-%d}"


def thumbnail(content: bytes, size: int) -> QPixmap | None:
    """A photo scaled down for a list, upright (None when Qt cannot read it)."""
    image = decode(content, size)
    return None if image.isNull() else QPixmap.fromImage(image)


def session_lists(session: StoreSession) -> dict:
    """Sources, classes (per kind), department names and the store CRS, read once per session
    (a class's limits and manual page are read by the dialog as the class is picked)."""
    lists = _LISTS.get(session)
    if lists is None:
        conn = session.conn
        lists = {"sources": intake.sources(conn),
                 "classes": {kind: intake.classes(conn, kind, "", limit=None) for kind in KINDS},
                 "departments": dict(departments(conn)),
                 "srid": store_srid(conn)}
        _LISTS[session] = lists
    return lists


class ReportDialog(QDialog):
    """受理登记. *store*: the plugin's shared :class:`StoreSession`, or a StoreTarget for a dialog
    with a session of its own (closed with the dialog).

    ``point_changed(x, y)`` when the report's point moves (store CRS: the map tool's marker
    follows); ``reported(case_id, case_no)`` when a new case was saved; ``attached(case_id,
    report_id)`` when the report was kept as an additional report of an existing case."""

    point_changed = pyqtSignal(float, float)
    reported = pyqtSignal(int, str)
    attached = pyqtSignal(int, int)

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        if isinstance(store, StoreSession):
            self.session, self.own_session = store, False
        else:
            self.session, self.own_session = StoreSession(store, live=False), True
        self.setObjectName("CityGridReportDialog")
        self.setWindowTitle(tr("Report a case"))
        self.setModal(False)
        self.setMinimumWidth(960)
        self.lists = session_lists(self.session)
        if not self.lists["srid"]:
            raise StoreError(tr("The store has no coordinate reference system: create or upgrade the store first"))
        self.crs = QgsCoordinateReferenceSystem(f"EPSG:{self.lists['srid']}")
        self.point: tuple[float, float] | None = None
        self.location: dict | None = None     # intake.locate of the point (None: outside every grid)
        self.nearby: list[dict] = []          # components near the last click
        self.component: dict | None = None    # the component picked
        self.cls: dict | None = None          # the class picked
        self.limits: dict = {}                # (kind, class code) -> (normal, urgent), read when picked
        self.entries: dict = {}               # (kind, class code) -> its manual page (ClassEntry or None)
        self.photos: list[photos.Photo] = []
        self.duplicates: list[dict] = []
        self.case_no: str | None = None       # the number of the case saved
        self._proposed_address = ""
        self._shut = False

        # two columns, so the dialog fits a laptop screen beside the map: where and what on the
        # left, the evidence and the cases it may repeat on the right
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)   # a class's manual page grows the form: so does the window
        self.bar = QgsMessageBar(self)
        self.bar.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        layout.addWidget(self.bar)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._source_box())
        left.addWidget(self._place_box())
        left.addWidget(self._class_box())
        left.addStretch(1)
        right.addWidget(self._photo_box())
        right.addWidget(self._manual_box())
        right.addWidget(self._duplicate_box(), 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Close)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(tr("Save the report"))
        self.ok_button.setObjectName("report")
        self.buttons.button(QDialogButtonBox.Close).setText(tr("Close the form"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._source_changed()
        self._kind_changed()
        self._show_place()
        self._show_duplicates()
        self.resize(self.sizeHint().expandedTo(QSize(980, 700)))

    # -- building ----------------------------------------------------------------------------------
    def _label(self, text: str, required: bool = False) -> QLabel:
        label = QLabel(html_text(text) + (REQUIRED if required else ""))
        label.setTextFormat(Qt.RichText)
        return label

    def _source_box(self) -> QGroupBox:
        box = QGroupBox(tr("Source and reporter"))
        form = QFormLayout(box)
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("source")
        roles = set(self.session.roles)
        last = QgsSettings().value(SOURCE_SETTING, "") or ""
        first = -1
        for source in self.lists["sources"]:
            self.source_combo.addItem(source["name"], source)
            index = self.source_combo.count() - 1
            role = source.get("reporter_role")
            if role and role not in roles:
                item = self.source_combo.model().item(index)
                item.setEnabled(False)
                item.setToolTip(tr("Only the role {role} reports under this source").format(role=role_label(role)))
            elif first < 0 or source["name"] == last:
                first = index
        self.source_combo.setCurrentIndex(max(first, 0))
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        form.addRow(self._label(tr("Source"), True), self.source_combo)
        self.reporter_edit = QLineEdit()
        self.reporter_edit.setObjectName("reporter")
        self.reporter_edit.setPlaceholderText(tr("name of the person reporting"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("reporter_phone")
        self.phone_edit.setPlaceholderText(tr("phone number to call back"))
        self.reporter_label = self._label(tr("Reporter's name"), True)
        self.phone_label = self._label(tr("Phone"), True)
        self.reporter_row = QWidget()
        row = QHBoxLayout(self.reporter_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reporter_edit, 1)
        row.addWidget(self.phone_label)
        row.addWidget(self.phone_edit, 1)
        form.addRow(self.reporter_label, self.reporter_row)
        self.external_edit = QLineEdit()
        self.external_edit.setObjectName("external_id")
        self.external_edit.setMaxLength(100)
        self.external_edit.setPlaceholderText(tr("the hotline's work-order number, if it has one (optional)"))
        self.external_edit.setToolTip(tr("A work order already in the store is not registered twice: the case "
                                         "that holds it is shown instead."))
        form.addRow(self._label(tr("Work order")), self.external_edit)
        return box

    def _place_box(self) -> QGroupBox:
        box = QGroupBox(tr("Location"))
        form = QFormLayout(box)
        self.place_label = QLabel()
        self.place_label.setObjectName("place")
        self.place_label.setTextFormat(Qt.PlainText)
        self.place_label.setWordWrap(True)
        form.addRow(self._label(tr("Point"), True), self.place_label)
        grid_row = QHBoxLayout()
        self.grid_edit = QLineEdit()
        self.grid_edit.setObjectName("grid_code")
        self.grid_edit.setPlaceholderText(tr("or type a grid code (15 digits)"))
        self.grid_edit.setMaxLength(15)
        self.grid_edit.returnPressed.connect(self.go_to_grid)
        self.grid_button = QPushButton(tr("Go to grid"))
        self.grid_button.setAutoDefault(False)
        self.grid_button.clicked.connect(self.go_to_grid)
        grid_row.addWidget(self.grid_edit, 1)
        grid_row.addWidget(self.grid_button)
        form.addRow(self._label(tr("Grid")), grid_row)
        component_row = QHBoxLayout()
        self.component_combo = QComboBox()
        self.component_combo.setObjectName("components")
        self.component_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.component_combo.setMinimumContentsLength(20)
        self.pick_button = QPushButton(tr("Use this component"))
        self.pick_button.setObjectName("pick_component")
        self.pick_button.setAutoDefault(False)
        self.pick_button.clicked.connect(self.pick_component)
        component_row.addWidget(self.component_combo, 1)
        component_row.addWidget(self.pick_button)
        form.addRow(self._label(tr("Component")), component_row)
        self.owner_label = QLabel()
        self.owner_label.setObjectName("owner")
        self.owner_label.setTextFormat(Qt.PlainText)
        self.owner_label.setWordWrap(True)
        form.addRow("", self.owner_label)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("address")
        self.address_edit.setPlaceholderText(tr("proposed from the map; edit as needed"))
        form.addRow(self._label(tr("Address")), self.address_edit)
        return box

    def _class_box(self) -> QGroupBox:
        box = QGroupBox(tr("Problem"))
        form = QFormLayout(box)
        kinds = QHBoxLayout()
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for kind in KINDS:
            button = QRadioButton(kind_label(kind))
            button.setObjectName(f"kind_{kind}")
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)
        self.kind_buttons["event"].setChecked(True)
        self.kind_group.buttonClicked.connect(lambda _b: self._kind_changed())
        kinds.addStretch(1)
        self.urgent_check = QCheckBox(tr("Urgent"))
        self.urgent_check.setObjectName("urgent")
        self.urgent_check.setToolTip(tr("Urgent cases run on their own, shorter time limits"))
        self.urgent_check.toggled.connect(self._show_class)
        kinds.addWidget(self.urgent_check)
        form.addRow(self._label(tr("Kind"), True), kinds)
        self.class_edit = QLineEdit()
        self.class_edit.setObjectName("class")
        self.class_edit.setPlaceholderText(tr("type a Chinese name or code, then pick"))
        self.class_edit.setClearButtonEnabled(True)
        self.class_model = QStandardItemModel(self)
        self.completer = QCompleter(self.class_model, self)
        self.completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchContains)
        self.completer.setCompletionMode(QCompleter.PopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated[QModelIndex].connect(self._class_activated)
        self.class_edit.setCompleter(self.completer)
        self.class_edit.textEdited.connect(self._class_edited)
        self.class_edit.editingFinished.connect(self._class_typed)
        form.addRow(self._label(tr("Class"), True), self.class_edit)
        self.limits_label = QLabel()
        self.limits_label.setObjectName("limits")
        self.limits_label.setTextFormat(Qt.PlainText)
        self.limits_label.setWordWrap(True)
        form.addRow(self._label(tr("Time limits")), self.limits_label)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("description")
        self.description_edit.setPlaceholderText(tr("what, where exactly, since when"))
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.description_edit.fontMetrics().lineSpacing() * 3 + 14)
        form.addRow(self._label(tr("Description"), True), self.description_edit)
        return box

    def _manual_box(self) -> QGroupBox:
        """The command manual's page of the class (指挥手册): is this a case at all (立案标准), and
        what matters (管理要点, folded away)."""
        box = QGroupBox(tr("Command manual"))
        layout = QVBoxLayout(box)
        self.register_box = StandardBox(standard_title("register"), "register_standard", lines=3)
        layout.addWidget(self.register_box)
        self.points_button = QToolButton()
        self.points_button.setObjectName("points_toggle")
        self.points_button.setText(standard_title("points"))
        self.points_button.setCheckable(True)
        self.points_button.setAutoRaise(True)
        self.points_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.points_button.setArrowType(Qt.RightArrow)
        self.points_button.toggled.connect(self._points_toggled)
        layout.addWidget(self.points_button, 0, Qt.AlignLeft)
        self.points_box = StandardBox(standard_title("points"), "points", lines=3)
        self.points_box.heading.hide()      # the toggle above is its heading
        self.points_box.setVisible(False)
        layout.addWidget(self.points_box)
        return box

    def _photo_box(self) -> QGroupBox:
        box = QGroupBox(tr("Photos"))
        row = QHBoxLayout(box)
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("photos")
        self.photo_list.setViewMode(QListView.IconMode)
        self.photo_list.setFlow(QListView.LeftToRight)
        self.photo_list.setWrapping(False)
        self.photo_list.setMovement(QListView.Static)
        self.photo_list.setIconSize(QSize(THUMB, THUMB))
        self.photo_list.setGridSize(QSize(THUMB + 28, THUMB + self.fontMetrics().height() + 10))
        self.photo_list.setTextElideMode(Qt.ElideMiddle)
        self.photo_list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.photo_list.setFixedHeight(THUMB + self.fontMetrics().height() + 30)
        row.addWidget(self.photo_list, 1)
        buttons = QVBoxLayout()
        self.add_photo_button = QPushButton(tr("Add photos…"))
        self.add_photo_button.setObjectName("add_photos")
        self.add_photo_button.setAutoDefault(False)
        self.add_photo_button.clicked.connect(self.add_photos)
        self.remove_photo_button = QPushButton(tr("Remove"))
        self.remove_photo_button.setObjectName("remove_photos")
        self.remove_photo_button.setAutoDefault(False)
        self.remove_photo_button.clicked.connect(self.remove_photos)
        self.photo_list.itemSelectionChanged.connect(
            lambda: self.remove_photo_button.setEnabled(bool(self.photo_list.selectedItems())))
        self.remove_photo_button.setEnabled(False)
        buttons.addWidget(self.add_photo_button)
        buttons.addWidget(self.remove_photo_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        return box

    def _duplicate_box(self) -> QGroupBox:
        self.duplicate_box = QGroupBox(tr("Possible duplicates"))
        layout = QVBoxLayout(self.duplicate_box)
        self.duplicate_hint = QLabel()
        self.duplicate_hint.setTextFormat(Qt.PlainText)
        self.duplicate_hint.setWordWrap(True)
        layout.addWidget(self.duplicate_hint)
        self.duplicate_table = QTableWidget(0, len(DUP_COLUMNS))
        self.duplicate_table.setObjectName("duplicates")
        self.duplicate_table.setHorizontalHeaderLabels([dup_title(c) for c in DUP_COLUMNS])
        self.duplicate_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.duplicate_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.duplicate_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.duplicate_table.setWordWrap(False)
        self.duplicate_table.verticalHeader().hide()
        self.duplicate_table.verticalHeader().setDefaultSectionSize(DUP_THUMB + 6)
        self.duplicate_table.setIconSize(QSize(DUP_THUMB, DUP_THUMB))
        self.duplicate_table.setTextElideMode(Qt.ElideRight)
        self.duplicate_table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        font = self.duplicate_table.font()   # dense, as the case queue: the number and the facts fit
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.9)
        self.duplicate_table.setFont(font)
        header = self.duplicate_table.horizontalHeader()
        for index, column in enumerate(DUP_COLUMNS):
            header.setSectionResizeMode(index, QHeaderView.Stretch if column == "description"
                                        else QHeaderView.ResizeToContents)
        self.duplicate_table.setMinimumHeight(header.sizeHint().height() + 3 * (DUP_THUMB + 6) + 4)
        self.duplicate_table.itemSelectionChanged.connect(self._duplicate_selected)
        layout.addWidget(self.duplicate_table)
        row = QHBoxLayout()
        row.addStretch(1)
        self.attach_button = QPushButton(tr("Attach to this case"))
        self.attach_button.setObjectName("attach")
        self.attach_button.setAutoDefault(False)
        self.attach_button.setToolTip(tr("Keep this report as an additional report of the selected case "
                                         "instead of opening a new case"))
        self.attach_button.clicked.connect(self.attach)
        row.addWidget(self.attach_button)
        layout.addLayout(row)
        return self.duplicate_box

    # -- messages ------------------------------------------------------------------------------------
    def refuse(self, text: str) -> None:
        """A refusal or a missing input, in the message bar (escaped: it may quote what was typed)."""
        self.bar.clearWidgets()
        self.bar.pushMessage(tr("Not saved"), html_text(text), Qgis.Warning, 0)

    def warn(self, text: str) -> None:
        self.bar.clearWidgets()
        self.bar.pushMessage(html_text(text), Qgis.Warning, 0)

    def messages(self) -> list[str]:
        """The texts shown in the message bar now (what a person reads there)."""
        return [item.text() for item in self.bar.items()]

    def _failed(self, exc: StoreError) -> str:
        return self.session.failed(exc)

    # -- source --------------------------------------------------------------------------------------
    def source(self) -> dict:
        return self.source_combo.currentData() or {}

    def _source_changed(self) -> None:
        """A public channel needs the reporter's name and phone: the fields show, marked required."""
        needs = bool(self.source().get("needs_reporter"))
        self.reporter_label.setVisible(needs)
        self.reporter_row.setVisible(needs)
        self.reporter_edit.setProperty("required", needs)
        self.phone_edit.setProperty("required", needs)

    def reporter_required(self) -> bool:
        return bool(self.source().get("needs_reporter"))

    # -- place ---------------------------------------------------------------------------------------
    def set_point(self, x: float, y: float, metres: float | None = None) -> None:
        """The problem is at (*x*, *y*) (store CRS): propose its address, list the components
        within *metres* (a click's few pixels; None: none looked up) and the possible duplicates."""
        self.point = (float(x), float(y))
        self.component = None
        self.nearby = []
        self.bar.clearWidgets()
        try:
            if metres is not None:
                self.nearby = intake.components_near(self.session.conn, x, y, metres)
            self.location = intake.locate(self.session.conn, x, y)
        except StoreError as exc:
            self.location = None
            self.warn(self._failed(exc))
        if self.location is not None:
            self._propose_address(self.location.get("address") or "")
            self.grid_edit.setText(self.location.get("grid_code") or "")
        self._show_place()
        self.point_changed.emit(*self.point)
        self._refresh_duplicates()

    def _propose_address(self, address: str) -> None:
        """The store's proposal replaces the address unless the person has edited it."""
        current = self.address_edit.text().strip()
        if not current or current == self._proposed_address:
            self.address_edit.setText(address)
        self._proposed_address = address

    def go_to_grid(self) -> None:
        """The point inside the grid typed (for a caller who names the grid, not the place)."""
        code = self.grid_edit.text().strip()
        if not code:
            return
        try:
            point = intake.grid_point(self.session.conn, code)
        except StoreError as exc:
            self.warn(self._failed(exc))
            return
        if point is None:
            self.warn(tr("No active unit grid has the code {code}: check the code (15 digits) or click the "
                         "map").format(code=code))
            return
        self.set_point(*point)

    def _show_place(self) -> None:
        if self.point is None:
            self.place_label.setText(tr("Click the map where the problem is, or type a grid code."))
        else:
            x, y = self.point
            text = tr("x {x:.1f}  y {y:.1f}").format(x=x, y=y)
            if self.location is not None:
                parts = [self.location.get("street_name"), self.location.get("community_name")]
                text += " · " + tr("grid {grid}").format(grid=self.location.get("grid_code")) + " · " + \
                    "".join(p for p in parts if p)
            else:
                text += " · " + tr("outside every grid")
            self.place_label.setText(text)
        self.component_combo.clear()
        for found in self.nearby:
            self.component_combo.addItem(tr("{name} · {metres:.0f} m · {code}").format(
                name=found["class_name"], code=found["code"], metres=found["distance_m"]), found["code"])
        if not self.nearby:
            self.component_combo.addItem(tr("no component near the point clicked"))
        self.component_combo.setEnabled(bool(self.nearby))
        self.pick_button.setEnabled(bool(self.nearby))
        self._show_owner()

    def _department(self, code: str | None) -> str:
        if not code:
            return "—"
        name = self.lists["departments"].get(code)
        return f"{name} ({code})" if name else code

    def _show_owner(self) -> None:
        if self.component is None:
            self.owner_label.setText("")
            self.owner_label.setVisible(False)
            return
        self.owner_label.setVisible(True)
        owner, name = self.component.get("owner"), self.component.get("owner_name")
        self.owner_label.setText(tr("Component {code}; owner (先属主): {owner}").format(
            code=self.component["code"], owner=f"{name} ({owner})" if name else self._department(owner)))

    def pick_component(self) -> None:
        """The component chosen is the problem: kind, class and code from the census, its owner shown."""
        code = self.component_combo.currentData()
        found = next((c for c in self.nearby if c["code"] == code), None)
        if found is None:
            return
        nearby = self.nearby
        if (found.get("x"), found.get("y")) != (None, None):
            self.set_point(found["x"], found["y"])  # the case sits on the component
        self.nearby = nearby
        self.component = found
        self.kind_buttons["component"].setChecked(True)
        self._kind_changed(keep_component=True)
        cls = next((c for c in self.lists["classes"]["component"] if c["code"] == found["class_code"]), None)
        self._pick_class(cls or {"kind": "component", "code": found["class_code"], "name": found["class_name"],
                                 "major_name": ""}, keep_component=True)
        self._show_place()
        self.component_combo.setCurrentIndex(max(0, self.component_combo.findData(code)))

    # -- class ---------------------------------------------------------------------------------------
    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def _kind_changed(self, keep_component: bool = False) -> None:
        """The class list of the kind chosen; a class of the other kind is cleared."""
        kind = self.kind()
        self.class_model.clear()
        for cls in self.lists["classes"][kind]:
            item = QStandardItem(self._class_text(cls))
            item.setData(cls["code"], CODE_ROLE)
            item.setToolTip(f"{cls.get('major_name', '')} › {cls['name']}")
            self.class_model.appendRow(item)
        if self.cls is not None and self.cls.get("kind", kind) != kind:
            self.cls = None
            self.class_edit.clear()
            self._refresh_duplicates()
        if not keep_component and self.component is not None and kind != "component":
            self.component = None
            self._show_owner()
        self._show_class()

    @staticmethod
    def _class_text(cls: dict) -> str:
        return f"{cls['name']}（{cls['code']}）"

    def _class_activated(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        cls = next((c for c in self.lists["classes"][self.kind()] if c["code"] == code), None)
        if cls is not None:
            self._pick_class(cls)

    def _class_edited(self, _text: str) -> None:
        """Typing again un-picks the class until one is picked."""
        if self.cls is not None:
            self.cls = None
            self._show_class()
            self._refresh_duplicates()

    def _class_typed(self) -> None:
        """Enter or leaving the field: a text naming exactly one class (its code or name) picks it."""
        if self.cls is not None:
            return
        text = self.class_edit.text().strip()
        if not text:
            return
        classes = self.lists["classes"][self.kind()]
        exact = [c for c in classes if text in (c["code"], c["name"], self._class_text(c))]
        if not exact:
            exact = [c for c in classes if text in c["name"] or c["code"].startswith(text)]
        if len(exact) == 1:
            self._pick_class(exact[0])

    def _pick_class(self, cls: dict, keep_component: bool = False) -> None:
        key = (cls.get("kind") or self.kind(), cls["code"])
        if key not in self.limits:
            for read, into in ((intake.time_limits, self.limits), (store_manual.entry, self.entries)):
                try:
                    into[key] = read(self.session.conn, *key)
                except StoreError as exc:
                    self.warn(self._failed(exc))
        self.cls = cls
        self.class_edit.setText(self._class_text(cls))
        if not keep_component and self.component is not None and self.component["class_code"] != cls["code"]:
            self.component = None
            self._show_owner()
        self._show_class()
        self._refresh_duplicates()

    def entry(self):
        """The manual's page of the class picked (None: no class, or the manual has none)."""
        if self.cls is None:
            return None
        return self.entries.get((self.cls.get("kind") or self.kind(), self.cls["code"]))

    def _show_class(self) -> None:
        entry = self.entry()
        self.register_box.set_text(None if entry is None else entry.register)
        self.points_box.set_text(None if entry is None else entry.points)
        self.points_button.setToolTip(entry_text(entry, "points"))
        if self.cls is None:
            self.limits_label.setText(tr("Pick a class to see its time limits."))
            self.limits_label.setMinimumHeight(0)
            self.register_box.text.setPlainText(tr("Pick a class to see its registration standard."))
            return
        urgent = self.urgent_check.isChecked()
        normal, urgent_limits = self.limits.get((self.cls.get("kind") or self.kind(), self.cls["code"]), ({}, {}))
        text = class_limits_text(urgent_limits if urgent else normal)
        major = self.cls.get("major_name")
        prefix = f"{major} › {self.cls['name']}: " if major else f"{self.cls['name']}: "
        text = prefix + (tr("urgent: {limits}").format(limits=text) if urgent else text)
        if entry is not None and entry.variants:   # 情形: the shift leader picks one when registering
            text += "\n" + tr("Situations: {variants}").format(
                variants="; ".join(variant_text(v.name, v.limits) for v in entry.variants))
        self.limits_label.setText(text)
        self._fit(self.limits_label)

    @staticmethod
    def _fit(label: QLabel) -> None:
        """A wrapped label as tall as its text at its width (a form layout would squeeze it, and
        the window grows to hold it)."""
        label.setMinimumHeight(label.heightForWidth(max(label.width(), 300)))

    def _points_toggled(self, shown: bool) -> None:
        self.points_button.setArrowType(Qt.DownArrow if shown else Qt.RightArrow)
        self.points_box.setVisible(shown)

    # -- photos --------------------------------------------------------------------------------------
    def add_photos(self) -> None:
        settings = QgsSettings()
        paths, _filter = QFileDialog.getOpenFileNames(
            self, tr("Add photos"), settings.value(LAST_DIR_SETTING, "") or "",
            tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"))
        self.add_photo_files(paths)

    def add_photo_files(self, paths: list[str]) -> None:
        """Read each file (the store's rules: JPEG or PNG, size); a refused file is named in the
        message bar and the others are kept."""
        refused = []
        for path in paths:
            if len(self.photos) >= photos.PHOTO_MAX_COUNT:
                refused.append(tr("at most {n} photos per report: {name} not added").format(
                    n=photos.PHOTO_MAX_COUNT, name=path.replace("\\", "/").rsplit("/", 1)[-1]))
                break
            try:
                photo = photos.read_photo(path)
            except StoreError as exc:   # PhotoError: what, which file, how to fix
                refused.append(str(exc))
                continue
            self.photos.append(photo)
            item = QListWidgetItem(photo.name or path.rsplit("/", 1)[-1])
            pixmap = thumbnail(photo.content, THUMB)
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))
            tip = [photo.name, tr("{kb} kB").format(kb=max(1, len(photo.content) // 1024))]
            if photo.taken_at is not None:
                tip.append(tr("taken {at}").format(at=f"{photo.taken_at:%Y-%m-%d %H:%M}"))
            item.setToolTip(" · ".join(t for t in tip if t))
            self.photo_list.addItem(item)
        if paths:
            QgsSettings().setValue(LAST_DIR_SETTING, paths[-1].replace("\\", "/").rsplit("/", 1)[0])
        if refused:
            self.warn("\n".join(refused))

    def remove_photos(self) -> None:
        rows = sorted((self.photo_list.row(i) for i in self.photo_list.selectedItems()), reverse=True)
        for row in rows:
            self.photo_list.takeItem(row)
            del self.photos[row]

    # -- duplicates ----------------------------------------------------------------------------------
    def _refresh_duplicates(self) -> None:
        """Cases of the same class near the point (the store's distance and days)."""
        self.duplicates = []
        if self.point is not None and self.cls is not None and self.location is not None:
            try:
                self.duplicates = intake.duplicates(self.session.conn, self.kind(), self.cls["code"], *self.point)
            except StoreError as exc:
                self.warn(self._failed(exc))
        self._show_duplicates()

    def _show_duplicates(self) -> None:
        table = self.duplicate_table
        table.setRowCount(0)
        for found in self.duplicates:
            row = table.rowCount()
            table.insertRow(row)
            photo = QTableWidgetItem()
            if found.get("photo_id"):
                try:
                    pixmap = thumbnail(photos.photo_content(self.session.conn, found["photo_id"]), DUP_THUMB)
                except StoreError:
                    pixmap = None
                if pixmap is not None:
                    photo.setIcon(QIcon(pixmap))
            at = found.get("reported_at")
            cells = (photo, QTableWidgetItem(found["case_no"]), QTableWidgetItem(state_label(found["state"])),
                     QTableWidgetItem(tr("{m:.0f} m").format(m=found["distance_m"])),
                     QTableWidgetItem(short_date(at)),
                     QTableWidgetItem(found.get("description") or ""))
            cells[1].setData(CODE_ROLE, found["id"])
            cells[5].setToolTip(found.get("description") or "")
            for column, item in enumerate(cells):
                table.setItem(row, column, item)
        count = len(self.duplicates)
        self.duplicate_box.setTitle(tr("Possible duplicates ({n})").format(n=count) if count
                                    else tr("Possible duplicates"))
        if self.point is None or self.cls is None:
            hint = tr("Cases of the same class nearby are listed here once the point and the class are chosen.")
        elif count:
            hint = tr("Same class nearby: attach the report to one of them, or report a new case.")
        else:
            hint = tr("No case of this class nearby.")
        self.duplicate_hint.setText(hint)
        self.attach_button.setVisible(bool(count))
        self.ok_button.setText(tr("Report as a new case") if count else tr("Save the report"))
        self._duplicate_selected()

    def selected_duplicate(self) -> dict | None:
        rows = self.duplicate_table.selectionModel().selectedRows()
        if not rows:
            return None
        case_id = self.duplicate_table.item(rows[0].row(), 1).data(CODE_ROLE)
        return next((d for d in self.duplicates if d["id"] == case_id), None)

    def _duplicate_selected(self) -> None:
        self.attach_button.setEnabled(self.selected_duplicate() is not None)

    # -- saving --------------------------------------------------------------------------------------
    def new_report(self) -> intake.NewReport | None:
        """The report as typed; None (and what is missing, in the message bar) when incomplete."""
        source = self.source()
        missing = None
        reporter, phone = self.reporter_edit.text().strip(), self.phone_edit.text().strip()
        if not source:
            missing, focus = tr("Choose the source of the report."), self.source_combo
        elif self.point is None:
            missing, focus = tr("Click the map where the problem is, or type a grid code."), self.grid_edit
        elif self.cls is None:
            missing, focus = tr("Choose the class: type its Chinese name or code and pick it from the list."), \
                self.class_edit
        elif not self.description_edit.toPlainText().strip():
            missing, focus = tr("Describe the problem."), self.description_edit
        elif self.reporter_required() and not (reporter and phone):
            missing = tr("A report from {source} needs the reporter's name and phone number.").format(
                source=source["name"])
            focus = self.reporter_edit if not reporter else self.phone_edit
        if missing is not None:
            self.refuse(missing)
            focus.setFocus()
            return None
        return intake.NewReport(
            source=source["name"], kind=self.kind(), class_code=self.cls["code"],
            description=self.description_edit.toPlainText().strip(), x=self.point[0], y=self.point[1],
            address=self.address_edit.text().strip() or None,
            reporter=(reporter or None) if self.reporter_required() else None,
            reporter_phone=(phone or None) if self.reporter_required() else None,
            component_code=self.component["code"] if self.component is not None else None,
            urgent=self.urgent_check.isChecked(), photos=tuple(self.photos),
            external_id=self.external_edit.text().strip() or None)

    def save(self) -> bool:
        """Report a new case; its number is shown and the dialog closes. A refusal keeps the form."""
        new = self.new_report()
        if new is None:
            return False
        try:
            row, created = intake.report_new(self.session.conn, new)
        except StoreError as exc:
            self.refuse(self._failed(exc))
            return False
        self.case_no = row.case_no
        QgsSettings().setValue(SOURCE_SETTING, new.source)
        self.reported.emit(row.id, row.case_no)
        if created:
            self._tell(tr("Case saved"), tr("Case number: {case}").format(case=row.case_no))
        else:  # the work order was taken before: nothing was added
            self._tell(tr("Work order already registered"),
                       tr("Work order {order} is already case {case}: nothing was added.").format(
                           order=new.external_id, case=row.case_no))
        self.accept()
        return True

    def attach(self) -> bool:
        """Keep the report as an additional report of the selected case (no new case)."""
        case = self.selected_duplicate()
        new = self.new_report() if case is not None else None
        if new is None:
            return False
        try:
            report_id = intake.attach_report(self.session.conn, case["id"], new)
        except StoreError as exc:
            self.refuse(self._failed(exc))
            return False
        self.case_no = case["case_no"]
        QgsSettings().setValue(SOURCE_SETTING, new.source)
        self.attached.emit(case["id"], report_id)
        self._tell(tr("Report attached"), tr("The report was added to case {case} as an additional report.").format(
            case=case["case_no"]))
        self.accept()
        return True

    def _tell(self, title: str, text: str) -> None:
        """The case number, selectable (to paste it into the hotline's system or read it out)."""
        box = QMessageBox(QMessageBox.Information, title, text, QMessageBox.Ok, self)
        box.setObjectName("case_number")
        box.setTextFormat(Qt.PlainText)
        box.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        box.exec()

    # -- closing -------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter in a field finishes that field (a grid code goes to its grid, a class name picks
        the class), it never saves the report: only the button does."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not isinstance(self.focusWidget(), QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)

    def has_input(self) -> bool:
        """Whether closing would lose something the person typed or chose."""
        return bool(self.point is not None or self.photos or self.description_edit.toPlainText().strip()
                    or self.reporter_edit.text().strip() or self.phone_edit.text().strip())

    def reject(self) -> None:
        """Close (Esc, the Close button, the window's ×); a filled form is only dropped when the
        person says so (No is the default)."""
        if self.case_no is None and self.has_input():
            box = QMessageBox(QMessageBox.Question, tr("Report a case"),
                              tr("Discard this report? What was typed is lost."), QMessageBox.Yes | QMessageBox.No,
                              self)
            box.button(QMessageBox.Yes).setText(tr("Discard"))
            box.button(QMessageBox.No).setText(tr("Go back"))
            box.setDefaultButton(QMessageBox.No)
            box.setEscapeButton(QMessageBox.No)
            if box.exec() != QMessageBox.Yes:
                return
        super().reject()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def shutdown(self) -> None:
        """Close the session when it is the dialog's own. Safe to call twice."""
        if self._shut:
            return
        self._shut = True
        if self.own_session:
            self.session.close()
