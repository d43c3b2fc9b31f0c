#!/usr/bin/env bash
# Install what CityGrid needs on Debian 12, idempotently, and quickly when it is already there.
#
#   1. apt: QGIS 3.22 LTR, PostgreSQL 15 + PostGIS 3, the Python libraries QGIS uses, Xvfb,
#      CJK fonts (maps and PDFs render Chinese), Qt's lrelease. Only missing packages are
#      installed (one dpkg-query first); `apt-get update` runs only when something is missing.
#   2. .venv: made from /usr/bin/python3 (QGIS's Python) with --system-site-packages, so
#      qgis, GDAL, psycopg2 and geopandas come from Debian; pip installs requirements/dev.txt
#      pinned by requirements/constraints.txt (Debian's numpy/pandas/scipy/shapely...). A stamp
#      holding the hash of both files skips pip when nothing changed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

APT_PACKAGES=(
  qgis python3-qgis qgis-providers
  postgresql-15 postgresql-15-postgis-3 postgresql-15-postgis-3-scripts postgresql-client-15
  python3-psycopg2 python3-geopandas python3-fiona python3-matplotlib python3-scipy
  python3-venv python3-pip
  xvfb xauth
  fonts-noto-cjk fonts-wqy-microhei
  qttools5-dev-tools
  gdal-bin zip poppler-utils
  python3-falcon python3-waitress
)

missing=()
while read -r pkg status; do
  [ "$status" = "installed" ] || missing+=("$pkg")
done < <(for p in "${APT_PACKAGES[@]}"; do
  s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  echo "$p ${s:-absent}"
done)

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${#missing[@]} Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "bootstrap: Debian packages present"
fi

stamp=".venv/.citygrid-requirements"
want=$(cat requirements/constraints.txt requirements/dev.txt | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv from /usr/bin/python3 (with system site packages)"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: pip install -r requirements/dev.txt (pinned by requirements/constraints.txt)"
  .venv/bin/python -m pip install -q --disable-pip-version-check \
      -c requirements/constraints.txt -r requirements/dev.txt
  echo "$want" > "$stamp"
else
  echo "bootstrap: .venv up to date"
fi
