"""This test process's children, read from /proc (Linux): the scan's worker pools."""

from __future__ import annotations

import os
from pathlib import Path


def parents() -> dict[int, int]:
    """Every running process and its parent's pid."""
    found: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_bytes().decode("ascii", "replace")
                # After the parenthesised name come the state and the parent's pid.
                found[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue  # it ended while we looked
    return found


def grandchildren(pid: int | None = None) -> set[int]:
    """Processes whose parent is a child of ``pid`` (this one): the fork server's workers."""
    pid = os.getpid() if pid is None else pid
    table = parents()
    children = {p for p, parent in table.items() if parent == pid}
    return {p for p, parent in table.items() if parent in children}


def descendants(pid: int | None = None) -> set[int]:
    """Every process below ``pid`` (this one)."""
    table = parents()
    found: set[int] = set()
    todo = [os.getpid() if pid is None else pid]
    while todo:
        pid = todo.pop()
        below = [c for c, parent in table.items() if parent == pid]
        found.update(below)
        todo += below
    return found


def running(pid: int) -> bool:
    """Whether ``pid`` is alive (a zombie is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
