"""The few Graph API calls the channel makes, with errors sorted into retry or give up.

pywa's own client fixes its base URL to Meta's host, while BALAGH_WHATSAPP_API_URL must be
able to point at a proxy or a test server, so the calls are plain httpx; pywa's error
classes still name what went wrong (its code table is the Cloud API's).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx
from pywa import errors as wa_errors

from core.outbound import PermanentDeliveryError, TemporaryDeliveryError

logger = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(20.0, connect=5.0)
MAX_MEDIA_BYTES = 25 * 1024 * 1024
# The recipient cannot get WhatsApp messages at all (no WhatsApp account, or they cannot be
# reached): the number is unreachable, as a bounced email address is.
RECIPIENT_ERRORS: tuple[type[wa_errors.WhatsAppError], ...] = (
    wa_errors.MessageUndeliverable,
    wa_errors.RecipientCannotBeSender,
)
RECIPIENT_CODES = frozenset({131026, 131021})


class OutsideWindow(TemporaryDeliveryError):
    """Meta refused free text: the 24-hour window had closed (send a template instead)."""


@dataclass(frozen=True)
class Media:
    filename: str
    content_type: str
    data: bytes


class GraphApi:
    """`POST {api_url}/{phone_id}/messages` and the media endpoints, with a bearer token."""

    def __init__(self, api_url: str, phone_id: str, token: str) -> None:
        self.api_url = api_url.rstrip("/")
        self.phone_id = phone_id
        self.client = httpx.Client(timeout=TIMEOUT, headers={"Authorization": f"Bearer {token}"})
        self.last_error: str | None = None

    def send(self, payload: dict[str, Any]) -> str:
        """Post one message; its WhatsApp message id (wamid) back."""
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", **payload}
        data = self._call("POST", f"{self.api_url}/{self.phone_id}/messages", json=body)
        try:
            return str(data["messages"][0]["id"])
        except (KeyError, IndexError, TypeError) as exc:
            raise TemporaryDeliveryError("Graph API answer without a message id") from exc

    def upload(self, filename: str, content_type: str, data: bytes) -> str:
        """Upload a file for sending; its media id."""
        answer = self._call(
            "POST",
            f"{self.api_url}/{self.phone_id}/media",
            data={"messaging_product": "whatsapp", "type": content_type},
            files={"file": (filename, data, content_type)},
        )
        return str(answer["id"])

    def download(self, media_id: str) -> Media:
        """A citizen's photo, document or voice note: look up its URL, then fetch it."""
        meta = self._call("GET", f"{self.api_url}/{media_id}")
        response = self.client.get(str(meta["url"]))
        response.raise_for_status()
        if len(response.content) > MAX_MEDIA_BYTES:
            raise ValueError("media larger than the limit")
        content_type = str(meta.get("mime_type") or response.headers.get("content-type", ""))
        return Media(
            filename="", content_type=content_type.split(";")[0].strip(), data=response.content
        )

    def _call(self, method: str, url: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self.client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            self.last_error = f"{type(exc).__name__}"
            raise TemporaryDeliveryError(f"Graph API unreachable: {type(exc).__name__}") from exc
        if response.status_code < 400:
            self.last_error = None
            return dict(response.json())
        raise self._failure(response)

    def _failure(self, response: httpx.Response) -> Exception:
        """A temporary error unless Meta says the recipient can never be reached.

        Configuration errors (an expired token, a template not yet approved) are retried with
        back-off up to the outbox's limit: they are not the citizen's fault and an
        administrator may fix them meanwhile; they must not mark the number unreachable.
        """
        error = _error(response)
        description = f"WhatsApp {response.status_code} {error.code}: {error.message}"[:500]
        self.last_error = description
        retry_after = _retry_after(response)
        if isinstance(error, RECIPIENT_ERRORS) or error.code in RECIPIENT_CODES:
            return PermanentDeliveryError(description)
        if isinstance(error, wa_errors.ReEngagementMessage):
            return OutsideWindow(description)
        if response.status_code == 429 or isinstance(error, wa_errors.ThrottlingError):
            return TemporaryDeliveryError(description, retry_after=retry_after or 60)
        logger.warning("whatsapp: %s", description)
        return TemporaryDeliveryError(description, retry_after=retry_after)


def _error(response: httpx.Response) -> wa_errors.WhatsAppError:
    try:
        body = response.json()
        raw = (
            body["error"] if isinstance(body, dict) and isinstance(body.get("error"), dict) else {}
        )
    except ValueError:
        raw = {}
    raw = {"code": raw.get("code", response.status_code), "message": raw.get("message", ""), **raw}
    return wa_errors.WhatsAppError.from_dict(error=raw, response=response)


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers["Retry-After"])
    except (KeyError, ValueError):
        return None


def is_recipient_failure(code: int | None) -> bool:
    """A status webhook's error code that means the number cannot get WhatsApp messages."""
    return code in RECIPIENT_CODES
