"""What the window showed survives a killed process; the core runs without Qt."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from factcheck_gui.services.workspace import open_workspace


def test_a_tag_survives_the_process_being_killed(data_dir: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from factcheck_gui.domain.model import Kind, NewAnnotation
        from factcheck_gui.services.workspace import open_workspace
        ws = open_workspace(Path({str(data_dir)!r}))
        text = ws.library.article(1).text
        start = text.index("Tempo.co")
        a, _ = ws.annotations.create(NewAnnotation(1, start, start + 8, Kind.ATTRIBUTION, "r"))
        ws.annotations.update(a.id, {{"note": "written just before the crash"}})
        print(a.id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint, no atexit
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == -9, result.stderr
    annotation_id = result.stdout.strip()
    workspace = open_workspace(data_dir)
    try:
        assert workspace.annotations.get_annotation(annotation_id).note == (
            "written just before the crash"
        )
    finally:
        workspace.close()


def test_the_cli_and_the_core_run_without_qt(data_dir: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        for name in ("PySide6", "shiboken6"):
            sys.modules[name] = None  # any import of Qt now fails
        from factcheck_gui.cli import main
        raise SystemExit(main(["list", "--json"]))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 5
