"""Writing a layout to PDF or PNG, and the exporter's result codes as :class:`LayoutError`.

Files are exported into a private folder beside the target and renamed into place when
complete, so a failed export leaves no partial file. PDFs keep text as text with the fonts
embedded, and their ToUnicode maps are repaired (:mod:`.pdftext`); PNG sizes are rounded as
print software does (A4 landscape at 300 dpi: 3508 × 2480 px, where QGIS alone truncates to
3507). The atlas export (:mod:`.atlas`) reuses the staging, settings and error pieces.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from qgis.core import QgsLayoutExporter, QgsPrintLayout, QgsRenderContext
from qgis.PyQt.QtCore import QSize

from ..core.i18n import tr
from .pdftext import fix_pdf_text
from .templates import LayoutError

try:  # GDAL ships with QGIS; without it PNG export only loses the silencing of its messages
    from osgeo import gdal
except ImportError:
    gdal = None


def _result_error(result, path: Path, dpi: float, detail: str = "") -> LayoutError:
    """The exporter's result code as a message saying what to do."""
    if result == QgsLayoutExporter.FileError:
        message = tr("cannot write {path}: check that the folder is writable, the disk is not full and the file is "
                     "not open in another program")
    elif result == QgsLayoutExporter.MemoryError:
        message = tr("not enough memory to export {path} at {dpi} dpi: use a lower dpi")
    elif result == QgsLayoutExporter.IteratorError:
        message = tr("the atlas of {path} could not be prepared: check its coverage layer and expressions")
    elif result == QgsLayoutExporter.Canceled:
        message = tr("the export of {path} was cancelled")
    else:
        message = tr("QGIS could not render {path}: a layer may have failed to draw; open the layout in QGIS to see "
                     "which")
    message = message.format(path=path, dpi=dpi)
    return LayoutError(f"{message} ({detail})" if detail else message)


def _staging(path: Path) -> Path:
    """A private folder beside *path* to export into (renamed into place when complete)."""
    if path.is_dir():
        raise LayoutError(tr("cannot write {path}: a folder of that name exists; choose a file name").format(
            path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".citygrid-export-", dir=path.parent))
    except OSError as exc:
        raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
            path=path, reason=exc.strerror or exc)) from exc


def _publish(staging: Path, folder: Path, names: Iterable[str]) -> list[Path]:
    out = []
    for name in names:
        target = folder / name
        os.replace(staging / name, target)
        out.append(target)
    return out


def _pdf_settings(dpi: float) -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.simplifyGeometries = True
    settings.exportMetadata = True
    settings.appendGeoreference = True
    return settings


def _image_settings(dpi: float, layout: QgsPrintLayout) -> QgsLayoutExporter.ImageExportSettings:
    """PNG settings; the pixel size is rounded like print software does (A4 at 300 dpi:
    3508 × 2480 px), where QGIS alone would truncate (3507 px) - when all pages share one size."""
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.generateWorldFile = False
    settings.exportMetadata = True
    pages = layout.pageCollection()
    sizes = {(pages.page(i).pageSize().width(), pages.page(i).pageSize().height()) for i in range(pages.pageCount())}
    if len(sizes) == 1:
        width, height = sizes.pop()
        settings.imageSize = QSize(round(width / 25.4 * dpi), round(height / 25.4 * dpi))
    return settings


@contextlib.contextmanager
def _quiet_gdal():
    """Silence GDAL during PNG export: QGIS tries to georeference the PNG in place, which GDAL's PNG
    driver refuses ("does not support update access") - harmless, but printed to stderr."""
    if gdal is None:
        yield
        return
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def export_layout(layout: QgsPrintLayout, path: str | os.PathLike, dpi: float = 300) -> Path:
    """Write *layout* to *path*: PDF (text as text, fonts embedded, ToUnicode repaired) or PNG at
    *dpi* (A4 landscape at 300 dpi is 3508 × 2480 px; pages after the first of a multi-page layout
    go to ``name_2.png``, ``name_3.png`` …). Written in a temporary folder beside *path* and renamed
    when complete, so a failed export leaves nothing behind; returns *path*."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise LayoutError(tr("cannot export {path}: use a .pdf or .png file name").format(path=path))
    if not layout.pageCollection().pageCount():
        raise LayoutError(tr("the layout '{name}' has no page to export").format(name=layout.name()))
    staging = _staging(path)
    try:
        target = staging / path.name
        exporter = QgsLayoutExporter(layout)
        if suffix == ".pdf":
            result = exporter.exportToPdf(str(target), _pdf_settings(dpi))
        else:
            with _quiet_gdal():
                result = exporter.exportToImage(str(target), _image_settings(dpi, layout))
        if result != QgsLayoutExporter.Success or not target.exists():
            raise _result_error(result, path, dpi)
        if suffix == ".pdf":
            fix_pdf_text(target)
        _publish(staging, path.parent, sorted(p.name for p in staging.iterdir()))
    except OSError as exc:
        raise LayoutError(tr("cannot write {path}: {reason}; choose a folder you can write to").format(
            path=path, reason=exc.strerror or exc)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return path
