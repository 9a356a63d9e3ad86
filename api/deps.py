"""FastAPI dependencies: the service facade and API-key authentication by role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from api.container import Tiekartta
from api.errors import ApiError
from rag.store.registry import ApiKey


def get_service(request: Request) -> Tiekartta:
    service: Tiekartta = request.app.state.service
    return service


ServiceDep = Annotated[Tiekartta, Depends(get_service)]


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "missing_key")
    return token.strip()


def require_role(required: str) -> Callable[[Request, Tiekartta], ApiKey]:
    """A dependency that admits keys whose role is at least `required` (401 / 403 otherwise)."""

    def dependency(request: Request, service: ServiceDep) -> ApiKey:
        key = service.keys.verify(_bearer(request))
        if key is None:
            raise ApiError(401, "invalid_key")
        if not key.has_role(required):
            raise ApiError(403, "forbidden_role", required=required, role=key.role)
        return key

    return dependency


ReaderKey = Annotated[ApiKey, Depends(require_role("reader"))]
EditorKey = Annotated[ApiKey, Depends(require_role("editor"))]
ApproverKey = Annotated[ApiKey, Depends(require_role("approver"))]
AdminKey = Annotated[ApiKey, Depends(require_role("admin"))]
