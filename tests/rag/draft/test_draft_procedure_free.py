"""Whole drafts quote no procedural sentence and show the figures the documents state.

Two corpora: the real documents and meeting items of ../shared/data (every period from 2019 to
2025, no register), checked against the hand labels of bench/draft_evidence_labels.tsv; and a
follow-up meeting item written for the tests in the Dynasty layout, whose figures must surface
with citations while its formalities, appeal instructions and list of themes stay out.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from api.container import Tiekartta
from bench.draft_evidence import LABELS, sentence_key
from rag.core.drafts import DraftContent
from rag.core.messages import message
from rag.core.sentences import split_sentences
from rag.draft.drafter import DraftOptions, build_draft
from rag.draft.render import render_markdown

# Words of procedure and page furniture that no quote of a follow-up may hold.
PROCEDURAL = re.compile(
    r"annettu tieto kuntalain|merkitään, että|oikaisuvaatimu|valitusosoitu|muutoksenhaku"
    r"|päätös on ehdotuksen mukainen|ehdotus hyväksyttiin|beslutet justeras|vid omröstningen"
    r"|omprövning|kommunalbesvär|valmistelu ja lisätiedot|etunimi\.sukunimi|förnamn\.efternamn"
    r"|edellinen asia|föregående ärende|kolme teemaa|tre teman|three themes",
    re.IGNORECASE,
)


def _labels() -> dict[tuple[str, str], str]:
    rows = [
        line.split("\t")
        for line in LABELS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return {(doc_id, key): label.strip() for doc_id, _index, key, label in rows}


def _quotes(draft: DraftContent) -> list[tuple[str, str]]:
    """(doc id, sentence) of everything the draft quotes from a document."""
    return [
        (c.doc_id, sentence)
        for s in draft.sections
        for c in s.citations
        for part in c.quote.split(" … ")
        for sentence in split_sentences(part)
    ]


@pytest.mark.slow
def test_real_documents_drafts_quote_no_procedure(shared_minutes_service: Tiekartta) -> None:
    labels = _labels()
    labelled: Counter[str] = Counter()
    for year in range(2019, 2026):
        draft = build_draft(shared_minutes_service, DraftOptions(period=str(year)))
        text = render_markdown(draft)
        quoted = "\n".join(q for s in draft.sections for c in s.citations for q in [c.quote])
        assert not PROCEDURAL.search(quoted), (year, PROCEDURAL.search(quoted))
        for doc_id, sentence in _quotes(draft):
            label = labels.get((doc_id, sentence_key(sentence)))
            if label:
                labelled[label] += 1
            assert label not in ("R", "F", "T"), (year, doc_id, label, sentence)
        summary = next(s for s in draft.sections if s.key == "summary" and s.language == "fi")
        if not summary.citations:  # no figures stated: said so, not left blank
            assert message("draft_figures_none", "fi") in text
    assert labelled["P"] > 0, "the drafts quote some labelled progress sentences"


def test_follow_up_item_figures_surface_and_its_procedure_does_not(
    follow_up_service: Tiekartta,
) -> None:
    draft = build_draft(follow_up_service, DraftOptions(period="2025"))
    quoted = "\n".join(c.quote for s in draft.sections for c in s.citations)
    text = render_markdown(draft)
    assert not PROCEDURAL.search(quoted) and not PROCEDURAL.search(text)
    fi = next(s for s in draft.sections if s.key == "summary" and s.language == "fi")
    for figure in (
        "toimenpiteitä yhteensä 28 [1]",
        "valmis 9 [1]",
        "käynnissä 15 [1]",
        "ei aloitettu 4 [1]",
        "uusia toimenpiteitä 3 [1]",
    ):
        assert figure in fi.text, (figure, fi.text)
    assert fi.citations[0].doc_id == "kh-2025-12-15-digitiekartta"
    assert fi.citations[0].date == "2025-12-15" and fi.citations[0].section == "377"
    assert "”Tiekartassa oli vuoden 2025 alussa 28 toimenpidettä.” [1]" in fi.text
    # The Swedish summary names the figures in Swedish and marks the Finnish quotes.
    sv = next(s for s in draft.sections if s.key == "summary" and s.language == "sv")
    assert "åtgärder sammanlagt 28 [1]" in sv.text and "slutförd 9 [1]" in sv.text
    assert "”Tiekartassa oli vuoden 2025 alussa 28 toimenpidettä.” (på finska) [1]" in sv.text
    # No register: nothing to compare, nothing flagged.
    assert not [f for s in draft.sections for f in s.flags if f.kind == "figure_conflict"]
