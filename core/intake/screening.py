"""Every follow-up is screened: a message added to an open ticket gets the checks a new one gets.

A new report is routed (category, urgency), and one opened without words (a shared place
or a photo first) is routed on the first words that follow; a later message on the same
ticket used to skip that, so "now the water is inside the house" stayed a normal ticket and a stray-dog report
sent into a street-light ticket went to Roads unseen. `FOLLOWUP_RULES` is the ordered tuple
of small named rules run on each follow-up (reordering or adding one is a one-line diff);
each may change the ticket and returns what it did for the event log.

Courtesy messages ("thank you", "شكرا") are recognised here too: after closing they are kept
on the closed ticket rather than reopening it or opening a new one. So is "still not fixed"
or "it came back" (`says_not_solved`, by meaning: persisting, a negated remedy, recurring):
a chat citizen's plain message saying so joins their recently closed ticket by the reopen
rule, as a reply to it would, unless it confidently reads as another problem
(`another_problem`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from core.context import Context
from core.delivery.staff_mail import department_staff, email_staff, inbox_url, supervisors
from core.intake.incidents import place_later
from core.intake.triage import routing_record, set_category
from core.language.normalize import normalize_arabic
from core.models import Direction, Message, Priority, Status, Ticket
from core.routing.terms import TermIndex
from core.routing.types import Classification
from core.tickets import record_event
from core.workflow.transitions import SYSTEM_ACTOR, recompute_due, transition

FIRST_WORDS = "first_words"
URGENT_REASON = "urgent_followup"
DIFFERENT_PROBLEM = "different_problem"
# Categories that are not a problem of their own: a question or thanks never is "different".
NOT_A_PROBLEM = ("enquiry", "feedback")


@dataclass(frozen=True)
class FollowUp:
    """A citizen's message on an existing ticket, with the router's reading of it."""

    ticket: Ticket
    message: Message
    reading: Classification


Rule = Callable[[Context, Session, FollowUp], str | None]


def screen_followup(ctx: Context, session: Session, ticket: Ticket, message: Message) -> list[str]:
    """Run every rule on the follow-up; returns the names of the rules that acted."""
    if not (message.text or "").strip():
        return []
    followup = FollowUp(ticket, message, ctx.router.classify(message.text))
    acted = [name for name, rule in FOLLOWUP_RULES if rule(ctx, session, followup)]
    return acted


def route_first_words(ctx: Context, session: Session, followup: FollowUp) -> str | None:
    """A report opened without words (a shared place, a photo) is routed on the first words
    that follow, as a new report is on its own: the router had nothing to read when it
    opened. A report the router already read stays intake's to judge."""
    ticket, reading = followup.ticket, followup.reading
    if ticket.status != Status.NEW or ticket.category is not None:
        return None
    if _had_words_before(ticket, followup.message):
        return None
    ticket.confidence, ticket.not_for_us = reading.confidence, reading.not_for_us
    ticket.routing = {**routing_record(reading), "late": True}
    record_event(
        session, ticket, "routed", at=ctx.now(), message=followup.message.id, **ticket.routing
    )
    confident = reading.category and reading.confidence >= ctx.settings.route_threshold
    if not confident or reading.not_for_us:
        return None
    set_category(ctx, ticket, str(reading.category))
    transition(ctx, session, ticket, Status.TRIAGED, SYSTEM_ACTOR, notify=False)
    place_later(ctx, session, ticket)  # now that it has a category, maybe an incident's
    return FIRST_WORDS


def _had_words_before(ticket: Ticket, message: Message) -> bool:
    """Whether the citizen wrote anything on this ticket before `message`."""
    return any(
        m.direction == Direction.IN and m.id != message.id and (m.text or "").strip()
        for m in ticket.messages
    )


def raise_urgent(ctx: Context, session: Session, followup: FollowUp) -> str | None:
    """An urgent follow-up makes the ticket urgent (urgent SLA) and tells whoever has it."""
    ticket = followup.ticket
    if not followup.reading.urgent or ticket.priority == Priority.URGENT:
        return None
    before = ticket.priority
    ticket.priority, ticket.urgent = Priority.URGENT, True
    due = recompute_due(ctx, ticket)
    change: dict[str, Any] = {"from": before, "to": str(Priority.URGENT), **due}
    record_event(
        session,
        ticket,
        "priority",
        at=ctx.now(),
        reason=URGENT_REASON,
        message=followup.message.id,
        **change,
    )
    people = [ticket.assignee] if ticket.assignee is not None else []
    people = people or department_staff(session, ticket.directorate) or supervisors(session)
    email_staff(
        ctx,
        session,
        people,
        URGENT_REASON,
        ticket=ticket,
        reference=ticket.reference,
        text=followup.message.text[:500],
        url=inbox_url(ctx, ticket.reference),
    )
    return URGENT_REASON


