"""tombstones: deleted annotations, so deletions travel in annotation sets

Revision ID: 0008_tombstones
Revises: 0007_changed_from
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_tombstones"
down_revision: str | None = "0007_changed_from"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tombstone",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("article_sha256", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_tombstone_article_sha256", "tombstone", ["article_sha256"])


def downgrade() -> None:
    op.drop_index("ix_tombstone_article_sha256", table_name="tombstone")
    op.drop_table("tombstone")
