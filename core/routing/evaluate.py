"""Routing quality figures: accuracy, macro-F1, per language/form/category, urgency, language,
and not-for-us screening (genuine reports flagged; spam caught).

Used by `balagh eval` (current model, or K-fold cross-validation of a labelled file) and by
`balagh train` to refuse a retrained model that scores worse than the current one.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from core.routing.classifier import Model, train
from core.routing.dataset import Row, labelled
from core.routing.taxonomy import Taxonomy, load_taxonomy
from core.routing.types import ROUTE_THRESHOLD, Classification

CONFUSIONS_SHOWN = 8


@dataclass
class GroupRow:
    """Figures for one slice of the data (a language, a form or a category)."""

    name: str
    n: int
    accuracy: float
    macro_f1: float | None = None
    precision: float | None = None
    recall: float | None = None


@dataclass
class UrgentRow:
    """Urgency figures for one language form: what safety is measured in, form by form."""

    name: str
    n: int  # rows in the form
    urgent: int  # rows labelled urgent
    flagged: int  # rows predicted urgent
    precision: float | None  # None: nothing flagged / nothing urgent in this form
    recall: float | None


@dataclass
class Screening:
    """Not-for-us screening: genuine reports flagged (must be none) and spam caught."""

    genuine: int
    genuine_flagged: int
    spam: int
    spam_caught: int

    @property
    def false_positive_rate(self) -> float:
        """Share of genuine (categorised) reports flagged not-for-us for any reason."""
        return _ratio(self.genuine_flagged, self.genuine)

    @property
    def spam_recall(self) -> float | None:
        """Share of rows labelled spam that were flagged spam; None without such rows."""
        return _ratio(self.spam_caught, self.spam) if self.spam else None


@dataclass
class Automatic:
    """Messages routed with no person involved: categorised, confident (at least the route
    threshold) and not flagged not-for-us, as core.intake.triage decides; and how many of
    those got the right category. The seed's target: 95% of reports at 95% accuracy."""

    threshold: float
    n: int  # categorised rows scored
    routed: int
    correct: int

    @property
    def share(self) -> float:
        """Share of the categorised rows routed automatically."""
        return _ratio(self.routed, self.n)

    @property
    def accuracy(self) -> float:
        """Category accuracy on the rows routed automatically."""
        return _ratio(self.correct, self.routed)


