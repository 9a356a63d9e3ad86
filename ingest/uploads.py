"""Ids and file names for uploaded files: unique per content, never a path.

Two editors uploading `poytakirja.pdf` from different meetings must get two documents, and
uploading the same bytes again must change nothing, so an upload's id is its (cleaned) name
plus a short hash of its bytes. The name is kept as the document's file name for people.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from rag.core.documents import safe_doc_id

MAX_STEM = 60  # characters of the name kept in the id
MAX_SUFFIX = 10


def upload_name(filename: str | None) -> str:
    """The sent file name without directories or path characters ('..' -> 'upload')."""
    name = PurePath((filename or "").replace("\\", "/")).name
    stem, suffix = _split(name)
    clean_stem = safe_doc_id(stem) if stem.strip(". ") else "upload"
    return clean_stem[:MAX_STEM] + suffix


def upload_id(filename: str | None, data: bytes) -> str:
    """`<name>-<10 hex of sha256(data)>`: the same bytes get the same id, other bytes another."""
    stem, _ = _split(upload_name(filename))
    return f"{'-'.join(stem.split())}-{hashlib.sha256(data).hexdigest()[:10]}"


def _split(name: str) -> tuple[str, str]:
    path = PurePath(name)
    suffix = path.suffix.lower() if 1 < len(path.suffix) <= MAX_SUFFIX else ""
    suffix = suffix if suffix[1:].isalnum() else ""
    return (name[: -len(path.suffix)] if suffix else name), suffix
