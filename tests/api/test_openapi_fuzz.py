"""The OpenAPI schema fuzzed with schemathesis: every answer is one the schema documents.

Bounded: every operation gets EXAMPLES generated requests (no shrinking, derandomized so CI
sees the same requests on every run), with an admin key so that every route is reached past
authentication. Each response must not be a 5xx, must carry a documented status code and
content type, and its body must match the documented schema for that status. Problems are
collected with the request that caused them and reported all at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from api.container import Tiekartta
from tests.conftest import SAMPLE_CORPUS, make_settings

EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _describe(case: Any, outcome: str) -> str:
    body = case.body if type(case.body).__name__ != "NotSet" else None
    return (
        f"{case.method} {case.path} {outcome}: path={case.path_parameters} "
        f"query={case.query} body={str(body)[:200]}"
    )


def _failure_titles(exc: Failure | FailureGroup) -> list[str]:
    failures = exc.exceptions if isinstance(exc, FailureGroup) else [exc]
    return [f"{f.title}: {f.message}".replace("\n", " | ")[:300] for f in failures]


def _first_per_kind(errors: list[str]) -> list[str]:
    """One example per operation, status and check, so a report stays readable."""
    seen: dict[str, str] = {}
    for error in errors:
        seen.setdefault(error.split(": path=")[0].split(" | ")[0], error)
    return sorted(seen.values())


def _fuzzed_app(tmp_path: Path) -> tuple[Any, dict[str, str]]:
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
    return create_app(service=service), headers


def test_every_generated_request_gets_a_documented_answer(tmp_path: Path) -> None:
    app, headers = _fuzzed_app(tmp_path)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
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
                response = case.call(headers=headers)
            except Exception as exc:  # the ASGI client re-raises what the app did not handle
                errors.append(_describe(case, f"raised {type(exc).__name__}: {exc}"))
                return
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except (Failure, FailureGroup) as exc:
                for title in _failure_titles(exc):
                    errors.append(_describe(case, f"answered {response.status_code}: {title}"))

        call()
    assert operations >= 20  # the schema was read, not an empty one
    assert not errors, f"{len(errors)} problems:\n" + "\n".join(_first_per_kind(errors))
