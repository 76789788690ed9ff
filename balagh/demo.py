"""Demo data for `balagh serve --demo`: tickets on every channel, in both languages, in every
status, and a login for each role. Only fills an empty database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from core.context import Context
from core.delivery.notify import queue_reply
from core.inbound import InboundMessage, Location
from core.intake.ingest import ingest
from core.intake.triage import set_category
from core.models import Status, Ticket, User
from core.staff.accounts import add_user
from core.workflow.transitions import Actor, transition

DEMO_PASSWORD = "balagh-demo-2026"
# A member of staff has one display name, read on Arabic and English pages alike: the demo's
# are bilingual, Arabic first, as the centre's own staff list would read.
ROLES = [
    ("agent@demo.balagh", "agent", None, "عائشة البلوشية / Aisha Al Balushi"),
    ("dispatcher@demo.balagh", "dispatcher", None, "خالد الحارثي / Khalid Al Harthy"),
    ("supervisor@demo.balagh", "supervisor", None, "مريم الهنائية / Maryam Al Hinai"),
]


@dataclass(frozen=True)
class DemoCase:
    channel: str
    sender: str
    text: str
    category: str
    target: Status
    location: Location | None = None


CASES = [
    DemoCase("telegram", "500001", "في حفرة كبيرة في شارع الخوض قرب الدوار، خطيرة على السيارات", "road_damage", Status.NEW,
             Location(23.6202, 58.1956, "الخوض")),
    DemoCase("email", "salim@example.om", "The street light outside house 14, way 3021 in Qurum has been off for a week.",
             "street_lighting", Status.TRIAGED),
    DemoCase("web", "web:demo-3", "القمامة ما تجمعت من ثلاث أيام في الحيل الجنوبية والريحة قوية", "waste_collection",
             Status.ASSIGNED, Location(23.66, 58.21, "الحيل الجنوبية")),
    DemoCase("phone", "+96891234567", "Caller reports sewage overflowing near Ruwi market, smell is strong.",
             "sewage_overflow", Status.RESOLVED),
    DemoCase("telegram", "500002", "kalb sayeb 3ind madrasat al amerat, il 3iyal khayfeen", "stray_animals", Status.CLOSED),
    DemoCase("email", "fatma@example.om", "مطعم في روي المطبخ وسخ جداً وفيه حشرات", "food_safety", Status.AWAITING_CITIZEN),
    # A second report of the third case's problem (its duplicate needs an original of its kind)
    DemoCase("web", "web:demo-7", "Rubbish has not been collected in Al Hail South for three days, the smell is bad.",
             "waste_collection", Status.DUPLICATE, Location(23.6602, 58.2104, "Al Hail South")),
    DemoCase("telegram", "500003", "BUY CHEAP FOLLOWERS NOW!!! http://spam.example", "feedback", Status.REJECTED),
    DemoCase("email", "noura@example.om", "Thank you for fixing the lights quickly in Seeb, great service.", "feedback",
             Status.REOPENED),
]  # fmt: skip


def load_demo(ctx: Context) -> list[str]:
    """Fill an empty database; returns lines for the console (logins)."""
    with ctx.sessions() as session:
        if session.execute(select(func.count()).select_from(Ticket)).scalar_one():
            return ["demo: database already has tickets; left as it is"]
    lines = _add_users(ctx)
    originals: dict[str, int] = {}
    for i, case in enumerate(CASES, start=1):
        result = ingest(ctx, InboundMessage(
            channel=case.channel, sender=case.sender, text=case.text, external_id=f"demo-{i}",
            location=case.location, email=case.sender if case.channel == "email" else None,
        ))  # fmt: skip
        _walk(ctx, result.ticket_id, case, originals)
        originals.setdefault(case.category, result.ticket_id)
    lines.append(f"demo: {len(CASES)} tickets on telegram, email, web and phone, in every status")
    return lines


def _add_users(ctx: Context) -> list[str]:
    """The central roles, and a department login for every directorate of the taxonomy."""
    codes = [d.code for d in ctx.taxonomy.directorates]
    departments = [
        (f"{code}@demo.balagh", "department", code, _department_name(ctx, code)) for code in codes
    ]
    lines = [
        f"demo login: {ctx.settings.admin_email} / (the administrator's password: "
        "BALAGH_ADMIN_PASSWORD, or the one printed when it was created) (admin)"
    ]
    with ctx.sessions() as session, session.begin():
        for email, role, directorate, name in [*ROLES, *departments]:
            if session.execute(select(User.id).where(User.email == email)).first() is None:
                add_user(session, email, role, password=DEMO_PASSWORD, directorate=directorate,
                         name=name, directorates=codes)  # fmt: skip
            lines.append(f"demo login: {email} / {DEMO_PASSWORD} ({role})")
    return lines


def _department_name(ctx: Context, code: str) -> str:
    """A directorate's demo login as staff read it in either language ("الطرق والإنارة /
    Roads and Street Lighting"): an English name alone stood in the Arabic assignee list."""
    return f"{ctx.taxonomy.name(code, 'ar')} / {ctx.taxonomy.name(code, 'en')}"


