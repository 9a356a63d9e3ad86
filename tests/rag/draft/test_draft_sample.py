"""A fi+sv draft over the ingested sample corpus: themes, citations, counts, flags."""

from __future__ import annotations

import re

from api.container import Tiekartta
from rag.core.drafts import DraftContent, DraftSection
from rag.core.messages import message
from rag.core.programme import STATUS_IDS, Programme
from rag.draft.drafter import DraftOptions, build_draft
from rag.draft.evidence import EvidenceCollector, clean_quote
from rag.draft.period import parse_period, row_date
from rag.draft.register import Register


def sections(draft: DraftContent, language: str) -> dict[str, DraftSection]:
    return {s.key: s for s in draft.sections if s.language == language}


def _normal(text: str) -> str:
    return " ".join(clean_quote(text).replace("**", "").split())


def test_fi_and_sv_drafts_cover_every_theme(sample_draft: DraftContent) -> None:
    assert sample_draft.languages == ["fi", "sv"]
    assert sample_draft.themes == ["a", "b", "c"]
    assert sample_draft.generator == "template"
    for language in ("fi", "sv"):
        keys = sections(sample_draft, language)
        for theme in "abc":
            for suffix in ("", "-measures", "-proposals", "-new", "-open"):
                assert f"theme-{theme}{suffix}" in keys
        assert message("draft_marker", language) in keys["summary"].text


def test_every_citation_resolves_to_a_stored_chunk_dated_in_the_period(
    sample_service: Tiekartta, sample_draft: DraftContent
) -> None:
    citations = [c for s in sample_draft.sections for c in s.citations]
    assert len(citations) > 20
    stored = {
        c.chunk_id: c
        for c in sample_service.vectors.get_chunks(sorted({c.chunk_id for c in citations}))
    }
    for citation in citations:
        chunk = stored[citation.chunk_id]
        assert (citation.doc_id, citation.title, citation.date) == (
            chunk.doc_id,
            chunk.title,
            chunk.date,
        )
        for quote in citation.quote.split(" … "):
            # Every quoted sentence is in the chunk (list bullets and bold marks removed).
            for sentence in re.split(r"(?<=[.!?])\s+", quote):
                assert _normal(sentence) in _normal(chunk.text), (sentence, chunk.chunk_id)
    for section in sample_draft.sections:
        numbers = {
            int(n)
            for n in re.findall(
                r"\[(\d+)\]", section.text + " ".join(f.message for f in section.flags)
            )
        }
        assert numbers <= {c.number for c in section.citations}, section.key
        if not section.key.endswith("-open"):  # undated documents only among the open points
            assert all(c.date and "2025-01-01" <= c.date <= "2025-12-31" for c in section.citations)


def test_status_counts_equal_the_register(
    sample_draft: DraftContent, register: Register, programme: Programme
) -> None:
    for language in ("fi", "sv"):
        keys = sections(sample_draft, language)
        for theme in "abc":
            text = keys[f"theme-{theme}-measures"].text
            counts = register.counts(theme)
            for status in STATUS_IDS:
                word = programme.status_word(status, language)
                assert f"| {word} | {counts[status]} |" in text
            assert f"**{sum(counts.values())}**" in text
            for measure in register.for_theme(theme):
                assert f"| {measure.id} | {measure.title_in(language)} |" in text
        total = register.counts()
        summary = keys["summary"].text
        assert str(len(register.measures)) in summary
        assert all(str(total[s]) in summary for s in STATUS_IDS)


def test_conflicting_status_is_flagged_with_both_values(
    sample_draft: DraftContent, register: Register
) -> None:
    # The register says A-07 has not started; the sample news item of 12.6.2025 says "valmistunut".
    assert next(m for m in register.measures if m.id == "A-07").status == "not_started"
    for language in ("fi", "sv"):
        measures = sections(sample_draft, language)["theme-a-measures"]
        conflicts = [f for f in measures.flags if f.kind == "status_conflict"]
        assert [f.measure_id for f in conflicts] == ["A-07"]
        assert "valmistunut" in (conflicts[0].sentence or "")
        assert "valmistunut" in conflicts[0].message
        row = next(line for line in measures.text.splitlines() if line.startswith("| A-07 |"))
        assert "⚠" in row
        open_points = sections(sample_draft, language)["theme-a-open"].text
        assert "A-07" in open_points
    # Measures whose register status the documents confirm are not flagged.
    flagged = {
        f.measure_id for s in sample_draft.sections for f in s.flags if f.kind == "status_conflict"
    }
    assert flagged == {"A-07"}


