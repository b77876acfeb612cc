"""nfc text hash: duplicates found by the NFC form of a text (NFC and NFD copies are one)

Adds ``article.nfc_sha256`` and fills it for every stored article; ``sha256`` (the exact
text, which annotation sets and exports match by) is left as it was.

Revision ID: 0006_nfc_text_hash
Revises: 0005_dismissed_figures
Create Date: 2026-12-01
"""

import hashlib
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_nfc_text_hash"
down_revision: str | None = "0005_dismissed_figures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500


def _nfc_sha256(text: str) -> str:
    # written out here, not imported: a revision must mean the same when the app changes
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("nfc_sha256", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM article ORDER BY id"))]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = connection.execute(
            sa.text("SELECT id, text FROM article WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": chunk},
        ).fetchall()
        connection.execute(
            sa.text("UPDATE article SET nfc_sha256 = :digest WHERE id = :id"),
            [{"id": id_, "digest": _nfc_sha256(text)} for id_, text in rows],
        )
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.alter_column("nfc_sha256", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_index("ix_article_nfc_sha256", ["nfc_sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index("ix_article_nfc_sha256")
        batch_op.drop_column("nfc_sha256")
