"""The routing model as the serving process holds it: fitted arrays and a numpy predict.

Training (classifier.py) needs scikit-learn and SciPy's optimiser, about 90 MB resident once
imported; a served model needs neither. A model is the feature space's vocabularies and IDF
(features.py) and the category, urgency and advert models reduced to one float32 weight matrix and
its intercepts, so classifying a message is a row gather and a few numpy operations, and
nothing here imports scikit-learn. The store builds a missing model in a child process
(training imports scikit-learn there, and the memory it allocates goes with the child), so a
`balagh serve` never has it in memory; `balagh train` and the tests train in their own process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from core.language.normalize import normalize_arabic
from core.routing import child, screening, urgency
from core.routing.dataset import shipped_rows
from core.routing.reading import Reading, read
from core.routing.taxonomy import Taxonomy
from core.routing.types import Classification

logger = logging.getLogger(__name__)

MODEL_FORMAT = 25  # bump when the saved structure or the features change
MODEL_FILE = "routing-model.pkl"
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


def sklearn_version() -> str:
    """The installed scikit-learn's version, read from its metadata without importing it."""
    try:
        return metadata.version("scikit-learn")
    except metadata.PackageNotFoundError:
        return "none"


def normaliser_fingerprint() -> str:
    """Hash of the current normaliser's output on a probe, to detect a changed normaliser."""
    return hashlib.sha256(normalize_arabic(_PROBE).encode()).hexdigest()[:12]


def taxonomy_fingerprint(taxonomy: Taxonomy) -> str:
    """Hash of the category-to-directorate map, to detect a replaced taxonomy."""
    pairs = sorted((c.code, c.directorate) for c in taxonomy.categories)
    return hashlib.sha256(repr(pairs).encode()).hexdigest()[:12]


def expit(x: np.ndarray) -> np.ndarray:
    """The logistic function, as scipy.special.expit computes it (without importing SciPy)."""
    out: np.ndarray = 1.0 / (1.0 + np.exp(-x))
    return out


