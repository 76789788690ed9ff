"""Canned replies staff pick from, in both languages, with placeholders filled per ticket."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Canned:
    key: str
    label: dict[str, str]
    text: dict[str, str]


CANNED: tuple[Canned, ...] = (
    Canned(
        "received",
        {"ar": "استلمنا البلاغ", "en": "Report received"},
        {
            "ar": "شكرًا لتواصلك مع بلدية مسقط. بلاغك رقم {reference} قيد المتابعة لدى {directorate}.",
            "en": "Thank you for contacting Muscat Municipality. Your report {reference} is being followed up by {directorate}.",
        },
    ),
    Canned(
        "need_location",
        {"ar": "نحتاج الموقع", "en": "Need the location"},
        {
            "ar": "مرحبًا {name}، نرجو تزويدنا بالموقع الدقيق للمشكلة (أو مشاركة الموقع) لبلاغك رقم {reference}.",
            "en": "Hello {name}, please send us the exact location of the problem (or share your location) for report {reference}.",
        },
    ),
    Canned(
        "team_dispatched",
        {"ar": "أُرسل فريق", "en": "Team dispatched"},
        {
            "ar": "تم توجيه فريق مختص إلى الموقع بخصوص بلاغك رقم {reference}. شكرًا لصبرك.",
            "en": "A team has been sent to the site for your report {reference}. Thank you for your patience.",
        },
    ),
    Canned(
        "not_municipal",
        {"ar": "خارج اختصاص البلدية", "en": "Not a municipal matter"},
        {
            "ar": "نشكرك على تواصلك. موضوع البلاغ رقم {reference} خارج اختصاص البلدية، ونرجو التواصل مع الجهة المختصة.",
            "en": "Thank you for contacting us. Report {reference} is not a municipal matter; please contact the responsible authority.",
        },
    ),
)


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_canned(key: str, language: str | None, **params: str | None) -> str | None:
    """The canned text in the ticket's language (Arabic when unknown), or None if no such key."""
    for canned in CANNED:
        if canned.key == key:
            lang = language if language in ("ar", "en") else "ar"
            values = _Keep({k: v for k, v in params.items() if v})
            values.setdefault("name", "")
            return canned.text[lang].format_map(values).replace("  ", " ").replace(" ,", ",")
    return None
