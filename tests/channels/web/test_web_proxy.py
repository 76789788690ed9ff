"""Behind reverse proxies (BALAGH_PROXY_HOPS): who the client is, and which URL it used.

Rate limits key on the client address. With no trusted proxy, X-Forwarded-For is ignored so a
citizen cannot pick their own key; behind N trusted proxies the address, scheme and host come
from the X-Forwarded-* headers those proxies set.
"""

from __future__ import annotations

import httpx
import pytest
from flask import Flask, request, url_for
from flask.testing import FlaskClient

from balagh.serve import WebServer
from core.context import Context
from tests.citizen_web import hidden, make_app, submit
from tests.email_support import free_port


def proxied_app(ctx: Context, hops: int, rate: str = "2 per minute") -> Flask:
    ctx.settings.proxy_hops = hops
    ctx.settings.web_report_rate_limit = rate
    app = make_app(ctx)

    @app.get("/_test/where")
    def where() -> dict[str, str | None]:
        return {
            "remote_addr": request.remote_addr,
            "report_url": url_for("citizen.report", _external=True),
        }

    return app


def client_from(app: Flask, forwarded_for: str, **headers: str) -> FlaskClient:
    """A test client whose every request carries X-Forwarded-For (and any other headers)."""
    client = app.test_client()
    client.environ_base["HTTP_X_FORWARDED_FOR"] = forwarded_for
    for name, value in headers.items():
        client.environ_base["HTTP_" + name.upper().replace("-", "_")] = value
    return client


def report_codes(client: FlaskClient, count: int) -> list[int]:
    return [submit(client, "en", description=f"pothole {n}").status_code for n in range(count)]


def test_without_trusted_proxies_forwarded_for_is_ignored_and_clients_share_one_limit(
    ctx: Context,
) -> None:
    app = proxied_app(ctx, hops=0)
    first, second = client_from(app, "198.51.100.1"), client_from(app, "198.51.100.2")
    assert first.get("/_test/where").get_json()["remote_addr"] == "127.0.0.1"
    assert report_codes(first, 2) == [200, 200]
    assert report_codes(second, 1) == [429]


def test_behind_one_proxy_each_forwarded_address_has_its_own_submission_limit(
    ctx: Context,
) -> None:
    app = proxied_app(ctx, hops=1)
    first, second = client_from(app, "198.51.100.1"), client_from(app, "198.51.100.2")
    assert second.get("/_test/where").get_json()["remote_addr"] == "198.51.100.2"
    assert report_codes(first, 3) == [200, 200, 429]
    assert report_codes(second, 2) == [200, 200]


def test_behind_one_proxy_addresses_a_citizen_prepends_do_not_escape_their_limit(
    ctx: Context,
) -> None:
    # nginx appends the real peer to whatever X-Forwarded-For the citizen sent; only that
    # last entry is trusted with one hop.
    app = proxied_app(ctx, hops=1)
    assert report_codes(client_from(app, "10.0.0.1, 198.51.100.7"), 2) == [200, 200]
    assert report_codes(client_from(app, "10.0.0.2, 198.51.100.7"), 1) == [429]


@pytest.mark.parametrize(
    ("hops", "expected"),
    [(0, "http://localhost/report"), (1, "https://balagh.example.om/report")],
)
def test_external_urls_use_the_forwarded_scheme_and_host_only_behind_trusted_proxies(
    ctx: Context, hops: int, expected: str
) -> None:
    app = proxied_app(ctx, hops=hops)
    client = client_from(
        app, "198.51.100.1", x_forwarded_proto="https", x_forwarded_host="balagh.example.om"
    )
    assert client.get("/_test/where").get_json()["report_url"] == expected


def _post_report(base: str, forwarded_for: str) -> int:
    """Open the form and submit one report through a real socket, as one proxied citizen."""
    with httpx.Client(base_url=base, headers={"X-Forwarded-For": forwarded_for}) as http:
        page = http.get("/report?lang=en").text
        data = {
            "csrf_token": hidden(page, "csrf_token"),
            "submission": hidden(page, "submission"),
            "description": "pothole in front of the school",
        }
        return http.post("/report", data=data).status_code


def test_balagh_serve_web_server_passes_forwarded_for_to_the_app_behind_a_proxy(
    ctx: Context,
) -> None:
    ctx.settings.proxy_hops = 1
    ctx.settings.web_report_rate_limit = "1 per minute"
    ctx.settings.web_port = free_port()
    server = WebServer(ctx)
    try:
        base = f"http://127.0.0.1:{server.server.effective_port}"
        codes = [_post_report(base, "198.51.100.1"), _post_report(base, "198.51.100.2")]
        assert codes == [200, 200]
        assert _post_report(base, "198.51.100.1") == 429
    finally:
        server.stop()
