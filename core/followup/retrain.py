"""Learning from staff: retrain the router from shipped data plus stored corrections.

A new model replaces the current one only when it does not evaluate worse on the shipped
labelled data, so a run of bad corrections cannot silently break routing. Training and the
evaluation import scikit-learn; they run in a child process (core.routing.child), so the
weekly job leaves none of it in a running server's memory.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.context import Context
from core.models import RoutingCorrection
from core.routing import child
from core.routing.dataset import CORPUS_FILE, labelled, load_rows, shipped_rows
from core.routing.model import Model, ModelStore
from core.routing.taxonomy import Taxonomy

if TYPE_CHECKING:
    from core.routing.evaluate import Report

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
    store = model_store(ctx) or ModelStore(ctx.data_dir, ctx.taxonomy)
    try:
        current: Model | None = store.get()
    except (OSError, ValueError) as exc:
        logger.warning("no usable current model to compare with: %s", exc)
        current = None
    before, after, candidate = child.run(train_and_compare, current, corrections, ctx.taxonomy)
    switched = before is None or after.accuracy >= before.accuracy
    if switched:
        store.install(candidate)
    return RetrainResult(before, after, switched, len(corrections))


def train_and_compare(
    current: Model | None, corrections: list[tuple[str, str]], taxonomy: Taxonomy
) -> tuple[Report | None, Report, Model]:
    """The current model's report, the candidate's report and the candidate (in a child)."""
    from core.routing.classifier import train
    from core.routing.evaluate import evaluate

    reference = labelled(load_rows_default())
    before = None if current is None else evaluate(current, reference, taxonomy)
    candidate = train(shipped_rows(), corrections, taxonomy)
    return before, evaluate(candidate, reference, taxonomy), candidate


def load_rows_default() -> list[dict[str, object]]:
    """The reference set: the shipped labelled corpus."""
    return shipped_rows((CORPUS_FILE,))


__all__ = ["RetrainResult", "load_corrections", "load_rows", "retrain"]
