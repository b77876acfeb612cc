"""annotation rationale and review_url: what a published fact-check says and where it is

Revision ID: 0009_rationale
Revises: 0008_tombstones
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_rationale"
down_revision: str | None = "0008_tombstones"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("annotation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rationale", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("review_url", sa.String(length=2000), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("annotation", schema=None) as batch_op:
        batch_op.drop_column("review_url")
        batch_op.drop_column("rationale")
