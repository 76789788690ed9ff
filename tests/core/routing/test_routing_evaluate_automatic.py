"""The evaluation reports the seed's "no person involved" figure (issue 17): the share of
categorised messages routed automatically (confident, not flagged not-for-us, as intake's
triage decides) and the category accuracy on that share."""

from __future__ import annotations

from core.routing.evaluate import score
from core.routing.taxonomy import load_taxonomy
from core.routing.types import ROUTE_THRESHOLD, Classification
from core.settings import Settings


def _row(category: str) -> dict[str, object]:
    return {"text": "x", "category": category, "lang": "en", "form": "english"}


def _said(category: str, confidence: float, not_for_us: str | None = None) -> Classification:
    return Classification(category, None, confidence, not_for_us=not_for_us)


def test_only_confident_unflagged_answers_are_routed_and_scored() -> None:
    rows = [_row("road_damage")] * 4 + [_row("feedback")]
    predictions = [
        _said("road_damage", 0.95),  # routed, right
        _said("street_lighting", 0.70),  # routed, wrong
        _said("road_damage", 0.40),  # unsure: intake decides
        _said("road_damage", 0.90, not_for_us="spam"),  # flagged: intake decides
        _said("feedback", 0.60),  # at the threshold: routed, right
    ]
    auto = score(rows, predictions, load_taxonomy(None)).automatic
    assert auto is not None
    assert (auto.threshold, auto.n, auto.routed, auto.correct) == (ROUTE_THRESHOLD, 5, 3, 2)
    assert auto.share == 3 / 5 and auto.accuracy == 2 / 3


def test_the_report_prints_the_share_and_its_accuracy_at_the_threshold_given() -> None:
    rows = [_row("road_damage"), _row("feedback")]
    predictions = [_said("road_damage", 0.95), _said("feedback", 0.70)]
    report = score(rows, predictions, load_taxonomy(None), route_threshold=0.8)
    assert "routed 0.500 (1/2) at confidence >= 0.80, accuracy 1.000" in report.to_text()
    assert report.to_dict()["automatic"]["share"] == 0.5


def test_the_setting_defaults_to_the_threshold_the_evaluation_uses() -> None:
    assert Settings.model_fields["route_threshold"].default == ROUTE_THRESHOLD
