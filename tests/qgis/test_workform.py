"""The work form (派遣单, issue 15 part 5) as a department gets it: citygrid:workform prints one A4
page per case from a real store, with cases reported through store.intake with generated photos
and dispatched through the workflow by real password logins.

Checked in the PDF: the page count and size; the text a reader searches (pdftotext): the case
number, the class in Chinese, the lead and assisting departments, the handling deadline; that the
reporter's name and phone of a public report never reach the form (it leaves the supervision
centre) even when the printing login may read them; the first page rendered (pdftoppm) is not
blank and its photo area holds the photo's colour. A department login prints its own case and is
refused another; cases are named by number, by trailing digits or by a layer's selection; an
unknown number or a layer without case fields is refused and nothing is written."""
from __future__ import annotations

import subprocess
import uuid

import processing
import pytest
from qgis.core import (
    QgsFeature,
    QgsFeedback,
    QgsField,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QVariant
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from citygrid_plugin.core.casefilter import CST
from citygrid_plugin.layouts.workform import write_workform
from citygrid_plugin.store import cases
from citygrid_plugin.store.db import StoreError
from citygrid_plugin.store.desk import case_detail
from citygrid_plugin.store.intake import NewReport, report
from citygrid_plugin.store.photos import Photo
from citygrid_plugin.store.roles import save_user, setup_roles
from tests.helpers.pdf import pdf_pages, pdf_text, poppler, squash
from tests.helpers.sql import PASSWORD
from tests.stores import make_case_store, qgis_connection_to

REPORTER, PHONE = "张三丰", "13800001111"
PHOTO_RGB = (30, 160, 90)   # the first report photo: a green field with a white square


def image_bytes(color: tuple[int, int, int], fmt: str = "JPG", size: tuple[int, int] = (640, 480)) -> bytes:
    image = QImage(size[0], size[1], QImage.Format_RGB32)
    image.fill(QColor(*color))
    painter = QPainter(image)
    painter.fillRect(size[0] // 3, size[1] // 3, size[0] // 3, size[1] // 3, QColor("white"))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data)


@pytest.fixture
def store(qgis_app, cluster, store_dsn, conn_factory):
    """A case store with logins; case A (监督员上报, two photos, dispatched to 环卫所 with 交管 assisting)
    and case B (12345热线 with the reporter's name and phone, not yet dispatched)."""
    make_case_store(store_dsn)
    owner = conn_factory(store_dsn)
    setup_roles(owner)
    tag = uuid.uuid4().hex[:6]
    logins = {}
    for role, dept in (("supervisor", None), ("operator", None), ("shift_leader", None), ("dispatcher", None),
                       ("department", "HW"), ("department_sz", "SZ")):
        logins[role] = f"cgt_{tag}_{role}"
        save_user(owner, logins[role], [role.split("_sz")[0]], f"测试{role}", department=dept, password=PASSWORD)
    dbname = store_dsn.split("dbname=")[1].split()[0]

    def login(role: str):
        return conn_factory(f"host={cluster.sockdir} port={cluster.port} dbname={dbname} user={logins[role]} "
                            f"password={PASSWORD}")

    supervisor, operator, leader, dispatcher = (login(r) for r in ("supervisor", "operator", "shift_leader",
                                                                    "dispatcher"))
    a = report(supervisor, NewReport(
        source="监督员上报", kind="event", class_code="0102", x=150.0, y=150.0, address="红星路二段35号门前",
        description="人行道上堆放生活垃圾约2立方米，影响通行 [% 'x' %]",
        photos=(Photo.from_bytes(image_bytes(PHOTO_RGB), "before.jpg"),
                Photo.from_bytes(image_bytes((40, 80, 200), "PNG", (480, 640)), "close.png"))))
    a = cases.act(operator, a.id, "accept", "operator", a.version)
    a = cases.act(leader, a.id, "register", "shift_leader", a.version)
    a = cases.act(dispatcher, a.id, "dispatch", "dispatcher", a.version, data={"department": "HW", "assist": ["JG"]})
    b = report(operator, NewReport(
        source="12345热线", kind="event", class_code="0102", x=250.0, y=50.0, description="路口垃圾桶满溢",
        reporter=REPORTER, reporter_phone=PHONE))
    yield {"dsn": store_dsn, "dbname": dbname, "owner": owner, "login": login, "a": a, "b": b}
    owner.rollback()
    with owner.cursor() as cur:
        for name in logins.values():
            cur.execute(f'DROP ROLE IF EXISTS "{name}"')
    owner.commit()


@pytest.fixture
def connection(store, cluster):
    with qgis_connection_to(cluster, store["dbname"], "workform") as name:
        yield name


def rendered(path, tmp_path, page: int = 1) -> QImage:
    """Page *page* of the PDF as a person sees it (poppler's pdftoppm at 60 dpi)."""
    stem = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", "-png", str(path),
                    str(stem)], check=True)
    image = QImage(str(stem) + ".png")
    assert not image.isNull()
    return image


