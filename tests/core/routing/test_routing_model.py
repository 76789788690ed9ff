"""The trained router: cross-validated quality, output shape, persistence and rebuilds."""

from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from core.routing import classifier
from core.routing.classifier import Model, ModelLoadError, ModelStore, load, train
from core.routing.dataset import CORPUS_FILE, labelled, shipped_rows, training_beside
from core.routing.evaluate import cross_validate, evaluate
from core.routing.router import ModelRouter
from core.routing.taxonomy import load_taxonomy

# Measured 3-fold CV on the dev corpus with our own files (extra, broad, dialect) in every
# training fold, seeds 0/1/2: accuracy 0.958-0.962, macro-F1 0.958-0.962, directorate
# macro-F1 0.963-0.967, weakest form (gulf) 0.916-0.926 (at most 4.2 points under overall),
# urgent P 0.96 / R 1.0. The 5-fold figures come from `balagh eval --cv 5` and
# `bench/routing.py`; three folds keep this test fast. The directorate and per-form checks
# are the targets themselves; the others leave a margin for library versions.
CV_FOLDS = 3
CV_MACRO_F1_FLOOR = 0.92
DIRECTORATE_MACRO_F1_FLOOR = 0.93
FORM_GAP_CEILING = 0.05
URGENT_RECALL_FLOOR = 0.95
# Recall first (issue 17): the hazard rules fire on danger words alone, and the corpus labels
# some of what they catch (a fallen stop sign, dogs attacking animals) as not urgent; 0.80 is
# the precision target. Measured after the change: P 0.83-0.88, R 1.0.
URGENT_PRECISION_FLOOR = 0.80


@pytest.fixture
def model(routing_model: Model) -> Model:
    """The model `train(shipped_rows())` gives: the session's (tests/conftest.py)."""
    return routing_model


def test_cross_validation_meets_the_targets(train_once: Any) -> None:
    dev = labelled(shipped_rows((CORPUS_FILE,)))
    report = cross_validate(
        dev, CV_FOLDS, extra_training=training_beside(dev), trainer=train_once
    )  # the same fold models as `balagh eval --cv 3` of dev.jsonl (test_cli_routing)
    assert report.n == 500
    assert report.macro_f1 >= CV_MACRO_F1_FLOOR, report.to_text()
    assert report.directorate_macro_f1 >= DIRECTORATE_MACRO_F1_FLOOR, report.to_text()
    gaps = {r.name: abs(r.accuracy - report.accuracy) for r in report.by_form}
    assert max(gaps.values()) <= FORM_GAP_CEILING, gaps
    assert report.urgent_recall >= URGENT_RECALL_FLOOR
    assert report.urgent_precision >= URGENT_PRECISION_FLOOR
    assert "by form:" in report.to_text() and report.to_dict()["n"] == 500


def test_classify_returns_directorate_confidence_and_two_alternatives(model: Model) -> None:
    result = model.classify("fi 7ufra kbeera fi el shari3 3nd beitna")
    assert result.category == "road_damage" and result.directorate == "roads"
    assert 0.0 < result.confidence <= 1.0
    assert len(result.alternatives) == 2
    assert all(conf <= result.confidence for _, conf in result.alternatives)
    assert result.category not in {c for c, _ in result.alternatives}
    assert result.model_version == model.version


def test_directorate_is_the_likeliest_directorate_and_holds_the_category(model: Model) -> None:
    codes = model.categories
    roads = [j for j, c in enumerate(codes) if model.directorates[c] == "roads"][:2]
    waste = codes.index("waste_collection")
    probs = np.full(len(codes), 0.0)
    probs[waste] = 0.40  # the single likeliest category ...
    probs[roads] = 0.30  # ... but its directorate holds less than these two together
    result = model._result("x", probs, None)
    assert result.directorate == "roads" and result.category == codes[roads[0]]
    assert result.confidence == pytest.approx(0.30)
    assert result.alternatives[0] == ("waste_collection", pytest.approx(0.40))
    assert result.extras["directorate_probability"] == pytest.approx(0.60)


def test_confident_category_is_kept_whatever_the_directorate_sums(model: Model) -> None:
    codes = model.categories
    probs = np.full(len(codes), 0.45 / (len(codes) - 1))
    probs[codes.index("waste_collection")] = 0.55
    result = model._result("x", probs, None)
    assert result.category == "waste_collection" and result.directorate == "cleanliness"


@pytest.mark.parametrize(
    "text",
    [
        "Sewage is coming up through the bathroom drain into our flat right now",
        "مياه المجاري دخلت البيت وغمرت الغرف",
    ],
)
def test_urgent_examples_in_both_languages(model: Model, text: str) -> None:
    assert model.classify(text).urgent


def test_router_flags_spam_but_still_classifies_real_text(model: Model, tmp_path: Path) -> None:
    store = ModelStore(tmp_path, load_taxonomy(None))
    store.install(model)
    router = ModelRouter(store)
    assert router.classify("BUY NOW bitcoin, double your money https://x.example").not_for_us
    assert router.classify("").not_for_us == "empty"
    real = router.classify("الكلاب الضالة في الخوض تلحق العيال")
    assert real.not_for_us is None and real.category == "stray_animals"


