"""Canned replies staff pick from, in both languages, with placeholders filled per ticket."""

from __future__ import annotations

from dataclasses import dataclass

from core.language.catalog import defaults


@dataclass(frozen=True)
class Canned:
    key: str
    label: dict[str, str]
    text: dict[str, str]


# Arabic as the system's own texts write to citizens (core/language/locale/ar): polite Modern
# Standard Arabic in the plural of respect (لكم، نشكركم), and "the municipality", not a city's.
CANNED: tuple[Canned, ...] = (
    Canned(
        "received",
        {"ar": "استلمنا البلاغ", "en": "Report received"},
        {
            "ar": "نشكركم على تواصلكم مع البلدية. بلاغكم رقم {reference} قيد المتابعة لدى "
            "{directorate}، وسنوافيكم بالمستجدات.",
            "en": "Thank you for contacting the Municipality. Your report {reference} is being "
            "followed up by {directorate}, and we will keep you informed.",
        },
    ),
    Canned(
        "need_location",
        {"ar": "طلب الموقع", "en": "Need the location"},
        {
            "ar": "مرحبًا {name}، نرجو تزويدنا بالموقع الدقيق للمشكلة الواردة في بلاغكم رقم "
            "{reference}، أو مشاركة موقعها، لنتمكن من متابعة البلاغ.",
            "en": "Hello {name}, please send us the exact location of the problem in your report "
            "{reference} (or share the location) so that we can follow it up.",
        },
    ),
    Canned(
        "team_dispatched",
        {"ar": "توجيه فريق إلى الموقع", "en": "Team dispatched"},
        {
            "ar": "نفيدكم بأنه تم توجيه فريق مختص إلى الموقع بخصوص بلاغكم رقم {reference}، "
            "ونشكركم على صبركم وتعاونكم.",
            "en": "A team has been sent to the site for your report {reference}. Thank you for "
            "your patience.",
        },
    ),
    Canned(
        "not_municipal",
        {"ar": "خارج اختصاص البلدية", "en": "Not a municipal matter"},
        {
            "ar": "نشكركم على تواصلكم. نفيدكم بأن موضوع البلاغ رقم {reference} يقع خارج اختصاص "
            "البلدية، لذا نرجو التواصل مع الجهة المختصة بشأنه.",
            "en": "Thank you for contacting us. Report {reference} is not a municipal matter; "
            "please contact the responsible authority.",
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
            values.setdefault("name", "")  # "Hello , ..." is tidied below
            # No directorate yet reads as the system texts say it ("the department responsible").
            values.setdefault("directorate", defaults(lang).get("directorate", ""))
            text = canned.text[lang].format_map(values)
            return text.replace("  ", " ").replace(" ,", ",").replace(" ،", "،")
    return None
