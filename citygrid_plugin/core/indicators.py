"""The indicator tables of a period (综合评价指标表): one row per group with its counts, rates
and, for departments, the composite score — what citygrid:evaluation writes and the monthly
report prints. Pure Python over an evaluated period (``figures``, ``group_name``, ``start``,
``end``, ``as_of``: :class:`citygrid_plugin.store.evaluation.PeriodEvaluation`)."""
from __future__ import annotations

from . import evaluation as ev
from .i18n import tr
from .labels import grouping_label
from .reports import Table


def check_area(area: str) -> str:
    """*area* stripped: empty (the whole store) or a district (6 digits), street (9) or
    community (12) code; anything else is an :class:`~citygrid_plugin.core.evaluation.EvaluationError`."""
    area = (area or "").strip()
    if area and (not area.isdigit() or len(area) not in (6, 9, 12)):
        raise ev.EvaluationError(tr("area '{area}' is not a district (6 digits), street (9) or community "
                                    "(12) code").format(area=area))
    return area


def indicator_table(evaluation, grouping: str, weights: dict[str, float] | None = None) -> Table:
    """One row per group of *grouping*: its counts, rates (%) and, for departments, the score."""
    rows = evaluation.figures(grouping)
    owned = ev.columns(rows)
    scored = grouping == "department"
    headers = [tr("Code"), tr("Name")] + [ev.indicator_label(k) + (" (%)" if k in ev.RATES else "") for k in owned]
    table = Table(f"indicators_{grouping}", tr("Indicators by {grouping}").format(grouping=grouping_label(grouping)),
                  headers + ([ev.indicator_label("score")] if scored else []))
    for key, score in ev.ranked(rows, scored, weights):
        row = rows[key]
        values = []
        for k in owned:
            figure = row.get(k)
            if figure is None:
                values.append(None)
            elif figure.denominator is None:
                values.append(figure.count)
            else:
                values.append(None if figure.value is None else round(100 * figure.value, 2))
        table.add([key, evaluation.group_name(grouping, key)] + values +
                  ([None if score is None else round(score, 2)] if scored else []),
                  row[next(iter(k for k in ("due_handle", "reported", "dispatched", "verified", "checked",
                                            "registered") if k in row))].numerator)
    table.note = tr("period {start} – {end}, cut-off {as_of}").format(
        start=f"{evaluation.start:%Y-%m-%d}", end=f"{evaluation.end:%Y-%m-%d}",
        as_of=f"{evaluation.as_of:%Y-%m-%d %H:%M}")
    return table