def flag_different_problem(ctx: Context, session: Session, followup: FollowUp) -> str | None:
    """A follow-up the router confidently files under another category is flagged for staff.

    Staff decide (split it into its own report or not); nothing is moved automatically.
    """
    ticket, reading = followup.ticket, followup.reading
    if not another_problem(ctx, ticket, reading):
        return None
    ticket.attention = DIFFERENT_PROBLEM
    record_event(
        session,
        ticket,
        "attention",
        at=ctx.now(),
        reason=DIFFERENT_PROBLEM,
        message=followup.message.id,
        category=reading.category,
        confidence=round(float(reading.confidence), 4),
    )
    return DIFFERENT_PROBLEM


def another_problem(ctx: Context, ticket: Ticket, reading: Classification) -> bool:
    """Whether the router confidently files a citizen's message about `ticket` under another
    category (a question or thanks never is one): a follow-up is then flagged for staff, and
    a "still not fixed" after closing is a new report rather than the closed one's."""
    if reading.category is None or reading.not_for_us or ticket.category is None:
        return False
    if reading.category in (ticket.category, *NOT_A_PROBLEM):
        return False
    return reading.confidence >= ctx.settings.route_threshold


FOLLOWUP_RULES: tuple[tuple[str, Rule], ...] = (
    (FIRST_WORDS, route_first_words),
    (URGENT_REASON, raise_urgent),
    (DIFFERENT_PROBLEM, flag_different_problem),
)


# --- courtesy ---------------------------------------------------------------------------------

_COURTESY_WORDS = {
    # Arabic (normalised: no diacritics, alef/taa marbuta/yaa unified by normalize_arabic)
    "شكرا",
    "شكر",
    "مشكور",
    "مشكورين",
    "مشكوره",
    "جزاكم",
    "جزاك",
    "الله",
    "خيرا",
    "خير",
    "يعطيكم",
    "يعطيك",
    "العافيه",
    "تسلم",
    "تسلمون",
    "جزيل",
    "جزيلا",
    "جدا",
    "الشكر",
    "لكم",
    "لك",
    "كثيرا",
    "وشكرا",
    "تمام",
    "ممتاز",
    "حسنا",
    "اوكي",
    "و",
    # English and Arabizi
    "thanks",
    "thank",
    "you",
    "thx",
    "ty",
    "many",
    "so",
    "much",
    "very",
    "ok",
    "okay",
    "great",
    "shukran",
    "mashkoor",
    "tamam",
}
_COURTESY_CORE = {"شكرا", "شكر", "مشكور", "مشكورين", "مشكوره", "جزاكم", "جزاك", "تسلم"}
_COURTESY_CORE |= {"تسلمون", "وشكرا", "العافيه", "thanks", "thank", "thx", "ty", "shukran"}
_COURTESY_CORE |= {"mashkoor", "ok", "okay", "تمام", "اوكي", "حسنا"}
# Praise of the work done, said with a thank-you ("شكرا على سرعة الانجاز", "thank you for
# fixing it so quickly"): words that name no problem, no place and no request, so a message
# made of them and a thank-you still asks for nothing. A closed list on purpose: one word
# outside it ("thanks, the dog is back") and the message is read as the citizen's news.
_PRAISE_WORDS = {
    # Arabic, normalised ("على" is "علي" after normalize_arabic)
    "علي", "سرعه", "السرعه", "الانجاز", "انجاز", "المتابعه", "متابعه", "متابعتكم",
    "الاستجابه", "استجابتكم", "التجاوب", "تجاوبكم", "لتجاوبكم", "السريع", "السريعه", "سريع",
    "الجهود", "جهودكم", "جهود", "تعاونكم", "التعاون", "الاهتمام", "اهتمامكم", "الخدمه",
    "الحل", "حلها", "تم", "الاصلاح", "اصلاحها", "اصلاحه", "العمل", "عمل", "رائع", "ممتازه",
    "جميل", "الفريق", "فريق", "البلديه", "كل", "وايد", "كثير", "بارك", "فيكم", "يبارك",
    "والله", "الف", "ما", "قصرتوا", "قصرتو", "قصرتم", "قصرت", "ماقصرتوا", "ماقصرتو", "بالتوفيق",
    # English and Arabizi
    "for", "fixing", "fixed", "it", "the", "your", "quick", "quickly", "fast", "prompt",
    "response", "work", "job", "good", "well", "done", "excellent", "amazing", "team", "help",
    "efforts", "effort", "all", "solved", "sorting", "sorted", "out", "appreciate",
    "appreciated", "really", "i", "we", "a", "lot", "kind", "nice", "service", "3ala", "el",
    "sor3a", "ya3tikum", "3afya", "qasartu", "gasartu", "9asartu", "ma",
}  # fmt: skip
_WORD = re.compile(r"\w+")
_EMOJI_ONLY = re.compile(r"^[\s\W_]*$")
# A thank-you with its praise stays short; longer, it says more than thanks.
MAX_COURTESY_WORDS = 12


