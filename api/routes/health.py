"""GET /health: liveness without a key."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ServiceDep
from api.schemas.health import HealthOut

router = APIRouter(tags=["health"])
VERSION = "0.1.0"


@router.get("/health", response_model=HealthOut)
def health(service: ServiceDep) -> HealthOut:
    return HealthOut(
        status="ok",
        version=VERSION,
        documents=len(service.documents.list_documents()),
        llm=service.settings.llm_enabled,
        embeddings=service.settings.embeddings,
    )
