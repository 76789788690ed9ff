"""Learning from staff: retrain the router from shipped data plus stored corrections.

A new model replaces the current one only when it does not evaluate worse on the shipped
labelled data, so a run of bad corrections cannot silently break routing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from core.context import Context
from core.models import RoutingCorrection
from core.routing.classifier import ModelStore, train
from core.routing.dataset import CORPUS_FILE, labelled, load_rows, shipped_rows
from core.routing.evaluate import Report, evaluate

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetrainResult:
    before: Report | None
    after: Report
    switched: bool
    corrections: int

    def summary(self) -> str:
        before = f"{self.before.accuracy:.3f}" if self.before else "none"
        verdict = (
            "switched in" if self.switched else "kept the current model (new one evaluated worse)"
        )
        return (
            f"corrections {self.corrections}; accuracy before {before}, "
            f"after {self.after.accuracy:.3f}; {verdict}"
        )


def load_corrections(ctx: Context) -> list[tuple[str, str]]:
    """Staff reclassifications as (text, category) pairs, oldest first."""
    with ctx.sessions() as session:
        rows = session.execute(
            select(RoutingCorrection.text, RoutingCorrection.category).order_by(
                RoutingCorrection.id
            )
        ).all()
    known = set(ctx.taxonomy.category_codes())
    return [(text, category) for text, category in rows if category in known and text.strip()]


def model_store(ctx: Context) -> ModelStore | None:
    """The store behind the context's router, when it is a model router."""
    store = getattr(ctx.router, "store", None)
    return store if isinstance(store, ModelStore) else None


def retrain(ctx: Context) -> RetrainResult:
    """Train on shipped rows plus corrections; switch only if not worse on the reference set."""
    corrections = load_corrections(ctx)
    reference = labelled(load_rows_default())
    store = model_store(ctx) or ModelStore(ctx.data_dir, ctx.taxonomy)
    try:
        current = store.get()
        before: Report | None = evaluate(current, reference, ctx.taxonomy)
    except (OSError, ValueError) as exc:
        logger.warning("no usable current model to compare with: %s", exc)
        before = None
    candidate = train(shipped_rows(), corrections, ctx.taxonomy)
    after = evaluate(candidate, reference, ctx.taxonomy)
    switched = before is None or after.accuracy >= before.accuracy
    if switched:
        store.install(candidate)
    return RetrainResult(before, after, switched, len(corrections))


def load_rows_default() -> list[dict[str, object]]:
    """The reference set: the shipped labelled corpus."""
    return shipped_rows((CORPUS_FILE,))


__all__ = ["RetrainResult", "load_corrections", "load_rows", "retrain"]
