"""Find the image files under the chosen folders: folders → ``FileRef`` values.

Images are recognised by their first bytes, not their names: a JPEG named
``.heic`` is a JPEG, and a text file named ``.png`` is reported as an error.

Rules the walk follows (the reasons matter to a user who holds only copies):

* Every file is listed once, however it is reached: overlapping roots, hard
  links and symbolic links all collapse on the file's ``(dev, inode)``. When
  several paths lead to one file, a real path beats a symbolic link and then
  the path that sorts first wins, so the output does not depend on walk order.
* Folder symlinks are followed only with ``follow_symlinks``; a folder is never
  entered twice, so even followed links cannot loop.
* A file symlink is followed when its target is a regular file. It is listed
  under the link's own path only if no real path to the target was found, so
  removing a "copy" never means removing a link while the real file stays.
* Anything the walk cannot read becomes a ``ScanError`` with a one-line reason;
  the walk goes on.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from photodedup.core.formats import (
    IMAGE_EXTENSIONS,
    describe_content,
    expected_format,
    extension,
    sniff_format,
)
from photodedup.core.models import DEFAULT_MIN_SIZE, FileRef
from photodedup.core.os_errors import os_error
from photodedup.core.progress import CancelToken, ProgressCallback, Reporter, check
from photodedup.core.raw import sniff_raw_file
from photodedup.core.reasons import Phase, Reason, Why, not_an_image
from photodedup.core.results import ScanError

# (path, size, mtime_ns) -> the format an earlier scan sniffed, or None.
KnownFormat = Callable[[str, int, int], "str | None"]

HEAD_SIZE = 32
PROGRESS_INTERVAL = 0.05  # seconds between progress reports


@dataclass
class Discovery:
    """What the walk found: image files sorted by path, problems, and files seen."""

    files: list[FileRef] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    seen: int = 0
    too_small: int = 0  # files named like images, under the minimum size: not opened


@dataclass
class _Dir:
    path: str
    key: tuple[int, int]
    parent: _Dir | None

    def has_ancestor(self, key: tuple[int, int]) -> bool:
        node: _Dir | None = self
        while node is not None:
            if node.key == key:
                return True
            node = node.parent
        return False


class _Walk:
    def __init__(
        self,
        recursive: bool,
        exclude: Sequence[str],
        min_size: int,
        follow_symlinks: bool,
        cancel: CancelToken | None,
        progress: ProgressCallback | None,
        known: KnownFormat | None,
    ) -> None:
        self.recursive = recursive
        self.known = known
        self.excluded = _compile_globs(exclude)
        self.min_size = min_size
        self.follow_symlinks = follow_symlinks
        self.cancel = cancel
        self.reporter = Reporter(progress, Phase.DISCOVER, interval=PROGRESS_INTERVAL)
        self.found: dict[tuple[int, int], tuple[bool, FileRef]] = {}
        self.errors: list[ScanError] = []
        self.seen = 0
        self.too_small = 0
        self.rejected: set[tuple[int, int]] = set()
        self.visited: set[tuple[int, int]] = set()

    def run(self, roots: Sequence[str]) -> Discovery:
        for root in sorted({os.path.abspath(os.fspath(r)) for r in roots}):
            self._root(root)
        self.reporter.done = self.seen
        self.reporter.report(force=True)  # the final count, unthrottled
        files = sorted((ref for _, ref in self.found.values()), key=lambda r: r.path)
        self.errors.sort(key=lambda e: e.path)
        return Discovery(files=files, errors=self.errors, seen=self.seen, too_small=self.too_small)

    def _root(self, root: str) -> None:
        try:
            st = os.stat(root)
        except OSError as exc:
            self.errors.append(ScanError(root, *os_error(exc, folder=True)))
            return
        if stat.S_ISDIR(st.st_mode):
            self._walk_tree(_Dir(root, (st.st_dev, st.st_ino), None))
        elif stat.S_ISREG(st.st_mode):
            # A file given as a root counts as chosen by name.
            self.seen += 1
            self._consider(root, os.path.basename(root), st, os.path.islink(root))
        else:
            self.errors.append(ScanError(root, Reason.NOT_FILE_OR_FOLDER))

    def _walk_tree(self, top: _Dir) -> None:
        if top.key in self.visited:
            return  # already walked as part of another root
        self.visited.add(top.key)
        stack = [top]
        while stack:
            self._check_cancel()
            folder = stack.pop()
            subdirs = self._scan_folder(folder)
            # Reversed so that the stack pops folders in name order.
            stack.extend(reversed(subdirs))

    def _scan_folder(self, folder: _Dir) -> list[_Dir]:
        self._report(folder.path)
        try:
            with os.scandir(folder.path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.errors.append(ScanError(folder.path, *os_error(exc, folder=True)))
            return []
        subdirs: list[_Dir] = []
        excluded = self.excluded
        for count, entry in enumerate(entries):
            if count % 128 == 127:
                self._check_cancel()
                self._report(folder.path)
            try:
                # Plain files first and inline: they are nearly all entries.
                if entry.is_file(follow_symlinks=False):
                    path, name = entry.path, entry.name
                    if excluded is None or not (excluded(path) or excluded(name)):
                        self.seen += 1
                        self._consider(path, name, entry.stat(follow_symlinks=False), False)
                else:
                    sub = self._other(entry, folder)
                    if sub is not None:
                        subdirs.append(sub)
            except OSError as exc:
                self.errors.append(ScanError(entry.path, *os_error(exc)))
        return subdirs

    def _other(self, entry: os.DirEntry[str], folder: _Dir) -> _Dir | None:
        path = entry.path
        if self.excluded is not None and (self.excluded(path) or self.excluded(entry.name)):
            return None
        if entry.is_dir(follow_symlinks=False):
            if self.recursive and not self.excluded_dir(path):
                return self._subdir(path, entry.stat(follow_symlinks=False), folder)
            return None
        if entry.is_symlink():
            return self._symlink(entry, folder)
        return None  # sockets, fifos, devices: never images

    def excluded_dir(self, path: str) -> bool:
        # "*/.thumbnails/*" should stop the walk at the folder itself.
        return self.excluded is not None and self.excluded(path + os.sep)

    def _subdir(self, path: str, st: os.stat_result, parent: _Dir) -> _Dir | None:
        key = (st.st_dev, st.st_ino)
        if key in self.visited:
            if parent.has_ancestor(key):
                self.errors.append(ScanError(path, Reason.LOOP_TO_PARENT))
            return None
        self.visited.add(key)
        return _Dir(path, key, parent)

    def _symlink(self, entry: os.DirEntry[str], folder: _Dir) -> _Dir | None:
        path = entry.path
        try:
            st = os.stat(path)
        except OSError as exc:
            self.seen += 1
            if expected_format(entry.name):
                why = os_error(exc)
                if exc.errno in (errno.ENOENT, errno.ENOTDIR):
                    why = Reason.BROKEN_LINK, ""
                self.errors.append(ScanError(path, *why))
            return None
        if stat.S_ISDIR(st.st_mode):
            if self.follow_symlinks and self.recursive and not self.excluded_dir(path):
                return self._subdir(path, st, folder)
            return None
        if stat.S_ISREG(st.st_mode):
            self.seen += 1
            self._consider(path, entry.name, st, True)
        return None

    def _consider(self, path: str, name: str, st: os.stat_result, is_link: bool) -> None:
        key = (st.st_dev, st.st_ino)
        known = self.found.get(key)
        if known is not None:
            known_link, ref = known
            if (is_link, path) < (known_link, ref.path):
                self.found[key] = (is_link, _with_path(ref, path))
            return
        if key in self.rejected:
            return
        ref, problem = self._check_file(path, name, st)
        if ref is not None:
            self.found[key] = (is_link, ref)
            return
        # Another link to this file would get the same verdict: judge it once.
        self.rejected.add(key)
        if problem:
            self.errors.append(ScanError(path, *problem))

    def _check_file(
        self, path: str, name: str, st: os.stat_result
    ) -> tuple[FileRef | None, Why | None]:
        """The file as an image, or None and what is wrong with it (None: not an
        image, and not named like one either)."""
        size = st.st_size
        if self.known is not None and size and size >= self.min_size:
            # First: on a rescan nearly every file is known, and needs nothing more.
            fmt = self.known(path, size, st.st_mtime_ns)
            if fmt:
                return FileRef(path, size, st.st_mtime_ns, st.st_dev, st.st_ino, fmt), None
        expected = IMAGE_EXTENSIONS.get(extension(name))
        if size == 0:
            return None, (Reason.EMPTY_FILE, "") if expected else None
        if size < self.min_size:
            # Said in the summary: a user whose small photos found nothing should
            # learn why, not guess.
            self.too_small += expected is not None
            return None, None
        try:
            head = _read_head(path)
        except OSError as exc:
            return None, os_error(exc)
        fmt = sniff_format(head)
        if fmt in (None, "TIFF"):
            # Camera RAW files look like TIFF or like nothing Pillow knows.
            try:
                fmt = sniff_raw_file(path, head) or fmt
            except OSError as exc:
                return None, os_error(exc)
        if fmt is None:
            if not expected:
                return None, None
            return None, (Reason.NOT_AN_IMAGE, not_an_image(expected, *describe_content(head)))
        return FileRef(path, size, st.st_mtime_ns, st.st_dev, st.st_ino, fmt), None

    def _check_cancel(self) -> None:
        check(self.cancel)

    def _report(self, current: str) -> None:
        self.reporter.done = self.seen  # files looked at; the total is not known
        self.reporter.report(current)


def discover(
    roots: Sequence[str],
    *,
    recursive: bool = True,
    exclude: Sequence[str] = (),
    min_size: int = DEFAULT_MIN_SIZE,
    follow_symlinks: bool = False,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
    known: KnownFormat | None = None,
) -> Discovery:
    """Walk ``roots`` and list the image files in them, sorted by path.

    ``exclude`` holds shell globs matched against both the full path and the
    name (``"*/.thumbnails/*"``, ``"*.tmp"``); an excluded folder is not entered.
    Files smaller than ``min_size`` bytes are skipped before being opened.
    ``seen`` counts every file looked at, images or not. Raises ``Cancelled``
    when ``cancel`` is set.

    ``known(path, size, mtime_ns)`` may return the format of a file already
    sniffed by an earlier scan (from the cache); such a file is not opened,
    which is most of the cost of a rescan.
    """
    walk = _Walk(recursive, exclude, min_size, follow_symlinks, cancel, progress, known)
    return walk.run(roots)


def _compile_globs(patterns: Sequence[str]) -> Callable[[str], Any] | None:
    if not patterns:
        return None
    # One regex for all globs: matching each file against N patterns one by one
    # would dominate a warm rescan.
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns)).match


def _read_head(path: str) -> bytes:
    # os.open/os.read: a buffered file object costs more than the read itself.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        return os.read(fd, HEAD_SIZE)
    finally:
        os.close(fd)


def _with_path(ref: FileRef, path: str) -> FileRef:
    return FileRef(path, ref.size, ref.mtime_ns, ref.dev, ref.ino, ref.format)
