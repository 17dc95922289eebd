"""How sizes, dates and counts read everywhere in the app."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale


def format_bytes(n: int) -> str:
    """A byte count the way file managers show it ("4.1 MB")."""
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def format_datetime(when: QDateTime | QDate) -> str:
    """A date (and time) in the user's short format, or ISO 8601 in the bare C locale.

    The C locale's short format ("14 05 2022 10:24") reads as a row of numbers;
    it is what a session without LANG gets, so fall back to an unambiguous form.
    """
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return when.toString("yyyy-MM-dd HH:mm" if isinstance(when, QDateTime) else "yyyy-MM-dd")
    return locale.toString(when, QLocale.FormatType.ShortFormat)


def pick(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` by ``n``.

    Callers pass both forms through tr() so English reads right without a
    translation file, and a translation can still word each form its own way.
    """
    return one if n == 1 else many
