"""Export formats, registered by name and file ending."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO

from factcheck_gui.domain.model import Annotation, Article, Tombstone


@dataclass(frozen=True)
class ExportSet:
    """What an export writes: articles (in order) and their annotations."""

    articles: list[Article]
    annotations: list[Annotation]
    include_text: bool = True
    organisation: str | None = None  # ClaimReview's author when set in Preferences
    organisation_url: str | None = None  # and its web address
    review_url_pattern: str | None = None  # where each review lives, {id} for its id
    exported: datetime = field(default_factory=lambda: datetime.now(UTC))
    tombstones: list[Tombstone] = field(default_factory=list)  # deletions on these articles
    # the W3C collection's id: new at each export
    collection_id: str = field(default_factory=lambda: f"urn:uuid:{uuid.uuid4()}")

    def file_ids(self) -> dict[int, int]:
        """Articles are numbered 1..n in the file, whatever their ids in this database."""
        return {article.id: n for n, article in enumerate(self.articles, 1)}


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
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
