"""Kernel density rasters (核密度热力图) identical to QGIS's heatmap algorithm.

:func:`kde_grid` reproduces ``qgis:heatmapkerneldensityestimation`` (C++ class
``QgsKernelDensityEstimation``, ``src/analysis/raster/qgskde.cpp``, QGIS 3.22) in vectorised
numpy, so a batch job, a server or a test computes the very raster QGIS would write, without QGIS
and in a fraction of the time. What QGIS does, and so what this module does:

* **Extent.** The layer's extent (the bounding box of the points, or ``extent`` if given) is
  buffered on every side by the radius (the largest per-point radius when ``radii`` is given).
  ``rows = max(ceil(height / pixel) + 1, 1)``, ``cols`` likewise, so the raster reaches up to one
  pixel beyond the buffered box on the right and at the bottom. Geotransform
  ``(xmin, pixel, 0, ymax, 0, -pixel)`` of the buffered box.
* **Window.** Each point paints a square window of ``2·b + 1`` pixels, ``b = trunc(r / pixel)``,
  plus one when ``r - pixel·b > 0.5`` (a test in map units, as QGIS does). The window's first
  column is ``trunc((x - xmin) / pixel - b)`` and its first row ``trunc((ymax - y) / pixel - b)``.
* **Distance.** Inside the window a pixel at window column ``i`` and row ``j`` is given the
  distance from the point to ``((c0 + i + 0.5)·pixel + xmin, (r0 + j + 0.5)·pixel + ymin)`` where
  ``c0`` is the first column and ``r0 = trunc((y - ymin) / pixel - b)`` counts rows *upwards* from
  the bottom of the buffered box, although the window's rows are written downwards. This is QGIS's
  arithmetic (it can place a kernel up to one pixel off vertically); it is copied, not fixed,
  so that the rasters agree. Pixels farther than the radius are skipped.
* **Kernels** (Wand & Jones 1995), ``t = d / r``, ``w`` the point's weight (1 without weights):

  ============  ====================  =====================================================
  kernel        raw                   scaled (density per map unit²)
  ============  ====================  =====================================================
  quartic       ``(1 - t²)²``         ``116 / (5π r²) · 15/16 · (1 - t²)²``
  triweight     ``(1 - t²)³``         ``128 / (35π r²) · 35/32 · (1 - t²)³``
  epanechnikov  ``1 - t²``            ``8 / (3π r²) · 3/4 · (1 - t²)``
  uniform       ``1``                 ``2 / (π r) · 0.5 / r``
  triangular    ``1 - (1 - k)·t``     ``3 / ((1 + 2k) π r²) · (1 - (1 - k)·t)``; raw when k < 0
  ============  ====================  =====================================================

  with ``k`` the decay ratio (triangular only). Every scaled kernel integrates to 1 over its disc
  except quartic, whose constant is a typo in QGIS (116 for 16, qgis/QGIS#60616): QGIS's
  scaled quartic surface holds 7.25 times the weight. It is reproduced as QGIS computes it;
  :data:`QUARTIC_SCALED_EXCESS` is the factor, for callers who want to divide it out.
* **No data.** The raster starts as -9999 (:data:`NODATA`, also the band's no-data value). A
  pixel that any point's kernel reaches (distance <= radius, even with value 0) becomes 0 plus the
  sum of the contributions; the others stay -9999.
* **Edges.** When a point's window does not fit in the raster QGIS's read fails and the point adds
  nothing. This needs ``b > r / pixel`` and points whose extent is less than about a pixel wide or
  tall (a lone point, points on one east–west line): the whole raster then stays no-data. Copied.
* **Precision.** QGIS adds each contribution to a float32 pixel; here the sum is taken in float64
  and rounded once to float32, so values agree to a few float32 ulps (relative 1e-6 to 3e-6: the
  more points per pixel, the more float32 rounding in QGIS). With a negative decay, kernels go
  below zero and sums cancel: agreement is then 1e-6 of the raster's largest absolute value.

Two exact evaluation methods give the same raster (to 1e-9 relative before the float32 rounding,
so identical or one float32 ulp apart):

* ``direct``: every point against every pixel of its window, in chunks of points sorted by row;
* ``moments``: for the polynomial kernels (quartic, triweight, Epanechnikov, uniform) with one
  radius and non-negative weights, the part of each window that lies certainly inside 98 % of the
  radius is a polynomial in the pixel offsets, so it is summed for all points at once as a few FFT
  convolutions of per-pixel moment images; only the ring at the rim and the points whose window
  QGIS shifts are evaluated directly.

``method='auto'`` picks the cheaper one (timings of both: BENCHMARKS.md, Hot spots). Pure
numpy/scipy; the GeoTIFF is written by :func:`citygrid_plugin.rasters.write_geotiff`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import fft as sfft

from .hotspots import HotspotError
from .i18n import tr

#: Kernel shapes in QGIS's order (its KERNEL enum: 0 quartic … 4 Epanechnikov).
KERNELS = ("quartic", "triangular", "uniform", "triweight", "epanechnikov")
#: Output value scaling in QGIS's order (its OUTPUT_VALUE enum: 0 raw, 1 scaled).
OUTPUTS = ("raw", "scaled")
#: Value of pixels no kernel reaches, as QGIS writes it.
NODATA = -9999.0
#: Mass of QGIS's scaled quartic kernel (116/16 instead of 1, qgis/QGIS#60616).
QUARTIC_SCALED_EXCESS = 116.0 / 16.0
#: Refuse rasters larger than this (pixel size too small for the extent).
MAX_PIXELS = 150_000_000

_POWERS = {"epanechnikov": 1, "quartic": 2, "triweight": 3, "uniform": 0}  # kernel = (1 - t²)^power
_CHUNK = 200_000        # window cells evaluated per numpy step (keeps temporaries in cache)
_MARGIN = 0.02          # moments: offsets certainly within (1 - margin)·radius
_WEIGHT_SPAN = 1e6      # moments: largest / smallest positive weight (FFT rounding stays < 1e-9)


@dataclass(frozen=True)
class KdeLayout:
    """The raster QGIS makes for these points: size, geotransform and the buffered bounds."""

    rows: int
    cols: int
    geotransform: tuple[float, float, float, float, float, float]
    bounds: tuple[float, float, float, float]   # xmin, ymin, xmax, ymax (buffered by the radius)

    @property
    def pixel_size(self) -> float:
        return self.geotransform[1]


def kde_layout(xy: np.ndarray, radius: float, pixel_size: float, radii: np.ndarray | None = None,
               extent: tuple[float, float, float, float] | None = None) -> KdeLayout:
    """Size and geotransform of the raster :func:`kde_grid` (and QGIS) makes for *xy*.

    Cheap: lets a caller show the raster size, or refuse it, before computing it.
    """
    xy, radii_arr = _check_points(xy, radius, pixel_size, radii)
    return _layout(xy, radius, float(pixel_size), radii_arr, extent)


def kde_grid(xy: np.ndarray, radius: float, pixel_size: float, kernel: str = "quartic", output: str = "raw",
             decay: float = 0.0, weights: np.ndarray | None = None, radii: np.ndarray | None = None,
             extent: tuple[float, float, float, float] | None = None,
             method: str = "auto") -> tuple[np.ndarray, tuple[float, float, float, float, float, float]]:
    """Kernel density raster of points *xy* (n × 2, map units), as QGIS's heatmap writes it.

    ``radius`` and ``pixel_size`` are in map units (metres in a projected CRS); ``kernel`` one of
    :data:`KERNELS`; ``output`` ``'raw'`` or ``'scaled'``; ``decay`` the triangular kernel's decay
    ratio; ``weights`` one weight per point (QGIS's weight field); ``radii`` one radius per point
    (QGIS's radius field: then ``radius`` is ignored, as in QGIS); ``extent`` (xmin, ymin, xmax,
    ymax) stands for the layer's extent, so that rasters of several point sets (e.g. one per
    month) share one grid: every point must lie inside it.

    Returns ``(array, geotransform)``: a float32 array rows × cols (row 0 at the top) with
    :data:`NODATA` where no kernel reaches, and the GDAL geotransform. See the module docstring for
    the exact arithmetic; ``method`` is ``'auto'``, ``'direct'`` or ``'moments'`` (same result).
    """
    if kernel not in KERNELS:
        raise HotspotError(tr("unknown kernel shape '{kernel}': use one of {choices}").format(
            kernel=kernel, choices=", ".join(KERNELS)))
    if output not in OUTPUTS:
        raise HotspotError(tr("unknown output scaling '{output}': use 'raw' or 'scaled'").format(output=output))
    if method not in ("auto", "direct", "moments"):
        raise HotspotError(tr("unknown KDE method '{method}': use 'auto', 'direct' or 'moments'").format(
            method=method))
    if not math.isfinite(decay):
        raise HotspotError(tr("the decay ratio must be a number, got {value}").format(value=decay))
    xy, radii_arr = _check_points(xy, radius, pixel_size, radii)
    px = float(pixel_size)
    n = len(xy)
    if weights is None:
        w = np.ones(n)
    else:
        w = np.asarray(weights, dtype=float).reshape(-1)
        if len(w) != n:
            raise HotspotError(tr("{weights} weights were given for {points} points: give one weight per point")
                               .format(weights=len(w), points=n))
        if not np.isfinite(w).all():
            raise HotspotError(tr("{count} points have no valid weight (empty or not a number): "
                                  "fill the weight field or leave those points out").format(
                count=int((~np.isfinite(w)).sum())))
    layout = _layout(xy, radius, px, radii_arr, extent)
    r = radii_arr if radii_arr is not None else np.full(n, float(radius))
    plan = _Plan(layout, xy, r, w, kernel, output, float(decay))

    use_moments = method == "moments"
    if method == "auto":
        use_moments = plan.moments_possible() and plan.moments_cost() < plan.direct_cost()
    elif use_moments and not plan.moments_possible():
        raise HotspotError(tr("the moments method needs a polynomial kernel, one radius and non-negative "
                              "weights: use method 'direct' or 'auto'"))
    acc, touched = plan.run_moments() if use_moments else plan.run_direct()
    out = np.where(touched, acc, NODATA).astype(np.float32).reshape(layout.rows, layout.cols)
    return out, layout.geotransform


# --- internals ------------------------------------------------------------------------------------

def _check_points(xy, radius, pixel_size, radii) -> tuple[np.ndarray, np.ndarray | None]:
    xy = np.asarray(xy, dtype=float)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise HotspotError(tr("points must be an n × 2 array of x, y coordinates"))
    if len(xy) == 0:
        raise HotspotError(tr("there are no points to make a heatmap from"))
    if not np.isfinite(xy).all():
        raise HotspotError(tr("{count} points have no valid coordinates: repair or remove their geometry")
                           .format(count=int((~np.isfinite(xy).all(axis=1)).sum())))
    if not (math.isfinite(pixel_size) and pixel_size > 0):
        raise HotspotError(tr("the pixel size must be a positive distance in map units, got {value}").format(
            value=pixel_size))
    radii_arr = None
    if radii is not None:
        radii_arr = np.asarray(radii, dtype=float).reshape(-1)
        if len(radii_arr) != len(xy):
            raise HotspotError(tr("{radii} radii were given for {points} points: give one radius per point")
                               .format(radii=len(radii_arr), points=len(xy)))
        if not (np.isfinite(radii_arr).all() and (radii_arr > 0).all()):
            raise HotspotError(tr("{count} points have a radius that is empty, zero or negative: "
                                  "every radius must be a positive distance").format(
                count=int((~(np.isfinite(radii_arr) & (radii_arr > 0))).sum())))
    elif not (math.isfinite(radius) and radius > 0):
        raise HotspotError(tr("the radius must be a positive distance in map units, got {value}").format(
            value=radius))
    return xy, radii_arr


def _layout(xy, radius, px, radii, extent) -> KdeLayout:
    if extent is None:
        xmin, ymin = xy.min(axis=0)
        xmax, ymax = xy.max(axis=0)
    else:
        xmin, ymin, xmax, ymax = (float(v) for v in extent)
        if not (xmin <= xmax and ymin <= ymax):
            raise HotspotError(tr("the extent must be (xmin, ymin, xmax, ymax) with xmin <= xmax and ymin <= ymax"))
        outside = ((xy[:, 0] < xmin) | (xy[:, 0] > xmax) | (xy[:, 1] < ymin) | (xy[:, 1] > ymax)).sum()
        if outside:
            raise HotspotError(tr("{count} points lie outside the given extent: enlarge the extent to the "
                                  "bounding box of all points").format(count=int(outside)))
    r = float(radii.max()) if radii is not None else float(radius)
    xmin, ymin, xmax, ymax = float(xmin) - r, float(ymin) - r, float(xmax) + r, float(ymax) + r
    rows = int(max(math.ceil((ymax - ymin) / px) + 1, 1.0))
    cols = int(max(math.ceil((xmax - xmin) / px) + 1, 1.0))
    if rows * cols > MAX_PIXELS:
        raise HotspotError(tr("the heatmap would have {rows} × {cols} pixels: use a larger pixel size "
                              "(at least {suggested} map units)").format(
            rows=rows, cols=cols, suggested=f"{px * math.sqrt(rows * cols / MAX_PIXELS) * 1.01:.3g}"))
    return KdeLayout(rows, cols, (xmin, px, 0.0, ymax, 0.0, -px), (xmin, ymin, xmax, ymax))


def _buffer_pixels(r: np.ndarray, px: float) -> np.ndarray:
    """QGIS's radiusSizeInPixels: trunc(r / px), plus one if the remainder exceeds 0.5 map units."""
    b = np.trunc(r / px)
    return (b + ((r - px * b) > 0.5)).astype(np.int64)


