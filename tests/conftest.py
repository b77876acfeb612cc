"""Every test gets a fresh data, log and config folder; Qt never needs a display."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from factcheck_gui.logs import LOG_DIR_ENV  # noqa: E402
from factcheck_gui.services.places import CONFIG_DIR_ENV  # noqa: E402
from factcheck_gui.services.workspace import (  # noqa: E402
    DATA_DIR_ENV,
    Workspace,
    open_workspace,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture(autouse=True)
def log_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Beside, not inside, the test's tmp_path (tests list what they wrote there)."""
    folder = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv(LOG_DIR_ENV, str(folder))
    return folder


@pytest.fixture(autouse=True)
def config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    """A database on disk with the sample batch (without our annotations of it)."""
    ws = open_workspace(data_dir, sample_annotations=False)
    yield ws
    ws.close()


@pytest.fixture
def empty_workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(data_dir, samples=False)
    yield ws
    ws.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--soak-kills",
        type=int,
        default=3,
        help="how many times the soak test kills a writing process (tests/storage/test_soak.py)",
    )
