"""A fake WhatsApp Cloud (Graph) API on loopback, and signed webhook bodies as Meta sends them.

Serves `POST /v21.0/{phone id}/messages` (answers a wamid), `POST /v21.0/{phone id}/media`
(answers a media id), `GET /v21.0/{media id}` (its download URL) and the download itself,
each checking the bearer token. Records every message call and can be told to fail the next
calls, or the next call of one message type (a 429 with Retry-After, a 5xx, a Graph error).
Its media look-ups can be held until released (`hold_media`), or fail every time for one
media id (`break_media`); `media_requests` lists the media ids asked for.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, request
from werkzeug.serving import make_server

TOKEN = "EAAG-test-token"
PHONE_ID = "106540352242922"
APP_SECRET = "whatsapp-app-secret-7f3c"
VERIFY_TOKEN = "verify-me-2b1d"
BUSINESS_NUMBER = "96824000000"


@dataclass
class Sent:
    payload: dict[str, Any]
    wamid: str | None


class FakeGraphApi:
    """The fake server; `url` is what BALAGH_WHATSAPP_API_URL points at."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.attempts: list[dict[str, Any]] = []
        self.uploads: list[tuple[str, str, bytes]] = []
        self.media: dict[str, tuple[str, bytes]] = {}
        self.media_requests: list[str] = []
        self.broken_media: set[str] = set()
        self.media_gate = threading.Event()
        self.media_gate.set()
        self.failures: list[tuple[int, dict[str, Any], dict[str, str]]] = []
        self.type_failures: dict[str, list[tuple[int, dict[str, Any], dict[str, str]]]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        app = Flask("fake-graph")
        app.add_url_rule("/v21.0/<phone_id>/messages", "messages", self._messages, methods=["POST"])
        app.add_url_rule("/v21.0/<phone_id>/media", "upload", self._upload, methods=["POST"])
        app.add_url_rule("/v21.0/<media_id>", "media", self._media_url)
        app.add_url_rule("/download/<media_id>", "download", self._download)
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    @property
    def url(self) -> str:
        return f"{self.base}/v21.0"

    def start(self) -> FakeGraphApi:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join()

    def add_media(self, media_id: str, content_type: str, data: bytes) -> None:
        self.media[media_id] = (content_type, data)

    def hold_media(self) -> None:
        """Media look-ups wait (each up to a minute) until `release_media`."""
        self.media_gate.clear()

    def release_media(self) -> None:
        self.media_gate.set()

    def break_media(self, media_id: str) -> None:
        """Every look-up of this media id fails with a 500 from now on."""
        self.broken_media.add(media_id)

    def fail_next(self, status: int, error: dict[str, Any] | None = None, **headers: str) -> None:
        """The next message call gets this answer instead of being sent."""
        body = {"error": error or {"message": "failure", "type": "OAuthException", "code": 1}}
        self.failures.append((status, body, headers))

    def fail_next_of(self, kind: str, status: int, error: dict[str, Any]) -> None:
        """The next message call of this type (text, image, template...) gets this answer."""
        self.type_failures.setdefault(kind, []).append((status, {"error": error}, {}))

    def to(self, number: str) -> list[dict[str, Any]]:
        return [s.payload for s in self.sent if s.payload.get("to") == number]

    def wait_for(self, done: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                raise AssertionError("the fake Graph API did not see the expected calls")
            time.sleep(0.02)

    def _authorised(self) -> bool:
        return request.headers.get("Authorization") == f"Bearer {TOKEN}"

    def _messages(self, phone_id: str) -> Response:
        if not self._authorised() or phone_id != PHONE_ID:
            return _json(401, {"error": {"message": "bad token", "code": 190}})
        payload = request.get_json(force=True)
        with self._lock:
            self.attempts.append(payload)
            queued = self.failures or self.type_failures.get(str(payload.get("type")), [])
            if queued:
                status, body, headers = queued.pop(0)
                return _json(status, body, headers)
            wamid = f"wamid.OUT{next(self._ids)}"
            self.sent.append(Sent(payload, wamid))
        return _json(
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": payload.get("to"), "wa_id": payload.get("to")}],
                "messages": [{"id": wamid}],
            },
        )

    def _upload(self, phone_id: str) -> Response:
        if not self._authorised():
            return _json(401, {"error": {"message": "bad token", "code": 190}})
        upload = request.files["file"]
        data = upload.read()
        media_id = f"UP{next(self._ids)}"
        self.uploads.append((upload.filename or "", request.form.get("type", ""), data))
        return _json(200, {"id": media_id})

    def _media_url(self, media_id: str) -> Response:
        with self._lock:
            self.media_requests.append(media_id)
        self.media_gate.wait(60)
        if media_id in self.broken_media:
            error = {"message": "internal error", "type": "OAuthException", "code": 2}
            return _json(500, {"error": error})
        if not self._authorised() or media_id not in self.media:
            return _json(404, {"error": {"message": "no such media", "code": 100}})
        content_type, data = self.media[media_id]
        return _json(
            200,
            {
                "url": f"{self.base}/download/{media_id}",
                "mime_type": content_type,
                "sha256": hashlib.sha256(data).hexdigest(),
                "file_size": len(data),
                "id": media_id,
                "messaging_product": "whatsapp",
            },
        )

    def _download(self, media_id: str) -> Response:
        if not self._authorised():
            return Response(status=401)
        content_type, data = self.media[media_id]
        return Response(data, mimetype=content_type)


def _json(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json", headers=headers)


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    """`X-Hub-Signature-256` as Meta computes it."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def envelope(value: dict[str, Any]) -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": BUSINESS_NUMBER,
                                "phone_number_id": PHONE_ID,
                            },
                            **value,
                        },
                    }
                ],
            }
        ],
    }


def message_update(
    number: str, wamid: str, kind: str, content: dict[str, Any], name: str = "Salim", at: int = 0
) -> dict[str, Any]:
    """A webhook body with one citizen message of `kind` (text, image, location...)."""
    return envelope(
        {
            "contacts": [{"profile": {"name": name}, "wa_id": number, "user_id": f"OM.{number}"}],
            "messages": [
                {
                    "from": number,
                    "id": wamid,
                    "timestamp": str(at or int(time.time())),
                    "type": kind,
                    kind: content,
                }
            ],
        }
    )


def status_update(
    wamid: str, number: str, status: str, error: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A webhook body with one status (sent, delivered, read, failed) of a message we sent."""
    entry: dict[str, Any] = {
        "id": wamid,
        "status": status,
        "timestamp": str(int(time.time())),
        "recipient_id": number,
    }
    if error is not None:
        entry["errors"] = [error]
    return envelope({"statuses": [entry]})