def test_staff_corrections_change_the_answer() -> None:
    text = "the kiosk by the roundabout sells cigarettes to kids"
    fixes = [(text, "commercial_licensing")] * 2
    assert (
        train(shipped_rows(), corrections=fixes).classify(text).category == "commercial_licensing"
    )


def test_save_and_load_roundtrip_keeps_answers(model: Model, tmp_path: Path) -> None:
    path = tmp_path / "m.pkl"
    model.save(path)
    again = load(path)
    text = "Garbage not collected for four days in Al Hail"
    assert again.version == model.version
    assert again.classify(text) == model.classify(text)
    assert again.meta.trained_at == model.meta.trained_at


def test_model_from_other_version_is_rebuilt_not_crashed_on(
    model: Model, tmp_path: Path, training_once: None
) -> None:
    store_path = tmp_path / classifier.MODEL_FILE
    old = replace(model.meta, format=classifier.MODEL_FORMAT - 1)
    Model(model._parts, model.directorates, old).save(store_path)
    with pytest.raises(ModelLoadError):
        load(store_path)
    rebuilt = ModelStore(tmp_path, load_taxonomy(None)).get()
    assert rebuilt.meta.format == classifier.MODEL_FORMAT
    assert load(store_path).version == rebuilt.version


def test_corrupt_model_file_is_rebuilt(tmp_path: Path, training_once: None) -> None:
    (tmp_path / classifier.MODEL_FILE).write_bytes(pickle.dumps({"not": "a model"}))
    store = ModelStore(tmp_path, load_taxonomy(None))
    assert store.get().classify("street light off").category == "street_lighting"


def test_evaluate_scores_the_current_model(model: Model) -> None:
    report = evaluate(model, shipped_rows()[:60])
    assert report.n == 60 and report.model_version == model.version
    assert 0.0 <= report.accuracy <= 1.0


def test_evaluate_reports_urgency_per_form_and_the_screening_errors(model: Model) -> None:
    rows = [
        {"text": "Live wires hanging out of the lamp post by the school", "category":
         "street_lighting", "urgent": True, "form": "english"},
        {"text": "street light flickering on our lane", "category": "street_lighting",
         "urgent": False, "form": "english"},
        {"text": "el wayerat barra mn 3mood el lait w fiha kahraba", "category": "street_lighting",
         "urgent": True, "form": "arabizi"},
        {"text": "حفرة كبيرة في الشارع قدام بيتنا، رقم هاتفي للتواصل 92345678", "category":
         "road_damage", "urgent": False, "form": "gulf"},
        {"text": "Mega sale 70% discount, free delivery, shop now www.deals.example",
         "category": None, "not_for_us": "spam", "form": "english"},
        {"text": "qwertyuiop asdf", "category": None, "not_for_us": "gibberish", "form": "english"},
    ]  # fmt: skip
    report = evaluate(model, rows)
    by_form = {r.name: r for r in report.urgent_by_form}
    assert (by_form["english"].urgent, by_form["english"].recall) == (1, 1.0)
    assert (by_form["arabizi"].urgent, by_form["arabizi"].recall) == (1, 1.0)
    assert by_form["gulf"].urgent == 0 and by_form["gulf"].recall is None
    assert report.screening is not None
    assert (report.screening.genuine, report.screening.genuine_flagged) == (4, 0)
    assert (report.screening.spam, report.screening.spam_caught) == (1, 1)
    text = report.to_text()
    assert "urgent by form:" in text and "genuine flagged 0/4" in text
    assert report.to_dict()["screening"]["false_positive_rate"] == 0.0


def test_compiled_model_gives_scikit_learns_probabilities_on_the_corpus(
    trained: tuple[Model, dict[str, Any]],
) -> None:
    """The served arrays (float32 weights, numpy predict) answer as the fitted estimators do."""
    model, fitted = trained
    x = fitted["features"].matrix(fitted["texts"])
    category = fitted["category"]
    scores = category.svm.decision_function(x) * category.scale
    z = np.exp(scores - scores.max(axis=1, keepdims=True))
    expected = z / z.sum(axis=1, keepdims=True)
    probs, urgent, advert = model._parts["linear"].predict_many(x)
    assert tuple(category.classes_) == model.categories
    assert len(probs) == len(fitted["texts"]) > 1000
    np.testing.assert_allclose(probs, expected, atol=1e-5)
    assert (probs.argmax(axis=1) == expected.argmax(axis=1)).all()
    np.testing.assert_allclose(urgent, fitted["urgent"].predict_proba(x)[:, 1], atol=1e-5)
    np.testing.assert_allclose(advert, fitted["advert"].predict_proba(x)[:, 1], atol=1e-5)
    one, _, _ = model._parts["linear"].predict_one(*fitted["features"].vector("7ufra"))
    row = fitted["features"].matrix(["7ufra"])
    np.testing.assert_allclose(one, model._parts["linear"].predict_many(row)[0][0], atol=1e-12)


