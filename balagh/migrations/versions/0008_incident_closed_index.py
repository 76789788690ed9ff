"""a report at a recently closed incident's place: incidents by category and closing time

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 08:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_incident_category_closed", "incident", ["category", "closed_at"])


def downgrade() -> None:
    op.drop_index("ix_incident_category_closed", table_name="incident")