@dataclass
class Report:
    """Everything `balagh eval` prints, also as a dict for JSON output and comparisons."""

    n: int
    accuracy: float
    macro_f1: float
    directorate_accuracy: float
    directorate_macro_f1: float
    urgent_precision: float
    urgent_recall: float
    urgent_support: int
    by_lang: list[GroupRow] = field(default_factory=list)
    by_form: list[GroupRow] = field(default_factory=list)
    by_category: list[GroupRow] = field(default_factory=list)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    language_accuracy: float | None = None
    language_by_form: list[GroupRow] = field(default_factory=list)
    model_version: str | None = None
    urgent_by_form: list[UrgentRow] = field(default_factory=list)
    screening: Screening | None = None
    automatic: Automatic | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-serialisable)."""
        out = asdict(self)
        if self.screening is not None:
            out["screening"]["false_positive_rate"] = self.screening.false_positive_rate
            out["screening"]["spam_recall"] = self.screening.spam_recall
        if self.automatic is not None:
            out["automatic"]["share"] = self.automatic.share
            out["automatic"]["accuracy"] = self.automatic.accuracy
        return out

    def to_text(self) -> str:
        """Human-readable report for the command line: the headline figures, then the
        breakdowns (by form, language, category; the frequent confusions)."""
        return "\n".join([*self._headline_lines(), *self._breakdown_lines()])

    def _headline_lines(self) -> list[str]:
        """The figures a change to the router is judged by, one line each; the automatic
        routing, screening and language lines only when the run measured them."""
        lines = [
            f"model {self.model_version or '-'}  messages {self.n}",
            f"category    accuracy {self.accuracy:.3f}  macro-F1 {self.macro_f1:.3f}",
            f"directorate accuracy {self.directorate_accuracy:.3f}  "
            f"macro-F1 {self.directorate_macro_f1:.3f}",
            f"urgent      precision {self.urgent_precision:.3f}  recall {self.urgent_recall:.3f}"
            f"  (n={self.urgent_support})",
        ]
        if self.automatic is not None:
            auto = self.automatic
            lines.append(
                f"automatic   routed {auto.share:.3f} ({auto.routed}/{auto.n}) at confidence >= "
                f"{auto.threshold:.2f}, accuracy {auto.accuracy:.3f} on them"
            )
        if self.screening is not None:
            sc = self.screening
            spam = "-" if sc.spam_recall is None else f"{sc.spam_recall:.3f}"
            lines.append(
                f"not for us  genuine flagged {sc.genuine_flagged}/{sc.genuine} "
                f"(FP rate {sc.false_positive_rate:.3f})  spam recall {spam} "
                f"({sc.spam_caught}/{sc.spam})"
            )
        if self.language_accuracy is not None:
            lines.append(f"language    accuracy {self.language_accuracy:.3f}")
        return lines

    def _breakdown_lines(self) -> list[str]:
        """Where the headline figures come from, each table after a blank line: a weak form,
        language or category, and what is taken for what, show here first."""
        lines: list[str] = []
        if self.urgent_by_form:
            lines.append("\nurgent by form:")
            lines += [
                f"  {r.name:<12} n={r.n:<4} urgent {r.urgent:<3} flagged {r.flagged:<3} "
                f"P {_figure(r.precision)}  R {_figure(r.recall)}"
                for r in self.urgent_by_form
            ]
        if self.language_by_form:
            lines.append("\nlanguage detection by form:")
            lines += [
                f"  {r.name:<12} n={r.n:<4} acc {r.accuracy:.3f}" for r in self.language_by_form
            ]
        for title, rows in (("language", self.by_lang), ("form", self.by_form)):
            lines.append(f"\nby {title}:")
            lines += [
                f"  {r.name:<12} n={r.n:<4} acc {r.accuracy:.3f}  F1 {r.macro_f1:.3f}" for r in rows
            ]
        lines.append("\nby category:")
        lines += [
            f"  {r.name:<22} n={r.n:<4} P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.macro_f1:.3f}"
            for r in self.by_category
        ]
        if self.confusions:
            lines.append("\nmost frequent confusions (true -> predicted):")
            lines += [f"  {t} -> {p}: {c}" for t, p, c in self.confusions]
        return lines

    def to_json(self) -> str:
        """The report as one JSON document."""
        return json.dumps(self.to_dict(), ensure_ascii=False)


def _figure(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _language_hits(rows: Sequence[Row]) -> list[tuple[Row, bool]]:
    """Each row with a known reply language, and whether the detector agrees with it."""
    from core.language.detect import detect_language

    scored = [r for r in rows if r.get("lang") in ("ar", "en")]
    return [(r, detect_language(r["text"]).language == r["lang"]) for r in scored]


def _language_accuracy(hits: Sequence[tuple[Row, bool]]) -> float | None:
    return _ratio(sum(ok for _, ok in hits), len(hits)) if hits else None


def _language_by_form(hits: Sequence[tuple[Row, bool]]) -> list[GroupRow]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for row, ok in hits:
        groups[str(row.get("form") or "?")].append(ok)
    return [
        GroupRow(name, len(oks), _ratio(sum(oks), len(oks))) for name, oks in sorted(groups.items())
    ]


def _urgent_by_form(rows: Sequence[Row], predictions: Sequence[Classification]) -> list[UrgentRow]:
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for row, p in zip(rows, predictions, strict=True):
        groups[str(row.get("form") or "?")].append((bool(row.get("urgent")), p.urgent))
    out = []
    for name, pairs in sorted(groups.items()):
        tp = sum(1 for t, p in pairs if t and p)
        urgent, flagged = sum(t for t, _ in pairs), sum(p for _, p in pairs)
        precision = tp / flagged if flagged else None
        recall = tp / urgent if urgent else None
        out.append(UrgentRow(name, len(pairs), urgent, flagged, precision, recall))
    return out


def _screening(
    genuine: Sequence[Classification],
    junk: Sequence[Row],
    junk_predictions: Sequence[Classification],
) -> Screening:
    spam = [
        (r, p) for r, p in zip(junk, junk_predictions, strict=True) if r.get("not_for_us") == "spam"
    ]
    return Screening(
        genuine=len(genuine),
        genuine_flagged=sum(1 for p in genuine if p.not_for_us),
        spam=len(spam),
        spam_caught=sum(1 for _, p in spam if p.not_for_us == "spam"),
    )


def _automatic(
    truth: Sequence[str], predictions: Sequence[Classification], threshold: float
) -> Automatic:
    routed = [
        (t, p)
        for t, p in zip(truth, predictions, strict=True)
        if p.category and p.confidence >= threshold and not p.not_for_us
    ]
    return Automatic(threshold, len(truth), len(routed), sum(t == p.category for t, p in routed))


def not_for_us_rows(rows: Iterable[Row]) -> list[Row]:
    """Rows labelled not-for-us (no category, a `not_for_us` reason): screening's test rows."""
    return [r for r in rows if not r.get("category") and r.get("not_for_us")]


