"""The static security check (bandit) of the plugin is part of the test command and must be clean
(SECURITY.md, "Static checks"): a new finding fails the suite with its file, line and reason."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_bandit_reports_nothing_in_the_plugin():
    bandit = shutil.which("bandit", path=str(Path(sys.executable).parent))
    if bandit is None:
        pytest.fail("bandit is not installed in the test environment (requirements/dev.txt)")
    proc = subprocess.run([bandit, "-q", "-r", "citygrid_plugin", "-c", "pyproject.toml", "-f", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    report = json.loads(proc.stdout or "{}")
    findings = [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}"
                for r in report.get("results", [])]
    assert report.get("errors", []) == [], report["errors"]
    assert findings == [], "bandit findings:\n" + "\n".join(findings)
