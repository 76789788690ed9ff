"""POST /requests: check an Open311 submission and turn it into an inbound message.

A pure function of the form fields: no database, no network. `media_url` is kept as text
only and never fetched (fetching client-supplied URLs from the server invites SSRF). Every
submission is a new request (the spec has none of our threading), so the message asks core
for a new ticket; an `Idempotency-Key` header, when a client sends one, makes a retried POST
land on the same ticket instead of a second one, and without one the same fields sent again
within a minute do (`replay_token`).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from channels.web.open311.render import Open311Error
from core.inbound import InboundMessage, Location, ThreadHints
from core.language.normalize import ascii_digits
from core.routing.taxonomy import Taxonomy
from core.storable import storable_text

CHANNEL = "open311"
MAX_DESCRIPTION = 4000  # the spec's limit
MAX_FIELD = 200
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9 ()./-]{4,40}$")
DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
TOKEN_RE = re.compile(r"^[0-9a-f]{44}$")  # client tag (12) + submission id (32)
SECRET_FIELDS = ("api_key",)


def key_prefix(api_key: str) -> str:
    """A short, non-reversible tag of the client's key, to scope its ids."""
    return hashlib.sha256(api_key.encode()).hexdigest()[:12]


def external_id(api_key: str, token: str) -> str:
    """A submission's id among the channel's records: the client's tag and the request's token."""
    return f"{CHANNEL}:{key_prefix(api_key)}:{token}"


def submission_token(idempotency_key: str) -> str:
    """The id part of the external id, derived from the client's retry key."""
    return hashlib.sha256(idempotency_key.encode()).hexdigest()[:32]


def replay_token(raw: bytes, window: int) -> str:
    """The id part of the external id of a request sent without a retry key: its fields
    (`submitted_raw`) and the numbered window of time it came in, so the same request sent
    again in that window is the same message (`channels.web.open311.views._token`)."""
    return hashlib.sha256(b"%d:" % window + raw).hexdigest()[:32]


def submitted_raw(form: Mapping[str, str]) -> bytes:
    """The request's fields as stored (the record's raw bytes): all but the api_key."""
    raw = {k: v for k, v in form.items() if k not in SECRET_FIELDS}
    return json.dumps(raw, ensure_ascii=False, sort_keys=True).encode()


def _field(form: Mapping[str, str], name: str, limit: int = MAX_FIELD) -> str | None:
    value = (form.get(name) or "").strip()
    if len(value) > limit:
        raise Open311Error(400, f"{name} is longer than {limit} characters.")
    return value or None


def _coordinate(form: Mapping[str, str], name: str, bound: float) -> float | None:
    raw = _field(form, name, 40)
    if raw is None:
        return None
    digits = ascii_digits(raw)  # Arabic-Indic digits are the same number
    if not DECIMAL.fullmatch(digits):  # float() alone reads "2_3.5" as 23.5
        raise Open311Error(400, f"{name} must be a decimal number (WGS84).")
    value = float(digits)
    if not math.isfinite(value) or abs(value) > bound:
        raise Open311Error(400, f"{name} must be between -{bound:g} and {bound:g}.")
    return value


def _location(form: Mapping[str, str]) -> tuple[Location, str | None]:
    lat, lon = _coordinate(form, "lat", 90), _coordinate(form, "long", 180)
    if (lat is None) != (lon is None):
        raise Open311Error(400, "lat and long must be given together.")
    address = _field(form, "address_string", 1000)
    address_id = _field(form, "address_id")
    if lat is None and address is None and address_id is None:
        raise Open311Error(
            400, "A location is required: lat and long, address_string or address_id."
        )
    # Staff see an address id when nothing more readable was given.
    shown = address or (f"address_id {address_id}" if address_id else None)
    return Location(lat=lat, lon=lon, address=shown), address_id


def _contact(form: Mapping[str, str]) -> tuple[str | None, str | None, str | None]:
    email = _field(form, "email", 320)
    if email is not None:
        if not EMAIL_RE.match(email):
            raise Open311Error(400, "email is not a valid email address.")
        email = email.lower()
    phone = _field(form, "phone", 40)
    if phone is not None and not PHONE_RE.match(phone):
        raise Open311Error(400, "phone is not a valid phone number.")
    names = [_field(form, "first_name", 100), _field(form, "last_name", 100)]
    display_name = " ".join(n for n in names if n) or None
    return email, phone, display_name


def _media_url(form: Mapping[str, str]) -> str | None:
    url = _field(form, "media_url", 2000)
    if url is not None and not re.match(r"^https?://\S+$", url, re.IGNORECASE):
        raise Open311Error(400, "media_url must be an http or https URL.")
    return url


def _sender(
    prefix: str, email: str | None, phone: str | None, device: str | None, account: str | None
) -> str:
    """Who this is on the open311 channel; anonymous submissions never share a contact.

    A contact shared between unrelated submitters would mix their tickets and could send
    one person's replies to another's email address.
    """
    if email:
        return email
    if phone:
        return f"phone:{phone}"
    if account:
        return f"{prefix}:account:{account}"
    if device:
        return f"{prefix}:device:{device}"
    return f"{prefix}:anonymous:{uuid.uuid4().hex}"


def _service_code(form: Mapping[str, str], taxonomy: Taxonomy) -> str:
    """The request's `service_code`, one of our categories: Open311 clients choose it from
    our service list, so a missing or unknown code is the client's error, refused (400)
    rather than routed by guess."""
    code = _field(form, "service_code", 40)
    if code is None:
        raise Open311Error(400, "service_code is required.")
    try:
        taxonomy.category(code)
    except KeyError:
        raise Open311Error(
            400, f"service_code '{code}' is not a service of this endpoint."
        ) from None
    return code


def _text(description: str, media_url: str | None) -> str:
    """What staff read: the description, and the request's media URL after it as a link
    (never fetched by us: it points anywhere the client chose)."""
    if not media_url:
        return description
    return f"{description}\n\n{media_url}".strip()


def parse_submission(
    form: Mapping[str, str],
    taxonomy: Taxonomy,
    *,
    api_key: str,
    token: str,
    received_at: datetime,
    language_hint: str | None = None,
) -> InboundMessage:
    """The inbound message for one POSTed service request (Open311Error when invalid)."""
    code = _service_code(form, taxonomy)
    location, address_id = _location(form)
    description = storable_text(_field(form, "description", MAX_DESCRIPTION) or "").strip()
    email, phone, display_name = _contact(form)
    media_url = _media_url(form)
    device, account = _field(form, "device_id"), _field(form, "account_id")
    prefix = key_prefix(api_key)
    submitted: dict[str, Any] = {
        "client": prefix,
        "service_code": code,
        "description": description,
        "media_url": media_url,
        "address_id": address_id,
        "device_id": device,
        "account_id": account,
        "jurisdiction_id": _field(form, "jurisdiction_id"),
    }
    return InboundMessage(
        channel=CHANNEL,
        sender=_sender(prefix, email, phone, device, account),
        text=_text(description, media_url),
        external_id=external_id(api_key, token),
        display_name=display_name,
        language_hint=language_hint,
        thread=ThreadHints(new_ticket=True),
        location=location,
        phone=phone,
        email=email,
        category_hint=code,
        received_at=received_at,
        raw=submitted_raw(form),
        extras={CHANNEL: submitted},
    )
