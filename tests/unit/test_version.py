"""The version is written once, in the package; the installed metadata reads it from there."""

from importlib.metadata import version

from factcheck_gui import __version__
from factcheck_gui.cli import main


def test_the_installed_metadata_carries_the_packages_version() -> None:
    assert version("factcheck-gui") == __version__


def test_factcheck_version_says_it(capsys) -> None:  # noqa: ANN001
    try:
        main(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out.strip() == f"factcheck {__version__}"
