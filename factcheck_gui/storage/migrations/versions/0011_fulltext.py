"""fulltext: FTS5 indexes of articles (title, outlet, text) and annotations (quote, note)

Revision ID: 0011_fulltext
Revises: 0010_compared_index
Create Date: 2026-12-02

The schema, triggers and the rebuild are ``storage/fulltext.py``'s (one copy: ``repair``
after later upgrades uses the same). Refused, with the database left as it was, when this
Python's SQLite lacks FTS5. Also an index on the articles' dates, for the library filter.
"""

from collections.abc import Sequence

from alembic import op

from factcheck_gui.storage import fulltext

revision: str = "0011_fulltext"
down_revision: str | None = "0010_compared_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    fulltext.require_fts5()
    connection = op.get_bind()
    for statement in fulltext.SCHEMA:
        connection.exec_driver_sql(statement)
    fulltext.create_triggers(connection)
    fulltext.rebuild(connection)
    op.create_index("ix_article_published", "article", ["published"])


def downgrade() -> None:
    op.drop_index("ix_article_published", table_name="article")
    connection = op.get_bind()
    for name in fulltext.TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql("DROP TABLE IF EXISTS annotation_fts")
    connection.exec_driver_sql("DROP VIEW IF EXISTS annotation_fts_content")
    connection.exec_driver_sql("DROP TABLE IF EXISTS annotation_key")
    connection.exec_driver_sql("DROP TABLE IF EXISTS article_fts")
