#!/usr/bin/env python3
"""Write data_samples/basemap_sample.dxf: the sample district as a 1:500 CAD base map (地形图).

Survey offices hand out 1:500 topographic maps as CAD drawings whose layer names follow the
Chinese topographic layer naming (CASS style): JMD 居民地 (buildings), DLSS 道路设施 (roads),
JJ 境界 (boundaries), ZJ 注记 (annotations), TK 图框 (map frame) … This script builds such a
drawing from data_samples/sample_district.gpkg (EPSG:4544) with GDAL's DXF writer, so that
``citygrid:importdxf`` can be tried and tested on something shaped like the real thing:

=========  ===================================================================  ===============
CAD layer  entities                                                             imported as
=========  ===================================================================  ===============
JMD        one closed LWPOLYLINE per building footprint                          building polygon
DLSS       road surface outlines (closed LWPOLYLINEs, one per ring)              road line
DLSS_ZX    road centrelines (LWPOLYLINE)                                         road line
JJ         street (街道) boundaries (closed LWPOLYLINEs)                          boundary line
ZJ         MTEXT: street names at the street centroids (3 m high), community     annotation text
           names (2 m) and road class labels along the five longest arterials,
           rotated with the road
TK         map frame (图框) around the district and its title: a layer the        other (reported)
           default mapping does not know, to show the warning
=========  ===================================================================  ===============

CAD drawings carry no CRS; this one is in EPSG:4544 coordinates (``--epsg`` writes the same
drawing in another projected CRS, e.g. 32648 for the UTM test). Coordinates are rounded to the
millimetre. Everything in it is as synthetic as the sample district (see data_samples/README.md).

Usage: scripts/make_sample_dxf.py [--out data_samples/basemap_sample.dxf] [--epsg 4544]
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data_samples" / "sample_district.gpkg"
OUT = ROOT / "data_samples" / "basemap_sample.dxf"
SAMPLE_EPSG = 4544
FRAME_MARGIN_M = 20.0
TITLE = "锦江区（示例） 1:500 地形图（合成数据）"


def _rings(geom):
    """Every ring (exterior and interior) of a (multi)polygon, each as a one-ring polygon (the
    DXF writer turns it into a closed LWPOLYLINE, flag 70=1, as CAD draws a closed outline)."""
    from osgeo import ogr

    flat = ogr.GT_Flatten(geom.GetGeometryType())
    polys = [geom] if flat == ogr.wkbPolygon else [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
    for poly in polys:
        for i in range(poly.GetGeometryCount()):
            ring = poly.GetGeometryRef(i)
            line = ogr.Geometry(ogr.wkbLinearRing)
            for x, y, *_ in ring.GetPoints():
                line.AddPoint_2D(x, y)
            one = ogr.Geometry(ogr.wkbPolygon)
            one.AddGeometry(line)
            yield one


def _round(geom, digits: int = 3):
    """A copy of a point, line or one-ring polygon with coordinates rounded to the millimetre:
    a smaller file, the same drawing."""
    from osgeo import ogr

    flat = ogr.GT_Flatten(geom.GetGeometryType())
    source = geom.GetGeometryRef(0) if flat == ogr.wkbPolygon else geom
    line = ogr.Geometry(ogr.wkbLinearRing if flat == ogr.wkbPolygon else flat)
    for x, y, *_ in source.GetPoints():
        line.AddPoint_2D(round(x, digits), round(y, digits))
    if flat != ogr.wkbPolygon:
        return line
    out = ogr.Geometry(ogr.wkbPolygon)
    out.AddGeometry(line)
    return out


def _angle(line) -> float:
    """Direction of a line from its first to its last point, in degrees counter-clockwise from
    east, turned to read left to right (-90, 90]."""
    (x0, y0, *_), (x1, y1, *_) = line.GetPoint(0), line.GetPoint(line.GetPointCount() - 1)
    angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    return round(angle, 1)


def write_sample_dxf(out: Path = OUT, gpkg: Path = SAMPLE, epsg: int = SAMPLE_EPSG) -> dict[tuple[str, str], int]:
    """Write the drawing; return what was written as {(CAD layer, entity type): count} where
    entity type is 'polyline', 'closed' (closed polyline) or 'text'."""
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    src = ogr.Open(str(gpkg))
    if src is None:
        raise SystemExit(f"cannot open {gpkg}")
    xform = None
    if epsg != SAMPLE_EPSG:
        a, b = osr.SpatialReference(), osr.SpatialReference()
        a.ImportFromEPSG(SAMPLE_EPSG)
        b.ImportFromEPSG(epsg)
        for s in (a, b):
            s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        xform = osr.CoordinateTransformation(a, b)

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    hatch = gdal.GetConfigOption("DXF_WRITE_HATCH")
    gdal.SetConfigOption("DXF_WRITE_HATCH", "FALSE")  # polygons as closed polylines, not HATCH fills
    try:
        written = _write(src, out, xform)
    finally:
        gdal.SetConfigOption("DXF_WRITE_HATCH", hatch)
    return written


def _write(src, out: Path, xform) -> dict[tuple[str, str], int]:
    from osgeo import ogr

    dst = ogr.GetDriverByName("DXF").CreateDataSource(str(out))
    layer = dst.CreateLayer("entities")
    written: dict[tuple[str, str], int] = {}

    def put(cad_layer: str, geom, kind: str, style: str | None = None) -> None:
        geom = geom.Clone()
        if xform is not None:
            geom.Transform(xform)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("Layer", cad_layer)
        feature.SetGeometry(_round(geom))
        if style:
            feature.SetStyleString(style)
        if layer.CreateFeature(feature) != 0:
            raise SystemExit(f"could not write a {cad_layer} entity")
        written[(cad_layer, kind)] = written.get((cad_layer, kind), 0) + 1

    def label(cad_layer: str, point, text: str, height: float, angle: float = 0.0) -> None:
        text = text.replace('"', "'")
        put(cad_layer, point, "text", f'LABEL(f:"Noto Sans CJK SC",t:"{text}",s:{height:g}g,a:{angle:g})')

    for feature in src.GetLayerByName("buildings"):
        for ring in _rings(feature.GetGeometryRef()):
            put("JMD", ring, "closed")
    for feature in src.GetLayerByName("road_surfaces"):
        for ring in _rings(feature.GetGeometryRef()):
            put("DLSS", ring, "closed")
    arterials = []
    for feature in src.GetLayerByName("roads"):
        geom = feature.GetGeometryRef()
        put("DLSS_ZX", geom, "polyline")
        if feature.GetField("road_class") == "主干路":
            arterials.append((geom.Length(), feature.GetFID(), geom.Clone()))
    for feature in src.GetLayerByName("streets"):
        geom = feature.GetGeometryRef()
        for ring in _rings(geom):
            put("JJ", ring, "closed")
        label("ZJ", geom.Centroid(), feature.GetField("name"), 3.0)
    for feature in src.GetLayerByName("communities"):
        label("ZJ", feature.GetGeometryRef().PointOnSurface(), feature.GetField("name"), 2.0)
    for _length, _fid, geom in sorted(arterials, key=lambda t: (-t[0], t[1]))[:5]:
        middle = geom.Value(geom.Length() / 2)  # the point halfway along the road
        label("ZJ", middle, "主干路", 2.5, _angle(geom))

    minx, maxx, miny, maxy = src.GetLayerByName("district").GetExtent()
    m = FRAME_MARGIN_M
    frame = ogr.CreateGeometryFromWkt(
        f"POLYGON (({minx - m} {miny - m}, {maxx + m} {miny - m}, {maxx + m} {maxy + m}, "
        f"{minx - m} {maxy + m}, {minx - m} {miny - m}))")
    put("TK", frame, "closed")
    title = ogr.CreateGeometryFromWkt(f"POINT ({minx} {maxy + m + 5})")
    label("TK", title, TITLE, 8.0)
    dst = None
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--epsg", type=int, default=SAMPLE_EPSG, help="CRS of the drawing's coordinates")
    args = parser.parse_args()
    written = write_sample_dxf(args.out, epsg=args.epsg)
    for (cad_layer, kind), n in sorted(written.items()):
        print(f"  {cad_layer:8} {kind:9} {n}")
    size = args.out.stat().st_size / 1e6
    print(f"{args.out} ({size:.1f} MB, EPSG:{args.epsg} coordinates)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
