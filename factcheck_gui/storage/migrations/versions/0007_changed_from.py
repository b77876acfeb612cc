"""annotation changed_from: the old quote of an annotation re-anchored where its words changed

Revision ID: 0007_changed_from
Revises: 0006_nfc_text_hash
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_changed_from"
down_revision: str | None = "0006_nfc_text_hash"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("annotation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("changed_from", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("annotation", schema=None) as batch_op:
        batch_op.drop_column("changed_from")
