"""The trained category and urgency model, its file format, and the store that builds it.

Features (features.py) are character n-grams, word n-grams, a consonant-skeleton view that
puts Arabizi and Arabic spellings in one space, and cross-language concept tokens, all over
normalised text with place names removed. A linear SVM with a fitted softmax temperature
measured better than logistic regression and than per-class sigmoid calibration on
cross-validation of the dev corpus, and trains in a few seconds. Once trained, the category and urgency models are reduced to one dense weight
matrix, so classifying a message is a row gather and a few array operations.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import pickle
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from scipy.optimize import minimize_scalar
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.svm import LinearSVC
from threadpoolctl import threadpool_limits

from core.language.normalize import normalize_arabic
from core.routing import screening, urgency
from core.routing.dataset import Row, labelled, shipped_rows
from core.routing.features import FeatureSpace
from core.routing.taxonomy import Taxonomy, load_taxonomy
from core.routing.types import Classification

logger = logging.getLogger(__name__)

MODEL_FORMAT = 5  # bump when the saved structure or the features change
MODEL_FILE = "routing-model.pkl"
CORRECTION_WEIGHT = 3.0  # a staff correction counts as much as three shipped examples
SVM_C = 0.5  # chosen on a small grid by cross-validation of the dev corpus
URGENT_C = 10.0
_PROBE = "أُسْرة إلى مستشفى ٣ ROAD Ruwi 7ufra"  # fingerprints the normaliser a model was built with


class ModelLoadError(Exception):
    """A saved model is missing, unreadable or built by an incompatible version."""


@dataclass(frozen=True)
class ModelMeta:
    """What a saved model was built from, so an incompatible file is rebuilt, not trusted."""

    version: str
    format: int
    sklearn: str
    trained_at: str
    rows: int
    corrections: int
    normaliser: str
    taxonomy: str


def normaliser_fingerprint() -> str:
    """Hash of the current normaliser's output on a probe, to detect a changed normaliser."""
    return hashlib.sha256(normalize_arabic(_PROBE).encode()).hexdigest()[:12]


def taxonomy_fingerprint(taxonomy: Taxonomy) -> str:
    """Hash of the category-to-directorate map, to detect a replaced taxonomy."""
    pairs = sorted((c.code, c.directorate) for c in taxonomy.categories)
    return hashlib.sha256(repr(pairs).encode()).hexdigest()[:12]


