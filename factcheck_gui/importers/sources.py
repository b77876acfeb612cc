"""Where imported files come from: files, folders (recursively) and zip archives.

Limits, so that one bad file cannot exhaust memory or disk:

* a file (or an archive entry) larger than ``MAX_FILE_BYTES`` (50 MiB) is refused;
* an archive whose entries add up to more than ``MAX_ARCHIVE_BYTES`` (1 GiB) when expanded,
  holds more than ``MAX_ARCHIVE_ENTRIES`` (50,000) entries, or has an entry compressed more
  than ``MAX_COMPRESSION_RATIO`` (200:1) is refused whole (a zip bomb);
* an entry with an absolute path or a ``..`` component is refused; entries are read from the
  archive in memory, never written to disk, so no path can reach outside it;
* archives inside archives are not opened.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from factcheck_gui.importers.errors import ImportProblem

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 50_000
MAX_COMPRESSION_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # small entries may compress well without being bombs
_SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
# Files with these endings are read as what they say; others are checked for a zip header.
_TEXT_ENDINGS = {
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".jsonl",
    ".ndjson",
    ".csv",
    ".tsv",
}


@dataclass(frozen=True)
class Source:
    """One file to read: ``name`` is what reports show (``archive.zip:folder/a.txt``)."""

    name: str
    read: Callable[[], bytes]


@dataclass(frozen=True)
class Failure:
    name: str
    reason: str


@dataclass
class Sources:
    """Everything found under the given paths; close() releases the open archives."""

    files: list[Source] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    _archives: list[zipfile.ZipFile] = field(default_factory=list)

    def close(self) -> None:
        for archive in self._archives:
            archive.close()
        self._archives.clear()

    def __enter__(self) -> Sources:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def collect(paths: Iterable[Path]) -> Sources:
    found = Sources()
    for path in paths:
        if not path.exists():
            found.failures.append(Failure(str(path), "no such file or folder"))
        elif path.is_dir():
            for child in _walk(str(path)):
                _add_file(found, child)
        else:
            _add_file(found, str(path))
    return found


def _walk(folder: str) -> Iterator[str]:
    """Files below ``folder`` in name order, skipping hidden ones and symbolic links.

    ``os.scandir`` answers "file or folder, link or not" from the directory listing itself,
    so a folder of thousands of files costs no extra system call per file.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in _SKIPPED_NAMES or entry.name == "__MACOSX":
            continue
        if entry.is_symlink():
            continue
        if entry.is_dir():
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path


def _add_file(found: Sources, path: str) -> None:
    """One file (plain strings, not Paths: a folder may hold tens of thousands)."""
    label = path
    try:
        info = os.stat(path)
    except OSError as error:
        found.failures.append(Failure(label, f"cannot be read ({error.strerror})"))
        return
    if not stat.S_ISREG(info.st_mode):
        found.failures.append(Failure(label, "not a regular file"))
        return
    if info.st_size > MAX_FILE_BYTES:
        found.failures.append(Failure(label, _too_large(info.st_size)))
        return
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".zip" or (suffix not in _TEXT_ENDINGS and _is_zip(path)):
        _add_archive(found, Path(path), label)
        return
    found.files.append(Source(label, lambda: _read_file(path)))


def _read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise ImportProblem(f"cannot be read ({error.strerror})") from None


def _is_zip(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _add_archive(found: Sources, path: Path, label: str) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        found.failures.append(Failure(label, f"not a readable zip archive ({error})"))
        return
    entries = [info for info in archive.infolist() if not info.is_dir()]
    total = sum(info.file_size for info in entries)
    problem = None
    if len(entries) > MAX_ARCHIVE_ENTRIES:
        problem = f"the archive holds {len(entries):,} files, more than {MAX_ARCHIVE_ENTRIES:,}"
    elif total > MAX_ARCHIVE_BYTES:
        problem = (
            f"the archive expands to {total / 2**20:,.0f} MiB, past the limit of "
            f"{MAX_ARCHIVE_BYTES // 2**20:,} MiB (a zip bomb?); split it into smaller archives"
        )
    elif any(_bomb(info) for info in entries):
        problem = (
            f"an entry is compressed more than {MAX_COMPRESSION_RATIO}:1 (a zip bomb?); "
            "nothing from this archive was imported"
        )
    if problem:
        archive.close()
        found.failures.append(Failure(label, problem))
        return
    found._archives.append(archive)
    for info in sorted(entries, key=lambda i: i.filename):
        name = f"{label}:{info.filename}"
        if not _safe_entry_name(info.filename):
            found.failures.append(
                Failure(name, "unsafe path in the archive (absolute or with ..); not read")
            )
            continue
        parts = PurePosixPath(info.filename).parts
        if any(p.startswith(".") or p == "__MACOSX" for p in parts) or parts[-1] in _SKIPPED_NAMES:
            continue
        if info.file_size > MAX_FILE_BYTES:
            found.failures.append(Failure(name, _too_large(info.file_size)))
            continue
        if info.filename.lower().endswith(".zip"):
            found.failures.append(Failure(name, "archives inside archives are not opened"))
            continue
        found.files.append(Source(name, _entry_reader(archive, info)))


def _entry_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            with archive.open(info) as handle:
                data = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as error:
            raise ImportProblem(f"cannot be read from the archive ({error})") from None
        if len(data) > info.file_size:  # the header lied about the size
            raise ImportProblem("the entry is larger than its archive says (a zip bomb?)")
        return data

    return read


def _bomb(info: zipfile.ZipInfo) -> bool:
    return info.file_size > _RATIO_FLOOR and info.file_size > MAX_COMPRESSION_RATIO * max(
        info.compress_size, 1
    )


def _safe_entry_name(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return False
    parts = name.replace("\\", "/").split("/")
    return ".." not in parts


def _too_large(size: int) -> str:
    return (
        f"the file is {size / 2**20:,.1f} MiB, past the limit of {MAX_FILE_BYTES // 2**20} MiB; "
        "split it into smaller files"
    )