def is_courtesy(text: str | None) -> bool:
    """A short thank-you or acknowledgement that asks for nothing ("شكرا جزيلا", "thanks!",
    "شكرا على سرعة الانجاز", "thank you for fixing it so quickly"): after closing it stays on
    the closed ticket instead of reopening it. Not when it says the problem is not solved
    ("ما تم الاصلاح، شكرا")."""
    value = (text or "").strip()
    if not value:
        return False
    if _EMOJI_ONLY.match(value):  # 👍 🙏 alone
        return len(value) <= 8
    words = _WORD.findall(normalize_arabic(value).lower())
    if not words or len(words) > MAX_COURTESY_WORDS or not any(w in _COURTESY_CORE for w in words):
        return False
    if not all(w in _COURTESY_WORDS or w in _PRAISE_WORDS for w in words):
        return False
    return not says_not_solved(value) and not _negated(words)


def _negated(words: list[str]) -> bool:
    """A negation other than "ما قصرتوا" (you spared nothing): "ما" or "ma" before any other
    word turns praise into a complaint ("ما تم الحل")."""
    nexts = [*words[1:], ""]
    return any(
        w in {"ما", "ma"} and not ("قصرت" in after or "sart" in after)
        for w, after in zip(words, nexts, strict=True)
    )


# --- not solved ---------------------------------------------------------------------------

