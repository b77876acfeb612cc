"""figures and measures: a figure's value, unit, hedge and interval; what it measures

Revision ID: 0004_figures_and_measures
Revises: 0003_versions_and_orphans
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_figures_and_measures"
down_revision: str | None = "0003_versions_and_orphans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("annotation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("value", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("unit", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("hedge", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("low", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("high", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("vague", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("as_of", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("measure_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_annotation_measure_id_measure",
            "measure",
            ["measure_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index("ix_annotation_measure_id", ["measure_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("annotation", schema=None) as batch_op:
        batch_op.drop_index("ix_annotation_measure_id")
        batch_op.drop_constraint("fk_annotation_measure_id_measure", type_="foreignkey")
        for column in ("measure_id", "as_of", "vague", "high", "low", "hedge", "unit", "value"):
            batch_op.drop_column(column)
    op.drop_table("measure")
