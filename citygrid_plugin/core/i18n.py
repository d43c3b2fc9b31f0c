"""Translation hook for messages raised by pure-Python code.

Source strings are English; the plugin installs a Qt translator (zh_CN by default, see
``citygrid_plugin.i18n``) and routes :func:`tr` through ``QCoreApplication.translate`` with
the context ``CityGrid``. Without Qt (unit tests, plain scripts) :func:`tr` returns the
English source string.

Always translate the *template* and format afterwards, so one catalogue entry covers
every value::

    raise CodeError(tr("street code '{value}' must be 3 digits").format(value=v))

``scripts/i18n.py`` extracts every literal passed to ``tr(...)`` into
``resources/i18n/citygrid_zh_CN.ts``; a unit test fails when one has no translation.
"""
from __future__ import annotations

from collections.abc import Callable

_translate: Callable[[str], str] = lambda text: text  # noqa: E731


def tr(text: str) -> str:
    """Translate *text* with the installed translator (identity when none)."""
    return _translate(text)


def set_translator(func: Callable[[str], str] | None) -> None:
    """Install *func* as the translator; ``None`` restores the identity."""
    global _translate
    _translate = func if func is not None else (lambda text: text)
