"""The leaders' view (领导视窗, 领导通): a compact, read-only dock a leader opens every morning.

At a glance, in large figures (red for what is overdue):

- **today** — reported, registered, dispatched and closed today, open now, overdue now, urged
  (督办) now;
- **this month** — reported, closed, on-time handling rate, on-time closing rate and, when the
  store records return visits, the satisfaction rate;

each with its change against the same point of the previous month (较上月同期); then the overdue
and the urged cases now (the most overdue first: case number, class, department, how long), and
the departments with the lowest composite score this month (with their on-time handling rate and
the cases overdue, not handled).

Every figure is a button: a click lists exactly the cases behind it (a rate: the cases it is
computed over) on the dock's second page, shows them on the map in the drill-down layer (as the
evaluation dock does, :func:`~.evaluation.show_drill_layer`) and tells the plugin
(``drilled(ids, title)``); selecting a case there, or double-clicking one in the overdue and urged
lists, shows its detail (:class:`~.case_detail.CaseDetailView`).

The figures are :func:`citygrid_plugin.store.leader.leader_view`'s — the month's evaluation
(:func:`~citygrid_plugin.store.evaluation.evaluate_period`) and its definitions, see that
module. Nothing personal is read or shown: the case detail is
:func:`citygrid_plugin.store.leader.case_detail`, which never reads the reporter's name or phone
(a leader's login may not; an administrator's dock does not either).

Live on the shared :class:`~citygrid_plugin.gui.session.StoreSession`: a change to a case (the
store's NOTIFY) refreshes the figures within a second, a timer every minute (figures such as
"overdue now" change with time alone), and the 刷新 button at once. However busy the store, the
dock stays usable: live refreshes are at least a second and three times their own duration apart
(a large district's month takes about 1.5 s to evaluate), and they read last month's evaluation
again only when the same point of last month has moved five minutes (the button reads all).

The dock lays itself out in one column when narrow (docked at the side of QGIS) and in two, with
larger text, when wide (undocked onto a screen of its own). The tiles, the wording of figures and
changes, and the look are in :mod:`.leader_figures`.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QEvent, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import evaluation as ev
from ...core.casefilter import CST
from ...core.evaluation import EvaluationError
from ...core.i18n import tr
from ...core.workflow import state_label
from ...store import cases as store_cases
from ...store import leader as store_leader
from ...store import manual as store_manual
from ...store import photos as store_photos
from ...store.db import StoreError
from . import SessionDock
from .case_detail import CaseDetailView
from .case_table import ID_ROLE, fill_case_table, make_case_table
from .evaluation import show_drill_layer
from .leader_figures import (
    ALERT,
    NEUTRAL,
    URGED,
    FigureTile,
    cell,
    duration,
    figure_label,
    plain_label,
    short_table,
    style_sheet,
)

LAYER_OWNER = "leader"       # the dock's temporary layers (layers.add_temporary_layer)
THROTTLE_MS = 1000           # at most one refresh a second however many cases change …
BUSY_SHARE = 3               # … and at least 3 × the last refresh's time apart (a large district's month)
REUSE = timedelta(minutes=5)  # a live refresh reads last month again only when its point moved this much
REFRESH_S = 60               # "overdue now" changes with time alone
WIDE = 860                   # from this width: two columns and larger text
# the tiles in rows: today's flow, then the state now; the month's counts, then its rates
TODAY_ROWS = (("reported_today", "registered_today", "dispatched_today", "closed_today"),
              ("open_now", "overdue_now", "urged_now"))
MONTH_ROWS = (("reported", "closed"), ("on_time_handling_rate", "on_time_closing_rate", "satisfaction_rate"))
DEPARTMENT_COLUMNS = ("name", "score", "on_time", "overdue")


class LeaderDock(SessionDock):
    """The leaders' view. *store*: the plugin's shared StoreSession, or a StoreTarget for a dock
    with a session of its own (*live*: listen to the store's NOTIFYs). *clock*: the current time
    (default: the computer's clock; a replayed morning passes its own). ``drilled(ids, title)``
    when the person lists the cases behind a figure."""

    drilled = pyqtSignal(list, str)

    def __init__(self, iface, store, parent=None, project: QgsProject | None = None, live: bool = True,
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(tr("Leaders' view"), store, parent, live=live)
        self.setObjectName("CityGridLeader")
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.clock = clock or (lambda: datetime.now(CST))
        self.view: store_leader.LeaderView | None = None
        self.drill_layer = None
        self.drill_rows: list[dict] = []   # the cases listed on the second page
        self._shut = False
        self._k = 0.0
        self._wide: bool | None = None

        self.pages = QStackedWidget()
        self.pages.addWidget(self._overview())
        self.pages.addWidget(self._cases_page())
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages, 1)
        self.status.setProperty("role", "status")
        layout.addWidget(self.status)
        self.setWidget(body)
        self.body = body
        body.installEventFilter(self)

        self.throttle = QTimer(self)
        self.throttle.setSingleShot(True)
        self.throttle.setInterval(THROTTLE_MS)
        self.throttle.timeout.connect(lambda: self.refresh(live=True))
        self.periodic = QTimer(self)
        self.periodic.setInterval(REFRESH_S * 1000)
        self.periodic.timeout.connect(lambda: self.refresh(live=True))
        self._layout_for(self.width())
        self.refresh()
        self.periodic.start()

    # -- building ----------------------------------------------------------------------------------
    def _overview(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = plain_label(tr("Leaders' view"), "title")
        self.as_of = plain_label("", "asof")
        self.as_of.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.as_of)
        head.addLayout(titles, 1)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setToolTip(tr("Read the figures again now (they also follow every change as it happens)"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        head.addWidget(self.refresh_button, 0, Qt.AlignTop)
        outer.addLayout(head)

        content = QWidget()
        self.columns = QBoxLayout(QBoxLayout.TopToBottom, content)
        self.columns.setContentsMargins(0, 0, 4, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        for side in (left, right):   # their own spacing, not the columns' (which a box layout passes down)
            side.setSpacing(6)
        self.today_title = plain_label(tr("Today"), "section")
        left.addWidget(self.today_title)
        self.tiles: dict[str, FigureTile] = {}
        self.tile_rows: list[QHBoxLayout] = []
        left.addLayout(self._tile_rows(TODAY_ROWS))
        self.month_title = plain_label(tr("This month"), "section")
        left.addWidget(self.month_title)
        left.addLayout(self._tile_rows(MONTH_ROWS))
        left.addStretch(1)

        self.lists_title = plain_label(tr("Overdue and urged cases"), "section")
        right.addWidget(self.lists_title)
        self.lists = QTabWidget()
        self.lists.setDocumentMode(True)
        heads = [tr("Case no."), tr("Class"), tr("Department or stage"), tr("Overdue by")]
        self.overdue_table = short_table(heads)
        self.urged_table = short_table(heads + [tr("Times urged")])
        for key, table in (("overdue_now", self.overdue_table), ("urged_now", self.urged_table)):
            table.setToolTip(tr("Double-click a case to see it"))
            table.itemDoubleClicked.connect(lambda item, k=key, t=table: self._open_listed(k, t, item))
            self.lists.addTab(table, figure_label(key))
        self.lists.currentChanged.connect(lambda _i: self._fit_lists())
        self.lists_note = plain_label("", "status")
        self.lists_note.setWordWrap(True)
        right.addWidget(self.lists)
        right.addWidget(self.lists_note)
        self.worst_title = plain_label(tr("Lowest-scoring departments this month"), "section")
        right.addWidget(self.worst_title)
        self.worst_table = short_table([tr("Department"), ev.indicator_label("score"),
                                   ev.indicator_label("on_time_handling_rate"),
                                   ev.indicator_label("overdue_unhandled")])
        self.worst_table.setToolTip(tr("Click a figure to list its cases"))
        self.worst_table.cellClicked.connect(self._department_clicked)
        right.addWidget(self.worst_table)
        self.no_department = plain_label(tr("No department had cases due for handling this month."), "status")
        right.addWidget(self.no_department)
        right.addStretch(1)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)
        return page

    def _tile_rows(self, rows) -> QVBoxLayout:
        """Rows of tiles sharing the width equally (a hidden tile leaves no gap)."""
        box = QVBoxLayout()
        box.setSpacing(6)
        for keys in rows:
            row = QHBoxLayout()
            row.setSpacing(6)
            for key in keys:
                tile = FigureTile(key)
                tile.clicked.connect(self.drill)
                self.tiles[key] = tile
                row.addWidget(tile, 1)
            self.tile_rows.append(row)
            box.addLayout(row)
        return box

    def _cases_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(tr("‹ Back to the figures"))
        self.back_button.clicked.connect(self.show_overview)
        box.addWidget(self.back_button, 0, Qt.AlignLeft)
        self.drill_label = plain_label("", "drill")
        self.drill_label.setWordWrap(True)
        box.addWidget(self.drill_label)
        self.case_splitter = splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        self.case_table = make_case_table(True, self._case_selected)
        splitter.addWidget(self.case_table)
        self.case_view = CaseDetailView(lambda: self.conn, self.store_failed, self._message)
        splitter.addWidget(self.case_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        box.addWidget(splitter, 1)
        return page

    # -- size --------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.body and event.type() == QEvent.Resize:
            self._layout_for(event.size().width(), event.size().height())
        return super().eventFilter(watched, event)

    def _layout_for(self, width: int, height: int = 900) -> None:
        """One column when narrow, two when wide; the text larger on a large window."""
        wide = width >= WIDE
        k = 1.0 if not wide else max(1.0, min(1.8, width / 1100, height / 620))
        if wide != self._wide:
            self._wide = wide
            self.columns.setDirection(QBoxLayout.LeftToRight if wide else QBoxLayout.TopToBottom)
            self.columns.setSpacing(round(24 * k) if wide else 6)
        if abs(k - self._k) > 0.02:
            self._k = k
            self.body.setStyleSheet(style_sheet(k))
            for row in self.tile_rows:
                row.setSpacing(round(6 * k))
            self._fit_tables()

    def _fit_tables(self) -> None:
        """The lists as tall as their rows (the page scrolls, not each table), the first
        columns as wide as their text, the name columns sharing the rest."""
        for table in (self.overdue_table, self.urged_table, self.worst_table):
            header = table.horizontalHeader()
            for c in range(table.columnCount()):
                stretch = (table is self.worst_table and c == 0) or (table is not self.worst_table and c in (1, 2))
                header.setSectionResizeMode(c, QHeaderView.Stretch if stretch else QHeaderView.ResizeToContents)
            table.resizeRowsToContents()
            height = header.height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + \
                2 * table.frameWidth() + 2
            table.setFixedHeight(max(height, header.height() + 2 * table.frameWidth() + 4))
        self._fit_lists()

    def _fit_lists(self) -> None:
        """The tabs as tall as the list shown (not the longer of the two): no gap under a short list."""
        current = self.lists.currentWidget()
        for table in (self.overdue_table, self.urged_table):
            table.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed if table is current else QSizePolicy.Ignored)
        self.lists.setFixedHeight(self.lists.tabBar().sizeHint().height() + current.height() + 2)

    # -- reading -------------------------------------------------------------------------------------
    def refresh(self, live: bool = False) -> bool:
        """Read the figures again; False (with the reason shown) when the store could not answer.
        *live* (a change in the store, the timer): last month's evaluation is used again while the
        same point of last month has moved less than :data:`REUSE`; the button reads everything."""
        if self._shut:
            return False
        self.throttle.stop()
        started = time.monotonic()
        try:
            before = self.view.before if live and self.view is not None else None
            view = store_leader.leader_view(self.conn, now=self.clock(), before=before, reuse=REUSE)
        except EvaluationError as exc:
            self.status.setText(str(exc))
            return False
        except StoreError as exc:
            self.store_failed(exc)
            return False
        self.view = view
        self._show(view)
        # however busy the store, the dock stays usable: refreshes at least BUSY_SHARE × their time apart
        self.throttle.setInterval(max(THROTTLE_MS, round(BUSY_SHARE * 1000 * (time.monotonic() - started))))
        live = self.listener is not None and self.listener.running
        self.status.setText(tr("{n} cases of {month} read at {time}").format(
            n=view.cases, month=view.month.label(), time=f"{datetime.now(CST):%H:%M:%S}")
            + (" · " + tr("live") if live else ""))
        return True

    def _show(self, view: store_leader.LeaderView) -> None:
        self.as_of.setText(tr("As of {time} · changes against the same point of last month").format(
            time=f"{view.now:%Y-%m-%d %H:%M}"))
        self.today_title.setText(tr("Today ({date})").format(date=f"{view.now:%m-%d}"))
        self.month_title.setText(tr("This month ({month}, to day {day})").format(
            month=view.month.label(), day=view.now.day))
        for key in store_leader.TODAY:
            self.tiles[key].show_tally(view.today[key])
        for key in store_leader.MONTH:
            tally = view.month_figures.get(key)
            self.tiles[key].setVisible(tally is not None)   # the satisfaction rate: only with return visits
            if tally is not None:
                self.tiles[key].show_tally(tally)
        overdue, urged = view.today["overdue_now"], view.today["urged_now"]
        self.lists.setTabText(0, tr("{figure} ({n})").format(figure=figure_label("overdue_now"), n=len(overdue.ids)))
        self.lists.setTabText(1, tr("{figure} ({n})").format(figure=figure_label("urged_now"), n=len(urged.ids)))
        self._fill_list(self.overdue_table, view.overdue, urged=False)
        self._fill_list(self.urged_table, view.urged, urged=True)
        shown = max(len(view.overdue), len(view.urged))
        total = max(len(overdue.ids), len(urged.ids))
        self.lists_note.setText(tr("The first {n} shown; click the figure above to list them all").format(
            n=shown) if total > shown else "")
        self.lists_note.setVisible(total > shown)
        self._fill_departments(view.worst)
        self._fit_tables()

    def _fill_list(self, table: QTableWidget, lines: list, urged: bool) -> None:
        table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            number = cell(line.case_no)
            number.setData(ID_ROLE, line.id)
            table.setItem(r, 0, number)
            table.setItem(r, 1, cell(line.class_name))
            holder = line.department_name if line.state == "dispatched" and line.department_name else \
                state_label(line.state)
            table.setItem(r, 2, cell(holder))
            late = duration(line.overdue_hours) if line.overdue_hours is not None else tr("not overdue")
            table.setItem(r, 3, cell(late, True, ALERT if line.overdue_hours is not None else NEUTRAL))
            if urged:
                table.setItem(r, 4, cell(str(line.urges), True, URGED))

    def _fill_departments(self, lines: list) -> None:
        table = self.worst_table
        table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            rate = line.on_time.value
            table.setItem(r, 0, cell(line.name))
            table.setItem(r, 1, cell(f"{line.score:.1f}", True))
            table.setItem(r, 2, cell("—" if rate is None else f"{100 * rate:.1f}%", True))
            table.setItem(r, 3, cell(str(line.overdue.count), True, ALERT if line.overdue.count else None))
        table.setVisible(bool(lines))
        self.no_department.setVisible(not lines)

    # -- drill-down ----------------------------------------------------------------------------------
    def figure_cases(self, key: str) -> tuple[list[int], str]:
        """The cases behind figure *key* (a rate: those it is computed over) and the list's title."""
        view = self.view
        tally = view.today.get(key) or view.month_figures.get(key)
        scope = f"{view.now:%m-%d}" if key in store_leader.TODAY else view.month.label()
        title = f"{figure_label(key)} · {scope}"
        if tally.rate:
            title += " · " + tr("{num} of {den} cases").format(num=len(tally.hits), den=len(tally.ids))
        return sorted(tally.ids), title

    def drill(self, key: str) -> None:
        if self.view is None:
            return
        ids, title = self.figure_cases(key)
        self.show_cases(ids, title)

    def _department_clicked(self, row: int, column: int) -> None:
        if self.view is None or not 0 <= row < len(self.view.worst):
            return
        line = self.view.worst[row]
        month = self.view.month.label()
        if DEPARTMENT_COLUMNS[column] == "overdue":
            self.show_cases(sorted(line.overdue.numerator),
                            f"{line.name} · {ev.indicator_label('overdue_unhandled')} · {month}")
        else:   # the name, the score and the on-time rate: the cases due for handling they are computed over
            self.show_cases(sorted(line.due.numerator), f"{line.name} · {ev.indicator_label('due_handle')} · {month}")

    def _open_listed(self, key: str, table: QTableWidget, item: QTableWidgetItem) -> None:
        """A double-click in the overdue or urged list: the whole list, the case chosen and shown."""
        number = table.item(item.row(), 0)
        if number is None or self.view is None:
            return
        ids, title = self.figure_cases(key)
        self.show_cases(ids, title, select=number.data(ID_ROLE))

    def show_cases(self, ids: list[int], title: str, select: int | None = None) -> None:
        """List the cases *ids* on the second page (and on the map), *select* one of them."""
        try:
            rows = store_cases.queue_rows(self.conn, None, finished_too=True, ids=ids, limit=max(len(ids), 1))
        except StoreError as exc:
            self.store_failed(exc)
            return
        self.drill_rows = rows
        self.drill_label.setText(tr("Drill-down: {title} — {n} cases").format(title=title, n=len(ids)))
        fill_case_table(self.case_table, rows)
        self.case_view.clear()
        self.pages.setCurrentIndex(1)
        self._share_splitter(len(rows))
        try:
            self.drill_layer = show_drill_layer(self.project, self.target, self.drill_layer, list(ids), title,
                                                self.iface, LAYER_OWNER)
        except Exception as exc:  # noqa: BLE001 - the list stands without the map layer
            self.status.setText(str(exc))
        if select is not None:
            for r in range(self.case_table.rowCount()):
                if self.case_table.item(r, 0).data(ID_ROLE) == select:
                    self.case_table.selectRow(r)
                    self.case_table.scrollToItem(self.case_table.item(r, 0))
                    break
        self.drilled.emit(list(ids), title)

    def _share_splitter(self, n: int) -> None:
        """The list as tall as its rows (at most half the page), the rest for the case's detail."""
        total = sum(self.case_splitter.sizes())
        if total <= 0:
            return
        table = self.case_table
        wanted = table.horizontalHeader().height() + max(n, 1) * table.verticalHeader().defaultSectionSize() + \
            table.horizontalScrollBar().sizeHint().height() + 2 * table.frameWidth() + 2
        wanted = min(wanted, total // 2)
        self.case_splitter.setSizes([wanted, total - wanted])

    def show_overview(self) -> None:
        self.pages.setCurrentIndex(0)

    def _case_selected(self) -> None:
        picked = self.case_table.selectionModel().selectedRows()
        item = self.case_table.item(picked[0].row(), 0) if picked else None
        case_id = item.data(ID_ROLE) if item is not None else None
        row = next((r for r in self.drill_rows if r["id"] == case_id), None)
        if row is None:
            self.case_view.clear()
            return
        try:   # the detail without the reporter (store.leader.case_detail never reads him)
            detail = store_leader.case_detail(self.conn, row["id"])
            history = store_cases.case_history(self.conn, row["id"])
            photos = store_photos.case_photos(self.conn, row["id"])
            legacy = store_cases.case_photo(self.conn, row["id"])
            manual = store_manual.case_entry(self.conn, row["id"])
        except StoreError as exc:
            self.store_failed(exc)
            return
        self.case_view.show_case(row, detail, history, photos, legacy, manual)

    def _message(self, text: str, _level=None) -> None:
        self.status.setText(text)

    # -- live ------------------------------------------------------------------------------------------
    def on_notified(self, payload: str) -> None:
        if payload.startswith("case:") and not self.throttle.isActive():
            self.throttle.start()   # a throttle: a steady stream still refreshes once a second

    def on_reconnected(self) -> None:
        self.refresh()   # notifications sent while the store was away are lost: read everything

    # -- lifetime --------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the timers, take the drill-down layer away and stop listening (safe twice)."""
        from ...layers import remove_temporary_layers

        if self._shut:
            return
        self._shut = True
        self.throttle.stop()
        self.periodic.stop()
        remove_temporary_layers(self.project, LAYER_OWNER)
        self.drill_layer = None
        super().shutdown()
