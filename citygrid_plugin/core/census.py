"""Vocabulary of the component census (部件普查), per GB/T 30428.2 as re-published (see
standards.md §2): the values of the state and data-source attributes and the positioning
accuracy classes. The store's CHECK constraints (migration 005) hold the same lists."""
from __future__ import annotations

STATES = ("完好", "破损", "丢失", "占用")              # ObjState: intact, damaged, missing, occupied
DATA_SOURCES = ("实测", "地形图", "调绘", "其它")        # DataSource: surveyed, topographic map, field-annotated, other
ACCURACY_CLASSES = ("A", "B", "C")                    # ±0.5 m, ±1.0 m, ±10 m


def sql_list(values: tuple[str, ...]) -> str:
    """The values as an SQL list literal (they are constants of this module, never user input)."""
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)