class Model:
    """A trained router model: category probabilities plus an urgent-message probability."""

    def __init__(self, parts: dict[str, Any], directorates: dict[str, str], meta: ModelMeta):
        self._parts = parts
        self.directorates = directorates
        self.meta = meta
        groups: dict[str, list[int]] = {}
        for j, code in enumerate(self.categories):  # a category without a directorate: alone
            groups.setdefault(directorates.get(code, f"?{code}"), []).append(j)
        self._groups = [np.asarray(cols) for cols in groups.values()]

    @property
    def version(self) -> str:
        """Identifier recorded with every classification (event log, evaluation)."""
        return self.meta.version

    @property
    def categories(self) -> tuple[str, ...]:
        """The category codes this model can answer."""
        return self._parts["linear"].classes

    def classify(self, text: str) -> Classification:
        """Classify one message: category, directorate, confidence, alternatives, urgency."""
        cols, vals = self._parts["features"].vector(text)
        probs, urgent_p = self._parts["linear"].predict_one(cols, vals)
        return self._result(text, probs, urgent_p)

    def classify_many(self, texts: Sequence[str]) -> list[Classification]:
        """Classify a batch (faster per message than one at a time)."""
        if not texts:
            return []
        x = self._parts["features"].matrix(texts)
        probs, urgent_p = self._parts["linear"].predict_many(x)
        return [
            self._result(text, probs[i], None if urgent_p is None else float(urgent_p[i]))
            for i, text in enumerate(texts)
        ]

    def _result(self, text: str, probs: np.ndarray, p_urgent: float | None) -> Classification:
        classes = self.categories
        best, directorate, p_directorate = self._decode(probs)
        order = [j for j in np.argsort(probs)[::-1] if j != best][:2]
        is_urgent, why = urgency.is_urgent(text, p_urgent)
        return Classification(
            category=classes[best],
            directorate=directorate,
            confidence=float(probs[best]),
            urgent=is_urgent,
            alternatives=tuple((classes[j], float(probs[j])) for j in order),
            not_for_us=screening.screen(text, float(probs[best])),
            model_version=self.version,
            extras={
                "urgent_probability": p_urgent,
                "urgent_reason": why,
                "directorate_probability": p_directorate,
            },
        )

    def _decode(self, probs: np.ndarray) -> tuple[int, str | None, float]:
        """The likeliest directorate (its categories' summed probability), then its best category.

        Summing over a directorate's categories picks the right directorate more often than
        the single likeliest category does when the model hesitates between two categories of
        one directorate. The category is the best one inside that directorate, so a ticket's
        directorate is always its category's. With a category above one half nothing changes
        (its directorate holds more than half the mass), so automatic triage at any threshold
        of one half or more (the default is 0.6) is unaffected; only hesitant answers, which go
        to intake, can differ from the plain argmax, and then an alternative may carry a higher
        probability than the suggested category.
        """
        sums = [(float(probs[cols].sum()), cols) for cols in self._groups]
        p_directorate, cols = max(sums, key=lambda item: item[0])
        best = int(cols[int(np.argmax(probs[cols]))])
        return best, self.directorates.get(self.categories[best]), p_directorate

    def save(self, path: str | Path) -> None:
        """Write the model atomically (temp file then rename) so readers never see half a file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "meta": asdict(self.meta),
            "directorates": self.directorates,
            "blob": pickle.dumps(self._parts, protocol=pickle.HIGHEST_PROTOCOL),
        }
        tmp = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)


def load(path: str | Path) -> Model:
    """Load a saved model; ModelLoadError if missing, corrupt or from an incompatible build."""
    try:
        with open(path, "rb") as fh:
            payload = pickle.load(fh)
        meta = ModelMeta(**payload["meta"])
    except FileNotFoundError as exc:
        raise ModelLoadError(f"no model at {path}") from exc
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, AttributeError) as exc:
        raise ModelLoadError(f"unreadable model {path}: {exc}") from exc
    wanted = (MODEL_FORMAT, sklearn.__version__, normaliser_fingerprint())
    found = (meta.format, meta.sklearn, meta.normaliser)
    if found != wanted:
        raise ModelLoadError(f"model {path} built by {found}, this build needs {wanted}")
    try:
        parts = pickle.loads(payload["blob"])
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError) as exc:
        raise ModelLoadError(f"cannot unpickle model {path}: {exc}") from exc
    return Model(parts, dict(payload["directorates"]), meta)


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


class CompiledLinear:
    """Fitted category and urgency models reduced to one dense weight matrix.

    Columns are the category model's scores (one per class, softmax with the model's scale)
    followed by the urgent model's single output. scikit-learn validates its input on every
    call, which costs milliseconds per message; the same arithmetic as a row gather and a few
    array operations gives the same probabilities in microseconds.
    """

    def __init__(self, category: Any, urgent: LogisticRegression | None) -> None:
        self.classes = tuple(str(c) for c in category.classes_)
        coef, intercept = category.coef_, category.intercept_
        if len(self.classes) == 2:  # binary: one score column, softmax of (0, score)
            coef = np.vstack([np.zeros_like(coef), coef])
            intercept = np.concatenate([[0.0], intercept])
        scale = float(getattr(category, "scale", 1.0))
        coef, intercept = coef * scale, intercept * scale
        self._urgent = urgent is not None
        if urgent is not None:
            coef = np.vstack([coef, urgent.coef_])
            intercept = np.concatenate([intercept, urgent.intercept_])
        self._weights = np.ascontiguousarray(coef.T, dtype=np.float32)
        self._intercepts = intercept.astype(np.float64)

    def predict_one(self, cols: list[int], vals: list[float]) -> tuple[np.ndarray, float | None]:
        """Category probabilities and urgent probability for one sparse feature row."""
        if cols:
            scores = np.asarray(vals) @ self._weights[cols] + self._intercepts
        else:
            scores = self._intercepts.copy()
        probs, urgent = self._finish(scores[np.newaxis, :])
        return probs[0], None if urgent is None else float(urgent[0])

    def predict_many(self, x: Any) -> tuple[np.ndarray, np.ndarray | None]:
        """Category probabilities (rows) and urgent probabilities for a sparse matrix."""
        return self._finish(np.asarray(x @ self._weights) + self._intercepts)

    def _finish(self, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        urgent = expit(scores[:, -1]) if self._urgent else None
        if self._urgent:
            scores = scores[:, :-1]
        z = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs: np.ndarray = z / z.sum(axis=1, keepdims=True)
        return probs, urgent


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
) -> Model:
    """Train on labelled rows plus the taxonomy's examples and names, and staff corrections.

    BLAS runs on one thread here: the fits' vector operations are small (a hundred thousand
    weights), and OpenBLAS's extra thread spins waiting for work, which on a busy two-core
    machine made the urgent model's fit five times slower (4 s against 0.8 s wall) for the
    same result (bench/routing.py prints each stage). `stages`, when given, receives each
    stage's wall-clock seconds.
    """
    with threadpool_limits(limits=1, user_api="blas"):
        return _train(rows, corrections, taxonomy, {} if stages is None else stages)


def _train(
    rows: Iterable[Row],
    corrections: Iterable[tuple[str, str]],
    taxonomy: Taxonomy | None,
    stages: dict[str, float],
) -> Model:
    taxonomy = taxonomy or load_taxonomy(None)
    known = set(taxonomy.category_codes())
    given = labelled(rows)
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
    n_urgent_rows = len(urgent)
    if len(set(labels)) < 2:
        raise ValueError("training needs examples of at least two categories")

    clock = time.perf_counter()
    space = FeatureSpace().fit(texts)
    x = space.matrix(texts)
    stages["features"] = time.perf_counter() - clock
    clf = _category_classifier(Counter(labels))
    clf.fit(x, labels, sample_weight=np.asarray(weights))
    stages["category model"] = time.perf_counter() - clock - stages["features"]
    urgent_model = None
    if 2 <= sum(urgent) < n_urgent_rows:
        clock = time.perf_counter()
        urgent_model = LogisticRegression(C=URGENT_C, class_weight="balanced", max_iter=3000)
        urgent_model.fit(x[:n_urgent_rows], urgent)
        stages["urgent model"] = time.perf_counter() - clock
    parts: dict[str, Any] = {"features": space, "linear": CompiledLinear(clf, urgent_model)}

    now = datetime.now(UTC)
    digest = hashlib.sha256(repr((texts, labels)).encode()).hexdigest()[:8]
    meta = ModelMeta(
        version=f"r{MODEL_FORMAT}-{now:%Y%m%d%H%M%S}-{digest}",
        format=MODEL_FORMAT,
        sklearn=sklearn.__version__,
        trained_at=now.isoformat(timespec="seconds"),
        rows=n_urgent_rows,
        corrections=len(fixes),
        normaliser=normaliser_fingerprint(),
        taxonomy=taxonomy_fingerprint(taxonomy),
    )
    directorates = {c.code: c.directorate for c in taxonomy.categories}
    return Model(parts, directorates, meta)


class ModelStore:
    """Keeps the current model under the data directory, building it on first use."""

    def __init__(
        self,
        data_dir: str | Path,
        taxonomy: Taxonomy,
        corrections: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.path = Path(data_dir) / MODEL_FILE
        self.taxonomy = taxonomy
        self._corrections = list(corrections)
        self._model: Model | None = None
        self._lock = threading.Lock()

    def get(self) -> Model:
        """The current model: loaded from disk, or trained and saved when missing or stale."""
        with self._lock:
            if self._model is None:
                self._model = self._load_or_build()
            return self._model

    def _load_or_build(self) -> Model:
        try:
            model = load(self.path)
            if model.meta.taxonomy == taxonomy_fingerprint(self.taxonomy):
                return model
            logger.info("routing model %s predates the taxonomy; rebuilding", model.version)
        except ModelLoadError as exc:
            logger.info("routing model not usable (%s); building a new one", exc)
        model = train(shipped_rows(), self._corrections, self.taxonomy)
        model.save(self.path)
        logger.info("routing model %s built and saved to %s", model.version, self.path)
        return model

    def install(self, model: Model) -> None:
        """Save a (re)trained model and make it current, e.g. after `balagh train`."""
        with self._lock:
            model.save(self.path)
            self._model = model
