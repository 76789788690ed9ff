"""The faster duplicate comparison suggests exactly what the plain comparison suggested.

`suggest_duplicates` reads candidates' features as stored text, decodes each once per
process and multiplies only shared trigrams; these tests hold it to the original code (kept
here verbatim as `plain_suggestions`) on Arabic, English and Arabizi texts, near and far
duplicates, and to at most two queries.
"""

from __future__ import annotations

import itertools
import secrets
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from core.context import Context
from core.geogrid import neighbour_cells
from core.intake import duplicates
from core.intake.duplicates import (
    CANDIDATE_LIMIT,
    MAX_SUGGESTIONS,
    RADIUS_M,
    TEXT_THRESHOLD,
    TEXT_WINDOW,
    Suggestion,
    suggest_duplicates,
)
from core.models import OPEN_STATUSES, Contact, Status, Ticket
from core.routing import similarity
from core.routing.similarity import (
    feature_similarity,
    haversine_m,
    prepare_features,
    prepared_similarities,
    prepared_similarity,
    text_features,
)
from tests.core.intake.test_per_message_cost import captured

FLOOD_EN = "Water is flooding the street near Al Khuwair roundabout, cars are stuck"
FLOOD_AR = "المياه تغمر الشارع قرب دوار الخوير والسيارات عالقة"
FLOOD_AZ = "el mai ghamer el share3 qareeb dowar el khuwair w el sayarat 3al9a"
TEXTS = [
    FLOOD_EN,
    FLOOD_EN + "!",
    "water is flooding the street near al khuwair roundabout, cars stuck",
    "Flooding near Al Khuwair roundabout",
    "Street light broken on Sultan Qaboos street near the mosque",
    "The street light is broken on Sultan Qaboos street near the mosque",
    FLOOD_AR,
    FLOOD_AR + " الآن",
    "الماء يغمر الشارع قرب دوار الخوير",
    "حفرة كبيرة في الطريق أمام مدرسة العذيبة",
    "حفرة كبيرة في الطريق امام مدرسة العذيبة!!",
    FLOOD_AZ,
    FLOOD_AZ + " 7aalan",
    "fi 7ofra kbeera fe el taree2 gidam madrasat el 3thaiba",
    "ok",
    "Garbage not collected for a week in Bawshar, smells terrible",
    "Garbage has not been collected for a week in Bawshar and it smells terrible",
]
HERE = (23.5880, 58.3829)


def test_prepared_similarity_is_the_plain_cosine_to_the_last_bit() -> None:
    features = [text_features(t) for t in TEXTS] + [{}]
    for a, b in itertools.product(features, repeat=2):
        assert prepared_similarity(prepare_features(a), prepare_features(b)) == (
            feature_similarity(a, b)
        )
    # the set holds near duplicates above the threshold and far texts below it
    scores = [feature_similarity(a, b) for a, b in itertools.combinations(features, 2)]
    assert any(s >= TEXT_THRESHOLD for s in scores)
    assert any(0 < s < TEXT_THRESHOLD for s in scores)


def test_prepared_similarity_counts_trigrams_repeated_in_either_text_exactly() -> None:
    repeated = ["la la la la", "la la bo", "bo bo bo la", "la", "الشارع الشارع قرب الشارع"]
    features = [text_features(t) for t in repeated + ["قرب الشارع"]]
    assert any(max(f.values()) > 2 for f in features)  # the shortcut's correction is used
    for a, b in itertools.product(features, repeat=2):
        assert prepared_similarity(prepare_features(a), prepare_features(b)) == (
            feature_similarity(a, b)
        )


def test_many_compared_at_once_are_each_the_plain_cosine_to_the_last_bit() -> None:
    features = [text_features(t) for t in TEXTS] + [{}, text_features("la la la la")]
    others = [prepare_features(f) for f in features]
    for a in features:
        found = prepared_similarities(prepare_features(a), [*others, None])
        assert found == [feature_similarity(a, b) for b in features] + [0.0]


def test_features_prepared_under_a_replaced_trigram_index_still_compare_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A tiny index: nearly every text fills it and starts a new one, so most pairs were
    # prepared under different indexes (their bit positions mean different trigrams).
    monkeypatch.setattr(similarity, "MAX_GRAM_POSITIONS", 40)
    features = [text_features(t) for t in TEXTS] + [text_features("la la la la")]
    prepared = [prepare_features(f) for f in features]
    assert len({id(p.index) for p in prepared}) > 3
    for (fa, pa), (fb, pb) in itertools.product(zip(features, prepared, strict=True), repeat=2):
        assert prepared_similarity(pa, pb) == feature_similarity(fa, fb)


def test_the_trigram_index_stays_bounded_whatever_text_arrives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(similarity, "MAX_GRAM_POSITIONS", 500)
    for _ in range(200):  # random letters: about 128 new trigrams each
        features = text_features(" ".join(secrets.token_hex(8) for _ in range(8)))
        prepare_features(features)
        # at most the cap, plus the one text that was prepared when it was reached
        assert len(similarity._INDEX.positions) < 500 + len(features)


def plain_candidates(ticket: Ticket) -> Select[Any]:
    """The candidate query as it was (features decoded by the driver)."""
    same = Ticket.category == ticket.category if ticket.category else Ticket.category.is_(None)
    return (
        select(Ticket.reference, Ticket.lat, Ticket.lon, Ticket.text_features)
        .where(
            same,
            Ticket.created_at >= ticket.created_at - TEXT_WINDOW,
            Ticket.id != ticket.id,
            Ticket.status.in_([str(s) for s in OPEN_STATUSES]),
        )
        .order_by(Ticket.created_at.desc())
        .limit(CANDIDATE_LIMIT)
    )


