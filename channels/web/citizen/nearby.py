"""The report form's "similar reports nearby": core's list (`core.intake.nearby`) in words.

Both the plain step (a button that posts the form back, for browsers without JavaScript) and
the JSON the form's script asks for are built here, so the two say the same thing. Only what
core hands over is shown: a report's kind, rough distance, age and status, and how many
people reported it; the reference travels only as the value of the citizen's choice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from channels.web.citizen.texts import counted, text
from core.context import Context
from core.intake.nearby import NearbyReport, guess_category, similar_nearby
from core.language.texts import status_label


@dataclass(frozen=True)
class NearbyItem:
    """One problem the citizen may say is theirs."""

    choice: str
    title: str
    facts: tuple[str, ...]


@dataclass(frozen=True)
class NearbyView:
    """What the form shows: a list, or why there is none (`state`), in the page's language."""

    state: str  # "listed", "none", "need_place" or "need_category"
    message: str  # one sentence for the live region (the count, or why nothing is listed)
    category: str | None = None
    guessed: str | None = None  # said when the kind was read from the description
    items: tuple[NearbyItem, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def build(
    ctx: Context,
    lang: str,
    *,
    category: str | None,
    description: str | None,
    lat: float | None,
    lon: float | None,
) -> NearbyView:
    """The nearby list for a pin and a kind (chosen, else read from the description)."""
    if lat is None or lon is None:
        return NearbyView("need_place", text("nearby_need_place", lang))
    code = category or guess_category(ctx, description)
    if not code:
        return NearbyView("need_category", text("nearby_need_category", lang))
    with ctx.sessions() as session:
        found = similar_nearby(ctx, session, code, lat, lon)
    name = _name(ctx, code, lang)
    guessed = None if category else text("nearby_guessed", lang, category=name)
    if not found:
        return NearbyView("none", text("nearby_none", lang), code, guessed)
    items = tuple(_item(ctx, report, name, lang) for report in found)
    message = counted("nearby_count", len(items), lang)
    return NearbyView("listed", message, code, guessed, items)


def _item(ctx: Context, report: NearbyReport, name: str, lang: str) -> NearbyItem:
    facts = [
        counted("nearby_metres", report.metres, lang),
        age(report.created_at, ctx.now(), lang, ctx.zone),
        text("nearby_status", lang, status=status_label(report.status, lang)),
    ]
    if report.reports > 1:
        facts.append(counted("nearby_reports", report.reports, lang))
    return NearbyItem(report.reference, name, tuple(facts))


def age(created: datetime, now: datetime, lang: str, zone: tzinfo) -> str:
    """'Reported today', 'yesterday', 'N days ago', by the calendar days of the centre's clock
    (`zone`, Context.zone)."""
    days = (now.astimezone(zone).date() - created.astimezone(zone).date()).days
    if days <= 0:
        return text("nearby_age_today", lang)
    if days == 1:
        return text("nearby_age_yesterday", lang)
    return counted("nearby_age", days, lang)


def _name(ctx: Context, code: str, lang: str) -> str:
    try:
        return ctx.taxonomy.name(code, lang)
    except KeyError:
        return code
