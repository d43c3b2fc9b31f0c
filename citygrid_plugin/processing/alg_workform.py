"""citygrid:workform — the work forms (工作表单 / 案卷派遣单) of a selection of cases as one PDF, one A4
page per case (:mod:`citygrid_plugin.layouts.workform`).

The cases are named by their numbers (typed or pasted: commas, spaces, semicolons or line breaks
between them; a number's trailing digits are enough when they name one case) and/or by a layer of
cases (the store's case layers, or any table with an ``id`` or ``case_no`` field; "selected
features only" prints the selection). Pages follow the order given, each case once. Cases are
read with the login's rights: a number the login may not see is refused like an unknown one.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.i18n import tr
from ..layouts import LayoutError
from ..layouts.workform import write_workform
from ..store.desk import search
from .base import CityGridAlgorithm

SEPARATORS = re.compile(r"[\s,;，；、]+")


def parse_numbers(text: str) -> list[str]:
    """The case numbers of *text*, in order, each once (commas, spaces, semicolons, 、 or line
    breaks between them)."""
    return list(dict.fromkeys(n for n in SEPARATORS.split(text or "") if n))


class WorkFormAlgorithm(CityGridAlgorithm):
    _id = "workform"
    _group_id = "cases"
    NUMBERS = "NUMBERS"

    def flags(self):
        # print layouts render in the main thread (as QGIS's own layout algorithms do)
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def displayName(self) -> str:  # noqa: N802
        return tr("Case work forms (PDF)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The work form (派遣单) of each case as one printable PDF, one A4 page per case, for the departments "
            "that handle them: the case number in large type (to read out over the phone), class, source, "
            "urgency, state, reported time, the time limit and deadline of the current stage and of handling (the "
            "command manual's limit for the case's situation), the situation (情形) and the manual's handling "
            "standard (处置标准), a location map with the unit grid and its code, the address and description, "
            "up to four photos (the report's first), the lead and assisting departments, and a block for the "
            "department's result, signature and date. Name the cases by their numbers (separated by commas or "
            "spaces; the trailing digits are enough when they name one case), or give a layer of cases with an "
            "id or case_no field and tick “Selected features only”. The reporter's name and phone are never printed.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_store_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.NUMBERS, tr("Case numbers (separated by commas or spaces)"), multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("…or cases of a layer (field id or case_no)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Work forms"), fileFilter="PDF (*.pdf)"))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        started = time.monotonic()
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if path.suffix.lower() != ".pdf":
            raise QgsProcessingException(tr("the work forms go to a .pdf file, not {path}: change the output file "
                                            "name").format(path=path))
        numbers = parse_numbers(self.parameterAsString(parameters, self.NUMBERS, context))
        layer_ids, layer_numbers = self.layer_cases(parameters, context, feedback)
        if not numbers and not layer_ids and not layer_numbers:
            raise QgsProcessingException(tr("no case to print: type case numbers, or give a layer of cases (with "
                                            "“Selected features only” for its selection)"))
        with self.store_session(parameters, context, feedback, errors=(LayoutError,)) as store:
            ids = [self.case_id(store.conn, n) for n in numbers + layer_numbers] + layer_ids
            ids = list(dict.fromkeys(ids))
            feedback.pushInfo(tr("{n} cases to print").format(n=len(ids)))
            pages = write_workform(store.conn, ids, path, feedback)
        if feedback.isCanceled() or not pages:
            return {}
        feedback.pushInfo(tr("Written: {path} ({pages} pages, {seconds:.1f} s)").format(
            path=path, pages=pages, seconds=time.monotonic() - started))
        return {self.OUTPUT: str(path), "PAGES": pages}

    def layer_cases(self, parameters, context, feedback) -> tuple[list[int], list[str]]:
        """Case ids (field ``id``) or else case numbers (field ``case_no``) of the input layer's
        features (its selection when "Selected features only" is ticked)."""
        if parameters.get(self.INPUT) in (None, ""):
            return [], []
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            return [], []
        names = source.fields().names()
        field = "id" if "id" in names else "case_no" if "case_no" in names else None
        if field is None:
            raise QgsProcessingException(tr("the layer {layer} has neither an id nor a case_no field: give a layer "
                                            "of cases (e.g. the store's open cases) or type the case numbers")
                                         .format(layer=source.sourceName()))
        values = []
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            value = feature[field]
            if value is None or value == "" or str(value) == "NULL":
                continue
            values.append(value)
        if field == "id":
            try:
                return [int(v) for v in values], []
            except (TypeError, ValueError) as exc:
                raise QgsProcessingException(tr("the id field of {layer} holds a value that is not a case id "
                                                "({error})").format(layer=source.sourceName(), error=exc)) from exc
        return [], [str(v).strip() for v in values]

    @staticmethod
    def case_id(conn, number: str) -> int:
        """The id of the case numbered *number* (exactly, or by its trailing digits when that
        names one case the login may see)."""
        rows = search(conn, number=number, limit=20)
        exact = [r for r in rows if r["case_no"] == number]
        if exact:
            return exact[0]["id"]
        if len(rows) == 1:
            return rows[0]["id"]
        if not rows:
            raise QgsProcessingException(tr("no case numbered {number} (or it is not visible to this login): check "
                                            "the number").format(number=number))
        raise QgsProcessingException(tr("{number} names several cases ({cases}): give the full case number")
                                     .format(number=number, cases=", ".join(r["case_no"] for r in rows[:5])))
