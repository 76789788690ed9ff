"""The one composition place: settings -> database, taxonomy, router, channels.

`CHANNELS` is the one channel registry: a new channel is its folder plus one line here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from channels.email.channel import CHANNEL as EMAIL
from channels.telegram.channel import CHANNEL as TELEGRAM
from channels.web.channel import CHANNEL as WEB
from channels.web.channel import OPEN311, PHONE
from channels.whatsapp.channel import CHANNEL as WHATSAPP
from core.channels import ChannelDescriptor, capability_table
from core.context import Context
from core.db import make_engine, make_sessionmaker
from core.insights.rollup import install_rollup_hooks
from core.intake.pipeline import register_hook
from core.outbound import SenderRegistry
from core.routing.model import ModelStore
from core.routing.router import ModelRouter
from core.routing.taxonomy import Taxonomy, load_taxonomy
from core.routing.types import Router
from core.settings import Settings
from core.sla.calendar import load_calendars
from core.staff.search import install_search_index

if TYPE_CHECKING:
    from flask import Flask

logger = logging.getLogger(__name__)

CHANNELS: tuple[ChannelDescriptor, ...] = (
    EMAIL,
    TELEGRAM,
    WEB,
    OPEN311,
    PHONE,
    WHATSAPP,
)


def build_context(
    settings: Settings,
    *,
    senders: SenderRegistry | None = None,
    router: Router | None = None,
    batch: bool = False,
) -> Context:
    """Everything core needs, built from settings; channels register senders here.

    The router defaults to the trained model kept under the data directory (built on first
    use when missing); tests may pass another router, e.g. one with a model trained once.
    `batch`: for a command-line job that reads a whole period, whose statements may run
    BALAGH_DB_BATCH_STATEMENT_TIMEOUT_SECONDS instead of the service's short limit.
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    taxonomy = load_taxonomy(settings.taxonomy or None)
    engine = make_engine(
        settings.effective_database_url,
        connect_timeout=settings.db_connect_timeout_seconds,
        statement_timeout=settings.db_batch_statement_timeout_seconds
        if batch
        else settings.db_statement_timeout_seconds,
    )
    ctx = Context(
        settings=settings,
        engine=engine,
        sessions=make_sessionmaker(engine),
        taxonomy=taxonomy,
        router=router or model_router(settings, taxonomy),
        senders=senders if senders is not None else SenderRegistry(),
        channels=capability_table(CHANNELS),
    )
    install_search_index(ctx.sessions)
    install_calendar(ctx)
    install_rollup_hooks(ctx.sessions, ctx.zone)
    if senders is None:
        register_channel_senders(ctx)
    register_inbound_hooks(ctx)
    return ctx


def register_inbound_hooks(ctx: Context) -> None:
    """Channels whose records the inbound pipeline processes (core.intake.pipeline), any process."""
    for channel in CHANNELS:
        if channel.pipeline or channel.after_processing is not None:
            register_hook(ctx, channel.name, channel.after_processing, channel.prepare)


def model_router(settings: Settings, taxonomy: Taxonomy) -> Router:
    """The trained router; its model loads (or is built) on first use, not at start-up."""
    return ModelRouter(ModelStore(settings.data_dir, taxonomy))


def install_calendar(ctx: Context) -> None:
    """Load the business calendars; with BALAGH_SLA_WORKING_HOURS, SLAs count working time."""
    calendars = load_calendars(ctx.settings)
    ctx.calendars = calendars
    if ctx.settings.sla_working_hours:
        ctx.due = calendars.due
        ctx.clock_hours = calendars.running_hours
        logger.info("SLA due times count working hours (%s)", calendars.timezone.key)


def register_channel_senders(ctx: Context) -> None:
    """Register a sender (and its /healthz probe) for each channel that is configured."""
    for channel in CHANNELS:
        sender = channel.sender(ctx) if channel.sender is not None else None
        if sender is None:
            continue
        ctx.senders.register(channel.name, sender)
        if channel.probe is not None:
            ctx.extras.setdefault("channel_probes", {})[channel.name] = channel.probe(ctx)


def channel_starters() -> dict[str, Callable[[Context], Any]]:
    """The channels' `balagh serve` components by name, in registry order."""
    return {name: start for channel in CHANNELS for name, start in channel.starters.items()}


def web_app(ctx: Context) -> Flask:
    """The web app with every channel's webhook blueprint."""
    # Imported here: Flask and the whole web app, which the job and mail processes never load.
    from channels.web.app import create_app

    hooks = [channel.blueprint() for channel in CHANNELS if channel.blueprint is not None]
    return create_app(ctx, channel_blueprints=hooks)
