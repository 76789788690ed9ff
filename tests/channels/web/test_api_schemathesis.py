"""Schemathesis against /api/v1/openapi.json: generated requests to every operation get no
server error and answers that conform to the document (status codes, content types,
headers, bodies). Bounded to a few examples per operation so the suite stays fast.

Left out: Schemathesis's "schema-valid request accepted" check. Some rules span fields or
the database and cannot be said in JSON Schema (`since` before `until`, a category the
taxonomy knows, an incident's tickets); the API answers those 422 as documented.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from core.context import Context
from tests.staffkit import app_for, bearer, make_staff, new_ticket, token_for

pytestmark = pytest.mark.fuzz
EXAMPLES = 3


@pytest.fixture
def api_app(ctx: Context) -> Any:
    make_staff(ctx, "admin@mct.om", "admin")
    new_ticket(ctx, "Deep pothole on Way 3021", category="road_damage")
    app = app_for(ctx)
    app.config["SCHEMATHESIS_TOKEN"] = token_for(ctx, "admin@mct.om")
    return app


def operations(app: Any) -> list[Any]:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_api_answers_every_generated_request_without_a_server_error(api_app: Any) -> None:
    auth = bearer(api_app.config["SCHEMATHESIS_TOKEN"])
    failures: dict[str, str] = {}
    for operation in operations(api_app):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=auth, excluded_checks=[positive_data_acceptance])

        try:
            check()
        except BaseException as exc:  # noqa: BLE001  (collect every operation's failure, then report them all)
            failures[operation.label] = str(exc)[:1500]
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
