"""Accessibility scans in the browser tests: axe-core (vendored from npm) run on a live page.

Pages send a strict Content-Security-Policy, so the browser context that scans must be made
with `bypass_csp=True` to let the test inject the script. Only serious and critical findings
fail a test (issue 20, item 11: WCAG 2.1 AA on the citizen pages and the inbox).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

SCAN = """async (tags) => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}"""


@cache
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def serious_violations(page: Any) -> list[dict[str, Any]]:
    """The page's serious and critical WCAG 2.1 A/AA violations, as axe-core reports them."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    return list(page.evaluate(SCAN, WCAG_AA))
