"""The router inside ingestion: confidence policy, urgency, duplicates, learning from staff."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from core.context import Context
from core.followup.retrain import load_corrections, retrain
from core.inbound import InboundMessage, Location
from core.intake.ingest import ingest
from core.models import Event, OutboxItem, RoutingCorrection, Ticket
from core.routing.types import Classification


class FixedRouter:
    """Answers one fixed classification: pins the policy, not the model."""

    def __init__(self, answer: Classification) -> None:
        self.answer = answer

    def classify(self, text: str) -> Classification:
        return self.answer


def report(ctx: Context, text: str, sender: str, location: Location | None = None) -> Ticket:
    result = ingest(ctx, InboundMessage(channel="telegram", sender=sender, text=text,
                                        external_id=f"{sender}:1", location=location))  # fmt: skip
    with ctx.sessions() as session:
        ticket = session.get(Ticket, result.ticket_id)
        assert ticket is not None
        return ticket


POTHOLE = Classification("road_damage", "roads", 0.93, alternatives=(("traffic_signs", 0.04),))


def test_confident_answer_triages_automatically_and_logs_the_answer(ctx: Context) -> None:
    ctx.router = FixedRouter(POTHOLE)
    ticket = report(ctx, "pothole", "1")
    assert (ticket.status, ticket.category, ticket.directorate) == (
        "triaged",
        "road_damage",
        "roads",
    )
    with ctx.sessions() as session:
        routed = session.execute(select(Event).where(Event.kind == "routed")).scalar_one()
    assert routed.data["confidence"] == 0.93 and routed.data["alternatives"] == [
        ["traffic_signs", 0.04]
    ]


def test_uncertain_answer_stays_new_with_suggestions(ctx: Context) -> None:
    ctx.router = FixedRouter(replace(POTHOLE, confidence=0.31))
    ticket = report(ctx, "something about the road", "2")
    assert ticket.status == "new" and ticket.category is None
    assert ticket.routing is not None and ticket.routing["category"] == "road_damage"


def test_threshold_is_configurable(ctx: Context) -> None:
    ctx.router = FixedRouter(replace(POTHOLE, confidence=0.5))
    ctx.settings.route_threshold = 0.45
    assert report(ctx, "pothole", "3").status == "triaged"


def test_urgent_answer_sets_urgent_priority(ctx: Context) -> None:
    ctx.router = FixedRouter(replace(POTHOLE, urgent=True))
    ticket = report(ctx, "open manhole", "4")
    assert ticket.urgent and ticket.priority == "urgent"


def test_spam_by_email_is_kept_for_an_agent_and_gets_no_acknowledgement(ctx: Context) -> None:
    ctx.router = FixedRouter(replace(POTHOLE, not_for_us="spam", names_place_or_problem=False))
    result = ingest(ctx, InboundMessage(channel="email", sender="deals@example.com",
                                        text="BUY NOW", external_id="<5@example.com>"))  # fmt: skip
    with ctx.sessions() as session:
        ticket = session.get(Ticket, result.ticket_id)
        assert ticket is not None
        assert ticket.status == "new" and ticket.not_for_us == "spam"
        assert session.execute(select(OutboxItem)).first() is None


def test_nearby_open_ticket_in_same_category_is_suggested_as_duplicate(ctx: Context) -> None:
    ctx.router = FixedRouter(POTHOLE)
    first = report(ctx, "Big hole near the mosque", "6", Location(23.5880, 58.3829))
    second = report(ctx, "Road is broken here", "7", Location(23.5890, 58.3835))  # ~125 m away
    far = report(ctx, "Another hole", "8", Location(23.6100, 58.4000))  # ~3 km away
    assert second.routing is not None and far.routing is not None
    assert [d["reference"] for d in second.routing["duplicates"]] == [first.reference]
    assert second.routing["duplicates"][0]["reason"] == "distance"
    assert first.reference not in [d["reference"] for d in far.routing["duplicates"]]


def test_near_identical_text_is_suggested_as_duplicate_without_location(ctx: Context) -> None:
    first = report(ctx, "القمامة ما تجمعت من ثلاث أيام في الحيل الجنوبية", "9")
    second = report(ctx, "القمامه ما تجمعت من ثلاث ايام في الحيل الجنوبيه!", "10")
    other = report(ctx, "Street light is off on way 3021", "11")
    assert second.routing is not None and other.routing is not None
    assert [d["reference"] for d in second.routing["duplicates"]] == [first.reference]
    assert other.routing["duplicates"] == []


def test_real_model_routes_arabic_and_english_reports(routed_ctx: Context) -> None:
    ar = report(routed_ctx, "عمود الإنارة في شارعنا طافي من أسبوع والشارع ظلام", "12")
    en = report(
        routed_ctx, "The garbage bin on our street has not been emptied for four days", "13"
    )
    assert ar.routing is not None and ar.routing["category"] == "street_lighting"
    assert en.routing is not None and en.routing["category"] == "waste_collection"


def correct(ctx: Context, pairs: list[tuple[str, str]]) -> None:
    with ctx.sessions() as session, session.begin():
        for text, category in pairs:
            session.add(RoutingCorrection(text=text, predicted=None, category=category))


def test_corrections_are_loaded_for_training(routed_ctx: Context) -> None:
    correct(routed_ctx, [("the wall next door is cracking and leaning", "unsafe_structure"),
                         ("text for a category that no longer exists", "no_such_category")])  # fmt: skip
    assert load_corrections(routed_ctx) == [
        ("the wall next door is cracking and leaning", "unsafe_structure")
    ]


def test_retrained_model_that_evaluates_worse_is_not_switched_in(
    routed_ctx: Context, training_once: None
) -> None:
    from core.routing.dataset import shipped_rows

    current = routed_ctx.router.store.get()  # type: ignore[attr-defined]
    road_texts = [r["text"] for r in shipped_rows(("dev.jsonl",)) if r["category"] == "road_damage"]
    correct(routed_ctx, [(text, "feedback") for text in road_texts])
    result = retrain(routed_ctx)
    assert result.before is not None and result.after.accuracy < result.before.accuracy
    assert not result.switched
    assert routed_ctx.router.store.get() is current  # type: ignore[attr-defined]


def test_retrained_model_that_is_not_worse_is_switched_in_and_saved(
    routed_ctx: Context, training_once: None
) -> None:
    current = routed_ctx.router.store.get()  # type: ignore[attr-defined]
    result = retrain(routed_ctx)
    assert result.before is not None and result.after.accuracy >= result.before.accuracy
    assert result.switched and routed_ctx.router.store.get() is not current  # type: ignore[attr-defined]
    assert (routed_ctx.data_dir / "routing-model.pkl").exists()
