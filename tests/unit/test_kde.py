"""Kernel density rasters (core.kde) without QGIS: the documented QGIS arithmetic (against a
plain loop written from qgskde.cpp), the kernels' shapes and masses, the two evaluation methods,
shared extents, GeoTIFF output and the errors a technician meets. tests/qgis/test_kde_qgis.py
compares with QGIS itself."""
from __future__ import annotations

import math

import numpy as np
import pytest

from citygrid_plugin.core import kde
from citygrid_plugin.core.hotspots import HotspotError
from citygrid_plugin.core.kde import NODATA, kde_grid, kde_layout
from citygrid_plugin.rasters import write_geotiff

POLYNOMIAL = ("quartic", "triweight", "epanechnikov", "uniform")


def qgis_loop(xy, radius, px, kernel="quartic", output="raw", decay=0.0, weights=None, radii=None):
    """QgsKernelDensityEstimation (QGIS 3.22) transcribed line by line, one point at a time."""
    xy = np.asarray(xy, dtype=float)
    n = len(xy)
    weights = np.ones(n) if weights is None else weights
    rad = np.full(n, radius) if radii is None else radii
    rmax = rad.max()
    xmin, ymin = xy.min(axis=0) - rmax
    xmax, ymax = xy.max(axis=0) + rmax
    rows = int(max(math.ceil((ymax - ymin) / px) + 1, 1))
    cols = int(max(math.ceil((xmax - xmin) / px) + 1, 1))
    out = np.full((rows, cols), NODATA)
    for (x, y), w, r in zip(xy, weights, rad):
        b = int(r / px)
        if r - px * b > 0.5:
            b += 1
        size = 2 * b + 1
        xpos, ypos, yio = int((x - xmin) / px - b), int((y - ymin) / px - b), int((ymax - y) / px - b)
        if xpos + size > cols or yio + size > rows:
            continue  # GDALRasterIO fails: QGIS adds nothing for this point
        for xp in range(size):
            for yp in range(size):
                cx = (xpos + xp + 0.5) * px + xmin
                cy = (ypos + yp + 0.5) * px + ymin
                d = math.sqrt((cx - x) ** 2 + (cy - y) ** 2)
                if d > r:
                    continue
                t = d / r
                if kernel == "quartic":
                    k = 116.0 / (5.0 * math.pi * r * r) * (15.0 / 16.0) if output == "scaled" else 1.0
                    v = k * (1 - t * t) ** 2
                elif kernel == "triweight":
                    k = 128.0 / (35.0 * math.pi * r * r) * (35.0 / 32.0) if output == "scaled" else 1.0
                    v = k * (1 - t * t) ** 3
                elif kernel == "epanechnikov":
                    k = 8.0 / (3.0 * math.pi * r * r) * 0.75 if output == "scaled" else 1.0
                    v = k * (1 - t * t)
                elif kernel == "uniform":
                    v = 2.0 / (math.pi * r) * (0.5 / r) if output == "scaled" else 1.0
                else:
                    v = 1 - (1 - decay) * t
                    if output == "scaled" and decay >= 0:
                        v *= 3.0 / ((1 + 2 * decay) * math.pi * r * r)
                if out[yio + yp, xpos + xp] == NODATA:
                    out[yio + yp, xpos + xp] = 0.0
                out[yio + yp, xpos + xp] += w * v
    return out.astype(np.float32), (xmin, px, 0.0, ymax, 0.0, -px)


def assert_same_raster(a, b, rtol=1e-6):
    assert a.shape == b.shape
    assert np.array_equal(a == NODATA, b == NODATA)
    data = a != NODATA
    np.testing.assert_allclose(a[data], b[data], rtol=rtol, atol=0)


@pytest.fixture
def points():
    rng = np.random.default_rng(11)
    return np.c_[500000 + rng.uniform(0, 300, 40), 3390000 + rng.uniform(0, 200, 40)]


@pytest.mark.parametrize("kernel,output,decay", [
    ("quartic", "raw", 0), ("quartic", "scaled", 0), ("triweight", "scaled", 0), ("epanechnikov", "raw", 0),
    ("uniform", "scaled", 0), ("triangular", "raw", 0.25), ("triangular", "scaled", 0.5)])
@pytest.mark.parametrize("radius,px", [(30.0, 4.0), (27.4, 3.3)])  # 27.4/3.3: QGIS widens the window
def test_raster_is_qgis_arithmetic(points, kernel, output, decay, radius, px):
    expected, gt = qgis_loop(points, radius, px, kernel, output, decay)
    for method in ("direct", "moments") if kernel in POLYNOMIAL else ("direct",):
        got, got_gt = kde_grid(points, radius, px, kernel, output, decay, method=method)
        assert got.dtype == np.float32 and got_gt == pytest.approx(gt, abs=1e-9)
        assert_same_raster(got, expected)


