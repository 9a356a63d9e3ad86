"""Backup and restore of a whole installation: registry rows, vectors with their chunks, files.

The archive (``.tar.gz``) is the same whatever the installation runs on, so a backup of an
embedded install restores onto PostgreSQL and a Chroma server and back:

- ``registry.sqlite3``: every row of every registry table (``rag/store/copy.py``), the lexical
  corpus among them;
- ``vectors.jsonl``: every chunk with its vector, read through the vector-index protocol;
- ``files/``: the rest of the data directory (job inputs and results, sync state, sources),
  without the stores' own files, which are rebuilt from the above.

Restore goes into an empty installation (or replaces one when told): rows are copied, vectors
added, files put back, and the lexical corpus rebuilt from the restored chunks (so it matches
them even when the backup was made by another analyzer version).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from api.parts import Parts
from rag.core.documents import Chunk
from rag.store.copy import copy_database
from rag.store.db import Database, RegistryError

FORMAT = 1
# What the stores keep in the data directory: rebuilt from the archive, never copied as files
# (``lexical`` holds only each process's cached BM25 build).
_STORE_FILES = {"chroma", "lexical", "registry.sqlite3", "store.lock", "store.generation"}
_BATCH = 500


def _data_files(data_dir: Path) -> list[Path]:
    return [
        p
        for p in sorted(data_dir.iterdir())
        if p.name not in _STORE_FILES and not p.name.startswith("registry.sqlite3-")
    ]


def write_backup(parts: Parts, archive: Path) -> Path:
    """Write the installation to ``archive`` (a .tar.gz); returns its path."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with Database(work / "registry.sqlite3") as copy:
            copy_database(parts.registry.db, copy)
        with parts.vectors.reading(), (work / "vectors.jsonl").open("w", encoding="utf-8") as out:
            chunks = parts.vectors.all_chunks()
            for start in range(0, len(chunks), _BATCH):
                ids = [c.chunk_id for c in chunks[start : start + _BATCH]]
                for chunk, vector in parts.vectors.get_with_vectors(ids):
                    record = {"chunk": dataclasses.asdict(chunk), "vector": vector}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        manifest = {
            "format": FORMAT,
            "chunks": len(chunks),
            "embeddings": parts.settings.embeddings,
        }
        (work / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        archive.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive, "w:gz") as tar:
            for name in ("manifest.json", "registry.sqlite3", "vectors.jsonl"):
                tar.add(work / name, arcname=name)
            for path in _data_files(parts.settings.data_dir):
                tar.add(path, arcname=f"files/{path.name}")
    return archive


def restore_backup(parts: Parts, archive: Path, replace: bool = False) -> int:
    """Restore ``archive`` into this installation; returns the number of chunks restored."""
    if not archive.is_file():
        raise RegistryError(f"{archive}: no such backup file")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(work, filter="data")
            manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
        except (tarfile.TarError, OSError, ValueError) as exc:
            raise RegistryError(f"{archive}: not a tiekartta backup ({exc})") from None
        if manifest.get("format") != FORMAT:
            raise RegistryError(f"{archive}: backup format {manifest.get('format')} is unknown")
        if manifest.get("embeddings") != parts.settings.embeddings:
            raise RegistryError(
                f"{archive}: its vectors come from '{manifest.get('embeddings')}', this "
                f"installation embeds with '{parts.settings.embeddings}'"
            )
        if parts.vectors.count() and not replace:
            raise RegistryError(
                "this installation already holds documents; restore into an empty one "
                "or pass --replace"
            )
        with Database(work / "registry.sqlite3") as saved:
            copy_database(saved, parts.registry.db, replace=replace)
        restored = 0
        with parts.vectors.writing():
            # --replace: start from an empty index.
            for doc_id in sorted({c.doc_id for c in parts.vectors.all_chunks()}):
                parts.vectors.delete_document(doc_id)
            batch: list[tuple[Chunk, list[float]]] = []
            with (work / "vectors.jsonl").open(encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    batch.append((Chunk(**record["chunk"]), record["vector"]))
                    if len(batch) == _BATCH:
                        restored += _add(parts, batch)
                        batch = []
            restored += _add(parts, batch)
            parts.lexical.rebuild(parts.vectors.all_chunks())
        files = work / "files"
        if files.is_dir():
            for path in files.iterdir():
                target = parts.settings.data_dir / path.name
                if target.is_dir():
                    shutil.rmtree(target)
                shutil.move(str(path), target)
    return restored


def _add(parts: Parts, batch: list[tuple[Chunk, list[float]]]) -> int:
    if batch:
        parts.vectors.add([c for c, _ in batch], [v for _, v in batch])
    return len(batch)
