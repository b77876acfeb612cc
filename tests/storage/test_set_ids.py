"""Annotation ids on import: canonical UUIDs on every format; a bad id refuses the whole set
naming the annotation or line (as every unreadable value does), and nothing stored changes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck_gui.domain.errors import UserError
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services.exporting import export
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.workspace import Workspace, open_memory_workspace

GOOD = "7c7e1a57-3f0d-4b7e-9a51-8f2d6c0e4b19"


def folder() -> tuple[Workspace, str, str]:
    """Sample articles with a figure and the attribution that names it."""
    ws = open_memory_workspace(samples=True)
    text = ws.library.article(2).text
    quote = "Russia's military casualties are nearing 300,000"
    start = text.index(quote)
    figure = ws.annotations.create(NewAnnotation(2, start, start + len(quote), Kind.FIGURE, "ann"))[
        0
    ].id
    at = text.index("US officials")
    who = ws.annotations.create(
        NewAnnotation(2, at, at + 12, Kind.ATTRIBUTION, "ann", speaker="US", target_id=figure)
    )[0].id
    return ws, figure, who


def everything(ws: Workspace) -> list:
    return [a for s in ws.library.summaries() for a in ws.annotations.for_article(s.id)]


def exported(ws: Workspace, path: Path) -> Path:
    export(ws, path)
    return path


def rewrite(path: Path, change: Callable[[str], str]) -> None:
    encoding = "utf-8-sig" if path.suffix == ".csv" else "utf-8"
    path.write_text(change(path.read_text(encoding=encoding)), encoding=encoding)


def _link(document: dict) -> dict:
    """The body of the W3C export that links the attribution (the first item) to its figure."""
    [link] = [b for b in document["first"]["items"][0]["body"] if b["purpose"] == "linking"]
    return link


def json_edit(edit: Callable[[dict], None]) -> Callable[[str], str]:
    def change(text: str) -> str:
        document = json.loads(text)
        edit(document)
        return json.dumps(document)

    return change


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "set.json",
            json_edit(lambda d: d["annotations"][0].update(id="=2+5")),
            rf"annotations\[0\]\.id should be a UUID \(like {GOOD}\), not '=2\+5'",
        ),
        (
            "set.json",
            json_edit(lambda d: d["annotations"][1].update(target="=2+5")),
            r"annotations\[1\]\.target should be a UUID .*not '=2\+5'",
        ),
        (
            "set.json",
            json_edit(lambda d: d["annotations"][0].update(id="7c7e1a57-3f0d-4b7e-9a51")),
            r"annotations\[0\]\.id should be a UUID",
        ),
        (
            "set.json",
            json_edit(lambda d: d["annotations"][1].update(id=d["annotations"][0]["id"].upper())),
            r"annotations\[1\] has the id of annotations\[0\]",
        ),
        (
            "set.jsonld",
            json_edit(lambda d: d["first"]["items"][0].update(id="=2+5")),
            r"first\.items\[0\]\.id should be a UUID or an IRI, not '=2\+5'",
        ),
        (
            "set.jsonld",
            json_edit(lambda d: d["first"]["items"][0].update(id="urn:uuid:2+5")),
            r"first\.items\[0\]\.id should be a UUID or an IRI, not 'urn:uuid:2\+5'",
        ),
        (
            "set.jsonld",
            json_edit(lambda d: _link(d).update(source="urn:uuid:=2")),
            r"first\.items\[0\]\.body\[3\]\.source should be urn:uuid: and a UUID",
        ),
        (
            "set.jsonld",
            json_edit(lambda d: d["first"]["items"][0].pop("id")),
            r"first\.items\[0\] has no id; every Web Annotation needs one",
        ),
    ],
)
def test_a_bad_id_refuses_the_set_and_changes_nothing(
    name: str, change: Callable[[str], str], message: str, tmp_path: Path
) -> None:
    source, _, _ = folder()
    path = exported(source, tmp_path / name)
    rewrite(path, change)
    target, _, _ = folder()
    before = everything(target)
    with pytest.raises(UserError, match=message) as caught:
        merge_file(target.db, path)
    assert "\n" not in str(caught.value) and str(caught.value).endswith("nothing was imported")
    assert everything(target) == before


@pytest.mark.parametrize("column", ["annotation_id", "target_id"])
def test_a_neutralised_formula_id_in_a_table_is_refused_naming_its_line(
    column: str, tmp_path: Path
) -> None:
    source, _, who = folder()
    path = exported(source, tmp_path / "table.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    line = 2 + next(n for n, row in enumerate(rows) if row["annotation_id"] == who)
    rows[line - 2][column] = "'=2+5"  # "=2+5" as the exporter writes it (neutralised)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    target, _, _ = folder()
    before = everything(target)
    with pytest.raises(UserError, match=rf"line {line}: {column} should be a UUID .*not '=2\+5'"):
        merge_file(target.db, path)
    assert everything(target) == before


def test_ids_are_stored_in_their_canonical_form(tmp_path: Path) -> None:
    source, figure, who = folder()
    path = exported(source, tmp_path / "set.json")
    rewrite(path, lambda text: text.replace(figure, "{" + figure.upper() + "}"))
    fresh = open_memory_workspace(samples=True)
    assert merge_file(fresh.db, path).added == 2
    linked = fresh.annotations.get_annotation(who)
    assert linked.target_id == figure and fresh.annotations.get_annotation(figure).id == figure
    table = exported(source, tmp_path / "table.csv")
    rewrite(table, lambda text: text.replace(who, who.replace("-", "").upper()))
    other = open_memory_workspace(samples=True)
    merge_file(other.db, table)
    assert {a.id for a in everything(other)} == {figure, who}