# "It is still not fixed" or "it came back", said of the report just closed. Recognised by
# meaning rather than by whole phrases: a message says so when it carries one of these
# ideas, each a short list of words matched as routing's terms are (core/routing/terms.py:
# normalised, a clitic و/ب/ال stripped, Arabizi read by its fold so "rj3at" meets رجع; a
# trailing '=' for the whole word, a stem otherwise).
# - persisting: the problem is still there ("still", "لسا", "ما زال", Gulf "للحين", "ba3dha");
# - not fixed: a negation followed within NEGATION_REACH words by a repair or working word
#   ("not fixed", "nobody came", "ما انصلح", "لم يتم الاصلاح", "mb sha3al"), or one written
#   with its negation attached ("ماانحلت");
# - recurred: it happened again ("back again", "came back", "رجع", "عادت", "rj3", "من جديد"),
#   unless the message says things work now ("the light works again, thanks") with no "but".
_STILL = (
    "still=", "yet=", "persist", "same problem=", "same issue=", "unsolved=", "unresolved=",
    "لسا=", "لسه=", "لساته", "لسع=", "للحين=", "لليوم=", "بعده=", "بعدها=", "بعدهم=",
    "ما زال", "مازال", "لا زال", "لازال", "لا يزال", "لا تزال", "نفس المشكله=", "قائمه=",
    "باقيه=", "باقي المشكله=",
    "lsa=", "lesa=", "lissa=", "lisa=", "lessa=", "lil7ain=", "lil7een=", "lel7een=", "ba3do=",
    "ba3dah=", "ba3deh=", "ba3dha=", "ba3dhum=", "mazal=", "ma zal", "mazalat=", "nafs el mushkila",
)  # fmt: skip
_NEGATIONS = (
    "not=", "no=", "never=", "nobody=", "nothing=", "none=", "neither=", "cannot=", "isn=",
    "isnt=", "wasn=", "wasnt=", "didn=", "didnt=", "doesn=", "doesnt=", "don=", "dont=",
    "hasn=", "hasnt=", "haven=", "havent=", "aren=", "arent=", "weren=", "werent=", "won=",
    "ما=", "لم=", "لا=", "لن=", "مو=", "مب=", "مش=", "ليس=", "محد=", "ماحد=", "ولا=", "مافي=",
    "مافيه=", "ماشي=", "بدون=",
    "ma=", "mb=", "mob=", "mo=", "mu=", "mish=", "msh=", "mich=", "lam=", "la=", "mafi=",
    "mahad=", "ma7ad=", "ma7d=",
)  # fmt: skip
# Remedy in general (fixing, solving, someone coming, working): negated, the problem is not
# solved. A problem's own verbs are not here: "garbage not collected" is a report of its own.
_REPAIR_AR = (
    "حل=", "حلت=", "حلها=", "حله=", "حلوها=", "انحل", "تنحل", "ينحل", "تحل=", "يحل=", "صلح",
    "انصلح", "تصلح", "يصلح", "اصلح", "تصليح", "اصلاح", "جا=", "جاء=", "جو=", "اجو=",
    "حضر", "اشتغل", "يشتغل", "تشتغل", "شغال", "تغير", "يتغير", "زين=", "تعالج", "عالج",
)  # fmt: skip
_REPAIR = _REPAIR_AR + (
    "fix", "solv", "resolv", "repair", "sort", "done=", "came=", "come=", "showed=", "work",
    "chang", "happen", "handled=", "addressed=",
    "t9alla7", "tsalla7", "t9ala7", "9ala7", "sala7", "sal7", "in7al", "n7al", "7al=",
    "7alo", "shaghal", "sha3al", "shtaghal", "ishtaghal", "ystaghil", "yshtaghil", "ja=", "jaw=",
    "yaw=",
)  # fmt: skip
_RECURRED = (
    "again=", "back=", "came back", "come back", "comes back", "coming back", "returned=",
    "returns=", "returning=", "recur", "reappear", "resurfaced=", "once more",
    "رجع", "يرجع", "ترجع", "رجعت=", "عاد=", "عادت=", "يعود=", "تعود=", "عاود", "يعاود",
    "تكرر", "يتكرر", "تتكرر", "مره ثانيه=", "مره اخري=", "ثاني مره=", "من جديد=", "مجددا=",
    "rj3", "rja3", "rje3", "rg3", "raja3", "rij3", "ri3", "3ad=", "3adat=", "3awad", "marra thanya",
    "mara thanya", "marra thanyah", "mara thanyeh", "min jdeed", "mn jdeed", "mn jded",
    "min jadeed", "tkarrar", "tkarar",
)  # fmt: skip
# Saying things work now ("works again, thanks") turns a "back" or "again" into good news,
# unless the message goes on with "but".
_WORKS_NOW = (
    "works=", "working=", "work=", "fine=", "normal=", "good=", "ok=", "okay=", "thank",
    "thanks=", "thx=", "شكرا=", "مشكور", "تمام=", "طبيعي", "طبيعيه", "يشتغل", "تشتغل", "شغال",
    "اشتغل", "اشتغلت", "زين=", "shukran=", "tamam=", "mashkoor=", "7ilw=",
)  # fmt: skip
_BUT = ("but=", "however=", "yet=", "لكن=", "بس=", "bas=", "lakin=", "laken=", "bs=")
_IDEAS = {
    "still": _STILL,
    "negation": _NEGATIONS,
    "repair": _REPAIR,
    "attached": tuple("ما" + term for term in _REPAIR_AR),  # "ماانحلت", "ماتصلحت"
    "recurred": _RECURRED,
    "works_now": _WORKS_NOW,
    "but": _BUT,
}
_NOT_SOLVED = TermIndex(
    ((term, idea) for idea, terms in _IDEAS.items() for term in terms), arabizi=True
)
# How many words after a negation its repair word may come ("not been properly fixed").
NEGATION_REACH = 4
# Longer than this and the message says more than "not solved": a report of its own.
MAX_NOT_SOLVED_WORDS = 20


def says_not_solved(text: str | None) -> bool:
    """A short message saying a problem is not solved or came back ("still not fixed", "the
    water is back again", "ما انصلحت", "رجعت المشكلة", "lsa ma t9alla7"): the ideas above."""
    words = normalize_arabic(text or "").split()
    if not words or len(words) > MAX_NOT_SOLVED_WORDS:
        return False
    found = _NOT_SOLVED.find(words)
    ideas = {idea for _, _, idea in found}
    negated = {
        end
        for start, _, idea in found
        if idea == "negation"
        for end in range(start + 1, start + 1 + NEGATION_REACH)
    }
    repairs = {start for start, _, idea in found if idea == "repair"}
    if "still" in ideas or "attached" in ideas or repairs & negated:
        return True
    works_now = any(idea == "works_now" and start not in negated for start, _, idea in found)
    return "recurred" in ideas and (not works_now or "but" in ideas)
