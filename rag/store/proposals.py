"""Classified proposals, people's decisions on them, and the review queue (registry mixin).

``proposals`` holds the latest classification of each proposal id, with the job that made it:
a batch job that is killed and resumed skips every row its earlier run already stored.
``proposal_decisions`` is append-only (who decided what, when); the latest decision per
proposal is the one that counts, and it becomes a labelled example for the next run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rag.store.db import RegistryError, Store, now_iso, to_json
from rag.store.rows import from_row


@dataclass
class StoredProposal:
    """A proposal with its latest classification (and the latest decision, if any)."""

    proposal_id: str
    source: str
    job_id: str | None
    text_hash: str
    text: str
    language: str | None
    labels: list[str]
    primary: str
    confidence: float
    reason: str
    needs_review: bool
    mode: str
    classified_at: str
    scores: dict[str, float] = field(default_factory=dict)
    decision: Decision | None = None


@dataclass(frozen=True)
class Decision:
    """A person's labels for a proposal."""

    decision_id: int
    proposal_id: str
    labels: list[str]
    primary: str
    actor: str  # key id, or "cli"
    at: str
    note: str
    text: str  # the text decided on (the proposal may later be re-imported with another text)
    language: str | None


@dataclass(frozen=True)
class ProposalResult:
    """What to store for one classified proposal."""

    proposal_id: str
    text_hash: str
    text: str
    language: str | None
    labels: list[str]
    primary: str
    confidence: float
    reason: str
    needs_review: bool
    mode: str
    scores: dict[str, float] = field(default_factory=dict)


_COLUMNS = (
    "proposal_id, source, job_id, text_hash, text, language, labels_json, primary_label,"
    " confidence, reason, needs_review, mode, scores_json, classified_at"
)
# The latest decision per proposal (decision ids grow with time).
_LATEST_DECISION = (
    "SELECT d.* FROM proposal_decisions d WHERE d.decision_id ="
    " (SELECT MAX(decision_id) FROM proposal_decisions WHERE proposal_id = d.proposal_id)"
)


def check_labels(labels: Sequence[str], primary: str | None, allowed: Sequence[str]) -> str:
    """Validate a person's labels; returns the primary label (default: the first label)."""
    labels = list(labels)
    if not labels:
        raise RegistryError("a decision needs at least one label")
    unknown = [label for label in labels if label not in allowed]
    if unknown:
        raise RegistryError(f"unknown label(s) {', '.join(unknown)}: use {', '.join(allowed)}")
    if len(set(labels)) != len(labels):
        raise RegistryError(f"repeated label in {', '.join(labels)}")
    if "none" in labels and len(labels) > 1:
        raise RegistryError("'none' cannot be combined with a theme")
    primary = primary or labels[0]
    if primary not in labels:
        raise RegistryError(f"the primary label '{primary}' is not among {', '.join(labels)}")
    return primary


