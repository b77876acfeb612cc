"""The database tables (sqlmodel). Migrations in ``migrations/versions`` must match them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
    false,
    text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlmodel import Field, SQLModel

from factcheck_gui.domain.digests import nfc_sha256


class BatchRow(SQLModel, table=True):
    __tablename__ = "batch"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    imported: datetime


def _nfc_of_text(context: DefaultExecutionContext) -> str:
    """The column default: every insert, by any path, hashes the NFC form of its text."""
    return nfc_sha256(context.get_current_parameters()["text"])


class ArticleRow(SQLModel, table=True):
    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(
        sa_column=Column(Integer, ForeignKey("batch.id", ondelete="CASCADE"), nullable=False)
    )
    title: str = Field(sa_column=Column(String(500), nullable=False))
    outlet: str | None = Field(default=None, sa_column=Column(String(200)))
    url: str | None = Field(default=None, sa_column=Column(String(2000)))
    published: date | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    sha256: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    # of the text's NFC form: how duplicates are found (not unique: older databases may
    # hold NFC and NFD copies of one text, imported before this column)
    nfc_sha256: str | None = Field(  # None until inserted: filled from the text then
        default=None,
        sa_column=Column(String(64), nullable=False, default=_nfc_of_text),
    )
    source_name: str | None = Field(default=None, sa_column=Column(String(500)))
    # A new version of a stored article (same URL, other text) points at the one it replaces.
    replaces_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="SET NULL")),
    )

    __table_args__ = (
        Index("ix_article_batch_id", "batch_id"),
        Index("ix_article_url", "url"),
        Index("ix_article_nfc_sha256", "nfc_sha256"),
        Index("ix_article_published", "published"),
    )


@event.listens_for(ArticleRow, "before_insert")
def _fill_nfc_sha256(_mapper: object, _connection: object, row: ArticleRow) -> None:
    if row.nfc_sha256 is None:  # an ORM insert (a merged annotation set's new article)
        row.nfc_sha256 = nfc_sha256(row.text)


class AnnotationRow(SQLModel, table=True):
    __tablename__ = "annotation"

    id: str = Field(sa_column=Column(String(36), primary_key=True))
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False)
    )
    start: int
    end: int
    quote: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str = Field(sa_column=Column(Text, nullable=False))
    suffix: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(sa_column=Column(String(20), nullable=False))
    verdict: str = Field(sa_column=Column(String(30), nullable=False))
    note: str = Field(sa_column=Column(Text, nullable=False))
    reviewer: str = Field(sa_column=Column(String(200), nullable=False))
    created: datetime
    modified: datetime
    speaker: str | None = Field(default=None, sa_column=Column(String(300)))
    target_id: str | None = Field(
        default=None,
        sa_column=Column(String(36), ForeignKey("annotation.id", ondelete="SET NULL")),
    )
    # Its quote could not be found in the article's text: kept, listed for review, not drawn.
    orphaned: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    # Re-anchored where its words changed: the old quote, for the reviewer to check again.
    changed_from: str | None = Field(default=None, sa_column=Column(Text))
    # For publication: the public rationale (ClaimReview's reviewBody; the note is private)
    # and the published review's own address.
    rationale: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    review_url: str | None = Field(default=None, sa_column=Column(String(2000)))
    # Figures: the value the words give, the interval they allow, and what they measure.
    value: float | None = Field(default=None, sa_column=Column(Float))
    unit: str | None = Field(default=None, sa_column=Column(String(40)))
    hedge: str | None = Field(default=None, sa_column=Column(String(40)))
    low: float | None = Field(default=None, sa_column=Column(Float))
    high: float | None = Field(default=None, sa_column=Column(Float))
    vague: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    as_of: date | None = Field(default=None, sa_column=Column(Date))
    measure_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("measure.id", ondelete="SET NULL"), index=True),
    )

    __table_args__ = (
        Index("ix_annotation_article_id", "article_id"),
        Index("ix_annotation_target_id", "target_id"),
        # What the comparison reads of every figure, without the rows (0010_compared_index).
        Index(
            "ix_annotation_compared",
            "measure_id",
            "article_id",
            "unit",
            "low",
            "high",
            "kind",
            "orphaned",
            "value",
            sqlite_where=text("measure_id IS NOT NULL"),
        ),
    )


class TombstoneRow(SQLModel, table=True):
    """A deleted annotation, so the deletion travels with annotation sets and is not undone
    by the next merge of a colleague's older copy."""

    __tablename__ = "tombstone"

    id: str = Field(sa_column=Column(String(36), primary_key=True))
    article_sha256: str = Field(sa_column=Column(String(64), nullable=False, index=True))
    deleted: datetime


class MeasureRow(SQLModel, table=True):
    """What a figure counts ("Russian military casualties since February 2022")."""

    __tablename__ = "measure"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String(300), nullable=False, unique=True))


class DismissedFigureRow(SQLModel, table=True):
    """A suggested figure the reviewer dismissed, so it is not proposed again."""

    __tablename__ = "dismissed_figure"

    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    )
    start: int = Field(sa_column=Column(Integer, primary_key=True))
    end: int = Field(sa_column=Column(Integer, primary_key=True))


class SettingRow(SQLModel, table=True):
    """Preferences that the CLI needs as much as the GUI (the reviewer's name)."""

    __tablename__ = "setting"

    key: str = Field(sa_column=Column(String(100), primary_key=True))
    value: str = Field(sa_column=Column(Text, nullable=False))
