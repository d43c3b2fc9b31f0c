"""Hot spot statistics (core.hotspots): Gi* against PySAL's esda, FDR bins against hand-worked and
independent Benjamini–Hochberg, Mann–Kendall against a hand example and scipy, every emerging hot
spot pattern from a hand-built history, the default distance band, and every refused input."""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from scipy import sparse, stats

from citygrid_plugin.core import hotspots as hs
from citygrid_plugin.core.hotspots import HotspotError

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from esda.getisord import G_Local
    from libpysal.weights import W as PysalW


def pysal_w(W: sparse.spmatrix) -> PysalW:
    """libpysal weights with the same neighbours as our CSR matrix (rows = focal grid)."""
    W = sparse.csr_matrix(W)
    neighbours = {i: W.indices[W.indptr[i]:W.indptr[i + 1]].tolist() for i in range(W.shape[0])}
    return PysalW(neighbours, silence_warnings=True)


def esda_gi_star(y, W):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return G_Local(np.asarray(y, dtype=float), pysal_w(W), transform="B", star=True, permutations=0)


def lattice(side: int, spacing: float = 100.0):
    """Centroids of a side × side grid of square cells and their queen-contiguity pairs."""
    ii, jj = np.divmod(np.arange(side * side), side)
    xy = np.c_[jj * spacing + 500000.0, ii * spacing + 3390000.0]
    pairs = [(a, (i + di) * side + (j + dj)) for a, (i, j) in enumerate(zip(ii, jj))
             for di in (-1, 0, 1) for dj in (-1, 0, 1)
             if (di, dj) != (0, 0) and 0 <= i + di < side and 0 <= j + dj < side]
    return xy, np.array(pairs)


# --- Gi* against esda ------------------------------------------------------------------------------

def test_gi_star_equals_esda_with_distance_band_weights():
    rng = np.random.default_rng(1)
    xy = rng.uniform(0, 3000, (600, 2))
    y = rng.poisson(np.where(xy[:, 0] < 1000, 6.0, 2.0))
    W = hs.distance_band_weights(xy, 250.0)
    ours, theirs = hs.gi_star(y, W), esda_gi_star(y, W)
    np.testing.assert_allclose(ours.z, theirs.Zs, rtol=0, atol=1e-6)
    np.testing.assert_allclose(ours.p, 2 * theirs.p_norm, rtol=1e-9)
    np.testing.assert_allclose(ours.g, theirs.Gs, rtol=1e-9)
    np.testing.assert_allclose(ours.expected, theirs.EGs, rtol=1e-9)
    np.testing.assert_allclose(ours.variance, theirs.VGs, rtol=1e-9)
    assert (np.abs(ours.z) > 2.58).sum() > 20  # the west is really hotter: not a vacuous comparison


def test_gi_star_equals_esda_with_contiguity_weights_and_an_island():
    xy, pairs = lattice(24)
    lonely = 24 * 12 + 12
    pairs = pairs[(pairs != lonely).all(axis=1)]  # a grid that touches nothing (e.g. an enclave)
    W = hs.contiguity_weights(len(xy), pairs)
    y = np.random.default_rng(2).poisson(3.0, len(xy)).astype(float)
    y[lonely] = 25
    ours, theirs = hs.gi_star(y, W), esda_gi_star(y, W)
    np.testing.assert_allclose(ours.z, theirs.Zs, rtol=0, atol=1e-6)
    np.testing.assert_allclose(ours.p, 2 * theirs.p_norm, rtol=1e-9)
    assert ours.islands.sum() == 1 and ours.islands[lonely] and ours.neighbours[lonely] == 1
    # an island is compared with itself only: its z is the standardised value
    assert ours.z[lonely] == pytest.approx((y[lonely] - y.mean()) / y.std())
    assert ours.neighbours[0] == 4 and ours.neighbours[25] == 9  # corner 3 + self, interior 8 + self


