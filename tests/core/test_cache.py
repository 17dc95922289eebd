"""The fingerprint cache: hits, moves, settings, odd names, and every way the file can be bad."""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photodedup.core import cache_schema
from photodedup.core.cache import KEPT_PROPOSALS, HashCache, default_cache_path
from photodedup.core.cache_schema import SCHEMA_VERSION
from photodedup.core.models import CHECK_BYTES, THUMB_BYTES, HashSettings, ImageRecord

DHASH = HashSettings("dhash")
PHASH16 = HashSettings("phash", 16)
PDQ = HashSettings("pdq")
MTIME = 1_700_000_000_123_456_789


def rec(path: str, size: int = 50_000, mtime_ns: int = MTIME, **kw) -> ImageRecord:
    values = {
        "format": "JPEG",
        "width": 4032,
        "height": 3024,
        "hash": 0xF0F0_0F0F_AAAA_5555,
        "variants": (1, 2, 0xFFFF_FFFF_FFFF_FFFF, 0),
        "digest": f"digest-of-{size}",
        "taken": "2023-07-14T10:22:31",
        "camera": "Pixel 7",
    }
    values.update(kw)
    return ImageRecord(path=path, size=size, mtime_ns=mtime_ns, **values)


def rows_in(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT path, settings, size FROM records ORDER BY size").fetchall()
    finally:
        conn.close()


def assert_works(db: Path) -> None:
    """The cache at db stores a record and gives it back after reopening."""
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/works.jpg")])
    with HashCache(str(db), DHASH) as cache:
        assert cache.warnings == []
        assert cache.get("/p/works.jpg", 50_000, MTIME) == rec("/p/works.jpg")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "hashes.sqlite3"


# -- location ------------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME is the Linux convention")
def test_default_path_is_in_xdg_cache_home(private_home: Path) -> None:
    expected = private_home / "cache" / "photodedup" / "hashes.sqlite3"
    assert Path(default_cache_path()) == expected


def test_default_path_is_used_and_its_folders_created(private_home: Path) -> None:
    with HashCache(None, DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
    assert os.path.isfile(default_cache_path())
    assert Path(default_cache_path()).parent.name == "photodedup"


def test_creates_missing_parent_folders(tmp_path: Path) -> None:
    assert_works(tmp_path / "a" / "b" / "hashes.sqlite3")


# -- hits and misses -----------------------------------------------------------


def test_record_comes_back_from_a_fresh_instance(db: Path) -> None:
    record = rec("/p/a.jpg", taken=None, camera=None, variants=())
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([record])
        assert cache.get(record.path, record.size, record.mtime_ns) == record
    with HashCache(str(db), DHASH) as cache:
        assert cache.get(record.path, record.size, record.mtime_ns) == record
        assert cache.warnings == []


def test_changed_size_or_mtime_or_other_path_is_a_miss(db: Path) -> None:
    record = rec("/p/a.jpg")
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([record])
    with HashCache(str(db), DHASH) as cache:
        assert cache.get(record.path, record.size + 1, record.mtime_ns) is None
        assert cache.get(record.path, record.size, record.mtime_ns + 1) is None
        assert cache.get("/p/b.jpg", record.size, record.mtime_ns) is None


def test_known_format_answers_only_for_an_unchanged_file(db: Path) -> None:
    record = rec("/p/a.png", format="PNG")
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([record])
    with HashCache(str(db), DHASH) as cache:
        assert cache.known_format(record.path, record.size, record.mtime_ns) == "PNG"
        assert cache.known_format(record.path, record.size, record.mtime_ns + 1) is None
        assert cache.known_format("/p/b.png", record.size, record.mtime_ns) is None


def test_other_hash_settings_are_separate_rows(db: Path) -> None:
    small = rec("/p/a.jpg")
    big = rec("/p/a.jpg", hash=(1 << 255) | 12345, variants=((1 << 256) - 1, 0, 7, 1 << 200))
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([small])
    with HashCache(str(db), PHASH16) as cache:
        assert cache.get(small.path, small.size, small.mtime_ns) is None
        assert not cache.has_size(small.size)
        cache.put_many([big])
    with HashCache(str(db), PHASH16) as cache:
        assert cache.get(big.path, big.size, big.mtime_ns) == big
    with HashCache(str(db), DHASH) as cache:
        assert cache.get(small.path, small.size, small.mtime_ns) == small
    assert [row[1] for row in rows_in(db)] == ["dhash-8", "phash-16"]


def test_changed_file_replaces_its_row(db: Path) -> None:
    old = rec("/p/a.jpg", size=1000)
    new = rec("/p/a.jpg", size=2000, mtime_ns=old.mtime_ns + 5)
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([old])
        cache.put_many([new])
        assert cache.get(old.path, old.size, old.mtime_ns) is None
    with HashCache(str(db), DHASH) as cache:
        assert cache.get(old.path, old.size, old.mtime_ns) is None
        assert cache.get(new.path, new.size, new.mtime_ns) == new
    assert len(rows_in(db)) == 1


def test_has_size_knows_stored_sizes_after_reopening(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        assert not cache.has_size(1000)
        cache.put_many([rec("/p/a.jpg", size=1000)])
        assert cache.has_size(1000)
    with HashCache(str(db), DHASH) as cache:
        assert cache.has_size(1000)
        assert not cache.has_size(1001)


# -- moved files ---------------------------------------------------------------


def test_moved_file_is_found_by_size_and_digest_and_repathed(db: Path) -> None:
    old = rec("/p/old/a.jpg", size=1000, digest="abc")
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([old])
    with HashCache(str(db), DHASH) as cache:
        assert cache.get("/p/new/a.jpg", 1000, 99) is None
        moved = cache.get_moved("/p/new/a.jpg", 1000, 99, "abc")
        assert moved == rec("/p/new/a.jpg", size=1000, mtime_ns=99, digest="abc")
        assert cache.get_moved("/p/new/a.jpg", 1000, 99, "abd") is None
        assert cache.get_moved("/p/new/a.jpg", 1001, 99, "abc") is None
        assert cache.get_moved("/p/new/a.jpg", 1000, 99, "") is None
        cache.put_many([moved])
    with HashCache(str(db), DHASH) as cache:
        assert cache.get("/p/new/a.jpg", 1000, 99) == moved
    assert len(rows_in(db)) == 2


def test_moved_lookup_wants_another_path(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg", size=1000, digest="abc")])
        assert cache.get_moved("/p/a.jpg", 1000, 5, "abc") is None
        cache.put_many([rec("/p/copy.jpg", size=1000, digest="abc")])
        assert cache.get_moved("/p/a.jpg", 1000, 5, "abc").camera == "Pixel 7"


def test_moved_lookup_forgets_content_a_file_no_longer_has(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg", size=1000, digest="abc")])
        assert cache.get_moved("/p/b.jpg", 1000, 5, "abc") is not None
        cache.put_many([rec("/p/a.jpg", size=1000, digest="edited")])
        assert cache.get_moved("/p/b.jpg", 1000, 5, "abc") is None
        assert cache.get_moved("/p/b.jpg", 1000, 5, "edited") is not None


def test_moved_lookup_ignores_other_settings(db: Path) -> None:
    with HashCache(str(db), PHASH16) as cache:
        cache.put_many([rec("/p/a.jpg", size=1000, digest="abc")])
    with HashCache(str(db), DHASH) as cache:
        assert cache.get_moved("/p/b.jpg", 1000, 5, "abc") is None


# -- names and text ------------------------------------------------------------


def test_non_utf8_name_round_trips_exactly(tmp_path: Path, db: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9 \xff.jpg"
    if sys.platform == "linux":
        with open(raw, "wb") as f:  # a real Latin-1 name, as old cameras and Windows shares make
            f.write(b"x" * 100)
    path = os.fsdecode(raw)
    assert os.fsencode(path) == raw
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec(path), rec(os.fsdecode(b"/p/caf\xc3\xa9.jpg"))])
    assert raw in [row[0] for row in rows_in(db)]
    with HashCache(str(db), DHASH) as cache:
        got = cache.get(path, 50_000, MTIME)
        assert got is not None and got.path == path
        assert os.fsencode(got.path) == raw
        assert cache.get("/p/café.jpg", 50_000, MTIME) is not None


def test_text_with_lone_surrogates_is_stored_not_fatal(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg", camera="Cam\udcff"), rec("/p/b.jpg", size=7)])
        assert cache.warnings == []
    with HashCache(str(db), DHASH) as cache:
        assert cache.get("/p/a.jpg", 50_000, MTIME).camera == "Cam?"
        assert cache.get("/p/b.jpg", 7, MTIME) is not None


# -- bad files: set aside, rebuilt, never a crash ------------------------------


def set_aside_files(db: Path) -> list[Path]:
    return sorted(db.parent.glob(db.name + ".corrupt-*"))


def assert_set_aside_and_rebuilt(db: Path, original: bytes, path: str | None = "db") -> None:
    with HashCache(str(db) if path else None, DHASH) as cache:
        warnings = cache.warnings
        cache.put_many([rec("/p/works.jpg")])
    aside = [p for p in set_aside_files(db) if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    assert aside[0].read_bytes() == original
    assert len(warnings) == 1
    assert f"set aside as {aside[0]}" in warnings[0]
    assert_works(db)


def test_random_bytes_in_the_cache_folder_are_set_aside(private_home: Path) -> None:
    db = Path(default_cache_path())
    db.parent.mkdir(parents=True)
    junk = os.urandom(3000)
    db.write_bytes(junk)
    assert_set_aside_and_rebuilt(db, junk, path=None)


def test_our_damaged_cache_elsewhere_is_set_aside(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
    data = bytearray(db.read_bytes())
    data[100:] = os.urandom(len(data) - 100)  # our header, then garbage
    db.write_bytes(bytes(data))
    assert_set_aside_and_rebuilt(db, bytes(data))


def assert_left_alone(db: Path, warning: str = "is not a photodedup cache") -> None:
    original = db.read_bytes()
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
        assert cache.get("/p/a.jpg", 50_000, MTIME) is not None  # works in memory
    assert len(cache.warnings) == 1 and warning in cache.warnings[0]
    assert "left alone" in cache.warnings[0]
    assert db.read_bytes() == original
    assert set_aside_files(db) == []
    assert not Path(f"{db}-wal").exists()


def test_a_photo_given_as_the_cache_is_left_alone(tmp_path: Path) -> None:
    photo_path = tmp_path / "MyPhoto.jpg"
    photo_path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(5000))
    assert_left_alone(photo_path)


def test_set_aside_takes_the_wal_along(db: Path) -> None:
    # Another process has just written a newer schema that still sits in the WAL:
    # the file set aside must be that database whole, and the rebuilt one empty.
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
    other = sqlite3.connect(db)
    try:
        other.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        other.commit()
        assert os.path.getsize(f"{db}-wal") > 0
        with HashCache(str(db), DHASH) as cache:
            assert "newer version" in cache.warnings[0]
            assert cache.get("/p/a.jpg", 50_000, MTIME) is None
    finally:
        other.close()
    aside = [p for p in set_aside_files(db) if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    assert Path(f"{aside[0]}-wal").exists()
    conn = sqlite3.connect(aside[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()
    assert_works(db)


def test_another_programs_database_is_left_alone(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.commit()
    conn.close()
    assert_left_alone(db)


def test_newer_schema_is_set_aside(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    original = db.read_bytes()
    with HashCache(str(db), DHASH) as cache:
        assert "newer version" in cache.warnings[0]
        assert cache.get("/p/a.jpg", 50_000, MTIME) is None
    assert len(set_aside_files(db)) == 1
    assert set_aside_files(db)[0].read_bytes() == original
    assert_works(db)


def test_same_version_with_other_columns_is_left_alone(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE records (path TEXT, hash INTEGER)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()
    conn.close()
    assert_left_alone(db)


def test_a_cache_from_before_the_application_id_is_still_ours(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id = 0")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with HashCache(str(db), DHASH) as cache:
        assert "newer version" in cache.warnings[0]
    assert len([p for p in set_aside_files(db) if not p.name.endswith(("-wal", "-shm"))]) == 1


def test_zero_byte_file_becomes_a_fresh_cache(db: Path) -> None:
    # SQLite treats an empty file as an empty database: nothing to set aside.
    db.write_bytes(b"")
    with HashCache(str(db), DHASH) as cache:
        assert cache.warnings == []
    assert set_aside_files(db) == []
    assert_works(db)


def test_unreadable_row_is_a_miss(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg", size=1000, digest="abc")])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE records SET hash = 'not hex', variants = 'x,'")
    conn.commit()
    conn.close()
    with HashCache(str(db), DHASH) as cache:
        assert cache.get("/p/a.jpg", 1000, MTIME) is None
        assert cache.get_moved("/p/b.jpg", 1000, 1, "abc") is None


def test_unwritable_location_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"a file where the cache folder should be")
    with HashCache(str(blocker / "hashes.sqlite3"), DHASH) as cache:
        assert len(cache.warnings) == 1
        assert "will not be remembered" in cache.warnings[0]
        cache.put_many([rec("/p/a.jpg", digest="abc")])
        assert cache.get("/p/a.jpg", 50_000, MTIME) == rec("/p/a.jpg", digest="abc")
        assert cache.has_size(50_000)
        assert cache.get_moved("/p/b.jpg", 50_000, 1, "abc") is not None
    assert blocker.read_bytes() == b"a file where the cache folder should be"


def test_folder_in_the_cache_files_place_is_left_alone(db: Path) -> None:
    db.mkdir()
    (db / "keep.txt").write_text("mine")
    with HashCache(str(db), DHASH) as cache:
        assert "will not be remembered" in cache.warnings[0]
        cache.put_many([rec("/p/a.jpg")])
    assert (db / "keep.txt").read_text() == "mine"
    assert set_aside_files(db) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anyway")
def test_read_only_cache_file_is_set_aside(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
    db.chmod(0o444)
    with HashCache(str(db), DHASH) as cache:
        assert "not writable" in cache.warnings[0]
    assert_works(db)


def test_locked_by_another_program_waits_once_then_works_in_memory(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg", size=1)])
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a real write lock, held by a second connection
    try:
        with HashCache(str(db), DHASH) as cache:
            assert cache.get("/p/a.jpg", 1, MTIME) is not None
            statements: list[str] = []
            cache._conn.set_trace_callback(statements.append)
            for n in range(2, 12):  # ten saves: only the first one waits
                cache.put_many([rec(f"/p/{n}.jpg", size=n)])
            cache._conn.set_trace_callback(None)
            assert cache.get("/p/11.jpg", 11, MTIME) is not None
        # Each try waits the whole busy timeout, so the later saves must not try at all.
        assert statements.count("BEGIN IMMEDIATE") == 1
        [warning] = cache.warnings
        assert "could not save 10 of 10 fingerprints" in warning
        assert "in use by another program" in warning
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert set_aside_files(db) == []
    assert [row[2] for row in rows_in(db)] == [1]


def test_a_lock_let_go_before_the_end_loses_nothing(db: Path) -> None:
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg", size=1)])
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        cache = HashCache(str(db), DHASH)
        cache.put_many([rec("/p/b.jpg", size=2)])
        other.execute("ROLLBACK")
        cache.put_many([rec("/p/c.jpg", size=3)])
        cache.close()
    finally:
        other.close()
    assert cache.warnings == []
    assert [row[2] for row in rows_in(db)] == [1, 2, 3]


# -- lifecycle -----------------------------------------------------------------


def test_close_twice_and_use_after_close_do_not_raise(db: Path) -> None:
    cache = HashCache(str(db), DHASH)
    cache.put_many([rec("/p/a.jpg")])
    cache.close()
    cache.close()
    cache.put_many([])
    with HashCache(str(db), DHASH) as again:
        assert again.get("/p/a.jpg", 50_000, MTIME) is not None


def test_database_is_in_wal_mode_with_schema_version(db: Path) -> None:
    with HashCache(str(db), DHASH):
        pass
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


# -- property: anything stored comes back unchanged -----------------------------

paths = st.one_of(
    st.text(min_size=1, max_size=40),
    st.binary(min_size=1, max_size=40).map(os.fsdecode),
)
hashes = st.integers(min_value=0, max_value=(1 << 256) - 1)
optional_text = st.none() | st.text(max_size=30)
records = st.builds(
    ImageRecord,
    path=paths,
    size=st.integers(min_value=0, max_value=(1 << 63) - 1),
    mtime_ns=st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1),
    format=st.sampled_from(["JPEG", "PNG", "HEIF", "AVIF", "WEBP"]),
    width=st.integers(min_value=0, max_value=1 << 20),
    height=st.integers(min_value=0, max_value=1 << 20),
    hash=hashes,
    variants=st.lists(hashes, max_size=4).map(tuple),
    digest=st.text(min_size=1, max_size=40),
    taken=optional_text,
    camera=optional_text,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records, max_size=12, unique_by=lambda r: r.path))
def test_any_records_round_trip_through_the_file(batch: list[ImageRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "hashes.sqlite3")
        with HashCache(path, DHASH) as cache:
            cache.put_many(batch)
        with HashCache(path, DHASH) as cache:
            assert cache.warnings == []
            for r in batch:
                assert cache.get(r.path, r.size, r.mtime_ns) == r
                assert cache.has_size(r.size)


def test_a_version_1_cache_is_migrated_in_place_keeping_every_row(db: Path) -> None:
    # Version 1 had no gps column: its rows stay hits, with the location not known.
    conn = sqlite3.connect(db)
    for statement in cache_schema._SCHEMA[:1]:
        for column in ("gps INTEGER", "probes TEXT", "thumb BLOB", "windows TEXT"):
            statement = statement.replace(f"    {column},\n", "")
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    old = cache_schema.record_to_row(rec("/p/old.jpg"))[:10]
    conn.execute(
        f"INSERT INTO records VALUES ({', '.join('?' * (len(old) + 2))})",
        (os.fsencode("/p/old.jpg"), DHASH.key, *old),
    )
    conn.commit()
    conn.close()
    with HashCache(str(db), DHASH) as cache:
        assert cache.warnings == []
        assert cache.get("/p/old.jpg", 50_000, MTIME) == rec("/p/old.jpg", gps=None)
        cache.put_many([rec("/p/new.jpg", size=60_000, gps=True)])
    assert set_aside_files(db) == []
    with HashCache(str(db), DHASH) as cache:
        assert cache.get("/p/new.jpg", 60_000, MTIME).gps is True


def test_a_version_2_cache_keeps_its_rows_and_pdq_needs_its_new_columns(db: Path) -> None:
    # Version 2 had no probes, thumbnail or crop windows: dHash rows stay hits, and
    # a PDQ row without them is a miss (decoded again), never a record without a check.
    conn = sqlite3.connect(db)
    statement = cache_schema._SCHEMA[0]
    for column in ("probes TEXT", "thumb BLOB", "windows TEXT"):
        statement = statement.replace(f"    {column},\n", "")
    conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    old = cache_schema.record_to_row(rec("/p/old.jpg"))[:11]
    insert = f"INSERT INTO records VALUES ({', '.join('?' * (len(old) + 2))})"
    conn.execute(insert, (os.fsencode("/p/old.jpg"), DHASH.key, *old))
    conn.execute(insert, (os.fsencode("/p/old.jpg"), cache_schema.settings_key(PDQ), *old))
    conn.commit()
    conn.close()
    with HashCache(str(db), DHASH) as cache:
        assert cache.warnings == []
        assert cache.get("/p/old.jpg", 50_000, MTIME) == rec("/p/old.jpg")
    with HashCache(str(db), PDQ) as cache:
        assert cache.get("/p/old.jpg", 50_000, MTIME) is None
        full = rec("/p/old.jpg", probes=tuple(range(10)), thumb=bytes(CHECK_BYTES))
        cache.put_many([full])
    with HashCache(str(db), PDQ) as cache:
        assert cache.get("/p/old.jpg", 50_000, MTIME) == full
    assert set_aside_files(db) == []


def test_a_version_4_cache_is_rewritten_as_bytes_keeping_every_row(db: Path) -> None:
    # Schema 4 stored hashes and probes as hex text (leading zeros dropped); 5 stores
    # bytes. The upgrade rewrites every row in place, so each stays a hit with the
    # same values, and a row damaged past reading goes (it would be decoded again).
    pdq = rec(
        "/p/a.jpg",
        hash=(1 << 255) | 7,
        variants=(5, 1 << 200, 0, (1 << 256) - 1),
        probes=(0, 1, 1 << 63, *range(7)),
        thumb=bytes(k % 256 for k in range(CHECK_BYTES)),
    )
    small = rec("/p/b.jpg", hash=3, variants=())
    conn = sqlite3.connect(db)
    conn.execute(cache_schema._SCHEMA[0])
    conn.execute("PRAGMA user_version = 4")
    insert = f"INSERT INTO records VALUES ({', '.join('?' * len(cache_schema.COLUMNS))})"
    for kind, r in ((PDQ, pdq), (DHASH, small), (DHASH, rec("/p/bad.jpg"))):
        conn.execute(insert, (os.fsencode(r.path), kind.key, *cache_schema.record_to_row(r)))
    conn.execute("UPDATE records SET hash = 'not hex' WHERE path = ?", (b"/p/bad.jpg",))
    conn.commit()
    conn.close()
    with HashCache(str(db), DHASH) as cache:
        # The upgrade rewrites every row whatever the settings opening the cache. A
        # pdq row of schema 4 is of the method before its revision: rewritten all
        # the same, and removed when a pdq cache opens (see below).
        assert cache.warnings == []
    conn = sqlite3.connect(db)
    select = f"SELECT {cache_schema.VALUE_COLUMNS} FROM records WHERE settings = ?"
    got = cache_schema.row_to_record("/p/a.jpg", conn.execute(select, (PDQ.key,)).fetchone())
    conn.close()
    assert got == pdq and got.hash_width == 32
    with HashCache(str(db), DHASH) as cache:
        assert cache.get("/p/b.jpg", 50_000, MTIME) == small
        assert cache.get("/p/bad.jpg", 50_000, MTIME) is None
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    kinds = conn.execute("SELECT DISTINCT typeof(hash), typeof(variants) FROM records").fetchall()
    assert kinds == [("blob", "blob")]
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == 2
    with HashCache(str(db), PDQ) as cache:
        assert cache.get("/p/a.jpg", 50_000, MTIME) is None
    assert conn.execute("SELECT settings FROM records").fetchall() == [(DHASH.key,)]
    conn.close()
    assert set_aside_files(db) == []


@pytest.mark.parametrize(
    ("version", "old_bytes"),
    # Schema 3's pdq rows held a bare 8 x 8 thumbnail (192 bytes, no quality score);
    # schema 5's the thumbnail and quality only (THUMB_BYTES), no hashes of the
    # frame's halves.
    [(3, 192), (5, THUMB_BYTES)],
)
def test_an_older_cache_keeps_its_rows_and_its_pdq_rows_are_decoded_again(
    db: Path, version: int, old_bytes: int
) -> None:
    # Such a row is a miss, never read as the current layout, and a new row
    # replaces it; other settings' rows stay hits.
    old = rec("/p/a.jpg", probes=tuple(range(10)), thumb=bytes(old_bytes))
    with HashCache(str(db), PDQ) as cache:
        cache.put_many([old])
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    with HashCache(str(db), DHASH) as cache:
        assert cache.warnings == []
        assert cache.get("/p/a.jpg", 50_000, MTIME) == rec("/p/a.jpg")
    with HashCache(str(db), PDQ) as cache:
        assert cache.get("/p/a.jpg", 50_000, MTIME) is None
        new = replace(old, thumb=bytes(k % 256 for k in range(CHECK_BYTES)))
        cache.put_many([new])
    with HashCache(str(db), PDQ) as cache:
        assert cache.get("/p/a.jpg", 50_000, MTIME) == new
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    conn.close()
    assert set_aside_files(db) == []


def test_pdq_rows_of_the_method_before_its_revision_are_decoded_again(db: Path) -> None:
    # The probes were once taken from the decoded image as it was, not box-reduced:
    # rows of the same layout, under the bare key. They are misses, never read as
    # this method's, and removed when this revision opens the cache; dHash rows,
    # whose method did not change, stay hits.
    assert cache_schema.settings_key(PDQ) == "pdq-16/2"
    assert cache_schema.settings_key(DHASH) == DHASH.key == "dhash-8"
    old = rec("/p/a.jpg", probes=tuple(range(10)), thumb=bytes(CHECK_BYTES))
    with HashCache(str(db), DHASH) as cache:
        cache.put_many([rec("/p/a.jpg")])
    conn = sqlite3.connect(db)
    insert = f"INSERT INTO records VALUES ({', '.join('?' * len(cache_schema.COLUMNS))})"
    row = cache_schema.record_to_row(old, packed=True)
    conn.execute(insert, (os.fsencode(old.path), PDQ.key, *row))
    conn.execute(insert, (os.fsencode("/p/b.jpg"), PDQ.key, *row))
    conn.commit()
    conn.close()
    with HashCache(str(db), DHASH) as cache:  # another method's cache leaves them
        assert cache.get("/p/a.jpg", 50_000, MTIME) == rec("/p/a.jpg")
    keys = sqlite3.connect(db).execute("SELECT settings FROM records ORDER BY 1").fetchall()
    assert keys == [("dhash-8",), ("pdq-16",), ("pdq-16",)]
    with HashCache(str(db), PDQ) as cache:
        assert cache.warnings == []
        assert cache.get("/p/a.jpg", 50_000, MTIME) is None
        new = replace(old, hash=12345)
        cache.put_many([new])
    with HashCache(str(db), PDQ) as cache:
        assert cache.get("/p/a.jpg", 50_000, MTIME) == new
    with HashCache(str(db), DHASH) as cache:
        assert cache.get("/p/a.jpg", 50_000, MTIME) == rec("/p/a.jpg")
    keys = sqlite3.connect(db).execute("SELECT settings FROM records ORDER BY 1").fetchall()
    assert keys == [("dhash-8",), ("pdq-16/2",)]
    assert set_aside_files(db) == []


def test_rows_of_an_older_revision_stay_while_another_program_holds_the_cache(db: Path) -> None:
    # Removing them needs the write lock; a cache in use opens all the same, and
    # they go at the next open.
    with HashCache(str(db), PDQ) as cache:
        cache.put_many([rec("/p/new.jpg", probes=tuple(range(10)), thumb=bytes(CHECK_BYTES))])
    conn = sqlite3.connect(db, isolation_level=None)
    insert = f"INSERT INTO records VALUES ({', '.join('?' * len(cache_schema.COLUMNS))})"
    row = cache_schema.record_to_row(rec("/p/a.jpg"), packed=True)
    conn.execute(insert, (os.fsencode("/p/a.jpg"), PDQ.key, *row))
    conn.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        cache = HashCache(str(db), PDQ)
        assert cache.get("/p/new.jpg", 50_000, MTIME) is not None
        cache.close()
        assert cache.warnings == []
    finally:
        conn.execute("ROLLBACK")
    assert conn.execute("SELECT COUNT(*) FROM records WHERE settings = 'pdq-16'").fetchone() == (1,)
    with HashCache(str(db), PDQ) as cache:
        assert cache.warnings == []
    assert conn.execute("SELECT COUNT(*) FROM records WHERE settings = 'pdq-16'").fetchone() == (0,)
    conn.close()


def test_proposals_are_kept_per_kind_and_only_the_newest_few(db: Path) -> None:
    with HashCache(str(db), PDQ) as cache:
        assert cache.load_proposals("checked/1", b"k0") is None  # nothing kept yet
        for k in range(KEPT_PROPOSALS + 1):
            cache.save_proposals("checked/1", f"k{k}".encode(), f"data{k}".encode())
        cache.save_proposals("checked/5", b"k0", b"turned")
    with HashCache(str(db), PDQ) as cache:
        assert cache.load_proposals("checked/1", b"k0") is None  # the oldest went
        newest = range(1, KEPT_PROPOSALS + 1)
        kept = [cache.load_proposals("checked/1", f"k{k}".encode()) for k in newest]
        assert kept == [f"data{k}".encode() for k in newest]
        assert cache.load_proposals("checked/5", b"k0") == b"turned"
        assert cache.load_proposals("checked/1", b"other") is None
        assert cache.latest_proposals("checked/1") == kept[-1]  # the last one read
        cache.load_proposals("checked/1", b"k1")
        assert cache.latest_proposals("checked/1") == b"data1"
        assert cache.latest_proposals("checked/9") is None
    with HashCache(str(db), DHASH) as cache:  # another fingerprint's are its own
        assert cache.load_proposals("checked/5", b"k0") is None
    assert_works(db)


def test_proposals_without_a_file_are_not_kept(tmp_path: Path) -> None:
    with HashCache(str(tmp_path), PDQ) as cache:  # a folder: the cache lives in memory
        cache.save_proposals("checked/1", b"k", b"data")
        assert cache.load_proposals("checked/1", b"k") is None
        assert cache.latest_proposals("checked/1") is None
