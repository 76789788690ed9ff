"""Texts only the Telegram bot uses (buttons, command answers), in Arabic and English.

The citizen texts shared with other channels (acknowledgement, help, errors) stay in
`core.language.catalog`; these are the bot's own conversation.
"""

from __future__ import annotations

from core.language.texts import BOTH_SEPARATOR, FSI, LANGUAGES, PDI

TEXTS: dict[str, dict[str, str]] = {
    "new_report": {
        "ar": "حسنًا، سنسجّل رسالتكم التالية بلاغًا جديدًا. نرجو وصف المشكلة ومكانها.",
        "en": "All right: your next message will open a new report. Please describe the "
        "problem and where it is.",
    },
    "status_header": {"ar": "بلاغاتكم:", "en": "Your reports:"},
    "status_none": {
        "ar": "لا توجد لديكم بلاغات مسجّلة بعد. لتقديم بلاغ، اكتبوا وصفًا للمشكلة ومكانها.",
        "en": "You have no reports yet. To report a problem, describe it and say where it is.",
    },
    "status_more": {
        "ar": "تُعرض أحدث {count} بلاغات فقط.",
        "en": "Only your latest {count} reports are shown.",
    },
    "language_choose": {"ar": "اختاروا لغة المراسلة:", "en": "Choose your language:"},
    "language_set": {
        "ar": "تم اختيار اللغة العربية، وسنراسلكم بها من الآن.",
        "en": "Language set to English; we will write to you in English from now on.",
    },
    "share_location": {
        "ar": "إن أمكن، شاركونا موقع المشكلة بالضغط على الزر أدناه، ليصل الفريق إليه بسرعة.",
        "en": "If you can, share the location of the problem with the button below so the "
        "team can find it quickly.",
    },
    "share_location_button": {"ar": "📍 مشاركة الموقع", "en": "📍 Share location"},
    "location_saved": {
        "ar": "شكرًا لكم، أضفنا الموقع إلى بلاغكم رقم {reference}.",
        "en": "Thank you, we have added the location to your report {reference}.",
    },
    "phone_saved": {
        "ar": "شكرًا لكم، حفظنا رقم هاتفكم للتواصل معكم بشأن بلاغاتكم.",
        "en": "Thank you, we have saved your phone number so we can reach you about your reports.",
    },
    "satisfaction_thanks": {
        "ar": "شكرًا لكم على تقييمكم.",
        "en": "Thank you for your rating.",
    },
    "satisfaction_unknown": {
        "ar": "عذرًا، لم نتمكن من تسجيل هذا التقييم.",
        "en": "Sorry, we could not record this rating.",
    },
}

LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}


def bot_text(key: str, language: str | None, **params: object) -> str:
    """A bot text in `language`, or Arabic then English when the language is unknown."""
    languages = (language,) if language in LANGUAGES else LANGUAGES
    parts = []
    for lang in languages:
        values = dict(params)
        if lang == "ar" and "reference" in values:  # keep "MCT-000123" intact in RTL text
            values["reference"] = f"{FSI}{values['reference']}{PDI}"
        parts.append(TEXTS[key][lang].format(**values))
    return BOTH_SEPARATOR.join(parts)


def button_label(key: str, language: str | None) -> str:
    """A short label for a button: one language, Arabic when unknown (buttons are small)."""
    return TEXTS[key][language if language in LANGUAGES else "ar"]
