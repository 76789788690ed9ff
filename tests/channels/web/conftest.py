"""The one headless Chromium of the browser tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.channels.web.test_web_browser import CHROMIUM_ARGS, _chromium_path
from tests.conftest import IN_CI


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the test session (per xdist worker): each test opens its own
    context (cookies, storage, viewport, locale) in it, so nothing passes between tests. A
    Chromium per module started Playwright's driver and the browser again in each of eight
    modules (5 s each with the machine at load 12)."""
    path = _chromium_path()
    if path is None:
        if IN_CI:
            pytest.fail("Chromium is required in CI (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
