"""The OpenAPI schema fuzzed with schemathesis: no request may end in a server error.

Bounded: every operation gets EXAMPLES generated requests (no shrinking), with an admin key so
that every route is reached past authentication. A 5xx or an exception escaping the app is
collected with the request that caused it, and all of them are reported at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from api.app import create_app
from api.container import Tiekartta
from tests.conftest import SAMPLE_CORPUS, make_settings

EXAMPLES = 25


def _describe(case: Any, outcome: str) -> str:
    body = case.body if type(case.body).__name__ != "NotSet" else None
    return (
        f"{case.method} {case.path} {outcome}: path={case.path_parameters} "
        f"query={case.query} body={str(body)[:200]}"
    )


def test_no_generated_request_gets_a_server_error(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path / "data"))
    service.documents.ingest(
        [
            SAMPLE_CORPUS / "digital-programme-overview.md",
            SAMPLE_CORPUS / "stadsstyrelsen-2024-01-22-protokoll.md",
        ]
    )
    headers = {
        "Authorization": f"Bearer {service.registry.keys.create_key('admin', 'fuzz').secret}"
    }
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(service=service))
    errors: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
            derandomize=True,  # the same requests on every run: CI failures reproduce
        )
        def call(case: Any) -> None:
            try:
                status = case.call(headers=headers).status_code
            except Exception as exc:  # the ASGI client re-raises what the app did not handle
                errors.append(_describe(case, f"raised {type(exc).__name__}: {exc}"))
                return
            if status >= 500:
                errors.append(_describe(case, f"answered {status}"))

        call()
    assert operations >= 20  # the schema was read, not an empty one
    assert not errors, "\n".join(errors[:20])