def test_planted_hotspot_comes_out_hot_at_99_percent():
    side = 30
    xy, _ = lattice(side)
    rng = np.random.default_rng(3)
    y = rng.poisson(3.0, side * side).astype(float)
    ii, jj = np.divmod(np.arange(side * side), side)
    planted = (np.abs(ii - 15) <= 1) & (np.abs(jj - 15) <= 1)
    y[planted] = rng.poisson(20.0, planted.sum())
    result = hs.gi_star(y, hs.distance_band_weights(xy, 150.0))  # 150 m: the 8 surrounding cells
    bins = hs.fdr_classes(result.z, result.p)
    assert (bins[planted] == 3).all()
    far = (np.abs(ii - 15) > 3) | (np.abs(jj - 15) > 3)
    assert (bins[far] == 0).mean() > 0.97 and not (np.abs(bins[far]) == 3).any()


def test_full_neighbourhood_gives_zero_and_whole_area_band_is_refused():
    xy, pairs = lattice(6)
    y = np.arange(36, dtype=float)
    hub = np.array([(0, j) for j in range(1, 36)])  # grid 0 neighbours everyone
    result = hs.gi_star(y, hs.contiguity_weights(36, np.r_[pairs, hub]))
    assert result.z[0] == 0 and result.p[0] == 1 and np.isfinite(result.z).all()
    with pytest.raises(HotspotError, match="every grid is a neighbour of all the others"):
        hs.gi_star(y, hs.distance_band_weights(xy, 10_000.0))


# --- weights ---------------------------------------------------------------------------------------

def test_distance_band_weights_are_the_centroids_within_the_band():
    xy = np.random.default_rng(4).uniform(0, 2000, (500, 2))
    W = hs.distance_band_weights(xy, 180.0)
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    expected = (d <= 180.0) & ~np.eye(500, dtype=bool)
    assert np.array_equal(W.toarray() == 1, expected) and (W != W.T).nnz == 0
    assert np.array_equal(hs.islands(W), ~expected.any(axis=1))


def test_contiguity_weights_are_symmetric_binary_and_ignore_self_pairs():
    W = hs.contiguity_weights(4, [(0, 1), (1, 0), (0, 1), (2, 2), (3, 1)])
    assert W.toarray().tolist() == [[0, 1, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0], [0, 1, 0, 0]]
    assert hs.islands(W).tolist() == [False, False, True, False]


def test_default_band_on_a_lattice_is_the_average_distance_to_30_neighbours():
    xy, _ = lattice(30)
    choice = hs.default_band(xy)
    d = np.sort(np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1)), axis=1)
    assert choice.k == 30 and choice.one_neighbour == pytest.approx(100.0)
    assert choice.k_distance == pytest.approx(d[:, 30].mean())
    sd = math.sqrt(((xy - xy.mean(axis=0)) ** 2).sum(axis=1).mean())
    assert choice.standard_distance == pytest.approx(sd)
    assert choice.band == pytest.approx(d[:, 30].mean()) and choice.rule == "k_neighbours"
    assert 300 < choice.band < 400 and not choice.outliers.any()


def test_default_band_ignores_a_locational_outlier_and_leaves_it_an_island():
    xy, _ = lattice(30)
    xy = np.r_[xy, [[xy[:, 0].max() + 20_000.0, xy[:, 1].mean()]]]
    choice = hs.default_band(xy)
    assert choice.outliers.tolist() == [False] * 900 + [True]
    assert choice.one_neighbour == pytest.approx(100.0) and choice.band < 500
    assert np.flatnonzero(hs.islands(hs.distance_band_weights(xy, choice.band))).tolist() == [900]


def test_default_band_is_capped_at_the_standard_distance():
    rng = np.random.default_rng(5)
    xy = np.r_[rng.uniform(0, 10, (20, 2)), rng.uniform(0, 10, (20, 2)) + [1000.0, 0.0]]
    choice = hs.default_band(xy, k=25)  # the 25th neighbour is in the other cluster, ~1000 m away
    assert choice.k_distance > 990 and choice.rule == "standard_distance"
    assert choice.band == pytest.approx(choice.standard_distance) and 495 < choice.band < 505


