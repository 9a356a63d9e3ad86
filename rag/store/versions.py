"""Language versions of the same item: document vectors and fi/sv links in the registry.

The City publishes most decisions in Finnish and Swedish. The two versions are separate
documents; a link between them lets a search show one item with both versions and an answer
quote the version in the asker's language. Links are stored in both directions and disappear
with either document (ON DELETE CASCADE).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rag.store.db import Store


@dataclass(frozen=True)
class VersionLink:
    """`other_id` is a version of `doc_id` in another language."""

    doc_id: str
    other_id: str
    # "same_item" (body, date, § / record number) | "similar" (embedding + date)
    # | "same_id" (one Dynasty meeting-item id on two language sites, linked by the sync)
    reason: str
    score: float  # cosine of the document vectors (1.0 for same_item without vectors)


@dataclass(frozen=True)
class DocumentVector:
    doc_id: str
    language: str | None
    date: str | None
    vector: np.ndarray
    url: str | None = None  # the document's address (from `documents`)


class VersionStore(Store):
    """Tables `document_vectors` and `document_versions` (see schema.py)."""

    def put_document_vector(
        self, doc_id: str, language: str | None, date: str | None, vector: np.ndarray
    ) -> None:
        blob = np.asarray(vector, dtype=np.float32).tobytes()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO document_vectors (doc_id, language, date, vector) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (doc_id) DO UPDATE SET language = excluded.language,"
                " date = excluded.date, vector = excluded.vector",
                (doc_id, language, date, blob),
            )

    def document_vectors(self) -> list[DocumentVector]:
        rows = self._read(
            "SELECT v.doc_id, v.language, v.date, v.vector, d.url FROM document_vectors v"
            " JOIN documents d USING (doc_id)"
        )
        return [
            DocumentVector(
                r["doc_id"],
                r["language"],
                r["date"],
                np.frombuffer(r["vector"], np.float32),
                r["url"],
            )
            for r in rows
        ]

    def documents_without_vector(self) -> list[str]:
        """Documents ingested before linking existed (or whose vector was never stored)."""
        rows = self._read(
            "SELECT d.doc_id FROM documents d LEFT JOIN document_vectors v USING (doc_id)"
            " WHERE v.doc_id IS NULL ORDER BY d.doc_id"
        )
        return [r[0] for r in rows]

    def replace_versions(self, doc_id: str, links: list[VersionLink]) -> None:
        """Forget every link of `doc_id` and store the given ones (both directions)."""
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM document_versions WHERE doc_id = ? OR other_id = ?", (doc_id, doc_id)
            )
            for link in links:
                for a, b in ((link.doc_id, link.other_id), (link.other_id, link.doc_id)):
                    conn.execute(
                        "INSERT INTO document_versions (doc_id, other_id, reason, score)"
                        " VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, other_id) DO UPDATE SET"
                        " reason = excluded.reason, score = excluded.score",
                        (a, b, link.reason, link.score),
                    )

    def versions_of(self, doc_ids: list[str]) -> dict[str, list[VersionLink]]:
        """Links of the given documents, best first; documents without links are left out."""
        if not doc_ids:
            return {}
        out: dict[str, list[VersionLink]] = {}
        for start in range(0, len(doc_ids), 500):  # SQLite's host-parameter limit
            part = doc_ids[start : start + 500]
            rows = self._read(
                "SELECT doc_id, other_id, reason, score FROM document_versions"
                f" WHERE doc_id IN ({', '.join('?' * len(part))}) ORDER BY score DESC",
                part,
            )
            for r in rows:
                out.setdefault(r["doc_id"], []).append(
                    VersionLink(r["doc_id"], r["other_id"], r["reason"], float(r["score"]))
                )
        return out

    def all_versions(self) -> list[VersionLink]:
        rows = self._read(
            "SELECT doc_id, other_id, reason, score FROM document_versions"
            " WHERE doc_id < other_id ORDER BY doc_id"
        )
        return [VersionLink(r[0], r[1], r[2], float(r[3])) for r in rows]

    def item_keys(self) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
        """(doc_id, body, meeting_date, section, record_number) of every minutes item."""
        rows = self._read(
            "SELECT doc_id, body, meeting_date, section, record_number FROM minutes_items"
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
