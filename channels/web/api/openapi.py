"""The OpenAPI 3.1 document for `/api/v1`: `openapi.json` beside this module is its one source.

It is served as written, with the two things only an installation knows filled in: its
public URL (`servers`) and its taxonomy's directorate and category codes (the enums of
`DirectorateCode` and `CategoryCode`). The tests hold the file to the code's own lists
(statuses, priorities, languages, queues, figures) so the two cannot drift apart, and run
Schemathesis over every operation against it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from core.routing.taxonomy import Taxonomy

DOCUMENT = "openapi.json"


@cache
def _written() -> str:
    return files(__package__).joinpath(DOCUMENT).read_text(encoding="utf-8")


def openapi_document(base_url: str, taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    """The document for this installation: its URL, and its taxonomy's codes when given."""
    document: dict[str, Any] = json.loads(_written())
    document["servers"] = [{"url": f"{base_url}/api/v1"}]
    if taxonomy is not None:
        schemas = document["components"]["schemas"]
        schemas["DirectorateCode"]["enum"] = [d.code for d in taxonomy.directorates]
        schemas["CategoryCode"]["enum"] = list(taxonomy.category_codes())
    return document
