"""The web app as the tests run it under gunicorn (test_web_load): the real app (create_app
and every middleware) on a SQLite database in BALAGH_TEST_DATA, without the routing model,
with the slow-client deadlines shrunk as in test_web_load's echo server (header 1 s,
request 4 s; the body's minimum rate is the default 500 bytes a second)."""

from __future__ import annotations

import os
from pathlib import Path

from balagh.dbmigrate import upgrade
from balagh.wiring import build_context, web_app
from core.routing.types import UnroutedRouter
from tests.conftest import make_settings

_data = Path(os.environ["BALAGH_TEST_DATA"])
_url = f"sqlite:///{_data / 'balagh.sqlite3'}"
upgrade(_url)
_settings = make_settings(_data, _url, web_header_timeout=1.0, web_request_timeout=4.0)
app = web_app(build_context(_settings, router=UnroutedRouter()))
