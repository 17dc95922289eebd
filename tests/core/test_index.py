"""The portable index: written, updated incrementally, and refused when it is not ours."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from imagegen import photo, save

from photodedup.core.index import IndexProblem, IndexReason, check_index_file, read_index
from photodedup.core.library import update_index
from photodedup.core.models import THUMB_BYTES, HashSettings, ScanOptions, WalkOptions


def options(root: Path, **kw) -> ScanOptions:
    return ScanOptions(WalkOptions(), cache_path=str(root / "cache.sqlite3"), **kw)


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    for seed in range(4):
        save(photo(seed), tmp_path / "lib" / f"p{seed}.jpg")
    return tmp_path / "lib"


def names(index) -> list[str]:
    return [Path(e.record.path).name for e in index.entries]


def test_update_is_incremental_and_drops_vanished_files(lib: Path, tmp_path: Path) -> None:
    out = tmp_path / "lib.pdindex"
    first = update_index([str(lib)], str(out), options(tmp_path))
    assert (first.added, first.decoded) == (4, 4)
    # Without the app's cache: the index's own rows spare the decode.
    again = update_index([str(lib)], str(out), options(tmp_path, use_cache=False))
    assert (again.added, again.changed, again.removed, again.unchanged, again.decoded) == (
        0,
        0,
        0,
        4,
        0,
    )
    os.unlink(lib / "p0.jpg")
    save(photo(9), lib / "p9.jpg")
    save(photo(10), lib / "p1.jpg")  # changed in place
    third = update_index([str(lib)], str(out), options(tmp_path, use_cache=False))
    assert (third.added, third.changed, third.removed, third.unchanged) == (1, 1, 1, 2)
    index = read_index(str(out))
    assert names(index) == ["p1.jpg", "p2.jpg", "p3.jpg", "p9.jpg"]
    assert all(len(e.full_digest) == 64 for e in index.entries)
    assert index.roots == [str(lib)]


def test_a_second_folder_adds_to_the_index(lib: Path, tmp_path: Path) -> None:
    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    other = tmp_path / "drive2"
    save(photo(20), other / "x.jpg")
    update_index([str(other)], str(out), options(tmp_path))
    index = read_index(str(out))
    assert sorted(names(index)) == ["p0.jpg", "p1.jpg", "p2.jpg", "p3.jpg", "x.jpg"]
    assert index.roots == sorted([str(lib), str(other)])
    # The first drive unplugged: indexing the second again keeps the first's rows.
    shutil.rmtree(lib)
    update_index([str(other)], str(out), options(tmp_path))
    assert len(read_index(str(out)).entries) == 5


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some text\n" * 100, IndexReason.NOT_AN_INDEX),
        (b"", IndexReason.NOT_AN_INDEX),
    ],
)
def test_a_foreign_file_is_refused_and_left_alone(
    lib: Path, tmp_path: Path, content: bytes, reason: IndexReason
) -> None:
    out = tmp_path / "notes.txt"
    out.write_bytes(content)
    with pytest.raises(IndexProblem) as info:
        update_index([str(lib)], str(out), options(tmp_path))
    assert info.value.reason is reason
    assert out.read_bytes() == content


def test_another_sqlite_file_is_not_an_index(lib: Path, tmp_path: Path) -> None:
    out = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(out)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = out.read_bytes()
    with pytest.raises(IndexProblem) as info:
        update_index([str(lib)], str(out), options(tmp_path))
    assert info.value.reason is IndexReason.NOT_AN_INDEX
    assert out.read_bytes() == before


def test_a_damaged_index_is_refused_and_left_alone(lib: Path, tmp_path: Path) -> None:
    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    data = out.read_bytes()
    cut = data[: len(data) // 2]
    out.write_bytes(cut)
    with pytest.raises(IndexProblem) as info:
        check_index_file(str(out))
    assert info.value.reason is IndexReason.CORRUPT
    with pytest.raises(IndexProblem):
        update_index([str(lib)], str(out), options(tmp_path))
    assert out.read_bytes() == cut


def test_other_settings_than_the_index_holds_are_refused(lib: Path, tmp_path: Path) -> None:
    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    before = out.read_bytes()
    with pytest.raises(IndexProblem) as info:
        update_index([str(lib)], str(out), options(tmp_path, hash=HashSettings("phash", 8)))
    assert info.value.reason is IndexReason.SETTINGS
    assert out.read_bytes() == before
    assert check_index_file(str(out)) == HashSettings()


def test_non_utf8_names_survive_the_index(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    name = os.fsdecode(b"caf\xe9.jpg")
    save(photo(3), lib / name)
    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    (entry,) = read_index(str(out)).entries
    assert os.fsencode(entry.record.path).endswith(b"caf\xe9.jpg")


def test_an_index_from_an_earlier_build_is_read_and_updated(lib: Path, tmp_path: Path) -> None:
    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    conn = sqlite3.connect(out)
    conn.execute("ALTER TABLE records DROP COLUMN camera")  # a fact that build did not know
    conn.commit()
    conn.close()
    assert check_index_file(str(out)) == HashSettings()
    assert len(read_index(str(out)).entries) == 4
    again = update_index([str(lib)], str(out), options(tmp_path, use_cache=False))
    assert (again.unchanged, again.decoded) == (4, 0)
    conn = sqlite3.connect(out)
    assert "camera" in {row[1] for row in conn.execute("PRAGMA table_info(records)")}
    conn.close()


def test_an_index_from_a_newer_build_is_refused_untouched(lib: Path, tmp_path: Path) -> None:
    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    conn = sqlite3.connect(out)
    conn.execute("ALTER TABLE records ADD COLUMN some_future_fact TEXT")
    conn.commit()
    conn.close()
    before = out.read_bytes()
    with pytest.raises(IndexProblem) as info:
        update_index([str(lib)], str(out), options(tmp_path))
    assert info.value.reason is IndexReason.NEWER
    assert out.read_bytes() == before


def test_a_check_reads_the_same_columns_as_the_records(lib: Path, tmp_path: Path) -> None:
    from photodedup.core.index import read_table

    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    index = read_index(str(out))
    _, table = read_table(str(out))
    records = [e.record for e in index.entries]
    assert [table.path(i) for i in range(len(table))] == [r.path for r in records]
    assert table.full == [e.full_digest for e in index.entries]
    assert table.probes.tolist() == [list(r.probes[:2]) for r in records]
    # A check keeps the thumbnail and quality only, not the halves (core.halves).
    thumbs = [r.thumb[:THUMB_BYTES] for r in records]
    assert [table.thumbs[i].tobytes() for i in range(len(table))] == thumbs
    assert table.sizes.tolist() == [r.size for r in records]


def test_columns_that_do_not_fit_the_records_are_damage(lib: Path, tmp_path: Path) -> None:
    from photodedup.core.index import read_table

    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    conn = sqlite3.connect(out)
    conn.execute("UPDATE columns SET data = substr(data, 1, 100) WHERE name = 'thumbs'")
    conn.commit()
    conn.close()
    with pytest.raises(IndexProblem) as info:
        read_table(str(out))
    assert info.value.reason is IndexReason.CORRUPT


def test_an_index_made_by_another_revision_of_the_method_is_read_again(
    lib: Path, tmp_path: Path
) -> None:
    from photodedup.core.index import read_table

    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    assert read_index(str(out)).current
    conn = sqlite3.connect(out)
    conn.execute("DELETE FROM meta WHERE key = 'revision'")  # as before the probes moved
    conn.commit()
    conn.close()
    assert not read_index(str(out)).current
    for read in (read_table, lambda p: check_index_file(p, for_check=True)):
        with pytest.raises(IndexProblem) as info:
            read(str(out))
        assert info.value.reason is IndexReason.OLDER and info.value.detail == str(lib)
    again = update_index([str(lib)], str(out), options(tmp_path, use_cache=False))
    assert again.decoded == 4  # none of its rows was taken as they were
    assert read_index(str(out)).current
    _, table = read_table(str(out))
    assert len(table) == 4


def test_an_index_of_the_first_format_is_for_updating_only(lib: Path, tmp_path: Path) -> None:
    from photodedup.core.index import read_table

    out = tmp_path / "lib.pdindex"
    update_index([str(lib)], str(out), options(tmp_path))
    conn = sqlite3.connect(out)
    conn.execute("DROP TABLE columns")
    conn.execute("UPDATE records SET probes = NULL, thumb = NULL")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    for read in (read_table, lambda p: check_index_file(p, for_check=True)):
        with pytest.raises(IndexProblem) as info:
            read(str(out))
        assert info.value.reason is IndexReason.OLDER and info.value.detail == str(lib)
    again = update_index([str(lib)], str(out), options(tmp_path, use_cache=False))
    assert again.decoded == 4  # its rows lacked what the pdq rule needs
    _, table = read_table(str(out))
    assert len(table) == 4 and table.thumbs is not None
