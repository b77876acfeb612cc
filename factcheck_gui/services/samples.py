"""The bundled sample batch: five articles on one story whose figures disagree."""

from __future__ import annotations

from pathlib import Path

from factcheck_gui.bundled import bundled_folder
from factcheck_gui.importers.plaintext import read_plain_text
from factcheck_gui.services.library import BatchAdded, LibraryService
from factcheck_gui.services.merging import MergeReport, merge_file
from factcheck_gui.storage.database import Database

SAMPLE_BATCH_NAME = "Sample: Russia recruiting foreign fighters (Sept 2023)"
SAMPLE_ANNOTATIONS = "annotations.json"


def sample_files() -> list[Path]:
    return sorted(bundled_folder("seeds").glob("*.txt"))


def load_samples(library: LibraryService) -> BatchAdded:
    drafts = [
        read_plain_text(path.read_text(encoding="utf-8"), source_name=path.name)
        for path in sample_files()
    ]
    return library.add_batch(SAMPLE_BATCH_NAME, drafts)


def load_sample_annotations(db: Database) -> MergeReport | None:
    """Our annotations of the sample batch (``seeds/annotations.json``), merged in."""
    path = bundled_folder("seeds") / SAMPLE_ANNOTATIONS
    return merge_file(db, path, backup=False) if path.is_file() else None