def test_weights_and_per_point_radii_are_qgis_arithmetic(points):
    rng = np.random.default_rng(5)
    weights = rng.uniform(0.5, 4, len(points))
    weights[:3] = 0  # a zero weight still turns no-data into 0, as in QGIS
    radii = rng.uniform(10, 35, len(points))
    for method in ("direct", "moments"):
        assert_same_raster(kde_grid(points, 30.0, 4.0, "quartic", weights=weights, method=method)[0],
                           qgis_loop(points, 30.0, 4.0, "quartic", weights=weights)[0])
    got, gt = kde_grid(points, 999.0, 4.0, "epanechnikov", "scaled", weights=weights, radii=radii)
    expected, expected_gt = qgis_loop(points, 999.0, 4.0, "epanechnikov", "scaled", weights=weights, radii=radii)
    assert gt == pytest.approx(expected_gt) and gt[0] == pytest.approx(points[:, 0].min() - radii.max())
    assert_same_raster(got, expected)


@pytest.mark.parametrize("kernel", POLYNOMIAL)
def test_the_two_methods_agree_on_a_dense_cloud(kernel):
    rng = np.random.default_rng(2)
    xy = np.c_[rng.normal(0, 300, 3000), rng.normal(0, 200, 3000)]
    xy[:10] = xy[10]  # duplicates
    weights = rng.gamma(2.0, 1.0, len(xy))
    direct, gt1 = kde_grid(xy, 120.0, 8.0, kernel, "scaled", weights=weights, method="direct")
    moments, gt2 = kde_grid(xy, 120.0, 8.0, kernel, "scaled", weights=weights, method="moments")
    assert gt1 == gt2
    assert_same_raster(direct, moments, rtol=2e-7)


def test_layout_follows_qgis_extent_rules():
    xy = np.array([[1000.0, 2000.0], [1234.5, 2100.0]])
    layout = kde_layout(xy, 50.0, 10.0)
    # buffered box 950..1284.5 × 1950..2150; ceil(334.5 / 10) + 1 = 35 columns, ceil(200 / 10) + 1 = 21 rows
    assert (layout.rows, layout.cols) == (21, 35)
    assert layout.geotransform == (950.0, 10.0, 0.0, 2150.0, 0.0, -10.0)
    assert kde_grid(xy, 50.0, 10.0)[0].shape == (21, 35)


def test_single_point_is_symmetric_and_stays_within_its_radius():
    radius, px = 50.0, 2.0
    grid, (x0, _, _, y0, _, _) = kde_grid(np.array([[0.0, 0.0]]), radius, px)
    b = int(radius / px)
    block = grid[:2 * b, :2 * b]  # a lone point sits on the corner of pixels b-1 and b
    assert np.array_equal(block, block[::-1, :]) and np.array_equal(block, block[:, ::-1])
    assert block[b - 1, b - 1] == grid.max() and grid.max() < 1.0
    rows, cols = np.nonzero(grid != NODATA)
    cx, cy = x0 + (cols + 0.5) * px, y0 - (rows + 0.5) * px
    assert np.hypot(cx, cy).max() <= radius
    assert (grid[grid != NODATA] >= 0).all()


def test_kernel_shapes_rank_as_their_formulas():
    xy = np.array([[0.0, 0.0]])
    raw = {k: kde_grid(xy, 40.0, 2.0, k)[0] for k in POLYNOMIAL}
    data = raw["uniform"] != NODATA
    assert (raw["uniform"][data] == 1.0).all()
    inner = data & (raw["quartic"] > 0) & (raw["quartic"] < 0.99)
    assert (raw["triweight"][inner] < raw["quartic"][inner]).all()
    assert (raw["quartic"][inner] < raw["epanechnikov"][inner]).all()
    assert (raw["epanechnikov"][inner] < raw["uniform"][inner]).all()
    tri = kde_grid(xy, 40.0, 2.0, "triangular", decay=0.4)[0]
    assert tri[data].min() >= 0.4 - 1e-6 and tri[data].max() <= 1.0  # linear from 1 at the point to decay at r


@pytest.mark.parametrize("kernel,decay,mass", [
    ("uniform", 0, 1.0), ("epanechnikov", 0, 1.0), ("triweight", 0, 1.0), ("triangular", 0, 1.0),
    ("triangular", 0.5, 1.0), ("quartic", 0, kde.QUARTIC_SCALED_EXCESS)])
