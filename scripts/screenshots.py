"""Screenshots for the README: the report form (phone, Arabic), a ticket page and a queue
(desktop, Arabic and English), taken from the demo data in Debian's Chromium.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png

A throw-away SQLite database and data directory are used; the routing model is not needed
(the demo's tickets are routed by their script). Map tiles are off, so the pictures do not
depend on a tile server.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balagh.dbmigrate import upgrade  # noqa: E402
from balagh.demo import DEMO_PASSWORD, load_demo  # noqa: E402
from balagh.wiring import build_context  # noqa: E402
from channels.web.app import create_app  # noqa: E402
from core.routing.types import UnroutedRouter  # noqa: E402
from core.settings import Settings  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
AGENT = "dispatcher@demo.balagh"


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.sqlite3'}"
        upgrade(url)
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            data_dir=Path(tmp) / "data",
            database_url=url,
            secret_key="screenshots-only",
            map_tiles="",
            inbox_refresh_seconds=0,
        )
        ctx = build_context(settings, router=UnroutedRouter())
        load_demo(ctx)
        server = make_server("127.0.0.1", 0, create_app(ctx), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        chromium_path = shutil.which("chromium") or "/usr/bin/chromium"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path, args=["--no-sandbox", "--disable-gpu"]
            )
            phone = browser.new_page(viewport=PHONE, locale="ar-OM")
            phone.goto(f"{base}/report?lang=ar")
            phone.locator("#report-map").click(position={"x": 180, "y": 120})
            phone.screenshot(path=str(OUT / "form-ar-phone.png"), full_page=True)
            desk = browser.new_page(viewport=DESKTOP)
            desk.goto(f"{base}/inbox/login")
            desk.fill("input[name=email]", AGENT)
            desk.fill("input[name=password]", DEMO_PASSWORD)
            desk.click("main button[type=submit]")
            desk.wait_for_url(f"{base}/inbox/")
            for lang in ("ar", "en"):
                desk.goto(f"{base}/inbox/?queue=all")
                if desk.get_attribute("html", "lang") != lang:  # the header's language button
                    with desk.expect_navigation():
                        desk.locator("form.lang-switch button").click()
                desk.screenshot(path=str(OUT / f"queue-{lang}.png"))
                first = desk.locator("td.ref a").first.inner_text().strip()
                desk.goto(f"{base}/inbox/t/{first}")
                desk.screenshot(path=str(OUT / f"ticket-{lang}.png"), full_page=True)
            browser.close()
        server.shutdown()
        ctx.engine.dispose()
    for picture in sorted(OUT.glob("*.png")):
        print(picture.relative_to(ROOT))


if __name__ == "__main__":
    main()
