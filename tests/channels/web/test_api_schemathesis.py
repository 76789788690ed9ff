"""Schemathesis against /api/v1/openapi.json: generated requests to every operation get no
server error and answers that conform to the document (status codes, content types,
headers, bodies), and every request the document calls valid is accepted (2xx, or 401,
403, 404, 409 for a caller, ticket or state the request cannot know). Bounded to a few
examples per operation so the suite stays fast.

Two allowances, and why: some operations name other records in their body (a member of staff
to assign, the original of a duplicate, the reports of an incident), and one that does not
exist, or that the caller may not see, is a 422, as documented; whether it exists is the
database's to know, not something JSON Schema can say. And a /stats period ending before it
starts is a 400 (`period_reversed`), as documented: JSON Schema cannot order two parameters,
and figures of 0 for swapped dates read as a period without reports. Every other rule is
stated in the document (the caller's phone number, non-empty texts, at least one field to
PATCH, at least one report for an incident, the taxonomy's codes).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig

from core.context import Context
from tests.staffkit import app_for, bearer, make_staff, new_ticket, token_for

pytestmark = pytest.mark.fuzz
EXAMPLES = 3
ACCEPTED = ["2xx", "401", "403", "404", "409"]
NAME_OTHER_RECORDS = [
    ("PATCH", "/tickets/{reference}"),
    ("POST", "/tickets/{reference}/assign"),
    ("POST", "/tickets/{reference}/duplicate"),
    ("POST", "/incidents"),
    ("POST", "/incidents/{id}/tickets"),
    ("DELETE", "/incidents/{id}/tickets"),
]
CONFIG = {
    "checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED}},
    "operations": [
        {
            "include-method": method,
            "include-path": path,
            "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "422"]}},
        }
        for method, path in NAME_OTHER_RECORDS
    ]
    + [
        {
            "include-method": "GET",
            "include-path": "/stats",
            "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "400"]}},
        }
    ],
}


@pytest.fixture
def api_app(ctx: Context) -> Any:
    make_staff(ctx, "admin@mct.om", "admin")
    new_ticket(ctx, "Deep pothole on Way 3021", category="road_damage")
    app = app_for(ctx)
    app.config["SCHEMATHESIS_TOKEN"] = token_for(ctx, "admin@mct.om")
    return app


def operations(app: Any) -> list[Any]:
    config = SchemathesisConfig.from_dict(CONFIG)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=config)
    return [result.ok() for result in schema.get_all_operations()]


def run_every_operation(app: Any, examples: int) -> dict[str, str]:
    """Each operation's failures (Schemathesis's report, shortened), by operation."""
    auth = bearer(app.config["SCHEMATHESIS_TOKEN"])
    failures: dict[str, str] = {}
    for operation in operations(app):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=examples,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=auth)

        try:
            check()
        except BaseException as exc:  # noqa: BLE001  (collect every operation's failure, then report them all)
            failures[operation.label] = str(exc)[:1500]
    return failures


def test_api_answers_every_generated_request_as_its_document_says(api_app: Any) -> None:
    failures = run_every_operation(api_app, EXAMPLES)
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
