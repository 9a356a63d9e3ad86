"""Ids and file names for uploaded files: unique per content, never a path.

Two editors uploading `poytakirja.pdf` from different meetings must get two documents, and
uploading the same bytes again must change nothing, so an upload's id is its (cleaned) name
plus a short hash of its bytes. The name is kept as the document's file name for people.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from rag.core.documents import safe_doc_id

MAX_STEM = 60  # characters of the name kept in the id
MAX_SUFFIX = 10


def upload_name(filename: str | None) -> str:
    """The sent file name without directories or path characters ('..' -> 'upload')."""
    name = PurePath((filename or "").replace("\\", "/")).name
    stem, suffix = _split(name)
    clean_stem = safe_doc_id(stem) if stem.strip(". ") else "upload"
    return clean_stem[:MAX_STEM] + suffix


def upload_id(filename: str | None, data: bytes, salt: str = "") -> str:
    """`<name>-<10 hex of sha256(salt, data)>`: the same bytes get the same id, others another.

    The uploader passes its clearance as `salt`: a key that may not read a document can then
    never hit that document's id by sending the same bytes, so the answer cannot tell it that
    the text is stored (a copy of its own goes in instead).
    """
    stem, _ = _split(upload_name(filename))
    digest = hashlib.sha256(salt.encode("utf-8") + b"\0" + data).hexdigest()[:10]
    return f"{'-'.join(stem.split())}-{digest}"


def _split(name: str) -> tuple[str, str]:
    path = PurePath(name)
    suffix = path.suffix.lower() if 1 < len(path.suffix) <= MAX_SUFFIX else ""
    suffix = suffix if suffix[1:].isalnum() else ""
    return (name[: -len(path.suffix)] if suffix else name), suffix


@dataclass
class SavedUpload:
    """An uploaded file as kept in the data directory, and the id its document gets."""

    name: str  # the cleaned name as sent: the file keeps it, so titles fall back to it
    document_id: str
    path: Path
    created: bool  # False when the same bytes were already kept (nothing to clean up)


def save_upload(
    folder: Path,
    filename: str | None,
    data: bytes,
    replace: str | None = None,
    salt: str = "",
) -> SavedUpload:
    """Keep the bytes at `<folder>/<upload id>/<name>`; the document id is `replace` if given.

    The folder name is the content id, so two files with the same name never overwrite each
    other on disk and the same bytes are kept once.
    """
    name = upload_name(filename)
    content_id = upload_id(name, data, salt)
    path = folder / content_id / name
    created = not path.exists()
    if created:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return SavedUpload(name, replace or content_id, path, created)


def went_in(upload: SavedUpload, stored_ids: Iterable[str]) -> bool:
    """Whether the upload's document (or, for a table, one of its records) is stored."""
    prefix = f"{upload.document_id}-"
    return any(d == upload.document_id or d.startswith(prefix) for d in stored_ids)


def discard_rejected(uploads: Iterable[SavedUpload], stored_ids: Iterable[str]) -> list[str]:
    """Delete the files this request created whose documents did not go in; their names."""
    stored = list(stored_ids)
    removed = []
    for upload in uploads:
        if upload.created and not went_in(upload, stored):
            shutil.rmtree(upload.path.parent, ignore_errors=True)
            removed.append(upload.name)
    return removed
