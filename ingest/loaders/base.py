"""The loader seam: one loader per file format, all with the same small interface."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rag.core.documents import LoadedDocument
from rag.core.limits import InputLimits


@dataclass
class LoadOptions:
    """Options a person can give at ingest time (CLI flags / API form fields)."""

    text_columns: list[str] | None = None  # tabular: columns joined into the record text
    id_columns: list[str] | None = None  # tabular: columns whose values make the record id
    access: str | None = None  # overrides the access level of every loaded document
    language: str | None = None  # overrides language detection
    # Per file path: the id of its document (tabular: the prefix of its record ids) instead of
    # the one in the file or its name. Uploads get ids of their own so equal names never clash.
    document_ids: dict[str, str] = field(default_factory=dict)
    # Set by the pipeline from the settings, not by the person.
    limits: InputLimits = field(default_factory=InputLimits)


class Loader(Protocol):
    """Reads one file into documents; raises rag.core.documents.IngestError on a bad file."""

    suffixes: tuple[str, ...]

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]: ...
