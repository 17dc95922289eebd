"""Names that are not UTF-8 stay readable on screen and intact in URLs."""

from __future__ import annotations

import os
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime

from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member
from photodedup.gui.platform.formatting import display_path, file_url, format_datetime
from photodedup.gui.results.model import ResultsModel

ODD = os.fsdecode(b"/photos/caf\xe9 #1.jpg")


def test_undecodable_bytes_show_as_replacement_characters() -> None:
    assert display_path(ODD) == "/photos/caf\ufffd #1.jpg"
    assert display_path("/photos/café.jpg") == "/photos/café.jpg"


def test_file_url_keeps_every_byte(qapp) -> None:
    url = file_url(ODD)
    encoded = bytes(url.toEncoded().data())
    assert encoded.startswith(b"file:///")
    assert unquote_to_bytes(encoded[len(b"file://") :]) == os.fsencode(ODD)


def test_results_list_shows_the_odd_name(qapp) -> None:
    a = ImageRecord(ODD, 1000, 0, "JPEG", 10, 10, 0, (0, 0, 0, 0), "")
    b = ImageRecord("/photos/b.jpg", 900, 0, "JPEG", 10, 10, 0, (0, 0, 0, 0), "")
    model = ResultsModel()
    model.set_groups([Group((Member(a, 0), Member(b, 1)))])
    text = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert "caf\ufffd #1.jpg" in text


def test_dates_are_iso_in_the_c_locale(qapp) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        when = QDateTime(QDate(2022, 5, 14), QTime(10, 24))
        assert format_datetime(when) == "2022-05-14 10:24"
        assert format_datetime(QDate(2022, 5, 14)) == "2022-05-14"
    finally:
        QLocale.setDefault(previous)


def test_a_size_reads_as_in_the_cli_with_the_locales_decimal_point(qapp) -> None:
    from photodedup.cli.render import human_bytes
    from photodedup.gui.platform.formatting import format_bytes

    previous = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert format_bytes(4_100_000) == human_bytes(4_100_000) == "4.1 MB"
        assert format_bytes(1_500) == "1.5 kB"  # 1,500 bytes: SI, and labelled so
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert format_bytes(4_100_000) == "4,1 MB"
    finally:
        QLocale.setDefault(previous)
