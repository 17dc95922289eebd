"""Settings round-trip through a real ini file, and a damaged file gives the defaults."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from photodedup.core.models import DEFAULT_MIN_SIZE
from photodedup.gui.platform.settings import Folder, Settings


def test_every_setting_round_trips_through_the_file(qapp, tmp_path):
    path = str(tmp_path / "s.ini")
    s = Settings(path)
    s.folders = [Folder("/photos/a"), Folder("/photos/b", reference=True)]
    s.hash_algorithm, s.hash_size, s.preset = "phash", 16, "strict"
    s.rotations, s.min_size, s.excludes = True, 1234, ["*.tmp", "@eaDir"]
    s.selection_rule, s.sort_key, s.language = "oldest", "files", "zh_CN"
    s.geometry, s.window_state = QByteArray(b"\x01\x02"), QByteArray(b"\x03")
    s.sync()
    again = Settings(path)
    assert again.folders == [Folder("/photos/a"), Folder("/photos/b", reference=True)]
    assert (again.hash_algorithm, again.hash_size, again.preset) == ("phash", 16, "strict")
    assert (again.rotations, again.min_size, again.excludes) == (True, 1234, ["*.tmp", "@eaDir"])
    assert (again.selection_rule, again.sort_key, again.language) == ("oldest", "files", "zh_CN")
    assert bytes(again.geometry) == b"\x01\x02" and bytes(again.window_state) == b"\x03"


def test_a_new_file_gives_the_defaults(qapp, tmp_path):
    s = Settings(str(tmp_path / "new.ini"))
    assert s.folders == [] and s.excludes == []
    assert (s.hash_algorithm, s.hash_size, s.rotations) == ("pdq", 8, False)
    assert s.min_size == DEFAULT_MIN_SIZE
    assert s.language is None and s.geometry is None and s.window_state is None


def test_damaged_values_give_the_defaults(qapp, tmp_path):
    path = tmp_path / "bad.ini"
    path.write_text(
        "[scan]\nfolders=not json\nfingerprint=md5\nhash_size=7\nmin_size=lots\n"
        "rotations=maybe\n[ui]\nlanguage=\ngeometry=text\n",
        encoding="utf-8",
    )
    s = Settings(str(path))
    assert s.folders == []
    assert s.hash_algorithm == "pdq" and s.hash_size == 8
    assert s.min_size == DEFAULT_MIN_SIZE
    assert s.rotations is False
    assert s.language is None and s.geometry is None


def test_a_default_list_is_never_shared(qapp, tmp_path):
    s = Settings(str(tmp_path / "s.ini"))
    s.folders.append(Folder("/x"))
    assert s.folders == []