def test_scaled_output_holds_the_weight(kernel, decay, mass):
    """Scaled values are densities: their integral is the point's weight (QGIS's quartic 7.25 ×)."""
    px = 0.5
    grid, _ = kde_grid(np.array([[0.0, 0.0]]), 50.0, px, kernel, "scaled", decay, weights=np.array([3.0]))
    total = grid[grid != NODATA].astype(float).sum() * px * px
    assert total == pytest.approx(3.0 * mass, rel=5e-3 if kernel == "uniform" else 1e-3)


def test_shared_extent_gives_one_grid_for_several_point_sets(points):
    extent = (499900.0, 3389900.0, 500400.0, 3390300.0)
    first, gt1 = kde_grid(points[:20], 30.0, 4.0, extent=extent)
    second, gt2 = kde_grid(points[20:], 30.0, 4.0, extent=extent)
    assert gt1 == gt2 and first.shape == second.shape
    # same as QGIS on a layer with that extent: the points plus zero-weight points at its corners
    corners = np.array([[extent[0], extent[1]], [extent[2], extent[3]]])
    reference, _ = kde_grid(np.r_[points[:20], corners], 30.0, 4.0, weights=np.r_[np.ones(20), 0, 0])
    data, reference_data = first != NODATA, reference != NODATA
    assert (reference_data[data]).all() and (reference[reference_data & ~data] == 0).all()
    np.testing.assert_allclose(first[data], reference[data], rtol=1e-6)
    with pytest.raises(HotspotError, match="outside the given extent"):
        kde_grid(points, 30.0, 4.0, extent=(500000, 3390000, 500100, 3390100))


def test_point_whose_window_qgis_cannot_read_adds_nothing():
    # r = 200.6, pixel 10: QGIS widens the window to 43 pixels, the raster of a lone point has 42
    grid, _ = kde_grid(np.array([[500000.0, 3390000.0]]), 200.6, 10.0)
    assert grid.shape == (42, 42) and (grid == NODATA).all()
    two, _ = kde_grid(np.array([[500000.0, 3390000.0], [500300.0, 3390100.0]]), 200.6, 10.0)
    assert (two != NODATA).any()


def test_write_geotiff_round_trip(tmp_path):
    from osgeo import gdal

    grid, gt = kde_grid(np.array([[500000.0, 3390000.0], [500030.0, 3390010.0]]), 25.0, 2.0)
    path = tmp_path / "heat.tif"
    write_geotiff(str(path), grid, gt, 4544)
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    assert ds.GetGeoTransform() == pytest.approx(gt) and band.GetNoDataValue() == NODATA
    assert band.DataType == gdal.GDT_Float32 and np.array_equal(band.ReadAsArray(), grid)
    assert "4544" in ds.GetProjection() or "CGCS2000" in ds.GetProjection()
    with pytest.raises(HotspotError, match="cannot create the GeoTIFF"):
        write_geotiff(str(tmp_path / "missing" / "x.tif"), grid, gt, 4544)


@pytest.mark.parametrize("kwargs,message", [
    ({"kernel": "gaussian"}, "unknown kernel shape 'gaussian'"),
    ({"output": "density"}, "unknown output scaling"),
    ({"radius": 0.0}, "radius must be a positive distance"),
    ({"pixel_size": -1.0}, "pixel size must be a positive distance"),
    ({"weights": np.ones(3)}, "3 weights were given for 2 points"),
    ({"weights": np.array([1.0, np.nan])}, "1 points have no valid weight"),
    ({"radii": np.array([10.0, 0.0])}, "1 points have a radius that is empty, zero or negative"),
    ({"pixel_size": 0.001}, "use a larger pixel size"),
    ({"kernel": "triangular", "method": "moments"}, "moments method needs a polynomial kernel"),
    ({"method": "fast"}, "unknown KDE method"),
])
def test_bad_input_is_refused_with_a_reason(kwargs, message):
    args = {"xy": np.array([[0.0, 0.0], [50.0, 20.0]]), "radius": 30.0, "pixel_size": 5.0} | kwargs
    with pytest.raises(HotspotError, match=message):
        kde_grid(**args)


def test_no_points_or_bad_coordinates_are_refused():
    with pytest.raises(HotspotError, match="no points"):
        kde_grid(np.empty((0, 2)), 30.0, 5.0)
    with pytest.raises(HotspotError, match="1 points have no valid coordinates"):
        kde_grid(np.array([[0.0, np.nan], [1.0, 1.0]]), 30.0, 5.0)