def score(
    rows: Sequence[Row],
    predictions: Sequence[Classification],
    taxonomy: Taxonomy,
    model_version: str | None = None,
    junk: Sequence[Row] = (),
    junk_predictions: Sequence[Classification] = (),
    route_threshold: float = ROUTE_THRESHOLD,
) -> Report:
    """Compare predictions with the labelled rows they were made for.

    `junk` are rows labelled not-for-us (with `junk_predictions` for them): with the
    categorised rows they give the screening figures. `route_threshold` is the confidence at
    which a message is routed with no person involved (the automatic figures).
    """
    truth = [r["category"] for r in rows]
    pred = [p.category or "" for p in predictions]
    labels = sorted(set(truth))
    directorate_accuracy, directorate_macro_f1 = _directorate_scores(truth, pred, taxonomy)
    confusions = Counter((t, p) for t, p in zip(truth, pred, strict=True) if t != p)
    u_true = [bool(r.get("urgent")) for r in rows]
    u_pred = [p.urgent for p in predictions]
    tp = sum(1 for t, p in zip(u_true, u_pred, strict=True) if t and p)
    hits = _language_hits(rows)
    return Report(
        n=len(rows),
        accuracy=float(accuracy_score(truth, pred)),
        macro_f1=float(f1_score(truth, pred, labels=labels, average="macro", zero_division=0)),
        directorate_accuracy=directorate_accuracy,
        directorate_macro_f1=directorate_macro_f1,
        urgent_precision=_ratio(tp, sum(u_pred)),
        urgent_recall=_ratio(tp, sum(u_true)),
        urgent_support=sum(u_true),
        by_lang=_by_group(rows, truth, pred, "lang"),
        by_form=_by_group(rows, truth, pred, "form"),
        by_category=_by_category(truth, pred, labels),
        confusions=[(t, p, c) for (t, p), c in confusions.most_common(CONFUSIONS_SHOWN)],
        language_accuracy=_language_accuracy(hits),
        language_by_form=_language_by_form(hits),
        model_version=model_version,
        urgent_by_form=_urgent_by_form(rows, predictions),
        screening=_screening(predictions, junk, junk_predictions),
        automatic=_automatic(truth, predictions, route_threshold),
    )


def _directorate_scores(
    truth: Sequence[str], pred: Sequence[str], taxonomy: Taxonomy
) -> tuple[float, float]:
    """Accuracy and macro F1 of the directorate each category goes to: a wrong category
    of the right directorate still reaches the right department."""
    d_of = {c.code: c.directorate for c in taxonomy.categories}
    d_truth = [d_of.get(c, "?") for c in truth]
    d_pred = [d_of.get(c, "?") for c in pred]
    macro_f1 = f1_score(
        d_truth, d_pred, labels=sorted(set(d_truth)), average="macro", zero_division=0
    )
    return float(accuracy_score(d_truth, d_pred)), float(macro_f1)


