"""Email to staff (SLA warnings, escalations, reminders, digests), in each user's language.

Staff mail goes through the outbox like citizens' replies (on the channel that delivers to
email addresses, `ctx.channels.mail()`, to the user's address), so it is retried and a failure
shows; it is never written as a ticket message.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.outbox import enqueue
from core.models import Role, Ticket, User
from core.outbound import OutboundMessage

STAFF_TEXTS: dict[str, dict[str, str]] = {
    "urgent_followup.subject": {
        "en": "[{reference}] Urgent: the citizen wrote again",
        "ar": "[{reference}] عاجل: كتب المواطن مجددًا",
    },
    "urgent_followup": {
        "en": (
            "The citizen's new message on ticket {reference} reads as urgent; its priority "
            "is now urgent and its due time follows the urgent SLA.\n\n{text}\n\n{url}"
        ),
        "ar": (
            "رسالة المواطن الجديدة على البلاغ {reference} تبدو عاجلة؛ رُفعت أولويته إلى عاجلة "
            "وصار موعد إنجازه وفق مهلة الحالات العاجلة.\n\n{text}\n\n{url}"
        ),
    },
    "sla_warning.subject": {
        "en": "[{reference}] Due soon: {due}",
        "ar": "[{reference}] يقترب موعد الإنجاز: {due}",
    },
    "sla_warning": {
        "en": (
            "Ticket {reference} ({category}, {directorate}) is due at {due}.\n"
            "{percent}% of its time has passed.\n\n{url}"
        ),
        "ar": (
            "البلاغ {reference} ({category}، {directorate}) موعد إنجازه {due}.\n"
            "انقضى {percent}% من المدة المحددة.\n\n{url}"
        ),
    },
    "sla_escalation.subject": {
        "en": "[{reference}] Overdue and escalated",
        "ar": "[{reference}] تجاوز موعد الإنجاز وصُعِّد",
    },
    "sla_escalation": {
        "en": (
            "Ticket {reference} ({category}, {directorate}) was due at {due} and is still "
            "open (status: {status}, assignee: {assignee}).\nIts priority is now {priority}.\n\n{url}"
        ),
        "ar": (
            "البلاغ {reference} ({category}، {directorate}) كان موعد إنجازه {due} وما زال "
            "مفتوحًا (الحالة: {status}، المكلّف: {assignee}).\nرُفعت أولويته إلى {priority}.\n\n{url}"
        ),
    },
    "department_reminder.subject": {
        "en": "{count} ticket(s) due within {hours} hours",
        "ar": "{count} بلاغ/بلاغات يحين موعد إنجازها خلال {hours} ساعة",
    },
    "department_reminder": {
        "en": "These tickets of {directorate} are due soon:\n\n{lines}",
        "ar": "بلاغات {directorate} التالية يقترب موعد إنجازها:\n\n{lines}",
    },
    "digest.subject": {
        "en": "Digest {day}",
        "ar": "ملخص البلاغات {day}",
    },
    "digest": {
        "en": (
            "From {since} to {until}:\n"
            "received {received}, resolved {resolved}, breached {breached}, open {open}.\n"
            "Oldest open: {oldest}\n\nBy directorate (received / resolved / breached / open):\n"
            "{rows}\n\nService quality of the last {days} days by directorate:\n{quality}"
        ),
        "ar": (
            "من {since} إلى {until}:\n"
            "وردت {received}، أُنجزت {resolved}، تجاوزت الموعد {breached}، مفتوحة {open}.\n"
            "أقدم بلاغ مفتوح: {oldest}\n\nحسب المديرية (وارد / منجز / متجاوز / مفتوح):\n{rows}"
            "\n\nجودة الخدمة في آخر {days} يومًا حسب المديرية:\n{quality}"
        ),
    },
    "spike.subject": {
        "en": "Unusual volume: {category} in {area}",
        "ar": "ارتفاع غير معتاد: {category} في {area}",
    },
    "spike": {
        "en": (
            "{category} in {area}: {count} reports in {hours} hours, usually {usual}.\n"
            "The dashboard shows them on the map."
        ),
        "ar": (
            "{category} في {area}: {count} بلاغات خلال {hours} ساعات، والمعتاد {usual}.\n"
            "تظهر البلاغات على الخريطة في لوحة المؤشرات."
        ),
    },
    "digest_quality_row": {
        "en": (
            "- {name}: {tickets} tickets; first response median {frm} h (90%: {frp} h); "
            "resolution median {rm} h (90%: {rp} h); within SLA {sla}; reopened {reopened}; "
            "rating {rating} ({ratings} ratings, {answered} of surveys answered); "
            "category corrected {corrected}"
        ),
        "ar": (
            "- {name}: {tickets} بلاغ؛ وسيط أول رد {frm} ساعة (90%: {frp})؛ "
            "وسيط الحل {rm} ساعة (90%: {rp})؛ في الموعد {sla}؛ أُعيد فتحها {reopened}؛ "
            "التقييم {rating} ({ratings} تقييم، أُجيب {answered} من الاستبيانات)؛ "
            "صُحّح تصنيفها {corrected}"
        ),
    },
}


def staff_text(key: str, language: str | None, **params: object) -> str:
    """A staff text in the user's language (Arabic unless the user chose English)."""
    templates = STAFF_TEXTS[key]
    return templates["en" if language == "en" else "ar"].format(**params)


def local_time(ctx: Context, moment: datetime | None) -> str:
    """A time as staff read it: the centre's time zone, to the minute."""
    if moment is None:
        return "-"
    return moment.astimezone(business_timezone(ctx)).strftime("%Y-%m-%d %H:%M")


def business_timezone(ctx: Context) -> ZoneInfo:
    calendars = ctx.calendars
    return calendars.timezone if calendars is not None else ZoneInfo("Asia/Muscat")


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
