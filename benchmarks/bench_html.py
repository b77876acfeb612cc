"""Which trafilatura settings keep an article's body and leave its boilerplate out.

    .venv/bin/python benchmarks/bench_html.py [--trafilatura CHECKOUT]

Counts, for each setting tried, the expectations met: a passage that must be in the
extracted text ("with") or must not ("without"), and pages that must be refused as "little
text extracted" (only a caption or a teaser in the HTML). Two corpora:

  * ``benchmarks/html_pages/``: real-style news pages written for this benchmark (cookie
    banners, navigation, related links, comments, ad slots, a body in <br>-separated divs,
    a paywalled page, a photo page), with ``expectations.json``;
  * with ``--trafilatura``, a git checkout of trafilatura (github.com/adbar/trafilatura):
    the real-world pages in ``tests/cache/`` and the expectations of ``test_extract`` in
    ``tests/realworld_tests.py`` (every ``assert "…" in result`` / ``not in result`` after
    a ``do_load_page(URL)``), read with ``ast``, never run. The release on PyPI leaves both
    out ("not included in releases due to cached pages").

Extraction is called as ``importers/html.py`` calls it (no comments, tables kept), with
only the setting under test changed. In the suite (``run.py``): the extraction of the own
pages with the importer's setting, timed against lxml parsing the same pages (the least
any extractor does), with the expectations met as a figure.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from suite import Workload  # noqa: E402

from factcheck_gui.importers import html as html_importer  # noqa: E402
from factcheck_gui.importers.errors import ImportProblem  # noqa: E402

HERE = Path(__file__).resolve().parent
SETTINGS: dict[str, dict[str, Any]] = {
    "favor_precision": {"favor_precision": True},
    "defaults": {},
    "favor_recall": {"favor_recall": True},
    "fast (no fallback)": {"fast": True},
}


SIZED = False


def workloads(size: int, folder: Path) -> list[Workload]:
    import lxml.html

    pages = list(own_pages())
    setting = SETTINGS["defaults"]  # as importers/html.py extracts

    def parse() -> None:
        for page in pages:
            lxml.html.fromstring(page.html)

    def extract() -> dict[str, float]:
        r = score(pages, setting)
        return {"expectations_met": r["met"], "expectations": r["total"]}

    return [
        Workload("lxml parses the own pages", parse, baseline=True),
        Workload("trafilatura extracts them (its defaults)", extract),
    ]


@dataclass
class Page:
    name: str
    html: str
    url: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    little_text: bool = False


def own_pages() -> Iterator[Page]:
    expectations = json.loads((HERE / "html_pages" / "expectations.json").read_text())
    for name, e in expectations.items():
        yield Page(
            name,
            (HERE / "html_pages" / name).read_text(encoding="utf-8"),
            with_=e.get("with", []),
            without=e.get("without", []),
            little_text=e.get("little_text", False),
        )


def trafilatura_pages(checkout: Path) -> Iterator[Page]:
    tests = checkout / "tests"
    tree = ast.parse((tests / "realworld_tests.py").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for node in ast.walk(tree):  # MOCK_PAGES = {url: file}
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            pages = ast.literal_eval(node.value)
    test = next(
        n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "test_extract"
    )
    found: dict[str, Page] = {}
    current: Page | None = None
    for node in _statements(test.body):
        call = node.value if isinstance(node, ast.Assign) else None
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "do_load_page":
            url = ast.literal_eval(call.args[0])
            path = tests / "cache" / pages[url]
            if url not in found:
                data = path.read_bytes()
                found[url] = Page(pages[url], data.decode("utf-8", "replace"), url=url)
            current = found[url]
        elif isinstance(node, ast.Assert) and current is not None:
            test_ = node.test
            if (
                isinstance(test_, ast.Compare)
                and isinstance(test_.left, ast.Constant)
                and isinstance(test_.left.value, str)
                and len(test_.ops) == 1
            ):
                if isinstance(test_.ops[0], ast.In):
                    current.with_.append(test_.left.value)
                elif isinstance(test_.ops[0], ast.NotIn):
                    current.without.append(test_.left.value)
    yield from found.values()


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    for node in body:  # the `if xmloutput is False:` blocks hold text-output expectations
        yield from _statements(node.body) if isinstance(node, ast.If) else [node]


def score(pages: list[Page], setting: dict[str, Any]) -> dict[str, Any]:
    met = total = empty = 0
    failures: list[str] = []
    started = time.perf_counter()
    for page in pages:
        text = (
            trafilatura.extract(
                page.html, url=page.url, include_comments=False, include_tables=True, **setting
            )
            or ""
        )
        if not text.strip():
            empty += 1
        if page.little_text:
            total += 1
            try:
                html_importer.check_body(text, page.html)
                failures.append(f"{page.name}: stored, though only a caption or teaser")
            except ImportProblem:
                met += 1
            continue
        for passage in page.with_:
            total += 1
            met += passage in text
            if passage not in text:
                failures.append(f"{page.name}: lost {passage!r}")
        for passage in page.without:
            total += 1
            met += passage not in text
            if passage in text:
                failures.append(f"{page.name}: kept {passage!r}")
    elapsed = time.perf_counter() - started
    return {"met": met, "total": total, "empty": empty, "seconds": elapsed, "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trafilatura", type=Path, help="a git checkout of trafilatura")
    parser.add_argument("--failures", action="store_true", help="list each unmet expectation")
    args = parser.parse_args()
    corpora = {"own real-style pages": list(own_pages())}
    if args.trafilatura:
        corpora["trafilatura tests/cache"] = list(trafilatura_pages(args.trafilatura))
    print(f"trafilatura {trafilatura.__version__}")
    for corpus, pages in corpora.items():
        print(f"\n{corpus}: {len(pages)} pages")
        for name, setting in SETTINGS.items():
            r = score(pages, setting)
            print(
                f"  {name:<20} {r['met']:>4} of {r['total']} expectations met, "
                f"{r['empty']} page(s) with no text, {r['seconds']:.2f} s"
            )
            if args.failures:
                for failure in r["failures"]:
                    print(f"      {failure}")


if __name__ == "__main__":
    main()
