"""Ticket references inside message text, kept whole on screen.

A reference ("MCT-000032") has a hyphen, where browsers may break a line; in right-to-left
Arabic a reference at a line's end then reads "-MCT" on one line and "000032" on the next.
The conversation pages show each reference in a span the stylesheets keep on one line
(`.ref { white-space: nowrap; }`); the text itself, and what is copied from it, is unchanged.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# PREFIX-NNNNNN as core.tickets makes them (BALAGH_REF_PREFIX: letters), matched after escaping,
# which leaves letters, digits and hyphens as they are.
REFERENCE = re.compile(r"(?<![\w-])[A-Z]{2,10}-[0-9]{4,}(?![\w-])")


def whole_references(text: str | None) -> Markup:
    """The text escaped for HTML, each reference in `<span class="ref">`."""
    escaped = str(escape(text or ""))
    return Markup(REFERENCE.sub(lambda m: f'<span class="ref">{m.group(0)}</span>', escaped))
