"""Photos of cases, in the store (issue 15): evidence by stage, under their case's security.

A photo belongs to a case and a stage: ``report`` (what was reported), ``verify`` (核实, the
supervisor on site), ``handle`` (the department's result, 处置) and ``check`` (核查). It is added
only through :sql:`citygrid.case_photo_add`, which decides who may add a photo of which stage now,
checks the type by the first bytes (JPEG or PNG), the size (10 MB) and the count (9 per case and
stage), and stamps who and when with the login and the server's clock. Rows are append-only and
visible exactly when their case is (row-level security); they are in every backup (pg_dump).

This module reads files and checks them first, so that a person gets a clear refusal naming the
file before anything is sent, and the store checks again for every other client.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psycopg2

from ..core.exif import image_type, read_exif
from ..core.i18n import tr
from .cases import CaseRefused, _error
from .db import reading, rollback

PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_COUNT = 9
STAGES = ("report", "verify", "handle", "check")


class PhotoError(CaseRefused):
    """A photo refused: what (type, size, count), which file, and how to fix it."""


@dataclass(frozen=True)
class Photo:
    """A photo to add: its bytes and type, the file name, and the EXIF time and WGS84 position
    when it carries them (informational)."""
    content: bytes
    mime: str
    name: str = ""
    taken_at: datetime | None = None
    lon: float | None = None
    lat: float | None = None

    @classmethod
    def from_bytes(cls, content: bytes, name: str = "") -> Photo:
        """Check *content* (JPEG or PNG by its first bytes, at most 10 MB) and read its EXIF."""
        label = name or tr("(unnamed)")
        if not content:
            raise PhotoError(tr("The photo {name} is empty: choose the photo file again").format(name=label))
        if len(content) > PHOTO_MAX_BYTES:
            raise PhotoError(tr("The photo {name} has {mb:.1f} MB; at most {limit} MB: send a smaller photo "
                                "(the camera's medium size)").format(name=label, mb=len(content) / 1048576,
                                                                     limit=PHOTO_MAX_BYTES // 1048576))
        mime = image_type(content)
        if mime is None:
            raise PhotoError(tr("The file {name} is not a JPEG or PNG photo: choose a photo (.jpg or .png)")
                             .format(name=label))
        info = read_exif(content)
        return cls(content, mime, name, info.taken_at, info.lon, info.lat)


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    case_id: int
    stage: str
    mime: str
    size: int
    name: str | None
    taken_at: datetime | None
    lon: float | None
    lat: float | None
    uploaded_at: datetime
    uploaded_by: str


def read_photo(path: str | Path) -> Photo:
    """A photo file, checked (:meth:`Photo.from_bytes`); a file that cannot be read is refused
    with its name."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > PHOTO_MAX_BYTES:  # refuse before reading a huge file into memory
            raise PhotoError(tr("The photo {name} has {mb:.1f} MB; at most {limit} MB: send a smaller photo "
                                "(the camera's medium size)").format(name=path.name, mb=size / 1048576,
                                                                     limit=PHOTO_MAX_BYTES // 1048576))
        content = path.read_bytes()
    except OSError as exc:
        raise PhotoError(tr("The photo {name} cannot be read: {error}").format(name=path.name,
                                                                                 error=exc.strerror or exc)) from exc
    return Photo.from_bytes(content, path.name)


def check_count(photos, stage: str) -> None:
    """Refuse more photos than a stage may hold, before anything is sent."""
    if len(photos) > PHOTO_MAX_COUNT:
        raise PhotoError(tr("{n} photos for one stage; at most {limit}: remove some")
                         .format(n=len(photos), limit=PHOTO_MAX_COUNT))


def add_photo(conn, case_id: int, stage: str, photo: Photo, commit: bool = True) -> int:
    """Add *photo* to the case for *stage* as the logged-in user; returns its id. The store
    checks who may add it now, its type, size and count; a refusal raises :class:`PhotoError`
    (the transaction is rolled back)."""
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT citygrid.case_photo_add(%s, %s, %s, %s, %s, %s, %s)",
                        (case_id, stage, psycopg2.Binary(photo.content), photo.name or None, photo.taken_at,
                         photo.lon, photo.lat))
            photo_id = cur.fetchone()[0]
        if commit:
            conn.commit()
        return photo_id
    except psycopg2.Error as exc:
        rollback(conn)
        error = _error(exc, conn)
        if isinstance(error, CaseRefused):
            refused = PhotoError(str(error))
            refused.store_message = getattr(error, "store_message", "")
            raise refused from exc
        raise error from exc


def case_photos(conn, case_id: int) -> list[PhotoInfo]:
    """The photos of a case the login may see, by stage (report, verify, handle, check) then time."""
    with reading(conn) as cur:
        cur.execute("""
            SELECT id, case_id, stage, mime, size, name, taken_at, lon, lat, uploaded_at, uploaded_by
              FROM citygrid.case_photo WHERE case_id = %s
             ORDER BY array_position(ARRAY['report', 'verify', 'handle', 'check'], stage), uploaded_at, id""",
                    (case_id,))
        rows = [PhotoInfo(*r) for r in cur.fetchall()]
    return rows


def photo_content(conn, photo_id: int) -> bytes:
    """The bytes of a photo the login may see (an unknown or hidden photo raises PhotoError)."""
    with reading(conn) as cur:
        cur.execute("SELECT content FROM citygrid.case_photo WHERE id = %s", (photo_id,))
        row = cur.fetchone()
    if row is None:
        raise PhotoError(tr("Photo {id} does not exist or is not yours to see").format(id=photo_id))
    return bytes(row[0])


def first_photos(conn, case_ids: list[int], stage: str = "report") -> dict[int, int]:
    """case id -> id of its first photo of *stage* (cases without one are left out)."""
    if not case_ids:
        return {}
    with reading(conn) as cur:
        cur.execute("SELECT DISTINCT ON (case_id) case_id, id FROM citygrid.case_photo "
                    "WHERE case_id = ANY(%s) AND stage = %s ORDER BY case_id, id", (list(case_ids), stage))
        rows = dict(cur.fetchall())
    return rows
