"""Backup of a whole installation, restored into an empty one, answers the same questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app
from api.container import Tiekartta
from api.services.backup import restore_backup
from rag.store.registry import RegistryError
from tests.conftest import make_settings

runner = CliRunner()
QUESTIONS = [
    "When did the city board approve the Digital Programme 2024–2026?",
    "Mitä digiohjelmassa sanotaan sähköisistä palveluista?",
    "Hur många åtgärder i färdplanen har slutförts?",
    "Who won the football world cup in 1966?",
]


def test_restore_into_an_empty_installation_answers_the_same(
    sample_service: Tiekartta, tmp_path: Path
) -> None:
    source_dir = sample_service.settings.data_dir
    (source_dir / "jobs" / "j1").mkdir(parents=True, exist_ok=True)
    (source_dir / "jobs" / "j1" / "input.csv").write_text("nro;ehdotus\n1;Penkki\n", "utf-8")
    sample_service.registry.audit.log_event("cli", "before-backup")
    archive = tmp_path / "backup.tar.gz"
    env = {"TIEKARTTA_UI_LANGUAGE": "en"}
    written = runner.invoke(app, ["--data-dir", str(source_dir), "backup", str(archive)], env=env)
    assert written.exit_code == 0, written.output

    target_dir = tmp_path / "restored"
    restored = runner.invoke(app, ["--data-dir", str(target_dir), "restore", str(archive)], env=env)
    assert restored.exit_code == 0, restored.output
    again = runner.invoke(app, ["--data-dir", str(target_dir), "restore", str(archive)], env=env)
    assert again.exit_code == 1 and "already holds documents" in " ".join(again.output.split())

    copy = Tiekartta(make_settings(target_dir))
    assert copy.vectors.count() == sample_service.vectors.count() > 0
    assert copy.lexical.count() == sample_service.lexical.count()
    assert [d.doc_id for d in copy.registry.documents.list_documents()] == [
        d.doc_id for d in sample_service.registry.documents.list_documents()
    ]
    assert copy.registry.audit.list_events(action="before-backup")
    assert (target_dir / "jobs" / "j1" / "input.csv").read_text("utf-8").endswith("Penkki\n")
    for question in QUESTIONS:
        original = sample_service.questions.ask(question)
        answer = copy.questions.ask(question)
        assert (answer.found, answer.answer) == (original.found, original.answer), question
        assert [s.chunk_id for s in answer.sources] == [s.chunk_id for s in original.sources]


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    bogus = tmp_path / "x.tar.gz"
    bogus.write_bytes(b"not an archive")
    service = Tiekartta(make_settings(tmp_path / "data"))
    with pytest.raises(RegistryError, match="not a tiekartta backup"):
        restore_backup(service, bogus)
    with pytest.raises(RegistryError, match="no such backup file"):
        restore_backup(service, tmp_path / "missing.tar.gz")
