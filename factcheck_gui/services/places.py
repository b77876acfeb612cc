"""Where the user's own things live: the data folder (the database), the config folder (the
window's layout), and the key that tells one data folder from another. Light to import: the
window finds its folders before the database layer is loaded."""

from __future__ import annotations

import hashlib
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from factcheck_gui.folders import user_folder

CONFIG_DIR_ENV = "FACTCHECK_CONFIG_DIR"
DATA_DIR_ENV = "FACTCHECK_DATA_DIR"


def default_data_dir() -> Path:
    """``FACTCHECK_DATA_DIR`` when set, else the platform's user data folder."""
    return user_folder(DATA_DIR_ENV, user_data_path)


def default_config_dir() -> Path:
    """``FACTCHECK_CONFIG_DIR`` when set, else the platform's user config folder."""
    return user_folder(CONFIG_DIR_ENV, user_config_path)


def folder_key(folder: Path) -> str:
    """A short name for a data folder, the same for every spelling of its path (relative,
    through a symlink, with ``..``): 16 hex digits of the SHA-256 of its resolved path."""
    resolved = str(folder.expanduser().resolve())
    return hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
