"""The map furniture of the big screen: a compact legend of the layers shown (cases coloured by
state, the overdue ring) and a scale bar that follows the canvas."""
from __future__ import annotations

import math
import re

from qgis.core import (
    QgsMarkerSymbol,
    QgsRuleBasedRenderer,
    QgsSymbolLayerUtils,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QRect, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPixmap
from qgis.PyQt.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QWidget,
)

from ..core.i18n import tr

CJK_FONT = "Noto Sans CJK SC"
MARKER_ICON_MM = 4.5           # the largest marker drawn in a legend icon
STATE_RULE = re.compile(r"""^\s*"state"\s*=\s*'(\w+)'\s*$""")


def state_colors(layer) -> dict[str, QColor]:
    """The colour of each state in the live layer's style (rules ``"state" = '…'``), so the
    panel's bars read as the map's legend."""
    colors: dict[str, QColor] = {}
    renderer = layer.renderer() if layer is not None and layer.isValid() else None
    if isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().children():
            match = STATE_RULE.match(rule.filterExpression() or "")
            if match and rule.symbol() is not None:
                colors[match.group(1)] = QColor(rule.symbol().color())
    return colors


class ScaleBar(QWidget):
    """A scale bar drawn over the map canvas: a round distance (1, 2 or 5 × 10ⁿ m) about a fifth
    of the map's width, recomputed whenever the map's extent changes. ``text`` and
    ``bar_pixels`` are what it shows."""

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.text = ""
        self.bar_pixels = 0.0
        self.metres = 0.0
        self.k = 1.0
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        canvas.extentsChanged.connect(self.recompute)

    def metres_per_pixel(self) -> float:
        factor = QgsUnitTypes.fromUnitToUnitFactor(self.canvas.mapUnits(), QgsUnitTypes.DistanceMeters)
        return self.canvas.mapUnitsPerPixel() * factor

    def recompute(self) -> None:
        """The distance for the map's new extent; the bar's box follows its length."""
        self._measure()
        self.place()

    def _measure(self) -> None:
        mpp = self.metres_per_pixel()
        if not mpp or not math.isfinite(mpp) or self.canvas.width() <= 0:
            self.text, self.bar_pixels = "", 0.0
            self.update()
            return
        wanted = mpp * self.canvas.width() / 5
        power = 10 ** math.floor(math.log10(wanted))
        nice = max(m * power for m in (1, 2, 5) if m * power <= wanted)
        self.metres = nice
        self.bar_pixels = nice / mpp
        self.text = f"{nice / 1000:g} km" if nice >= 1000 else f"{nice:g} m"
        self.update()

    def place(self, k: float | None = None) -> None:
        """Size and place the bar in the map's lower right corner."""
        self.k = self.k if k is None else k
        self._measure()
        width, height = int(self.bar_pixels + 32 * self.k), int(64 * self.k)
        margin = int(18 * self.k)
        self.setGeometry(self.canvas.width() - width - margin, self.canvas.height() - height - margin, width, height)

    def paintEvent(self, _event) -> None:  # noqa: N802
        if not self.bar_pixels:
            return
        k = self.k
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(self.rect(), 6 * k, 6 * k)
        pad = 16 * k
        x0 = self.width() - pad - self.bar_pixels
        y = self.height() - pad - 10 * k
        half = self.bar_pixels / 2
        for i, color in enumerate(("#1a1a1a", "#ffffff")):
            painter.setBrush(QColor(color))
            painter.setPen(QColor("#1a1a1a"))
            painter.drawRect(int(x0 + i * half), int(y), int(half), int(10 * k))
        font = QFont(CJK_FONT)
        font.setPixelSize(max(10, int(20 * k)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(QRect(0, int(4 * k), int(self.width() - pad), int(y - 6 * k)), Qt.AlignRight | Qt.AlignBottom,
                         self.text)
        painter.end()


def _symbol_strip(symbols, size: int) -> QPixmap:
    """Up to eight symbols side by side (a layer with classes shown on one line); markers larger
    than the icon (the overdue halo) are drawn smaller, so they show whole."""
    symbols = [s for s in symbols if s is not None][:8]
    for symbol in symbols:
        if isinstance(symbol, QgsMarkerSymbol) and symbol.size() > MARKER_ICON_MM:
            symbol.setSize(MARKER_ICON_MM)
    pixmap = QPixmap(max(1, len(symbols)) * (size + 2), size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    for i, symbol in enumerate(symbols):
        painter.drawPixmap(i * (size + 2), 0, QgsSymbolLayerUtils.symbolPreviewPixmap(symbol, QSize(size, size)))
    painter.end()
    return pixmap


class MapLegend(QFrame):
    """A compact legend over the map: one line per layer shown (its symbol, or its classes'
    symbols side by side, and its name), the live cases as two lines (coloured by state as in
    the panel's bars; overdue ringed in red). Lines of layers outside their scale range are
    hidden; nothing is created after the window opens. ``entries`` holds (layer, label) pairs."""

    def __init__(self, canvas: QgsMapCanvas, cases_layer, base_layers) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.setObjectName("legend")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.grid = QGridLayout(self)
        self.entries: list[tuple[object, QLabel, QLabel]] = []
        self._symbols: dict[int, list] = {}
        self.k = 1.0
        if cases_layer is not None and cases_layer.isValid():
            renderer = cases_layer.renderer()
            states, overdue = [], []
            if isinstance(renderer, QgsRuleBasedRenderer):
                for rule in renderer.rootRule().children():
                    (states if STATE_RULE.match(rule.filterExpression() or "") else overdue).append(
                        rule.symbol().clone())
            self._add(cases_layer, states, tr("Open case, coloured by state"))
            if overdue:
                self._add(cases_layer, overdue, tr("Overdue (red ring)"))
        for layer in base_layers:
            symbols = []
            if isinstance(layer, QgsVectorLayer) and layer.renderer() is not None:
                items = layer.renderer().legendSymbolItems()  # owns the symbols: copy them while it lives
                symbols = [item.symbol().clone() for item in items if item.symbol() is not None]
                if not symbols:
                    continue  # labels only (e.g. base map annotations): nothing to explain
            self._add(layer, symbols, layer.name())
        canvas.scaleChanged.connect(self.follow_scale)

    def _add(self, layer, symbols, text: str) -> None:
        icon = QLabel()
        icon.setTextFormat(Qt.PlainText)
        self._symbols[id(icon)] = symbols
        label = QLabel(text)
        label.setTextFormat(Qt.PlainText)  # layer names come from the project
        label.setProperty("role", "legend")
        row = len(self.entries)
        self.grid.addWidget(icon, row, 0, Qt.AlignRight | Qt.AlignVCenter)
        self.grid.addWidget(label, row, 1)
        self.entries.append((layer, icon, label))

    def texts(self) -> list[str]:
        """The lines a person sees now."""
        return [label.text() for _layer, _icon, label in self.entries if not label.isHidden()]

    def restyle(self, k: float) -> None:
        self.k = k
        self.setStyleSheet(
            f"QFrame#legend {{ background: rgba(255, 255, 255, 222); border-radius: {round(6 * k)}px; }}\n"
            f'QLabel {{ color: #1a1a1a; font-family: "{CJK_FONT}"; font-size: {max(9, round(18 * k))}px; }}')
        self.grid.setContentsMargins(*(round(12 * k),) * 4)
        self.grid.setHorizontalSpacing(round(10 * k))
        self.grid.setVerticalSpacing(round(4 * k))
        size = max(10, round(20 * k))
        for _layer, icon, _label in self.entries:
            icon.setPixmap(_symbol_strip(self._symbols.get(id(icon), []), size))
        self.follow_scale()

    def follow_scale(self, *_args) -> None:
        scale = self.canvas.scale()
        for layer, icon, label in self.entries:
            shown = layer.isInScaleRange(scale)
            icon.setHidden(not shown)
            label.setHidden(not shown)
        self.setHidden(not self.texts())
        self.place()

    def margin(self) -> int:
        return round(18 * self.k)

    def place(self) -> None:
        self.adjustSize()
        self.move(self.margin(), self.canvas.height() - self.height() - self.margin())
