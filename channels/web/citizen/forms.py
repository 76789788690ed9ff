"""The citizen forms (Flask-WTF): field names are a contract integrations and tests post to.

Error messages depend on the page's language, so each form is built with `language` and its
validators write messages through `texts.text`. Photos are validated by decoding them
(`photos.clean_photo`); the clean copies are kept on the form for the view to ingest.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from typing import Any

from flask import current_app, request
from flask_wtf import FlaskForm
from werkzeug.datastructures import FileStorage
from wtforms import (
    Field,
    HiddenField,
    MultipleFileField,
    StringField,
    TextAreaField,
)
from wtforms.validators import ValidationError

from channels.web.citizen.photos import (
    FORMATS,
    MAX_PHOTO_BYTES,
    CleanPhoto,
    PhotoError,
    clean_photo,
)
from channels.web.citizen.texts import text
from core.files import read_file, store_file
from core.phones import normalize_typed_phone
from core.storable import visible_or_empty
from core.workflow.ratings import MAX_COMMENT

MAX_DESCRIPTION = 4000
MAX_PHOTOS = 5
EMAIL_RE = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]{2,}$")
PHONE_RE = re.compile(r"^\+?\d{7,15}$")
REFERENCE_RE = re.compile(r"^[A-Z]{1,8}-\d{1,12}$")  # core.tickets.next_reference
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,43}\.[0-9a-f]{24}$")
KEPT_RE = re.compile(r"^([0-9a-f]{64})\.([a-z]{3,4})\.([0-9a-f]{24})\.([A-Za-z0-9_=-]{0,120})$")
KEPT_TYPES = {ext: content_type for _, content_type, ext in FORMATS.values()}
# Arabic-Indic and Eastern Arabic-Indic digits, as typed on Arabic keyboards
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")


def new_token() -> str:
    """A fresh per-form token, signed: the idempotency key of one submission.

    Only tokens we issued are honoured, so no one can pick a token that collides with (and
    reveals the link of) another citizen's submission.
    """
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_sign(nonce)}"


def valid_token(token: str | None) -> bool:
    """True for a token `new_token` made with this app's secret key."""
    if not token or not TOKEN_RE.match(token):
        return False
    nonce, _, signature = token.partition(".")
    return hmac.compare_digest(signature, _sign(nonce))


def _sign(nonce: str, purpose: bytes = b"balagh-web-submission:") -> str:
    key = str(current_app.config["SECRET_KEY"]).encode()
    digest = hmac.new(key, purpose + nonce.encode(), hashlib.sha256)
    return digest.hexdigest()[:24]


def kept_token(submission: str, sha256: str, extension: str, filename: str) -> str:
    """The form's reference to a photo kept on the server after a validation error.

    Signed with the app's key and bound to this form's submission token: a page can only hand
    back photos this same form sent, never name another citizen's stored file.
    """
    name = base64.urlsafe_b64encode(filename[:80].encode()).decode()
    signature = _sign(f"{submission}:{sha256}.{extension}.{name}", b"balagh-kept-photo:")
    return f"{sha256}.{extension}.{signature}.{name}"


def read_kept_token(submission: str, token: str) -> tuple[str, str, str] | None:
    """(sha256, extension, filename) of a genuine kept-photo token, else None."""
    match = KEPT_RE.match(token)
    if not match or match[2] not in KEPT_TYPES:
        return None
    sha256, extension, signature, name = match.groups()
    expected = _sign(f"{submission}:{sha256}.{extension}.{name}", b"balagh-kept-photo:")
    if not hmac.compare_digest(signature, expected):
        return None
    try:
        return sha256, extension, base64.urlsafe_b64decode(name).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None


def ascii_digits(value: str) -> str:
    """`value` with Arabic-Indic digits turned into ASCII ones."""
    return value.translate(DIGITS)


