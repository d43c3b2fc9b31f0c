"""The columns of the census sheets the centres hand in: which source column holds which store
field (English, Chinese and the standard's ObjID/DeptName1… spellings), and the cell values as
the store wants them (trimmed text, ISO dates)."""
from __future__ import annotations

import datetime
import re

from .i18n import tr

# A phone number as every phone column of the store checks it (case_reporter, case_extra_report,
# grid_roster, patrol contacts): digits, spaces, + - ( ), 3 to 40 characters.
PHONE = re.compile(r"^[0-9+() -]{3,40}$")

# Departments CSV header → store field (core.textio.read_table's aliases).
DEPARTMENT_ALIASES = {
    "编码": "code", "代码": "code", "部门编码": "code", "部门代码": "code",
    "名称": "name", "部门名称": "name",
    "类型": "kind", "部门类型": "kind",
    "上级": "parent_code", "上级编码": "parent_code", "上级部门编码": "parent_code", "parent": "parent_code",
    "电话": "phone", "联系电话": "phone",
    "备注": "note",
}
# Components: store field key → the source column names that hold it, first match wins.
COMPONENT_ALIASES = {
    "class": ("class_code", "class", "部件代码", "类别代码", "小类代码", "部件名称", "部件类别", "类别", "小类",
              "objname", "objcode"),
    "dept1": ("dept1_code", "dept1", "主管部门", "主管部门代码", "deptname1", "deptcode1"),
    "dept2": ("dept2_code", "dept2", "权属单位", "权属单位代码", "deptname2", "deptcode2"),
    "dept3": ("dept3_code", "dept3", "养护单位", "养护单位代码", "deptname3", "deptcode3"),
    "state": ("state", "状态", "部件状态", "objstate"),
    "data_source": ("data_source", "数据来源", "datasource"),
    "census_date": ("census_date", "普查日期", "初始日期", "ordate"),
    "accuracy": ("accuracy", "精度", "精度等级"),
    "material": ("material", "材质"),
    "site_name": ("site_name", "工地名称"),
    "stop_name": ("stop_name", "站名"),
    "sculpture_name": ("sculpture_name", "雕塑名称"),
    "equipment_count": ("equipment_count", "器材数量", "设备数量"),
    "spec": ("spec", "规格"),
    "photo": ("photo", "照片", "picture"),
    "note": ("note", "备注"),
    "uid": ("uid",),
    "x": ("x", "lon", "经度", "横坐标", "东坐标"),
    "y": ("y", "lat", "纬度", "纵坐标", "北坐标"),
}
STORE_FIELD = {"class": "class_code", "dept1": "dept1_code", "dept2": "dept2_code", "dept3": "dept3_code"}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d", "%Y年%m月%d日")


class ColumnError(ValueError):
    """A column chosen by name that the input does not have."""


def _null(value) -> bool:
    """None, or a null value of the reader (QGIS's NULL has ``isNull()``)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def find_column(names: list[str], key: str, explicit: str = "") -> str | None:
    """The source column for store field *key*: the explicit choice, else the first alias present."""
    if explicit:
        if explicit not in names:
            raise ColumnError(tr("the input has no column '{column}' (columns: {columns})").format(
                column=explicit, columns=", ".join(names)))
        return explicit
    lowered = {n.strip().lower(): n for n in names}
    for alias in COMPONENT_ALIASES[key]:
        if alias.lower() in lowered:
            return lowered[alias.lower()]
    return None


def text(value) -> str | None:
    """A cell as trimmed text; None when empty."""
    if _null(value):
        return None
    out = str(value).strip()
    return out or None


def normalise_date(value) -> str | None:
    """A census date as YYYY-MM-DD: a date, or text in one of :data:`DATE_FORMATS` (a time after
    the date is ignored); other text is returned as it is, for the store's check to name it."""
    if _null(value) or value == "":
        return None
    if isinstance(value, datetime.date):  # datetime too
        return value.strftime("%Y-%m-%d")
    text_value = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text_value.split(" ")[0], fmt).strftime("%Y-%m-%d")
        except ValueError:
            continue
    return text_value
