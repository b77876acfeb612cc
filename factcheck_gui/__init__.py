"""factcheck-gui: fact-check several news articles side by side."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factcheck-gui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

APP_NAME = "factcheck-gui"
