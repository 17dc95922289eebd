"""The not-a-duplicate list: pairs remembered on disk and applied to groups."""

from __future__ import annotations

import json

from photodedup.core.ignore import IgnoreList
from photodedup.core.models import Group, ImageRecord, Member


def group(*paths: str) -> Group:
    return Group(
        tuple(
            Member(ImageRecord(p, 1, 0, "JPEG", 1, 1, 0, (0, 0, 0, 0), ""), i)
            for i, p in enumerate(paths)
        )
    )


def test_pairs_are_unordered_and_remembered(tmp_path):
    path = str(tmp_path / "sub" / "ignore.json")
    first = IgnoreList(path)
    first.add("/a.jpg", "/b.jpg")
    first.add("/a.jpg", "/a.jpg")  # a file is always like itself: ignored
    again = IgnoreList(path)
    assert ("/b.jpg", "/a.jpg") in again
    assert len(again) == 1


def test_apply_drops_members_unlike_the_reference_and_lone_groups(tmp_path):
    ignore = IgnoreList(str(tmp_path / "i.json"))
    ignore.add_many([("/r.jpg", "/x.jpg"), ("/s.jpg", "/t.jpg")])
    groups = [
        group("/r.jpg", "/x.jpg", "/y.jpg"),
        group("/s.jpg", "/t.jpg"),
        group("/u.jpg", "/v.jpg"),
    ]
    out = ignore.apply(groups)
    assert [g.paths for g in out] == [["/r.jpg", "/y.jpg"], ["/u.jpg", "/v.jpg"]]
    assert out[1] is groups[2]


def test_non_utf8_names_round_trip(tmp_path):
    odd = "/photos/caf\udce9.jpg"  # a Latin-1 name on a UTF-8 system
    IgnoreList(str(tmp_path / "i.json")).add(odd, "/photos/b.jpg")
    assert (odd, "/photos/b.jpg") in IgnoreList(str(tmp_path / "i.json"))


def test_a_damaged_file_is_set_aside_not_fatal(tmp_path):
    path = tmp_path / "i.json"
    path.write_text("{not json")
    ignore = IgnoreList(str(path))
    assert len(ignore) == 0
    assert ignore.warnings and (tmp_path / "i.json.damaged").exists()
    ignore.add("/a", "/b")
    assert json.loads(path.read_text())["pairs"] == [["/a", "/b"]]
