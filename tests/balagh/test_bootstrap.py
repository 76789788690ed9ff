"""First start: one secret key shared by every process, and the first administrator."""

from __future__ import annotations

import re
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import select

from balagh.bootstrap import ensure_admin, ensure_secret_key
from core.context import Context
from core.models import User
from core.staff.accounts import verify_password
from tests.conftest import make_settings


def test_processes_starting_together_share_one_private_secret_key(tmp_path: Path) -> None:
    settings = [make_settings(tmp_path, "sqlite://", secret_key="") for _ in range(8)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(ensure_secret_key, settings))
    assert len({s.secret_key for s in settings}) == 1 and len(settings[0].secret_key) >= 40
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_first_start_makes_one_administrator_with_the_configured_password(ctx: Context) -> None:
    ctx.settings.admin_password = "a configured password"
    assert ensure_admin(ctx) is None  # nothing to print: the operator chose it
    assert ensure_admin(ctx) is None
    with ctx.sessions() as session:
        admins = session.execute(select(User).where(User.role == "admin")).scalars().all()
    assert len(admins) == 1 and verify_password(admins[0].password_hash, "a configured password")


def test_first_start_without_password_generates_one_and_returns_it_once(ctx: Context) -> None:
    ctx.settings.admin_password = ""
    generated = ensure_admin(ctx)
    assert generated and ensure_admin(ctx) is None
    with ctx.sessions() as session:
        admin = session.execute(select(User).where(User.role == "admin")).scalar_one()
    assert verify_password(admin.password_hash, generated)


def test_the_first_administrator_is_named_in_arabic_and_english(ctx: Context) -> None:
    """One display name serves both languages' pages: 'Administrator' alone stood in the
    Arabic assignee list."""
    ensure_admin(ctx)
    with ctx.sessions() as session:
        admin = session.execute(select(User).where(User.role == "admin")).scalar_one()
    arabic, english = admin.name.split(" / ")
    assert re.search("[\u0600-\u06ff]", arabic) and english == "Administrator"
