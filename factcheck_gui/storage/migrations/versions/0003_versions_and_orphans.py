"""versions and orphans: articles that replace older versions; annotations whose quote is lost

Revision ID: 0003_versions_and_orphans
Revises: 0002_settings
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_versions_and_orphans"
down_revision: str | None = "0002_settings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replaces_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_article_replaces_id_article",
            "article",
            ["replaces_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index("ix_article_url", ["url"], unique=False)
    with op.batch_alter_table("annotation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("orphaned", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("annotation", schema=None) as batch_op:
        batch_op.drop_column("orphaned")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index("ix_article_url")
        batch_op.drop_constraint("fk_article_replaces_id_article", type_="foreignkey")
        batch_op.drop_column("replaces_id")
