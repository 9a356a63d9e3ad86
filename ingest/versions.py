"""Linking the Finnish and Swedish (or English) versions of the same item at ingest.

Two documents in different languages are versions of one item when
- they hold the same minutes item: same meeting date and the same record number, or the same
  body (Kaupunginhallitus = Stadsstyrelsen) and § number; or
- their document vectors (normalised mean of the chunk vectors, multilingual e5) are nearly
  identical and each is the other's best match in its language: cosine >= `dated_threshold`
  with the same date, or >= `undated_threshold` when neither states a date and both were
  published on the same web site. Documents with two different dates are never linked by
  meaning (the City's weekly decision pages look alike from week to week), nor undated texts
  without a common site (short citizen proposals on one theme look alike across languages).

The thresholds were measured on ../shared/data/corpus with bench/version_links.py (README).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from rag.store.protocols import VersionRecords
from rag.store.versions import DocumentVector, VersionLink

# Decision bodies under their Finnish and Swedish names, reduced to one key.
_BODY_KEYS = {
    "kaupunginhallitus": "city_board",
    "stadsstyrelsen": "city_board",
    "kaupunginvaltuusto": "city_council",
    "stadsfullmäktige": "city_council",
    "tarkastuslautakunta": "audit_committee",
    "revisionsnämnden": "audit_committee",
    "sivistyslautakunta": "education_committee",
    "bildningsnämnden": "education_committee",
    "ympäristölautakunta": "environment_committee",
    "miljönämnden": "environment_committee",
    "tekninen lautakunta": "technical_committee",
    "tekniska nämnden": "technical_committee",
    "konsernijaosto": "group_division",
    "koncernsektionen": "group_division",
}


def body_key(body: str | None) -> str | None:
    if not body:
        return None
    name = re.sub(r"\s+", " ", body.strip().casefold())
    return _BODY_KEYS.get(name, name)


def site(url: str | None) -> str:
    """The host of a document's address ('' when it has none)."""
    return (urlparse(url).hostname or "").removeprefix("www.") if url else ""


def document_vector(chunk_vectors: Sequence[Sequence[float]]) -> np.ndarray:
    """Normalised mean of a document's chunk vectors."""
    matrix = np.asarray(chunk_vectors, dtype=np.float32)
    mean = matrix.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


@dataclass
class VersionLinker:
    """Finds and stores the language versions of newly ingested documents."""

    store: VersionRecords
    # Measured on the dev corpus (bench/version_links.py): the four true versions have cosine
    # 0.900-0.916, the best look-alike allowed by the date rule 0.876; 0.89 sits in the gap.
    dated_threshold: float = 0.89
    undated_threshold: float = 0.89

    def link(self, doc_ids: Sequence[str]) -> list[VersionLink]:
        """Recompute the links of `doc_ids` against every stored document; returns them."""
        if not doc_ids:
            return []
        stored = self.store.document_vectors()
        ids = [v.doc_id for v in stored]
        position = {doc_id: i for i, doc_id in enumerate(ids)}
        matrix = np.stack([v.vector for v in stored]) if stored else np.zeros((0, 1), np.float32)
        same_item = self._same_item_pairs()
        found: list[VersionLink] = []
        for doc_id in doc_ids:
            links: dict[str, VersionLink] = {}
            i = position.get(doc_id)
            if i is not None:
                me = stored[i]
                sims = matrix @ me.vector
                for other_id in same_item.get(doc_id, ()):
                    at = position.get(other_id)
                    if at is not None and stored[at].language == me.language:
                        continue  # the agenda and the minutes of one item: copies, not versions
                    score = round(float(sims[at]), 4) if at is not None else 1.0
                    links[other_id] = VersionLink(doc_id, other_id, "same_item", score)
                best_per_language: dict[str, VersionLink] = {}
                floor = min(self.dated_threshold, self.undated_threshold)
                for j in (int(n) for n in np.flatnonzero(sims >= floor)):
                    other = stored[j]
                    if other.doc_id == doc_id or other.language == me.language:
                        continue
                    if other.doc_id in links or not self._allowed(me, other, float(sims[j])):
                        continue
                    lang = other.language or ""
                    if lang not in best_per_language or best_per_language[lang].score < sims[j]:
                        best_per_language[lang] = VersionLink(
                            doc_id, other.doc_id, "similar", round(float(sims[j]), 4)
                        )
                # Mutual best only: a short generic text is close to many others, and each of
                # them alone would pick it (measured on the haystack: one English proposal
                # drew 200 links before this rule).
                for lang, link in list(best_per_language.items()):
                    other = stored[position[link.other_id]]
                    if self._best_partner(other, me.language, stored, matrix) != doc_id:
                        del best_per_language[lang]
                for link in best_per_language.values():
                    links[link.other_id] = link
            self.store.replace_versions(doc_id, list(links.values()))
            found.extend(links.values())
        return found

    def _best_partner(
        self,
        doc: DocumentVector,
        language: str | None,
        stored: list[DocumentVector],
        matrix: np.ndarray,
    ) -> str | None:
        """The document in `language` that `doc` would link to by meaning."""
        sims = matrix @ doc.vector
        best: tuple[float, str | None] = (-1.0, None)
        for j in np.flatnonzero(sims >= min(self.dated_threshold, self.undated_threshold)):
            other = stored[int(j)]
            if other.language != language or other.doc_id == doc.doc_id:
                continue
            if self._allowed(doc, other, float(sims[j])) and sims[j] > best[0]:
                best = (float(sims[j]), other.doc_id)
        return best[1]

    def _allowed(self, a: DocumentVector, b: DocumentVector, cosine: float) -> bool:
        if a.date and b.date:
            return a.date[:10] == b.date[:10] and cosine >= self.dated_threshold
        if not a.date and not b.date:
            return (
                cosine >= self.undated_threshold
                and bool(site(a.url))
                and site(a.url) == site(b.url)
            )
        return False  # one dated, one not: too weak a sign for two different pages

    def _same_item_pairs(self) -> dict[str, set[str]]:
        """Documents sharing a minutes item (date + record number, or date + body + §)."""
        groups: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for doc_id, body, meeting_date, section, record in self.store.item_keys():
            if not meeting_date:
                continue
            if record:
                groups[("record", meeting_date, record)].add(doc_id)
            key = body_key(body)
            if key and section:
                groups[("section", meeting_date, key, section)].add(doc_id)
        pairs: dict[str, set[str]] = defaultdict(set)
        for members in groups.values():
            if 1 < len(members) <= 4:  # more copies than versions: an agenda reprinted widely
                for doc_id in members:
                    pairs[doc_id] |= members - {doc_id}
        return pairs
