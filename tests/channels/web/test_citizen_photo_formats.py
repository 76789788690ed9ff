"""The photo help, the refusal and the picker name exactly the formats the server accepts, and
the size limit it enforces."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from channels.web.citizen import texts
from channels.web.citizen.photos import ACCEPT, FORMAT_NAMES, FORMATS, clean_photo
from channels.web.citizen.texts import text
from core.context import Context
from tests.staffkit import app_for


def test_every_accepted_format_has_a_name_and_every_name_is_accepted() -> None:
    assert FORMAT_NAMES.keys() == FORMATS.keys()


def test_a_gif_is_accepted_so_the_help_names_gif_in_both_languages() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "GIF")
    assert clean_photo(buffer.getvalue()).content_type == "image/png"
    assert "GIF" in text("photos_help", "en") and "GIF" in text("photos_help", "ar")
    assert text("photos_help", "en").startswith("JPG, PNG, WebP or GIF photos")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_help_and_refusal_name_every_accepted_format(language: str) -> None:
    refusal = text("err_photo_not_image", language, filename="a.exe")
    for name, _ in FORMAT_NAMES.values():
        assert name in text("photos_help", language) and name in refusal


def test_arabic_list_joins_the_formats_with_or() -> None:
    assert "JPG أو PNG أو WebP أو GIF" in text("photos_help", "ar")


def test_form_picker_offers_the_accepted_types(ctx: Context) -> None:
    page = app_for(ctx).test_client().get("/report?lang=en").get_data(as_text=True)
    assert f'accept="{ACCEPT}"' in page and "image/gif" in ACCEPT
    assert "JPG, PNG, WebP or GIF photos" in page


@pytest.mark.parametrize("language", ["ar", "en"])
def test_help_and_refusal_state_the_size_limit_the_server_enforces(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert " 10 " in text("photos_help", language)  # MAX_PHOTO_BYTES is 10 MiB
    monkeypatch.setattr(texts, "MAX_PHOTO_BYTES", 4 * 1024 * 1024)
    refusal = text("err_photo_too_large", language, filename="big.jpg")
    assert " 4 " in text("photos_help", language) and " 4 " in refusal
    assert " 10 " not in refusal
