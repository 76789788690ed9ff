"""Ticket search: the Arabic article, punctuation-only queries and the contact's details."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.context import Context
from core.inbound import InboundMessage, Location
from core.intake.ingest import ingest
from core.language.normalize import strip_article
from core.models import Ticket
from core.staff import actions as staff_actions
from core.staff.permissions import Staff
from core.staff.search import reindex
from core.tickets import ticket_by_reference
from tests.staffkit import make_staff, new_ticket

POTHOLES = (
    "حفرة كبيرة في الشارع",
    "يوجد حفره امام المنزل",
    "الحفرة لم تصلح بعد",
    "سقطت السيارة بالحفرة",
    "والحُفرة عميقة جداً",
)


@pytest.fixture
def agent(ctx: Context) -> Staff:
    return make_staff(ctx, "agent@mct.om", "agent")


def search(ctx: Context, staff: Staff, q: str) -> set[str]:
    with ctx.sessions() as session:
        page = staff_actions.list_tickets(ctx, session, staff, staff_actions.TicketFilter(q=q))
        return {t.reference for t in page.items}


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("الكلاب", "كلاب"),
        ("والكلاب", "كلاب"),
        ("بالحفره", "حفره"),
        ("فالطريق", "طريق"),
        ("كالعاده", "عاده"),
        ("للمدرسه", "مدرسه"),
        ("كلاب", "كلاب"),
        ("الي", "الي"),  # "to", not the article
        ("ال", "ال"),
    ],
)
def test_strip_article_removes_the_article_and_its_proclitic(word: str, stem: str) -> None:
    assert strip_article(word) == stem


def test_pothole_search_finds_every_spelling_with_or_without_the_article(
    ctx: Context, agent: Staff
) -> None:
    potholes = {new_ticket(ctx, text) for text in POTHOLES}
    new_ticket(ctx, "تسرب مياه في الحي")
    for query in ("الحفرة", "حفرة", "بالحفره", "الحفره"):
        assert search(ctx, agent, query) == potholes, query


def test_article_query_finds_the_bare_word(ctx: Context, agent: Staff) -> None:
    dogs = new_ticket(ctx, "كلاب ضالة قرب المدرسة")
    assert search(ctx, agent, "الكلاب") == {dogs}
    assert search(ctx, agent, "للكلاب المدرسة") == {dogs}


def test_article_stem_matches_whole_words_not_the_inside_of_others(
    ctx: Context, agent: Staff
) -> None:
    drain = new_ticket(ctx, "بالوعة مسدودة في السوق")
    new_ticket(ctx, "مجموعة من العمال في السوق")
    quarter = new_ticket(ctx, "انقطاع الكهرباء في حي الخوير")
    new_ticket(ctx, "حيث لا توجد إضاءة")
    assert search(ctx, agent, "بالوعة") == {drain}
    assert search(ctx, agent, "الحي") == {quarter}


def test_query_of_punctuation_or_wildcards_alone_finds_nothing(ctx: Context, agent: Staff) -> None:
    new_ticket(ctx, "Pothole 100% dangerous_road it's deep")
    for query in ("%", "_", "'", "%_'", "\\"):
        assert search(ctx, agent, query) == set(), query


def test_search_finds_a_caller_by_phone_and_name(ctx: Context, agent: Staff) -> None:
    call = staff_actions.record_phone_call(
        ctx, agent, "+968 9123 4567", "Broken swing in the park", name="أحمد البلوشي"
    )
    new_ticket(ctx, "Broken swing at the school")
    assert search(ctx, agent, "91234567") == {call.reference}
    assert search(ctx, agent, "+968 9123 4567") == {call.reference}
    assert search(ctx, agent, "احمد البلوشي") == {call.reference}
    assert search(ctx, agent, "بلوشي swing") == {call.reference}


@pytest.mark.parametrize(
    "query",
    [
        "0096891234567",
        "00968 9123 4567",
        "+96891234567",
        "96891234567",
        "٩١٢٣٤٥٦٧",
        "+٩٦٨ ٩١٢٣ ٤٥٦٧",
        "00968-9123-4567 swing",
    ],
)
def test_search_finds_a_caller_by_phone_in_any_written_form(
    ctx: Context, agent: Staff, query: str
) -> None:
    call = staff_actions.record_phone_call(ctx, agent, "91234567", "Broken swing in the park")
    new_ticket(ctx, "Broken swing at the school")
    assert search(ctx, agent, query) == {call.reference}


def test_a_reference_or_short_number_is_not_read_as_a_phone(ctx: Context, agent: Staff) -> None:
    call = staff_actions.record_phone_call(ctx, agent, "91234567", "Broken swing in the park")
    assert search(ctx, agent, call.reference) == {call.reference}
    assert search(ctx, agent, "1234") == {call.reference}  # inside the number, as before


def test_search_finds_a_citizen_by_email(ctx: Context, agent: Staff) -> None:
    mine = new_ticket(ctx, "Streetlight out", channel="email", sender="Salim.H@example.com")
    new_ticket(ctx, "Streetlight out", channel="email", sender="other@example.com")
    assert search(ctx, agent, "salim.h@example.com") == {mine}


def test_contact_details_learned_later_are_searchable_on_earlier_tickets(
    ctx: Context, agent: Staff
) -> None:
    ref = new_ticket(ctx, "Pothole", sender="4242")
    ingest(
        ctx,
        InboundMessage(
            channel="telegram", sender="4242", text="It is deep", external_id="4242:2",
            phone="+96899001122",
        ),
    )  # fmt: skip
    assert search(ctx, agent, "99001122") == {ref}


def test_reindex_keeps_the_contacts_details(ctx: Context, agent: Staff) -> None:
    ref = new_ticket(ctx, "Pothole", channel="email", sender="mona@example.com")
    with ctx.sessions() as session, session.begin():
        for ticket in session.execute(select(Ticket)).scalars():
            ticket.search_text = None
        reindex(session)
    assert search(ctx, agent, "mona@example.com") == {ref}


def test_an_email_address_is_searched_as_a_whole_not_word_by_word(
    ctx: Context, agent: Staff
) -> None:
    """It was folded to the words citizen, ar, example, om, each found anywhere: 'ar' inside
    another citizen's 'garbage' brought up that citizen's report too (found in the demo)."""
    mine = new_ticket(ctx, "Pothole", channel="email", sender="citizen.ar@example.om")
    new_ticket(ctx, "Garbage not collected", channel="email", sender="citizen.en@example.om")
    assert search(ctx, agent, "citizen.ar@example.om") == {mine}
    assert search(ctx, agent, "CITIZEN.AR@example.om pothole") == {mine}


def test_search_finds_a_report_by_the_address_the_citizen_gave(ctx: Context, agent: Staff) -> None:
    """The address typed on the form or given on a call was in no search (found in the demo:
    'السكة ٤٥١٢' found nothing), so staff could not look for reports at a place."""
    place = Location(address="الخوض، السكة ٤٥١٢")
    mine = new_ticket(ctx, "حفرة كبيرة في الشارع", location=place)
    new_ticket(ctx, "حفرة كبيرة في الشارع")
    for query in ("السكة ٤٥١٢", "سكة 4512", "الخوض"):
        assert search(ctx, agent, query) == {mine}, query
    with ctx.sessions() as session, session.begin():
        for ticket in session.execute(select(Ticket)).scalars():
            ticket.search_text = None
        reindex(session)
    assert search(ctx, agent, "السكة ٤٥١٢") == {mine}


@pytest.mark.parametrize("typed", ["{p}-{n}", "{p}{n}", "{lp} {n}", "{p}-{z}{n}", "{p}-{ar}"])
def test_a_reference_typed_without_its_zeros_finds_its_ticket_only(
    ctx: Context, agent: Staff, typed: str
) -> None:
    """Staff type 'MCT-12' for MCT-000012; its digits must not match inside phone numbers."""
    for _ in range(11):
        new_ticket(ctx, "Streetlight out on the corniche")
    twelfth = new_ticket(ctx, "Broken swing in the park")
    staff_actions.record_phone_call(ctx, agent, "91234512", "A call about 12 bins")
    prefix, digits = twelfth.split("-")
    number = str(int(digits))
    query = typed.format(
        p=prefix,
        lp=prefix.lower(),
        n=number,
        z="0" * (len(digits) - len(number) - 1),
        ar=number.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    )
    assert search(ctx, agent, query) == {twelfth}


def test_ticket_by_reference_reads_a_reference_typed_without_its_zeros(ctx: Context) -> None:
    reference = new_ticket(ctx, "Broken swing in the park")
    prefix, digits = reference.split("-")
    with ctx.sessions() as session:
        found = ticket_by_reference(session, f" {prefix.lower()}-{int(digits)} ")
        assert found is not None and found.reference == reference
        assert ticket_by_reference(session, f"{prefix}-{int(digits) + 1}") is None


def test_a_new_tickets_search_text_has_one_word_order_every_time(ctx: Context) -> None:
    """The words were folded in a Python set's order (memory addresses): a new ticket's
    text read "mct 000003 pothole ..." in one ticket and "pothole ... mct 000002" in the next.
    Now the ticket's own words come first, then the citizen's message, for every ticket."""
    refs = [new_ticket(ctx, "Pothole near the mosque", sender=f"9000{n}") for n in range(12)]
    with ctx.sessions() as session:
        for reference in refs:
            found = ticket_by_reference(session, reference)
            assert found is not None
            number = reference.split("-")[1]
            assert found.search_text == f"mct {number} pothole near the mosque"