def test_measures_without_evidence_in_the_period_are_flagged(sample_draft: DraftContent) -> None:
    for language in ("fi", "sv"):
        keys = sections(sample_draft, language)
        missing = {
            f.measure_id
            for t in "abc"
            for f in keys[f"theme-{t}-measures"].flags
            if f.kind == "no_evidence"
        }
        # B-06 (real-time stop information) appears in no sample document; A-01 (chat) does.
        assert "B-06" in missing and "A-01" not in missing


def test_undated_documents_never_count_as_evidence(
    sample_service: Tiekartta, programme: Programme, register: Register
) -> None:
    collector = EvidenceCollector(sample_service.retriever, programme)
    pack = collector.collect(parse_period("2025"), ["a", "b", "c"], register, ["fi", "sv"])
    measures = [m for t in pack.themes for m in t.measures]
    for evidence in measures:
        assert all(p.chunk.date and "2025" <= p.chunk.date[:4] <= "2025" for p in evidence.passages)
        assert all(p.chunk.date is None for p in evidence.undated)
    excluded = EvidenceCollector(sample_service.retriever, programme, undated="exclude")
    pack = excluded.collect(parse_period("2025"), ["a"], register, ["fi"])
    assert not any(m.undated for t in pack.themes for m in t.measures)


def test_survey_rows_are_dated_by_their_date_column(
    sample_service: Tiekartta, programme: Programme, register: Register
) -> None:
    """The sample survey has a 'pvm' column: its rows are dated, never 'undated evidence'."""
    rows = [
        d
        for d in sample_service.registry.documents.list_documents()
        if d.doc_id.startswith("asukaskysely")
    ]
    assert rows and all(str(row_date(d.extra)).startswith("2025-09") for d in rows)

    def document_date(doc_id: str) -> str | None:
        record = sample_service.registry.documents.get_document(doc_id)
        return row_date(record.extra) if record else None

    collector = EvidenceCollector(sample_service.retriever, programme, document_date=document_date)
    pack = collector.collect(parse_period("2025"), ["a", "b"], register, ["fi"])
    undated = [p for t in pack.themes for m in t.measures for p in m.undated]
    assert not any(p.chunk.doc_id.startswith("asukaskysely") for p in undated)
    # Outside the period the same rows are not evidence at all.
    pack = collector.collect(parse_period("2024"), ["a", "b"], register, ["fi"])
    assert not any(
        p.chunk.doc_id.startswith("asukaskysely")
        for t in pack.themes
        for m in t.measures
        for p in (*m.passages, *m.undated)
    )


def test_another_period_finds_no_2025_evidence(sample_service: Tiekartta) -> None:
    draft = build_draft(
        sample_service,
        DraftOptions(period="2023-01-01..2023-12-31", themes=["b"], languages=["fi"]),
    )
    progress = sections(draft, "fi")["theme-b"]
    assert not progress.citations
    assert "2023" in progress.text


def test_residents_proposals_counts_and_suggestions(sample_draft: DraftContent) -> None:
    fi = sections(sample_draft, "fi")
    # Theme a: p1, p2 and p3 (a+b) -> 3, of which 2 with a as the main theme.
    assert "3 koskee tätä teemaa, niistä 2 pääteemanaan" in fi["theme-a-proposals"].text
    assert "Ajanvaraus terveysneuvontaan verkossa" in fi["theme-a-proposals"].text
    assert "1 koskee tätä teemaa" in fi["theme-c-proposals"].text
    new = fi["theme-a-new"].text
    assert "EHDOTUS" in new and "(asukasehdotus p1" in new
    # The open-data directive of the sample news item is suggested as a new obligation, cited.
    assert "direktiivi" in new and fi["theme-a-new"].citations
    sv = sections(sample_draft, "sv")
    assert "Bibliotekets evenemang i en app" in sv["theme-a-proposals"].text
    assert "FÖRSLAG" in sv["theme-a-new"].text
