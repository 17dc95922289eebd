"""How sizes, dates and counts read everywhere in the app."""

from __future__ import annotations

import os
from urllib.parse import quote

from PySide6.QtCore import QByteArray, QDate, QDateTime, QLocale, QUrl

from photodedup.core import sizes


def format_bytes(n: int) -> str:
    """A byte count as the CLI and file managers write it ("4.1 MB", SI units),
    with the locale's decimal point."""
    return sizes.format_bytes(n, QLocale().decimalPoint())


def format_setting(n: int) -> str:
    """A size the user set, as its spin box shows it ("8 kB")."""
    return sizes.format_setting(n, QLocale().decimalPoint())


def format_datetime(when: QDateTime | QDate) -> str:
    """A date (and time) in the user's short format, or ISO 8601 in the bare C locale.

    The C locale's short format ("14 05 2022 10:24") reads as a row of numbers;
    it is what a session without LANG gets, so fall back to an unambiguous form.
    """
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return when.toString("yyyy-MM-dd HH:mm" if isinstance(when, QDateTime) else "yyyy-MM-dd")
    return locale.toString(when, QLocale.FormatType.ShortFormat)


def format_resolution(width: int, height: int) -> str:
    """``3640 × 2400``, the same everywhere: narrow no-break spaces keep it short
    and on one line."""
    return f"{width}\u202f×\u202f{height}"


def pick(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` by ``n``.

    Callers pass both forms through tr() so English reads right without a
    translation file, and a translation can still word each form its own way.
    """
    return one if n == 1 else many


def display_path(path: str) -> str:
    """``path`` as text a person can read.

    A Linux name that is not UTF-8 reaches us with surrogate escapes, which Qt
    silently drops; show each undecodable byte as U+FFFD instead. Only for
    showing: file operations keep the original ``path``.
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def file_url(path: str) -> QUrl:
    """A file:// URL that keeps every byte of ``path``, even one that is not UTF-8."""
    encoded = quote(os.fsencode(os.path.abspath(path)), safe="/")
    return QUrl.fromEncoded(QByteArray(("file://" + encoded).encode("ascii")))
