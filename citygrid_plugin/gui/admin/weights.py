"""考核权重: the weights of the composite score (综合得分) the evaluation ranks departments and areas
by — one per score term, named as the evaluation dock names them (a rate where less is better is
scored as 1 − rate). The sum is shown; the weights usually add up to 100.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...core import evaluation as ev
from ...core.i18n import tr
from ...store import admin
from ..docks.evaluation import term_label
from .common import AdminTab, hint


class WeightsTab(AdminTab):
    key = "weights"

    def title(self) -> str:
        return tr("Evaluation weights")

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.saved_weights: dict[str, float] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(hint(tr("The composite score is the sum of each rate times its weight; a rate where less "
                                 "is better counts as (1 − rate).")))
        box = QGroupBox(tr("Weights of the composite score"))
        form = QFormLayout(box)
        self.spins: dict[str, QDoubleSpinBox] = {}
        for term in ev.SCORE_TERMS:
            spin = QDoubleSpinBox()
            spin.setObjectName(f"weight_{term}")
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSingleStep(5)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("100.0") + 48)
            spin.valueChanged.connect(self._show_sum)
            self.spins[term] = spin
            form.addRow(term_label(term), spin)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("weights_sum")
        self.sum_label.setTextFormat(Qt.PlainText)
        form.addRow(tr("Sum"), self.sum_label)
        row = QHBoxLayout()
        row.addWidget(box)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.default_button = QPushButton(tr("The standard weights"))
        self.default_button.setObjectName("default_weights")
        self.default_button.setAutoDefault(False)
        self.default_button.clicked.connect(self.standard)
        self.save_button = QPushButton(tr("Save the weights"))
        self.save_button.setObjectName("save_weights")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.default_button)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        self._show_sum()

    def load(self) -> None:
        self.saved_weights = admin.weights(self.conn)
        for term, spin in self.spins.items():
            spin.setValue(float(self.saved_weights.get(term, 0.0)))
        self._show_sum()

    def weights(self) -> dict[str, float]:
        return {term: spin.value() for term, spin in self.spins.items()}

    def _show_sum(self) -> None:
        total = sum(self.weights().values())
        text = f"{total:g}"
        if abs(total - 100) > 1e-6:
            text += " · " + tr("not 100: the scores are on another scale")
        self.sum_label.setText(text)

    def standard(self) -> None:
        """The weights CityGrid ships with (saved only with the save button)."""
        for term, spin in self.spins.items():
            spin.setValue(ev.DEFAULT_WEIGHTS.get(term, 0.0))

    def save(self) -> bool:
        weights = self.weights()
        ok, _ = self.write(admin.save_weights, weights, done=tr("Evaluation weights saved (sum {total:g}).").format(
            total=sum(weights.values())))
        if ok:
            self.reload()
        return ok
