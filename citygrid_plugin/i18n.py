"""Qt translation of CityGrid: Chinese first, English available.

Source strings are English. The language is the setting ``citygrid/language``:
``zh_CN`` (default: the plugin speaks Chinese to a Chinese city even on an English QGIS),
``en``, or ``auto`` (follow QGIS's ``locale/userLocale``). Translations live in
``resources/i18n/citygrid_<lang>.qm`` (compiled from the .ts by ``make i18n``).
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .core import i18n as core_i18n

I18N_DIR = Path(__file__).with_name("resources") / "i18n"
CONTEXT = "CityGrid"
SETTING = "citygrid/language"
LANGUAGES = {"zh_CN": "中文", "en": "English", "auto": "跟随 QGIS / Follow QGIS"}

_translator: QTranslator | None = None


def wanted_language() -> str:
    value = QgsSettings().value(SETTING, "zh_CN") or "zh_CN"
    if value == "auto":
        locale = QgsSettings().value("locale/userLocale", "") or ""
        return "zh_CN" if locale.startswith("zh") else "en"
    return value if value in ("zh_CN", "en") else "zh_CN"


def qt_tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def install(language: str | None = None) -> str:
    """Install the translator for *language* (default: the setting); return the language used."""
    global _translator
    uninstall()
    language = language or wanted_language()
    if language != "en":
        qm = I18N_DIR / f"citygrid_{language}.qm"
        translator = QTranslator()
        if qm.exists() and translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            _translator = translator
        else:
            language = "en"
    core_i18n.set_translator(qt_tr)
    return language


def uninstall() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
    core_i18n.set_translator(None)
