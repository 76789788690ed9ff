"""The routing taxonomy: directorates, categories, SLAs and the urgent rule.

A municipality replaces the shipped file with its own (`BALAGH_TAXONOMY`), so every entry is
validated at load time and errors name the entry at fault rather than failing later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

DEFAULT_TAXONOMY = "taxonomy.json"
_TOP_KEYS = {"version", "note", "directorates", "urgent_when", "urgent_sla_hours"}
_DIRECTORATE_KEYS = {"code", "name_en", "name_ar", "categories"}
_CATEGORY_KEYS = {"code", "name_en", "name_ar", "sla_hours", "examples"}


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message names the entry at fault."""


@dataclass(frozen=True)
class Directorate:
    """A directorate (department group) that owns categories."""

    code: str
    name_en: str
    name_ar: str


@dataclass(frozen=True)
class Category:
    """A routing category: who owns it, what it is called, and how fast it must be solved."""

    code: str
    directorate: str
    name_en: str
    name_ar: str
    sla_hours: float
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """The validated taxonomy with lookups by code."""

    directorates: tuple[Directorate, ...]
    categories: tuple[Category, ...]
    urgent_when: str
    urgent_sla_hours: float
    version: str = "1"

    def category(self, code: str) -> Category:
        """Return the category with this code (KeyError if unknown)."""
        for cat in self.categories:
            if cat.code == code:
                return cat
        raise KeyError(code)

    def directorate(self, code: str) -> Directorate:
        """Return the directorate with this code (KeyError if unknown)."""
        for d in self.directorates:
            if d.code == code:
                return d
        raise KeyError(code)

    def directorate_of(self, category: str) -> str:
        """Return the directorate code owning a category code."""
        return self.category(category).directorate

    def category_codes(self) -> tuple[str, ...]:
        """All category codes, in file order."""
        return tuple(c.code for c in self.categories)

    def name(self, code: str, lang: str = "en") -> str:
        """Display name of a category or directorate code in 'ar' or 'en' (English fallback)."""
        entry: Category | Directorate
        try:
            entry = self.category(code)
        except KeyError:
            entry = self.directorate(code)
        return entry.name_ar if lang == "ar" else entry.name_en


def load_taxonomy(path: str | None = None) -> Taxonomy:
    """Load and validate a taxonomy file; None or '' loads the shipped default."""
    if path:
        where = path
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise TaxonomyError(f"cannot read taxonomy {path}: {exc}") from exc
    else:
        where = "shipped taxonomy.json"
        raw = resources.files("core.routing").joinpath("data", DEFAULT_TAXONOMY).read_text("utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TaxonomyError(f"{where}: not valid JSON: {exc}") from exc
    return parse_taxonomy(data)


def parse_taxonomy(data: Any) -> Taxonomy:
    """Validate a decoded taxonomy document and build the Taxonomy."""
    if not isinstance(data, dict):
        raise TaxonomyError("taxonomy: top level must be an object")
    _check_keys("taxonomy", data, _TOP_KEYS, {"directorates", "urgent_when", "urgent_sla_hours"})
    if not isinstance(data["directorates"], list) or not data["directorates"]:
        raise TaxonomyError("taxonomy: 'directorates' must be a non-empty list")
    directorates: list[Directorate] = []
    categories: list[Category] = []
    seen_dirs: set[str] = set()
    seen_cats: set[str] = set()
    for i, d in enumerate(data["directorates"]):
        label = f"directorate #{i + 1}"
        if not isinstance(d, dict):
            raise TaxonomyError(f"{label}: must be an object")
        code = _code(label, d, seen_dirs)
        label = f"directorate {code!r}"
        _check_keys(label, d, _DIRECTORATE_KEYS, _DIRECTORATE_KEYS)
        directorates.append(
            Directorate(code, _name(label, d, "name_en"), _name(label, d, "name_ar"))
        )
        if not isinstance(d["categories"], list) or not d["categories"]:
            raise TaxonomyError(f"{label}: 'categories' must be a non-empty list")
        for j, c in enumerate(d["categories"]):
            categories.append(_parse_category(f"category #{j + 1} of {label}", c, code, seen_cats))
    urgent_when = data["urgent_when"]
    if not isinstance(urgent_when, str) or not urgent_when.strip():
        raise TaxonomyError("taxonomy: 'urgent_when' must be a non-empty string")
    return Taxonomy(
        directorates=tuple(directorates),
        categories=tuple(categories),
        urgent_when=urgent_when,
        urgent_sla_hours=_hours("taxonomy", data, "urgent_sla_hours"),
        version=str(data.get("version", "1")),
    )


def _parse_category(label: str, c: Any, directorate: str, seen: set[str]) -> Category:
    if not isinstance(c, dict):
        raise TaxonomyError(f"{label}: must be an object")
    code = _code(label, c, seen)
    label = f"category {code!r}"
    _check_keys(label, c, _CATEGORY_KEYS, {"code", "name_en", "name_ar", "sla_hours"})
    examples = c.get("examples", [])
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise TaxonomyError(f"{label}: 'examples' must be a list of strings")
    return Category(
        code=code,
        directorate=directorate,
        name_en=_name(label, c, "name_en"),
        name_ar=_name(label, c, "name_ar"),
        sla_hours=_hours(label, c, "sla_hours"),
        examples=tuple(examples),
    )


def _check_keys(label: str, obj: dict[str, Any], allowed: set[str], required: set[str]) -> None:
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise TaxonomyError(f"{label}: unknown key(s) {', '.join(unknown)}")
    missing = sorted(required - set(obj))
    if missing:
        raise TaxonomyError(f"{label}: missing {', '.join(missing)}")


def _code(label: str, obj: dict[str, Any], seen: set[str]) -> str:
    code = obj.get("code")
    if not isinstance(code, str) or not code.strip():
        raise TaxonomyError(f"{label}: missing or empty 'code'")
    if code in seen:
        raise TaxonomyError(f"{label}: duplicate code {code!r}")
    seen.add(code)
    return code


def _name(label: str, obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise TaxonomyError(f"{label}: missing or empty {key!r}")
    return value


def _hours(label: str, obj: dict[str, Any], key: str) -> float:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise TaxonomyError(f"{label}: {key!r} must be a positive number of hours, got {value!r}")
    return float(value)
