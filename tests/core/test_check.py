"""The library check end to end on generated libraries: verdicts, matches, errors."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from imagegen import photo, resized, save, watermarked, write_garbage, write_truncated_jpeg

from photodedup.core.check import CheckSettings, Library, Verdict, check
from photodedup.core.library import update_index
from photodedup.core.models import GroupOptions, ScanOptions, WalkOptions
from photodedup.core.progress import Cancelled

SIZE = (800, 600)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of five photos and a camera card holding copies, a new photo and junk."""
    root = tmp_path_factory.mktemp("template")
    lib = root / "library"
    for seed in range(5):
        save(photo(seed, SIZE), lib / "2024" / f"photo{seed}.jpg", quality=92)
    card = root / "card" / "DCIM" / "100CANON"
    card.mkdir(parents=True)
    shutil.copy2(lib / "2024" / "photo1.jpg", card / "IMG_0001.JPG")  # a byte copy
    save(resized(photo(2, SIZE), 0.5), card / "IMG_0002.JPG", quality=80)  # half-size re-save
    save(photo(77, SIZE), card / "IMG_0003.JPG")  # a photo the library does not have
    write_truncated_jpeg(card / "IMG_0004.JPG")
    write_garbage(card / "IMG_0005.JPG", head=b"\xff\xd8\xff\xe0")
    save(watermarked(photo(3, SIZE)), root / "edited" / "photo3-marked.jpg")
    return root


@pytest.fixture
def setup(template: Path, tmp_path: Path) -> dict[str, Path]:
    """A fresh copy of the template for each test, which may change it."""
    root = tmp_path / "t"
    shutil.copytree(template, root)
    card = root / "card"
    return {"root": root, "lib": root / "library", "card": card, "dcim": card / "DCIM" / "100CANON"}


def settings(root: Path, **kw) -> CheckSettings:
    return CheckSettings(cache_path=str(root / "cache.sqlite3"), **kw)


def verdicts(report) -> dict[str, Verdict]:
    return {Path(r.path).name: r.verdict for r in report.results}


def test_copies_are_in_the_library_and_a_new_photo_is_new(setup) -> None:
    report = check(
        [str(setup["card"])], Library(folders=(str(setup["lib"]),)), settings(setup["root"])
    )
    assert verdicts(report) == {
        "IMG_0001.JPG": Verdict.IN_LIBRARY,
        "IMG_0002.JPG": Verdict.IN_LIBRARY,
        "IMG_0003.JPG": Verdict.NEW,
    }
    by_name = {Path(r.path).name: r for r in report.results}
    copy = by_name["IMG_0001.JPG"].best
    assert copy is not None and copy.identical and copy.distance == 0
    assert Path(copy.path).name == "photo1.jpg"
    small = by_name["IMG_0002.JPG"].best
    assert small is not None and not small.identical and Path(small.path).name == "photo2.jpg"
    assert small.width == 800 and small.height == 600
    assert not by_name["IMG_0002.JPG"].larger_than_library
    assert by_name["IMG_0003.JPG"].matches == ()
    # Unreadable queries are error entries; the check went on past them.
    assert sorted(Path(e.path).name for e in report.errors) == ["IMG_0004.JPG", "IMG_0005.JPG"]
    s = report.stats
    assert (s.queries, s.in_library, s.similar, s.new, s.library_images) == (3, 2, 0, 1, 5)


def test_a_larger_original_than_the_library_copy_is_flagged(setup) -> None:
    save(photo(40, SIZE), setup["dcim"] / "BIG.JPG")
    save(resized(photo(40, SIZE), 0.5), setup["lib"] / "small.jpg")
    report = check(
        [str(setup["dcim"] / "BIG.JPG")],
        Library(folders=(str(setup["lib"]),)),
        settings(setup["root"]),
    )
    (result,) = report.results
    assert result.verdict is Verdict.IN_LIBRARY and result.larger_than_library


def test_a_query_inside_the_library_is_never_its_own_match(setup) -> None:
    lib = setup["lib"]
    shutil.copy2(lib / "2024" / "photo3.jpg", lib / "photo3 (copy).jpg")
    queries = [str(lib / "2024" / "photo3.jpg"), str(lib / "2024" / "photo4.jpg")]
    report = check(queries, Library(folders=(str(lib),)), settings(setup["root"]))
    by_name = {Path(r.path).name: r for r in report.results}
    three, four = by_name["photo3.jpg"], by_name["photo4.jpg"]
    assert three.inside_library and three.verdict is Verdict.IN_LIBRARY
    assert [Path(m.path).name for m in three.matches] == ["photo3 (copy).jpg"]
    assert three.matches[0].identical
    assert four.inside_library and four.verdict is Verdict.IN_LIBRARY and four.matches == ()


def test_a_query_reached_through_a_link_is_still_itself(setup) -> None:
    link = setup["root"] / "linked"
    os.symlink(setup["lib"], link)
    report = check(
        [str(link / "2024" / "photo0.jpg")],
        Library(folders=(str(setup["lib"]),)),
        settings(setup["root"]),
    )
    (result,) = report.results
    assert result.inside_library and result.matches == ()


