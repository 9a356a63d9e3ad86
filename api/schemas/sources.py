"""Sources and sync: a source is the configuration entry itself (``SourceConfig``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ingest.sources.config import SourceConfig

__all__ = ["SourceConfig", "SourceRemovedOut", "SyncIn"]


class SourceRemovedOut(BaseModel):
    name: str
    removed_documents: list[str]


class SyncIn(BaseModel):
    sources: list[str] = Field(default_factory=list, description="Names; empty = every source.")
