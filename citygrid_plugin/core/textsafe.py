"""Text from users and the store, made safe for where it is shown or exported.

Case descriptions, addresses, notes, names of departments and streets are typed by people (or by
a field app, or imported from another system) and must reach the screen and the spreadsheet as
the text they are, never as markup or as a formula:

- :func:`html_text` for every rich-text view (QTextBrowser, a QLabel or tooltip given HTML, the
  QGIS message bar): the text escaped, line breaks kept;
- :func:`csv_cell` for every CSV cell: a text that a spreadsheet would read as a formula
  (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``,
  as OWASP recommends against CSV (formula) injection; numbers stay numbers;
- :func:`layout_text` for the text of a print layout label: QGIS evaluates ``[% … %]`` in a label
  as an expression, so a street or department name holding one is printed as it is instead;
- :func:`local_image` for a case's photo link: the one kind of link a view may open itself.

Pure Python (no Qt, QGIS or database import), unit-tested in tests/unit/test_textsafe.py.
"""
from __future__ import annotations

import html
import numbers
from pathlib import Path
from urllib.parse import unquote, urlsplit

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff"})


def html_text(value: object) -> str:
    """*value* as HTML that shows exactly its text: ``& < > " '`` escaped, line breaks as
    ``<br>``; None is empty."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "<br>".join(html.escape(line, quote=True) for line in text.split("\n"))


def csv_cell(value: object) -> object:
    """*value* for a CSV cell: None is empty, a number is left as it is (so ``-3`` stays the
    number -3), and a text starting with ``= + - @``, a tab or a carriage return is prefixed with
    ``'`` so that a spreadsheet shows it instead of running it."""
    if value is None:
        return ""
    if isinstance(value, numbers.Number):
        return value
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


LAYOUT_OPEN = "[% '[' || '%' %]"   # an expression whose value is the two characters "[%"


def layout_text(value: object) -> str:
    """*value* as the text of a QGIS layout label that prints exactly that text: every ``[%``
    (the start of an expression) becomes an expression that evaluates to ``[%``."""
    if value is None:
        return ""
    return str(value).replace("[%", LAYOUT_OPEN)


def local_image(link: str | None) -> Path | None:
    """The local image file *link* names (an absolute path or a ``file://`` URL to an existing
    regular file with an image suffix), resolved; None for anything else (web links, other
    schemes, relative paths, folders, missing files, other kinds of file)."""
    if not link or "\x00" in link:
        return None
    link = link.strip()
    parts = urlsplit(link)
    if parts.scheme.lower() == "file":
        if parts.netloc not in ("", "localhost") or parts.query or parts.fragment:
            return None
        path = Path(unquote(parts.path))
    elif parts.scheme and len(parts.scheme) > 1:
        return None  # http:, https:, ftp:, javascript:, data: … are never opened from case text
    else:
        path = Path(link)  # a plain path (or a Windows drive letter, which urlsplit reads as a scheme)
    if not path.is_absolute():
        return None
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_file():
        return None
    if path.suffix.lower() not in IMAGE_SUFFIXES or resolved.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    return resolved
