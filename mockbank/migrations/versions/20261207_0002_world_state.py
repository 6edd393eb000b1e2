"""The world's own state in its database (issue 18 §1): its clock, faults, and when it was made and last used.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 09:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create world_state (one row: the default world's clock and faults, shared by every worker process)."""
    op.create_table(
        "world_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.Column("offset_us", sa.BigInteger(), nullable=False),
        sa.Column("frozen_at", sa.DateTime(), nullable=True),
        sa.Column("skews", sa.JSON(), nullable=False),
        sa.Column("faults", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_world_state")),
    )


def downgrade() -> None:
    """Drop world_state."""
    op.drop_table("world_state")
