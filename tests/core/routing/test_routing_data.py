"""The shipped training data: well-formed, within the taxonomy, and honest to cross-validate."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import scipy.sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from core.language.normalize import normalize_arabic
from core.routing.dataset import CORPUS_FILE, OWN_FILES, load_rows, shipped_rows, training_beside
from core.routing.taxonomy import load_taxonomy

# Cosine similarity of character 3-5-gram TF-IDF above which an own row counts as a near
# copy of a corpus row. Measured: unrelated messages about one topic in one city reach about
# 0.5; rewordings of one message (same details, a few words changed) score 0.6 and more.
NEAR_COPY = 0.55
HELD_OUT = Path(__file__).resolve().parents[3] / "bench" / "data"
FORMS = {"english", "msa", "gulf", "arabizi", "mixed"}


def _normalised(rows: list[dict[str, object]]) -> list[str]:
    return [normalize_arabic(str(r["text"])) for r in rows]


def test_no_own_row_is_a_near_copy_of_a_corpus_row() -> None:
    """A reworded corpus message in training would inflate cross-validated figures."""
    corpus, own = shipped_rows((CORPUS_FILE,)), shipped_rows(OWN_FILES)
    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectors = vectoriser.fit_transform(_normalised(own + corpus))  # fit, then transform
    similarity = cosine_similarity(vectors[: len(own)], vectors[len(own) :])
    worst = similarity.max(axis=1)
    copies = [
        (own[i]["id"], round(float(worst[i]), 2)) for i in range(len(own)) if worst[i] >= NEAR_COPY
    ]
    assert not copies, copies


def _test_set_similarities(
    training: list[str], held_sets: list[list[str]]
) -> list[scipy.sparse.spmatrix]:
    """Each test set's rows against the training rows, as if a TF-IDF were fitted on the
    training rows plus that set alone (its document frequencies), but with the character
    n-grams counted once for every text: refitting per set analysed the ~6,000 training
    rows again for each of the forty-odd sets (a minute of the suite). An n-gram missing from
    both the training rows and a set is a zero column for that set, so it changes no cosine."""
    counter = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5))
    counts = counter.fit_transform(training + [t for held in held_sets for t in held])
    trained, at = counts[: len(training)], len(training)
    similarities = []
    for held in held_sets:
        held_counts, at = counts[at : at + len(held)], at + len(held)
        tfidf = TfidfTransformer(sublinear_tf=True)
        tfidf.fit(scipy.sparse.vstack([trained, held_counts]))
        similarities.append(
            cosine_similarity(tfidf.transform(held_counts), tfidf.transform(trained))
        )
    return similarities


def test_no_test_set_row_is_a_near_copy_of_a_training_row() -> None:
    """bench/data/*.jsonl measure the shipped model; a reworded training row in them would
    measure memory, not generalisation."""
    training = _normalised(shipped_rows())
    paths = sorted(HELD_OUT.glob("*.jsonl"))
    assert {p.name for p in paths} >= {"heldout_a.jsonl", "heldout_b.jsonl", "screening.jsonl"}
    held_sets = [load_rows(path) for path in paths]
    similarities = _test_set_similarities(training, [_normalised(h) for h in held_sets])
    for path, held, similarity in zip(paths, held_sets, similarities, strict=True):
        worst = similarity.max(axis=1)
        assert len(held) > 50
        assert float(worst.max()) < NEAR_COPY, (path.name, held[int(worst.argmax())]["id"])


def test_shared_count_similarities_equal_a_tfidf_fitted_per_test_set() -> None:
    """The shortcut above must give what a vectoriser fitted on training plus one set gives."""
    training = _normalised(shipped_rows((CORPUS_FILE,)))[:800]
    sets = [
        _normalised(load_rows(HELD_OUT / n))[:60] for n in ("heldout_a.jsonl", "screening.jsonl")
    ]
    shared = _test_set_similarities(training, sets)
    for held, got in zip(sets, shared, strict=True):
        vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
        vectors = vectoriser.fit_transform(training + held)
        expected = cosine_similarity(vectors[len(training) :], vectors[: len(training)])
        assert abs(got - expected).max() < 1e-9
        assert expected.max() > 0.2  # the sets share n-grams with training: not all zeros


def test_own_rows_are_well_formed_and_inside_the_taxonomy() -> None:
    codes = set(load_taxonomy(None).category_codes())
    own = shipped_rows(OWN_FILES)
    ids = Counter(r["id"] for r in own)
    assert [i for i, n in ids.items() if n > 1] == []
    for row in own:
        assert row["category"] is None or row["category"] in codes, row["id"]
        assert row["lang"] in {"ar", "en"} and row["form"] in FORMS, row["id"]
        # not-for-us rows may be blank on purpose (an empty message is screened out)
        assert row["text"].strip() or row["category"] is None, row["id"]


def test_every_category_has_own_rows_in_every_form() -> None:
    """The corpus is thin per category and form; our rows must cover each pair."""
    pairs = Counter((r["category"], r["form"]) for r in shipped_rows(OWN_FILES) if r["category"])
    codes = load_taxonomy(None).category_codes()
    thin = [(c, f) for c in codes for f in sorted(FORMS) if pairs[(c, f)] < 3]
    assert thin == []


def test_cross_validation_training_leaves_out_the_scored_file() -> None:
    corpus = shipped_rows((CORPUS_FILE,))
    beside = training_beside(corpus)
    texts = {r["text"] for r in corpus}
    assert beside and not any(r["text"] in texts for r in beside)
    held_out = [{"text": "a message only the held-out file has", "category": "feedback"}]
    trains = [r for r in shipped_rows() if r["category"] or r.get("not_for_us") == "spam"]
    assert len(training_beside(held_out)) == len(trains)
