"""Where the property-based tests' store lies: real Chengdu coordinates (EPSG:4544), so that a
coordinate in degrees or in another CRS lands far from every grid, as it would in a city's store."""
from __future__ import annotations

X0, Y0 = 404_000.0, 3_390_000.0   # 成都, EPSG:4544 (CGCS2000 / 3-degree GK CM 105E)
WIDTH, HEIGHT = 300.0, 200.0      # one community, 3 × 2 unit grids of 100 m
