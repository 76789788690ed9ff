"""A chat citizen's plain-text status question ("any update on MCT-000123?", "وين وصل بلاغي
MCT-000123", "wain wasal balaghi MCT-000123"), told apart from a report that names a reference.

Only a short message that is essentially the question counts: a status word, one reference
and little else. A report written beside a reference is a report, and is handled as one.
Without a reference, a status word and a word for their report ("شو صار على بلاغي؟", "any
update on my complaint?") ask about the citizen's own open reports (`asks_about_own_report`). From someone with no
report on record, a message that is only that question ("any update?", "أي جديد؟", "wain
wasal balaghi?": `only_asks_for_news`) is answered as such instead of becoming a report; one
that says anything more (a problem, a place) is a report that also asks, and stays one.
"""

from __future__ import annotations

import re

from core.context import Context
from core.inbound import InboundMessage
from core.language.normalize import ascii_digits, normalize_arabic
from core.routing.terms import TermIndex

# Words of a question about progress, in English, Arabic (MSA and Gulf) and Arabizi. They are
# normalised and matched as routing's terms are (core/routing/terms.py): hamza, ta marbuta,
# alef maqsura and diacritics fold ("متي" is "متى"), a clitic و/ب/ال is stripped ("بالحالة"),
# an Arabizi word meets its other spellings ("el7ala", "7aala"). A trailing '=' demands the
# whole word; the others match as stems ("جديدة", "تحديثات").
STATUS_TERMS = (
    # English
    "status=", "update=", "updates=", "news=", "progress=", "where=", "happened=", "happening=",
    # Arabic
    "حالة", "وين=", "أين=", "وصل=", "وصلت=", "تحديث", "جديد", "مستجدات", "صار=", "متى=",
    # Arabizi
    "wain=", "wein=", "wen=", "wayn=", "wayen=", "wasal=", "wasalt=", "7ala=", "7alat=", "hala=",
    "halat=", "sar=", "sa2=", "jdeed=", "jadeed=", "mustajadat=", "mata=",
)  # fmt: skip
_STATUS_WORDS = TermIndex(((term, "status") for term in STATUS_TERMS), arabizi=True)
# The not-for-us reason of a ticket that only keeps "any update?" from someone with no report.
STATUS_QUESTION = "status_question"
# Longer than this (reference aside) and the message says more than the question.
MAX_QUESTION_WORDS = 8


# Words naming the citizen's own report, for a question without a reference ("شو صار على
# بلاغي؟", "any update on my complaint?"): "my report", not "report" ("where can I report a
# broken light?" is no status question).
REPORT_TERMS = (
    # English
    "my report=", "my reports=", "my complaint=", "my complaints=", "my request=",
    "my requests=", "my ticket=", "my case=", "our report=", "our complaint=", "our request=",
    # Arabic: "my"/"our" report, complaint, request
    "بلاغي=", "بلاغاتي=", "بلاغنا=", "شكواي=", "شكوتي=", "شكاوي=", "شكوانا=", "طلبي=",
    "طلباتي=", "معاملتي=",
    # Arabizi
    "balaghi=", "balaghy=", "shakwati=", "shakwaty=", "shakwai=",
)  # fmt: skip
_REPORT_WORDS = TermIndex(((term, "report") for term in REPORT_TERMS), arabizi=True)

