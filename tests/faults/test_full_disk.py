"""A full disk on the client: exporting a census field package, and syncing one, onto a disk
with no space left.

What is simulated, exactly:

* where ``mount`` is permitted (root, as in CI), a tiny tmpfs mounted for the test: the
  kernel's own ENOSPC reaches GDAL/SQLite (the GeoPackage) and QGIS's zip writer (the .qgz)
  exactly as on a full USB stick or laptop disk. Two sizes put the failure in each file: one too
  small for the GeoPackage, one that holds the GeoPackage but not the project. For the sync,
  the package lives on a tmpfs that a filler file then fills to the last byte;
* everywhere (no mount needed), the store-level export in a child process whose file-size limit
  (RLIMIT_FSIZE, with SIGXFSZ ignored) makes writes fail with EFBIG part-way through — the same
  failure path through GDAL and SQLite, one errno over.

Not simulated: a full disk on the database server. A test must not fill the shared cluster's
disk; PostgreSQL reports it as SQLSTATE 53100 (disk_full), which
:func:`citygrid_plugin.store.db.describe_error` words as "the store's disk is full (…): nothing
was changed", and the transaction is rolled back like any other failed statement.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from tests.helpers.fieldwork import (
    ROOT,
    edit_in_project,
    export,
    new_point,
    store_sql,
    sync,
)


@pytest.fixture
def tmpfs(tmp_path):
    """mount(size_bytes) -> an empty folder on a tmpfs of that size; unmounted afterwards."""
    mounted = []

    def mount(size: int) -> Path:
        folder = tmp_path / f"disk{len(mounted)}"
        folder.mkdir()
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({proc.stderr.strip()}); the RLIMIT_FSIZE test covers it")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> Path:
    """Write a file until the disk is full (unbuffered: every byte that fits is written)."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == 28  # ENOSPC: the disk really is full
    return filler


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# GDAL reports the failed final write of the half-written file again from its destructor
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_export_onto_a_full_disk_fails_clearly_and_leaves_no_half_package(census, tmp_path, tmpfs):
    """Too little space for the GeoPackage, then for the project beside it: each time the export
    fails with a message naming the file and the disk, and the folder is left empty (no
    half-written .gpkg, .qgz, journal or base map); with space again the same export works."""
    first = export(census, tmp_path / "roomy")
    gpkg_size, qgz_size = Path(first["PACKAGE"]).stat().st_size, Path(first["PROJECT"]).stat().st_size
    page = 4096
    for size, culprit in ((16 * page, "pkg.gpkg"), (-(-(gpkg_size + qgz_size // 4) // page) * page, "pkg.qgz")):
        folder = tmpfs(size)
        with pytest.raises(QgsProcessingException) as err:
            export(census, folder)
        message = str(err.value)
        assert f"cannot write the package {folder / culprit}" in message, message
        assert "KB free on that disk" in message and "disk full" in message and "Nothing was kept" in message
        assert "Traceback" not in message
        assert os.listdir(folder) == []
    again = export(census, tmpfs(8 * 1024 * 1024))
    assert again["COMPONENTS"] == first["COMPONENTS"] and Path(again["PROJECT"]).exists()


def test_a_sync_whose_package_update_hits_a_full_disk_is_healed_by_the_rerun(census, tmpfs):
    """The disk fills up between field work and sync: the store takes the field work (one
    transaction, committed), the package cannot be updated and is left byte-for-byte as it was,
    the message says to run the sync again; once there is space the re-run adopts what the store
    already holds: nothing inserted twice, nothing lost."""
    folder = tmpfs(4 * 1024 * 1024)
    res = export(census, folder)
    gpkg, qgz = Path(res["PACKAGE"]), Path(res["PROJECT"])
    _code, x, y = census["xy"][0]
    new_uid = edit_in_project(qgz, lambda layer: new_point(layer, x + 2, y + 1, note="满盘")["uid"])
    before = digest(gpkg)
    filler = fill(folder)
    with pytest.raises(QgsProcessingException) as err:
        sync(census, gpkg)
    message = str(err.value)
    assert "the store was updated, but the package could not be" in message and "0 KB free" in message
    assert "run the sync again" in message
    assert digest(gpkg) == before
    assert store_sql(census, "SELECT count(*) FROM citygrid.component WHERE uid = %s", (new_uid,))[0][0] == 1
    filler.unlink()
    second = sync(census, gpkg)
    assert (second["INSERTED"], second["UPDATED"], second["ALREADY_SYNCED"], second["CONFLICTS"]) == (0, 0, 1, 0)
    assert store_sql(census, "SELECT count(*) FROM citygrid.component WHERE note = '满盘'")[0][0] == 1
    third = sync(census, gpkg)
    assert (third["INSERTED"], third["UPDATED"], third["REFRESHED"], third["ALREADY_SYNCED"]) == (0, 0, 0, 0)


CHILD = r"""
import json, resource, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from citygrid_plugin.store import db, fieldwork
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)          # writes past the limit fail with EFBIG
conn = db.connect(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[5]), int(sys.argv[5])))
try:
    report = fieldwork.export_package(conn, [sys.argv[3]], Path(sys.argv[4]), "test store", 4544)
    print(json.dumps({"ok": report.total}))
except Exception as exc:
    print(json.dumps({"type": type(exc).__name__, "message": str(exc)}))
"""


def test_store_export_past_the_file_size_limit_fails_clearly_and_leaves_nothing(census, cluster, fresh_db, tmp_path):
    """The export (store level, no QGIS) in a process that may write only 64 KiB per file:
    a StoreError naming the package and the disk, and no file left behind; with no limit the
    same call writes the package (so the limit, not the data, made it fail)."""
    folder = tmp_path / "limited"
    folder.mkdir()
    args = [sys.executable, "-c", CHILD, str(ROOT), cluster.dsn(fresh_db), census["grids"][0]]
    out = subprocess.run([*args, str(folder / "pkg.gpkg"), str(64 * 1024)], capture_output=True, text=True,
                         timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["type"] == "StoreError", result
    assert f"cannot write the package {folder / 'pkg.gpkg'}" in result["message"]
    assert "disk full or write-protected" in result["message"] and "Nothing was kept" in result["message"]
    assert os.listdir(folder) == []
    out = subprocess.run([*args, str(folder / "pkg.gpkg"), str(64 * 1024 * 1024)], capture_output=True, text=True,
                         timeout=120)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"ok": 5}
    assert os.listdir(folder) == ["pkg.gpkg"]