class CitizenForm(FlaskForm):
    """Shared parts: the page language, the per-submission token, photos."""

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form: Any, formdata: Any) -> Any:
            """Citizen forms are HTML forms (the page's script posts FormData). Flask-WTF
            would read a JSON body as the form, and its numbers and lists reach validators
            that take text (a 500): such a body is no form data, so the form is refused."""
            if request.is_json:
                return None
            return super().wrap_formdata(form, formdata)

    submission = HiddenField()

    def __init__(self, *args: object, language: str = "ar", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.language = language
        self.clean_photos: list[tuple[str, CleanPhoto]] = []
        if not valid_token(self.submission.data):
            self.submission.data = new_token()

    def t(self, key: str, **params: object) -> str:
        return text(key, self.language, **params)

    def kept_photos(self) -> list[tuple[str, str]]:
        """Store the valid photos of a refused submission; (token, file name) for the page.

        The page hands the tokens back with the corrected form, so the citizen need not
        attach the photos again. Stored content-addressed like any attachment (a copy that is
        never submitted costs its bytes, as a duplicate photo would).
        """
        data_dir = current_app.extensions["balagh"].data_dir
        kept = []
        for name, photo in self.clean_photos:
            digest = store_file(data_dir, photo.data)
            token = kept_token(self.submission.data, digest, photo.extension, name)
            kept.append((token, name))
        return kept

    def still_kept(self) -> list[tuple[str, str]]:
        """The kept photos this post hands back, as (token, file name): signatures checked,
        files not read (a refused post that is shown again, as cheap as the refusal)."""
        kept = []
        for token in request.form.getlist("kept_photo")[:MAX_PHOTOS]:
            found = read_kept_token(self.submission.data, token)
            if found is not None:
                kept.append((token, found[2]))
        return kept

    def _previously_kept(self) -> tuple[list[tuple[str, CleanPhoto]], list[str]]:
        """The photos a refused submission kept, as the corrected form hands them back, and
        the names of those no longer kept (a form left open past the clean-up of unused files,
        `core.followup.cleanup`): the citizen is asked to attach those again."""
        data_dir = current_app.extensions["balagh"].data_dir
        photos, gone = [], []
        for token in request.form.getlist("kept_photo")[:MAX_PHOTOS]:
            found = read_kept_token(self.submission.data, token)
            if found is None:
                continue
            sha256, extension, name = found
            try:
                data = read_file(data_dir, sha256)
            except OSError:
                gone.append(name)
                continue
            photos.append((name, CleanPhoto(data, KEPT_TYPES[extension], extension)))
        return photos, gone

    def _check_photos(self, field: Field) -> None:
        files = [f for f in field.data or () if isinstance(f, FileStorage) and f.filename]
        kept, gone = self._previously_kept()
        self.clean_photos.extend(kept)
        if len(files) + len(self.clean_photos) > MAX_PHOTOS:
            raise ValidationError(self.t("err_photos_count"))
        problems = [self.t("err_photo_gone", filename=name[:80]) for name in gone]
        for storage in files:
            name = storage.filename or ""
            try:
                # one byte past the limit is enough to tell "too large"
                photo = clean_photo(storage.read(MAX_PHOTO_BYTES + 1))
            except PhotoError as exc:
                key = "err_photo_too_large" if exc.reason == "too_large" else "err_photo_not_image"
                problems.append(self.t(key, filename=name[:80]))
                continue
            self.clean_photos.append((name, photo))
        if problems:  # WTForms adds the raised one after the field's errors: the last goes last
            field.errors = list(field.errors or []) + problems[:-1]
            raise ValidationError(problems[-1])


class ReportForm(CitizenForm):
    """The report form at /report."""

    description = TextAreaField()
    category = StringField()  # rendered as a <select> of the taxonomy's categories
    address = StringField()
    lat = StringField()
    lon = StringField()
    photos = MultipleFileField()
    name = StringField()
    email = StringField()
    phone = StringField()
    website = StringField()  # honeypot: hidden from people, irresistible to bots
    # "This is my problem too": the reference of a listed nearby report (core checks it)
    same_problem = StringField()

    def __init__(self, *args: object, categories: tuple[str, ...] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.category_codes = frozenset(categories)

    def validate_description(self, field: Field) -> None:
        value = visible_or_empty(field.data)
        if not value:
            raise ValidationError(self.t("err_description_required"))
        if len(value) > MAX_DESCRIPTION:
            raise ValidationError(self.t("err_description_long"))
        field.data = value

    def validate_category(self, field: Field) -> None:
        field.data = (field.data or "").strip()
        if field.data and field.data not in self.category_codes:
            raise ValidationError(self.t("err_category"))

    def validate_address(self, field: Field) -> None:
        field.data = (field.data or "").strip()
        if len(field.data) > 500:
            raise ValidationError(self.t("err_too_long"))

    def validate_lat(self, field: Field) -> None:
        field.data = _coordinate(field.data, 90, self.t("err_lat"))

    def validate_lon(self, field: Field) -> None:
        field.data = _coordinate(field.data, 180, self.t("err_lon"))
        lat_given = self.lat.data not in (None, "") and not self.lat.errors
        if lat_given != (field.data is not None) and not self.lat.errors:
            raise ValidationError(self.t("err_coordinates_pair"))

    def validate_photos(self, field: Field) -> None:
        self._check_photos(field)

    def validate_name(self, field: Field) -> None:
        field.data = (field.data or "").strip()
        if len(field.data) > 200:
            raise ValidationError(self.t("err_too_long"))

    def validate_same_problem(self, field: Field) -> None:
        value = (field.data or "").strip().upper()
        field.data = value if REFERENCE_RE.match(value) else ""  # anything else: no choice

    def validate_place(self) -> bool:
        """Check only what the nearby step needs (the kind, the place, the photos to keep).

        The rest is checked when the report is sent: a citizen looking for similar reports
        half-way through the form is not told off for the fields they have yet to fill.
        """
        ok = True
        for field in (self.category, self.lat, self.lon, self.photos):
            inline = getattr(type(self), f"validate_{field.name}")
            ok = field.validate(self, [inline]) and ok
        self._errors = None  # recomputed from the fields checked
        return ok

    def validate_email(self, field: Field) -> None:
        field.data = (field.data or "").strip()
        if field.data and (len(field.data) > 254 or not EMAIL_RE.match(field.data)):
            raise ValidationError(self.t("err_email"))

    def validate_phone(self, field: Field) -> None:
        raw = ascii_digits((field.data or "").strip())
        number = normalize_typed_phone(raw, PHONE_RE) if raw else None
        if raw and number is None:
            raise ValidationError(self.t("err_phone"))
        field.data = number or ""  # E.164 (Oman when no country code), one form everywhere


def _coordinate(value: str | None, limit: int, message: str) -> float | None:
    value = ascii_digits((value or "").strip())
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValidationError(message) from None
    if not -limit <= number <= limit or number != number:  # NaN is not a coordinate
        raise ValidationError(message)
    return number


class MessageForm(CitizenForm):
    """A message or photo the citizen adds on the status page."""

    action = HiddenField(default="message")
    message = TextAreaField()
    photos = MultipleFileField()

    def validate_message(self, field: Field) -> None:
        field.data = visible_or_empty(field.data)
        if len(field.data) > MAX_DESCRIPTION:
            raise ValidationError(self.t("err_message_long"))

    def validate_photos(self, field: Field) -> None:
        self._check_photos(field)

    def validate(self, extra_validators: Any = None) -> bool:
        """Valid fields, and at least a message or a photo."""
        ok = super().validate(extra_validators)
        if ok and not self.message.data and not self.clean_photos:
            self.message.errors = [self.t("err_message_required")]
            return False
        return ok


class RatingForm(CitizenForm):
    """The satisfaction question after the report is closed."""

    action = HiddenField(default="rating")
    rating = StringField()  # rendered as five radio buttons
    comment = TextAreaField(
        id="rating-comment"
    )  # optional: what the citizen wants to add to the score

    def validate_rating(self, field: Field) -> None:
        if field.data not in {"1", "2", "3", "4", "5"}:
            raise ValidationError(self.t("err_rating"))

    def validate_comment(self, field: Field) -> None:
        """Refused when too long, rather than cut short without a word."""
        if len((field.data or "").strip()) > MAX_COMMENT:
            raise ValidationError(self.t("err_comment_long"))
