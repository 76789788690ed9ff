"""Taxonomy loading and validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.routing.taxonomy import TaxonomyError, load_taxonomy


def _doc() -> dict[str, Any]:
    path = Path(__file__).parents[3] / "core" / "routing" / "data" / "taxonomy.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _load(tmp_path: Path, doc: dict[str, Any]) -> None:
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    load_taxonomy(str(path))


def test_shipped_taxonomy_has_names_slas_and_lookups() -> None:
    tax = load_taxonomy(None)
    assert len(tax.directorates) == 8 and len(tax.categories) == 19
    assert tax.directorate_of("sewage_overflow") == "drainage"
    assert tax.name("road_damage", "ar") == "تلف الطرق والأرصفة"
    assert tax.name("roads", "en") == "Roads and Street Lighting"
    assert tax.category("unsafe_structure").sla_hours == 12
    assert tax.urgent_sla_hours == 4
    assert load_taxonomy("") == tax


def test_unknown_key_names_the_category(tmp_path: Path) -> None:
    doc = _doc()
    doc["directorates"][0]["categories"][1]["colour"] = "red"
    with pytest.raises(TaxonomyError, match="street_lighting.*colour"):
        _load(tmp_path, doc)


def test_duplicate_category_code_is_named(tmp_path: Path) -> None:
    doc = _doc()
    doc["directorates"][1]["categories"][0]["code"] = "road_damage"
    with pytest.raises(TaxonomyError, match="duplicate code 'road_damage'"):
        _load(tmp_path, doc)


def test_missing_arabic_name_names_the_directorate(tmp_path: Path) -> None:
    doc = _doc()
    del doc["directorates"][2]["name_ar"]
    with pytest.raises(TaxonomyError, match="'drainage'.*name_ar"):
        _load(tmp_path, doc)


@pytest.mark.parametrize("hours", [0, -5, "12", None, True])
def test_bad_sla_hours_names_the_category(tmp_path: Path, hours: object) -> None:
    doc = _doc()
    doc["directorates"][3]["categories"][0]["sla_hours"] = hours
    with pytest.raises(TaxonomyError, match="food_safety.*sla_hours"):
        _load(tmp_path, doc)


def test_unknown_top_level_key_and_bad_json_are_errors(tmp_path: Path) -> None:
    doc = _doc()
    doc["extra"] = 1
    with pytest.raises(TaxonomyError, match="unknown key"):
        _load(tmp_path, doc)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not valid JSON"):
        load_taxonomy(str(bad))
