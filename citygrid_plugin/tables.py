"""Report tables to files people open in a spreadsheet: XLSX (one sheet per table) or CSV (one
file per table, UTF-8 with a byte-order mark so that Excel on a Chinese Windows reads the
characters instead of mojibake).

Names in the tables come from the store (departments, streets, people, classes): a CSV cell of
text that a spreadsheet would run as a formula (``=cmd|' /C calc'!A0``) is written with a leading
``'`` (:func:`citygrid_plugin.core.textsafe.csv_cell`); numbers stay numbers. The XLSX writer
types every cell (a text column is written as strings), so no text becomes a formula there.

Files are written next to their destination under a temporary name and renamed when complete,
so a failure (a full disk, an unwritable folder, a file open in Excel on a share) never leaves
a half-written file in its place. XLSX goes through GDAL's XLSX driver (no extra dependency).
"""
from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .core.i18n import tr
from .core.reports import Table
from .core.textsafe import csv_cell


class TableError(RuntimeError):
    """A table could not be written; the message names the file and the reason."""


def write_tables(path: str | os.PathLike, tables: Sequence[Table]) -> list[Path]:
    """Write *tables* to *path* (.xlsx: one workbook; .csv: the first table to *path*, the others
    beside it as ``<name>_<key>.csv``). Returns the files written."""
    path = Path(path)
    if not tables:
        raise TableError(tr("nothing to write to {path}").format(path=path))
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise TableError(tr("{path}: write tables as .xlsx or .csv").format(path=path))
    if not path.parent.is_dir():
        raise TableError(tr("the folder of {path} does not exist").format(path=path))
    if suffix == ".xlsx":
        return [_atomic(path, lambda tmp: _xlsx(tmp, tables))]
    out = []
    for i, table in enumerate(tables):
        target = path if i == 0 else path.with_name(f"{path.stem}_{table.key}.csv")
        out.append(_atomic(target, lambda tmp, t=table: _csv(tmp, t)))
    return out


def _atomic(target: Path, write) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        tmp.unlink()  # GDAL creates the file itself
        write(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise TableError(tr("cannot write {path}: {error}").format(path=target, error=exc.strerror or exc)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def _csv(path: Path, table: Table) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([csv_cell(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([csv_cell(v) for v in row])


def _xlsx(path: Path, tables: Sequence[Table]) -> None:
    from osgeo import gdal, ogr

    before = gdal.GetUseExceptions()  # GDAL's setting is process-wide: restore it for everyone else
    gdal.UseExceptions()
    try:
        _write_xlsx(gdal, ogr, path, tables)
    finally:
        if not before:
            gdal.DontUseExceptions()


def _write_xlsx(gdal, ogr, path: Path, tables: Sequence[Table]) -> None:
    driver = ogr.GetDriverByName("XLSX")
    if driver is None:
        raise TableError(tr("this GDAL has no XLSX driver; write CSV instead"))
    ds = driver.CreateDataSource(str(path))
    if ds is None:
        raise OSError(0, gdal.GetLastErrorMsg() or "XLSX not created")
    used: set[str] = set()
    for table in tables:
        layer = ds.CreateLayer(_sheet_name(table.title, used), geom_type=ogr.wkbNone)
        names = _field_names(table.headers)
        kinds = [_kind(table.rows, i) for i in range(len(names))]
        for name, kind in zip(names, kinds):
            layer.CreateField(ogr.FieldDefn(name, kind))
        for row in table.rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for i, value in enumerate(row):
                if value is None:
                    feature.SetFieldNull(i)
                else:
                    feature.SetField(i, value if kinds[i] != ogr.OFTString else str(value))
            layer.CreateFeature(feature)
    ds = None  # flush and close


def _sheet_name(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", title)[:31] or "Sheet"
    name, n = base, 2
    while name in used:
        suffix = f" ({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def _field_names(headers: Sequence[str]) -> list[str]:
    out: list[str] = []
    for h in headers:
        name, n = str(h), 2
        while name in out:
            name, n = f"{h} ({n})", n + 1
        out.append(name)
    return out


def _kind(rows, i: int):
    from osgeo import ogr

    values = [r[i] for r in rows if i < len(r) and r[i] is not None]
    if values and all(isinstance(v, bool) for v in values):
        return ogr.OFTString
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return ogr.OFTInteger64
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return ogr.OFTReal
    return ogr.OFTString
