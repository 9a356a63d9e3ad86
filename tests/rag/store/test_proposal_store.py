"""The proposals store: classifications per job, decisions, the review queue."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.classify.batch_io import text_hash
from rag.store.proposals import ProposalResult
from rag.store.registry import Registry, RegistryError

LABELS = ("a", "b", "c", "none")


def item(
    pid: str, text: str, review: bool = False, labels: list[str] | None = None
) -> ProposalResult:
    labels = labels or ["a"]
    return ProposalResult(
        proposal_id=pid,
        text_hash=text_hash(text),
        text=text,
        language="fi",
        labels=labels,
        primary=labels[0],
        confidence=0.4 if review else 0.9,
        reason="lähin: esimerkki",
        needs_review=review,
        mode="offline",
        scores={"a": 0.9},
    )


def test_classifications_decisions_and_queue(tmp_path: Path) -> None:
    registry = Registry(tmp_path / "r.sqlite3")
    registry.proposals.store_classifications(
        [item("p1", "Sähköinen lomake"), item("p2", "Penkki puistoon", review=True)],
        source="in.csv",
        job_id="job1",
    )
    registry.proposals.store_classifications(
        [item("p3", "Chat-palvelu", review=True)], source="api"
    )
    assert set(registry.proposals.job_proposals("job1")) == {"p1", "p2"}
    assert registry.proposals.count_proposals() == 3
    queue = registry.proposals.list_proposals(needs_review=True)
    assert {p.proposal_id for p in queue} == {"p2", "p3"}

    version = registry.proposals.decisions_version()
    decision = registry.proposals.add_decision(
        "p2", ["none"], None, "key123", LABELS, note="ei digiä"
    )
    assert (decision.primary, decision.actor, decision.text) == (
        "none",
        "key123",
        "Penkki puistoon",
    )
    assert registry.proposals.decisions_version() > version
    assert [p.proposal_id for p in registry.proposals.list_proposals(needs_review=True)] == ["p3"]
    stored = registry.proposals.get_proposal("p2")
    assert stored is not None and stored.decision is not None
    assert stored.decision.labels == ["none"] and stored.scores == {"a": 0.9}

    # A later decision replaces the earlier one as the one that counts.
    registry.proposals.add_decision("p2", ["a", "b"], "b", "key456", LABELS)
    latest = registry.proposals.decisions()
    assert [(d.proposal_id, d.labels, d.primary) for d in latest] == [("p2", ["a", "b"], "b")]

    # Re-imported with another text: the old decision no longer settles it.
    registry.proposals.store_classifications(
        [item("p2", "Penkki ja QR-koodi puistoon", review=True)], source="in2.csv", job_id="job2"
    )
    assert {p.proposal_id for p in registry.proposals.list_proposals(needs_review=True)} == {
        "p2",
        "p3",
    }
    assert registry.proposals.job_proposals("job1").keys() == {"p1"}


@pytest.mark.parametrize(
    ("labels", "primary", "problem"),
    [
        ([], None, "at least one label"),
        (["d"], None, "unknown label"),
        (["a", "a"], None, "repeated"),
        (["a", "none"], None, "cannot be combined"),
        (["a", "b"], "c", "not among"),
    ],
)
def test_bad_decisions_are_refused(
    tmp_path: Path, labels: list[str], primary: str | None, problem: str
) -> None:
    registry = Registry(tmp_path / "r.sqlite3")
    registry.proposals.store_classifications([item("p1", "Teksti")], source="api")
    with pytest.raises(RegistryError, match=problem):
        registry.proposals.add_decision("p1", labels, primary, "cli", LABELS)
    with pytest.raises(RegistryError, match="unknown proposal"):
        registry.proposals.add_decision("nope", ["a"], None, "cli", LABELS)
    assert registry.proposals.decisions() == []