def test_default_band_keeps_every_ordinary_grid_connected():
    dense = np.c_[np.arange(35) % 7 * 10.0, np.arange(35) // 7 * 10.0]
    sparse_row = np.c_[np.arange(5) * 200.0 + 300.0, np.full(5, 500.0)]
    choice = hs.default_band(np.r_[dense, sparse_row])
    assert choice.k == 3 and choice.rule == "one_neighbour" and choice.band == pytest.approx(200.0)
    assert not hs.islands(hs.distance_band_weights(np.r_[dense, sparse_row], choice.band)).any()


# --- FDR -------------------------------------------------------------------------------------------

P_EXAMPLE = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205, 0.212, 0.216])


def test_bh_critical_p_by_hand():
    # m = 10. α = .01: only 0.001 <= 1/10·.01. α = .05: k = 2 (0.008 <= .010), none above.
    # α = .10: k = 6 (0.060 <= .060) although k = 3 and 4 fail: step-up takes the largest k.
    assert hs.bh_critical_p(P_EXAMPLE, 0.01) == 0.001
    assert hs.bh_critical_p(P_EXAMPLE, 0.05) == 0.008
    assert hs.bh_critical_p(P_EXAMPLE, 0.10) == 0.060
    assert hs.bh_critical_p(np.array([0.5, 0.9]), 0.05) == 0.0


def test_fdr_bins_by_hand_with_and_without_fdr():
    z = np.where(np.arange(10) % 2 == 0, 1.0, -1.0) * stats.norm.isf(P_EXAMPLE / 2)
    with_fdr = hs.fdr_classes(z, P_EXAMPLE)
    assert with_fdr.tolist() == [3, -2, 1, -1, 1, -1, 0, 0, 0, 0]
    without = hs.fdr_classes(z, P_EXAMPLE, fdr=False)
    assert without.tolist() == [3, -3, 2, -2, 2, -1, 1, 0, 0, 0]
    assert with_fdr.dtype == np.int8


def test_fdr_bins_equal_benjamini_hochberg_adjusted_p_values():
    rng = np.random.default_rng(6)
    z = np.r_[rng.normal(0, 1, 900), rng.normal(3.2, 1, 100)]
    p = 2 * stats.norm.sf(np.abs(z))
    order = np.argsort(p)
    m = len(p)
    adjusted = np.empty(m)
    adjusted[order] = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    expected = np.zeros(m, dtype=int)
    for level, alpha in ((1, 0.10), (2, 0.05), (3, 0.01)):
        expected[adjusted <= alpha] = level
    expected *= np.sign(z).astype(int)
    assert np.array_equal(hs.fdr_classes(z, p), expected)
    assert (hs.fdr_classes(z, p) != 0).sum() < (hs.fdr_classes(z, p, fdr=False) != 0).sum()


def test_bin_labels_name_every_class():
    assert hs.bin_label(3) == "Hot spot – 99 % confidence"
    assert hs.bin_label(-2) == "Cold spot – 95 % confidence"
    assert hs.bin_label(0) == "Not significant"
    assert len({hs.bin_label(b) for b in range(-3, 4)}) == 7
    with pytest.raises(HotspotError, match="unknown confidence bin 4"):
        hs.bin_label(4)


def test_labels_go_through_the_translator():
    from citygrid_plugin.core.i18n import set_translator

    catalogue = {"Hot spot – 99 % confidence": "热点 99% 置信", "New hot spot": "新增热点"}
    set_translator(lambda text: catalogue.get(text, text))
    try:
        assert hs.bin_label(3) == "热点 99% 置信" and hs.category_label("new_hot") == "新增热点"
    finally:
        set_translator(None)


# --- Mann–Kendall ----------------------------------------------------------------------------------

