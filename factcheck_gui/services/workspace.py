"""The one object the GUI and the CLI hold: the services over one open database."""

from __future__ import annotations

from pathlib import Path

from factcheck_gui.services.annotations import AnnotationService
from factcheck_gui.services.backups import BackupService
from factcheck_gui.services.library import LibraryService
from factcheck_gui.services.measures import MeasureService
from factcheck_gui.services.places import DATA_DIR_ENV, default_data_dir
from factcheck_gui.services.preferences import Preferences
from factcheck_gui.services.samples import load_sample_annotations, load_samples
from factcheck_gui.services.search import SearchService
from factcheck_gui.services.suggestions import SuggestionService
from factcheck_gui.storage.database import (
    Database,
    NeedsChange,
    open_database,
    open_memory_database,
)

__all__ = [
    "DATA_DIR_ENV",
    "NeedsChange",
    "Workspace",
    "default_data_dir",
    "open_memory_workspace",
    "open_workspace",
]


class Workspace:
    def __init__(self, db: Database, data_dir: Path | None) -> None:
        self.db = db
        self.data_dir = data_dir
        self.library = LibraryService(db)
        self.annotations = AnnotationService(db)
        self.preferences = Preferences(db)
        self.measures = MeasureService(db)
        self.suggestions = SuggestionService(db)
        self.backups = BackupService(db)
        self.search = SearchService(db)
        self.samples_loaded = False

    def close(self) -> None:
        self.db.close()


def open_workspace(
    data_dir: Path | None = None,
    *,
    samples: bool = True,
    sample_annotations: bool = True,
    may_change: bool = True,
) -> Workspace:
    """Open the database in ``data_dir``; a new, empty one gets the sample batch and, unless
    told otherwise, our annotations of it (so the comparison has something to show).

    ``may_change=False`` (a reader beside the process that owns the folder) never creates,
    upgrades, recovers or fills the database: ``NeedsChange`` says what it would have to do.
    """
    folder = data_dir if data_dir is not None else default_data_dir()
    workspace = Workspace(open_database(folder, may_change=may_change), folder)
    if may_change:
        _load_samples_if_new(workspace, samples, sample_annotations)
    return workspace


def open_memory_workspace(*, samples: bool = False, sample_annotations: bool = False) -> Workspace:
    workspace = Workspace(open_memory_database(), None)
    _load_samples_if_new(workspace, samples, sample_annotations)
    return workspace


def _load_samples_if_new(workspace: Workspace, samples: bool, annotations: bool) -> None:
    if samples and workspace.library.is_empty():
        load_samples(workspace.library)
        if annotations:
            load_sample_annotations(workspace.db)
        workspace.samples_loaded = True
