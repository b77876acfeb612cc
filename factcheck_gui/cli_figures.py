"""``factcheck parse-figure``: what the figure parser reads, for people, scripts and evaluation.

factcheck parse-figure TEXT [--before WORDS] [--after WORDS] [--json]
factcheck parse-figure --jsonl FILE|-      # {"text": ..., "before": ...} a line in,
                                           # one result a line out
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

from factcheck_gui.domain.errors import UserError

if TYPE_CHECKING:
    from factcheck_gui.domain.figures import Figure

FIELDS = ("value", "unit", "hedge", "low", "high", "vague")


def add_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parsing = commands.add_parser(
        "parse-figure",
        parents=[common],
        help="show what the figure parser reads from TEXT",
        description="Read TEXT as tagging reads a selection, with WORDS before (and after) it.",
    )
    parsing.add_argument("text", metavar="TEXT", nargs="?")
    parsing.add_argument("--before", default="", metavar="WORDS", help="the words before TEXT")
    parsing.add_argument("--after", default="", metavar="WORDS", help="the words after TEXT")
    parsing.add_argument("--json", action="store_true", help="print a JSON object")
    parsing.add_argument(
        "--jsonl",
        metavar="FILE",
        help='read {"text": ..., "before": ...} objects a line from FILE ("-": standard '
        "input) and write one result a line",
    )


def run(args: argparse.Namespace) -> int:
    from factcheck_gui.domain.figures import parse_figure  # not with the parser: see cli.py

    if args.jsonl is not None:
        if args.text is not None:
            raise UserError("give TEXT or --jsonl FILE, not both")
        if args.jsonl == "-":
            return _jsonl(sys.stdin, sys.stdout)
        try:
            with open(args.jsonl, encoding="utf-8") as lines:
                return _jsonl(lines, sys.stdout)
        except OSError as error:
            raise UserError(f"cannot read {args.jsonl}: {error.strerror or error}") from None
    if args.text is None:
        raise UserError("give TEXT to read, or --jsonl FILE")
    figure = parse_figure(args.text, before=args.before, after=args.after)
    if figure is None:
        raise UserError(
            f'no figure in {args.text!r}; give a number such as "about 500,000" or "$4.2bn"'
        )
    if args.json:
        print(json.dumps(_fields(figure), ensure_ascii=False))
        return 0
    for name, value in figure.as_dict().items():
        print(f"{name:6} {'-' if value is None else value}")
    if figure.vague:
        print("vague  yes (a wide interval)")
    return 0


def _fields(figure: Figure | None) -> dict[str, object]:
    if figure is None:
        return dict.fromkeys(FIELDS)
    return figure.as_dict() | {"vague": figure.vague}


def _jsonl(lines: Iterable[str], out: IO[str]) -> int:
    """One result a line, in order; a line that is not a JSON object with a text string
    gets ``{"error": ...}`` (and the exit status 1) so the lines stay paired."""
    status = 0
    for number, result in enumerate(_results(lines), start=1):
        if "error" in result:
            status = 1
            result["line"] = number
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return status


def _results(lines: Iterable[str]) -> Iterator[dict[str, object]]:
    from factcheck_gui.domain.figures import parse_figure

    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            yield {"error": f"not JSON: {error}"}
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield {"error": 'each line should be an object with a "text" string'}
            continue
        before, after = record.get("before") or "", record.get("after") or ""
        if not isinstance(before, str) or not isinstance(after, str):
            yield {"error": '"before" and "after" should be strings'}
            continue
        yield _fields(parse_figure(record["text"], before=before, after=after))
