"""Where the user's own things live, apart from a data folder: the config folder (the
window's layout), and the key that tells one data folder from another."""

from __future__ import annotations

import hashlib
from pathlib import Path

from platformdirs import user_config_path

from factcheck_gui.folders import user_folder

CONFIG_DIR_ENV = "FACTCHECK_CONFIG_DIR"


def default_config_dir() -> Path:
    """``FACTCHECK_CONFIG_DIR`` when set, else the platform's user config folder."""
    return user_folder(CONFIG_DIR_ENV, user_config_path)


def folder_key(folder: Path) -> str:
    """A short name for a data folder, the same for every spelling of its path (relative,
    through a symlink, with ``..``): 16 hex digits of the SHA-256 of its resolved path."""
    resolved = str(folder.expanduser().resolve())
    return hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