def test_only_loosely_alike_is_similar(setup) -> None:
    # At distance 0 a watermarked copy is not "in the library", but it is within "loose".
    report = check(
        [str(setup["root"] / "edited")],
        Library(folders=(str(setup["lib"]),)),
        settings(setup["root"], group=GroupOptions(distance=0)),
    )
    (result,) = report.results
    assert result.verdict is Verdict.SIMILAR
    assert result.best is not None and result.best.distance > 0
    assert Path(result.best.path).name == "photo3.jpg"
    default = check(
        [str(setup["root"] / "edited")],
        Library(folders=(str(setup["lib"]),)),
        settings(setup["root"]),
    )
    assert default.results[0].verdict is Verdict.IN_LIBRARY


def test_a_warm_check_decodes_nothing_from_the_library(setup) -> None:
    lib = Library(folders=(str(setup["lib"]),))
    first = check([str(setup["card"])], lib, settings(setup["root"]))
    assert first.stats.decoded >= 5
    again = check([str(setup["card"])], lib, settings(setup["root"]))
    # Only the card's two photos that are no byte copy of a library file are read again:
    # a card's fingerprints are not kept in the library's cache.
    assert again.stats.decoded == 2
    assert verdicts(again) == verdicts(first)


def cached_paths(root: Path) -> set[str]:
    with sqlite3.connect(root / "cache.sqlite3") as conn:
        return {os.fsdecode(p) for (p,) in conn.execute("SELECT path FROM records")}


def test_a_card_checked_leaves_nothing_in_the_cache(setup) -> None:
    lib = Library(folders=(str(setup["lib"]),))
    check(
        [str(setup["card"]), str(setup["lib"] / "2024" / "photo0.jpg")],
        lib,
        settings(setup["root"]),
    )
    stored = cached_paths(setup["root"])
    assert stored == {str(p) for p in (setup["lib"] / "2024").iterdir()}
    # Against an index too: only files under the index's folders are remembered.
    out = setup["root"] / "library.pdindex"
    options = ScanOptions(WalkOptions(), cache_path=str(setup["root"] / "other.sqlite3"))
    update_index([str(setup["lib"])], str(out), options)
    check([str(setup["card"])], Library(index=str(out)), settings(setup["root"]))
    assert cached_paths(setup["root"]) == stored


def test_index_answers_alone_after_the_library_is_gone(setup) -> None:
    root = setup["root"]
    out = root / "library.pdindex"
    options = ScanOptions(WalkOptions((str(setup["lib"]),)), cache_path=str(root / "cache.sqlite3"))
    update = update_index([str(setup["lib"])], str(out), options)
    assert (update.added, update.removed, len(update.index.entries)) == (5, 0, 5)
    from_folders = check(
        [str(setup["card"])], Library(folders=(str(setup["lib"]),)), settings(root)
    )
    shutil.rmtree(setup["lib"])
    from_index = check([str(setup["card"])], Library(index=str(out)), settings(root))
    assert verdicts(from_index) == verdicts(from_folders)
    by_name = {Path(r.path).name: r for r in from_index.results}
    assert by_name["IMG_0001.JPG"].best.identical  # told by the stored whole-file digest


def test_cancel_stops_the_check(setup) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        check(
            [str(setup["card"])],
            Library(folders=(str(setup["lib"]),)),
            settings(setup["root"]),
            cancel=cancel,
        )


def test_progress_names_library_then_query_phases(setup) -> None:
    phases: list[str] = []
    check(
        [str(setup["card"])],
        Library(folders=(str(setup["lib"]),)),
        settings(setup["root"]),
        progress=lambda p: phases.append(str(p.phase)),
    )
    firsts = list(dict.fromkeys(phases))
    assert firsts.index("library-hash") < firsts.index("query-hash") < firsts.index("match")


def test_a_small_named_query_is_checked_but_not_one_in_a_folder(setup) -> None:
    tiny = setup["root"] / "tiny"
    save(photo(5, (64, 48)), tiny / "thumb.jpg")
    assert os.path.getsize(tiny / "thumb.jpg") < 8 * 1024
    lib = Library(folders=(str(setup["lib"]),))
    named = check([str(tiny / "thumb.jpg")], lib, settings(setup["root"]))
    assert [Path(r.path).name for r in named.results] == ["thumb.jpg"]
    walked = check([str(tiny)], lib, settings(setup["root"]))
    assert walked.results == []


def test_a_query_that_does_not_exist_is_an_error_entry(setup) -> None:
    report = check(
        [str(setup["root"] / "nowhere.jpg"), str(setup["dcim"] / "IMG_0003.JPG")],
        Library(folders=(str(setup["lib"]),)),
        settings(setup["root"]),
    )
    assert [Path(e.path).name for e in report.errors] == ["nowhere.jpg"]
    assert verdicts(report) == {"IMG_0003.JPG": Verdict.NEW}
