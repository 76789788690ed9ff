"""The one composition place: settings -> database, taxonomy, router, channel senders."""

from __future__ import annotations

import logging

from core.context import Context
from core.db import make_engine, make_sessionmaker
from core.outbound import SenderRegistry
from core.routing.taxonomy import Taxonomy, load_taxonomy
from core.routing.types import Router
from core.search import install_search_index
from core.settings import Settings

logger = logging.getLogger(__name__)


def build_context(
    settings: Settings, *, senders: SenderRegistry | None = None, router: Router | None = None
) -> Context:
    """Everything core needs, built from settings; channels register senders here.

    The router defaults to the trained model kept under the data directory (built on first
    use when missing); tests may pass another router, e.g. one with a model trained once.
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    taxonomy = load_taxonomy(settings.taxonomy or None)
    engine = make_engine(settings.effective_database_url)
    ctx = Context(
        settings=settings,
        engine=engine,
        sessions=make_sessionmaker(engine),
        taxonomy=taxonomy,
        router=router or model_router(settings, taxonomy),
        senders=senders if senders is not None else SenderRegistry(),
    )
    install_search_index(ctx.sessions)
    install_calendar(ctx)
    if senders is None:
        register_channel_senders(ctx)
    return ctx


def model_router(settings: Settings, taxonomy: Taxonomy) -> Router:
    """The trained router; its model loads (or is built) on first use, not at start-up."""
    from core.routing.classifier import ModelStore
    from core.routing.router import ModelRouter

    return ModelRouter(ModelStore(settings.data_dir, taxonomy))


def install_calendar(ctx: Context) -> None:
    """Load the business calendars; with BALAGH_SLA_WORKING_HOURS, SLAs count working time."""
    from core.calendar import load_calendars

    calendars = load_calendars(ctx.settings)
    ctx.extras["calendars"] = calendars
    if ctx.settings.sla_working_hours:
        ctx.due = calendars.due
        logger.info("SLA due times count working hours (%s)", calendars.timezone.key)


def register_channel_senders(ctx: Context) -> None:
    """Register a sender for each channel that is configured."""
    from channels.email.sender import SmtpSender

    ctx.senders.register("email", SmtpSender.from_settings(ctx.settings))
    if ctx.settings.telegram_token:
        from channels.telegram.health import register_telegram

        register_telegram(ctx)
