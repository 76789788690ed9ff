"""Helpers for the citizen web tests: an app on the test context, form tokens, test photos."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from PIL.TiffImagePlugin import IFDRational
from werkzeug.serving import make_server
from werkzeug.test import TestResponse

from channels.web.app import create_app
from core.context import Context
from core.outbound import CollectingSender, SenderRegistry

# Muscat, Ruwi: 23° 35' 16.2" N, 58° 32' 42" E
GPS_LAT, GPS_LON = 23.5878, 58.545


def make_app(ctx: Context) -> Flask:
    app = create_app(ctx)
    app.config["TESTING"] = True
    return app


def hidden(html: str, name: str) -> str:
    """The value of the hidden input `name` on a page."""
    for tag in re.findall(r"<input[^>]*>", html):
        if f'name="{name}"' in tag:
            found = re.search(r'value="([^"]*)"', tag)
            if found:
                return found.group(1)
    raise AssertionError(f"no hidden input {name!r} on the page")


def open_form(client: FlaskClient, lang: str = "ar") -> dict[str, str]:
    """GET /report and return the csrf and submission tokens the page carries."""
    page = client.get(f"/report?lang={lang}").get_data(as_text=True)
    return {"csrf_token": hidden(page, "csrf_token"), "submission": hidden(page, "submission")}


def submit(client: FlaskClient, lang: str = "ar", **fields: Any) -> TestResponse:
    """Open the form, then post it with `fields` (files as (BytesIO, name) tuples)."""
    data: dict[str, Any] = open_form(client, lang)
    data.update(fields)
    return client.post("/report", data=data, content_type="multipart/form-data")


def status_link(html: str) -> str:
    found = re.search(r'id="status-link" href="([^"]+)"', html)
    assert found, "no status link on the confirmation page"
    return found.group(1).replace("&amp;", "&")


def reference_of(html: str) -> str:
    found = re.search(r"MCT-\d{6}", html)
    assert found, "no reference on the page"
    return found.group(0)


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60 * 100)
    return IFDRational(degrees), IFDRational(minutes), IFDRational(seconds, 100)


def jpeg(gps: bool = False, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small JPEG; with `gps`, its EXIF carries the camera make and a GPS position."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "TestCam"
        exif[0x8825] = {1: "N", 2: _dms(GPS_LAT), 3: "E", 4: _dms(GPS_LON)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(data: bytes, name: str) -> tuple[io.BytesIO, str]:
    return io.BytesIO(data), name


@contextmanager
def citizen_site(
    tmp: Path,
    *,
    database_url: str | None = None,
    senders: dict[str, CollectingSender] | None = None,
    **settings: Any,
) -> Iterator[tuple[str, Context]]:
    """The web app (citizen pages and the staff inbox) on SQLite (no map tiles, rate limits
    out of the way) served by werkzeug on a loopback port, for browser tests.

    On a new database file in `tmp`, or on `database_url` (migrated already, e.g. the
    session's `sqlite_database`: no migration per test), emptied first; with `senders`,
    collecting senders by channel name; `settings` adds or overrides settings.
    """
    from balagh.dbmigrate import upgrade
    from balagh.wiring import build_context
    from core.routing.types import UnroutedRouter
    from tests.conftest import empty_tables, make_settings

    router = settings.pop("router", UnroutedRouter())
    registry = None
    if senders is not None:
        registry = SenderRegistry()
        for name, sender in senders.items():
            registry.register(name, sender)
    url = database_url or f"sqlite:///{tmp / 'db.sqlite3'}"
    if database_url is None:
        upgrade(url)
    ctx = build_context(
        make_settings(
            tmp / "data",
            url,
            **{
                "map_tiles": "",
                "web_report_rate_limit": "1000 per minute",
                "web_attempt_rate_limit": "1000 per minute",
                **settings,
            },
        ),
        senders=registry,
        router=router,
    )
    empty_tables(ctx)
    httpd = make_server("127.0.0.1", 0, make_app(ctx), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", ctx
    finally:
        httpd.shutdown()
        thread.join(timeout=5)
        ctx.engine.dispose()
