"""The Open311 GeoReport v2 HTTP service (``./citygrid serve open311``): see :mod:`.server`."""
