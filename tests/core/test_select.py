"""Choosing the copy to keep, over real files with their real sizes and times."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from imagegen import photo, save, scanned

from photodedup.core.results import Group, Member
from photodedup.core.select import best_index, premark

DAY_NS = 86_400 * 10**9


def member(
    path: Path,
    size: tuple[int, int] = (320, 240),
    *,
    quality: int = 90,
    age_days: int = 0,
    taken: str | None = None,
    reference: bool = False,
) -> Member:
    """Write a real image at ``path`` and describe it as the scan would."""
    save(photo(1, size), path, quality=quality)
    if age_days:
        st = os.stat(path)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - age_days * DAY_NS))
    return Member(scanned(path, taken=taken), 0, reference)


def test_resolution_keeps_most_pixels_even_if_smaller_file(tmp_path: Path) -> None:
    small = member(tmp_path / "small.jpg", (160, 120), quality=100)
    large = member(tmp_path / "large.jpg", (320, 240), quality=20)
    assert small.image.size > large.image.size  # the rule must look at pixels, not bytes
    assert best_index(Group((small, large)), "resolution") == 1
    assert best_index(Group((small, large)), "size") == 0


def test_resolution_tie_goes_to_larger_file_then_oldest(tmp_path: Path) -> None:
    low = member(tmp_path / "low.jpg", quality=30)
    high = member(tmp_path / "high.jpg", quality=95)
    assert best_index(Group((low, high))) == 1

    new = member(tmp_path / "a" / "new.jpg")
    old = member(tmp_path / "b" / "old.jpg", age_days=30)
    assert new.image.size == old.image.size
    assert best_index(Group((new, old))) == 1


def test_full_tie_goes_to_shortest_path_whatever_the_order(tmp_path: Path) -> None:
    # "a/copy.jpg" sorts before "copy.jpg" but is longer: length must decide.
    short = member(tmp_path / "copy.jpg")
    deep = member(tmp_path / "a" / "copy.jpg")
    os.utime(deep.image.path, ns=(0, short.image.mtime_ns))
    deep = Member(replace(deep.image, mtime_ns=os.stat(deep.image.path).st_mtime_ns), 0)
    assert deep.image.size == short.image.size
    assert best_index(Group((deep, short))) == 1
    assert best_index(Group((short, deep))) == 0


def test_oldest_and_newest_use_file_time(tmp_path: Path) -> None:
    group = Group(
        (
            member(tmp_path / "mid.jpg", age_days=10),
            member(tmp_path / "old.jpg", age_days=100),
            member(tmp_path / "new.jpg"),
        )
    )
    assert best_index(group, "oldest") == 1
    assert best_index(group, "newest") == 2


def test_taken_date_wins_over_file_time_when_all_have_one(tmp_path: Path) -> None:
    # The copy with the newer file time was taken earlier: a synced copy of the original.
    synced = member(tmp_path / "synced.jpg", taken="2019-05-01T10:00:00")
    edited = member(tmp_path / "edited.jpg", age_days=100, taken="2020-01-01T10:00:00")
    assert best_index(Group((synced, edited)), "oldest") == 0
    assert best_index(Group((synced, edited)), "newest") == 1


def test_file_time_decides_when_one_lacks_taken_date(tmp_path: Path) -> None:
    with_date = member(tmp_path / "with.jpg", taken="2000-01-01T00:00:00")
    without = member(tmp_path / "without.jpg", age_days=100)
    assert best_index(Group((with_date, without)), "oldest") == 1


def test_reference_folder_copy_is_kept_even_if_worse(tmp_path: Path) -> None:
    ref_small = member(tmp_path / "ref" / "small.jpg", (160, 120), reference=True)
    ref_big = member(tmp_path / "ref" / "big.jpg", (240, 180), reference=True)
    best = member(tmp_path / "inbox" / "best.jpg", (320, 240))
    group = Group((best, ref_small, ref_big))
    assert best_index(group) == 2
    assert premark([group]) == {best.image.path}


def test_premark_marks_all_but_best(tmp_path: Path) -> None:
    g1 = Group(
        (
            member(tmp_path / "1a.jpg", (160, 120)),
            member(tmp_path / "1b.jpg", (320, 240)),
            member(tmp_path / "1c.jpg", (200, 150)),
        )
    )
    g2 = Group((member(tmp_path / "2a.jpg", age_days=5), member(tmp_path / "2b.jpg")))
    marked = premark([g1, g2], "resolution")
    assert marked == {g1.paths[0], g1.paths[2], g2.paths[1]}
    assert premark([g1, g2], "newest") >= {g2.paths[0]}


def test_premark_never_marks_a_whole_group(tmp_path: Path) -> None:
    # A path in two groups: best in one, worst in the other. Marking it would leave
    # the first group with nothing, so it stays unmarked.
    shared = member(tmp_path / "shared.jpg", (240, 180))
    small = member(tmp_path / "small.jpg", (160, 120))
    big = member(tmp_path / "big.jpg", (320, 240))
    groups = [Group((shared, small)), Group((big, shared))]
    marked = premark(groups)
    assert shared.image.path not in marked
    for group in groups:
        assert set(group.paths) - marked


def test_premark_with_only_reference_files_marks_nothing(tmp_path: Path) -> None:
    a = member(tmp_path / "ref" / "a.jpg", reference=True)
    b = member(tmp_path / "ref" / "b.jpg", (160, 120), reference=True)
    assert premark([Group((a, b))]) == set()


def test_unknown_rule_is_refused(tmp_path: Path) -> None:
    group = Group((member(tmp_path / "a.jpg"),))
    with pytest.raises(ValueError, match="unknown keep criterion"):
        best_index(group, "prettiest")
    with pytest.raises(ValueError, match="unknown keep criterion"):
        premark([], "prettiest")


def test_the_partner_of_a_kept_raw_jpeg_shot_says_why_it_stays(tmp_path: Path) -> None:
    from photodedup.core.keep import KeepReason
    from photodedup.core.select import verdicts

    big = member(tmp_path / "IMG_1.jpg", (320, 240))
    raw_half = member(tmp_path / "IMG_1-raw.jpg", (160, 120))
    copy = member(tmp_path / "copy.jpg", (200, 150))
    big = replace(big, pair=raw_half.image.path)
    raw_half = replace(raw_half, pair=big.image.path)
    (row,) = verdicts([Group((big, raw_half, copy))])
    assert [v.keep for v in row] == [True, True, False]
    assert row[1].reasons == (KeepReason.RAW_JPEG_PAIR,)
    assert row[2].reasons == (KeepReason.RESOLUTION,)


def test_a_file_changed_since_the_scan_is_left_out_of_the_choice_and_says_so(
    tmp_path: Path,
) -> None:
    from photodedup.core.keep import KeepReason
    from photodedup.core.select import choice_among, premark, verdicts

    best = member(tmp_path / "best.jpg", (640, 480))
    second = member(tmp_path / "second.jpg", (320, 240))
    third = member(tmp_path / "third.jpg", (160, 120))
    group = Group((best, second, third))
    gone = {best.image.path}
    picked = choice_among(group, unavailable=gone)
    assert picked is not None and picked.index == 1
    assert picked.ruled_out_by == (None, None, KeepReason.RESOLUTION)
    marked = premark([group], unavailable=gone)
    assert marked == {third.image.path}
    (row,) = verdicts([group], marked, unavailable=gone)
    assert [v.keep for v in row] == [True, True, False]
    assert row[0].reasons == (KeepReason.CHANGED,)
    assert row[1].reasons == picked.reasons == (KeepReason.RESOLUTION,)
    assert row[2].reasons == (KeepReason.RESOLUTION,)
    # Without the flag the rule keeps the best, and the second copy is a mark.
    (plain,) = verdicts([group], marked)
    assert plain[0].reasons == (KeepReason.RESOLUTION,)
    assert plain[1].reasons == (KeepReason.USER,)


def test_a_group_with_every_file_changed_keeps_them_all(tmp_path: Path) -> None:
    from photodedup.core.keep import KeepReason
    from photodedup.core.select import verdicts

    a = member(tmp_path / "a.jpg", (320, 240))
    b = member(tmp_path / "b.jpg", (160, 120))
    (row,) = verdicts([Group((a, b))], set(), unavailable={a.image.path, b.image.path})
    assert [(v.keep, v.reasons) for v in row] == [(True, (KeepReason.CHANGED,))] * 2
