"""Whether the files of a scan are still there and still as scanned.

Between a scan and the user's decision the files may move, be edited or be
deleted by another program; the front ends ask here (when the window comes back
into focus, before a review) so that such files are flagged rather than shown as
if nothing happened. The check must be cheap enough to run over every file of the
results each time: one ``stat`` a file, and its content read only where the
``stat`` cannot vouch for it.

A file whose size or modification time differ has changed. When they match, the
file's change time (``st_ctime``, which the system sets on every write, rename
or time change, and which no program can set back) tells the rest: a file not
touched since the scan began is as scanned. One touched since has its quick
digest compared with the scan's, since an editor or a copy tool can put the
size and the time back but not the bytes. A file found as scanned is remembered
by its ``Stamp``, so the next check reads no content of it again unless it is
touched again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from photodedup.core.fingerprint import quick_digest
from photodedup.core.models import ImageRecord
from photodedup.core.progress import CancelToken, Progress, ProgressCallback, check
from photodedup.core.reasons import Reason

# Only POSIX systems have a change time; on Windows ``st_ctime`` is the creation
# time, which an edit leaves alone. Reading every file there would take minutes
# for a large library, so Windows goes by size and time alone, and the trash's
# own check (which reads each file right before it moves) catches the rest.
HAS_CHANGE_TIME = os.name == "posix"
# File times come from a coarse clock that may lag the one a caller read by a
# tick or two; a file touched around the scan's start is read rather than trusted.
_CLOCK_SLACK_NS = 1_000_000_000
PHASE = "freshness"


class Stamp(NamedTuple):
    """What ``stat`` said of a file the last time it was found as scanned."""

    # A tuple, not a dataclass: one is made and compared per file of the results,
    # 53,000 before each review of a 100,000-photo library.

    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int


@dataclass
class Freshness:
    """What a check found. ``flags`` holds a reason code for each file that is not
    as scanned: ``VANISHED`` (gone, or a folder's name now), ``CHANGED`` (other
    content), ``UNREADABLE`` (there, but the check may not read it). ``fresh``
    holds a ``Stamp`` for each file found as scanned: pass it as the next check's
    ``known``. ``digested`` counts the files whose content had to be read."""

    flags: dict[str, Reason] = field(default_factory=dict)
    fresh: dict[str, Stamp] = field(default_factory=dict)
    digested: int = 0


def check_files(
    records: Iterable[ImageRecord],
    since_ns: int,
    known: Mapping[str, Stamp] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Freshness:
    """Check ``records`` against the disk.

    ``since_ns`` is when the scan that made the records began (``time.time_ns()``),
    ``known`` the ``fresh`` stamps of an earlier check of the same records. Each
    path is checked once, however many times it is given. Raises ``Cancelled``
    when ``cancel`` is set.
    """
    known = known or {}
    todo = list({r.path: r for r in records}.values())
    found = Freshness()
    fresh, flags = found.fresh, found.flags
    for done, record in enumerate(todo):
        if done % 256 == 0:
            check(cancel)
            if progress is not None:
                progress(Progress(PHASE, done, len(todo)))
        reason, stamp = _check_one(record, since_ns, known.get(record.path), found)
        if reason is None:
            fresh[record.path] = stamp  # type: ignore[assignment]
        else:
            flags[record.path] = reason
    if progress is not None:
        progress(Progress(PHASE, len(todo), len(todo)))
    return found


def _check_one(
    record: ImageRecord, since_ns: int, known: Stamp | None, found: Freshness
) -> tuple[Reason | None, Stamp | None]:
    try:
        st = os.stat(record.path)
    except (FileNotFoundError, NotADirectoryError):
        return Reason.VANISHED, None
    except OSError:
        return Reason.UNREADABLE, None
    if not stat.S_ISREG(st.st_mode):
        return Reason.VANISHED, None  # something else under its name: the photo is gone
    if st.st_size != record.size or st.st_mtime_ns != record.mtime_ns:
        return Reason.CHANGED, None
    stamp = Stamp(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    if stamp == known:
        return None, stamp
    if not HAS_CHANGE_TIME or st.st_ctime_ns < since_ns - _CLOCK_SLACK_NS:
        return None, stamp  # untouched since before the scan read it (or no way to tell)
    if not record.digest:
        return None, stamp  # nothing to compare with
    found.digested += 1
    try:
        same = quick_digest(record.path, record.size) == record.digest
    except FileNotFoundError:
        return Reason.VANISHED, None
    except OSError:
        return Reason.UNREADABLE, None
    return (None, stamp) if same else (Reason.CHANGED, None)


def records_of(groups: Iterable) -> list[ImageRecord]:
    """Every record of ``groups`` (``results.Group``), each once, in group order."""
    seen: dict[str, ImageRecord] = {}
    for group in groups:
        for member in group.members:
            seen.setdefault(member.image.path, member.image)
    return list(seen.values())
