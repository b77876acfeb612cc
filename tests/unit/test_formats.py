"""Each article format, read from text, and its refusals."""

from datetime import date

import pytest

from factcheck_gui.importers import format_for
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.services.importing import read_source


def read(name: str, text: str):  # noqa: ANN201
    return read_source(name, text.encode())


def test_markdown_front_matter_and_heading() -> None:
    [draft] = read(
        "a.md",
        "---\ntitle: Recruits\noutlet: The Daily\ndate: 2023-09-04\nurl: https://x.example/a\n"
        "---\n# Ignored heading\n\nBody with **bold**.\n",
    )
    assert (draft.title, draft.outlet, draft.published, draft.url) == (
        "Recruits",
        "The Daily",
        date(2023, 9, 4),
        "https://x.example/a",
    )
    assert draft.text == "# Ignored heading\n\nBody with **bold**.\n"
    [plain] = read("b.md", "# The headline\n\nText.")
    assert plain.title == "The headline"


def test_markdown_with_broken_front_matter_is_refused() -> None:
    with pytest.raises(ImportProblem, match="malformed front matter"):
        read("a.md", "---\ntitle: [unclosed\n---\nBody\n")


PAGE = """<!doctype html><html><head><title>Recruits abroad | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="og:title" content="Russia recruits abroad">
<meta property="article:published_time" content="2023-09-04T08:00:00Z">
<link rel="canonical" href="https://daily.example/recruits">
<style>p { color: red }</style><script>var secret = "never stored";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Russia recruits abroad</h1>
<p>Russia has recruited about 280,000 people on contract since January, officials said on Sunday,
adding that many of them were reservists and volunteers from several regions.</p>
<p>British intelligence says there are at least 6 million migrants from Central Asia in Russia,
whom the Kremlin likely sees as potential recruits for its war effort.</p></article>
<footer>Copyright The Daily</footer></body></html>"""


def test_a_saved_page_gives_its_article_text_and_metadata() -> None:
    [draft] = read("page.html", PAGE)
    assert "about 280,000 people" in draft.text and "6 million migrants" in draft.text
    assert "never stored" not in draft.text and "color: red" not in draft.text
    assert "Home" not in draft.text.split("\n")[0]
    assert draft.title == "Russia recruits abroad"
    assert draft.outlet == "The Daily"
    assert draft.url == "https://daily.example/recruits"
    assert draft.published == date(2023, 9, 4)


def test_a_page_without_an_article_is_refused() -> None:
    with pytest.raises(ImportProblem, match="no article text found"):
        read("index.htm", "<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_json_objects_lists_and_aliases() -> None:
    one = read("a.json", '{"text": "Body one.", "source": "Wire", "date": "2023-09-04T10:00Z"}')
    assert one[0].outlet == "Wire" and one[0].published == date(2023, 9, 4)
    many = read("b.json", '[{"text": "A."}, {"text": "B.", "title": "Bee", "id": 7}]')
    assert [d.title for d in many] == ["A.", "Bee"]
    assert many[1].source_name == "b.json (item 2, id 7)"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.json", '{"text": "x",\n "title": }', "malformed JSON at line 2"),
        ("a.json", '[{"title": "no text"}]', "item 1: it has no text"),
        ("a.json", '{"text": "x", "title": ["a"]}', "'title' should be text"),
        ("a.json", "[]", "holds no articles"),
        ("a.jsonl", '{"text": "ok"}\n{"text": "broken"\n', "malformed JSON on line 2"),
        ("a.jsonl", '{"text": "ok"}\n[1, 2]\n', "line 2: expected an object"),
        ("a.csv", "Title,Summary\nA,text here\n", "no 'text' column .*Title, Summary"),
        ("a.csv", "text\n", "header but no rows"),
        ("a.json", '{"format": "factcheck-annotations", "version": 1}', "annotation set"),
    ],
)
def test_malformed_structured_files_say_where(name: str, text: str, message: str) -> None:
    with pytest.raises(ImportProblem, match=message):
        read(name, text)


def test_json_lines_and_csv_records() -> None:
    lines = read("a.jsonl", '{"text": "One."}\n\n{"text": "Two.", "outlet": "W"}\n')
    assert [d.text for d in lines] == ["One.", "Two."]
    rows = read("a.csv", 'Title,TEXT,url\n"A, b","Body ""quoted""\nsecond line",https://u\n')
    assert rows[0].title == "A, b" and rows[0].text == 'Body "quoted"\nsecond line'
    assert rows[0].url == "https://u"
    semicolons = read("b.csv", "title;text\nT;Body text\n")
    assert semicolons[0].title == "T"


def test_formats_are_told_by_content_when_the_ending_says_nothing() -> None:
    assert format_for("saved", "<!DOCTYPE html><html>").name == "html"
    assert format_for("dump", '{"text": "a"}\n{"text": "b"}\n').name == "jsonl"
    assert format_for("notes", "Just words.").name == "text"
    assert format_for("X.HTM", "plain").name == "html"
