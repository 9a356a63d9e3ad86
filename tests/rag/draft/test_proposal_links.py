"""Residents' proposals against the register: supported measures and digital elements.

The proposals are the sample survey's own rows (corpus/sample/asukaskysely-2025.csv, written for
the project); the embeddings are the real bundled e5 model.
"""

from __future__ import annotations

import pytest

from api.container import Tiekartta
from rag.core.programme import Programme
from rag.draft.proposal_links import DigitalElement, ProposalLinker, shared_words
from rag.draft.proposals import ClassifiedProposal
from rag.draft.register import Register


def _proposal(pid: str, text: str) -> ClassifiedProposal:
    return ClassifiedProposal(id=pid, text=text, labels=("a",), primary="a")


SURVEY = [
    _proposal(
        "1002",
        "Päiväkotihakemus pitäisi voida tehdä kokonaan netissä. Nyt liitteet piti viedä "
        "paperilla toimistoon.",
    ),
    _proposal("1004", "Chat-palvelu on kätevä, mutta ruotsiksi vastaus tulee hitaammin."),
    _proposal("1007", "Lisää pyöräparkkeja torin ja linja-autoaseman ympärille."),
    _proposal(
        "1013",
        "Pysäköinti keskustassa maksaa jo 2 € tunnilta; maksaminen sovelluksella olisi silti "
        "helpompaa kuin automaatilla.",
    ),
    _proposal("1012", "Det vore bra om man kunde följa snöplogningen på en karta i realtid."),
]


def test_proposals_link_to_the_measures_they_support(
    sample_service: Tiekartta, register: Register
) -> None:
    links = ProposalLinker(register.measures, sample_service.embeddings).links(SURVEY)
    assert {pid: m.id for pid, m in links.items()} == {"1002": "A-04", "1004": "A-01"}


def test_without_embeddings_half_of_the_name_is_needed(register: Register) -> None:
    links = ProposalLinker(register.measures).links(
        [_proposal("x", "Digituki kirjastoissa on auttanut."), *SURVEY]
    )
    assert {pid: m.id for pid, m in links.items()} == {"x": "A-03", "1004": "A-01"}


def test_shared_words_see_inside_compounds() -> None:
    assert shared_words("Varhaiskasvatuksen sähköinen hakemus", "Päiväkotihakemus netissä") == 1
    assert shared_words("Chat-palvelu kaupungin verkkosivuille", "Kaupungin sivut") == 0


@pytest.mark.parametrize(
    ("text", "language", "digital"),
    [
        ("Saaristoon tarvitaan parempi lauttayhteys talvella; nettiä en juuri käytä.", "fi", False),
        ("Päiväkotihakemus pitäisi voida tehdä kokonaan netissä.", "fi", True),
        ("Jag vill kunna boka tid på nätet och få en påminnelse per sms.", "sv", True),
        ("Jag använder inte nätet, bygg en ny bro.", "sv", False),
        ("Lisää pyöräparkkeja torin ympärille.", "fi", False),
    ],
)
def test_a_digital_element_must_be_proposed(
    programme: Programme, text: str, language: str, digital: bool
) -> None:
    assert DigitalElement(programme)(text, language) is digital
