"""Cross-validation folds stay put when rows are added, so two commits compare row for row."""

from __future__ import annotations

from collections import Counter

from core.routing.dataset import Row
from core.routing.evaluate import _folds


def _rows(n: int, start: int = 0) -> list[Row]:
    cats = ("road_damage", "waste_collection", "stray_animals")
    return [{"id": f"r{i}", "text": f"text {i}", "category": cats[i % 3]} for i in range(start, n)]


def _fold_of(rows: list[Row], k: int, seed: int) -> dict[str, int]:
    return {str(rows[i]["id"]): f for f, fold in enumerate(_folds(rows, k, seed)) for i in fold}


def test_adding_rows_moves_no_existing_row_to_another_fold() -> None:
    before = _fold_of(_rows(300), 5, 0)
    grown = _rows(40, start=1000) + _rows(300)  # new rows first: positions all shift
    after = _fold_of(grown, 5, 0)
    assert all(after[row_id] == fold for row_id, fold in before.items())


def test_every_row_is_in_exactly_one_fold_and_folds_are_balanced() -> None:
    rows = _rows(3000)
    folds = _folds(rows, 5, 0)
    assert sorted(i for fold in folds for i in fold) == list(range(3000))
    for fold in folds:
        per_category = Counter(rows[i]["category"] for i in fold)
        assert all(160 <= n <= 240 for n in per_category.values()), per_category


def test_another_seed_deals_other_folds() -> None:
    rows = _rows(300)
    assert _fold_of(rows, 5, 0) != _fold_of(rows, 5, 1)
