"""The lexical (BM25) corpus and its generation in the database, shared by every process.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

Until now the corpus lived in ``<data dir>/lexical/corpus.sqlite3``; ``LexicalIndex`` moves
such a file's rows in on first start (``adopt_file_corpus``), or the corpus is rebuilt from
the vector store.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lexical_chunks",
        sa.Column("chunk_id", sa.Text(), nullable=False),
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("tokens", sa.Text(), nullable=False),
        sa.Column("analyzer", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("chunk_id"),
    )
    op.create_index("lexical_chunks_doc", "lexical_chunks", ["doc_id"], unique=False)
    op.create_table(
        "lexical_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.Text(), nullable=False),
        sa.CheckConstraint("id = 1", name="lexical_state_one_row"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("lexical_state")
    op.drop_index("lexical_chunks_doc", table_name="lexical_chunks")
    op.drop_table("lexical_chunks")
