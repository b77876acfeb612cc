"""The user's folders (data, config, log): an environment variable, else the platform's."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from factcheck_gui import APP_NAME


def user_folder(env: str, kind: Callable[..., Path]) -> Path:
    """``$env`` when set (tests and portable installs), else platformdirs' ``kind`` folder
    (``platformdirs.user_data_path`` and its kin) for this app."""
    configured = os.environ.get(env)
    if configured:
        return Path(configured).expanduser()
    return kind(APP_NAME, appauthor=False)
