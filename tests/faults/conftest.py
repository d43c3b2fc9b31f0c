"""Fixtures of the fault tests: the census store of the field-package tests (one community of the
sample district coded, a few components), reused rather than rebuilt."""
from tests.qgis.test_fieldwork import algorithms, census  # noqa: F401  (fixtures)
