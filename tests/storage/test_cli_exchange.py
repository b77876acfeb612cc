"""`factcheck import` and `factcheck export` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck_gui.cli import main


def test_import_prints_the_report_and_fails_when_a_file_failed(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    (tmp_path / "good.txt").write_text("A headline\n\nBody text.")
    (tmp_path / "bad.json").write_text('{"text": ')
    assert main(["import", str(tmp_path / "good.txt"), "--batch", "mine"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported 1 article into batch “mine”.")
    assert main(["import", str(tmp_path / "bad.json")]) == 1
    out = capsys.readouterr().out
    assert "failed    " in out and "malformed JSON at line 1" in out
    assert main(["list", "--json"]) == 0
    titles = [r["title"] for r in json.loads(capsys.readouterr().out)]
    assert titles[-1] == "A headline" and len(titles) == 6


def test_export_then_import_an_annotation_set(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "set.json"
    assert main(["export", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Wrote 38 annotations on 5 articles")
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "--no-samples", "import", str(out)]) == 0
    report = capsys.readouterr().out
    assert "38 added" in report and "articles: 0 matched, 5 added" in report
    csv_out = tmp_path / "t.csv"
    assert main(["export", str(csv_out), "--article", "2", "--article", "3"]) == 0
    assert "on 2 articles" in capsys.readouterr().out


def test_export_mistakes_are_one_line(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    cases = [
        (["export", str(tmp_path / "x.txt")], "cannot tell the format"),
        (["export", str(tmp_path / "x.json"), "--format", "pdf"], "unknown export format 'pdf'"),
        (["export", str(tmp_path / "no" / "x.json")], "does not exist"),
        (["export", str(tmp_path / "x.json"), "--batch", "nope"], "no batch named 'nope'"),
    ]
    for argv, message in cases:
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err, err
    assert list(tmp_path.iterdir()) == [tmp_path / "data"], "no partial files were left"


def test_import_merges_csv_and_w3c_sets_told_by_their_content(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    table, web = tmp_path / "t.csv", tmp_path / "w.jsonld"
    assert main(["export", str(table)]) == 0 and main(["export", str(web)]) == 0
    capsys.readouterr()
    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    for name, path in (("csv", table), ("w3c", web)):
        other = ["--data-dir", str(tmp_path / name), "--no-samples"]
        assert main([*other, "import", *map(str, seeds), "--batch", "same articles"]) == 0
        renamed = path.rename(path.with_suffix(".txt"))  # the ending does not decide
        assert main([*other, "import", str(renamed)]) == 0
        out = capsys.readouterr().out
        assert f"{renamed.name}: 38 added, 0 updated" in out, out
        assert "articles: 4 matched, 0 added." in out  # the samples annotate four


def test_an_article_table_still_imports_as_articles(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    articles = tmp_path / "articles.csv"
    articles.write_text("title,text\nA headline,Body text of the article.\n")
    assert main(["import", str(articles), "--batch", "csv"]) == 0
    assert capsys.readouterr().out.startswith("Imported 1 article into batch “csv”.")
