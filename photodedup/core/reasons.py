"""Codes for why the engine did not do something, handed to the front ends.

The engine says *what* happened as a code; the CLI and the GUI each turn codes
into words (``cli/render.py``, the GUI through ``tr()``). A code is a
``StrEnum``, so it is a plain string in the JSON log and in reports.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    STOPPED = "stopped"  # the user stopped the run before this file was reached
