"""CSV files are read as RFC 4180 always; a row that does not fit the header is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.services.importing import import_articles, read_source
from factcheck_gui.services.workspace import Workspace


def read(name: str, text: str):  # noqa: ANN201
    return read_source(name, text.encode())


def _stored(ws: Workspace) -> list[tuple[str, str | None]]:
    return [(s.title, s.outlet) for s in ws.library.summaries()]


# 9 KB of plain rows, then a standard quoted field with "" and a comma: a dialect guessed
# from the first 8 KB (no doubled quote there) split that field and shifted its columns.
LATE_QUOTE = (
    "title,text,outlet\n"
    + "".join(f"Row {i},Plain body number {i} of the file,Wire\n" for i in range(220))
    + 'Late,"He said ""no, never"" and left",Daily\n'
)


def test_a_quoted_field_after_the_first_8_kb_is_read_whole() -> None:
    assert len(LATE_QUOTE.split("Late")[0]) > 8192
    drafts = read("late.csv", LATE_QUOTE)
    assert len(drafts) == 221
    assert drafts[-1].text == 'He said "no, never" and left'
    assert drafts[-1].outlet == "Daily"
    assert drafts[-1].source_name == "late.csv (line 222)"


def test_quoted_fields_hold_delimiters_line_breaks_and_quotes() -> None:
    [draft, second] = read(
        "a.csv", 'text,title\r\n"one, two\r\nthree ""four""",T\r\nplain,"semi;colon"\r\n'
    )
    assert draft.text == 'one, two\nthree "four"' and draft.title == "T"
    assert second.title == "semi;colon"
    assert second.source_name == "a.csv (line 4)"  # the first row spans lines 2 and 3


def test_tabs_by_the_ending_or_a_clear_tab_header() -> None:
    [tsv] = read("a.tsv", 'text\ttitle\n"has, a comma"\tT\n')
    assert (tsv.text, tsv.title) == ("has, a comma", "T")
    [tabs] = read("b.csv", "title\ttext\nT\tBody, with a comma\n")
    assert (tabs.text, tabs.title) == ("Body, with a comma", "T")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # an unquoted comma splits a field: one field too many, on its line
        ("title,text\nA,fine\nB,a body, with a comma\n", r"^line 3: 3 fields where the header"),
        ("title,text,url\nA,fine,u\nB,short\n", r"^line 3: 2 fields where the header has 3"),
        (LATE_QUOTE + 'Bad,"a ""x"", y",Z,extra\n', r"^line 223: 4 fields where the header has 3"),
        ('text,title\n"never closed,T\n', r"malformed CSV on line 2"),
        ('text,title\n"quoted"then,T\n', r"malformed CSV on line 2"),
        ("text,Text\na,b\n", r"names 'text' more than once"),
    ],
)
def test_a_row_that_does_not_fit_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(ImportProblem, match=message):
        read("bad.csv", text)


def test_a_refused_csv_stores_none_of_its_rows(empty_workspace: Workspace, tmp_path: Path) -> None:
    (tmp_path / "first.txt").write_text("Kept headline\n\nA text that is stored.")
    import_articles(empty_workspace.library, [tmp_path / "first.txt"])
    before = _stored(empty_workspace)
    bad = tmp_path / "shifted.csv"
    bad.write_text("title,text,outlet\nGood,A good row,Wire\nBad,a body, with a comma,Daily\n")

    report = import_articles(empty_workspace.library, [bad])

    assert [(Path(f.name).name, f.reason) for f in report.failed] == [
        (
            "shifted.csv",
            "line 3: 4 fields where the header has 3; a comma in a field needs the field "
            'in double quotes (and a quote in it doubled: "")',
        )
    ]
    assert report.imported == [] and report.batch is None
    assert _stored(empty_workspace) == before
