"""core.kde against QGIS itself: qgis:heatmapkerneldensityestimation on a memory layer of random
points in EPSG:4544 and kde_grid on the same points give the same raster (shape, geotransform,
no-data pixels, values to float32 precision), for every kernel, both scalings, weight and radius
fields, and QGIS's edge quirk; the GeoTIFF kde writes opens in QGIS as the same raster."""
from __future__ import annotations

import numpy as np
import processing
import pytest
from osgeo import gdal
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRasterLayer, QgsVectorLayer

from citygrid_plugin.core.kde import KERNELS, NODATA, OUTPUTS, kde_grid
from citygrid_plugin.rasters import write_geotiff


def point_layer(xy, weights=None, radii=None) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4544&field=w:double&field=r:double", "cases", "memory")
    features = []
    for i, (x, y) in enumerate(xy):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        f["w"] = float(weights[i]) if weights is not None else 1.0
        f["r"] = float(radii[i]) if radii is not None else 0.0
        features.append(f)
    assert layer.dataProvider().addFeatures(features)[0]
    layer.updateExtents()
    return layer


def qgis_heatmap(layer, tmp_path, radius, pixel, kernel="quartic", output="raw", decay=0.0, weight_field=None,
                 radius_field=None):
    params = {"INPUT": layer, "RADIUS": radius, "PIXEL_SIZE": pixel, "KERNEL": KERNELS.index(kernel),
              "DECAY": decay, "OUTPUT_VALUE": OUTPUTS.index(output),
              "OUTPUT": str(tmp_path / f"qgis_{kernel}_{output}_{len(list(tmp_path.iterdir()))}.tif")}
    if weight_field:
        params["WEIGHT_FIELD"] = weight_field
    if radius_field:
        params["RADIUS_FIELD"] = radius_field
    ds = gdal.Open(processing.run("qgis:heatmapkerneldensityestimation", params)["OUTPUT"])
    band = ds.GetRasterBand(1)
    assert band.GetNoDataValue() == NODATA
    return band.ReadAsArray(), ds.GetGeoTransform()


def assert_matches_qgis(ours, gt, theirs, their_gt, rtol=1e-6):
    assert ours.shape == theirs.shape
    assert gt == pytest.approx(their_gt, rel=0, abs=1e-9)
    assert np.array_equal(ours == NODATA, theirs == NODATA)
    data = theirs != NODATA
    assert data.sum() > 1000
    np.testing.assert_allclose(ours[data], theirs[data], rtol=rtol, atol=0)


@pytest.fixture(scope="module")
def cases():
    rng = np.random.default_rng(20260501)
    n = 300
    xy = np.c_[500000 + rng.uniform(0, 1500, n), 3390000 + rng.uniform(0, 1200, n)]
    xy[-10:] = xy[:10] + rng.normal(0, 0.01, (10, 2))  # near-duplicates, as geocoded cases often are
    weights = rng.uniform(0.5, 5.0, n)
    weights[:5] = 0.0
    radii = rng.uniform(60.0, 160.0, n)
    return xy, weights, radii


@pytest.mark.parametrize("kernel,output,decay", [
    ("quartic", "raw", 0.0), ("quartic", "scaled", 0.0), ("triangular", "raw", 0.3),
    ("triangular", "scaled", 0.5), ("uniform", "raw", 0.0), ("uniform", "scaled", 0.0),
    ("triweight", "scaled", 0.0), ("epanechnikov", "raw", 0.0)])
@pytest.mark.parametrize("radius,pixel", [(150.0, 7.0), (100.0, 10.0)])  # 150/7: QGIS widens the window
def test_kernels_match_qgis(qgis_app, qgis_processing, tmp_path, cases, kernel, output, decay, radius, pixel):
    xy, _, _ = cases
    theirs, their_gt = qgis_heatmap(point_layer(xy), tmp_path, radius, pixel, kernel, output, decay)
    methods = ("direct", "moments") if kernel != "triangular" else ("direct",)
    for method in methods:
        ours, gt = kde_grid(xy, radius, pixel, kernel, output, decay, method=method)
        assert_matches_qgis(ours, gt, theirs, their_gt)


