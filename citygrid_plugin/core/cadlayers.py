"""The layers of a CAD drawing of the 1:500 topographic map (1:500 地形图) and what they hold.

Survey offices name CAD layers after the Chinese topographic layer naming (CASS style: JMD 居民地,
DLSS 道路设施, SXSS 水系设施, ZBTZ 植被土质, JJ 境界, ZJ 注记 …). These rules map a layer to a base
map kind; a user's own mapping ("DLSS=road;FW=building") is tried first. Also the text, height and
angle of an annotation from the OGR style string of a DXF text entity."""
from __future__ import annotations

import re

from .i18n import tr

KINDS = ("road", "building", "water", "vegetation", "boundary", "annotation", "other")
POLYGON_KINDS = frozenset({"building", "water", "vegetation"})  # closed outlines become areas

# Chinese 1:500 topographic CAD layer names (CASS style), matched as prefixes, case-insensitive.
DEFAULT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("JMD", "building"),    # 居民地 buildings
    ("DLSS", "road"),       # 道路设施 roads (DLSS_ZX centrelines too)
    ("SXSS", "water"),      # 水系设施 water
    ("ZBTZ", "vegetation"),  # 植被土质 vegetation
    ("JJ", "boundary"),     # 境界 boundaries
    ("ZJ", "annotation"),   # 注记 annotations
    ("GXYZ", "other"),      # 管线设施 pipelines
    ("DMTZ", "other"),      # 地貌土质 relief
    ("KZD", "other"),       # 控制点 control points
    ("DLDW", "other"),      # 独立地物 standalone features
    ("GCD", "other"),       # 高程点 spot heights
    ("DGX", "other"),       # 等高线 contours
)
# Chinese layer names, matched as substrings (checked after the prefixes).
DEFAULT_WORDS: tuple[tuple[str, str], ...] = (
    ("房屋", "building"), ("建筑", "building"), ("居民地", "building"),
    ("道路", "road"),
    ("注记", "annotation"),
    ("植被", "vegetation"), ("绿地", "vegetation"),
    ("境界", "boundary"),
    ("水", "water"),
)
_STYLE_TEXT = re.compile(r't:"(?:[^"\\]|\\.)*"')
_STYLE_ANGLE = re.compile(r"(?:^|[,(])a:(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)")
_STYLE_SIZE = re.compile(r"(?:^|[,(])s:([0-9.]+(?:[eE][-+]?[0-9]+)?)(g|mm|pt|px)?")


class LayerMappingError(ValueError):
    """A layer mapping that cannot be read; the message shows the entry and the right form."""


def parse_layer_mapping(text: str) -> list[tuple[str, str]]:
    """``"DLSS=road;JMD=building"`` → [("DLSS", "road"), ("JMD", "building")] (';', ',' or new
    lines between entries). A kind outside :data:`KINDS` or an entry without '=' is an error."""
    rules = []
    for entry in re.split(r"[;,\n]", text or ""):
        entry = entry.strip()
        if not entry:
            continue
        key, sep, kind = entry.partition("=")
        key, kind = key.strip(), kind.strip().lower()
        if not sep or not key:
            raise LayerMappingError(tr(
                "layer mapping entry '{entry}' must look like CADLAYER=kind, e.g. DLSS=road").format(entry=entry))
        if kind not in KINDS:
            raise LayerMappingError(tr(
                "layer mapping entry '{entry}': unknown kind '{kind}' (use one of {kinds})").format(
                entry=entry, kind=kind, kinds=", ".join(KINDS)))
        rules.append((key, kind))
    return rules


def classify_layer(name: str, rules: list[tuple[str, str]] | None = None) -> tuple[str, bool]:
    """(kind, known) of a CAD layer: the given rules first, then the built-in prefixes, then the
    Chinese words; a layer none of them knows is ('other', False)."""
    folded = (name or "").strip().casefold()
    for table in (rules or [], DEFAULT_PREFIXES):
        for prefix, kind in sorted(table, key=lambda r: -len(r[0])):
            if folded.startswith(prefix.casefold()):
                return kind, True
    for word, kind in DEFAULT_WORDS:
        if word in folded:
            return kind, True
    return "other", False


def parse_label_style(style: str) -> tuple[str | None, float | None, float]:
    """(text, height in drawing units, angle in degrees) of an OGR ``LABEL(...)`` style string."""
    if not style or "LABEL(" not in style:
        return None, None, 0.0
    label = style[style.index("LABEL("):]
    text_match = _STYLE_TEXT.search(label)
    text = text_match.group(0)[3:-1].replace('\\"', '"') if text_match else None
    rest = _STYLE_TEXT.sub("", label)
    angle_match = _STYLE_ANGLE.search(rest)
    size_match = _STYLE_SIZE.search(rest)
    angle = float(angle_match.group(1)) if angle_match else 0.0
    height = None
    if size_match and (size_match.group(2) in (None, "g")):
        height = float(size_match.group(1))
    return text, height, angle
