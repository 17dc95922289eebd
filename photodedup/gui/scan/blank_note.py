"""What the status line says about near-blank photos (dark skies, fog, snow).

The hash says too little about them, so the scan treats them apart; the user
is told how many, rather than left to wonder why a foggy photo found nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from photodedup.core.models import ScanOptions
from photodedup.gui.platform.formatting import format_setting, pick

translate = QCoreApplication.translate


def blank_note(count: int, options: ScanOptions | None) -> str:
    """One phrase for the status line, or "" when there is nothing to say."""
    if not count or options is None:
        return ""
    if options.hash.checked:
        text = pick(
            count,
            translate("BlankNote", "{n} near-blank photo was compared only with others like it"),
            translate("BlankNote", "{n} near-blank photos were compared only with each other"),
        )
    elif options.group.ignore_blank:
        text = pick(
            count,
            translate("BlankNote", "{n} near-blank photo was left out"),
            translate("BlankNote", "{n} near-blank photos were left out"),
        )
    else:
        return ""
    return text.format(n=f"{count:,}")


def small_note(count: int, options: ScanOptions | None) -> str:
    """What the status line says about image files skipped as too small, or ""."""
    if not count or options is None:
        return ""
    text = pick(
        count,
        translate("BlankNote", "{n} photo smaller than {size} was skipped"),
        translate("BlankNote", "{n} photos smaller than {size} were skipped"),
    )
    return text.format(n=f"{count:,}", size=format_setting(options.walk.min_size))
