"""Draft fixtures: the sample register, a small classified proposals file, a draft built once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.container import Tiekartta
from rag.core.drafts import DraftContent
from rag.core.programme import Programme, load_programme
from rag.core.resources import PROGRAMME_FILE, SAMPLE_REGISTER
from rag.draft.drafter import DraftOptions, build_draft
from rag.draft.register import Register, load_register
from tests.conftest import make_settings

# As `tiekartta classify` writes them (labels as a list, primary one of them); written here.
PROPOSALS = [
    {
        "id": "p1",
        "text": "Ajanvaraus terveysneuvontaan verkossa",
        "labels": ["a"],
        "primary": "a",
        "language": "fi",
    },
    {
        "id": "p2",
        "text": "Bibliotekets evenemang i en app",
        "labels": ["a"],
        "primary": "a",
        "language": "sv",
    },
    {
        "id": "p3",
        "text": "Kaupunkipyörien saatavuus sovellukseen",
        "labels": ["a", "b"],
        "primary": "b",
        "language": "fi",
    },
    {
        "id": "p4",
        "text": "Koirapuisto Kevätkumpuun",
        "labels": ["none"],
        "primary": "none",
        "language": "fi",
    },
    {
        "id": "p5",
        "text": "Robot för lönehanteringen",
        "labels": ["c"],
        "primary": "c",
        "language": "sv",
    },
]


@pytest.fixture(scope="session")
def programme() -> Programme:
    return load_programme(PROGRAMME_FILE, need_roadmap=True)


@pytest.fixture(scope="session")
def register(programme: Programme) -> Register:
    return load_register(SAMPLE_REGISTER, programme)


@pytest.fixture(scope="session")
def proposals_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("proposals") / "ehdotukset-luokiteltu.jsonl"
    path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in PROPOSALS) + "\n")
    return path


@pytest.fixture(scope="session")
def sample_draft(sample_service: Tiekartta, proposals_file: Path) -> DraftContent:
    """A fi+sv template draft of 2025 over the sample corpus, with register and proposals."""
    options = DraftOptions(period="2025", register=SAMPLE_REGISTER, proposals=proposals_file)
    return build_draft(sample_service, options)


FOLLOW_UP_ITEM = Path(__file__).parent / "data" / "kh-2025-12-15-digitiekartta.txt"


@pytest.fixture(scope="session")
def follow_up_service(tmp_path_factory: pytest.TempPathFactory) -> Tiekartta:
    """One follow-up meeting item (written for the tests in the Dynasty layout: figures, the
    list of the themes, meeting formalities, appeal instructions), ingested alone."""
    service = Tiekartta(make_settings(tmp_path_factory.mktemp("follow-up")))
    report = service.documents.ingest([FOLLOW_UP_ITEM])
    assert not report.failed, report.failed
    return service


@pytest.fixture(scope="session")
def shared_minutes_service(
    tmp_path_factory: pytest.TempPathFactory, shared_data: Path
) -> Tiekartta:
    """The real documents and meeting items of ../shared/data, ingested once."""
    service = Tiekartta(make_settings(tmp_path_factory.mktemp("shared-minutes")))
    report = service.documents.ingest([shared_data / "corpus", shared_data / "minutes" / "items"])
    assert not report.failed, report.failed
    return service
