"""Helpers shared by the tests (no fixtures here: fixtures live in the conftest.py files)."""
