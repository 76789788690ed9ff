"""The photo help, the refusal and the picker name exactly the formats the server accepts, and
the size limit it enforces."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from channels.web.citizen import texts
from channels.web.citizen.photos import ACCEPT, FORMAT_NAMES, FORMATS, PhotoError, clean_photo
from channels.web.citizen.texts import text
from core.context import Context
from tests.citizen_web import submit
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


def _phone_jpeg_with_multi_picture_block() -> bytes:
    """A JPEG as many phones and cameras write it: the photo, then a second picture (a large
    preview or a gain map) listed in an MPF block. Pillow calls such a file "MPO"."""
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (23.0, 35.0, 18.0), 3: "E", 4: (58.0, 24.0, 1.0)}
    buffer = io.BytesIO()
    photo, preview = Image.new("RGB", (64, 48), "gray"), Image.new("RGB", (32, 24), "gray")
    photo.save(buffer, "MPO", save_all=True, append_images=[preview], exif=exif.tobytes())
    return buffer.getvalue()


def test_a_phone_jpeg_with_a_second_picture_is_a_photo_with_its_position() -> None:
    data = _phone_jpeg_with_multi_picture_block()
    assert Image.open(io.BytesIO(data)).format == "MPO"  # refused as "not a photo" before
    photo = clean_photo(data)
    assert photo.content_type == "image/jpeg" and photo.extension == "jpg"
    assert (photo.lat, photo.lon) == (23.588333, 58.400278)
    stored = Image.open(io.BytesIO(photo.data))
    assert stored.format == "JPEG" and stored.size == (64, 48)
    assert not stored.getexif()  # the position read, then left behind


def test_an_image_of_too_many_pixels_is_too_large_rather_than_not_a_photo() -> None:
    """Past Pillow's own bomb limit (about 89 megapixels) the refusal said "not a photo"; a
    108-megapixel phone photo is a photo, too large."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")
    with pytest.raises(PhotoError) as refused:
        clean_photo(buffer.getvalue())
    assert refused.value.reason == "too_large"


def test_refused_photos_are_listed_in_the_order_they_were_chosen(ctx: Context) -> None:
    """Two refused photos were listed last-chosen first ("b.gif", then "a.jpg")."""
    client = app_for(ctx).test_client()
    photos = [(io.BytesIO(b"not an image"), "a.jpg"), (io.BytesIO(b"GIF89a"), "b.gif")]
    page = submit(client, "en", description="Pothole on Way 12", photos=photos)
    listed = re.findall(r"The file “(\w\.\w+)” is not a photo", page.get_data(as_text=True))
    assert listed[:2] == ["a.jpg", "b.gif"]
