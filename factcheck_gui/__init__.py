"""factcheck-gui: fact-check several news articles side by side."""

# The one place the version is written: the package's metadata takes it from here (hatch's
# [tool.hatch.version] in pyproject.toml). Reading it back through importlib.metadata cost
# every start 65 ms before the window could paint.
__version__ = "0.1.0"

APP_NAME = "factcheck-gui"
