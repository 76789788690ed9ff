"""Core never names a channel: it asks the registry's capabilities (core.channels).

Every string literal in core/ that is a channel's name ("telegram", "email", "whatsapp",
"phone", "web", "open311", or such a name followed by ":", as in an address token) fails,
unless the allow-list below says why that word is not a channel there.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "core"
CHANNEL_NAMES = frozenset({"telegram", "email", "whatsapp", "phone", "web", "open311"})

# (file under core/, enclosing function or module-level name, literal) -> why it is no channel.
ALLOWED: dict[tuple[str, str | None, str], str] = {
    ("intake/contacts.py", "merge_contacts", "phone"): "a Contact column filled from the other",
    ("intake/contacts.py", "merge_contacts", "email"): "a Contact column filled from the other",
    ("intake/contacts.py", "join_proven_phone", "phone"): "the proof: a phone number matched",
    ("intake/triage.py", "_staff_chooser", "email"): "the staff member's address in the record",
    ("intake/triage.py", "_apply_staff_choice", "email"): "the staff member's address",
    ("staff/actions.py", "_chooser", "email"): "the staff member's address in the record",
    ("staff/search.py", "CONTACT_FIELDS", "phone"): "a Contact column folded into search",
    ("staff/search.py", "CONTACT_FIELDS", "email"): "a Contact column folded into search",
    ("routing/urgency_meaning.py", "FOUND_OR_NOT_A_PERSON", "phone"): "a lost thing, not a person",
}


def channel_literals(source: str) -> list[tuple[str | None, str, int]]:
    """(enclosing function, class or module-level name; literal; line) of each channel name."""
    found: list[tuple[str | None, str, int]] = []

    def visit(node: ast.AST, scope: str | None) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            scope = node.name
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(node, ast.Module) and isinstance(child, ast.Assign | ast.AnnAssign):
                target = child.targets[0] if isinstance(child, ast.Assign) else child.target
                inner = getattr(target, "id", None)
            visit(child, inner)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            word = node.value.lower()
            if word in CHANNEL_NAMES or any(word.startswith(f"{n}:") for n in CHANNEL_NAMES):
                found.append((scope, node.value, node.lineno))

    visit(ast.parse(source), None)
    return found


def test_core_names_no_channel() -> None:
    named = [
        f"core/{path.relative_to(CORE)}:{line} {literal!r} in {scope}"
        for path in sorted(CORE.rglob("*.py"))
        for scope, literal, line in channel_literals(path.read_text(encoding="utf-8"))
        if (str(path.relative_to(CORE)), scope, literal) not in ALLOWED
    ]
    assert named == [], "core names channels; ask ctx.channels for a capability instead"


def test_the_check_finds_a_channel_compared_by_name() -> None:
    source = 'def ack(ticket):\n    if ticket.channel == "telegram":\n        return "web:x"\n'
    assert channel_literals(source) == [("ack", "telegram", 2), ("ack", "web:x", 3)]


def test_every_allowance_is_still_needed() -> None:
    """An allowance whose literal went away is removed, so the list stays honest."""
    present = {
        (str(path.relative_to(CORE)), scope, literal)
        for path in CORE.rglob("*.py")
        for scope, literal, _ in channel_literals(path.read_text(encoding="utf-8"))
    }
    assert set(ALLOWED) <= present
