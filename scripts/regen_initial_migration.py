"""Developer tool: rebuild the single initial migration from the models.

Used while the schema has never been released; once a release exists, add new revisions
with `alembic revision --autogenerate` instead of regenerating.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from balagh.dbmigrate import alembic_config

VERSIONS = Path(__file__).resolve().parent.parent / "balagh" / "migrations" / "versions"


def main() -> None:
    for old in VERSIONS.glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        config = alembic_config(f"sqlite:///{tmp}/scratch.sqlite3")
        command.revision(config, message="initial schema", autogenerate=True, rev_id="0001")
    for path in VERSIONS.glob("0001_*.py"):
        path.rename(VERSIONS / "0001_initial.py")


if __name__ == "__main__":
    main()
