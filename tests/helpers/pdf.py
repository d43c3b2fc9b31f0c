"""Reading PDFs and PNGs the way a person's tools do (poppler's pdftotext, pdfinfo, pdffonts)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.PyQt.QtGui import QImageReader

RADICALS = re.compile(r"[\u2e80-\u2fdf]")  # what Qt's PDF text map gives for 日, 页, 门 … without the repair


def poppler(tool: str, *args) -> str:
    if not shutil.which(tool):
        pytest.fail(f"{tool} not found: install poppler-utils (scripts/bootstrap.sh does)")
    done = subprocess.run([tool, *map(str, args)], capture_output=True, text=True, check=True)
    assert "Syntax Error" not in done.stderr, done.stderr
    return done.stdout


def pdf_pages(path: Path) -> tuple[int, tuple[float, float]]:
    info = poppler("pdfinfo", path)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return pages, (float(w), float(h))


def page_size(path: Path, page: int) -> tuple[int, int]:
    info = poppler("pdfinfo", "-f", page, "-l", page, path)
    w, h = re.search(rf"Page\s+{page} size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return round(float(w)), round(float(h))


def pdf_text(path: Path, page: int | None = None) -> str:
    args = ["-f", page, "-l", page] if page else []
    return poppler("pdftotext", *args, path, "-")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def png_size(path: Path) -> tuple[int, int]:
    size = QImageReader(str(path)).size()
    return size.width(), size.height()
