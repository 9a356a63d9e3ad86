"""What the source sync remembers between runs, in its own SQLite file (``sync.sqlite3``).

- ``http_cache``: per URL the validators (ETag, Last-Modified) and the file holding the last
  body, so the next run asks "changed since?" and a 304 answer still has the page to read.
- ``source_items``: per source and item key (a meeting-item id, a URL, a relative path) the
  fingerprint of what was ingested and the document ids it became, so changes and removals at
  the source reach the index.

Kept apart from the registry so that the registry's schema and the sync's cache can change
independently; deleting the file only costs one full (unconditional) sync.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rag.store.db import Database, Migration, RegistryError, now_iso

SYNC_MIGRATIONS: tuple[Migration, ...] = (
    (  # 1
        """CREATE TABLE http_cache (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            body_file TEXT NOT NULL,
            content_type TEXT,
            fetched_at TEXT NOT NULL)""",
        """CREATE TABLE source_items (
            source TEXT NOT NULL,
            item_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            doc_ids_json TEXT NOT NULL DEFAULT '[]',
            extra_json TEXT NOT NULL DEFAULT '{}',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (source, item_key))""",
    ),
)


@dataclass(frozen=True)
class CachedResponse:
    url: str
    etag: str | None
    last_modified: str | None
    body_file: Path
    content_type: str | None


@dataclass
class SourceItem:
    """One item of a source as last ingested."""

    source: str
    key: str
    fingerprint: str
    doc_ids: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


class SyncState(Database):
    """The sync's cache and item table (thread-safe like the registry)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self._migrate(SYNC_MIGRATIONS)
        except Exception as exc:
            self.close()
            raise RegistryError(f"cannot open sync state {self.path}: {exc}") from exc

    # -- HTTP cache ---------------------------------------------------------------------------
    def cached(self, url: str) -> CachedResponse | None:
        rows = self._read("SELECT * FROM http_cache WHERE url = ?", (url,))
        if not rows:
            return None
        r = rows[0]
        return CachedResponse(
            r["url"], r["etag"], r["last_modified"], Path(r["body_file"]), r["content_type"]
        )

    def remember(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        body_file: Path,
        content_type: str | None,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO http_cache (url, etag, last_modified, body_file, content_type,"
                " fetched_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
                " etag = excluded.etag, last_modified = excluded.last_modified,"
                " body_file = excluded.body_file, content_type = excluded.content_type,"
                " fetched_at = excluded.fetched_at",
                (url, etag, last_modified, str(body_file), content_type, now_iso()),
            )

    def forget_url(self, url: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM http_cache WHERE url = ?", (url,))

    # -- source items -------------------------------------------------------------------------
    def items(self, source: str) -> dict[str, SourceItem]:
        rows = self._read("SELECT * FROM source_items WHERE source = ?", (source,))
        return {
            r["item_key"]: SourceItem(
                source,
                r["item_key"],
                r["fingerprint"],
                json.loads(r["doc_ids_json"]),
                json.loads(r["extra_json"]),
            )
            for r in rows
        }

    def put_item(self, item: SourceItem) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO source_items (source, item_key, fingerprint, doc_ids_json,"
                " extra_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (source, item_key) DO UPDATE SET"
                " fingerprint = excluded.fingerprint, doc_ids_json = excluded.doc_ids_json,"
                " extra_json = excluded.extra_json, updated_at = excluded.updated_at",
                (
                    item.source,
                    item.key,
                    item.fingerprint,
                    json.dumps(item.doc_ids),
                    json.dumps(item.extra, ensure_ascii=False),
                    now_iso(),
                ),
            )

    def delete_item(self, source: str, key: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM source_items WHERE source = ? AND item_key = ?", (source, key)
            )

    def delete_source(self, source: str) -> list[str]:
        """Forget a source's items; returns the document ids they had become."""
        doc_ids = [d for item in self.items(source).values() for d in item.doc_ids]
        with self.transaction() as conn:
            conn.execute("DELETE FROM source_items WHERE source = ?", (source,))
        return doc_ids
