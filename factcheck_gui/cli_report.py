"""``factcheck report FILE.html|FILE.pdf [--batch NAME] [--status STATUS]``: the conflict
report, each measure (conflicts first) with its figures and its number line.

The pictures and the PDF are drawn by Qt, which is loaded here only, on the offscreen
platform when there is no display (a report needs no screen).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.intervals import STATUSES
from factcheck_gui.domain.wording import count

if TYPE_CHECKING:
    from factcheck_gui.services.workspace import Workspace

FORMATS = (".html", ".htm", ".pdf")


def add_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report",
        parents=[common],
        help="write the conflict report as self-contained HTML or PDF",
        description="For each measure (conflicts first): its figures with article, outlet, "
        "date, quote in context, value, interval, source, verdict and note, and its number "
        "line. The format is FILE's ending: .html or .pdf.",
    )
    report.add_argument("file", type=Path, metavar="FILE", help="FILE.html or FILE.pdf")
    report.add_argument("--batch", metavar="NAME", help="only the figures in this batch")
    report.add_argument("--status", choices=STATUSES, help="only measures with this status")


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    path: Path = args.file
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"{path} does not end in .html or .pdf; name the report FILE.html or .pdf")
    if not path.parent.is_dir():
        raise UserError(f"there is no folder {path.parent}")
    from factcheck_gui.services.report import build_report

    report = build_report(workspace.db, batch=args.batch, status=args.status)
    _qt_application()
    from factcheck_gui.ui.exchange.report_render import write_html, write_pdf

    if suffix == ".pdf":
        pages = write_pdf(report, path)
        what = count(pages, "page")
    else:
        write_html(report, path)
        what = "self-contained HTML"
    counts = report.counts
    print(
        f"wrote {path} ({what}): {count(len(report.measures), 'measure')}, "
        f"{counts['conflict']} in conflict"
    )
    return 0


def _qt_application() -> object:
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as error:
        raise UserError(f"Qt cannot start ({error}); the report needs Qt to draw") from None
    return QApplication.instance() or QApplication([sys.argv[0]])