class ProposalStore(Store):
    """Proposal methods of the registry (held by :class:`rag.store.registry.Registry`)."""

    def store_classifications(
        self, results: Sequence[ProposalResult], source: str, job_id: str | None = None
    ) -> None:
        """Store (or replace) the classification of each proposal, all in one transaction."""
        at = now_iso()
        names = [c.strip() for c in _COLUMNS.split(",")]
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "proposal_id")
        with self.transaction() as conn:
            conn.executemany(
                f"INSERT INTO proposals ({_COLUMNS}) VALUES ({', '.join('?' * len(names))})"
                f" ON CONFLICT (proposal_id) DO UPDATE SET {updates}",
                [
                    (
                        r.proposal_id,
                        source,
                        job_id,
                        r.text_hash,  # of the raw text, so a re-import is still recognised
                        self._text_to_store(r.text),
                        r.language,
                        json.dumps(r.labels),
                        r.primary,
                        float(r.confidence),
                        self._text_to_store(r.reason),
                        int(r.needs_review),
                        r.mode,
                        to_json(r.scores),
                        at,
                    )
                    for r in results
                ],
            )

    def get_proposal(self, proposal_id: str) -> StoredProposal | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM proposals WHERE proposal_id = ?", (proposal_id,))
        if not rows:
            return None
        proposal = from_row(StoredProposal, rows[0], primary="primary_label")
        proposal.decision = self.latest_decision(proposal_id)
        return proposal

    def job_proposals(self, job_id: str) -> dict[str, StoredProposal]:
        """Proposals whose stored classification was made by ``job_id`` (its checkpoints)."""
        rows = self._read(f"SELECT {_COLUMNS} FROM proposals WHERE job_id = ?", (job_id,))
        return {
            r["proposal_id"]: from_row(StoredProposal, r, primary="primary_label") for r in rows
        }

    def list_proposals(
        self, needs_review: bool = False, limit: int = 100, offset: int = 0
    ) -> list[StoredProposal]:
        """Newest first. ``needs_review``: only the queue (flagged and not decided since)."""
        sql = f"SELECT {_COLUMNS} FROM proposals p"
        if needs_review:
            # A decision on the same text settles the item; one on an older text does not.
            sql += (
                " WHERE p.needs_review = 1 AND NOT EXISTS (SELECT 1 FROM proposal_decisions d"
                " WHERE d.proposal_id = p.proposal_id AND d.text_hash = p.text_hash)"
            )
        sql += " ORDER BY p.classified_at DESC, p.proposal_id LIMIT ? OFFSET ?"
        proposals = [
            from_row(StoredProposal, r, primary="primary_label")
            for r in self._read(sql, (max(0, limit), max(0, offset)))
        ]
        decisions = self._latest_decisions([p.proposal_id for p in proposals])
        for proposal in proposals:
            proposal.decision = decisions.get(proposal.proposal_id)
        return proposals

    def count_proposals(self) -> int:
        return int(self._read("SELECT COUNT(*) FROM proposals")[0][0])

    def add_decision(
        self,
        proposal_id: str,
        labels: Sequence[str],
        primary: str | None,
        actor: str,
        allowed_labels: Sequence[str],
        note: str = "",
    ) -> Decision:
        """Record a person's labels for a stored proposal (RegistryError if unknown/invalid)."""
        primary = check_labels(labels, primary, allowed_labels)
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT text, text_hash, language FROM proposals WHERE proposal_id = ?",
                (proposal_id,),
            ).fetchone()
            if row is None:
                raise RegistryError(f"unknown proposal id '{proposal_id}'")
            cur = conn.execute(
                "INSERT INTO proposal_decisions (proposal_id, labels_json, primary_label, actor,"
                " at, note, text, text_hash, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING decision_id",
                (
                    proposal_id,
                    json.dumps(list(labels)),
                    primary,
                    actor,
                    now_iso(),
                    self._text_to_store(note),
                    row["text"],
                    row["text_hash"],
                    row["language"],
                ),
            )
            decision_id = int(cur.scalar())
        decision = self.latest_decision(proposal_id)
        assert decision is not None and decision.decision_id == decision_id
        return decision

    def latest_decision(self, proposal_id: str) -> Decision | None:
        return self._latest_decisions([proposal_id]).get(proposal_id)

    def _latest_decisions(self, proposal_ids: list[str]) -> dict[str, Decision]:
        if not proposal_ids:
            return {}
        marks = ", ".join("?" * len(proposal_ids))
        rows = self._read(f"{_LATEST_DECISION} AND d.proposal_id IN ({marks})", proposal_ids)
        return {r["proposal_id"]: from_row(Decision, r, primary="primary_label") for r in rows}

    def decisions(self) -> list[Decision]:
        """The latest decision of every decided proposal, oldest first."""
        rows = self._read(_LATEST_DECISION + " ORDER BY d.decision_id")
        return [from_row(Decision, r, primary="primary_label") for r in rows]

    def decisions_version(self) -> int:
        """Grows with every decision: a classifier built on older decisions is out of date."""
        return int(self._read("SELECT COALESCE(MAX(decision_id), 0) FROM proposal_decisions")[0][0])

    def mask_texts(self, before: str, mask: Callable[[str], str], since: str | None = None) -> int:
        """Pass proposal texts and reasons classified, and decision texts and notes made,
        before ``before`` (UTC ISO; and not before ``since``) through ``mask`` (the fields
        written masked with retention 0); returns how many rows changed. ``text_hash`` keeps
        the raw text's hash, so a re-import of the same file is still recognised and
        decisions still match."""
        return self._mask_aged_text(
            "proposals", "proposal_id", ("text", "reason"), "classified_at", before, mask, since
        ) + self._mask_aged_text(
            "proposal_decisions", "decision_id", ("text", "note"), "at", before, mask, since
        )