def test_mann_kendall_by_hand_with_ties():
    # pairs of 1, 2, 2, 3, 1: S = +3 + 0 + 0 - 1 = 2; ties {1, 1} and {2, 2}
    # Var S = (5·4·15 - 2·(2·1·9)) / 18 = 264/18; z = (2 - 1) / sqrt(264/18); tau-b = 2 / sqrt(10·8)
    mk = hs.mann_kendall([1, 2, 2, 3, 1])
    assert mk.s == 2 and mk.var_s == pytest.approx(264 / 18)
    assert mk.z == pytest.approx(1 / math.sqrt(264 / 18))
    assert mk.p == pytest.approx(2 * stats.norm.sf(1 / math.sqrt(264 / 18)))
    assert mk.tau == pytest.approx(2 / math.sqrt(80)) and mk.trend == 1
    rising = hs.mann_kendall(np.arange(10.0))
    assert rising.s == 45 and rising.z == pytest.approx(44 / math.sqrt(125)) and rising.tau == 1 and rising.p < 0.001
    flat = hs.mann_kendall([2.0] * 6)
    assert flat.s == 0 and flat.z == 0 and flat.p == 1 and flat.trend == 0


def test_mann_kendall_without_continuity_equals_scipy_kendalltau_against_time():
    rng = np.random.default_rng(7)
    for _ in range(20):
        x = rng.integers(0, 5, 24).astype(float) + np.linspace(0, rng.normal(0, 3), 24).round()  # many ties
        ref = stats.kendalltau(np.arange(24), x, method="asymptotic")
        plain = hs.mann_kendall(x, continuity=False)
        assert plain.tau == pytest.approx(ref.statistic, abs=1e-12)
        assert plain.p == pytest.approx(ref.pvalue, rel=1e-9)
        corrected = hs.mann_kendall(x)
        assert corrected.p >= plain.p and abs(corrected.z) == pytest.approx(
            max(abs(plain.s) - 1, 0) / math.sqrt(plain.var_s))


def test_mann_kendall_rows_equal_one_series_at_a_time():
    x = np.random.default_rng(8).integers(0, 4, (50, 12)).astype(float)
    rows = hs.mann_kendall_rows(x)
    for i in (0, 7, 49):
        one = hs.mann_kendall(x[i])
        assert (rows.s[i], rows.z[i], rows.p[i], rows.tau[i]) == pytest.approx((one.s, one.z, one.p, one.tau))


# --- emerging patterns -----------------------------------------------------------------------------

SIG_UP, SIG_DOWN, FLAT = (3.0, 0.003), (-3.0, 0.003), (0.5, 0.6)


@pytest.mark.parametrize("history,trend,expected", [
    ([0] * 9 + [3], FLAT, "new_hot"),
    ([0] * 7 + [1, 2, 3], FLAT, "consecutive_hot"),
    ([2] * 10, SIG_UP, "intensifying_hot"),
    ([2] * 10, FLAT, "persistent_hot"),
    ([0] + [2] * 9, FLAT, "persistent_hot"),          # 9 of 10 slices is 90 %
    ([3] * 10, SIG_DOWN, "diminishing_hot"),
    ([0, 2, 0, 0, 1, 0, 0, 0, 2, 2], FLAT, "sporadic_hot"),
    ([-2, 0, 0, 0, 0, 0, 0, 0, 0, 1], FLAT, "oscillating_hot"),  # cold before: oscillating, not new
    ([2] * 9 + [0], FLAT, "historical_hot"),
    ([0] * 9 + [-3], FLAT, "new_cold"),
    ([0] * 6 + [-1] * 4, FLAT, "consecutive_cold"),
    ([-2] * 10, SIG_DOWN, "intensifying_cold"),       # colder and colder
    ([-1] * 10, FLAT, "persistent_cold"),
    ([-2] * 10, SIG_UP, "diminishing_cold"),
    ([-1, 0, -1, 0, 0, 0, -2, 0, 0, -1], FLAT, "sporadic_cold"),
    ([0, 0, 3, 0, 0, 0, 0, 0, 0, -1], FLAT, "oscillating_cold"),
    ([-1] * 9 + [0], FLAT, "historical_cold"),
    ([0] * 10, FLAT, "no_pattern"),
    ([0, 2, 2, 0, 0, 0, 0, 0, 0, 0], SIG_UP, "no_pattern"),  # was hot, is not, under 90 %
    ([2] * 9 + [-1], FLAT, "historical_hot"),          # 90 % hot outranks oscillating cold
    ([2] * 8 + [0, 2], SIG_UP, "intensifying_hot"),    # 9 of 10 with a gap is still 90 %
    ([2] * 6 + [0, 0, 2, 2], SIG_UP, "sporadic_hot"),  # 80 %, hot before the final run: not consecutive
    ([1] * 8 + [0, 0], FLAT, "no_pattern"),            # 80 %, not hot at the end
])
def test_each_emerging_pattern_from_a_hand_built_history(history, trend, expected):
    codes = hs.classify_history(np.array([history]), np.array([trend[0]]), np.array([trend[1]]))
    assert codes.tolist() == [expected]
    assert expected in hs.CATEGORIES and hs.category_label(expected)


