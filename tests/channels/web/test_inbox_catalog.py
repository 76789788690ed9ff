"""The inbox's gettext catalog: every key the pages and views ask for has words in both
languages, every word in the catalog is asked for by something, and counts agree in Arabic."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from channels.web.inbox.canned import CANNED_KEYS
from channels.web.inbox.delivery import PROBLEMS
from channels.web.inbox.i18n import count_phrase, has_word, label, translate, wait_phrase, words
from channels.web.inbox.views import CHANNELS, NOTE_HINTS
from core.insights.stats import FIGURES, GROUP_BY
from core.language import texts
from core.models import Delivery, Direction, IncidentStatus, Priority, Role, Status
from core.staff.update import TRACKED

REPO = Path(__file__).resolve().parents[3]
INBOX = REPO / "channels/web/inbox"
SOURCES = sorted(INBOX.glob("*.py")) + sorted(INBOX.glob("templates/**/*.html"))
# A key passed as a literal: t('key'), translate("key", ...), or an inbox helper that takes one.
CALL_KEY = re.compile(r"""\b(?:t|translate|_stop|_done|_say)\(\s*["']([\w.]+)["']""")
# A key built from a prefix: t('status_' ~ code) in a template, t(f"status_{code}") in Python,
# label('channel', code).
PREFIX_KEY = re.compile(r"""\bt\(\s*(?:["']|f["'])(\w+_)(?:["']\s*~|\{)""")
LABEL_GROUP = re.compile(r"""\blabel\(\s*["'](\w+)["']""")
# Keys core builds for its refusals (core/staff/actions.py f"{name}_empty", f"{name}_too_long";
# core/insights/stats.py f"bad_{name}"), shown by `refusal` when the inbox has words for them.
CORE_SUFFIXES = ("_empty", "_too_long")
CORE_PREFIXES = ("bad_",)


def _sources() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)


def _core_literals() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "core").rglob("*.py"):
        found.update(re.findall(r"""["']([\w.]+)["']""", path.read_text(encoding="utf-8")))
    return found


def _families() -> dict[str, set[str]]:
    """Key prefix -> the codes the inbox may show with it."""
    return {
        "status_": set(Status),
        "role_": set(Role),
        "queue_about_": set(Role),
        "priority_": set(Priority),
        "delivery_": set(Delivery) - {Delivery.FAILED},  # a failure shows its reason instead
        "dir_": set(Direction),
        "incident_status_": set(IncidentStatus),
        "channel_": set(CHANNELS) | {"none"},
        "language_": {"ar", "en", "none"},
        "kind_": set(texts.keys()) - {"reply"},  # a staff reply is shown as the reply it is
        "group_by_": set(GROUP_BY),
        "fig_": set(FIGURES),
        "change_": set(TRACKED) | {"reply", "note"},
        "canned_label_": set(CANNED_KEYS),
        "canned_text_": set(CANNED_KEYS),
        "event_": _recorded_event_kinds(),
    }


def _recorded_event_kinds() -> set[str]:
    """Every event kind the code records (`record_event(session, ticket, "<kind>", ...)`): the
    ticket page's history names each one. Six were shown as codes (incident_joined...)."""
    kinds: set[str] = set()
    for path in [*(REPO / "core").rglob("*.py"), *(REPO / "channels").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "record_event":
                kind = node.args[2] if len(node.args) > 2 else None
                if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                    kinds.add(kind.value)
    assert len(kinds) > 20
    return kinds


def test_every_literal_key_the_inbox_asks_for_has_words() -> None:
    used = {key for key in CALL_KEY.findall(_sources()) if not key.endswith("_")}  # no prefix
    used |= {key for _, key in PROBLEMS} | set(NOTE_HINTS.values()) | {"please_sign_in"}
    assert len(used) > 200
    assert sorted(key for key in used if not has_word(key)) == []


def test_every_code_of_a_family_the_inbox_names_has_words() -> None:
    missing = [
        prefix + code
        for prefix, codes in _families().items()
        for code in sorted(codes)
        if not has_word(prefix + code)
    ]
    assert missing == []


def test_every_word_in_the_catalog_is_asked_for() -> None:
    source = _sources()
    literals = set(re.findall(r"""["']([\w.]+)["']""", source)) | _core_literals()
    prefixes = set(PREFIX_KEY.findall(source)) | set(_families())
    prefixes |= {f"{group}_" for group in LABEL_GROUP.findall(source)}
    prefixes |= {f"{group}_" for group in GROUP_BY}  # label(group_by, code) in figures_table
    nouns = ("ticket", "citizen", "wait_second", "wait_minute", "wait_hour")
    prefixes |= {f"{noun}." for noun in nouns} | set(CORE_PREFIXES)
    unused = [
        key
        for key in words("en")
        if key not in literals
        and not key.startswith(tuple(prefixes))
        and not key.endswith(CORE_SUFFIXES)
    ]
    assert unused == []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_both_languages_hold_the_same_words_for_the_same_keys(language: str) -> None:
    assert set(words(language)) == set(words("ar" if language == "en" else "en"))


def test_an_unknown_key_shows_as_itself_and_an_unknown_language_as_arabic() -> None:
    assert translate("no_such_word", "en") == "no_such_word"
    assert translate("sign_in", "fr") == translate("sign_in", "ar") == "تسجيل الدخول"


def test_a_word_fills_its_parameters() -> None:
    assert translate("login_throttled", "en", wait="30 seconds").startswith("Too many failed")
    assert "30 ثانية" in translate("login_throttled", "ar", wait="30 ثانية")


@pytest.mark.parametrize(
    ("n", "arabic", "english"),
    [
        (0, "لا توجد بلاغات", "0 tickets"),
        (1, "بلاغ واحد", "1 ticket"),
        (2, "بلاغان", "2 tickets"),
        (3, "3 بلاغات", "3 tickets"),
        (11, "11 بلاغًا", "11 tickets"),
        (100, "100 بلاغ", "100 tickets"),
        (210, "210 بلاغات", "210 tickets"),
    ],
)
def test_counts_take_their_form_from_the_catalog(n: int, arabic: str, english: str) -> None:
    assert (count_phrase("ticket", n, "ar"), count_phrase("ticket", n, "en")) == (arabic, english)


def test_a_code_label_reads_the_catalog() -> None:
    assert label("channel", "email", "en") == translate("channel_email", "en")
    assert label("channel", None, "ar") == translate("channel_none", "ar")


@pytest.mark.parametrize(
    ("seconds", "arabic", "english"),
    [
        (1, "ثانية واحدة", "1 second"),
        (2, "ثانيتين", "2 seconds"),
        (5, "5 ثوانٍ", "5 seconds"),
        (45, "45 ثانية", "45 seconds"),
        (91, "دقيقتين", "2 minutes"),
        (600, "10 دقائق", "10 minutes"),
        (3599, "60 دقيقة", "60 minutes"),
        (5401, "ساعتين", "2 hours"),
        (86400, "24 ساعة", "24 hours"),
    ],
)
def test_a_sign_in_wait_is_said_in_the_unit_a_person_reads(
    seconds: int, arabic: str, english: str
) -> None:
    """A throttled sign-in said "يُرجى الانتظار 5 ثانية" (and "3412 seconds" for an hour's
    wait): the wait is counted in Arabic's forms, in seconds, minutes or hours, rounded up."""
    assert (wait_phrase(seconds, "ar"), wait_phrase(seconds, "en")) == (arabic, english)