class CompiledLinear:
    """Fitted category and urgency models as one dense float32 weight matrix.

    Columns are the category model's scores (one per class, already multiplied by the
    model's softmax scale) followed by the urgent model's single output and the advert
    model's, each when there is one (both logistic).
    scikit-learn validates its input on every call, which costs milliseconds per message;
    the same arithmetic as a row gather and a few array operations gives the same
    probabilities in microseconds (tests/core/routing compares the two on the corpus).
    The weights are dense: every feature is weighted in every class.
    """

    def __init__(
        self,
        classes: Sequence[str],
        weights: np.ndarray,
        intercepts: np.ndarray,
        urgent: bool,
        advert: bool = False,
    ) -> None:
        self.classes = tuple(classes)
        self._urgent = urgent
        self._advert = advert
        self._weights = np.ascontiguousarray(weights, dtype=np.float32)
        self._intercepts = np.asarray(intercepts, dtype=np.float64)

    def predict_one(
        self, cols: list[int], vals: list[float]
    ) -> tuple[np.ndarray, float | None, float | None]:
        """Category probabilities, urgent and advert probabilities for one sparse feature row."""
        if cols:
            # Typed conversions and `take`: the same arrays as np.asarray(vals) and
            # weights[cols], the list conversions' type guessing and fancy indexing left out
            # (65 -> 50 us a message for ~370 columns, session 22)
            rows = self._weights.take(np.fromiter(cols, np.intp, len(cols)), axis=0)
            scores = np.fromiter(vals, np.float64, len(vals)) @ rows + self._intercepts
        else:
            scores = self._intercepts.copy()
        probs, urgent, advert = self._finish(scores[np.newaxis, :])
        return (
            probs[0],
            None if urgent is None else float(urgent[0]),
            None if advert is None else float(advert[0]),
        )

    def predict_many(self, x: Any) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
        """Category probabilities (rows), urgent and advert probabilities for a sparse matrix."""
        return self._finish(np.asarray(x @ self._weights) + self._intercepts)

    def _finish(
        self, scores: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
        urgent = advert = None
        if self._advert:  # the last column
            advert, scores = expit(scores[:, -1]), scores[:, :-1]
        if self._urgent:
            urgent, scores = expit(scores[:, -1]), scores[:, :-1]
        z = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs: np.ndarray = z / z.sum(axis=1, keepdims=True)
        return probs, urgent, advert


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

    def classify(self, text: str, reading: Reading | None = None) -> Classification:
        """Classify one message: category, directorate, confidence, alternatives, urgency.

        The message is read once (routing.reading; `reading` when the caller has read it)
        and the features, urgency and screening all use that reading.
        """
        reading = reading or read(text)
        cols, vals = self._parts["features"].vector(text, reading)
        probs, urgent_p, advert_p = self._parts["linear"].predict_one(cols, vals)
        return self._result(text, probs, urgent_p, advert_p, reading)

    def classify_many(self, texts: Sequence[str]) -> list[Classification]:
        """Classify a batch (faster per message than one at a time)."""
        if not texts:
            return []
        readings = [read(text) for text in texts]  # each message read once, as in classify
        x = self._parts["features"].matrix(texts, readings)
        probs, urgent_p, advert_p = self._parts["linear"].predict_many(x)
        return [
            self._result(
                text,
                probs[i],
                None if urgent_p is None else float(urgent_p[i]),
                None if advert_p is None else float(advert_p[i]),
                readings[i],
            )
            for i, text in enumerate(texts)
        ]

    def _result(
        self,
        text: str,
        probs: np.ndarray,
        p_urgent: float | None,
        p_advert: float | None = None,
        reading: Reading | None = None,
    ) -> Classification:
        classes = self.categories
        best, directorate, p_directorate = self._decode(probs)
        order = [j for j in np.argsort(probs)[::-1] if j != best][:2]
        reading = reading or read(text)
        is_urgent, why = urgency.is_urgent(text, p_urgent, reading)
        flag = screening.screen(text, float(probs[best]), p_advert, reading)
        return Classification(
            category=classes[best],
            directorate=directorate,
            confidence=float(probs[best]),
            urgent=is_urgent,
            alternatives=tuple((classes[j], float(probs[j])) for j in order),
            not_for_us=flag,
            model_version=self.version,
            names_place_or_problem=screening.report_signs(text, flag, reading),
            extras={
                "urgent_probability": p_urgent,
                "urgent_reason": why,
                "advert_probability": p_advert,
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
    wanted = (MODEL_FORMAT, sklearn_version(), normaliser_fingerprint())
    found = (meta.format, meta.sklearn, meta.normaliser)
    if found != wanted:
        raise ModelLoadError(f"model {path} built by {found}, this build needs {wanted}")
    try:
        parts = pickle.loads(payload["blob"])
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError) as exc:
        raise ModelLoadError(f"cannot unpickle model {path}: {exc}") from exc
    return Model(parts, dict(payload["directorates"]), meta)


def build_model(corrections: list[tuple[str, str]], taxonomy: Taxonomy) -> Model:
    """Train on the shipped rows plus `corrections` (imports scikit-learn: call in a child)."""
    from core.routing.classifier import train  # training only: scikit-learn stays out of serving

    return train(shipped_rows(), corrections, taxonomy)


class ModelStore:
    """Keeps the current model under the data directory, building it when missing.

    A missing, stale or unreadable model is built in a child process (core.routing.child),
    so the process that serves never imports scikit-learn.
    """

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
        model = child.run(build_model, self._corrections, self.taxonomy)
        model.save(self.path)
        logger.info("routing model %s built and saved to %s", model.version, self.path)
        return model

    def install(self, model: Model) -> None:
        """Save a (re)trained model and make it current, e.g. after `balagh train`."""
        with self._lock:
            model.save(self.path)
            self._model = model