def plain_suggestions(session: Session, ticket: Ticket) -> list[Suggestion]:
    """`suggest_duplicates` before the decoded-features cache, verbatim."""
    found: dict[str, Suggestion] = {}
    if ticket.category and ticket.lat is not None and ticket.lon is not None:
        nearby = plain_candidates(ticket).where(
            Ticket.geo_cell.in_(neighbour_cells(ticket.lat, ticket.lon))
        )
        for reference, lat, lon, _features in session.execute(nearby):
            metres = haversine_m(ticket.lat, ticket.lon, lat, lon)
            if metres <= RADIUS_M:
                found[reference] = Suggestion(reference, "distance", round(metres, 1))
    if ticket.text_features:
        for reference, _lat, _lon, features in session.execute(plain_candidates(ticket)):
            if reference in found or not features:
                continue
            similarity = feature_similarity(ticket.text_features, features)
            if similarity >= TEXT_THRESHOLD:
                found[reference] = Suggestion(reference, "text", round(similarity, 3))
    ranked = sorted(
        found.values(),
        key=lambda s: (s.reason != "distance", s.score if s.reason == "distance" else -s.score),
    )
    return ranked[:MAX_SUGGESTIONS]


def add_candidates(ctx: Context) -> None:
    """Every text twice per category: once far away, once within the radius of HERE."""
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Earlier citizen")
        session.add(contact)
        n = 0
        for category in ("stormwater_flooding", None):
            for text in TEXTS:
                for offset in (0.05, 0.0005 * (n % 3)):
                    n += 1
                    session.add(
                        Ticket(
                            reference=f"MCT-8{n:05d}",
                            secret=secrets.token_urlsafe(16),
                            status=Status.NEW,
                            channel="telegram",
                            contact=contact,
                            category=category,
                            lat=HERE[0] + offset if n % 4 else None,
                            lon=HERE[1] if n % 4 else None,
                            text_features=text_features(text),
                            created_at=ctx.now() - timedelta(minutes=n),
                        )
                    )
        # one without features, as tickets made before they were stored
        session.add(
            Ticket(
                reference="MCT-899999",
                secret="x",
                status=Status.NEW,
                channel="telegram",
                contact=contact,
                category="stormwater_flooding",
                created_at=ctx.now(),
            )
        )


def new_report(
    ctx: Context,
    text: str,
    category: str | None = "stormwater_flooding",
    place: tuple[float, float] | None = None,
) -> Ticket:
    """The new ticket whose duplicates are looked for (not stored: suggestions read only it)."""
    return Ticket(
        reference="MCT-000000",
        secret="x",
        channel="telegram",
        category=category,
        lat=place[0] if place else None,
        lon=place[1] if place else None,
        text_features=text_features(text),
        created_at=ctx.now() + timedelta(seconds=1),
    )


def test_suggestions_are_those_of_the_plain_comparison_in_at_most_two_queries(
    ctx: Context,
) -> None:
    add_candidates(ctx)
    suggested_by_text = 0
    for category, located, text in itertools.product(
        ("stormwater_flooding", None), (True, False), TEXTS
    ):
        with ctx.sessions() as session:
            ticket = new_report(ctx, text, category, HERE if located else None)
            with captured(ctx) as statements:
                fast = suggest_duplicates(session, ticket)
            assert fast == plain_suggestions(session, ticket), (category, located, text)
            selects = [s for s, _ in statements if s.lstrip().upper().startswith("SELECT")]
            assert len(selects) <= 2
            suggested_by_text += sum(s.reason == "text" for s in fast)
    assert suggested_by_text > 0


def test_a_candidates_features_are_decoded_once_per_process(ctx: Context) -> None:
    add_candidates(ctx)
    with ctx.sessions() as session:
        ticket = new_report(ctx, FLOOD_AR)
        first = suggest_duplicates(session, ticket)
        misses = duplicates._prepared.cache_info().misses
        assert suggest_duplicates(session, ticket) == first
        assert duplicates._prepared.cache_info().misses == misses


def test_a_storms_near_identical_reports_are_ranked_as_the_plain_comparison_ranks_them(
    ctx: Context,
) -> None:
    """More candidates than the cap, nearly all above the threshold and many tied on the
    rounded score (the same text, or one digit apart): the same five, in the same order."""
    with ctx.sessions() as session, session.begin():
        contact = Contact(name="Storm citizen")
        session.add(contact)
        for n in range(CANDIDATE_LIMIT + 20):
            text = [FLOOD_EN, FLOOD_AR, FLOOD_AZ][n % 3] + ("" if n % 4 else f" ({n % 10})")
            session.add(
                Ticket(
                    reference=f"MCT-7{n:05d}",
                    secret=secrets.token_urlsafe(16),
                    status=Status.NEW,
                    channel="email",
                    contact=contact,
                    category="stormwater_flooding",
                    text_features=text_features(text),
                    created_at=ctx.now() - timedelta(seconds=n),
                )
            )
    for text in (FLOOD_EN, FLOOD_AR + " (3)", FLOOD_AZ + " (7)"):
        with ctx.sessions() as session:
            ticket = new_report(ctx, text)
            fast = suggest_duplicates(session, ticket)
            assert len(fast) == MAX_SUGGESTIONS
            assert fast == plain_suggestions(session, ticket), text