def _by_group(
    rows: Sequence[Row], truth: Sequence[str], pred: Sequence[str], key: str
) -> list[GroupRow]:
    """Accuracy and macro F1 per value of the rows' `key` (their language, their form)."""
    idx: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        idx[str(r.get(key) or "?")].append(i)
    out = []
    for name, ids in sorted(idx.items()):
        t, p = [truth[i] for i in ids], [pred[i] for i in ids]
        f1 = f1_score(t, p, labels=sorted(set(t)), average="macro", zero_division=0)
        out.append(GroupRow(name, len(ids), accuracy_score(t, p), float(f1)))
    return out


def _by_category(truth: Sequence[str], pred: Sequence[str], labels: list[str]) -> list[GroupRow]:
    """Support, recall, F1 and precision of each category in `labels`."""
    prec, rec, f1s, sup = precision_recall_fscore_support(
        truth, pred, labels=labels, zero_division=0
    )
    return [
        GroupRow(lab, int(sup[i]), float(rec[i]), float(f1s[i]), float(prec[i]), float(rec[i]))
        for i, lab in enumerate(labels)
    ]


def evaluate(
    model: Model,
    rows: Iterable[Row],
    taxonomy: Taxonomy | None = None,
    route_threshold: float = ROUTE_THRESHOLD,
) -> Report:
    """Score an existing model on labelled rows; rows labelled not-for-us score screening."""
    rows = list(rows)
    data, junk = labelled(rows), not_for_us_rows(rows)
    predictions = model.classify_many([r["text"] for r in data])
    junk_predictions = model.classify_many([r["text"] for r in junk])
    taxonomy = taxonomy or load_taxonomy(None)
    return score(
        data, predictions, taxonomy, model.version, junk, junk_predictions, route_threshold
    )


def _folds(rows: Sequence[Row], k: int, seed: int) -> list[list[int]]:
    """Folds keyed by each row's id (its text when it has none): a row's fold is a hash of the
    seed and the id, so adding or removing rows never moves another row to another fold and
    two commits' figures compare row for row. Categories hold hundreds of rows, so each fold
    gets its share of every category without dealing them out."""
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, r in enumerate(rows):
        key = f"{seed}:{r.get('id') or r['text']}".encode()
        folds[int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") % k].append(i)
    return folds


def cross_validate(
    rows: Iterable[Row],
    k: int = 5,
    *,
    extra_training: Iterable[Row] = (),
    taxonomy: Taxonomy | None = None,
    seed: int = 0,
    trainer: Callable[..., Model] = train,
    route_threshold: float = ROUTE_THRESHOLD,
) -> Report:
    """Train on k-1 folds and score the held-out fold, k times; extra rows only ever train."""
    if k < 2:
        raise ValueError("cross-validation needs k >= 2")
    taxonomy = taxonomy or load_taxonomy(None)
    rows = list(rows)
    data, junk = labelled(rows), not_for_us_rows(rows)
    # labelled rows, and adverts for the advert model (never scored here)
    extra = [r for r in extra_training if r.get("category") or r.get("not_for_us") == "spam"]
    predictions: list[Classification | None] = [None] * len(data)
    junk_predictions: list[Classification] = []
    for fold in _folds(data, k, seed):
        held = set(fold)
        training = [r for i, r in enumerate(data) if i not in held] + extra
        model = trainer(training, taxonomy=taxonomy)
        for i, p in zip(fold, model.classify_many([data[i]["text"] for i in fold]), strict=True):
            predictions[i] = p
        if not junk_predictions:  # not-for-us rows never train: any fold's model scores them
            junk_predictions = model.classify_many([r["text"] for r in junk])
    done = [p for p in predictions if p is not None]
    return score(data, done, taxonomy, f"cv{k}", junk, junk_predictions, route_threshold)
