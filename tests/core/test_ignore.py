"""The not-a-duplicate list: decisions keyed by content, remembered and applied to groups."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from imagegen import photo, resized, save

from photodedup.core.fingerprint import quick_digest
from photodedup.core.ignore import IgnoreList, default_ignore_path
from photodedup.core.models import ImageRecord, ScanOptions, WalkOptions
from photodedup.core.results import Group, Member
from photodedup.core.scan import scan


def rec(path: str, digest: str = "") -> ImageRecord:
    return ImageRecord(path, 1, 0, "JPEG", 1, 1, 0, (0, 0, 0, 0), digest)


def group(*records: ImageRecord) -> Group:
    return Group(tuple(Member(r, i) for i, r in enumerate(records)))


def test_pairs_are_unordered_keyed_by_content_and_remembered(tmp_path):
    path = str(tmp_path / "sub" / "ignore.json")
    a, b = rec("/a.jpg", "aa"), rec("/b.jpg", "bb")
    first = IgnoreList(path)
    first.add(a, b)
    first.add(a, a)  # a file is always like itself: ignored
    again = IgnoreList(path)
    assert (b, a) in again and len(again) == 1
    # Renamed and moved, the same two files are still the same decision.
    assert (rec("/elsewhere/x.jpg", "aa"), rec("/y.jpg", "bb")) in again
    assert (rec("/a.jpg", "cc"), rec("/b.jpg", "bb")) not in again  # /a.jpg was replaced
    entry = again.entries()[0]
    assert entry.paths == ("/a.jpg", "/b.jpg") and entry.added > 0


def test_byte_identical_files_fall_back_to_their_paths(tmp_path):
    ignore = IgnoreList(str(tmp_path / "i.json"))
    ignore.add(rec("/a.jpg", "same"), rec("/b.jpg", "same"))
    assert (rec("/a.jpg", "same"), rec("/b.jpg", "same")) in ignore
    assert (rec("/c.jpg", "same"), rec("/d.jpg", "same")) not in ignore


def test_apply_drops_members_unlike_a_kept_one_and_lone_groups(tmp_path):
    r, x, y, s, t, u, v = (rec(f"/{n}.jpg", n * 2) for n in "rxystuv")
    ignore = IgnoreList(str(tmp_path / "i.json"))
    ignore.add_many([(r, x), (s, t)])
    groups = [group(r, x, y), group(s, t), group(u, v)]
    out = ignore.apply(groups)
    assert [g.paths for g in out] == [["/r.jpg", "/y.jpg"], ["/u.jpg", "/v.jpg"]]
    assert out[1] is groups[2]


def test_undo_one_and_clear_all(tmp_path):
    path = str(tmp_path / "i.json")
    ignore = IgnoreList(path)
    ignore.add_many([(rec("/a", "1"), rec("/b", "2")), (rec("/c", "3"), rec("/d", "4"))])
    ignore.remove(next(e for e in ignore.entries() if "/a" in e.paths))
    assert [e.paths for e in IgnoreList(path).entries()] == [("/c", "/d")]
    ignore.clear()
    assert len(IgnoreList(path)) == 0


def test_non_utf8_names_round_trip(tmp_path):
    odd = "/photos/caf\udce9.jpg"  # a Latin-1 name on a UTF-8 system
    IgnoreList(str(tmp_path / "i.json")).add(rec(odd), rec("/photos/b.jpg"))
    assert (rec(odd), rec("/photos/b.jpg")) in IgnoreList(str(tmp_path / "i.json"))


def test_a_damaged_file_is_set_aside_not_fatal(tmp_path):
    path = tmp_path / "i.json"
    path.write_text("{not json")
    ignore = IgnoreList(str(path))
    assert len(ignore) == 0
    assert ignore.warnings and (tmp_path / "i.json.damaged").exists()
    ignore.add(rec("/a", "1"), rec("/b", "2"))
    assert json.loads(path.read_text())["pairs"][0]["keys"] == ["d:1", "d:2"]


def test_a_path_keyed_list_is_migrated_to_content(tmp_path):
    a = save(photo(31, (160, 120)), tmp_path / "a.jpg")
    b = save(photo(32, (160, 120)), tmp_path / "b.jpg")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"version": 1, "pairs": [[str(a), str(b)], ["/gone/1", "/gone/2"]]}))
    ignore = IgnoreList(str(old))
    digest = "d:" + quick_digest(str(a), a.stat().st_size)
    assert any(digest in e.keys for e in ignore.entries())
    moved_a = rec("/moved/a.jpg", digest[2:])
    assert (moved_a, rec("/b2.jpg", quick_digest(str(b), b.stat().st_size))) in ignore
    assert (rec("/gone/1"), rec("/gone/2")) in ignore  # files gone: still honoured by path
    assert json.loads((tmp_path / "old.json.v1").read_text())["version"] == 1
    assert json.loads(old.read_text())["version"] == 2


def test_the_default_list_takes_over_the_earlier_versions_file(tmp_path):
    legacy = Path(default_ignore_path()).with_name("not-duplicates.json")
    legacy.parent.mkdir(parents=True, exist_ok=True)
    legacy.write_text(json.dumps({"version": 1, "pairs": [["/x", "/y"]]}))
    assert (rec("/x"), rec("/y")) in IgnoreList()
    assert os.path.exists(default_ignore_path())
    assert json.loads(legacy.read_text())["version"] == 1  # left for the earlier version


def test_the_decision_survives_a_rename_and_a_rescan(tmp_path):
    pic = photo(33, (320, 240))
    save(pic, tmp_path / "lib" / "sunset.jpg", quality=92)
    save(resized(pic, 0.5), tmp_path / "lib" / "sunset-small.jpg")
    options = ScanOptions(WalkOptions((str(tmp_path / "lib"),), min_size=0), workers=1)
    first = scan(options)
    assert len(first.groups) == 1
    ignore = IgnoreList(str(tmp_path / "i.json"))
    ignore.add(*(m.image for m in first.groups[0].members))
    (tmp_path / "lib" / "moved").mkdir()
    shutil.move(tmp_path / "lib" / "sunset.jpg", tmp_path / "lib" / "moved" / "renamed.jpg")
    again = scan(options)
    assert {os.path.basename(p) for p in again.groups[0].paths} == {
        "renamed.jpg",
        "sunset-small.jpg",
    }
    assert ignore.apply(again.groups) == []
