"""Files, folders and zips, and the limits that keep a bad archive from doing harm."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from factcheck_gui.importers import sources
from factcheck_gui.importers.sources import collect


def names(found: sources.Sources) -> list[str]:
    return [
        Path(s.name).name if ":" not in s.name else s.name.split(":", 1)[1] for s in found.files
    ]


def reasons(found: sources.Sources) -> dict[str, str]:
    return {f.name: f.reason for f in found.failures}


def test_folders_are_read_recursively_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("two")
    (tmp_path / "one.md").write_text("one")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".DS_Store").write_text("x")
    with collect([tmp_path]) as found:
        assert names(found) == ["two.txt", "one.md"]
        assert [s.read() for s in found.files] == [b"two", b"one"]


def test_a_missing_path_is_a_failure(tmp_path: Path) -> None:
    with collect([tmp_path / "nope.txt"]) as found:
        assert reasons(found) == {str(tmp_path / "nope.txt"): "no such file or folder"}


def test_zip_entries_are_read_in_memory_and_unsafe_names_refused(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a/one.txt", "one")
        z.writestr("../escape.txt", "evil")
        z.writestr("/etc/absolute.txt", "evil")
        z.writestr("inner.zip", "PK")
        z.writestr("__MACOSX/._one.txt", "junk")
    with collect([archive]) as found:
        assert names(found) == ["a/one.txt"]
        assert found.files[0].read() == b"one"
        failed = reasons(found)
        assert "unsafe path" in failed[f"{archive}:../escape.txt"]
        assert "unsafe path" in failed[f"{archive}:/etc/absolute.txt"]
        assert "archives inside archives" in failed[f"{archive}:inner.zip"]
    assert not (tmp_path.parent / "escape.txt").exists()


def test_a_zip_bomb_is_refused_whole(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("ok.txt", "fine")
        z.writestr("zeros.txt", b"\0" * (8 * 1024 * 1024))
    with collect([bomb]) as found:
        assert found.files == []
        assert "zip bomb" in reasons(found)[str(bomb)]


def test_an_archive_past_the_expanded_limit_is_refused(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(sources, "MAX_ARCHIVE_BYTES", 1000)
    archive = tmp_path / "big.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "x" * 600)
        z.writestr("b.txt", "y" * 600)
    with collect([archive]) as found:
        assert found.files == []
        assert "past the limit" in reasons(found)[str(archive)]


def test_a_file_past_the_size_limit_is_refused(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_text("x" * 11)
    with collect([big]) as found:
        assert found.files == [] and "past the limit of" in reasons(found)[str(big)]


def test_a_broken_zip_is_a_failure(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    with collect([broken]) as found:
        assert "not a readable zip archive" in reasons(found)[str(broken)]


def test_a_header_that_lies_about_the_size_is_caught(tmp_path: Path) -> None:
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "x" * 100)
    with collect([archive]) as found:
        source = found.files[0]
        info = found._archives[0].getinfo("a.txt")
        info.file_size = 10  # as a forged header would say
        with pytest.raises(Exception, match="larger than its archive says|Bad|CRC"):
            source.read()
