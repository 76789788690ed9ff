"""the open tickets of a category, newest first: a partial index for duplicate suggestion

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# core.models.OPEN_STATUS_SQL when this revision was written.
OPEN = "status IN ('new', 'triaged', 'assigned', 'awaiting_citizen', 'resolved', 'reopened')"


def upgrade() -> None:
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ticket_open_category_created",
            ["category", "created_at"],
            unique=False,
            postgresql_where=sa.text(OPEN),
            sqlite_where=sa.text(OPEN),
        )


def downgrade() -> None:
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_ticket_open_category_created",
            postgresql_where=sa.text(OPEN),
            sqlite_where=sa.text(OPEN),
        )
