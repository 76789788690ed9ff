"""sign-in never locks an account: drop the unread failure count and the lock nothing set

The throttle (channels.web.inbox.throttle) makes failed tries wait; `failed_logins` was
counted on every failed sign-in and never read, `locked_until` was checked and never set.
SQLite drops each column with ALTER TABLE (3.35+): a copied and replaced "user" table would
need its rows deleted first, which the tickets, events and tokens referring to them forbid.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
import core.models
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")


def downgrade() -> None:
    with op.batch_alter_table("user", schema=None, recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("locked_until", core.models.UTCDateTime(timezone=True), nullable=True)
        )
