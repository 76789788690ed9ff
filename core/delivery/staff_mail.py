"""Email to staff (SLA warnings, escalations, reminders, digests), in each user's language.

Staff mail goes through the outbox like citizens' replies (on the channel that delivers to
email addresses, `ctx.channels.mail()`, to the user's address), so it is retried and a failure
shows; it is never written as a ticket message.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.outbox import enqueue
from core.language.catalog import load_catalog, plural_form
from core.models import Role, Ticket, User
from core.outbound import OutboundMessage

# The texts are a gettext catalog like the citizens' (core/delivery/locale/<language>/
# LC_MESSAGES/staff_mail.po), read on first use.
STAFF_DOMAIN = ("core.delivery", "staff_mail")


class PerLanguage(dict[str, str]):
    """A parameter whose words depend on the reader's language (`{"ar": ..., "en": ...}`):
    `staff_text` takes the reader's, so one call can mail staff of either language."""


def staff_text(key: str, language: str | None, **params: object) -> str:
    """A staff text in the user's language (Arabic unless the user chose English)."""
    lang = "en" if language == "en" else "ar"
    texts = load_catalog(*STAFF_DOMAIN)[lang]
    values = {k: v[lang] if isinstance(v, PerLanguage) else v for k, v in params.items()}
    return texts[key].format(**values)


def staff_count(noun: str, n: float) -> PerLanguage:
    """`n` of `noun` in each language ("بلاغ واحد", "3 بلاغات", "14 بلاغًا"; "14 reports"):
    the catalog's `<noun>.<form>`, the form by Arabic number agreement (`plural_form`); a
    fraction of hours takes the `other` form."""
    form = plural_form(int(n)) if float(n).is_integer() else "other"
    catalog = load_catalog(*STAFF_DOMAIN)
    return PerLanguage(
        {lang: catalog[lang][f"{noun}.{form}"].format(n=f"{n:g}") for lang in ("ar", "en")}
    )


def staff_name(ctx: Context, code: str | None) -> PerLanguage:
    """A category's or directorate's name in each language ("-" for none; an unknown code as
    itself), for staff mail that would otherwise show the code."""
    names = PerLanguage()
    for lang in ("ar", "en"):
        try:
            names[lang] = ctx.taxonomy.name(code, lang) if code else "-"
        except KeyError:
            names[lang] = str(code)
    return names


def local_time(ctx: Context, moment: datetime | None) -> str:
    """A time as staff read it: the centre's time zone, to the minute."""
    if moment is None:
        return "-"
    return moment.astimezone(ctx.zone).strftime("%Y-%m-%d %H:%M")


def inbox_url(ctx: Context, reference: str) -> str:
    """Where a member of staff opens the ticket in the shared inbox."""
    return f"{ctx.settings.base_url}/inbox/t/{reference}"


def supervisors(session: Session) -> list[User]:
    """Every active supervisor: escalations and digests go to all of them."""
    return list(
        session.execute(
            select(User)
            .where(User.role == Role.SUPERVISOR, User.active.is_(True))
            .order_by(User.id)
        ).scalars()
    )


def department_staff(session: Session, directorate: str | None) -> list[User]:
    """Active department users of one directorate."""
    if not directorate:
        return []
    return list(
        session.execute(
            select(User)
            .where(
                User.role == Role.DEPARTMENT,
                User.directorate == directorate,
                User.active.is_(True),
            )
            .order_by(User.id)
        ).scalars()
    )


def email_staff(
    ctx: Context,
    session: Session,
    users: Iterable[User],
    key: str,
    *,
    ticket: Ticket | None,
    **params: object,
) -> int:
    """Queue text `key` to each user by email, in the caller's transaction; return how many."""
    channel = ctx.channels.mail()
    if channel is None:  # no channel delivers mail: nothing can reach staff
        return 0
    count = 0
    for user in users:
        if not user.email:
            continue
        enqueue(
            session,
            OutboundMessage(
                channel=channel,
                to=user.email,
                text=staff_text(key, user.language, **params),
                language=user.language,
                # No reference: the email sender would add a per-ticket Reply-To, and a
                # staff reply must not land in the citizen's conversation. The subject and
                # text carry the reference.
                reference="",
                kind=key,
                subject=staff_text(f"{key}.subject", user.language, **params),
            ),
            ticket=ticket,
            now=ctx.now(),
        )
        count += 1
    return count
