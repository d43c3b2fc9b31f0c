"""Small real photos for the tests (Pillow, which Debian's matplotlib brings): JPEGs with or
without EXIF time and position, PNGs, and files that only pretend to be photos."""
from __future__ import annotations

import io
from datetime import datetime

from PIL import Image

from citygrid_plugin.core.exif import make_exif_segment
from citygrid_plugin.store.photos import Photo


def jpeg(colour=(200, 60, 40), size=(64, 48), taken_at: datetime | None = None, lon: float | None = None,
         lat: float | None = None, padding: int = 0) -> bytes:
    """A JPEG of one colour; with EXIF DateTimeOriginal/GPS when given; *padding* bytes of a
    comment segment make it as large as a test needs."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=80)
    content = out.getvalue()
    if taken_at is not None or lon is not None:
        content = content[:2] + make_exif_segment(taken_at, lon, lat) + content[2:]
    while padding > 0:
        chunk = min(padding, 65533)
        content = content[:2] + b"\xff\xfe" + (chunk + 2).to_bytes(2, "big") + b"x" * chunk + content[2:]
        padding -= chunk
    return content


def png(colour=(40, 120, 200), size=(32, 32)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def photo(name="现场.jpg", **kwargs) -> Photo:
    return Photo.from_bytes(jpeg(**kwargs), name)
