"""Imports inside functions are kept to the few that must be there, each with its reason.

A function-local import often hides an import cycle: the module would fail to import if the
line moved to the top. The ones below are lazy on purpose (a heavy or optional library, a
command-line entry that keeps `balagh --help` fast, a route module that registers itself on
its blueprint). A new one needs a line here saying why; otherwise import at module level.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "channels", "balagh")

# (file, imported module) -> why the import stays inside its function.
ALLOWED: dict[tuple[str, str], str] = {
    # Optional or heavy libraries, loaded on first use.
    ("core/insights/research_export.py", "pyarrow"): "optional extra (balagh[research])",
    ("core/insights/research_export.py", "pyarrow.parquet"): "optional extra",
    ("core/language/catalog.py", "babel.messages.pofile"): "~30 ms, paid by the first text",
    ("core/language/detect.py", "langdetect"): "loading its profiles takes ~0.3 s",
    ("core/routing/evaluate.py", "core.language.detect"): "routing evaluation (core/routing)",
    ("core/insights/rollup.py", "sqlalchemy"): "to be moved up",
    # Training imports scikit-learn (~90 MB resident); it runs in a child process
    # (core/routing/child.py), so a serving process never imports it (issue 13, memory).
    ("core/routing/model.py", "core.routing.classifier"): "training, in a child process",
    ("core/followup/retrain.py", "core.routing.classifier"): "training, in a child process",
    ("core/followup/retrain.py", "core.routing.evaluate"): "scikit-learn metrics, in a child",
    ("core/routing/features.py", "scipy.sparse"): "batches only; a server never imports SciPy",
    # Route modules register their views on the blueprint they import: the package that
    # defines the blueprint imports them when the app registers it.
    ("channels/web/api/__init__.py", "channels.web.api"): "route modules join bp",
    ("channels/web/inbox/__init__.py", "channels.web.inbox"): "route modules join bp",
    ("channels/web/inbox/__init__.py", "channels.web.inbox.throttle"): "to be moved up",
    ("channels/web/inbox/expired.py", "channels.web.inbox"): "to be moved up",
    ("channels/telegram/webhook.py", "channels.telegram.runtime"): "to be moved up",
    # A channel's descriptor names its parts without importing the transport library.
    ("channels/telegram/channel.py", "channels.telegram.health"): "transport on first use",
    ("channels/telegram/channel.py", "channels.telegram.runtime"): "transport on first use",
    ("channels/telegram/channel.py", "channels.telegram.webhook"): "transport on first use",
    ("channels/whatsapp/channel.py", "channels.whatsapp.sender"): "transport on first use",
    ("channels/whatsapp/channel.py", "channels.whatsapp.webhook"): "transport on first use",
    ("channels/email/channel.py", "channels.email.sender"): "transport on first use",
    ("channels/email/channel.py", "channels.email.listener"): "transport on first use",
    ("channels/email/channel.py", "channels.email.imap"): "transport on first use",
    # The composition root and the command line load what a command needs, when it runs.
    ("balagh/wiring.py", "core.intake.pipeline"): "to be checked",
    ("balagh/wiring.py", "core.routing.model"): "to be checked",
    ("balagh/wiring.py", "core.routing.router"): "to be checked",
    ("balagh/wiring.py", "core.sla.calendar"): "to be checked",
    ("balagh/wiring.py", "channels.web.app"): "to be checked",
    ("balagh/serve.py", "balagh.wiring"): "to be checked",
    ("balagh/serve.py", "core.intake.pipeline"): "to be checked",
    ("balagh/cli/__init__.py", "balagh.dbmigrate"): "to be checked",
    ("balagh/cli/__init__.py", "balagh.wiring"): "to be checked",
    ("balagh/cli/__init__.py", "balagh.cli"): "to be checked",
    ("balagh/cli/admin.py", "balagh.dbmigrate"): "to be checked",
    ("balagh/cli/admin.py", "core.intake.ingest"): "to be checked",
    ("balagh/cli/jobs.py", "balagh.scheduler"): "to be checked",
    ("balagh/cli/jobs.py", "balagh.serve"): "to be checked",
    ("balagh/cli/jobs.py", "core.followup.jobs"): "to be checked",
    ("balagh/cli/jobs.py", "core.delivery.staff_mail"): "to be checked",
    ("balagh/cli/jobs.py", "core.intake.pipeline"): "to be checked",
    ("balagh/cli/routing.py", "core.followup.retrain"): "to be checked",
    ("balagh/cli/serve.py", "balagh.serve"): "to be checked",
    ("balagh/cli/serve.py", "balagh.bootstrap"): "to be checked",
    ("balagh/cli/serve.py", "balagh.demo"): "to be checked",
}


def _local_imports(path: Path) -> set[tuple[str, str]]:
    """(file, module) for every import statement inside a function of `path`."""
    found: set[tuple[str, str]] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = path.relative_to(REPO).as_posix()
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Import):
                found.update((name, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                found.add((name, node.module or ""))
    return found


def _all_local_imports() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            found |= _local_imports(path)
    return found


def test_every_import_inside_a_function_is_one_that_must_be_there() -> None:
    assert sorted(_all_local_imports() - set(ALLOWED)) == []


def test_the_list_of_local_imports_holds_no_stale_entry() -> None:
    assert sorted(set(ALLOWED) - _all_local_imports()) == []


def test_ingest_imports_conversation_at_module_level() -> None:
    """`Processed` lives beside `handle_message`; ingest imports both at the top, no cycle."""
    assert not {entry for entry in _all_local_imports() if entry[0] == "core/intake/ingest.py"}