def share(image: QImage, box: tuple[float, float, float, float], test) -> float:
    """Share of the pixels in *box* (x0, y0, x1, y1 as shares of the page) for which *test*(r, g, b)."""
    x0, y0, x1, y1 = (round(v * s) for v, s in zip(box, (image.width(), image.height()) * 2))
    hits = total = 0
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 2):
            c = image.pixelColor(x, y)
            hits += bool(test(c.red(), c.green(), c.blue()))
            total += 1
    return hits / total


def test_the_algorithm_prints_one_a4_page_per_case_with_what_a_department_needs(
        store, connection, provider, tmp_path):
    a, b = store["a"], store["b"]
    path = tmp_path / "forms.pdf"
    result = processing.run("citygrid:workform", {"CONNECTION": connection, "NUMBERS": f"{a.case_no}, {b.case_no}",
                                                  "OUTPUT": str(path)})
    assert result["PAGES"] == 2 and result["OUTPUT"] == str(path)
    pages, size = pdf_pages(path)
    assert pages == 2 and (round(size[0]), round(size[1])) == (595, 842)  # A4 portrait, points
    detail = case_detail(store["owner"], a.id)
    first = squash(pdf_text(path, 1))
    assert a.case_no in first
    assert first.count(a.case_no) >= 2  # large at the top, small in the footer
    assert "暴露垃圾" in first and "0102" in first
    assert "环卫所" in first and "交管" in first  # the lead and the assisting department
    deadline = detail["handle_deadline"].astimezone(CST).strftime("%Y-%m-%d%H:%M")
    assert deadline in first
    assert "红星路二段35号门前" in first and "[%'x'%]" in first  # store text printed literally
    assert "caseworkform" in first
    assert "Handlingresult" in first and "Handledby" in first and "Date" in first
    second = squash(pdf_text(path, 2))
    assert b.case_no in second and "路口垃圾桶满溢" in second and "Nophoto" in second
    everything = squash(pdf_text(path))
    fonts = poppler("pdffonts", path)
    assert "NotoSansCJK" in fonts or "WenQuanYi" in fonts
    assert all(" yes " in line for line in fonts.splitlines()[2:] if line.strip())  # every font embedded
    assert REPORTER not in everything and PHONE not in everything  # personal data stays in the centre

    image = rendered(path, tmp_path)
    assert share(image, (0.05, 0.05, 0.95, 0.95), lambda r, g, b: r + g + b < 600) > 0.03  # not blank
    # the photo column (right of the map): the green of the first report photo
    green = share(image, (0.57, 0.40, 0.93, 0.70), lambda r, g, b: g > 120 and g - r > 60 and g - b > 30)
    assert green > 0.05, green


def test_a_department_prints_its_case_and_is_refused_another(store, tmp_path):
    department = store["login"]("department")
    path = tmp_path / "mine.pdf"
    assert write_workform(department, [store["a"].id], path) == 1
    text = squash(pdf_text(path))
    assert store["a"].case_no in text and "环卫所" in text
    other = tmp_path / "other.pdf"
    with pytest.raises(StoreError):
        write_workform(store["login"]("department_sz"), [store["a"].id], other)
    assert not other.exists()