def test_weight_field_matches_qgis(qgis_app, qgis_processing, tmp_path, cases):
    xy, weights, _ = cases
    theirs, their_gt = qgis_heatmap(point_layer(xy, weights), tmp_path, 120.0, 5.0, weight_field="w")
    for method in ("direct", "moments"):
        ours, gt = kde_grid(xy, 120.0, 5.0, weights=weights, method=method)
        assert_matches_qgis(ours, gt, theirs, their_gt)


def test_radius_field_matches_qgis(qgis_app, qgis_processing, tmp_path, cases):
    xy, weights, radii = cases
    layer = point_layer(xy, weights, radii)
    theirs, their_gt = qgis_heatmap(layer, tmp_path, 100.0, 8.0, "epanechnikov", "scaled",
                                    weight_field="w", radius_field="r")
    ours, gt = kde_grid(xy, 100.0, 8.0, "epanechnikov", "scaled", weights=weights, radii=radii)
    assert_matches_qgis(ours, gt, theirs, their_gt)


def test_negative_decay_matches_qgis_to_float32_accumulation(qgis_app, qgis_processing, tmp_path, cases):
    """With a negative decay kernels go below zero and sums cancel: QGIS's float32 running sum then
    differs from our float64 sum by ~1e-7 of the raster's largest value, not per pixel."""
    xy, _, _ = cases
    theirs, their_gt = qgis_heatmap(point_layer(xy), tmp_path, 150.0, 7.0, "triangular", "scaled", -0.5)
    ours, gt = kde_grid(xy, 150.0, 7.0, "triangular", "scaled", -0.5)
    assert ours.shape == theirs.shape and gt == pytest.approx(their_gt, abs=1e-9)
    assert np.array_equal(ours == NODATA, theirs == NODATA)
    data = theirs != NODATA
    assert (theirs[data] < 0).any()
    np.testing.assert_allclose(ours[data], theirs[data], rtol=0, atol=1e-6 * np.abs(theirs[data]).max())


def test_edge_quirk_matches_qgis(qgis_app, qgis_processing, tmp_path):
    """r = 200.6 m, pixel 10 m: the window is 43 pixels, a lone point's raster 42: QGIS's read
    fails and the point adds nothing (GDAL logs 'Access window out of range')."""
    lone = np.array([[500000.0, 3390000.0]])
    theirs, their_gt = qgis_heatmap(point_layer(lone), tmp_path, 200.6, 10.0)
    ours, gt = kde_grid(lone, 200.6, 10.0)
    assert ours.shape == theirs.shape == (42, 42) and gt == pytest.approx(their_gt)
    assert (theirs == NODATA).all() and (ours == NODATA).all()


def test_written_geotiff_opens_in_qgis_like_the_algorithm_output(qgis_app, qgis_processing, tmp_path, cases):
    xy, _, _ = cases
    ours, gt = kde_grid(xy, 100.0, 10.0)
    path = tmp_path / "citygrid_heatmap.tif"
    write_geotiff(str(path), ours, gt, 4544)
    layer = QgsRasterLayer(str(path), "heat", "gdal")
    assert layer.isValid() and layer.crs().authid() == "EPSG:4544"
    assert (layer.width(), layer.height()) == (ours.shape[1], ours.shape[0])
    assert layer.dataProvider().sourceNoDataValue(1) == NODATA
    extent = layer.extent()
    assert extent.xMinimum() == pytest.approx(gt[0]) and extent.yMaximum() == pytest.approx(gt[3])
    stats = layer.dataProvider().bandStatistics(1)
    data = ours[ours != NODATA]
    assert stats.maximumValue == pytest.approx(float(data.max()), rel=1e-6)
    assert stats.minimumValue == pytest.approx(float(data.min()), abs=1e-6)
