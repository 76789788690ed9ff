"""Imports inside functions are kept to the few that must be there, each with its reason.

A function-local import often hides an import cycle: the module would fail to import if the
line moved to the top. The ones below are lazy on purpose (a heavy or optional library, a
channel's transport, a command of the command line). A new one needs a line here saying why;
otherwise import at module level. Blueprints live in their own `blueprint` modules, so the
packages that register them import their route modules at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "channels", "balagh")

# (file, imported module) -> why the import stays inside its function.
CLI = "a command imports what it needs when it runs: `balagh --help` loads no core"
DESCRIPTOR = "the registry imports every descriptor; a transport loads only where it is used"
ALLOWED: dict[tuple[str, str], str] = {
    # Optional or heavy libraries, loaded on first use.
    ("core/insights/research_export.py", "pyarrow"): "optional extra (balagh[research])",
    ("core/insights/research_export.py", "pyarrow.parquet"): "optional extra",
    ("core/language/catalog.py", "babel.messages.pofile"): "~30 ms, paid by the first text",
    ("core/language/detect.py", "langdetect"): "loading its profiles takes ~0.3 s",
    # Training imports scikit-learn (~90 MB resident); it runs in a child process
    # (core/routing/child.py), so a serving process never imports it (issue 13, memory).
    ("core/routing/model.py", "core.routing.classifier"): "training, in a child process",
    ("core/followup/retrain.py", "core.routing.classifier"): "training, in a child process",
    ("core/followup/retrain.py", "core.routing.evaluate"): "scikit-learn metrics, in a child",
    ("core/routing/features.py", "scipy.sparse"): "batches only; a server never imports SciPy",
    ("balagh/wiring.py", "channels.web.app"): "Flask, for the process that serves the web",
    ("channels/telegram/webhook.py", "channels.telegram.runtime"): "python-telegram-bot",
    # No cycle: core/routing is being reworked elsewhere, this one can move up with it.
    ("core/routing/evaluate.py", "core.language.detect"): "no reason left; move up",
    # A channel's descriptor names its parts without importing its transport.
    ("channels/telegram/channel.py", "channels.telegram.health"): DESCRIPTOR,
    ("channels/telegram/channel.py", "channels.telegram.runtime"): DESCRIPTOR,
    ("channels/telegram/channel.py", "channels.telegram.webhook"): DESCRIPTOR,
    ("channels/whatsapp/channel.py", "channels.whatsapp.sender"): DESCRIPTOR,
    ("channels/whatsapp/channel.py", "channels.whatsapp.webhook"): DESCRIPTOR,
    ("channels/whatsapp/channel.py", "channels.whatsapp.media"): DESCRIPTOR,
    ("channels/email/channel.py", "channels.email.sender"): DESCRIPTOR,
    ("channels/email/channel.py", "channels.email.listener"): DESCRIPTOR,
    ("channels/email/channel.py", "channels.email.imap"): DESCRIPTOR,
    ("channels/email/channel.py", "channels.email.intake"): DESCRIPTOR,
    # The command line; its command modules register on the `cli` group they import.
    ("balagh/cli/__init__.py", "balagh.cli"): "command modules import the group: a cycle",
    ("balagh/cli/__init__.py", "balagh.dbmigrate"): CLI,
    ("balagh/cli/__init__.py", "balagh.wiring"): CLI,
    ("balagh/cli/admin.py", "balagh.dbmigrate"): CLI,
    ("balagh/cli/admin.py", "core.intake.ingest"): CLI,
    ("balagh/cli/jobs.py", "balagh.scheduler"): CLI,
    ("balagh/cli/jobs.py", "balagh.serve"): CLI,
    ("balagh/cli/jobs.py", "core.followup.jobs"): CLI,
    ("balagh/cli/jobs.py", "core.delivery.staff_mail"): CLI,
    ("balagh/cli/jobs.py", "core.delivery.courier"): CLI,
    ("balagh/cli/jobs.py", "core.intake.pipeline"): CLI,
    ("balagh/cli/routing.py", "core.followup.retrain"): CLI,
    ("balagh/cli/routing.py", "core.routing.evaluate"): "scikit-learn: not in `balagh serve`",
    ("balagh/cli/serve.py", "balagh.serve"): CLI,
    ("balagh/cli/serve.py", "balagh.bootstrap"): CLI,
    ("balagh/cli/serve.py", "balagh.demo"): CLI,
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
