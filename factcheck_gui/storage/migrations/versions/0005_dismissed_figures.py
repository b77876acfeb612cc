"""dismissed figures: suggestions the reviewer turned down, not proposed again

Revision ID: 0005_dismissed_figures
Revises: 0004_figures_and_measures
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_dismissed_figures"
down_revision: str | None = "0004_figures_and_measures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dismissed_figure",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "start", "end"),
    )


def downgrade() -> None:
    op.drop_table("dismissed_figure")
