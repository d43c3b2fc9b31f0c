#!/usr/bin/env python3
"""Regenerate styles/*.qml (`make styles`): the layer styles of the store and the base map.

The styles are written by code so they stay consistent (one CJK font, one palette) and can be
reviewed as a diff; hand edits in QGIS are fine too, as long as this script is updated.
Labels use Noto Sans CJK SC (Debian fonts-noto-cjk, installed by make setup) so Chinese
renders in maps and PDFs.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CJK_FONT = "Noto Sans CJK SC"


def main() -> int:
    from citygrid_plugin.standalone import start_qgis

    start_qgis()
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsLineSymbol,
        QgsPalLayerSettings,
        QgsRendererCategory,
        QgsSingleSymbolRenderer,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    def labels(expression: str, size: float, color: str, min_scale: float = 0) -> QgsVectorLayerSimpleLabeling:
        fmt = QgsTextFormat()
        fmt.setFont(QFont(CJK_FONT))
        fmt.setSize(size)
        fmt.setColor(QColor(color))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(1.0)
        buffer.setColor(QColor("white"))
        fmt.setBuffer(buffer)
        settings = QgsPalLayerSettings()
        settings.fieldName = expression
        settings.isExpression = True
        settings.setFormat(fmt)
        if min_scale:
            settings.scaleVisibility = True
            settings.minimumScale = min_scale
        return QgsVectorLayerSimpleLabeling(settings)

    out = ROOT / "styles"
    out.mkdir(exist_ok=True)

    def save(geom: str, name: str, renderer, labeling=None, opacity: float = 1.0) -> None:
        layer = QgsVectorLayer(f"{geom}?crs=EPSG:4544", name, "memory")
        layer.setRenderer(renderer)
        if labeling is not None:
            layer.setLabeling(labeling)
            layer.setLabelsEnabled(True)
        layer.setOpacity(opacity)
        msg, ok = layer.saveNamedStyle(str(out / f"{name}.qml"))
        if not ok:
            raise SystemExit(f"could not write {name}.qml: {msg}")
        print(f"styles/{name}.qml")

    save("MultiPolygon", "district", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "#5a2d82", "outline_width": "1.2", "outline_style": "dash"})))
    save("MultiPolygon", "street", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "#8e44ad", "outline_width": "0.8"})),
        labels("name", 12, "#5a2d82"))
    save("MultiPolygon", "community", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "#fdf6e3", "outline_color": "#b58900", "outline_width": "0.4"})),
        labels("name || '\\n' || full_code", 9, "#7a5c00", min_scale=50000), opacity=0.6)

    save("Polygon", "grid", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "#2f7f5f", "outline_width": "0.35"})),
        labels("CASE WHEN @map_scale < 2500 THEN \"code\" ELSE right(\"code\", 3) END", 8, "#1e5a41",
               min_scale=12000))
    save("MultiPolygon", "grid_problems", QgsCategorizedSymbolRenderer("severity", [
        QgsRendererCategory("error", QgsFillSymbol.createSimple({
            "color": "214,39,40,120", "outline_color": "#d62728", "outline_width": "0.6"}), "错误 error"),
        QgsRendererCategory("warning", QgsFillSymbol.createSimple({
            "color": "255,160,0,90", "outline_color": "#ff9f00", "outline_width": "0.4"}), "警告 warning")]),
        labels("\"message\"", 8, "#8b1a1a", min_scale=5000))

    road_colors = {"主干路": ("#e8710a", 0.9), "次干路": ("#f2a541", 0.6), "支路": ("#9c9c9c", 0.4),
                   "街巷": ("#c8c8c8", 0.26)}
    cats = [QgsRendererCategory(k, QgsLineSymbol.createSimple({"line_color": c, "line_width": str(w)}), k)
            for k, (c, w) in road_colors.items()]
    save("LineString", "roads", QgsCategorizedSymbolRenderer("road_class", cats))
    surf = [QgsRendererCategory(k, QgsFillSymbol.createSimple({"color": "#f4f1ea", "outline_color": "#bdb8ad",
                                                                 "outline_width": "0.15"}), k)
            for k in road_colors]
    save("MultiPolygon", "road_surfaces", QgsCategorizedSymbolRenderer("road_class", surf))
    save("Polygon", "buildings", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "#d9d0c9", "outline_color": "#a39389", "outline_width": "0.15"})),
        labels("floors || '层'", 7, "#6d5f55", min_scale=2500))
    return 0


if __name__ == "__main__":
    sys.exit(main())
