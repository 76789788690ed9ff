"""tickets already waiting on the citizen when 0003 ran: their pause began at the move into it

0003 added `sla_paused_at` empty for every ticket, so a ticket that was waiting on the citizen
at that moment would resume without moving its due time (the wait before the upgrade lost).
Its pause began at its latest transition into `awaiting_citizen`, which the event log holds.
Only tickets waiting now with a running clock (a due time) and no recorded pause are touched;
the event data is JSON text on SQLite and json on PostgreSQL, so it is read in Python (the
waiting tickets are few: one query for them, one per ticket for its latest transition).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 12:10:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

WAITING = "awaiting_citizen"


def upgrade() -> None:
    bind = op.get_bind()
    waiting = bind.execute(
        sa.text(
            "SELECT id FROM ticket WHERE status = :waiting"
            " AND due_at IS NOT NULL AND sla_paused_at IS NULL"
        ),
        {"waiting": WAITING},
    ).scalars()
    latest = sa.text(
        "SELECT data, created_at FROM event WHERE ticket_id = :id AND kind = 'transition'"
        " ORDER BY created_at DESC, id DESC"
    )
    for ticket_id in list(waiting):
        began = next(
            (at for data, at in bind.execute(latest, {"id": ticket_id}) if _to(data) == WAITING),
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
    """Nothing to undo: 0003's downgrade drops the column."""
