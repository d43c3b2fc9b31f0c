# CityGrid: every target installs what it needs first (scripts/bootstrap.sh: apt + .venv,
# quick when already there). The two everyday commands are `make demo` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
export QT_QPA_PLATFORM ?= offscreen
export PROJ_DATA ?= /usr/share/proj
export PYTHONPATH := $(CURDIR):/usr/share/qgis/python/plugins$(if $(PYTHONPATH),:$(PYTHONPATH))
VERSION := $(shell sed -n 's/^version=//p' citygrid_plugin/metadata.txt)

.PHONY: setup demo test test-fast lint qgis screens zip i18n styles bench db-up db-down db-status clean

setup:
	@scripts/bootstrap.sh

demo: setup  ## the main job: private PostGIS, store, sample district, code tables, project
	@$(PY) scripts/demo.py

test: setup  ## the whole suite (what .ci/run runs)
	@$(PY) -m pytest

test-fast: setup  ## unit tests only (no QGIS, no database)
	@$(PY) -m pytest tests/unit

lint: setup
	@.venv/bin/ruff check .

qgis: setup  ## QGIS desktop with the plugin in a dedicated profile and the demo project open
	@test -f output/demo/citygrid_demo.qgz || $(PY) scripts/demo.py
	@$(PY) scripts/qgis_profile.py launch

screens: setup  ## every screen under Xvfb at 1920×1080, as PNGs in docs/screens/ (make demo first if needed)
	@$(PY) scripts/screens.py

zip: setup  ## dist/citygrid_plugin-VERSION.zip, installable through Plugins ▸ Install from ZIP
	@$(PY) scripts/build_zip.py

i18n: setup  ## refresh resources/i18n/*.ts from the sources and compile the .qm files
	@$(PY) scripts/i18n.py

styles: setup  ## regenerate styles/*.qml
	@$(PY) scripts/make_styles.py

bench: setup
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

db-up: setup
	@./citygrid db up
db-down:
	@./citygrid db down
db-status:
	@./citygrid db status

clean:
	rm -rf dist output .pytest_cache
