"""Linking the Finnish and Swedish (or English) versions of the same item at ingest.

Two documents in different languages are versions of one item when
- they hold the same minutes item: same meeting date and the same record number, or the same
  body (Kaupunginhallitus = Stadsstyrelsen) and § number; or
- their document vectors (normalised mean of the chunk vectors, multilingual e5) are nearly
  identical: cosine >= `dated_threshold` with the same date, or >= `undated_threshold` when
  neither states a date. Documents with two different dates are never linked by meaning:
  the City's weekly decision pages look alike from week to week.

The thresholds were measured on ../shared/data/corpus with bench/version_links.py (README).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rag.store.versions import VersionLink, VersionStore

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


def document_vector(chunk_vectors: Sequence[Sequence[float]]) -> np.ndarray:
    """Normalised mean of a document's chunk vectors."""
    matrix = np.asarray(chunk_vectors, dtype=np.float32)
    mean = matrix.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


@dataclass
class VersionLinker:
    """Finds and stores the language versions of newly ingested documents."""

    store: VersionStore
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
                    if other.doc_id in links or not self._dates_allow(
                        me.date, other.date, float(sims[j])
                    ):
                        continue
                    lang = other.language or ""
                    if lang not in best_per_language or best_per_language[lang].score < sims[j]:
                        best_per_language[lang] = VersionLink(
                            doc_id, other.doc_id, "similar", round(float(sims[j]), 4)
                        )
                for link in best_per_language.values():
                    links[link.other_id] = link
            self.store.replace_versions(doc_id, list(links.values()))
            found.extend(links.values())
        return found

    def _dates_allow(self, a: str | None, b: str | None, cosine: float) -> bool:
        if a and b:
            return a[:10] == b[:10] and cosine >= self.dated_threshold
        if not a and not b:
            return cosine >= self.undated_threshold
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
