"""The dependencies core functions need, gathered in one object built at composition time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from core.channels import ChannelTable
from core.outbound import SenderRegistry
from core.routing.types import Router, UnroutedRouter
from core.settings import Settings
from core.sla.calendar import DEFAULT_TIMEZONE
from core.sla.clock import ClockHours, DueCalculator, wall_clock_due, wall_clock_hours

if TYPE_CHECKING:
    from core.routing.taxonomy import Taxonomy
    from core.sla.calendar import Calendars


@dataclass
class Context:
    """Settings, database, router, taxonomy, senders, channels and clock: what core works with."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    taxonomy: Taxonomy
    router: Router = field(default_factory=UnroutedRouter)
    senders: SenderRegistry = field(default_factory=SenderRegistry)
    channels: ChannelTable = field(default_factory=ChannelTable)  # capabilities by name
    due: DueCalculator = wall_clock_due
    clock_hours: ClockHours = wall_clock_hours  # counts time the way `due` does
    # The business calendars (working days and hours, the centre's time zone) once loaded.
    calendars: Calendars | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    # True while `balagh serve` prepares the routing model: /healthz answers `starting`.
    starting: bool = False
    # True while `balagh serve` then starts the listeners, workers and scheduler: requests are
    # served, but /healthz still answers `starting` (a deployment's or a test's "ready" would
    # otherwise come before the SMTP port or the scheduler is up).
    components_starting: bool = False

    @property
    def zone(self) -> ZoneInfo:
        """The centre's time zone (the calendars' default, BALAGH_CALENDARS): its days are
        the statistics' days and its clock the one staff read."""
        calendars = self.calendars
        return calendars.timezone if calendars is not None else ZoneInfo(DEFAULT_TIMEZONE)

    @property
    def data_dir(self) -> Path:
        return self.settings.data_dir

    def now(self) -> datetime:
        """The current time, or `BALAGH_NOW` for dry runs and tests."""
        fixed = self.settings.now
        if fixed is not None:
            return fixed if fixed.tzinfo else fixed.replace(tzinfo=UTC)
        return datetime.now(UTC)

    def status_url(self, reference: str, secret: str) -> str:
        """The citizen's private status link."""
        return f"{self.settings.base_url}/t/{reference}?k={secret}"
