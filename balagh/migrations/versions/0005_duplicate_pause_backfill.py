"""open duplicates with a running clock: their pause began at their move into duplicate

From this release a duplicate's SLA clock is paused (`SLA_CLOCK_PAUSED`), so a duplicate
released by a rejected original comes back with the time it had left. A ticket that was
already a duplicate, with a due time, has no pause start and would come back with its old due
time, maybe overdue at once. Its pause began at its latest transition into `duplicate`, which
the event log holds (read in Python as in 0004: JSON text on SQLite, json on PostgreSQL).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 13:50:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DUPLICATE = "duplicate"


def upgrade() -> None:
    bind = op.get_bind()
    paused = bind.execute(
        sa.text(
            "SELECT id FROM ticket WHERE status = :duplicate"
            " AND due_at IS NOT NULL AND sla_paused_at IS NULL"
        ),
        {"duplicate": DUPLICATE},
    ).scalars()
    latest = sa.text(
        "SELECT data, created_at FROM event WHERE ticket_id = :id AND kind = 'transition'"
        " ORDER BY created_at DESC, id DESC"
    )
    for ticket_id in list(paused):
        began = next(
            (at for data, at in bind.execute(latest, {"id": ticket_id}) if _to(data) == DUPLICATE),
            None,
        )
        if began is not None:
            bind.execute(
                sa.text("UPDATE ticket SET sla_paused_at = :at WHERE id = :id"),
                {"at": began, "id": ticket_id},
            )


def _to(data: Any) -> Any:
    """The transition's target status, from the JSON as either database returns it."""
    if isinstance(data, str):
        data = json.loads(data)
    return data.get("to") if isinstance(data, dict) else None


def downgrade() -> None:
    """Nothing to undo: a pause start on a duplicate is harmless to the older code."""