def _sqrt_limit(r: np.ndarray) -> np.ndarray:
    """Largest double x with sqrt(x) <= r, per radius: d² <= limit is exactly QGIS's d <= r."""
    limit = r * r
    for _ in range(8):
        limit = np.where(np.sqrt(limit) > r, np.nextafter(limit, -np.inf), limit)
    for _ in range(8):
        up = np.nextafter(limit, np.inf)
        limit = np.where(np.sqrt(up) <= r, up, limit)
    return limit


def _kernel(d: np.ndarray, r, kernel: str, output: str, decay: float) -> np.ndarray:
    """QGIS's calculateKernelValue, operation for operation (d, r in map units)."""
    if kernel == "uniform":
        value = np.ones_like(d)
        return value * ((2.0 / (math.pi * r)) * (0.5 / r)) if output == "scaled" else value
    if kernel == "triangular":
        value = 1.0 - (1.0 - decay) * (d / r)
        if output == "scaled" and decay >= 0:
            value = (3.0 / ((1.0 + 2.0 * decay) * math.pi * (r * r))) * value
        return value
    t = d / r
    u = 1.0 - t * t
    if kernel == "epanechnikov":
        return (8.0 / (3.0 * math.pi * (r * r))) * 0.75 * u if output == "scaled" else u
    if kernel == "quartic":
        return (116.0 / (5.0 * math.pi * (r * r))) * (15.0 / 16.0) * (u * u) if output == "scaled" else u * u
    cube = np.power(u, 3.0)  # triweight
    return (128.0 / (35.0 * math.pi * (r * r))) * (35.0 / 32.0) * cube if output == "scaled" else cube


