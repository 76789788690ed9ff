"""A scratch PostgreSQL database for the bench scripts: created, migrated, dropped.

Shared by duplicates.py, nearby.py, incidents.py, scale.py and stats.py, which each had
their own copy of these lines. The server is `BALAGH_TEST_PG` (a user that may
`CREATE DATABASE`), as for the tests.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

# The tree this script sits in first (as bench/ingest.py, 0600ab1): run as a script, only
# bench/ is on the path and the tree's packages came from the venv's editable install.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from balagh.dbmigrate import upgrade  # noqa: E402
from balagh.wiring import build_context  # noqa: E402
from core.context import Context  # noqa: E402
from core.outbound import SenderRegistry  # noqa: E402
from core.routing.types import UnroutedRouter  # noqa: E402
from core.settings import Settings  # noqa: E402

ADMIN = os.environ.get("BALAGH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


@dataclass(frozen=True)
class ScratchDatabase:
    """A migrated database: `url` for psycopg, `engine_url` for SQLAlchemy (Settings)."""

    name: str
    url: str
    server_version: str

    @property
    def engine_url(self) -> str:
        return self.url.replace("postgresql://", "postgresql+psycopg://", 1)


@contextmanager
def scratch_database(prefix: str = "balagh_bench", keep: bool = False) -> Iterator[ScratchDatabase]:
    """A new database on the server, migrated to the current schema; dropped on leaving
    (its connections ended first) unless `keep`, for a script's `--keep`."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(ADMIN, autocommit=True)
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        version = admin.execute("SHOW server_version").fetchone()
        database = ScratchDatabase(
            name, f"{ADMIN.rsplit('/', 1)[0]}/{name}", version[0] if version else "?"
        )
        try:
            upgrade(database.engine_url)
            yield database
        finally:
            if not keep:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def bench_context(database: ScratchDatabase) -> Context:
    """A context on the scratch database that sends nothing and routes nothing: the benches
    that use it time the database, not a model or a channel."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=database.engine_url, secret_key="bench"
    )
    return build_context(settings, senders=SenderRegistry(), router=UnroutedRouter())
