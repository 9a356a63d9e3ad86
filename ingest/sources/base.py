"""The connector seam: a source is scanned into events, item by item.

A connector gets what the last run stored for its items (key -> fingerprint and documents) and
yields, for every item it finds or knew: changed (with the loaded documents), unchanged, gone,
or failed with a reason. It must report every known item one way or another; the sync service
applies the events (ingest, remove) and remembers the fingerprints.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ingest.loaders import load_file
from ingest.loaders.base import LoadOptions
from rag.core.documents import LoadedDocument
from rag.store.sync_state import SourceItem

# progress(done, total, detail): the total may grow while listings are read.
Progress = Callable[[int, int, str], None]


@dataclass
class ItemChanged:
    key: str
    fingerprint: str
    documents: list[LoadedDocument]
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class ItemUnchanged:
    key: str


@dataclass
class ItemGone:
    key: str


@dataclass
class ItemFailed:
    key: str | None  # None: a listing or sitemap, not one item
    where: str  # URL or path
    reason: str


SourceEvent = ItemChanged | ItemUnchanged | ItemGone | ItemFailed


class Connector(Protocol):
    """Turns one configured source into events; see the module docstring."""

    def scan(
        self, known: Mapping[str, SourceItem], progress: Progress
    ) -> Iterator[SourceEvent]: ...


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_bytes(
    data: bytes, filename: str, options: LoadOptions | None = None
) -> list[LoadedDocument]:
    """Load fetched bytes with the loader for ``filename``'s extension (via a temporary file)."""
    with tempfile.TemporaryDirectory(prefix="tiekartta-sync-") as tmp:
        path = Path(tmp) / filename
        path.write_bytes(data)
        return load_file(path, options)