def test_pattern_thresholds_significance_trend_alpha_and_short_series():
    flat = np.array([[1] * 10])
    assert hs.classify_history(flat, [0.0], [0.9]).tolist() == ["persistent_hot"]
    assert hs.classify_history(flat, [0.0], [0.9], significance=2).tolist() == ["no_pattern"]
    rising = np.array([[2] * 10])
    assert hs.classify_history(rising, [2.0], [0.05]).tolist() == ["intensifying_hot"]  # p <= alpha
    assert hs.classify_history(rising, [2.0], [0.05], trend_alpha=0.01).tolist() == ["persistent_hot"]
    assert hs.classify_history(np.array([[0, 2, 2, 2, 2]]), [0.0], [1.0]).tolist() == ["consecutive_hot"]  # 80 %


def test_every_category_has_a_distinct_label():
    labels = {code: hs.category_label(code) for code in hs.CATEGORIES}
    assert len(set(labels.values())) == 17 and labels["no_pattern"] == "No pattern detected"
    with pytest.raises(HotspotError, match="unknown emerging hot spot pattern"):
        hs.category_label("hot")


# --- emerging hot spot analysis --------------------------------------------------------------------

def space_time_neighbours(W: sparse.csr_matrix, n_slices: int, time_step: int) -> sparse.csr_matrix:
    """Weights over the flattened cube (bin = grid·T + slice): spatial neighbours and self, same slice
    and time_step slices back (self excluded: esda's star adds it)."""
    n = W.shape[0]
    spatial = (W + sparse.identity(n)).tocsr()
    rows, cols = [], []
    for i in range(n):
        for j in spatial.indices[spatial.indptr[i]:spatial.indptr[i + 1]]:
            for t in range(n_slices):
                for back in range(time_step + 1):
                    if t - back >= 0 and (j, back) != (i, 0):
                        rows.append(i * n_slices + t)
                        cols.append(j * n_slices + t - back)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n * n_slices, n * n_slices))


@pytest.mark.parametrize("time_step", [0, 1, 2])
def test_space_time_gi_star_equals_esda_on_the_cube(time_step):
    xy, pairs = lattice(7)  # 49 grids
    W = hs.contiguity_weights(len(xy), pairs)
    counts = np.random.default_rng(9).poisson(3.0, (49, 10))
    result = hs.emerging_hotspots(counts, W, time_step=time_step)
    theirs = esda_gi_star(counts.ravel(), space_time_neighbours(W, 10, time_step))
    np.testing.assert_allclose(result.z.ravel(), theirs.Zs, rtol=0, atol=1e-6)
    np.testing.assert_allclose(result.p.ravel(), 2 * theirs.p_norm, rtol=1e-9)
    assert np.array_equal(result.bins, hs.fdr_classes(result.z, result.p))
    assert result.time_step == time_step and result.category.shape == (49,)


