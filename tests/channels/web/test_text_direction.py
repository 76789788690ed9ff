"""Boxes staff and citizens type free text into follow the text's direction (dir="auto"): an
Arabic note typed in the English inbox, or an English name in the Arabic one, starts at its
own side and keeps its punctuation where it belongs. Boxes for codes (references,
coordinates, email addresses, passwords) are left to right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask

from core.context import Context
from tests.staffkit import app_for, signed_in, the_roles

WEB = Path(__file__).parents[3] / "channels" / "web"
TEMPLATES = WEB / "inbox" / "templates" / "inbox"
CITIZEN_TEMPLATES = WEB / "citizen" / "templates" / "citizen"
BOX = re.compile(r"<(input|textarea)\b[^>]*>", re.S)
# Input types that hold no free text, or text with a direction of its own.
NOT_FREE_TEXT = {"hidden", "checkbox", "radio", "file", "submit", "date", "number", "password",
                 "email", "tel"}  # fmt: skip


def _type(tag: str) -> str:
    found = re.search(r'\btype="([a-z]+)"', tag)
    return found.group(1) if found else "text"


def _undirected(folder: Path) -> list[str]:
    """Each free-text box of the templates in `folder` that says no direction (a box
    people never see, the form's trap for robots, needs none)."""
    return [
        f"{path.name}: {' '.join(tag.split())}"
        for path in sorted(folder.glob("*.html"))
        for tag in (m.group(0) for m in BOX.finditer(path.read_text(encoding="utf-8")))
        if _type(tag) not in NOT_FREE_TEXT
        and " hidden" not in tag
        and 'tabindex="-1"' not in tag
        and "dir=" not in tag
    ]


def test_every_box_for_free_text_in_the_inbox_says_its_direction() -> None:
    """The queue's search box and a call-back's note followed the page's direction, so an
    Arabic search in the English inbox started at the left."""
    assert _undirected(TEMPLATES) == []


def test_every_box_for_free_text_on_the_citizen_pages_says_its_direction() -> None:
    """The report's description, address and name and the status page's message followed
    the page's direction: an English report typed on the Arabic form started at the right."""
    assert _undirected(CITIZEN_TEMPLATES) == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_queue_search_box_follows_the_direction_of_what_is_typed(
    ctx: Context, lang: str
) -> None:
    the_roles(ctx)
    app: Flask = app_for(ctx)
    page = signed_in(app, "agent@mct.om", lang).get("/inbox/?q=حفرة").get_data(as_text=True)
    box = re.search(r'<input type="search" name="q"[^>]*>', page)
    assert box is not None and 'dir="auto"' in box.group(0) and 'value="حفرة"' in box.group(0)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_report_forms_text_boxes_follow_the_direction_of_what_is_typed(
    ctx: Context, lang: str
) -> None:
    page = app_for(ctx).test_client().get(f"/report?lang={lang}").get_data(as_text=True)
    for name in ("description", "address", "name"):
        box = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', page)
        assert box is not None and 'dir="auto"' in box.group(0), name
