"""Thumbnails load off the GUI thread, land in memory and on disk, and fail softly."""

from __future__ import annotations

import os

import imagegen

from photodedup.gui.results.thumbnails import ThumbnailCache


def load(qtbot, cache: ThumbnailCache, path: str):
    st = os.stat(path)
    assert cache.request(path, st.st_size, st.st_mtime_ns) is None  # not yet: queued
    with qtbot.waitSignal(cache.thumbnailReady, timeout=10_000) as blocker:
        pass
    assert blocker.args == [path]
    return cache.request(path, st.st_size, st.st_mtime_ns)


def test_thumbnail_is_scaled_oriented_and_cached_on_disk(qtbot, tmp_path):
    # Stored sideways with an EXIF orientation: the thumbnail must come out upright.
    path = str(imagegen.save(imagegen.photo(1, (400, 200)), tmp_path / "p.jpg", orientation=6))
    cache = ThumbnailCache(box=100, disk_dir=str(tmp_path / "thumbs"))
    image = load(qtbot, cache, path)
    assert (image.width(), image.height()) == (100, 50)
    stored = [f for _d, _s, files in os.walk(tmp_path / "thumbs") for f in files]
    assert len(stored) == 1 and stored[0].endswith(".jpg")

    # A fresh cache (a new run) reads the disk copy, even if the photo cannot be decoded now.
    st = os.stat(path)
    with open(path, "r+b") as fp:
        fp.write(b"\0" * 64)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    again = ThumbnailCache(box=100, disk_dir=str(tmp_path / "thumbs"))
    assert load(qtbot, again, path).size() == image.size()


def test_heic_thumbnail(qtbot, tmp_path):
    path = str(imagegen.save(imagegen.photo(2, (320, 240)), tmp_path / "p.heic"))
    cache = ThumbnailCache(box=64, disk_dir="")
    image = load(qtbot, cache, path)
    assert image is not None and image.width() == 64


def test_unreadable_file_gives_an_error_not_an_exception(qtbot, tmp_path):
    path = str(imagegen.write_garbage(tmp_path / "bad.jpg", head=b"\xff\xd8\xff\xe0"))
    cache = ThumbnailCache(box=64, disk_dir=str(tmp_path / "thumbs"))
    assert load(qtbot, cache, path) is None
    assert cache.error(path)


def test_disk_cache_prunes_the_least_recently_used(tmp_path):
    from photodedup.gui.results.thumbnails import prune_disk_cache

    folder = tmp_path / "thumbs"
    (folder / "ab").mkdir(parents=True)
    names = [f"{i:040x}.jpg" for i in range(10)]
    for age, name in enumerate(names):
        path = folder / "ab" / name
        path.write_bytes(b"x" * 100)
        os.utime(path, ns=(10**18 + age, 10**18 + age))  # names[0] is the oldest
    other = folder / "ab" / "notes.txt"  # not ours: never touched
    other.write_bytes(b"x" * 5000)

    assert prune_disk_cache(str(folder), 2000) == 0  # 1000 bytes of thumbnails: fine
    assert prune_disk_cache(str(folder), 500) == 6  # down to 80% of 500
    left = sorted(p.name for p in (folder / "ab").iterdir())
    assert left == sorted([*names[6:], "notes.txt"])
