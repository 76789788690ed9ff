"""a report sent again: the submission's key on the inbound record, with its index

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resubmit_key", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_inbound_resubmit", ["resubmit_key", "received_at"], unique=False)


def downgrade() -> None:
    # Plain ALTER, never SQLite's copy-and-move of the table: other tables' rows point at
    # inbound records, so dropping the old table under foreign keys fails (SQLite >= 3.35
    # drops a column in place once its index is gone).
    with op.batch_alter_table("inbound_record", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_inbound_resubmit")
        batch_op.drop_column("resubmit_key")
