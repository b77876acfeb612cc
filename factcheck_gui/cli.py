"""The ``factcheck`` command: thin over the services.

A user's mistake ends with one line on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck_gui import __version__, cli_figures, cli_json
from factcheck_gui.domain.errors import NotFound, UserError
from factcheck_gui.logs import LEVELS, log_start, one_line, setup_logging, where_details_are
from factcheck_gui.services.ownership import FolderOwner
from factcheck_gui.services.places import DATA_DIR_ENV, default_data_dir

if TYPE_CHECKING:  # the database layer is imported by the commands that open one: the
    # window paints before it has loaded (ui/window/launch.py)
    from factcheck_gui.services.workspace import Workspace

# Commands that write own the data folder while they run (a subcommand's own subcommand is
# ``args.backup_action``); they are refused while the window has the folder open. The others only
# read and work beside the window. Each says how to do the same from the window.
WRITE_COMMANDS = {
    "import": "import from the window (File → Import…)",
    "backup create": "let the window make its backups (it does, before anything risky)",
    "backup restore": "restore from the window (File → Restore from backup…)",
    "backup keep": "close the window first, then set it",
}

log = logging.getLogger("factcheck_gui.cli")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"folder of the database (default: ${DATA_DIR_ENV} or the user data folder)",
    )
    common.add_argument(
        "--no-samples",
        action="store_true",
        default=argparse.SUPPRESS,
        help="do not load the sample batch into a new, empty database",
    )
    common.add_argument(
        "--log-level",
        choices=list(LEVELS),
        default=argparse.SUPPRESS,
        help="how much goes to the log file (default: info)",
    )
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Fact-check news articles side by side. Without a command, opens the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", parents=[common], help="open the window (the default)")
    gui.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="render the window at 1400x900 with two sample articles open, save it, and exit",
    )
    listing = commands.add_parser("list", parents=[common], help="list the stored articles")
    listing.add_argument("--json", action="store_true", help="print a JSON list")

    searching = commands.add_parser(
        "search",
        parents=[common],
        help="find words in every article's title, text, quotes and notes",
        description="One line per hit: article id, title, the words in context. Words are "
        'all required; "quoted words" are a phrase; the last word may continue (recru: '
        "recruits). Nothing typed is search syntax.",
    )
    searching.add_argument("query", nargs="+", metavar="QUERY")
    searching.add_argument("--json", action="store_true", help="print a JSON list")
    searching.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N hits (default 20)"
    )

    importing = commands.add_parser(
        "import",
        parents=[common],
        help="import article files, folders and zips, or merge annotation sets",
        description="Import articles (.txt .md .html .json .jsonl .csv, zips and folders of "
        "them) as one batch, and merge annotation sets: factcheck's own (.json), W3C Web "
        "Annotation (.json, .jsonld; from Hypothesis, Recogito, INCEpTION …) and factcheck "
        "CSV tables (.csv), told apart by their content. Exits 1 if any file failed.",
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--batch", metavar="NAME", help="name of the new batch")
    importing.add_argument(
        "--carry-over",
        action="store_true",
        help="copy the annotations of replaced versions onto their new versions",
    )

    cli_figures.add_parser(commands, common)

    figures = commands.add_parser(
        "figures", parents=[common], help="the figures to suggest in an article"
    )
    figures.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    figures.add_argument("--json", action="store_true", help="print a JSON list")

    rates = commands.add_parser(
        "rates",
        parents=[common],
        help="exchange rates implied by amounts in two currencies, the odd ones flagged",
    )
    rates.add_argument("--json", action="store_true", help="print a JSON list")
    rates.add_argument("--flagged", action="store_true", help="only the flagged rates")

    conflicts = commands.add_parser(
        "conflicts", parents=[common], help="measures whose figures cannot all be true"
    )
    conflicts.add_argument("--json", action="store_true", help="print a JSON list")
    conflicts.add_argument(
        "--all", action="store_true", help="every measure with two or more figures"
    )

    exporting = commands.add_parser(
        "export", parents=[common], help="export annotations (json, csv, w3c, claimreview)"
    )
    exporting.add_argument("file", type=Path, metavar="FILE")
    exporting.add_argument(
        "--format",
        dest="format_name",
        metavar="FORMAT",
        help="json (native), csv, w3c or claimreview; default: from FILE's ending",
    )
    exporting.add_argument(
        "--batch", action="append", default=[], metavar="NAME", help="only this batch (repeatable)"
    )
    exporting.add_argument(
        "--article",
        action="append",
        default=[],
        type=int,
        metavar="ID",
        help="only this article (repeatable)",
    )
    exporting.add_argument(
        "--no-text", action="store_true", help="leave the articles' text out of a native export"
    )
    from factcheck_gui import cli_backup, cli_report

    cli_backup.add_parser(commands, common)
    cli_report.add_parser(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    setup_logging(getattr(args, "log_level", "info"))
    log_start(_command_name(args), getattr(args, "data_dir", None) or default_data_dir())
    try:
        if command == "gui":
            return _gui(args)
        if command == "parse-figure":
            return cli_figures.run(args)
        if command == "backup":
            from factcheck_gui import cli_backup

            with _owning(args):
                return cli_backup.run(args)
        with _owning(args), _workspace(args) as workspace:
            if command == "import":
                from factcheck_gui.cli_exchange import run_import

                return run_import(workspace, args.paths, batch=args.batch, carry=args.carry_over)
            if command == "figures":
                return _figures(workspace, args.article_id, as_json=args.json)
            if command == "search":
                return _search(workspace, " ".join(args.query), as_json=args.json, limit=args.limit)
            if command == "rates":
                return _rates(workspace, as_json=args.json, flagged=args.flagged)
            if command == "report":
                from factcheck_gui import cli_report

                return cli_report.run(workspace, args)
            if command == "conflicts":
                return _conflicts(workspace, as_json=args.json, every=args.all)
            if command == "export":
                from factcheck_gui.cli_exchange import run_export

                return run_export(
                    workspace,
                    args.file,
                    format_name=args.format_name,
                    batches=args.batch,
                    article_ids=args.article,
                    include_text=not args.no_text,
                )
            return _list(workspace, as_json=args.json)
    except UserError as error:
        log.warning("%s", error)
        print(f"factcheck: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `factcheck list | head`: the reader has all it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 0
    except Exception as error:  # a bug: one line here, the traceback in the log
        log.exception("unexpected error in `factcheck %s`", _command_name(args))
        print(
            f"factcheck: something went wrong ({one_line(error)}); {where_details_are()}; "
            "please report it",
            file=sys.stderr,
        )
        return 2


def gui_main() -> int:
    """The ``factcheck-gui`` entry point: ``factcheck gui`` with the same options."""
    return main(["gui", *sys.argv[1:]])


def _command_name(args: argparse.Namespace) -> str:
    action = getattr(args, "backup_action", None)
    return " ".join(str(x) for x in (args.command or "gui", action) if x)


def _owning(args: argparse.Namespace) -> contextlib.AbstractContextManager[object]:
    """Own the data folder while a command that writes runs; nothing for one that reads."""
    name = _command_name(args)
    if name not in WRITE_COMMANDS:
        return contextlib.nullcontext()
    from factcheck_gui.services.ownership import own_for_command

    folder = getattr(args, "data_dir", None) or default_data_dir()
    return own_for_command(folder, name, in_the_window=WRITE_COMMANDS[name])


class _workspace:
    """Open the workspace the options name, and close it however the command ends."""

    def __init__(self, args: argparse.Namespace) -> None:
        self._args = args
        self._workspace: Workspace | None = None
        self._owner: FolderOwner | None = None

    def __enter__(self) -> Workspace:
        from factcheck_gui.services.workspace import NeedsChange, open_workspace

        data_dir = getattr(self._args, "data_dir", None)
        samples = not getattr(self._args, "no_samples", False)
        name = _command_name(self._args)
        if name in WRITE_COMMANDS:  # the folder is ours already (see _owning)
            self._workspace = open_workspace(data_dir, samples=samples)
            return self._workspace
        try:  # a reader: beside the window, it must change nothing
            self._workspace = open_workspace(data_dir, samples=samples, may_change=False)
        except NeedsChange as why:
            from factcheck_gui.services.ownership import own_for_command

            # Creating, upgrading or recovering the database writes: own the folder for it.
            self._owner = own_for_command(
                data_dir or default_data_dir(),
                name,
                in_the_window=f"start the window, which sees to it ({why})",
            )
            try:
                self._workspace = open_workspace(data_dir, samples=samples)
            except BaseException:
                self._owner.release()
                raise
        return self._workspace

    def __exit__(self, *exc: object) -> None:
        if self._workspace is not None:
            self._workspace.close()
        if self._owner is not None:
            self._owner.release()


def _gui(args: argparse.Namespace) -> int:
    from factcheck_gui.ui.window.launch import launch  # Qt is loaded only for the window

    return launch(
        data_dir=getattr(args, "data_dir", None),
        samples=not getattr(args, "no_samples", False),
        screenshot=getattr(args, "screenshot", None),
    )


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return number


def _search(workspace: Workspace, query: str, *, as_json: bool, limit: int) -> int:
    results = workspace.search.search(query, limit=limit, count=False)
    if as_json:
        print(json.dumps([h.as_dict() for h in results.hits], ensure_ascii=False, indent=2))
    else:
        for hit in results.hits:
            where = "" if hit.where == "text" else f"{hit.where}: "
            print(f"{hit.article_id}\t{_flat(hit.title)}\t{where}{_flat(hit.snippet)}")
        if not results.hits:  # (JSON says it with an empty list)
            print(
                f"factcheck: no article, quote or note has {query!r}; "
                "check the spelling, or try fewer words",
                file=sys.stderr,
            )
    if results.more:
        print(f"factcheck: more hits than these {limit}; --limit N shows more", file=sys.stderr)
    return 0


def _flat(text: str) -> str:
    return " ".join(text.split())


def _figures(workspace: Workspace, article_id: int, *, as_json: bool) -> int:
    from factcheck_gui.domain.figures import format_number

    try:
        candidates = workspace.suggestions.candidates(article_id)
    except NotFound:
        raise UserError(
            f"there is no article {article_id}; `factcheck list` shows the ids"
        ) from None
    if as_json:
        print(json.dumps([c.as_dict() for c in candidates], ensure_ascii=False, indent=2))
        return 0
    for c in candidates:
        f = c.figure
        low, high = format_number(f.low, empty="…"), format_number(f.high, empty="…")
        print(f"{c.start}\t{c.end}\t{c.quote}\t{f.unit or '-'}\t[{low} – {high}]")
    return 0


def _rates(workspace: Workspace, *, as_json: bool, flagged: bool) -> int:
    from factcheck_gui.services.rates import article_rates

    rows = [r for r in article_rates(workspace.db) if r.rate.flagged or not flagged]
    if as_json:
        print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        mark = "FLAGGED " if r.rate.flagged else ""
        rate = r.rate
        print(f"{r.article_id}\t{mark}{rate.base}/{rate.quoted} {rate.rate:,.4g}\t“{rate.quote}”")
        if rate.flagged:
            print(f"\t{rate.reason}")
    return 0


def _conflicts(workspace: Workspace, *, as_json: bool, every: bool) -> int:
    from factcheck_gui.domain.figures import format_number

    """Measure by measure as they are read: the output never waits on, nor holds, them all."""
    from factcheck_gui.services.comparison import MeasureSummary, stream_groups

    def chosen(summary: MeasureSummary) -> bool:
        return summary.status == "conflict" or (every and summary.count > 1)

    groups = stream_groups(workspace.db, chosen)
    if as_json:
        cli_json.write_list(
            (
                {
                    "measure": g.measure,
                    "status": g.status,
                    "figures": [f.as_dict() for f in g.figures],
                }
                for g in groups
            ),
            sys.stdout,
        )
        return 0
    for g in groups:
        print(f"{g.measure}: {g.status}")
        for f in g.figures:
            low, high = format_number(f.low, empty="…"), format_number(f.high, empty="…")
            source = f" ({f.source})" if f.source else ""
            print(f"  [{low} – {high}] “{f.quote}” — {f.outlet or f.article_title}{source}")
    return 0


def _list(workspace: Workspace, *, as_json: bool) -> int:
    summaries = workspace.library.summaries()
    if as_json:
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "outlet": s.outlet,
                "published": s.published.isoformat() if s.published else None,
                "annotations": s.annotations,
            }
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for s in summaries:
        published = s.published.isoformat() if s.published else "-"
        print(f"{s.id}\t{s.title}\t{s.outlet or '-'}\t{published}\t{s.annotations}")
    return 0
