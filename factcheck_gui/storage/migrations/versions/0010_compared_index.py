"""compared index: what the comparison reads of every figure, in one covering index

The comparison's summaries (each measure's count, lowest high end and highest low end per
unit) and which measures each article's figures are under are read from this index alone,
never from the rows (their quotes and notes), at start and after each import.

Revision ID: 0010_compared_index
Revises: 0009_rationale
Create Date: 2027-01-10
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_compared_index"
down_revision: str | None = "0009_rationale"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["measure_id", "article_id", "unit", "low", "high", "kind", "orphaned", "value"]


def upgrade() -> None:
    op.create_index(
        "ix_annotation_compared",
        "annotation",
        COLUMNS,
        sqlite_where=sa.text("measure_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_annotation_compared", table_name="annotation")
