"""A fake Telegram Bot API server on loopback: python-telegram-bot talks real HTTP to it.

Implements the methods the channel uses (getMe, getUpdates, sendMessage, sendPhoto,
sendDocument, getFile and file download, answerCallbackQuery, editMessageReplyMarkup,
editMessageText, setWebhook, deleteWebhook, setMyCommands, getMyCommands), records every
call, and can be told to fail a method (429 with retry_after, 403 blocked, 502). getUpdates
follows Telegram's offset rule: updates below the offset are confirmed and forgotten.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, Response, request
from werkzeug.serving import make_server

TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Balagh", "username": "balagh_bot"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    result: Any = None


def _param(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


class FakeBotApi:
    """The fake server; `url` is what BALAGH_TELEGRAM_API_URL points at."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.pending: list[dict[str, Any]] = []
        self.files: dict[str, tuple[str, bytes]] = {}
        # per method, what its next calls get: a failure, or None (answered normally)
        self.failures: dict[str, list[tuple[int, dict[str, Any] | str] | None]] = {}
        self.webhook: dict[str, Any] = {}
        # (scope type, language_code or None) -> the command menu set for it
        self.commands: dict[tuple[str, str | None], list[dict[str, str]]] = {}
        self._ids = itertools.count(1000)
        self._update_ids = itertools.count(1)
        self._cond = threading.Condition()
        app = Flask("fake-telegram")
        app.add_url_rule("/bot<token>/<method>", "method", self._method, methods=["GET", "POST"])
        app.add_url_rule("/file/bot<token>/<path:path>", "file", self._file)
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def close(self) -> None:
        with self._cond:
            self._cond.notify_all()
        self.server.shutdown()

    # --- what tests do -----------------------------------------------------------------
    def push(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; returns its update_id."""
        update = dict(update)
        update.setdefault("update_id", next(self._update_ids))
        with self._cond:
            self.pending.append(update)
            self._cond.notify_all()
        return int(update["update_id"])

    def push_id(self) -> int:
        """A fresh update id, for updates handed to the bot directly (webhook style)."""
        return next(self._update_ids)

    def add_file(self, file_id: str, data: bytes, path: str | None = None) -> None:
        self.files[file_id] = (path or f"files/{file_id}.bin", data)

    def fail(
        self,
        method: str,
        status: int,
        *,
        times: int = 1,
        after: int = 0,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """Make `times` calls of `method` fail with this HTTP status, after `after` that work."""
        body: dict[str, Any] | str
        if status == 502:
            body = "<html><body>502 Bad Gateway</body></html>"
        else:
            body = {
                "ok": False,
                "error_code": status,
                "description": description
                or {
                    429: f"Too Many Requests: retry after {retry_after}",
                    403: "Forbidden: bot was blocked by the user",
                    400: "Bad Request: chat not found",
                }.get(status, "error"),
            }
            if retry_after is not None:
                body["parameters"] = {"retry_after": retry_after}
        queue = self.failures.setdefault(method, [])
        queue.extend([None] * after)
        queue.extend([(status, body)] * times)

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        return [
            str(c.params.get("text", ""))
            for c in self.calls_of("sendMessage")
            if chat_id is None or int(c.params["chat_id"]) == chat_id
        ]

    def wait_for(self, predicate: Any, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError("the fake Bot API did not see what the test waited for")
            time.sleep(0.02)

    # --- the server side -----------------------------------------------------------------
    def _method(self, token: str, method: str) -> Response:
        if token != self.token:
            return self._json({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        params = {k: _param(v) for k, v in request.values.items()}
        files = {k: f.read() for k, f in request.files.items()}
        call = Call(method, params, files)
        self.calls.append(call)
        queued = self.failures.get(method)
        failure = queued.pop(0) if queued else None
        if failure is not None:
            status, body = failure
            if isinstance(body, str):
                return Response(body, status=status, mimetype="text/html")
            return self._json(body, status)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return self._json({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        call.result = handler(params, files)
        return self._json({"ok": True, "result": call.result})

    def _file(self, token: str, path: str) -> Response:
        if token != self.token:
            return Response(status=401)
        for stored_path, data in self.files.values():
            if stored_path == path:
                return Response(data, mimetype="application/octet-stream")
        return Response(status=404)

    @staticmethod
    def _json(body: dict[str, Any], status: int = 200) -> Response:
        return Response(json.dumps(body), status=status, mimetype="application/json")

    def _message(self, chat_id: Any, **extra: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": int(chat_id), "type": "private"},
            "from": BOT_USER,
            **extra,
        }

    def _m_getMe(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return BOT_USER

    def _m_getUpdates(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + wait
        with self._cond:
            if offset:
                self.pending = [u for u in self.pending if u["update_id"] >= offset]
            while not self.pending and time.monotonic() < deadline:
                self._cond.wait(deadline - time.monotonic())
            return list(self.pending)

    def _m_sendMessage(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return self._message(params["chat_id"], text=params.get("text", ""))

    def _m_sendPhoto(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        photo = {"file_id": "sent-photo", "file_unique_id": "sp", "width": 1, "height": 1}
        return self._message(params["chat_id"], photo=[photo])

    def _m_sendDocument(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        doc = {"file_id": "sent-doc", "file_unique_id": "sd", "file_name": "file"}
        return self._message(params["chat_id"], document=doc)

    def _m_getFile(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        file_id = str(params["file_id"])
        path, data = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": file_id[-8:],
            "file_size": len(data),
            "file_path": path,
        }

    def _m_answerCallbackQuery(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return True

    def _m_editMessageReplyMarkup(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return True

    def _m_editMessageText(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return True

    def _m_setWebhook(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        self.webhook = params
        return True

    def _m_deleteWebhook(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        self.webhook = {}
        return True

    @staticmethod
    def _menu_key(params: dict[str, Any]) -> tuple[str, str | None]:
        scope = params.get("scope") or {"type": "default"}
        return str(scope["type"]), params.get("language_code") or None

    def _m_setMyCommands(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        self.commands[self._menu_key(params)] = list(params["commands"])
        return True

    def _m_getMyCommands(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return self.commands.get(self._menu_key(params), [])


# --- updates as Telegram sends them ------------------------------------------------------
DATE = 1764300000


def private_chat(chat_id: int, language: str | None = "ar", name: str = "Citizen") -> dict:
    user: dict[str, Any] = {"id": chat_id, "is_bot": False, "first_name": name}
    if language:
        user["language_code"] = language
    return {"from": user, "chat": {"id": chat_id, "first_name": name, "type": "private"}}


def message_update(
    chat_id: int, message_id: int, *, language: str | None = "ar", **fields: Any
) -> dict[str, Any]:
    """A private-chat `message` update with the given fields (text, photo, location...)."""
    message = {"message_id": message_id, "date": DATE, **private_chat(chat_id, language), **fields}
    if str(fields.get("text", "")).startswith("/"):
        command = str(fields["text"]).split()[0]
        message["entities"] = [{"offset": 0, "length": len(command), "type": "bot_command"}]
    return {"message": message}


def text_update(chat_id: int, message_id: int, text: str, **kw: Any) -> dict[str, Any]:
    return message_update(chat_id, message_id, text=text, **kw)
