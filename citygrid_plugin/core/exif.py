"""The time and position a photo carries (EXIF), read in pure Python.

A handheld's JPEG holds an APP1 "Exif" segment: a TIFF structure whose first directory (IFD0)
points to the Exif directory (DateTimeOriginal, tag 0x9003, with OffsetTimeOriginal 0x9011 when
the camera wrote it) and the GPS directory (GPSLatitude/Ref, GPSLongitude/Ref). Only these are
read. Everything in a photo is untrusted input: a broken or hostile segment gives ``None`` values,
never an exception, and offsets are bounds-checked. PNG files carry no EXIF that handhelds write:
they give nothing.

The values are informational (shown with the photo, kept in the store); they never decide a
deadline (the store's clock does).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))  # a camera without an offset tag shows local (Beijing) time


@dataclass(frozen=True)
class ExifInfo:
    taken_at: datetime | None = None
    lon: float | None = None
    lat: float | None = None


def image_type(content: bytes) -> str | None:
    """'image/jpeg' or 'image/png' by the first bytes (not the file name), else None."""
    if content[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if content[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    return None


def read_exif(content: bytes) -> ExifInfo:
    """The EXIF time and GPS position of a JPEG (empty for anything else or a broken segment)."""
    try:
        tiff = _app1(content)
        return _parse(tiff) if tiff else ExifInfo()
    except (struct.error, ValueError, IndexError, ZeroDivisionError, OverflowError):
        return ExifInfo()


def _app1(content: bytes) -> bytes | None:
    if image_type(content) != "image/jpeg":
        return None
    pos = 2
    while pos + 4 <= len(content):
        if content[pos] != 0xFF:
            return None
        marker = content[pos + 1]
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no more metadata
            return None
        size = struct.unpack(">H", content[pos + 2:pos + 4])[0]
        if marker == 0xE1 and content[pos + 4:pos + 10] == b"Exif\x00\x00":
            return content[pos + 10:pos + 2 + size]
        pos += 2 + size
    return None


def _parse(tiff: bytes) -> ExifInfo:
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return ExifInfo()

    def ifd(offset: int) -> dict[int, tuple[int, int, bytes]]:
        """tag -> (type, count, value-or-offset bytes) of the directory at *offset*."""
        if not 8 <= offset < len(tiff) - 2:
            return {}
        n = struct.unpack(order + "H", tiff[offset:offset + 2])[0]
        out = {}
        for i in range(min(n, 512)):
            e = offset + 2 + 12 * i
            if e + 12 > len(tiff):
                break
            tag, typ, count = struct.unpack(order + "HHI", tiff[e:e + 8])
            out[tag] = (typ, count, tiff[e + 8:e + 12])
        return out

    def data(entry, unit: int) -> bytes:
        typ, count, raw = entry
        size = unit * count
        if size <= 4:
            return raw[:size]
        start = struct.unpack(order + "I", raw)[0]
        if start + size > len(tiff):
            raise ValueError("EXIF value outside the segment")
        return tiff[start:start + size]

    def text(entry) -> str:
        return data(entry, 1).split(b"\x00")[0].decode("ascii", "replace").strip()

    def rationals(entry) -> list[float]:
        raw = data(entry, 8)
        values = struct.unpack(order + "I" * (2 * entry[1]), raw)
        return [values[i] / values[i + 1] for i in range(0, len(values), 2)]

    def pointer(directory, tag) -> int:
        entry = directory.get(tag)
        return struct.unpack(order + "I", entry[2])[0] if entry else 0

    ifd0 = ifd(struct.unpack(order + "I", tiff[4:8])[0])
    exif = ifd(pointer(ifd0, 0x8769))
    gps = ifd(pointer(ifd0, 0x8825))

    taken_at = None
    stamp = exif.get(0x9003) or ifd0.get(0x0132)
    if stamp:
        try:
            naive = datetime.strptime(text(stamp)[:19], "%Y:%m:%d %H:%M:%S")
            tz = CHINA
            offset = exif.get(0x9011)
            if offset:
                sign, hh, mm = text(offset)[0], int(text(offset)[1:3]), int(text(offset)[4:6])
                tz = timezone((-1 if sign == "-" else 1) * timedelta(hours=hh, minutes=mm))
            taken_at = naive.replace(tzinfo=tz)
        except (ValueError, IndexError):
            taken_at = None

    lon = lat = None
    if all(t in gps for t in (1, 2, 3, 4)):
        d, m, s = rationals(gps[2])
        lat = (d + m / 60 + s / 3600) * (-1 if text(gps[1]).upper() == "S" else 1)
        d, m, s = rationals(gps[4])
        lon = (d + m / 60 + s / 3600) * (-1 if text(gps[3]).upper() == "W" else 1)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            lon = lat = None
    return ExifInfo(taken_at, lon, lat)


def make_exif_segment(taken_at: datetime | None = None, lon: float | None = None,
                      lat: float | None = None) -> bytes:
    """An APP1 Exif segment holding these values (big-endian): for tests and the demo's photos,
    which insert it after a JPEG's SOI marker (``content[:2] + segment + content[2:]``)."""
    entries0, exif_entries, gps_entries, blobs = [], [], [], []
    # layout: header(8) | IFD0 | Exif IFD | GPS IFD | data
    n0 = 2
    n_exif = 1 if taken_at else 0
    n_gps = 4 if lon is not None and lat is not None else 0
    size = lambda n: 2 + 12 * n + 4  # noqa: E731
    ifd0_at = 8
    exif_at = ifd0_at + size(n0)
    gps_at = exif_at + size(n_exif)
    data_at = gps_at + size(n_gps)

    def blob(raw: bytes) -> int:
        offset = data_at + sum(len(b) for b in blobs)
        blobs.append(raw)
        return offset

    def entry(tag, typ, count, value: bytes) -> bytes:
        if len(value) <= 4:
            return struct.pack(">HHI", tag, typ, count) + value.ljust(4, b"\x00")
        return struct.pack(">HHII", tag, typ, count, blob(value))

    entries0.append(entry(0x8769, 4, 1, struct.pack(">I", exif_at)))
    entries0.append(entry(0x8825, 4, 1, struct.pack(">I", gps_at)))
    if taken_at:
        exif_entries.append(entry(0x9003, 2, 20, taken_at.strftime("%Y:%m:%d %H:%M:%S").encode() + b"\x00"))
    if n_gps:
        def dms(v: float) -> bytes:
            v = abs(v)
            d = int(v)
            m = int((v - d) * 60)
            s = round(((v - d) * 60 - m) * 60 * 10000)
            return struct.pack(">IIIIII", d, 1, m, 1, s, 10000)
        gps_entries += [entry(1, 2, 2, (b"S" if lat < 0 else b"N") + b"\x00"), entry(2, 5, 3, dms(lat)),
                        entry(3, 2, 2, (b"W" if lon < 0 else b"E") + b"\x00"), entry(4, 5, 3, dms(lon))]

    def directory(entries):
        return struct.pack(">H", len(entries)) + b"".join(entries) + b"\x00\x00\x00\x00"

    tiff = (b"MM\x00\x2a" + struct.pack(">I", ifd0_at) + directory(entries0) + directory(exif_entries)
            + directory(gps_entries) + b"".join(blobs))
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
