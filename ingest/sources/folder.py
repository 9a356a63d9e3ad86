"""Folder connector: every supported file under a local or mounted directory.

A file is read again only when its size or modification time changed; a file that is gone
removes its documents. Document ids are the loaders' own (file name, or ``id:`` in front
matter), the same as ``tiekartta ingest`` gives them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from ingest.loaders import load_file, supported_suffixes
from ingest.loaders.base import LoadOptions
from ingest.pipeline import iter_files
from ingest.sources.base import (
    ItemChanged,
    ItemFailed,
    ItemGone,
    ItemUnchanged,
    Progress,
    SourceEvent,
)
from ingest.sources.config import SourceConfig
from rag.core.documents import IngestError
from rag.store.sync_state import SourceItem


class FolderConnector:
    """Scans one directory tree (hidden files and unsupported formats skipped)."""

    def __init__(self, config: SourceConfig) -> None:
        assert config.path is not None  # checked by SourceConfig
        self.config = config
        self.root = Path(config.path)

    def scan(self, known: Mapping[str, SourceItem], progress: Progress) -> Iterator[SourceEvent]:
        if not self.root.is_dir():
            # An unmounted share must not look like "every file deleted".
            yield ItemFailed(None, str(self.root), "folder not found (not mounted?)")
            yield from (ItemUnchanged(key) for key in known)
            return
        suffixes = set(supported_suffixes())
        files = [p for p in iter_files([self.root]) if p.suffix.lower() in suffixes]
        seen: set[str] = set()
        for done, path in enumerate(files):
            key = path.relative_to(self.root).as_posix()
            seen.add(key)
            progress(done, len(files), key)
            try:
                stat = path.stat()
                stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
                if key in known and known[key].fingerprint == stamp:
                    yield ItemUnchanged(key)
                    continue
                docs = load_file(path, LoadOptions(access=self.config.access))
                yield ItemChanged(key, stamp, docs)
            except IngestError as exc:
                yield ItemFailed(key, str(path), exc.reason)
            except OSError as exc:
                yield ItemFailed(key, str(path), f"cannot read: {exc}")
        progress(len(files), len(files), "")
        yield from (ItemGone(key) for key in sorted(set(known) - seen))