def test_emerging_analysis_finds_planted_patterns():
    side, slices = 12, 12
    xy, pairs = lattice(side)
    W = hs.contiguity_weights(len(xy), pairs)
    rng = np.random.default_rng(10)
    counts = rng.poisson(2.0, (side * side, slices)).astype(float)
    ii, jj = np.divmod(np.arange(side * side), side)

    def block(ci, cj):
        return (np.abs(ii - ci) <= 1) & (np.abs(jj - cj) <= 1)

    growing, steady, empty, late = block(2, 2), block(2, 9), block(9, 2), block(9, 9)
    counts[growing] = 6 + 2 * np.arange(slices)       # more cases every month
    counts[steady] = 12                                # always many cases
    counts[empty] = 0                                  # never a case (a park)
    counts[late, -1] = 30                              # a sudden cluster this month
    result = hs.emerging_hotspots(counts, W)
    centre = lambda mask: int(np.flatnonzero(mask)[4])  # noqa: E731  (the block's middle grid)
    assert result.category[centre(growing)] == "intensifying_hot"
    assert result.category[centre(steady)] == "persistent_hot"
    assert result.category[centre(empty)] == "persistent_cold"
    assert set(result.category[late]) == {"new_hot"}
    assert result.n_hot[centre(steady)] == slices
    # the first slice has no earlier slice in its neighbourhood: half the evidence, not significant
    assert result.n_cold[centre(empty)] == slices - 1 and result.bins[centre(empty), 0] == 0
    assert result.trend.z[centre(growing)] > 0 and result.trend.p[centre(growing)] <= 0.05
    assert not result.islands.any() and result.bins.shape == (side * side, slices)


# --- counts ----------------------------------------------------------------------------------------

def test_counts_per_grid_and_per_slice():
    rng = np.random.default_rng(11)
    grid = rng.integers(-1, 10_000, 1_000_000)   # -1: the case fell in no grid
    counts = hs.counts_per_grid(grid, 10_000)
    assert counts.shape == (10_000,) and counts.sum() == (grid >= 0).sum()
    assert counts[123] == (grid == 123).sum()
    small_g, small_s = np.array([0, 0, 2, -1, 2, 1]), np.array([1, 1, 0, 0, -1, 2])
    assert hs.counts_per_slice(small_g, small_s, 3, 3).tolist() == [[0, 2, 0], [0, 0, 1], [1, 0, 0]]
    assert hs.counts_per_grid(np.array([], dtype=int), 3).tolist() == [0, 0, 0]
    assert hs.counts_per_grid(np.array([1.0, 1.0]), 3).tolist() == [0, 2, 0]


def test_a_million_cases_through_counts_gi_star_and_fdr():
    side = 100
    xy, _ = lattice(side)
    rng = np.random.default_rng(12)
    hot = rng.random(1_000_000) < 0.05
    grid = np.where(hot, 5050 + rng.integers(0, 3, 1_000_000), rng.integers(0, side * side, 1_000_000))
    W = hs.distance_band_weights(xy, 150.0)
    result = hs.gi_star(hs.counts_per_grid(grid, side * side), W)
    bins = hs.fdr_classes(result.z, result.p)
    assert (bins[[5050, 5051, 5052]] == 3).all() and np.isfinite(result.z).all()


# --- refused input ---------------------------------------------------------------------------------

@pytest.fixture
def grid30():
    xy, pairs = lattice(6)  # 36 grids
    return xy, hs.contiguity_weights(36, pairs), np.random.default_rng(13).poisson(3.0, 36).astype(float)


def test_too_few_grids(grid30):
    xy, W, y = grid30
    with pytest.raises(HotspotError, match="only 20 grids have data; Gi\\* needs at least 30"):
        hs.gi_star(y[:20], W[:20, :20])
    assert hs.gi_star(y[:20], W[:20, :20], min_grids=20).z.shape == (20,)


