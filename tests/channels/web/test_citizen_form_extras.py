"""The report form's kept photos and map helpers over HTTP (issue 20, items 8 and 9)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from channels.web.citizen.geocode import tile_origin
from core.context import Context
from core.files import store_file
from core.models import Attachment
from tests.citizen_web import hidden, jpeg, make_app, open_form, upload


@pytest.fixture
def client(ctx: Context) -> FlaskClient:
    return make_app(ctx).test_client()


def attachments(ctx: Context) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count()).select_from(Attachment)).scalar_one()


def kept_tokens(page: str) -> list[str]:
    return re.findall(r'name="kept_photo" value="([^"]+)"', page)


def test_a_photo_sent_with_a_refused_report_is_kept_and_goes_with_the_corrected_one(
    client: FlaskClient, ctx: Context
) -> None:
    tokens = open_form(client, "en")
    refused = client.post(
        "/report?lang=en",
        data={**tokens, "description": "", "photos": [upload(jpeg(), "hole.jpg")]},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    kept = kept_tokens(page)
    assert len(kept) == 1 and "hole.jpg" in page
    assert hidden(page, "submission") == tokens["submission"]
    sent = client.post(
        "/report?lang=en",
        data={**tokens, "description": "A pothole by the school gate", "kept_photo": kept},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 200
    assert attachments(ctx) == 1


def test_a_kept_photo_token_works_only_for_the_form_that_sent_the_photo(
    client: FlaskClient, ctx: Context
) -> None:
    tokens = open_form(client, "en")
    refused = client.post(
        "/report?lang=en",
        data={**tokens, "description": "", "photos": [upload(jpeg(), "hole.jpg")]},
        content_type="multipart/form-data",
    )
    kept = kept_tokens(refused.get_data(as_text=True))
    digest = store_file(ctx.data_dir, b"someone else's stored file")
    forged = f"{digest}.jpg.{'0' * 24}.aG9sZS5qcGc="
    other_form = open_form(client, "en")  # another submission token
    client.post(
        "/report?lang=en",
        data={**other_form, "description": "A pothole", "kept_photo": [*kept, forged]},
        content_type="multipart/form-data",
    )
    assert attachments(ctx) == 0


def test_kept_and_new_photos_together_still_count_towards_the_limit_of_five(
    client: FlaskClient, ctx: Context
) -> None:
    tokens = open_form(client, "en")
    photos = [upload(jpeg(size=(60 + i, 40)), f"p{i}.jpg") for i in range(4)]
    refused = client.post(
        "/report?lang=en",
        data={**tokens, "description": "", "photos": photos},
        content_type="multipart/form-data",
    )
    kept = kept_tokens(refused.get_data(as_text=True))
    assert len(kept) == 4
    more = [upload(jpeg(size=(90 + i, 40)), f"q{i}.jpg") for i in range(2)]
    again = client.post(
        "/report?lang=en",
        data={**tokens, "description": "Five is the most", "kept_photo": kept, "photos": more},
        content_type="multipart/form-data",
    )
    assert again.status_code == 400
    assert attachments(ctx) == 0


class _Nominatim(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = json.dumps({"display_name": f"Ruwi {self.path}"}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def geocoder() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/r?lat={{lat}}&lon={{lon}}&l={{lang}}"
    server.shutdown()


def test_the_address_lookup_asks_the_configured_geocoder(
    client: FlaskClient, ctx: Context, geocoder: str
) -> None:
    assert client.get("/report/place?lat=23.6&lon=58.5").status_code == 404  # none configured
    ctx.settings.geocoder_url = geocoder
    answer = client.get("/report/place?lat=23.6&lon=58.5&lang=en").get_json()
    assert answer == {"address": "Ruwi /r?lat=23.600000&lon=58.500000&l=en"}
    assert client.get("/report/place?lat=123&lon=58.5").status_code == 400


def test_a_geocoder_that_is_down_leaves_the_address_empty(
    client: FlaskClient, ctx: Context
) -> None:
    ctx.settings.geocoder_url = "http://127.0.0.1:9/r?lat={lat}&lon={lon}"
    assert client.get("/report/place?lat=23.6&lon=58.5").get_json() == {"address": None}


def test_the_page_lets_the_browser_load_tiles_from_the_tile_server_only(
    client: FlaskClient,
) -> None:
    csp = client.get("/report").headers["Content-Security-Policy"]
    assert "img-src 'self' data: https://tile.openstreetmap.org;" in csp
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == (
        "https://*.tile.example.org"
    )
    assert tile_origin("") == ""
