"""Training the category, urgency and advert models (scikit-learn); the served one is model.py's.

Features (features.py) are character n-grams, word n-grams, a consonant-skeleton view that
puts Arabizi and Arabic spellings in one space, and cross-language concept tokens, all over
normalised text with place names removed. A linear SVM with a fitted softmax temperature
measured better than logistic regression and than per-class sigmoid calibration on
cross-validation of the dev corpus, and trains in a few seconds. Once trained, the category,
urgency and advert models are reduced to one dense weight matrix (model.CompiledLinear), so
classifying a message is a row gather and a few array operations, and a served model holds
no scikit-learn object: only this module imports scikit-learn, and only where training runs.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import scipy.sparse as sp
import sklearn
from scipy.optimize import minimize_scalar
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.svm import LinearSVC
from threadpoolctl import threadpool_limits

from core.routing.dataset import Row, labelled
from core.routing.features import FeatureSpace
from core.routing.model import (
    MODEL_FILE,
    MODEL_FORMAT,
    CompiledLinear,
    Model,
    ModelLoadError,
    ModelMeta,
    ModelStore,
    load,
    normaliser_fingerprint,
    taxonomy_fingerprint,
)
from core.routing.taxonomy import Taxonomy, load_taxonomy

logger = logging.getLogger(__name__)

CORRECTION_WEIGHT = 3.0  # a staff correction counts as much as three shipped examples
SVM_C = 0.5  # chosen on a small grid by cross-validation of the dev corpus
URGENT_C = 10.0
# The advert model: adverts and scams (rows labelled not-for-us spam) against every genuine
# row. C as the urgent model's, not tuned; its threshold is screening.ADVERT_THRESHOLD.
ADVERT_C = 10.0


class ScaledSVC:
    """A linear SVM whose scores become probabilities through one fitted softmax temperature.

    One-vs-rest sigmoid calibration (CalibratedClassifierCV) re-ranks classes and cost about
    a point of cross-validated accuracy; a single temperature, fitted on cross-validated
    decision values by minimising log-loss, keeps the SVM's ranking and still gives
    confidences the intake threshold can rely on.
    """

    def __init__(self, c: float, folds: int) -> None:
        self.c = c
        self.folds = folds
        self.scale = 1.0

    def fit(self, x: Any, y: Sequence[str], sample_weight: np.ndarray) -> ScaledSVC:
        """Fit the SVM on everything and the temperature on out-of-fold scores."""
        svm = LinearSVC(C=self.c)
        cv = StratifiedKFold(self.folds, shuffle=True, random_state=0)
        scores = cross_val_predict(
            svm, x, y, cv=cv, method="decision_function", params={"sample_weight": sample_weight}
        )
        svm.fit(x, y, sample_weight=sample_weight)
        self.svm = svm  # kept for comparing with the compiled model; never saved with it
        self.classes_ = svm.classes_
        self.coef_, self.intercept_ = svm.coef_, svm.intercept_
        truth = np.searchsorted(self.classes_, np.asarray(y))
        weights = sample_weight / sample_weight.sum()

        def loss(log_scale: float) -> float:
            z = scores * math.exp(log_scale)
            z = z - z.max(axis=1, keepdims=True)
            log_p = z[np.arange(len(truth)), truth] - np.log(np.exp(z).sum(axis=1))
            return float(-(weights * log_p).sum())

        self.scale = math.exp(minimize_scalar(loss, bounds=(-3.0, 5.0), method="bounded").x)
        return self


def compile_linear(
    category: Any, urgent: LogisticRegression | None, advert: LogisticRegression | None = None
) -> CompiledLinear:
    """The fitted category, urgency and advert models as model.CompiledLinear's arrays.

    Category scores are multiplied by the model's softmax scale; a binary model's single
    score column becomes softmax(0, score); the urgent model's score follows, then the
    advert model's as the last column.
    """
    classes = [str(c) for c in category.classes_]
    coef, intercept = category.coef_, category.intercept_
    if len(classes) == 2:  # binary: one score column, softmax of (0, score)
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([[0.0], intercept])
    scale = float(getattr(category, "scale", 1.0))
    coef, intercept = coef * scale, intercept * scale
    for head in (urgent, advert):
        if head is not None:
            coef = np.vstack([coef, head.coef_])
            intercept = np.concatenate([intercept, head.intercept_])
    return CompiledLinear(classes, coef.T, intercept, urgent is not None, advert is not None)


def _category_classifier(counts: Counter[str]) -> Any:
    folds = min(5, min(counts.values()))
    if folds < 2:  # a category with one example cannot be calibrated by cross-validation
        return LogisticRegression(C=20, max_iter=3000)
    return ScaledSVC(SVM_C, folds)


def train(
    rows: Iterable[Row],
    corrections: Iterable[tuple[str, str]] = (),
    taxonomy: Taxonomy | None = None,
    *,
    stages: dict[str, float] | None = None,
    fitted: dict[str, Any] | None = None,
) -> Model:
    """Train on labelled rows plus the taxonomy's examples and names, and staff corrections.

    BLAS runs on one thread here: the fits' vector operations are small (a hundred thousand
    weights), and OpenBLAS's extra thread spins waiting for work, which on a busy two-core
    machine made the urgent model's fit five times slower (4 s against 0.8 s wall) for the
    same result (bench/routing.py prints each stage). `stages`, when given, receives each
    stage's wall-clock seconds; `fitted` receives the feature space, the texts and the
    scikit-learn estimators ("features", "texts", "category", "urgent", "advert"), which the saved
    model does not keep.
    """
    with threadpool_limits(limits=1, user_api="blas"):
        return _train(
            rows,
            corrections,
            taxonomy,
            {} if stages is None else stages,
            {} if fitted is None else fitted,
        )


def _train(
    rows: Iterable[Row],
    corrections: Iterable[tuple[str, str]],
    taxonomy: Taxonomy | None,
    stages: dict[str, float],
    fitted: dict[str, Any],
) -> Model:
    """`train` itself (BLAS on one thread): the features, then each model, then the model
    compiled to its served form with what it was trained on."""
    taxonomy = taxonomy or load_taxonomy(None)
    given = _training_set(rows, corrections, taxonomy)
    texts, labels = given.texts, given.labels
    clock = time.perf_counter()
    space = FeatureSpace().fit(texts + given.adverts)
    x = space.matrix(texts)
    stages["features"] = time.perf_counter() - clock
    clf = _category_classifier(Counter(labels))
    clf.fit(x, labels, sample_weight=np.asarray(given.weights))
    stages["category model"] = time.perf_counter() - clock - stages["features"]
    urgent_model = _fit_urgent(x, given.urgent, stages)
    advert_model = _fit_advert(space, x, given.adverts, stages)
    fitted.update(
        features=space, texts=texts, category=clf, urgent=urgent_model, advert=advert_model
    )
    linear = compile_linear(clf, urgent_model, advert_model)
    parts: dict[str, Any] = {"features": space, "linear": linear}
    directorates = {c.code: c.directorate for c in taxonomy.categories}
    return Model(parts, directorates, _model_meta(given, taxonomy))


@dataclass(frozen=True)
class _TrainingSet:
    """What the models learn from. `texts` are the shipped rows, then the taxonomy's own
    words, then staff corrections (their `labels` and `weights` in the same order); the
    first len(urgent) of them are the shipped rows, whose urgency the urgent model learns."""

    texts: list[str]
    labels: list[str]
    weights: list[float]
    urgent: list[bool]
    adverts: list[str]  # not-for-us spam rows, for the advert model only
    corrections: int


def _training_set(
    rows: Iterable[Row], corrections: Iterable[tuple[str, str]], taxonomy: Taxonomy
) -> _TrainingSet:
    """The rows, corrections and taxonomy words the models learn from; a category the
    taxonomy does not know is left out (and said), and fewer than two categories refused."""
    known = set(taxonomy.category_codes())
    rows = list(rows)
    given = labelled(rows)
    adverts = [r["text"] for r in rows if not r.get("category") and r.get("not_for_us") == "spam"]
    data = [r for r in given if r["category"] in known]
    if len(data) < len(given):
        logger.warning(
            "training: skipped %s rows with categories not in the taxonomy", len(given) - len(data)
        )
    fixes = [(t, c) for t, c in corrections if c in known and t.strip()]
    # the taxonomy's own words: each category's examples and its names in both languages
    examples = [
        (text, c.code) for c in taxonomy.categories for text in (*c.examples, c.name_en, c.name_ar)
    ]
    texts = [r["text"] for r in data] + [t for t, _ in examples] + [t for t, _ in fixes]
    labels = [r["category"] for r in data] + [c for _, c in examples] + [c for _, c in fixes]
    weights = [1.0] * (len(data) + len(examples)) + [CORRECTION_WEIGHT] * len(fixes)
    urgent = [bool(r.get("urgent")) for r in data]
    if len(set(labels)) < 2:
        raise ValueError("training needs examples of at least two categories")
    return _TrainingSet(texts, labels, weights, urgent, adverts, len(fixes))


def _fit_urgent(x: Any, urgent: list[bool], stages: dict[str, float]) -> Any:
    """The urgent model, on the shipped rows' features (the first rows of `x`); None when
    they hold fewer than two urgent rows or no calm one."""
    if not 2 <= sum(urgent) < len(urgent):
        return None
    clock = time.perf_counter()
    urgent_model = LogisticRegression(C=URGENT_C, class_weight="balanced", max_iter=3000)
    urgent_model.fit(x[: len(urgent)], urgent)
    stages["urgent model"] = time.perf_counter() - clock
    return urgent_model


def _fit_advert(space: FeatureSpace, x: Any, adverts: list[str], stages: dict[str, float]) -> Any:
    """The advert model: every genuine row of `x` (shipped, taxonomy examples, corrections)
    against the adverts; None with fewer than two adverts."""
    if len(adverts) < 2:
        return None
    clock = time.perf_counter()
    x_advert = sp.vstack([x, space.matrix(adverts)]).tocsr()
    is_advert = [False] * x.shape[0] + [True] * len(adverts)
    advert_model = LogisticRegression(C=ADVERT_C, class_weight="balanced", max_iter=3000)
    advert_model.fit(x_advert, is_advert)
    stages["advert model"] = time.perf_counter() - clock
    return advert_model


def _model_meta(given: _TrainingSet, taxonomy: Taxonomy) -> ModelMeta:
    """What the model says of itself: a version from the time and what it learnt, and the
    fingerprints of the normaliser and taxonomy it must be served with."""
    now = datetime.now(UTC)
    digest = hashlib.sha256(repr((given.texts, given.labels)).encode()).hexdigest()[:8]
    return ModelMeta(
        version=f"r{MODEL_FORMAT}-{now:%Y%m%d%H%M%S}-{digest}",
        format=MODEL_FORMAT,
        sklearn=sklearn.__version__,
        trained_at=now.isoformat(timespec="seconds"),
        rows=len(given.urgent),
        corrections=given.corrections,
        normaliser=normaliser_fingerprint(),
        taxonomy=taxonomy_fingerprint(taxonomy),
    )


__all__ = [
    "MODEL_FILE",
    "MODEL_FORMAT",
    "CompiledLinear",
    "Model",
    "ModelLoadError",
    "ModelMeta",
    "ModelStore",
    "compile_linear",
    "load",
    "train",
]