def test_serving_a_saved_model_imports_neither_scikit_learn_nor_scipy(
    model: Model, tmp_path: Path
) -> None:
    model.save(tmp_path / classifier.MODEL_FILE)
    script = (
        "import sys\n"
        "from core.routing.model import ModelStore\n"
        "from core.routing.router import ModelRouter\n"
        "from core.routing.taxonomy import load_taxonomy\n"
        f"router = ModelRouter(ModelStore({str(tmp_path)!r}, load_taxonomy(None)))\n"
        "router.prepare()\n"
        "print(router.classify('street light off').category)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split("\n")[:2] == ["street_lighting", "[]"]


# Adverts and genuine reports with contact details, written for this test (issue 17, fourth
# pass): none is in adverts.jsonl or a bench/data set.
ADVERTS = [
    "Summer offer on home water filters: installation and first cartridge free, 3 year "
    "warranty, order on our site purifypro.example",
    "عرض خاص على تنظيف خزانات المياه والسجاد، خصم 30% لأول زيارة، احجز الحين 9xxxxxxx",
    "nbee3 sayarat musta3mala b as3ar 7ilwa, aqsa6 bdoon dof3a oola, kalmoona",
    "Quick visa service لجميع الدول, renew your residence بأرخص سعر, WhatsApp us",
]
REPORTS_WITH_CONTACTS = [
    "The bins on Way 1733 in Al Ghubra have not been emptied for a week. Photos: "
    "https://photos.example/ghubra, email me at rashid@example.com or call 9xxxxxxx",
    "حفرة كبيرة في الشارع أمام مدرسة البنات في العامرات، الصور على الرابط "
    "https://img.example/7ufra وبريدي maryam@example.com ورقمي 9xxxxxxx",
    "ريحة المجاري قوية عند المسجد في حارتنا، كلموني على 9xxxxxxx أو الايميل saud@example.com",
]


@pytest.mark.parametrize("text", ADVERTS)
def test_the_advert_model_flags_adverts_no_cue_list_names(model: Model, text: str) -> None:
    result = model.classify(text)
    assert result.not_for_us == "spam", result.extras["advert_probability"]


@pytest.mark.parametrize("text", REPORTS_WITH_CONTACTS)
def test_a_report_with_a_phone_an_email_and_a_link_is_not_spam(model: Model, text: str) -> None:
    assert model.classify(text).not_for_us is None


def test_the_advert_model_is_a_column_of_the_compiled_weights(model: Model) -> None:
    """One row gather scores category, urgency and advert intent (no second model to load)."""
    text = ADVERTS[0]
    single = model.classify(text).extras["advert_probability"]
    batch = model.classify_many([text])[0].extras["advert_probability"]
    assert single is not None and batch is not None
    assert single == pytest.approx(batch, abs=1e-5)


# Fifth pass (issue 17): adverts and scams of kinds added to adverts.jsonl by a second writer
# (sacrifice animals, CCTV, insurance, travel, pet shops, a "code sent by mistake" scam), and
# genuine reports about such businesses with their numbers and links; written for this test,
# none is in adverts.jsonl or a bench/data set.
FIFTH_PASS_ADVERTS = [
    "Eid sacrifice lambs ready for booking, we slaughter, cut and deliver to your door, "
    "reserve yours today",
    "Hi, a verification code was sent to your phone by mistake, please send it back to me quickly",
    "ركّب نظام كاميرات مراقبة لفيلتك مع تطبيق للجوال، العرض ساري حتى نهاية الشهر",
    "تبي تأمين لسيارتك؟ عندنا أرخص تأمين شامل، كلمنا ونطلع لك السعر في دقايق",
    "3roodh safar lel 9eif, tathaker w fundug b as3ar mn 99 ryal, i7jiz al7een",
    "Pet shop offer: قطط شيرازي و parrots بأسعار خاصة this week",
]
REPORTS_ABOUT_BUSINESSES = [
    "The laundry on Way 2210 pours its dirty water into the street every morning, their number "
    "is 9xxxxxxx and their page is laundry.example, please stop them",
    "محل كاميرات المراقبة في السوق وضع لوحة إعلانية كبيرة على الرصيف تسد الطريق، رقم المحل "
    "9xxxxxxx",
    "el 3iyada elli tu3lin 3n tabyee9 el asnan b 35 ryal tirmi el nifayat el 6ibbiya fi el "
    "zbala 3nd el bait, raqmi 9xxxxxxx",
]


@pytest.mark.parametrize("text", FIFTH_PASS_ADVERTS)
def test_advert_kinds_of_the_fifth_pass_are_spam(model: Model, text: str) -> None:
    result = model.classify(text)
    assert result.not_for_us == "spam", result.extras["advert_probability"]


@pytest.mark.parametrize("text", REPORTS_ABOUT_BUSINESSES)
def test_a_report_about_a_business_with_its_number_is_not_spam(model: Model, text: str) -> None:
    assert model.classify(text).not_for_us is None
