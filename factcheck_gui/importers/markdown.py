"""Markdown articles: an optional YAML front matter block, then the text.

The text is kept as written (Markdown source, shown as plain text). Metadata comes from
the front matter (title, outlet or source, url, date or published) and else the first
``# heading``.
"""

from __future__ import annotations

import re
from datetime import date

import yaml

from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.importers.dates import parse_date
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.plaintext import guess_title, normalise_newlines
from factcheck_gui.importers.registry import register

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_HEADING = re.compile(r"^#{1,2}[ \t]+(.+?)[ \t#]*$", re.M)


class _TextDates(yaml.SafeLoader):
    """YAML's safe loader, except that a timestamp stays text, for ``parse_date`` to read:
    a date YAML cannot build (2023-02-30) then costs only the date, never the article."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@register("markdown", endings=(".md", ".markdown"))
def read_markdown(text: str, source: str) -> list[ArticleDraft]:
    text = normalise_newlines(text)
    meta: dict[str, object] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=_TextDates)  # noqa: S506 (a safe loader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f" at line {mark.line + 2}" if mark is not None else ""
            raise ImportProblem(
                f"malformed front matter{line}; fix the YAML between the --- lines"
            ) from None
        except RecursionError:
            raise ImportProblem(
                "the front matter is nested too deeply; keep it to title, outlet, url and date"
            ) from None
        except ValueError as error:  # an explicit !!timestamp YAML cannot build
            raise ImportProblem(
                f"malformed front matter ({error}); fix the YAML between the --- lines"
            ) from None
        if isinstance(loaded, dict):
            meta = {str(k).lower(): v for k, v in loaded.items()}
        text = text[match.end() :]
    if not text.strip():
        raise ImportProblem("the file has front matter but no article text")
    heading = _HEADING.search(text)
    written = _str(meta.get("published", meta.get("date")))
    published, warnings = None, []
    if written:
        try:
            published = parse_date(written)
        except ImportProblem as problem:  # a date is no reason to lose the article
            warnings.append(f"front matter: {problem}; stored without a date")
    return [
        ArticleDraft(
            text=text,
            title=_str(meta.get("title"))
            or (heading.group(1) if heading else None)
            or guess_title(text)
            or source,
            outlet=_str(meta.get("outlet", meta.get("source"))),
            url=_str(meta.get("url")),
            published=published,
            source_name=source,
            warnings=tuple(warnings),
        )
    ]


def _str(value: object) -> str | None:
    """A scalar as text; a list or mapping (perhaps a billion-laughs tree of aliases, which
    ``str`` would expand) is not metadata."""
    if value is None:
        return None
    if not isinstance(value, str | int | float | date):
        raise ImportProblem(
            f"the front matter holds a {type(value).__name__} where text was expected; "
            "write title, outlet, url and date as plain values"
        )
    return str(value).strip() or None