@pytest.mark.parametrize("values,message", [
    (np.zeros(36), "every grid has a count of 0"),
    (np.full(36, 4.0), "every grid has the same value \\(4\\)"),
    (np.r_[np.nan, np.ones(35)], "1 grids have no value"),
    (np.ones((6, 6)), "one value per grid"),
])
def test_values_gi_star_cannot_use(grid30, values, message):
    with pytest.raises(HotspotError, match=message):
        hs.gi_star(values, grid30[1])


def test_weights_that_do_not_fit(grid30):
    xy, W, y = grid30
    with pytest.raises(HotspotError, match="weights are for 30 grids but 36 values"):
        hs.gi_star(y, W[:30, :30])
    with pytest.raises(HotspotError, match="no grid has a neighbour"):
        hs.gi_star(y, hs.contiguity_weights(36, []))
    with pytest.raises(HotspotError, match="must be finite and not negative"):
        hs.gi_star(y, -W)
    with pytest.raises(HotspotError, match="refers to a grid outside 0..35"):
        hs.contiguity_weights(36, [(0, 36)])


def test_band_that_leaves_every_grid_an_island(grid30):
    xy = grid30[0]
    with pytest.raises(HotspotError, match="no two grid centroids are within 50 m .* 100.0 m apart.*e.g. 1"):
        hs.distance_band_weights(xy, 50.0)
    with pytest.raises(HotspotError, match="positive distance"):
        hs.distance_band_weights(xy, 0.0)
    with pytest.raises(HotspotError, match="n × 2"):
        hs.distance_band_weights(xy[:, 0], 100.0)


def test_emerging_input_it_cannot_use(grid30):
    _, W, _ = grid30
    counts = np.random.default_rng(14).poisson(2.0, (36, 12))
    with pytest.raises(HotspotError, match="no time slice"):
        hs.emerging_hotspots(np.zeros((36, 0)), W)
    with pytest.raises(HotspotError, match="only 6 time slices; .* at least 10"):
        hs.emerging_hotspots(counts[:, :6], W)
    with pytest.raises(HotspotError, match="time step must be a whole number from 0 to 11"):
        hs.emerging_hotspots(counts, W, time_step=12)
    with pytest.raises(HotspotError, match="every grid has a count of 0"):
        hs.emerging_hotspots(np.zeros((36, 12)), W)
    with pytest.raises(HotspotError, match="only 20 grids"):
        hs.emerging_hotspots(counts[:20], W[:20, :20])
    assert hs.emerging_hotspots(counts[:, :6], W, min_slices=6).z.shape == (36, 6)


def test_case_indices_it_cannot_use():
    with pytest.raises(HotspotError, match="2 cases have a grid index outside 0..9"):
        hs.counts_per_grid(np.array([0, 10, -2, 3]), 10)
    with pytest.raises(HotspotError, match="grid indices must be whole numbers"):
        hs.counts_per_grid(np.array([0.5, 1.0]), 10)
    with pytest.raises(HotspotError, match="1 cases have a time-slice index outside 0..2"):
        hs.counts_per_slice(np.array([0, 1]), np.array([0, 3]), 2, 3)
    with pytest.raises(HotspotError, match="2 grid indices but 1 time-slice indices"):
        hs.counts_per_slice(np.array([0, 1]), np.array([0]), 2, 3)


def test_mann_kendall_and_fdr_input_it_cannot_use():
    with pytest.raises(HotspotError, match="at least 3 time slices"):
        hs.mann_kendall([1.0, 2.0])
    with pytest.raises(HotspotError, match="empty values"):
        hs.mann_kendall([1.0, np.nan, 2.0])
    with pytest.raises(HotspotError, match="differ in shape"):
        hs.fdr_classes(np.zeros(3), np.ones(4))
    with pytest.raises(HotspotError, match="must be 1, 2 or 3"):
        hs.classify_history(np.zeros((1, 10)), [0.0], [1.0], significance=4)