PATHS: dict[Status, list[Status]] = {
    Status.NEW: [Status.NEW],  # the router may have triaged it; send it back to intake
    Status.TRIAGED: [Status.TRIAGED],
    Status.ASSIGNED: [Status.TRIAGED, Status.ASSIGNED],
    Status.AWAITING_CITIZEN: [Status.TRIAGED, Status.ASSIGNED, Status.AWAITING_CITIZEN],
    Status.RESOLVED: [Status.TRIAGED, Status.ASSIGNED, Status.RESOLVED],
    Status.CLOSED: [Status.TRIAGED, Status.ASSIGNED, Status.RESOLVED, Status.CLOSED],
    Status.REOPENED: [
        Status.TRIAGED,
        Status.ASSIGNED,
        Status.RESOLVED,
        Status.CLOSED,
        Status.REOPENED,
    ],
    Status.DUPLICATE: [Status.DUPLICATE],
    Status.REJECTED: [Status.REJECTED],
}


def _walk(ctx: Context, ticket_id: int, case: DemoCase, originals: dict[str, int]) -> None:
    """Move a demo ticket along the workflow to its target status as real staff would."""
    actor = Actor(name="dispatcher@demo.balagh", role="dispatcher")
    with ctx.sessions() as session, session.begin():
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        if case.target not in (Status.REJECTED, Status.NEW):
            set_category(ctx, ticket, case.category)
        for step in PATHS[case.target]:
            if ticket.status == step:
                continue
            note = _note(step, ticket.language)
            original = (
                session.get(Ticket, originals.get(case.category, 0))
                if step == Status.DUPLICATE
                else None
            )
            if step == Status.DUPLICATE and original is None:
                original = session.execute(
                    select(Ticket).where(Ticket.id != ticket.id).limit(1)
                ).scalar_one()
            transition(ctx, session, ticket, step, actor, note=note, duplicate_of=original)
        if case.target == Status.ASSIGNED:
            text = (
                "شكراً لبلاغك، فريق النظافة في الطريق."
                if ticket.language == "ar"
                else "Thank you, a crew is on its way."
            )
            queue_reply(ctx, session, ticket, text, kind="reply")


def _note(step: Status, language: str | None) -> str | None:
    if step == Status.RESOLVED:
        return (
            "تمت المعالجة وتنظيف الموقع."
            if language == "ar"
            else "The problem was fixed and the site cleaned."
        )
    if step == Status.AWAITING_CITIZEN:
        return (
            "ممكن تحدد اسم المطعم وموقعه بالضبط؟"
            if language == "ar"
            else "Could you tell us the exact location?"
        )
    return None