# Words that carry no report of their own around a status question: greetings, "any", "is
# there", "about", "please", the matter. A message of status words, report words and these
# alone only asks for news; one more word (a problem, a place) makes it a report.
FILLER_TERMS = (
    # English
    "any=", "is=", "are=", "there=", "the=", "a=", "what=", "whats=", "what's=", "about=",
    "on=", "of=", "with=", "to=", "for=", "my=", "our=", "it=", "please=", "pls=", "plz=",
    "hi=", "hello=", "hey=", "so=", "yet=", "still=", "now=", "sir=", "thanks=", "report=",
    "complaint=", "request=", "case=", "ticket=", "matter=", "issue=",
    # Arabic (MSA and Gulf)
    "اي=", "أي=", "هل=", "من=", "في=", "فيه=", "فى=", "على=", "عن=", "بخصوص=", "شو=",
    "ايش=", "إيش=", "وش=", "ماذا=", "لو=", "سمحت=", "سمحتوا=", "مرحبا=", "السلام=",
    "عليكم=", "الحين=", "الآن=", "يا=", "اخوان=", "شكرا=", "موضوع=", "موضوعي=", "البلاغ=",
    "بلاغ=", "الشكوى=", "شكوى=", "الطلب=", "طلب=", "بعد=", "لين=",
    # Arabizi
    "ay=", "ai=", "fi=", "fee=", "shu=", "sho=", "esh=", "wsh=", "el=", "al=", "3la=",
    "3ala=", "3an=", "law=", "sama7t=", "marhaba=", "salam=", "mawdoo3=", "mawdo3=",
    "balagh=", "shakwa=", "l7een=", "alhin=",
)  # fmt: skip
_FILLER_WORDS = TermIndex(((term, "filler") for term in FILLER_TERMS), arabizi=True)


def _chat_question(ctx: Context, msg: InboundMessage) -> bool:
    """Whether the message can be a status question at all: words only, on a chat channel.

    Only chat channels: an email or a web message threads by its own proof, and a phone
    call's text is staff's record. Attachments or a place mean the citizen sends more.
    """
    capabilities = ctx.channels.of(msg.channel)
    if not capabilities.push or capabilities.threads_by_message_id:
        return False
    return not msg.attachments and msg.location is None


def asks_about_own_report(ctx: Context, msg: InboundMessage) -> bool:
    """Whether a chat message with no reference is the question "what happened to my report?":
    short, a status word and a word for their report ("any update on my complaint?")."""
    if not _chat_question(ctx, msg) or mentioned_references(ctx, msg.text):
        return False
    words = normalize_arabic(msg.text or "").split()
    if not words or len(words) > MAX_QUESTION_WORDS:
        return False
    return bool(_STATUS_WORDS.labels(words)) and bool(_REPORT_WORDS.labels(words))


def only_asks_for_news(ctx: Context, msg: InboundMessage) -> bool:
    """Whether a chat message with no reference is nothing but a question about progress:
    a status word, and every other word a status, report or filler word ("any update?",
    "هل من جديد بخصوص بلاغي؟"). "any update? the light on Way 3021 is off" is a report."""
    if not _chat_question(ctx, msg) or mentioned_references(ctx, msg.text):
        return False
    words = normalize_arabic(msg.text or "").split()
    if not words or len(words) > MAX_QUESTION_WORDS or not _STATUS_WORDS.labels(words):
        return False
    covered: set[int] = set()
    for index in (_STATUS_WORDS, _REPORT_WORDS, _FILLER_WORDS):
        for start, end, _label in index.find(words):
            covered.update(range(start, end))
    return len(covered) == len(words)


def asked_reference(ctx: Context, msg: InboundMessage) -> str | None:
    """The reference a chat message asks the status of, when the message is that question."""
    if not _chat_question(ctx, msg):
        return None
    references = set(mentioned_references(ctx, msg.text))
    if len(references) != 1:
        return None
    words = normalize_arabic(_without_references(ctx, msg.text)).split()
    if not words or len(words) > MAX_QUESTION_WORDS:
        return None
    if not _STATUS_WORDS.labels(words):
        return None
    return references.pop()


def mentioned_references(ctx: Context, text: str | None) -> list[str]:
    """Ticket references written in a text ("MCT-000123", "mct 000123", Arabic-Indic digits)."""
    found = _reference_pattern(ctx).findall(ascii_digits(text or ""))
    return [f"{p.upper()}-{n}" for p, n in found]


def _without_references(ctx: Context, text: str) -> str:
    """The text with its references taken out, so their digits are not counted as words."""
    return _reference_pattern(ctx).sub(" ", ascii_digits(text))


def _reference_pattern(ctx: Context) -> re.Pattern[str]:
    prefix = re.escape(ctx.settings.ref_prefix)
    return re.compile(rf"(?<![\w-])({prefix})[\s-]?(\d{{6}})(?!\d)", re.IGNORECASE)
