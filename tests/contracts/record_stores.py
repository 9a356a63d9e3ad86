"""The contract every registry backend keeps (written once, subclassed per database in
test_record_stores.py): each record store stores and returns its rows unchanged, deletes
cascade, ids grow, transactions are all or nothing, and concurrent writers all land."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from rag.core.documents import MinutesItem, MinutesItemPart
from rag.core.privacy import mask_pii
from rag.draft.review import DraftReview
from rag.store.db import iso_utc
from rag.store.registry import DocumentRecord, Registry, RegistryError
from rag.store.versions import VersionLink
from tests.rag.store.test_drafts_store import PUBLIC_DOC, make_content
from tests.rag.store.test_proposal_store import LABELS, item


class RecordStoreContract:
    @pytest.fixture
    def target(self) -> str:
        """A path or URL of an empty database (a subclass provides it)."""
        raise NotImplementedError

    @pytest.fixture
    def reg(self, target: str) -> Iterator[Registry]:
        registry = Registry(target)
        yield registry
        registry.close()

    def test_documents_and_items_round_trip_and_cascade(self, reg: Registry) -> None:
        doc = DocumentRecord(
            "kh-1",
            "kh.pdf",
            "h1",
            title="Kaupunginhallitus ÅÄÖ",
            date="2024-01-22",
            access="internal",
            extra={"pages": 3, "nested": {"ä": [1, 2]}},
        )
        stored = reg.documents.upsert_document(doc)
        assert reg.documents.get_document("kh-1") == stored
        part = MinutesItemPart("decision", 10, 20)
        reg.documents.replace_items(
            "kh-1", [MinutesItem(section="25", pages=[1, 2], parts=[part]), MinutesItem()]
        )
        items = reg.documents.items_for("kh-1")
        assert [i.section for i in items] == ["25", None]
        assert items[0].pages == [1, 2] and items[0].parts == [part]
        assert reg.documents.list_documents({"public"}) == []
        assert reg.documents.delete_document("kh-1")
        assert reg.documents.items_for("kh-1") == []  # ON DELETE CASCADE
        assert not reg.documents.delete_document("kh-1")

    def test_ingest_markers(self, reg: Registry) -> None:
        reg.documents.begin_ingest("d", "h2")
        assert reg.documents.pending_documents() == ["d"]
        assert reg.documents.document_hash("d") is None
        reg.documents.upsert_document(DocumentRecord("d", "d.txt", "h2"))
        reg.documents.finish_ingest("d")
        assert reg.documents.document_hash("d") == "h2"
        assert not reg.documents.is_pending("d")

    def test_transaction_is_all_or_nothing(self, reg: Registry) -> None:
        with pytest.raises(RuntimeError):
            with reg.transaction():
                reg.audit.log_event("cli", "first")
                reg.documents.upsert_document(DocumentRecord("x", "x.txt", "h"))
                raise RuntimeError("stop")
        assert reg.audit.list_events() == []
        assert reg.documents.get_document("x") is None

    def test_keys(self, reg: Registry) -> None:
        created = reg.keys.create_key("editor", label="Lea")
        verified = reg.keys.verify_key(created.secret)
        assert verified is not None and verified.key_id == created.key.key_id
        assert reg.keys.verify_key(created.secret + "x") is None
        assert reg.keys.revoke_key(created.key.key_id)
        assert reg.keys.verify_key(created.secret) is None
        [listed] = reg.keys.list_keys()
        assert listed.revoked

    def test_audit_ids_grow_and_purge_by_age(self, reg: Registry) -> None:
        first = reg.audit.log_event("k1", "ask", {"q": "Mikä on digiohjelma?", "n": 1})
        second = reg.audit.log_event("k2", "ingest")
        assert second.event_id > first.event_id
        assert [e.action for e in reg.audit.list_events()] == ["ingest", "ask"]
        assert reg.audit.list_events(actor="k1")[0].detail == {"q": "Mikä on digiohjelma?", "n": 1}
        later = datetime.now(UTC) + timedelta(days=400)
        assert reg.audit.purge_events(365, now=later) == 2

    def test_conversations(self, reg: Registry) -> None:
        conv = reg.conversations.create_conversation("k1")
        reg.conversations.add_turn(conv, "user", "Mitä päätettiin?")
        turn = reg.conversations.add_turn(conv, "assistant", "Näin.", {"citations": [1]})
        assert [t.text for t in reg.conversations.get_turns(conv)] == ["Mitä päätettiin?", "Näin."]
        reg.feedback.add_feedback(conv, turn.turn_id, "k1", 1, "hyvä")
        assert [f.rating for f in reg.feedback.list_feedback()] == [1]
        with pytest.raises(RegistryError):
            reg.conversations.add_turn("missing", "user", "x")

    def test_jobs(self, reg: Registry) -> None:
        job = reg.jobs.create_job("classify", "cli", {"file": "a.csv"})
        assert [j.job_id for j in reg.jobs.unfinished_jobs()] == [job.job_id]
        reg.jobs.start_job(job.job_id)
        reg.jobs.update_job_progress(job.job_id, 5, 10)
        done = reg.jobs.finish_job(job.job_id, {"rows": 10})
        assert (done.status, done.done, done.total, done.result) == ("done", 5, 10, {"rows": 10})
        assert reg.jobs.unfinished_jobs() == []

    def test_jobs_finished_before_a_time(self, reg: Registry) -> None:
        done, failed, running, _queued = (
            reg.jobs.create_job("classify", "cli", {"n": n}) for n in range(4)
        )
        other = reg.jobs.create_job("sync", "cli", {})
        for job in (done, other):
            reg.jobs.finish_job(job.job_id, {})
        reg.jobs.fail_job(failed.job_id, "broken")
        reg.jobs.start_job(running.job_id)
        later = iso_utc(datetime.now(UTC) + timedelta(seconds=5))
        ended = reg.jobs.jobs_finished_before(later, ["classify", "classify-cli"])
        assert {j.job_id for j in ended} == {done.job_id, failed.job_id}  # never the unfinished
        assert [j.job_id for j in reg.jobs.jobs_finished_before(later, ["sync"])] == [other.job_id]
        assert reg.jobs.jobs_finished_before(later, []) == []
        earlier = iso_utc(datetime.now(UTC) - timedelta(days=1))
        assert reg.jobs.jobs_finished_before(earlier, ["classify", "sync"]) == []

    def test_proposals_and_decisions(self, reg: Registry) -> None:
        reg.proposals.store_classifications(
            [item("p1", "Lisää sähköisiä palveluita"), item("p2", "Pyöräteitä", review=True)],
            "omastadi.csv",
            job_id="j1",
        )
        assert reg.proposals.count_proposals() == 2
        assert set(reg.proposals.job_proposals("j1")) == {"p1", "p2"}
        assert [p.proposal_id for p in reg.proposals.list_proposals(needs_review=True)] == ["p2"]
        decision = reg.proposals.add_decision("p2", ["b"], "b", "k1", LABELS)
        assert reg.proposals.latest_decision("p2") == decision

    def test_masking_changes_only_rows_older_than_the_cutoff_once(self, reg: Registry) -> None:
        raw = "Soita 040 123 4567 tai anna.virtanen@example.fi"
        masked = mask_pii(raw).text
        reg.audit.log_event("k1", "ask", {"question": raw, "n": 1, "sources": [{"c": raw}]})

        conv = reg.conversations.create_conversation("k1")
        reg.conversations.add_turn(conv, "user", raw)
        reg.conversations.add_turn(conv, "assistant", "Ei henkilötietoja.")
        reg.proposals.store_classifications([item("p1", raw)], "omastadi.csv")
        reg.proposals.add_decision("p1", ["a"], "a", "k1", LABELS)

        def mask(text: str) -> str:
            return mask_pii(text).text

        def mask_detail(detail: dict[str, object]) -> dict[str, object]:
            return {**detail, "question": mask(str(detail["question"]))}

        past = iso_utc(datetime.now(UTC) - timedelta(days=1))
        assert reg.audit.mask_events(past, mask_detail) == 0
        assert reg.conversations.mask_turns(past, mask) == 0
        assert reg.proposals.mask_texts(past, mask) == 0
        assert reg.proposals.get_proposal("p1").text == raw  # type: ignore[union-attr]

        future = iso_utc(datetime.now(UTC) + timedelta(days=1))
        assert reg.audit.mask_events(future, mask_detail) == 1
        assert reg.conversations.mask_turns(future, mask) == 1  # the answer held nothing
        assert reg.proposals.mask_texts(future, mask) == 2  # the proposal and its decision
        assert reg.audit.list_events()[0].detail == {
            "question": masked,
            "n": 1,
            "sources": [{"c": raw}],
        }
        assert [t.text for t in reg.conversations.get_turns(conv)] == [masked, "Ei henkilötietoja."]
        stored = reg.proposals.get_proposal("p1")
        assert stored is not None and stored.decision is not None
        assert stored.text == masked and stored.decision.text == masked
        assert stored.text_hash == item("p1", raw).text_hash  # a re-import is still recognised
        # A second run finds nothing left to mask.
        assert reg.audit.mask_events(future, mask_detail) == 0
        assert reg.conversations.mask_turns(future, mask) == 0
        assert reg.proposals.mask_texts(future, mask) == 0
        # With ``since``, only rows from then on are read: new raw rows before it stay.
        reg.audit.log_event("k1", "ask", {"question": raw})
        reg.conversations.add_turn(conv, "user", raw)
        reg.proposals.store_classifications([item("p2", raw)], "omastadi.csv")
        assert reg.audit.mask_events(future, mask_detail, since=future) == 0
        assert reg.conversations.mask_turns(future, mask, since=future) == 0
        assert reg.proposals.mask_texts(future, mask, since=future) == 0
        assert reg.audit.mask_events(future, mask_detail, since=past) == 1
        assert reg.conversations.mask_turns(future, mask, since=past) == 1
        assert reg.proposals.mask_texts(future, mask, since=past) == 1

    def test_masking_covers_reasons_notes_and_feedback_comments(self, reg: Registry) -> None:
        # The same fields the registry masks on writing with retention 0; the texts
        # themselves hold nothing, so only these fields make a row change.
        raw = "Soita 040 123 4567 tai anna.virtanen@example.fi"
        masked = mask_pii(raw).text
        conv = reg.conversations.create_conversation("k1")
        answer = reg.conversations.add_turn(conv, "assistant", "Ei henkilötietoja.")
        clean = replace(item("p1", "Lisää penkkejä."), reason=f"lähin: {raw}")
        reg.proposals.store_classifications([clean], "omastadi.csv")
        reg.proposals.add_decision("p1", ["a"], "a", "k1", LABELS, note=raw)
        reg.feedback.add_feedback(conv, answer.turn_id, "k1", -1, raw)

        def mask(text: str) -> str:
            return mask_pii(text).text

        past = iso_utc(datetime.now(UTC) - timedelta(days=1))
        assert reg.proposals.mask_texts(past, mask) == 0
        assert reg.feedback.mask_comments(past, mask) == 0
        assert reg.feedback.list_feedback()[0].comment == raw

        future = iso_utc(datetime.now(UTC) + timedelta(days=1))
        assert reg.proposals.mask_texts(future, mask) == 2  # the proposal and its decision
        assert reg.feedback.mask_comments(future, mask) == 1
        stored = reg.proposals.get_proposal("p1")
        assert stored is not None and stored.decision is not None
        assert stored.reason == f"lähin: {masked}" and stored.text == "Lisää penkkejä."
        assert stored.decision.note == masked
        assert reg.feedback.list_feedback()[0].comment == masked
        assert reg.proposals.mask_texts(future, mask) == 0
        assert reg.feedback.mask_comments(future, mask) == 0
        # ``since`` bounds the comments from below as it does every other field.
        reg.feedback.add_feedback(conv, answer.turn_id, "k1", 1, raw)
        assert reg.feedback.mask_comments(future, mask, since=future) == 0
        assert reg.feedback.mask_comments(future, mask, since=past) == 1

    def test_drafts(self, reg: Registry) -> None:
        reg.documents.upsert_document(DocumentRecord(PUBLIC_DOC, "kh.pdf", "h"))
        draft = reg.drafts.create_draft(make_content(), "editor-1", job_id="job-1")
        assert reg.drafts.draft_for_job("job-1") == draft
        review = DraftReview(reg.drafts)  # the workflow over the store
        review.edit_section(draft.draft_id, "summary", "fi", "Uusi teksti [1].", "editor-1")
        assert [v.version for v in reg.drafts.list_versions(draft.draft_id)] == [1, 2]
        review.add_comment(draft.draft_id, "summary", "Tarkista.", "reviewer", "fi")
        assert len(reg.drafts.list_comments(draft.draft_id)) == 1
        other = reg.drafts.create_draft(make_content(), "editor-1")
        assert other.draft_id > draft.draft_id

    def test_versions_and_vectors(self, reg: Registry) -> None:
        for doc_id in ("fi-doc", "sv-doc"):
            reg.documents.upsert_document(DocumentRecord(doc_id, f"{doc_id}.pdf", "h"))
        vector = np.arange(4, dtype=np.float32)
        reg.versions.put_document_vector("fi-doc", "fi", "2024-01-22", vector)
        [stored] = reg.versions.document_vectors()
        assert np.array_equal(stored.vector, vector)  # bytes in, the same bytes out
        reg.versions.replace_versions("fi-doc", [VersionLink("fi-doc", "sv-doc", "title", 0.9)])
        reg.versions.replace_versions("fi-doc", [VersionLink("fi-doc", "sv-doc", "title", 0.95)])
        assert [v.other_id for v in reg.versions.versions_of(["sv-doc"])["sv-doc"]] == ["fi-doc"]
        reg.documents.delete_document("sv-doc")
        assert reg.versions.all_versions() == []  # cascaded

    def test_sessions(self, reg: Registry) -> None:
        key = reg.keys.create_key("reader")
        new = reg.sessions.create_session(key.key.key_id, timedelta(hours=1))
        session = reg.sessions.get_session(new.token)
        assert session is not None and session.key_id == key.key.key_id
        assert reg.sessions.end_session(new.token)
        assert reg.sessions.get_session(new.token) is None

    def test_concurrent_writers_all_land(self, reg: Registry) -> None:
        def write(actor: str) -> None:
            for n in range(20):
                reg.audit.log_event(actor, "ask", {"n": n})

        threads = [threading.Thread(target=write, args=(f"k{t}",)) for t in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        events = reg.audit.list_events(limit=1000)
        assert len(events) == 80
        assert len({e.event_id for e in events}) == 80
