"""Class breaks of a graduated map (分级): Jenks natural breaks or quantiles of counts, computed
exactly on the values (QGIS's own Jenks samples 3,000 values at random above that size, so two
prints of the same month could differ)."""
from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from .i18n import tr

METHODS = ("jenks", "quantile")


class BreaksError(ValueError):
    """Classes that cannot be computed as asked; the message says what to change."""


def _jenks_uppers(values: np.ndarray, weights: np.ndarray, k: int) -> list[float]:
    """Upper bounds of the *k* classes of sorted distinct *values* (with *weights*: how many grids
    hold each) that minimise the weighted squared deviation within classes — Fisher's exact
    optimisation, which Jenks natural breaks approximates."""
    n = len(values)
    cw = np.concatenate([[0.0], np.cumsum(weights)])
    cx = np.concatenate([[0.0], np.cumsum(weights * values)])
    cxx = np.concatenate([[0.0], np.cumsum(weights * values * values)])
    cost = np.full((k + 1, n + 1), np.inf)
    cost[0, 0] = 0.0
    back = np.zeros((k + 1, n + 1), dtype=int)
    for c in range(1, k + 1):
        for j in range(c, n + 1):
            i = np.arange(c - 1, j)
            w = cw[j] - cw[i]
            s = cx[j] - cx[i]
            total = cost[c - 1, i] + (cxx[j] - cxx[i] - s * s / w)
            best = int(np.argmin(total))
            cost[c, j], back[c, j] = total[best], i[best]
    uppers, j = [], n
    for c in range(k, 0, -1):
        uppers.append(float(values[j - 1]))
        j = back[c, j]
    return uppers[::-1]


def class_breaks(values: Iterable[float], method: str = "jenks", classes: int = 5) -> list[tuple[float, float]]:
    """(low, high) ranges of the positive *values* (counts) in at most *classes* classes, by
    Jenks natural breaks or quantiles; each range starts at the next value present after the
    previous one ends. Zero is left out (grids without a case get their own class)."""
    if method not in METHODS:
        raise BreaksError(tr("unknown classification '{method}': use jenks or quantile").format(method=method))
    positive = np.sort(np.asarray([v for v in values if v > 0], dtype=float))
    if not len(positive):
        return []
    distinct, weights = np.unique(positive, return_counts=True)
    k = max(1, min(int(classes), len(distinct)))
    if method == "jenks":
        uppers = _jenks_uppers(distinct, weights.astype(float), k)
    else:
        uppers = []
        for q in range(1, k + 1):
            value = float(positive[max(0, math.ceil(len(positive) * q / k) - 1)])
            if not uppers or value > uppers[-1]:
                uppers.append(value)
    ranges, low = [], float(distinct[0])
    for upper in uppers:
        ranges.append((low, upper))
        above = distinct[distinct > upper]
        low = float(above[0]) if len(above) else upper
    return ranges
