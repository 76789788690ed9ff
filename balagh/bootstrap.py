"""First-start chores: a secret key, the schema, and the first administrator."""

from __future__ import annotations

import logging
import os
import secrets
import time
from pathlib import Path

from sqlalchemy import select

from core.context import Context
from core.models import Role, User
from core.settings import Settings
from core.staff.accounts import add_user

logger = logging.getLogger(__name__)
# A member of staff has one display name, read on Arabic and English pages alike (the assignee
# list): bilingual, Arabic first, as the demo's accounts. An install made before keeps its
# "Administrator" until an administrator renames it on the staff page.
ADMIN_NAME = "مدير النظام / Administrator"


def ensure_secret_key(settings: Settings) -> None:
    """Use BALAGH_SECRET_KEY, else a key generated once and kept in the data directory."""
    if settings.secret_key:
        return
    path: Path = settings.data_dir / "secret_key"
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: when several processes start at once, exactly one writes the key
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    for _ in range(50):  # another process may still be writing it
        key = path.read_text().strip()
        if key:
            settings.secret_key = key
            return
        time.sleep(0.1)
    raise RuntimeError(f"{path} is empty; delete it or set BALAGH_SECRET_KEY")


def ensure_admin(ctx: Context) -> str | None:
    """Create the first administrator when there is none; returns a generated password once."""
    with ctx.sessions() as session, session.begin():
        if session.execute(select(User.id).where(User.role == Role.ADMIN).limit(1)).first():
            return None
        password = ctx.settings.admin_password or secrets.token_urlsafe(12)
        add_user(
            session,
            ctx.settings.admin_email,
            Role.ADMIN,
            password=password,
            name=ADMIN_NAME,
            directorates=[d.code for d in ctx.taxonomy.directorates],
        )
        logger.info("created administrator %s", ctx.settings.admin_email)
        return None if ctx.settings.admin_password else password
