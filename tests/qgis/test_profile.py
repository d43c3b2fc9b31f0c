"""The QGIS profile of `make qgis` (issue 13, item 13): QGIS itself speaks Chinese (its
translation is the locale "zh-Hans" in 3.22, not "zh_CN"), and a language the user chose — for
CityGrid or for QGIS — survives the next `make qgis`."""
from __future__ import annotations

import sys
from pathlib import Path

from qgis.PyQt.QtCore import QSettings, QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import qgis_profile  # noqa: E402

QGIS_I18N = Path("/usr/share/qgis/i18n")


def settings_of(folder: Path) -> QSettings:
    return QSettings(str(folder / "QGIS" / "QGIS3.ini"), QSettings.IniFormat)


def test_qgis_menus_are_chinese_in_the_profile(qgis_app, tmp_path):
    folder = qgis_profile.write_profile(tmp_path)
    s = settings_of(folder)
    locale = s.value("locale/userLocale")
    assert s.value("locale/overrideFlag") in ("true", True) and s.value("citygrid/language") == "zh_CN"
    translator = QTranslator()
    assert translator.load(str(QGIS_I18N / f"qgis_{locale}.qm")), f"QGIS has no translation for locale {locale}"
    assert translator.translate("QgsOptionsBase", "General") == "常规"  # (its Options dialog; the menus read 工程(&J)…)


def test_the_users_choice_of_language_survives_make_qgis(qgis_app, tmp_path):
    folder = qgis_profile.write_profile(tmp_path)
    s = settings_of(folder)
    s.setValue("citygrid/language", "en")
    s.setValue("locale/userLocale", "en_US")
    s.sync()
    qgis_profile.write_profile(tmp_path)
    s = settings_of(folder)
    assert (s.value("citygrid/language"), s.value("locale/userLocale")) == ("en", "en_US")


def test_a_profile_written_with_the_wrong_chinese_locale_is_corrected(qgis_app, tmp_path):
    folder = qgis_profile.write_profile(tmp_path)
    s = settings_of(folder)
    s.setValue("locale/userLocale", "zh_CN")
    s.sync()
    qgis_profile.write_profile(tmp_path)
    assert settings_of(folder).value("locale/userLocale") == "zh-Hans"
