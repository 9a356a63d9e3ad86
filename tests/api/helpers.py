"""The HTTP test client every API test uses: a real app for a service, one key per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from api.container import Tiekartta

ROLES = ("reader", "editor", "approver", "admin")
# What every answer must be, by the OpenAPI schema: no 5xx, a documented status code and
# content type, a body of the documented shape (schemathesis' checks).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@dataclass
class Api:
    """A test client and one secret (and key id) per role for a service."""

    client: TestClient
    service: Tiekartta
    secrets: dict[str, str]
    key_ids: dict[str, str]

    def headers(self, role: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secrets[role]}", **extra}

    def get(self, path: str, role: str = "reader", **kw: Any) -> Any:
        return self.client.get(path, headers=self.headers(role), **kw)

    def post(self, path: str, role: str, json: Any = None, **kw: Any) -> Any:
        return self.client.post(path, json=json, headers=self.headers(role), **kw)

    def patch(self, path: str, role: str, json: Any) -> Any:
        return self.client.patch(path, json=json, headers=self.headers(role))


def api_for(service: Tiekartta, roles: tuple[str, ...] = ROLES, label: str = "test") -> Api:
    """Create a key per role (labelled '<label> <role>') and a client for the service's app.

    The client is not entered: use ``with api.client:`` when the test needs the app's lifespan
    (the background job runner).
    """
    secrets: dict[str, str] = {}
    key_ids: dict[str, str] = {}
    for role in roles:
        created = service.registry.keys.create_key(role, f"{label} {role}")
        secrets[role] = created.secret
        key_ids[role] = created.key.key_id
    return Api(TestClient(create_app(service=service)), service, secrets, key_ids)
