#!/usr/bin/env python3
"""Benchmark: validating and parsing unit-grid and component codes.

    .venv/bin/python bench/codes.py [--n 1000000] [--invalid 0.1] [--seed 20040101]

Builds N grid codes and N component codes (both profiles) deterministically, a share of them
invalid in the ways census sheets go wrong (wrong length, letters, full-width digits,
whitespace, serial 000, prefecture code, unknown class), then times on the same input:

  ours   validate_* / parse_* (every problem, part by part, on failure; class table lookup)
  peer   one compiled regex fullmatch per code, which only answers yes/no

and prints codes/s for each and the ratio ours/peer, with the machine it ran on.
"""
from __future__ import annotations

import argparse
import platform
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import common  # noqa: E402  (bench/common.py)

from citygrid_plugin.core.classes import ClassTable  # noqa: E402
from citygrid_plugin.core.codes import (  # noqa: E402
    CodeError,
    parse_component_code,
    parse_grid_code,
    validate_component_code,
    validate_grid_code,
)

COUNTIES = ("110101", "110105", "310104", "320508", "440305", "510104", "510107", "650102")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def corrupt(code: str, rng: random.Random) -> str:
    """One realistic defect."""
    kind = rng.randrange(7)
    i = rng.randrange(len(code))
    if kind == 0:
        return code[:-1]                                     # a digit lost
    if kind == 1:
        return code + str(rng.randrange(10))                 # a digit too many
    if kind == 2:
        return code[:i] + "O" + code[i + 1:]                 # letter O for zero
    if kind == 3:
        return code[:i] + code[i].translate(FULL_WIDTH) + code[i + 1:]
    if kind == 4:
        return code + " "                                    # trailing space from Excel
    if kind == 5:
        return code[:4] + "00" + code[6:]                    # prefecture instead of county
    return code[:-3] + "000"                                 # serial 000 / ...000


def make_grid_codes(n: int, invalid: float, rng: random.Random) -> list[str]:
    codes = []
    for _ in range(n):
        code = (f"{rng.choice(COUNTIES)}{rng.randint(1, 20):03d}{rng.randint(1, 40):03d}"
                f"{rng.randint(1, 999):03d}")
        codes.append(corrupt(code, rng) if rng.random() < invalid else code)
    return codes


def make_component_codes(n: int, invalid: float, rng: random.Random,
                         tables: dict[str, ClassTable]) -> list[str]:
    classes = {p: [e.code for e in t] for p, t in tables.items()}
    codes = []
    for _ in range(n):
        profile = "2013" if rng.random() < 0.7 else "2026"
        class_code = rng.choice(classes[profile])
        if rng.random() < invalid / 4:                       # a class the table does not have
            class_code = class_code[:2] + "9" * (len(class_code) - 2)
        code = f"{rng.choice(COUNTIES)}{class_code}{rng.randint(1, 999_999):06d}"
        codes.append(corrupt(code, rng) if rng.random() < invalid else code)
    return codes


def timed(label: str, func: Callable[[list[str]], int], codes: list[str]) -> tuple[float, int]:
    """Seconds and codes accepted of one run of *func* over *codes*, printed with the throughput."""
    seconds, _times, accepted = common.timed(lambda: func(codes))
    print(f"  {label:<44} {len(codes) / seconds:>12,.0f} codes/s  {seconds:6.2f} s  accepted {accepted:,}")
    return seconds, accepted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="codes of each kind (default 1,000,000)")
    parser.add_argument("--invalid", type=float, default=0.1, help="share of invalid codes (default 0.1)")
    parser.add_argument("--seed", type=int, default=20040101)
    args = parser.parse_args()

    print(f"machine: {common.machine(platform.python_implementation())}")
    rng = random.Random(args.seed)
    tables = {p: ClassTable.load("component", p) for p in ("2013", "2026")}
    start = time.perf_counter()
    grids = make_grid_codes(args.n, args.invalid, rng)
    components = make_component_codes(args.n, args.invalid, rng, tables)
    print(f"input: {args.n:,} grid codes + {args.n:,} component codes, {args.invalid:.0%} corrupted, "
          f"seed {args.seed} (built in {time.perf_counter() - start:.1f} s)")

    grid_re = re.compile(r"[0-9]{15}")
    component_re = re.compile(r"[0-9]{16,17}")

    def naive(regex: re.Pattern[str]) -> Callable[[list[str]], int]:
        fullmatch = regex.fullmatch
        return lambda codes: sum(1 for c in codes if fullmatch(c))

    def validating(func: Callable[..., list]) -> Callable[[list[str]], int]:
        return lambda codes: sum(1 for c in codes if not func(c))

    def parsing(func: Callable[..., object]) -> Callable[[list[str]], int]:
        def run(codes: list[str]) -> int:
            ok = 0
            for c in codes:
                try:
                    func(c)
                    ok += 1
                except CodeError:
                    pass
            return ok
        return run

    results = []
    print("grid codes (单元网格编码, 15 digits)")
    peer, peer_ok = timed("peer: regex fullmatch [0-9]{15}", naive(grid_re), grids)
    for label, func in (("validate_grid_code", validating(validate_grid_code)),
                        ("parse_grid_code", parsing(parse_grid_code))):
        seconds, ok = timed(label, func, grids)
        results.append((label, seconds / peer, peer_ok - ok))
    valid = [c for c in grids if not validate_grid_code(c)]
    invalid = [c for c in grids if validate_grid_code(c)]
    print(f"  split: {len(valid):,} valid (happy path) / {len(invalid):,} invalid (every problem collected)")
    for part, subset in (("valid", valid), ("invalid", invalid)):
        peer_part, _ = timed(f"peer on {part} only", naive(grid_re), subset)
        seconds, _ = timed(f"validate_grid_code on {part} only", validating(validate_grid_code), subset)
        results.append((f"validate_grid_code, {part} only", seconds / peer_part, 0))

    print("component codes (部件编码, 16/17 digits, profile inferred)")
    peer, peer_ok = timed("peer: regex fullmatch [0-9]{16,17}", naive(component_re), components)

    def with_table(func: Callable[..., object]) -> Callable[[str], object]:
        return lambda c: func(c, classes=tables["2013" if len(c) == 16 else "2026"])

    for label, func in (
            ("validate_component_code", validating(validate_component_code)),
            ("validate_component_code + class table", validating(with_table(validate_component_code))),
            ("parse_component_code", parsing(parse_component_code)),
            ("parse_component_code + class table", parsing(with_table(parse_component_code)))):
        seconds, ok = timed(label, func, components)
        results.append((label, seconds / peer, peer_ok - ok))
    valid = [c for c in components if not validate_component_code(c)]
    peer_part, _ = timed("peer on valid only", naive(component_re), valid)
    seconds, _ = timed("validate_component_code on valid only", validating(validate_component_code), valid)
    results.append(("validate_component_code, valid only", seconds / peer_part, 0))

    print("ratio to the regex peer (time ours / time peer; the peer misses what it cannot check)")
    for label, ratio, extra in results:
        note = f"   rejects {extra:,} codes the regex accepts" if extra else ""
        print(f"  {label:<44} {ratio:5.2f}x{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
