"""CAD layer names of the 1:500 topographic map and OGR label styles (core.cadlayers), without
QGIS or a drawing; tests/qgis/test_basemap.py imports a real DXF."""
from __future__ import annotations

import pytest

from citygrid_plugin.core.cadlayers import LayerMappingError, classify_layer, parse_label_style, parse_layer_mapping


def test_layer_names_and_label_styles():
    assert classify_layer("DLSS_ZX") == ("road", True)
    assert classify_layer("jmd") == ("building", True)
    assert classify_layer("GXYZ_PS") == ("other", True)  # known, deliberately 'other'
    assert classify_layer("TK") == ("other", False)
    assert classify_layer("建筑物轮廓") == ("building", True)
    rules = parse_layer_mapping("DLSS=other;DLSS_ZX=road")
    assert classify_layer("DLSS_ZX", rules) == ("road", True)  # longest given prefix first
    assert classify_layer("DLSS_BX", rules) == ("other", True)
    assert parse_label_style('LABEL(f:"Arial",t:"a:1, s:9g",a:-28.3,s:2.5g,c:#000000)') == ("a:1, s:9g", 2.5, -28.3)
    assert parse_label_style("PEN(c:#000000)") == (None, None, 0.0)


def test_layer_mappings_are_read_or_refused_with_the_entry():
    assert parse_layer_mapping(" DLSS = Road ,\nFW=building; ") == [("DLSS", "road"), ("FW", "building")]
    assert parse_layer_mapping("") == []
    with pytest.raises(LayerMappingError, match="unknown kind 'house'"):
        parse_layer_mapping("FW=house")
    with pytest.raises(LayerMappingError, match="must look like CADLAYER=kind"):
        parse_layer_mapping("FW building")
