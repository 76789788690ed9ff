"""Staff pages are never framed, cached or sniffed; a citizen's file never runs as our page.

A file keeps the name its sender gave it but not the type: only bytes that really are the
image their type names are served as that image; anything else (HTML, SVG, a "photo" that
is a page) is an `application/octet-stream` download with `nosniff` and a sandboxing CSP.
"""

from __future__ import annotations

import io

import pytest
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import select

from core.context import Context
from core.inbound import InboundAttachment, InboundMessage, ThreadHints
from core.intake.conversation import Processed
from core.intake.ingest import ingest
from core.models import Attachment
from tests.staffkit import app_for, bearer, make_staff, signed_in, token_for

PAGE = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


def report_with(ctx: Context, *files: InboundAttachment) -> tuple[Processed, list[int]]:
    processed = ingest(
        ctx,
        InboundMessage(
            channel="email",
            sender="salim@example.om",
            text="Photos of the broken pipe are attached.",
            external_id=f"<files-{len(files)}@example.om>",
            thread=ThreadHints(new_ticket=True),
            attachments=files,
        ),
    )
    with ctx.sessions() as session:
        ids = session.execute(select(Attachment.id).order_by(Attachment.id)).scalars().all()
    return processed, list(ids)


@pytest.fixture
def staff_client(ctx: Context) -> FlaskClient:
    make_staff(ctx, "admin@mct.om", "admin")
    return signed_in(app_for(ctx), "admin@mct.om")


def test_inbox_pages_are_not_framed_cached_or_sniffed(staff_client: FlaskClient) -> None:
    headers = staff_client.get("/inbox/").headers
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_api_answers_are_not_cached(ctx: Context) -> None:
    make_staff(ctx, "agent@mct.om", "agent")
    client = app_for(ctx).test_client()
    response = client.get("/api/v1/tickets", headers=bearer(token_for(ctx, "agent@mct.om")))
    assert response.headers["Cache-Control"] == "no-store"


def test_inbox_serves_html_and_svg_files_as_sandboxed_downloads(
    ctx: Context, staff_client: FlaskClient
) -> None:
    _, ids = report_with(
        ctx,
        InboundAttachment("invoice.html", "text/html", PAGE),
        InboundAttachment("logo.svg", "image/svg+xml", SVG),
        InboundAttachment("photo.png", "image/png", PAGE),
    )
    for attachment_id in ids:
        response = staff_client.get(f"/inbox/attachments/{attachment_id}")
        assert response.status_code == 200
        assert response.mimetype == "application/octet-stream"
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response.headers["Content-Security-Policy"]


def test_status_page_shows_a_real_image_inline_and_a_fake_one_as_a_download(
    ctx: Context,
) -> None:
    processed, (real, fake) = report_with(
        ctx,
        InboundAttachment("pipe.png", "image/png", png()),
        InboundAttachment("pipe2.png", "image/png", PAGE),
    )
    client = app_for(ctx).test_client()
    base = f"/t/{processed.reference}/files"
    shown = client.get(f"{base}/{real}?k={processed.secret}")
    assert shown.mimetype == "image/png"
    assert shown.headers["Content-Disposition"].startswith("inline")
    downloaded = client.get(f"{base}/{fake}?k={processed.secret}")
    assert downloaded.mimetype == "application/octet-stream"
    assert downloaded.headers["Content-Disposition"].startswith("attachment")
    assert downloaded.headers["X-Content-Type-Options"] == "nosniff"


def test_an_image_shown_inline_is_reencoded_so_a_payload_after_its_pixels_is_gone(
    ctx: Context, staff_client: FlaskClient
) -> None:
    """A real PNG with a page appended (a polyglot) shows as a picture without the page."""
    payload = b"<html><script>alert(document.cookie)</script></html>"
    processed, (polyglot,) = report_with(
        ctx, InboundAttachment("pipe.png", "image/png", png() + payload)
    )
    client = app_for(ctx).test_client()
    shown = client.get(f"/t/{processed.reference}/files/{polyglot}?k={processed.secret}")
    assert shown.mimetype == "image/png"
    assert shown.headers["Content-Disposition"].startswith("inline")
    assert payload not in shown.data and b"<script" not in shown.data
    with Image.open(io.BytesIO(shown.data)) as image:
        assert image.format == "PNG" and image.size == Image.open(io.BytesIO(png())).size
    inbox = staff_client.get(f"/inbox/attachments/{polyglot}?view=1")
    assert inbox.status_code == 200 and payload not in inbox.data


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/healthz",
        "/favicon.ico",
        "/static/missing.css",
        "/metrics",
        "/open311/v2/services.xml",
        "/open311/v2/discovery.json",
        "/whatsapp/webhook",
        "/api/v1/openapi.json",
    ],
)
def test_every_answer_outside_the_citizen_and_inbox_pages_is_not_framed_or_sniffed(
    ctx: Context, path: str
) -> None:
    """Only the citizen pages, the inbox and the API set these; the health page, Open311,
    the webhooks' refusals, the icon and 404 pages outside them went without (an HTML
    error page or an SVG that could be framed or sniffed; found probing the demo)."""
    headers = app_for(ctx).test_client().get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
