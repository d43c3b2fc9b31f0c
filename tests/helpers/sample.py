"""The sample district for tests that open it in QGIS. QGIS opens GeoPackages for update and
touches them, so tests use a copy made once per test run: the committed sample stays
byte-identical."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_GPKG = Path(tempfile.mkdtemp(prefix="citygrid-sample-")) / "sample_district.gpkg"
shutil.copyfile(ROOT / "data_samples" / "sample_district.gpkg", SAMPLE_GPKG)