def test_a_cancelled_print_writes_nothing(store, tmp_path):
    feedback = QgsFeedback()
    feedback.cancel()
    path = tmp_path / "cancelled.pdf"
    assert write_workform(store["owner"], [store["a"].id, store["b"].id], path, feedback) == 0
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_the_lead_department_sees_its_assisting_departments_on_the_form(store, tmp_path):
    path = tmp_path / "lead.pdf"
    write_workform(store["login"]("department"), [store["a"].id], path)
    assert "交管" in squash(pdf_text(path))

def test_cases_by_trailing_digits_and_by_a_layer_selection(store, connection, provider, tmp_path):
    a, b = store["a"], store["b"]
    path = tmp_path / "tail.pdf"
    result = processing.run("citygrid:workform", {"CONNECTION": connection, "NUMBERS": b.case_no[-3:],
                                                  "OUTPUT": str(path)})
    assert result["PAGES"] == 1 and b.case_no in squash(pdf_text(path))

    layer = QgsVectorLayer("None", "cases", "memory")
    layer.dataProvider().addAttributes([QgsField("case_no", QVariant.String)])
    layer.updateFields()
    features = []
    for number in (a.case_no, b.case_no):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([number])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByExpression(f"\"case_no\" = '{a.case_no}'")
        path = tmp_path / "selection.pdf"
        result = processing.run("citygrid:workform", {
            "CONNECTION": connection, "INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True),
            "OUTPUT": str(path)})
        assert result["PAGES"] == 1
        assert a.case_no in squash(pdf_text(path)) and b.case_no not in squash(pdf_text(path))
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_bad_input_is_refused_and_nothing_is_written(store, connection, provider, tmp_path):
    path = tmp_path / "bad.pdf"
    with pytest.raises(QgsProcessingException, match="no case numbered 20990101"):
        processing.run("citygrid:workform", {"CONNECTION": connection, "NUMBERS": "2099010199999999",
                                             "OUTPUT": str(path)})
    with pytest.raises(QgsProcessingException, match="no case to print"):
        processing.run("citygrid:workform", {"CONNECTION": connection, "OUTPUT": str(path)})
    layer = QgsVectorLayer("None?field=name:string", "not cases", "memory")
    QgsProject.instance().addMapLayer(layer)
    try:
        with pytest.raises(QgsProcessingException, match="neither an id nor a case_no field"):
            processing.run("citygrid:workform", {"CONNECTION": connection, "INPUT": layer.id(), "OUTPUT": str(path)})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert not path.exists()


def test_the_form_prints_the_situation_the_handling_standard_and_its_limit(store, tmp_path):
    """Issue 16: a case registered as 5吨以上 under the example's manual page (暴露垃圾) prints its
    situation, the manual's 处置标准 and the situation's handling limit (24 小时) with its deadline,
    for the department that prints it with its own login."""
    from tests.helpers.manual import HANDLING, LARGE, apply_example_manual

    version = apply_example_manual(store["owner"])
    c = report(store["login"]("supervisor"), NewReport(
        source="监督员上报", kind="event", class_code="0102", x=50.0, y=150.0, description="路边倾倒建筑垃圾约 8 吨"))
    c = cases.act(store["login"]("operator"), c.id, "accept", "operator", c.version)
    c = cases.act(store["login"]("shift_leader"), c.id, "register", "shift_leader", c.version,
                  data={"variant": LARGE})
    c = cases.act(store["login"]("dispatcher"), c.id, "dispatch", "dispatcher", c.version, data={"department": "HW"})
    path = tmp_path / "manual.pdf"
    assert write_workform(store["login"]("department"), [c.id], path) == 1
    text = squash(pdf_text(path))
    assert squash(HANDLING) in text and "Handlingstandard" in text
    assert f"Situation{LARGE}" in text and f"Commandmanualversion{version}(inforcewhenreported)" in text
    assert "Handlingtimelimit24小时" in text
    assert f"{c.stage_deadline.astimezone(CST):%Y-%m-%d%H:%M}" in text     # the handling deadline
