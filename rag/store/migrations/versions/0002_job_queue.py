"""Jobs as a queue: the worker that runs a job, its last heartbeat, how often it was started.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite has it): a batch table rebuild would drop the unnamed CHECK
    # constraint of registry files made before Alembic.
    op.add_column("jobs", sa.Column("worker", sa.Text(), nullable=True))
    op.add_column("jobs", sa.Column("heartbeat_at", sa.Text(), nullable=True))
    op.add_column(
        "jobs", sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.drop_column("attempts")
        batch_op.drop_column("heartbeat_at")
        batch_op.drop_column("worker")
