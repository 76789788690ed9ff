"""Spikes: an unusual number of reports of one category in one area, told to supervisors once.

Every run compares the last WINDOW hours per (category, area) with the same category and
area over the BASELINE weeks before: the usual count for a window is the baseline's count
scaled to the window. A spike needs at least MIN_COUNT reports and FACTOR times the usual
(the usual taken as at least one, so a first-ever pair of reports is not a spike).
An area is a cell of a coarse grid (AREA_DEGREES, about 2 km) named by the address its reports
give most often; "*" is the whole city (every report of the category, located or not).
A spike is announced once (inbox notice and staff mail to supervisors); while it lasts, later
runs only update its count; once it has calmed down for a whole window, a new one may start.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.staff_mail import email_staff, staff_count, supervisors
from core.language.texts import isolate
from core.models import Spike, Ticket

WINDOW = timedelta(hours=3)
BASELINE = timedelta(weeks=4)
MIN_COUNT = 5
FACTOR = 3.0
AREA_DEGREES = 0.02  # about 2.2 km north-south: a neighbourhood such as Al Khuwair
CITY = "*"


@dataclass(frozen=True)
class Volume:
    """Reports of one category in one area: in the window, and usually in such a window."""

    category: str
    area: str
    count: int
    usual: float
    area_name: str | None = None

    @property
    def unusual(self) -> bool:
        return self.count >= MIN_COUNT and self.count >= FACTOR * max(self.usual, 1.0)


def area_of(lat: float | None, lon: float | None) -> str | None:
    """The coarse cell of a point, 'row:column', or None without coordinates."""
    if lat is None or lon is None:
        return None
    return f"{math.floor(lat / AREA_DEGREES)}:{math.floor(lon / AREA_DEGREES)}"


def _counts(session: Session, since: datetime, until: datetime) -> Counter[tuple[str, str]]:
    rows = session.execute(
        select(Ticket.category, Ticket.lat, Ticket.lon)
        .where(Ticket.created_at >= since, Ticket.created_at < until)
        .where(Ticket.category.is_not(None), Ticket.duplicate_of_id.is_(None))
    ).all()
    counts: Counter[tuple[str, str]] = Counter()
    for category, lat, lon in rows:
        counts[str(category), CITY] += 1
        area = area_of(lat, lon)
        if area is not None:
            counts[str(category), area] += 1
    return counts


def _baseline(session: Session, since: datetime, until: datetime) -> Counter[tuple[str, str]]:
    """The trailing weeks' counts per (category, area), by the database for the city level."""
    counts: Counter[tuple[str, str]] = Counter()
    where = (Ticket.created_at >= since, Ticket.created_at < until, Ticket.category.is_not(None))
    for category, n in session.execute(
        select(Ticket.category, func.count()).where(*where).group_by(Ticket.category)
    ):
        counts[str(category), CITY] = int(n)
    for category, lat, lon in session.execute(
        select(Ticket.category, Ticket.lat, Ticket.lon).where(*where, Ticket.lat.is_not(None))
    ):
        area = area_of(lat, lon)
        if area is not None:
            counts[str(category), area] += 1
    return counts


def _area_names(session: Session, since: datetime, until: datetime) -> dict[str, str]:
    """Each area's most frequent address among the window's reports."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for lat, lon, address in session.execute(
        select(Ticket.lat, Ticket.lon, Ticket.address).where(
            Ticket.created_at >= since, Ticket.created_at < until, Ticket.address.is_not(None)
        )
    ):
        area, text = area_of(lat, lon), (address or "").strip()
        if area is not None and text:
            names[area][text[:120]] += 1
    return {area: counter.most_common(1)[0][0] for area, counter in names.items()}


def volumes(session: Session, now: datetime) -> list[Volume]:
    """Every (category, area) with reports in the last window, with its usual count."""
    start = now - WINDOW
    recent = _counts(session, start, now)
    baseline = _baseline(session, start - BASELINE, start)
    scale = WINDOW / BASELINE
    names = _area_names(session, start, now)
    return [
        Volume(category, area, n, round(baseline[category, area] * scale, 2), names.get(area))
        for (category, area), n in sorted(recent.items())
    ]


def find_spikes(ctx: Context) -> str:
    """The job: record new spikes, tell supervisors once; ongoing ones only get their count."""
    now = ctx.now()
    announced = 0
    with ctx.sessions() as session, session.begin():
        unusual = [v for v in volumes(session, now) if v.unusual]
        # A surge in one area also lifts the city's count: tell it once, by its area.
        local = {v.category for v in unusual if v.area != CITY}
        unusual = [v for v in unusual if v.area != CITY or v.category not in local]
        for volume in unusual:
            ongoing = session.execute(
                select(Spike).where(
                    Spike.category == volume.category,
                    Spike.area == volume.area,
                    Spike.last_seen_at >= now - WINDOW,
                )
            ).scalar_one_or_none()
            if ongoing is not None:
                ongoing.count, ongoing.last_seen_at = max(ongoing.count, volume.count), now
                continue
            spike = _record(session, volume, now)
            _tell_supervisors(ctx, session, spike)
            announced += 1
    return f"{len(unusual)} unusual volume(s), {announced} new spike(s) announced"


def _record(session: Session, volume: Volume, now: datetime) -> Spike:
    spike = Spike(
        category=volume.category,
        area=volume.area,
        area_name=volume.area_name,
        count=volume.count,
        usual=volume.usual,
        hours=int(WINDOW.total_seconds() // 3600),
        started_at=now,
        last_seen_at=now,
    )
    session.add(spike)
    session.flush()
    return spike


def spike_words(ctx: Context, spike: Spike, language: str) -> dict[str, object]:
    """The parameters of a spike's notice in one language (the inbox and mail share them)."""
    lang = "en" if language == "en" else "ar"
    try:
        category = ctx.taxonomy.name(spike.category, lang)
    except KeyError:
        category = spike.category
    return {  # names as typed (a Latin area in an Arabic sentence) keep their own order
        "category": isolate(category, lang),
        "area": isolate(_area_label(spike, lang), lang),
        "count": spike.count,
        "hours": spike.hours,
        "reports": staff_count("report", spike.count)[lang],
        "period": staff_count("hour", spike.hours)[lang],
        "usual": _usual(spike.usual),
    }


def _area_label(spike: Spike, lang: str) -> str:
    if spike.area == CITY:
        return "the whole city" if lang == "en" else "المدينة كلها"
    if spike.area_name:
        return spike.area_name
    row, column = (int(part) for part in spike.area.split(":"))
    lat, lon = (row + 0.5) * AREA_DEGREES, (column + 0.5) * AREA_DEGREES
    return f"{lat:.3f}, {lon:.3f}"


def _usual(value: float) -> str:
    return (
        str(round(value)) if value >= 1 or value == 0 else "0" if value < 0.05 else f"{value:.1f}"
    )


def _tell_supervisors(ctx: Context, session: Session, spike: Spike) -> None:
    for user in supervisors(session):
        email_staff(
            ctx, session, [user], "spike", ticket=None, **spike_words(ctx, spike, user.language)
        )


def recent_spikes(
    session: Session, now: datetime, within: timedelta = timedelta(hours=24)
) -> list[Spike]:
    """Spikes seen in the last day, newest first (the inbox notice)."""
    return list(
        session.execute(
            select(Spike)
            .where(Spike.last_seen_at >= now - within)
            .order_by(Spike.started_at.desc())
        ).scalars()
    )
