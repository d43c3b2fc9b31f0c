"""Hot spot statistics (热点分析) over unit grids (单元网格): Getis–Ord Gi*, FDR, emerging hot spots.

Pure numpy/scipy; the caller turns layers and store rows into arrays. The pieces, in the order a
hot spot analysis uses them:

**Counts.** :func:`counts_per_grid` (cases → count per grid, ``np.bincount``) and
:func:`counts_per_slice` (cases → grids × time slices cube). A grid index of -1 marks a case that
lies in no grid; it is ignored.

**Spatial weights** are ``scipy.sparse`` CSR matrices, n × n, binary (1 = neighbours), symmetric,
with an empty diagonal; :func:`gi_star` adds each grid to its own neighbourhood.

* :func:`distance_band_weights` — neighbours are grids whose centroids are within ``band``
  metres (distance <= band);
* :func:`default_band` — the band to use when the user gives none (rule below);
* :func:`contiguity_weights` — from neighbour pairs computed by the caller (queen contiguity:
  polygons sharing an edge or a vertex);
* :func:`islands` — grids with no neighbour.

**Gi\\*.** :func:`gi_star` returns, per grid, z, two-sided p, the statistic G*, its expectation
and variance. It equals PySAL's ``esda.getisord.G_Local(y, w, transform='B', star=True)``: same
``Zs``, and our p is 2 × esda's one-sided ``p_norm``. With ``W*`` = W plus the diagonal,
``Wi = Σj W*ij``, ``Si = Σj W*ij²``, x̄ and s the mean and population standard deviation of all
n values::

    z_i = (Σj W*ij xj − x̄ Wi) / (s · sqrt((n Si − Wi²) / (n − 1)))

(ArcGIS's form; for binary weights ``Si = Wi`` and it is algebraically esda's
``(G − E[G]) / sqrt(V[G])``.) An *island* (no neighbour) is compared with itself only, as esda
does with its default ``island_weight=0``: ``z = (x_i − x̄) / s``. Its z is finite but says
nothing about clustering, so islands are flagged in :attr:`GiStar.islands` for the caller to
warn about (and a band that leaves every grid an island is refused). A grid whose
neighbourhood is the whole study area (``Wi = n``) gets z = 0, p = 1: it equals the global mean by
construction.

**Confidence bins.** :func:`fdr_classes` gives ArcGIS's Gi_Bin: ±3, ±2, ±1 for 99, 95, 90 %
confidence, sign = hot (+) or cold (−), 0 not significant. With FDR (default, as ArcGIS Optimized
Hot Spot Analysis) each level α ∈ {0.01, 0.05, 0.10} uses the Benjamini–Hochberg critical p
(:func:`bh_critical_p`): the largest sorted p₍ₖ₎ with p₍ₖ₎ <= k/m·α; a grid is significant at α
when its p <= that critical value. Without FDR the thresholds are p <= α. :func:`bin_label`
names the bins (热点 99% 置信 …) through :func:`~citygrid_plugin.core.i18n.tr`.

**Trend.** :func:`mann_kendall` (one series) and :func:`mann_kendall_rows` (one series per row):
S = Σᵢ<ⱼ sign(xⱼ − xᵢ), Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over tie groups of size t,
z = (S − sign(S)) / sqrt(Var(S)) (continuity correction, can be turned off), two-sided p, and
Kendall's tau-b against time, S / sqrt(n₀ (n₀ − n_ties)). Without the continuity correction z and p
are exactly those of ``scipy.stats.kendalltau(range(n), x, method='asymptotic')`` (time has no
ties, so its variance is the one above); with it, |z| is smaller by 1 / sqrt(Var(S)).

**Emerging hot spots.** :func:`emerging_hotspots` follows ArcGIS Emerging Hot Spot Analysis with
its default "entire cube" global window:

1. space-time Gi* for every bin (grid i, slice t) of the cube of counts: the bin's neighbours are
   the bins of its spatial neighbours and of itself in slice t and in the ``time_step`` slices
   before it (t − time_step … t, clipped at the first slice; default 1, 0 = same slice only);
   mean, standard deviation and n are those of all n_grids × n_slices bins;
2. z and p per bin, FDR confidence bins over all bins of the cube at once;
3. the Mann–Kendall trend of each grid's z-score series (significant when p <= ``trend_alpha``,
   default 0.05);
4. one pattern per grid from its bin history and trend, by the rules in :data:`PATTERN_RULES`.

A bin is a *significant hot spot* when its bin >= ``significance`` (default 1: 90 % confidence
after FDR), a *cold spot* when <= −``significance``. With T slices, "90 % of the time-step
intervals" means at least 0.9·T slices (10·count >= 9·T; with fewer than 10 slices: all of them).
The hot spot patterns (cold spots mirror them, with hot ↔ cold and the trend's sign reversed —
an *intensifying* cold spot gets colder, i.e. its z trends down):

=================  ==================================================================================
new_hot            hot in the final slice, never hot before (and never cold: that is oscillating).
consecutive_hot    a single uninterrupted run of at least two hot slices ending with the final slice,
                   never hot before that run, hot in less than 90 % of the slices, never cold.
intensifying_hot   hot in at least 90 % of the slices including the final one, and the z trend is
                   up and significant.
persistent_hot     hot in at least 90 % of the slices including the final one, no significant trend.
diminishing_hot    hot in at least 90 % of the slices including the final one, and the z trend is
                   down and significant.
sporadic_hot       hot in the final slice, hot in less than 90 % of the slices, on and off (more
                   than one run of hot slices), never cold.
oscillating_hot    hot in the final slice, hot in less than 90 % of the slices, cold in some earlier
                   slice.
historical_hot     hot in at least 90 % of the slices but not in the final one.
no_pattern         none of the above, hot or cold.
=================  ==================================================================================

Where ArcGIS's wording leaves two patterns possible, the precedence is: the 90 % patterns first
(so "persistent" needs the final slice, which ArcGIS states only for intensifying/diminishing,
since a location hot for 90 % of the time but not at the end is "historical"; and a grid hot for
90 % of the time that turns cold at the end is a historical hot spot, not an oscillating cold
spot), then oscillating before new and consecutive (a grid that was cold and is now hot is
reported as oscillating). ArcGIS's own help describes sporadic as "on-again off-again" and does
not say how it treats these overlaps.

**Scale of analysis.** :func:`default_band` follows ArcGIS Optimized Hot Spot Analysis's fallback
when no peak of spatial autocorrelation is sought: see its docstring.

Errors are :class:`HotspotError` (a ``ValueError``) with a message a GIS technician can act on;
every message template goes through ``tr()``.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree
from scipy.special import ndtr

from .i18n import tr

#: ArcGIS needs 30 features for a Gi* analysis; the default minimum number of grids.
MIN_GRIDS = 30
#: Default minimum number of time slices for emerging hot spots (see :func:`emerging_hotspots`).
MIN_SLICES = 10
#: (bin, α) of the three confidence levels, strictest first.
CONFIDENCE_LEVELS = ((3, 0.01), (2, 0.05), (1, 0.10))


class HotspotError(ValueError):
    """Input a hot spot analysis cannot use; the message says what to change."""


# --- counts --------------------------------------------------------------------------------------

def counts_per_grid(grid_index: np.ndarray, n_grids: int) -> np.ndarray:
    """Number of cases in each of *n_grids* grids, from each case's grid index (-1 = no grid).

    Returns an int64 array of length *n_grids*; 1,000,000 cases take a few milliseconds.
    """
    idx = _indices(grid_index, n_grids, slices=False)
    return np.bincount(idx[idx >= 0], minlength=n_grids)


def counts_per_slice(grid_index: np.ndarray, slice_index: np.ndarray, n_grids: int, n_slices: int) -> np.ndarray:
    """Space-time cube of counts, *n_grids* × *n_slices*, from each case's grid and time slice.

    A grid or slice index of -1 drops the case (outside every grid, or outside the time window).
    """
    g = _indices(grid_index, n_grids, slices=False)
    s = _indices(slice_index, n_slices, slices=True)
    if len(g) != len(s):
        raise HotspotError(tr("{grids} grid indices but {slices} time-slice indices: give both for every case")
                           .format(grids=len(g), slices=len(s)))
    keep = (g >= 0) & (s >= 0)
    flat = g[keep] * n_slices + s[keep]
    return np.bincount(flat, minlength=n_grids * n_slices).reshape(n_grids, n_slices)


def _indices(values, size: int, slices: bool) -> np.ndarray:
    """Validated int64 indices in -1..size-1 (grid indices, or time-slice indices if *slices*)."""
    if int(size) != size or size < 1:
        raise HotspotError(tr("the number of grids and of time slices must be positive whole numbers, got {size}")
                           .format(size=size))
    idx = np.asarray(values).reshape(-1)
    integral = idx.dtype.kind in "iub" or len(idx) == 0
    if idx.dtype.kind == "f":
        integral = bool(np.isfinite(idx).all() and (idx == np.round(idx)).all())
    if not integral:
        raise HotspotError(tr("time-slice indices must be whole numbers (-1 for none)") if slices
                           else tr("grid indices must be whole numbers (-1 for none)"))
    idx = idx.astype(np.int64)
    if len(idx) and (idx.min() < -1 or idx.max() >= size):
        bad = int(((idx < -1) | (idx >= size)).sum())
        template = (tr("{count} cases have a time-slice index outside 0..{last} (-1 marks a case outside the window)")
                    if slices else tr("{count} cases have a grid index outside 0..{last} (-1 marks a case in no grid)"))
        raise HotspotError(template.format(count=bad, last=int(size) - 1))
    return idx


# --- spatial weights -------------------------------------------------------------------------------

@dataclass(frozen=True)
class BandChoice:
    """The distance band :func:`default_band` chose, with the figures behind it (for messages)."""

    band: float                 #: the chosen distance band (map units)
    rule: str                   #: 'k_neighbours', 'standard_distance' or 'one_neighbour': which figure won
    one_neighbour: float        #: distance giving every grid but the outliers at least one neighbour
    k: int                      #: K of the K-nearest-neighbour average
    k_distance: float           #: average distance to the K-th nearest neighbour
    standard_distance: float    #: standard distance of the centroids
    outliers: np.ndarray        #: bool per grid: locational outliers (left as islands when far away)


def default_band(xy: np.ndarray, k: int | None = None) -> BandChoice:
    """Distance band for Gi* when the user gives none, after ArcGIS Optimized Hot Spot Analysis.

    ArcGIS, when it finds no peak of spatial autocorrelation, uses the average distance at which
    each feature has K neighbours, K = 5 % of the features (at least 3, at most 30), capped at one
    standard distance of the features. The plain Hot Spot Analysis default, the distance that gives
    every feature at least one neighbour (the largest nearest-neighbour distance), is kept as a
    floor so that ordinary grids are never islands; it is computed without the locational outliers
    (grids whose nearest-neighbour distance exceeds the mean by more than three standard
    deviations), because one far-off grid would otherwise blow the band up to the size of the city.
    So::

        band = max(one_neighbour, min(k_distance, standard_distance))

    *k* overrides K (it is capped at n − 1). Needs at least two distinct grid centroids.
    """
    xy = _check_xy(xy)
    n = len(xy)
    if n < 2:
        raise HotspotError(tr("a distance band needs at least 2 grids, got {n}").format(n=n))
    if k is None:
        k = min(max(3, int(math.floor(0.05 * n + 0.5))), 30)
    if int(k) != k or k < 1:
        raise HotspotError(tr("the number of neighbours K must be a positive whole number, got {k}").format(k=k))
    k = int(min(k, n - 1))
    dist, _ = cKDTree(xy).query(xy, k=k + 1)
    nn1, kth = dist[:, 1], dist[:, k]
    spread = nn1.std()
    outliers = nn1 > nn1.mean() + 3 * spread if spread > 0 else np.zeros(n, dtype=bool)
    one = float(nn1[~outliers].max())
    k_distance = float(kth.mean())
    centred = xy - xy.mean(axis=0)
    standard = float(math.sqrt((centred ** 2).sum(axis=1).mean()))
    typical = min(k_distance, standard)
    if not max(one, typical) > 0:
        raise HotspotError(tr("all grid centroids are at the same place: a distance band cannot be chosen"))
    if one >= typical:
        rule = "one_neighbour"
    else:
        rule = "standard_distance" if standard < k_distance else "k_neighbours"
    return BandChoice(max(one, typical), rule, one, k, k_distance, standard, outliers)


def distance_band_weights(xy: np.ndarray, band: float) -> sparse.csr_matrix:
    """Binary weights: grids whose centroids *xy* (n × 2, metres) are within *band* are neighbours.

    Symmetric, no self-loops, built with a k-d tree (10,000 grids in milliseconds). A band under
    which no grid has any neighbour is refused with the band that would work.
    """
    xy = _check_xy(xy)
    if not (isinstance(band, int | float | np.floating | np.integer) and math.isfinite(band) and band > 0):
        raise HotspotError(tr("the distance band must be a positive distance in metres, got {band}").format(
            band=band))
    n = len(xy)
    tree = cKDTree(xy)
    pairs = tree.query_pairs(float(band), output_type="ndarray")
    if n > 1 and len(pairs) == 0:
        closest = float(tree.query(xy, k=2)[0][:, 1].min())
        raise HotspotError(tr("no two grid centroids are within {band} m of each other (the closest two are "
                              "{closest} m apart): use a larger distance band, e.g. {suggested} m").format(
            band=f"{band:g}", closest=f"{closest:.1f}", suggested=f"{default_band(xy).band:.0f}"))
    return contiguity_weights(n, pairs)


def contiguity_weights(n: int, pairs: Iterable[tuple[int, int]] | np.ndarray) -> sparse.csr_matrix:
    """Binary symmetric weights for *n* grids from neighbour pairs (i, j), e.g. queen contiguity.

    Each pair makes i and j neighbours (either order, duplicates and self-pairs ignored).
    """
    if int(n) != n or n < 1:
        raise HotspotError(tr("the number of grids must be a positive whole number, got {n}").format(n=n))
    arr = np.asarray(pairs if isinstance(pairs, np.ndarray) else list(pairs), dtype=np.int64).reshape(-1, 2)
    if len(arr) and (arr.min() < 0 or arr.max() >= n):
        i, j = arr[((arr < 0) | (arr >= n)).any(axis=1)][0]
        raise HotspotError(tr("the neighbour pair ({i}, {j}) refers to a grid outside 0..{last}").format(
            i=int(i), j=int(j), last=int(n) - 1))
    arr = arr[arr[:, 0] != arr[:, 1]]
    rows = np.concatenate([arr[:, 0], arr[:, 1]])
    cols = np.concatenate([arr[:, 1], arr[:, 0]])
    w = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(int(n), int(n)))
    w.sum_duplicates()
    w.data[:] = 1.0
    return w


def islands(W: sparse.spmatrix) -> np.ndarray:
    """Bool per grid: True where the grid has no neighbour other than itself."""
    W = sparse.csr_matrix(W)
    off_diagonal = W - sparse.diags(W.diagonal())
    off_diagonal.eliminate_zeros()
    return np.diff(off_diagonal.indptr) == 0


def _check_xy(xy) -> np.ndarray:
    xy = np.asarray(xy, dtype=float)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise HotspotError(tr("grid centroids must be an n × 2 array of x, y coordinates"))
    if not np.isfinite(xy).all():
        raise HotspotError(tr("{count} grids have no valid centroid: repair their geometry").format(
            count=int((~np.isfinite(xy).all(axis=1)).sum())))
    return xy


# --- Gi* -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GiStar:
    """Gi* per grid (arrays of length n, in the order of the values)."""

    z: np.ndarray          #: z-score (esda ``Zs``)
    p: np.ndarray          #: two-sided p-value under normality (2 × esda ``p_norm``)
    g: np.ndarray          #: G*: neighbourhood sum / total (esda ``Gs``; undefined when the total is 0)
    expected: np.ndarray   #: E[G*] = Wi / n (esda ``EGs``)
    variance: np.ndarray   #: Var[G*] (esda ``VGs``)
    neighbours: np.ndarray  #: neighbourhood size including the grid itself
    islands: np.ndarray    #: bool: no neighbour but itself (z compares the grid with itself only)


def gi_star(values: np.ndarray, W: sparse.spmatrix, min_grids: int = MIN_GRIDS) -> GiStar:
    """Getis–Ord Gi* of *values* (one per grid) with spatial weights *W* (self added).

    Equal to ``esda.G_Local(values, w, transform='B', star=True, permutations=0)`` for binary
    *W*; non-binary non-negative weights use the general formula (module docstring).
    """
    y = _check_values(values, min_grids)
    Wstar, nbr = _star_weights(W, len(y))
    lag = Wstar @ y
    wsum = np.asarray(Wstar.sum(axis=1)).ravel()
    w2sum = np.asarray(Wstar.multiply(Wstar).sum(axis=1)).ravel()
    z = _gi_z(lag, wsum, w2sum, y.mean(), y.std(), len(y))
    n = len(y)
    total = y.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        g = lag / total
        variance = (n * w2sum - wsum ** 2) / ((n - 1) * n ** 2) * (y.var() / y.mean() ** 2)
    return GiStar(z, _two_sided(z), g, wsum / n, variance, nbr + 1, nbr == 0)


def _check_values(values, min_grids: int) -> np.ndarray:
    y = np.asarray(values, dtype=float)
    if y.ndim != 1:
        raise HotspotError(tr("give one value per grid (a 1-D array), got an array of shape {shape}").format(
            shape=tuple(y.shape)))
    if len(y) < min_grids:
        raise HotspotError(tr("only {n} grids have data; Gi* needs at least {minimum}").format(
            n=len(y), minimum=min_grids))
    _check_variation(y)
    return y


def _check_variation(y: np.ndarray) -> None:
    bad = ~np.isfinite(y)
    if bad.any():
        raise HotspotError(tr("{count} grids have no value (empty or not a number): give them a value "
                              "(0 for counts) or leave them out").format(count=int(bad.sum())))
    if not y.any():
        raise HotspotError(tr("every grid has a count of 0: there are no cases in the chosen time window "
                              "and area, so there is nothing to analyse"))
    if np.ptp(y) == 0:
        raise HotspotError(tr("every grid has the same value ({value}): Gi* needs values that differ "
                              "between grids").format(value=f"{y.flat[0]:g}"))


def _star_weights(W, n: int) -> tuple[sparse.csr_matrix, np.ndarray]:
    """W with the diagonal set to 1, and the number of neighbours (without self) per grid."""
    if not sparse.issparse(W):
        W = sparse.csr_matrix(np.asarray(W, dtype=float))
    W = sparse.csr_matrix(W, dtype=float)
    if W.shape != (n, n):
        raise HotspotError(tr("the spatial weights are for {weights} grids but {values} values were given: "
                              "build the weights from the same grids, in the same order").format(
            weights=W.shape[0] if W.shape[0] == W.shape[1] else f"{W.shape[0]} × {W.shape[1]}", values=n))
    if W.nnz and (W.data < 0).any() or not np.isfinite(W.data).all():
        raise HotspotError(tr("spatial weights must be finite and not negative"))
    off = W - sparse.diags(W.diagonal())
    off.eliminate_zeros()
    nbr = np.diff(off.indptr)
    if not nbr.any():
        raise HotspotError(tr("no grid has a neighbour, so Gi* could only compare each grid with itself: use a "
                              "larger distance band, or contiguity weights"))
    return (off + sparse.identity(n, format="csr")).tocsr(), nbr


def _gi_z(lag, wsum, w2sum, mean: float, std: float, n: int) -> np.ndarray:
    spread = (n * w2sum - wsum ** 2) / (n - 1)
    local = spread > 1e-12 * np.maximum(wsum ** 2, 1.0)  # else the neighbourhood is everything: z = 0
    if not local.any():
        raise HotspotError(tr("every grid is a neighbour of all the others, so there is nothing local to "
                              "compare: use a smaller distance band"))
    z = np.zeros(np.shape(lag))
    z[local] = (lag[local] - mean * wsum[local]) / (std * np.sqrt(spread[local]))
    return z


def _two_sided(z: np.ndarray) -> np.ndarray:
    return 2.0 * ndtr(-np.abs(z))


# --- confidence bins ------------------------------------------------------------------------------

def bh_critical_p(p: np.ndarray, alpha: float) -> float:
    """Benjamini–Hochberg critical p at level *alpha*: the largest sorted p₍ₖ₎ <= k/m·alpha.

    0.0 when there is none (then no p qualifies: the smallest exceeds alpha/m > 0).
    """
    ps = np.sort(np.asarray(p, dtype=float).reshape(-1))
    m = len(ps)
    if m == 0:
        return 0.0
    ok = np.flatnonzero(ps <= np.arange(1, m + 1) / m * alpha)
    return float(ps[ok[-1]]) if len(ok) else 0.0


def fdr_classes(z: np.ndarray, p: np.ndarray, fdr: bool = True) -> np.ndarray:
    """ArcGIS Gi_Bin per feature: ±3/±2/±1 = 99/95/90 % confidence hot (+) or cold (−), 0 = not.

    With *fdr* (default) each level's threshold is :func:`bh_critical_p` over all the p-values
    given (all grids, or all bins of a space-time cube); without, p <= 0.01 / 0.05 / 0.10.
    Returns int8 of the shape of *z*.
    """
    z = np.asarray(z, dtype=float)
    p = np.asarray(p, dtype=float)
    if z.shape != p.shape:
        raise HotspotError(tr("z-scores and p-values differ in shape: {z} and {p}").format(
            z=tuple(z.shape), p=tuple(p.shape)))
    if not (np.isfinite(z).all() and np.isfinite(p).all()):
        raise HotspotError(tr("z-scores and p-values must be numbers (no empty values)"))
    bins = np.zeros(z.shape, dtype=np.int8)
    sign = np.sign(z).astype(np.int8)
    for level, alpha in CONFIDENCE_LEVELS:
        critical = bh_critical_p(p, alpha) if fdr else alpha
        hit = (p <= critical) & (bins == 0)
        bins[hit] = level * sign[hit]
    return bins


def bin_label(gi_bin: int) -> str:
    """Name of a Gi_Bin class for legends and tables (热点 99% 置信 … 不显著 … 冷点 99% 置信)."""
    labels = {
        3: tr("Hot spot – 99 % confidence"),
        2: tr("Hot spot – 95 % confidence"),
        1: tr("Hot spot – 90 % confidence"),
        0: tr("Not significant"),
        -1: tr("Cold spot – 90 % confidence"),
        -2: tr("Cold spot – 95 % confidence"),
        -3: tr("Cold spot – 99 % confidence"),
    }
    if int(gi_bin) not in labels:
        raise HotspotError(tr("unknown confidence bin {value}: bins run from -3 to 3").format(value=gi_bin))
    return labels[int(gi_bin)]


# --- Mann–Kendall ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class MannKendall:
    """Mann–Kendall trend test (floats for one series, arrays for one series per row)."""

    s: np.ndarray | float      #: S = concordant − discordant pairs against time
    var_s: np.ndarray | float  #: variance of S with the tie correction
    z: np.ndarray | float      #: standardised S (with continuity correction unless turned off)
    p: np.ndarray | float      #: two-sided p-value
    tau: np.ndarray | float    #: Kendall's tau-b against time (= tau-a without ties)
    trend: np.ndarray | int    #: sign of S: 1 up, -1 down, 0 none (significance: look at p)


def mann_kendall(series: np.ndarray, continuity: bool = True) -> MannKendall:
    """Mann–Kendall trend of one series (values in time order); see :func:`mann_kendall_rows`."""
    x = np.asarray(series, dtype=float)
    if x.ndim != 1:
        raise HotspotError(tr("give one series (a 1-D array) in time order"))
    r = mann_kendall_rows(x[None, :], continuity)
    return MannKendall(float(r.s[0]), float(r.var_s[0]), float(r.z[0]), float(r.p[0]), float(r.tau[0]),
                       int(r.trend[0]))


def mann_kendall_rows(matrix: np.ndarray, continuity: bool = True) -> MannKendall:
    """Mann–Kendall trend of every row of *matrix* (rows = series, columns = time), vectorised.

    Ties (exactly equal values) reduce the variance of S; a row with all values tied has
    z = 0, p = 1, tau = 0. Needs at least 3 values per series.
    """
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2:
        raise HotspotError(tr("give one series per row (a 2-D array)"))
    m, t = x.shape
    if t < 3:
        raise HotspotError(tr("a trend needs at least 3 time slices, got {n}").format(n=t))
    if not np.isfinite(x).all():
        raise HotspotError(tr("a series for the trend test has empty values: fill them or drop the series"))
    s = np.zeros(m)
    for lag in range(1, t):
        s += np.sign(x[:, lag:] - x[:, :-lag]).sum(axis=1)
    # tie groups: sort each row, a group starts where a value differs from the previous one
    xs = np.sort(x, axis=1)
    starts = np.ones(xs.shape, dtype=bool)
    starts[:, 1:] = xs[:, 1:] != xs[:, :-1]
    group = np.cumsum(starts.ravel()) - 1
    size = np.bincount(group).astype(float)
    group_row = np.repeat(np.arange(m), t)[starts.ravel()]
    tie_var = np.bincount(group_row, size * (size - 1) * (2 * size + 5), minlength=m)
    tie_pairs = np.bincount(group_row, size * (size - 1) / 2, minlength=m)
    var_s = (t * (t - 1) * (2 * t + 5) - tie_var) / 18.0
    n0 = t * (t - 1) / 2.0
    z = np.zeros(m)
    tau = np.zeros(m)
    ok = var_s > 0
    numerator = s - np.sign(s) if continuity else s
    z[ok] = numerator[ok] / np.sqrt(var_s[ok])
    tau[ok] = s[ok] / np.sqrt(n0 * (n0 - tie_pairs[ok]))
    return MannKendall(s, var_s, z, _two_sided(z), tau, np.sign(s).astype(np.int8))


# --- emerging hot spots ---------------------------------------------------------------------------

#: Pattern codes, hot spots then cold spots, then no pattern (the legend's order).
CATEGORIES = tuple(f"{name}_{side}" for side in ("hot", "cold") for name in (
    "new", "consecutive", "intensifying", "persistent", "diminishing", "sporadic", "oscillating",
    "historical")) + ("no_pattern",)


@dataclass(frozen=True)
class _History:
    """Bin-history facts of every grid, seen from one side (hot or cold)."""

    final: np.ndarray      # significant on this side in the final slice
    count: np.ndarray      # number of slices significant on this side
    run: np.ndarray        # length of the run of such slices that ends with the final slice
    ninety: np.ndarray     # count >= 90 % of the slices
    other: np.ndarray      # significant on the other side in some slice
    rising: np.ndarray     # the z trend goes this side's way, significantly (hotter / colder)
    falling: np.ndarray    # the z trend goes the other way, significantly


@dataclass(frozen=True)
class PatternRule:
    """One emerging hot spot pattern: the name (code without side) and its test on a history."""

    name: str
    test: Callable[[_History], np.ndarray]
    definition: str


#: The patterns, in precedence order: first match wins; each is tried for hot then for cold
#: spots within its group (the 90 % patterns, then the final-slice patterns).
PATTERN_RULES: tuple[tuple[PatternRule, ...], ...] = (
    (
        PatternRule("intensifying", lambda h: h.ninety & h.final & h.rising,
                    "significant in >= 90 % of the slices including the final one; trend significant, this way"),
        PatternRule("diminishing", lambda h: h.ninety & h.final & h.falling,
                    "significant in >= 90 % of the slices including the final one; trend significant, other way"),
        PatternRule("persistent", lambda h: h.ninety & h.final & ~h.rising & ~h.falling,
                    "significant in >= 90 % of the slices including the final one; no significant trend"),
        PatternRule("historical", lambda h: h.ninety & ~h.final,
                    "significant in >= 90 % of the slices, but not in the final one"),
    ),
    (
        PatternRule("oscillating", lambda h: ~h.ninety & h.final & h.other,
                    "significant in the final slice, < 90 % of the slices, of the other kind in an earlier one"),
        PatternRule("new", lambda h: h.final & (h.count == 1) & ~h.other,
                    "significant in the final slice only"),
        PatternRule("consecutive", lambda h: ~h.ninety & h.final & (h.run >= 2) & (h.run == h.count) & ~h.other,
                    "one run of >= 2 significant slices ending with the final one, none before, < 90 %"),
        PatternRule("sporadic", lambda h: ~h.ninety & h.final & (h.run < h.count) & ~h.other,
                    "significant in the final slice and on and off before, < 90 %, never the other kind"),
    ),
)


def classify_history(bins: np.ndarray, trend_z: np.ndarray, trend_p: np.ndarray, trend_alpha: float = 0.05,
                     significance: int = 1) -> np.ndarray:
    """Emerging hot spot pattern code (:data:`CATEGORIES`) of each grid.

    *bins* is grids × slices of Gi_Bin values in time order, *trend_z*/*trend_p* the Mann–Kendall
    trend of each grid's z-scores; rules in :data:`PATTERN_RULES` (module docstring).
    """
    bins = np.asarray(bins)
    if bins.ndim != 2 or bins.shape[1] < 1:
        raise HotspotError(tr("give the confidence bins as grids × time slices"))
    tz, tp = np.asarray(trend_z, dtype=float).reshape(-1), np.asarray(trend_p, dtype=float).reshape(-1)
    if len(tz) != len(bins) or len(tp) != len(bins):
        raise HotspotError(tr("give one trend per grid: {grids} grids, {trends} trends").format(
            grids=len(bins), trends=len(tz)))
    if significance not in (1, 2, 3):
        raise HotspotError(tr("the significance level must be 1, 2 or 3 (90, 95 or 99 % confidence)"))
    hot, cold = bins >= significance, bins <= -significance
    up = (tp <= trend_alpha) & (tz > 0)
    down = (tp <= trend_alpha) & (tz < 0)
    histories = {"hot": _history(hot, cold, up, down), "cold": _history(cold, hot, down, up)}
    codes = np.full(len(bins), "no_pattern", dtype=object)
    open_ = np.ones(len(bins), dtype=bool)
    for group in PATTERN_RULES:
        for side in ("hot", "cold"):
            for rule in group:
                hit = open_ & rule.test(histories[side])
                codes[hit] = f"{rule.name}_{side}"
                open_ &= ~hit
    return codes


def _history(mine: np.ndarray, other: np.ndarray, rising: np.ndarray, falling: np.ndarray) -> _History:
    t = mine.shape[1]
    count = mine.sum(axis=1)
    run = np.cumprod(mine[:, ::-1], axis=1).sum(axis=1)
    return _History(mine[:, -1], count, run, 10 * count >= 9 * t, other.any(axis=1), rising, falling)


def category_label(code: str) -> str:
    """Name of an emerging hot spot pattern for legends (新增热点, 连续热点 … 无显著模式)."""
    labels = {
        "new_hot": tr("New hot spot"),
        "consecutive_hot": tr("Consecutive hot spot"),
        "intensifying_hot": tr("Intensifying hot spot"),
        "persistent_hot": tr("Persistent hot spot"),
        "diminishing_hot": tr("Diminishing hot spot"),
        "sporadic_hot": tr("Sporadic hot spot"),
        "oscillating_hot": tr("Oscillating hot spot"),
        "historical_hot": tr("Historical hot spot"),
        "new_cold": tr("New cold spot"),
        "consecutive_cold": tr("Consecutive cold spot"),
        "intensifying_cold": tr("Intensifying cold spot"),
        "persistent_cold": tr("Persistent cold spot"),
        "diminishing_cold": tr("Diminishing cold spot"),
        "sporadic_cold": tr("Sporadic cold spot"),
        "oscillating_cold": tr("Oscillating cold spot"),
        "historical_cold": tr("Historical cold spot"),
        "no_pattern": tr("No pattern detected"),
    }
    if code not in labels:
        raise HotspotError(tr("unknown emerging hot spot pattern '{code}'").format(code=code))
    return labels[code]


@dataclass(frozen=True)
class Emerging:
    """Emerging hot spot analysis: per bin (grids × slices) and per grid (length n)."""

    z: np.ndarray           #: space-time Gi* z per bin
    p: np.ndarray           #: two-sided p per bin
    bins: np.ndarray        #: FDR Gi_Bin per bin (int8)
    category: np.ndarray    #: pattern code per grid (:data:`CATEGORIES`)
    trend: MannKendall      #: Mann–Kendall of each grid's z series (arrays)
    n_hot: np.ndarray       #: slices in which the grid is a significant hot spot
    n_cold: np.ndarray      #: slices in which the grid is a significant cold spot
    islands: np.ndarray     #: bool per grid: no spatial neighbour (only itself, over time)
    time_step: int          #: the neighbourhood time step used


def emerging_hotspots(counts: np.ndarray, W: sparse.spmatrix, time_step: int = 1, fdr: bool = True,
                      trend_alpha: float = 0.05, significance: int = 1, min_grids: int = MIN_GRIDS,
                      min_slices: int = MIN_SLICES) -> Emerging:
    """Emerging hot spot analysis of a cube of *counts* (grids × time slices, oldest first).

    *W* are the spatial weights of the grids (no self-loops needed); *time_step* how many earlier
    slices belong to a bin's neighbourhood. *min_slices* defaults to 10: with fewer slices the
    90 % rule allows no gap at all, and below 5 the Mann–Kendall test can never reach p < 0.05.
    See the module docstring for the method and the pattern rules.
    """
    x = np.asarray(counts, dtype=float)
    if x.ndim != 2:
        raise HotspotError(tr("give the counts as grids × time slices (a 2-D array)"))
    n, t = x.shape
    if t == 0:
        raise HotspotError(tr("the time window holds no time slice: choose a longer window or shorter slices"))
    if n < min_grids:
        raise HotspotError(tr("only {n} grids have data; Gi* needs at least {minimum}").format(n=n, minimum=min_grids))
    if t < max(min_slices, 3):
        raise HotspotError(tr("only {n} time slices; emerging hot spot analysis needs at least {minimum}: choose a "
                              "longer window or shorter slices").format(n=t, minimum=max(min_slices, 3)))
    if int(time_step) != time_step or not 0 <= time_step < t:
        raise HotspotError(tr("the neighbourhood time step must be a whole number from 0 to {last}, got {step}")
                           .format(last=t - 1, step=time_step))
    time_step = int(time_step)
    _check_variation(x)
    Wstar, nbr = _star_weights(W, n)
    spatial = Wstar @ x                                          # n × t: neighbourhood sum per slice
    wsum1 = np.asarray(Wstar.sum(axis=1)).ravel()
    w2sum1 = np.asarray(Wstar.multiply(Wstar).sum(axis=1)).ravel()
    lag = spatial.copy()
    for back in range(1, time_step + 1):                         # add slices t-1 … t-time_step
        lag[:, back:] += spatial[:, :-back]
    slices = np.minimum(np.arange(t), time_step) + 1.0
    z = _gi_z(lag.ravel(), np.outer(wsum1, slices).ravel(), np.outer(w2sum1, slices).ravel(),
              x.mean(), x.std(), x.size).reshape(n, t)
    p = _two_sided(z)
    bins = fdr_classes(z, p, fdr)
    trend = mann_kendall_rows(z)
    category = classify_history(bins, trend.z, trend.p, trend_alpha, significance)
    return Emerging(z, p, bins, category, trend, (bins >= significance).sum(axis=1),
                    (bins <= -significance).sum(axis=1), nbr == 0, time_step)
