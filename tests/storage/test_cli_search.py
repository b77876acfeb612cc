"""`factcheck search`: one line per hit, --json, --limit, and one line for a useless query."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck_gui.cli import main
from factcheck_gui.services.workspace import open_workspace
from factcheck_gui.storage import fulltext
from factcheck_gui.storage.database import DB_FILENAME


def test_search_prints_id_title_and_the_words_in_context(data_dir: Path, capsys) -> None:  # noqa: ANN001
    assert main(["search", "mercenaries", "kazakh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(len(line.split("\t")) == 3 for line in lines)
    ids = [int(line.split("\t")[0]) for line in lines]
    assert ids == sorted(ids) and 3 in ids
    article_id, title, snippet = lines[ids.index(3)].split("\t")
    assert title.startswith("Russia recruits mercenaries from Kazakhstan")
    assert "mercenaries" in snippet.lower()


def test_search_json_is_a_list_of_hits_with_exact_offsets(data_dir: Path, capsys) -> None:  # noqa: ANN001
    assert main(["search", "Medvedev", "--json", "--limit", "50"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and {"article_id", "title", "where", "snippet", "start", "end"} <= set(hits[0])
    workspace = open_workspace(data_dir)
    try:
        for hit in hits:
            if hit["where"] == "text":
                text = workspace.library.article(hit["article_id"]).text
                assert text[hit["start"] : hit["end"]] == "Medvedev"
            for start, end in hit["marks"]:
                assert hit["snippet"][start:end].lower().startswith("medvedev")
    finally:
        workspace.close()


def test_limit_cuts_the_list_and_says_so_on_stderr(data_dir: Path, capsys) -> None:  # noqa: ANN001
    assert main(["search", "russia", "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert "--limit" in captured.err and captured.err.count("\n") == 1


@pytest.mark.parametrize("typed", ["*", "-", '""', "🙂", "( )"])
def test_a_query_without_words_is_one_line_and_exit_1(data_dir: Path, capsys, typed: str) -> None:  # noqa: ANN001
    main(["list"])  # make the database
    before = (data_dir / DB_FILENAME).read_bytes()
    capsys.readouterr()
    assert main(["search", typed]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("factcheck: nothing to search for")
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_hostile_syntax_is_searched_as_words(data_dir: Path, capsys) -> None:  # noqa: ANN001
    for typed in ("(Medvedev)", "Medvedev AND", '"Medvedev', "Medvedev*", "Medvedev:"):
        assert main(["search", typed]) == 0, typed
        assert capsys.readouterr().out, typed
    assert main(["search", "title:Medvedev"]) == 0  # the words "title medvedev", not a column
    assert capsys.readouterr().out == ""
    assert main(["search", "--", "-Medvedev"]) == 0  # a leading dash after --: a word too
    assert capsys.readouterr().out


def test_no_hit_says_so_in_one_line_and_json_gives_an_empty_list(data_dir: Path, capsys) -> None:  # noqa: ANN001
    assert main(["search", "zeppelin airship"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "factcheck: no article, quote or note has 'zeppelin airship'; "
        "check the spelling, or try fewer words\n"
    )
    assert main(["search", "zeppelin", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == [] and captured.err == ""


def test_search_reads_without_changing_the_database(data_dir: Path, capsys) -> None:  # noqa: ANN001
    main(["list"])
    path = data_dir / DB_FILENAME
    before = path.read_bytes(), sorted(p.name for p in data_dir.iterdir())
    assert main(["search", "russia"]) == 0
    assert (path.read_bytes(), sorted(p.name for p in data_dir.iterdir())) == before


def test_no_fts5_is_one_line(data_dir: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(fulltext, "fts5_available", lambda: False)
    assert main(["search", "russia"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "has no FTS5" in err and "Traceback" not in err
