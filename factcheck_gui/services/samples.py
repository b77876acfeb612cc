"""The bundled sample batch: five articles on one story whose figures disagree."""

from __future__ import annotations

from pathlib import Path

from factcheck_gui.bundled import bundled_folder
from factcheck_gui.importers.plaintext import read_plain_text
from factcheck_gui.services.library import BatchAdded, LibraryService

SAMPLE_BATCH_NAME = "Sample: Russia recruiting foreign fighters (Sept 2023)"


def sample_files() -> list[Path]:
    return sorted(bundled_folder("seeds").glob("*.txt"))


def load_samples(library: LibraryService) -> BatchAdded:
    drafts = [
        read_plain_text(path.read_text(encoding="utf-8"), source_name=path.name)
        for path in sample_files()
    ]
    return library.add_batch(SAMPLE_BATCH_NAME, drafts)
