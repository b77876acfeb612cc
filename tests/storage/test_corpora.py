"""Public news corpora import as published (fixtures in their shapes, tests/fixtures/corpora)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from factcheck_gui.services.importing import import_articles, read_source
from factcheck_gui.services.workspace import Workspace

CORPORA = Path(__file__).parent.parent / "fixtures" / "corpora"


def _stored(ws: Workspace) -> list[tuple[str, str | None, date | None, str | None]]:
    out = []
    for s in ws.library.summaries():
        article = ws.library.article(s.id)
        out.append((article.title, article.outlet, article.published, article.url))
    return sorted(out, key=lambda a: a[0])


def _import(ws: Workspace, tmp_path: Path, corpus: str):  # noqa: ANN202
    folder = tmp_path / corpus
    shutil.copytree(CORPORA / corpus, folder)
    return import_articles(ws.library, [folder])


def test_basil_paragraph_lists(empty_workspace: Workspace, tmp_path: Path) -> None:
    report = _import(empty_workspace, tmp_path, "basil")
    assert report.ok and len(report.imported) == 2
    [fox] = [a for a in _stored(empty_workspace) if a[1] == "fox"]
    assert fox[2] == date(2010, 1, 4)
    article = next(
        empty_workspace.library.article(s.id)
        for s in empty_workspace.library.summaries()
        if s.outlet == "fox"
    )
    assert article.text == (
        "The city council approved a budget of 3 million dollars on Monday. The vote was 7 to 2."
        "\n\nCritics said the plan cuts 40 teaching jobs. Supporters said no jobs will be lost."
        "\n\nThe mayor is expected to sign it this week."
    )
    assert any(
        line.endswith(
            "2010_1_fox.json: text ← body-paragraphs, title ← title, outlet ← source, "
            "url ← url, date ← date"
        )
        for line in report.lines()
    )


def test_news_please_output(empty_workspace: Workspace, tmp_path: Path) -> None:
    report = _import(empty_workspace, tmp_path, "news-please")
    assert report.ok and not report.warnings
    assert _stored(empty_workspace) == [
        (
            "Factory output rises for third month",
            "www.reuters.com",
            date(2017, 2, 15),
            "https://www.reuters.com/article/factory-output",
        ),
        ("Harbour to close for repairs", "example.org", None, "https://example.org/news/harbour"),
    ]
    fields = dict((Path(name).name, mapping) for name, mapping in report.fields)
    assert fields["reuters.json"] == (
        "text ← maintext, title ← title, outlet ← source_domain, url ← url, date ← date_publish"
    )
    assert fields["undated.json"] == (  # date_publish is null: no date, and nothing to warn of
        "text ← maintext, title ← title, outlet ← source_domain, url ← url"
    )


def test_isot_csvs_with_written_dates_and_a_link_for_a_date(
    empty_workspace: Workspace, tmp_path: Path
) -> None:
    report = _import(empty_workspace, tmp_path, "isot")
    assert report.ok and len(report.imported) == 5
    stored = {title.strip(): when for title, _, when, _ in _stored(empty_workspace)}
    assert stored == {
        "Senate passes tax bill after all-night session": date(2017, 12, 31),
        "Governors meet on storm relief": date(2017, 12, 29),
        "BREAKING: Shocking claim about the budget": date(2017, 12, 31),
        "Another viral post": date(2018, 2, 19),
        "Post with a link for a date": None,  # stored undated, with a warning
    }
    [warning] = report.warnings
    assert Path(warning.name).name == "Fake.csv"
    assert warning.reason == (
        "line 4: the date 'https://100percentfedup.com/served-roy-moore-vietnamletter-veteran/' "
        "could not be read; write it as 2017-12-31; stored without a date"
    )
    assert "1 warning" in report.summary()
    assert any(line.startswith("  warning   ") and "line 4" in line for line in report.lines())
    senate = next(
        empty_workspace.library.article(s.id)
        for s in empty_workspace.library.summaries()
        if s.title.startswith("Senate")
    )
    assert '"This is a great day," a spokesman said' in senate.text


def test_cc_news_json_lines(empty_workspace: Workspace, tmp_path: Path) -> None:
    report = _import(empty_workspace, tmp_path, "cc-news")
    assert report.ok and len(report.imported) == 2
    assert [(o, d) for _, o, d, _ in _stored(empty_workspace)] == [
        ("nachrichten.example.de", date(2017, 12, 2)),
        ("www.example-news.co.uk", date(2017, 12, 1)),
    ]
    [(_, mapping)] = report.fields
    assert mapping == "text ← text, title ← title, outlet ← domain, url ← url, date ← date"


def test_a_corpus_of_summaries_is_refused_saying_so(
    empty_workspace: Workspace, tmp_path: Path
) -> None:
    """The News Category Dataset: JSON Lines in a .json file, with a teaser and no text."""
    before = _stored(empty_workspace)
    report = _import(empty_workspace, tmp_path, "huffpost")
    assert [(Path(f.name).name, f.reason) for f in report.failed] == [
        (
            "News_Category_Dataset_v3.json",
            "line 1: it has only a summary ('short_description'), not the article's text; "
            "import the articles' own pages or texts",
        )
    ]
    assert _stored(empty_workspace) == before == []


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"body-paragraphs": [["ok"], [3]]}, "'body-paragraphs' should be text or a list"),
        ({"maintext": {"a": 1}}, "'maintext' should be text or a list of paragraphs, not dict"),
        ({"text": "x", "headline": ["a"]}, "'headline' should be text, not list"),
        ({"text": "x", "source": {"id": 1}}, "'source' should be text, not dict"),
        ({"title": "no text"}, "it has no text"),
    ],
)
def test_unusable_fields_refuse_the_file_naming_the_field(
    empty_workspace: Workspace, tmp_path: Path, record: dict, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"text": "A fine first article."}, record]))
    report = import_articles(empty_workspace.library, [path])
    [failure] = report.failed
    assert failure.reason.startswith("item 2: ") and message in failure.reason
    assert _stored(empty_workspace) == []


def test_newsapi_source_objects_and_an_ambiguous_date() -> None:
    [draft] = read_source(
        "newsapi.json",
        json.dumps(
            {
                "articles": [
                    {
                        "source": {"id": "reuters", "name": "Reuters"},
                        "title": "T",
                        "content": "Body text of the article.",
                        "publishedAt": "03/04/2017",
                    }
                ]
            }
        ).encode(),
    )
    assert draft.outlet == "Reuters" and draft.published is None
    assert draft.warnings == (
        "item 1: the date '03/04/2017' is ambiguous: day/month or month/day; write it as "
        "2017-12-31 or with the month's name; stored without a date",
    )
    assert ("date", "publishedAt") in draft.fields and ("text", "content") in draft.fields
