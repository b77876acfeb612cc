"""Export formats, registered by name and file ending, and what they write from.

Exporters stream: they read articles and annotations from an ``ExportSource`` (the
service's, which reads the database in batches) and write record by record, so memory
stays flat however many annotations an export holds.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import IO, Protocol

from factcheck_gui.domain.model import Annotation, Article, Kind, Verdict
from factcheck_gui.storage.streams import Only

__all__ = [
    "EXPORTERS",
    "ExportFormat",
    "ExportSet",
    "ExportSource",
    "MemorySource",
    "Only",
    "exporter",
    "iso",
]


class ExportSource(Protocol):
    """Articles in file order (by id) and their annotations, read a batch at a time."""

    def articles(self, *, with_text: bool) -> Iterator[Article]:
        """The articles; ``text`` is "" unless ``with_text``."""
        ...

    def groups(self, only: Only) -> Iterator[tuple[Article, list[Annotation]]]:
        """Each article (``text`` is "") with its annotations (those ``only`` names) by
        position."""
        ...

    def tombstones(self) -> Iterator[tuple[str, int, datetime]]:
        """(annotation id, file number of its article, when deleted), by id."""
        ...

    def speakers(self, claim_ids: Sequence[str]) -> dict[str, str]:
        """The speaker an attribution in the set names for each of these claims."""
        ...


class MemorySource:
    """An ``ExportSource`` over articles and annotations held in memory (a set read from a
    file, a test's rows), in the order the database source gives them."""

    def __init__(self, articles: Sequence[Article], annotations: Sequence[Annotation]) -> None:
        self._articles = sorted(articles, key=lambda a: a.id)
        self._annotations = sorted(annotations, key=lambda a: (a.article_id, a.start, a.end, a.id))

    def articles(self, *, with_text: bool) -> Iterator[Article]:
        for article in self._articles:
            yield article if with_text else replace(article, text="")

    def groups(self, only: Only) -> Iterator[tuple[Article, list[Annotation]]]:
        for article in self.articles(with_text=False):
            yield (
                article,
                [a for a in self._annotations if a.article_id == article.id and _wanted(a, only)],
            )

    def tombstones(self) -> Iterator[tuple[str, int, datetime]]:
        return iter(())

    def speakers(self, claim_ids: Sequence[str]) -> dict[str, str]:
        wanted = set(claim_ids)
        return {
            a.target_id: a.speaker
            for a in self._annotations
            if a.kind is Kind.ATTRIBUTION and a.target_id in wanted and a.speaker
        }


def _wanted(a: Annotation, only: Only) -> bool:
    if only is Only.ALL:
        return True
    placed = not a.orphaned
    if only is Only.PLACED:
        return placed
    return placed and a.kind is Kind.CLAIM and a.verdict is not Verdict.UNCHECKED


@dataclass(frozen=True)
class ExportSet:
    """What an export writes: articles (numbered 1..n in the file, whatever their ids in
    this database) and their annotations, with what Preferences add."""

    source: ExportSource
    include_text: bool = True
    organisation: str | None = None  # ClaimReview's author when set in Preferences
    organisation_url: str | None = None  # and its web address
    review_url_pattern: str | None = None  # where each review lives, {id} for its id
    exported: datetime = field(default_factory=lambda: datetime.now(UTC))
    # the W3C collection's id: new at each export
    collection_id: str = field(default_factory=lambda: f"urn:uuid:{uuid.uuid4()}")
    placed: int = 0  # annotations not orphaned (the W3C collection's total)

    def articles(self) -> Iterator[tuple[int, Article]]:
        """(file number, article), with the text if the export includes it."""
        return enumerate(self.source.articles(with_text=self.include_text), 1)

    def groups(self, only: Only = Only.ALL) -> Iterator[tuple[int, Article, list[Annotation]]]:
        """(file number, article without its text, its annotations: all, or only the placed
        ones, or only the placed claims with a verdict)."""
        for number, (article, found) in enumerate(self.source.groups(only), 1):
            yield number, article, found


Writer = Callable[[IO[str], ExportSet], None]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    endings: tuple[str, ...]
    write: Writer
    description: str
    newline: str | None = None  # how the file is opened (CSV wants "")
    encoding: str = "utf-8"


EXPORTERS: dict[str, ExportFormat] = {}


def exporter(
    name: str,
    *,
    endings: tuple[str, ...],
    description: str,
    newline: str | None = None,
    encoding: str = "utf-8",
) -> Callable[[Writer], Writer]:
    def add(write: Writer) -> Writer:
        EXPORTERS[name] = ExportFormat(name, endings, write, description, newline, encoding)
        return write

    return add


def iso(moment: datetime) -> str:
    if moment.tzinfo is UTC:  # as the database gives them: no conversion to make
        return moment.isoformat()[:-6] + "Z"
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