def _monomials(power: int) -> set[tuple[int, int]]:
    """Exponents (a, b) of the monomials i^a·j^b in L^power, L = c + c·i + c·j + c·i² + c·j²."""
    keys = {(0, 0)}
    for _ in range(power):
        keys = {(a + da, b + db) for a, b in keys for da, db in ((0, 0), (1, 0), (0, 1), (2, 0), (0, 2))}
    return keys


def _scale(kernel: str, output: str, r: float) -> float:
    """The constant factor of a polynomial kernel (the moments method multiplies it in once)."""
    if output == "raw":
        return 1.0
    return {"uniform": (2.0 / (math.pi * r)) * (0.5 / r),
            "epanechnikov": (8.0 / (3.0 * math.pi * (r * r))) * 0.75,
            "quartic": (116.0 / (5.0 * math.pi * (r * r))) * (15.0 / 16.0),
            "triweight": (128.0 / (35.0 * math.pi * (r * r))) * (35.0 / 32.0)}[kernel]


class _Plan:
    """Window positions of every point (QGIS's integer arithmetic) and the two evaluations."""

    def __init__(self, layout: KdeLayout, xy, r, w, kernel, output, decay):
        self.layout, self.kernel, self.output, self.decay = layout, kernel, output, decay
        self.px = px = layout.pixel_size
        self.xmin, self.ymin, _, self.ymax = layout.bounds
        self.npix = layout.rows * layout.cols
        b = _buffer_pixels(r, px)
        x, y = xy[:, 0], xy[:, 1]
        # C converts these doubles to unsigned int: truncation toward zero (values are > -1)
        xpos = np.trunc((x - self.xmin) / px - b).astype(np.int64)
        ypos = np.trunc((y - self.ymin) / px - b).astype(np.int64)
        yio = np.trunc((self.ymax - y) / px - b).astype(np.int64)
        size = 2 * b + 1
        fits = (xpos >= 0) & (yio >= 0) & (xpos + size <= layout.cols) & (yio + size <= layout.rows)
        keep = np.flatnonzero(fits)  # QGIS's block read fails for the others: they add nothing
        keep = keep[np.lexsort((xpos[keep], yio[keep]))]  # row-major: a chunk touches a band of rows
        self.x, self.y, self.r, self.w = x[keep], y[keep], r[keep], w[keep]
        self.b, self.xpos, self.ypos, self.yio = b[keep], xpos[keep], ypos[keep], yio[keep]
        self.limit = _sqrt_limit(self.r)
        self.unit_weights = bool((self.w == 1).all())

    # -- choosing ------------------------------------------------------------------------------
    def moments_possible(self) -> bool:
        w = self.w
        if self.kernel not in _POWERS or len(w) == 0 or np.ptp(self.r) != 0 or (w < 0).any():
            return False
        positive = w[w > 0]
        return len(positive) == 0 or positive.max() <= _WEIGHT_SPAN * positive.min()

    def direct_cost(self) -> float:
        """Estimated run time of :meth:`run_direct` in ns (~7.5 ns per window cell, measured)."""
        return 7.5 * float(((2 * self.b + 1) ** 2).sum())

    def moments_cost(self) -> float:
        """Estimated run time of :meth:`run_moments` in ns: ~10 ns per ring cell and ~15 ns per
        FFT cell and image (one image per monomial, plus the reach count)."""
        b = int(self.b[0])
        ring = len(self._offsets(b)[1][0])
        rows, cols = self._fft_shape(b)
        images = len(_monomials(_POWERS[self.kernel])) + 1
        return 10.0 * len(self.x) * ring + 15.0 * images * rows * cols

    # -- direct ---------------------------------------------------------------------------------
    def run_direct(self, subset: np.ndarray | None = None, acc=None, count=None):
        """Every point of *subset* (default all) against every pixel of its window."""
        acc = np.zeros(self.npix) if acc is None else acc
        count = np.zeros(self.npix, dtype=np.int64) if count is None else count
        idx = np.arange(len(self.x)) if subset is None else subset
        for b in np.unique(self.b[idx]):
            self._evaluate(idx[self.b[idx] == b], 2 * int(b) + 1, acc, count)
        return acc, count > 0

    def _evaluate(self, members, size: int, acc, count, offsets=None):
        """Add the contributions of *members* (windows of *size*) to *acc* and *count*.

        QGIS's formulas, in chunks of points; *offsets* (window rows, window columns) restricts
        the evaluation to those cells, else the whole window is evaluated.
        """
        px, cols = self.px, self.layout.cols
        off = np.arange(size)
        if offsets is None:
            flat_off = (off[:, None] * cols + off[None, :]).ravel()
        else:
            flat_off = offsets[0] * cols + offsets[1]
        step = max(1, _CHUNK // max(len(flat_off), 1))
        for start in range(0, len(members), step):
            m = members[start:start + step]
            dx = ((self.xpos[m, None] + off) + 0.5) * px + self.xmin - self.x[m, None]
            dy = ((self.ypos[m, None] + off) + 0.5) * px + self.ymin - self.y[m, None]
            dx *= dx
            dy *= dy
            if offsets is None:
                d2 = (dy[:, :, None] + dx[:, None, :]).reshape(len(m), -1)
            else:
                d2 = np.take(dy, offsets[0], axis=1)
                d2 += np.take(dx, offsets[1], axis=1)
            inside = d2 <= self.limit[m, None]     # exactly sqrt(d2) <= r, as QGIS tests it
            pix = ((self.yio[m] * cols + self.xpos[m])[:, None] + flat_off)[inside]
            d = np.sqrt(d2[inside])
            r = np.broadcast_to(self.r[m, None], d2.shape)[inside] if np.ptp(self.r[m]) else float(self.r[m[0]])
            value = _kernel(d, r, self.kernel, self.output, self.decay)
            if not self.unit_weights:
                value *= np.broadcast_to(self.w[m, None], d2.shape)[inside]
            if len(pix):
                lo = int(pix.min())
                span = int(pix.max()) - lo + 1
                acc[lo:lo + span] += np.bincount(pix - lo, value, span)
                count[lo:lo + span] += np.bincount(pix - lo, minlength=span)

    # -- moments --------------------------------------------------------------------------------
    def _offsets(self, b: int):
        """Window offsets (i row, j column, from the window centre) certainly inside the radius for
        a regular point (sub-pixel offset within ±pixel/2), and those that may be inside (ring)."""
        px, r = self.px, float(self.r[0])
        i, j = np.divmod(np.arange((2 * b + 1) ** 2), 2 * b + 1)
        i, j = i - b, j - b
        far = px * np.hypot(np.abs(i) + 0.5, np.abs(j) + 0.5)
        near = px * np.hypot(np.maximum(np.abs(i) - 0.5, 0), np.maximum(np.abs(j) - 0.5, 0))
        interior = far <= r * (1 - _MARGIN)
        ring = ~interior & (near <= r * (1 + 1e-9))
        return (i[interior], j[interior]), (i[ring], j[ring])

    def _fft_shape(self, b: int) -> tuple[int, int]:
        return (sfft.next_fast_len(self.layout.rows + 2 * b, real=True),
                sfft.next_fast_len(self.layout.cols + 2 * b, real=True))

    def run_moments(self):
        px = self.px
        b = int(self.b[0])
        r = float(self.r[0])
        # window centre pixel and the point's offset from its centre, in QGIS's (flipped) frame
        ex = ((self.xpos + b) + 0.5) * px + self.xmin - self.x
        ey = ((self.ypos + b) + 0.5) * px + self.ymin - self.y
        half = 0.5 * px * (1 + 1e-9)
        regular = (np.abs(ex) <= half) & (np.abs(ey) <= half)
        reg = np.flatnonzero(regular)
        acc, count = np.zeros(self.npix), np.zeros(self.npix, dtype=np.int64)
        if (~regular).any():  # QGIS shifted their window (points on the extent's edge): exact direct
            self.run_direct(np.flatnonzero(~regular), acc, count)
        (ii, ij), (ri, rj) = self._offsets(b)
        if len(ri):
            self._evaluate(reg, 2 * b + 1, acc, count, offsets=(ri + b, rj + b))
        touched = count > 0
        if len(reg) and len(ii):
            interior, reach, support = self._interior(reg, ex[reg], ey[reg], b, r, ii, ij)
            acc += np.where(support, interior, 0.0)
            touched |= reach
        return acc, touched

    def _interior(self, reg, ex, ey, b, r, ii, ij):
        """Sum over regular points of the kernel at their interior offsets, by moments.

        With dx = px·j + ex and dy = px·i + ey, 1 - (d/r)² = L(i, j) is a quadratic in the
        offsets whose coefficients depend on the point; the kernel is w·c·L^p. Each monomial
        i^a·j^b of L^p gets an image of its coefficient summed at the points' window centres,
        convolved with i^a·j^b over the interior offsets (FFT, all monomials in one inverse).
        """
        px, rows, cols = self.px, self.layout.rows, self.layout.cols
        power = _POWERS[self.kernel]
        r2 = r * r
        one = np.ones(len(reg))
        quad = {(0, 0): 1.0 - (ex * ex + ey * ey) / r2, (1, 0): -2.0 * px * ey / r2,
                (0, 1): -2.0 * px * ex / r2, (2, 0): -(px * px / r2) * one, (0, 2): -(px * px / r2) * one}
        poly: dict[tuple[int, int], np.ndarray] = {(0, 0): one}
        for _ in range(power):
            product: dict[tuple[int, int], np.ndarray] = {}
            for (a1, b1), c1 in poly.items():
                for (a2, b2), c2 in quad.items():
                    key = (a1 + a2, b1 + b2)
                    product[key] = product.get(key, 0.0) + c1 * c2
            poly = product
        scale = self.w[reg] * _scale(self.kernel, self.output, r)
        centre = (self.yio[reg] + b) * cols + (self.xpos[reg] + b)
        shape = self._fft_shape(b)
        fi, fj = (ii + b), (ij + b)

        def transform(image_flat: np.ndarray, kernel_values: np.ndarray):
            stencil = np.zeros((2 * b + 1, 2 * b + 1))
            stencil[fi, fj] = kernel_values
            return (sfft.rfft2(image_flat.reshape(rows, cols), s=shape, workers=-1)
                    * sfft.rfft2(stencil, s=shape, workers=-1))

        def back(spectrum) -> np.ndarray:
            return sfft.irfft2(spectrum, s=shape, workers=-1)[b:b + rows, b:b + cols].reshape(-1)

        spectrum = None
        for (a, c), coef in poly.items():
            term = transform(np.bincount(centre, coef * scale, self.npix), np.power(ii, a) * np.power(ij, c))
            spectrum = term if spectrum is None else spectrum + term
        ones = np.ones(len(ii))
        reach = back(transform(np.bincount(centre, minlength=self.npix).astype(float), ones)) > 0.5
        positive = self.w[reg] > 0
        if positive.all():
            support = reach
        else:
            support = back(transform(np.bincount(centre[positive], minlength=self.npix).astype(float), ones)) > 0.5
        return back(spectrum), reach, support
