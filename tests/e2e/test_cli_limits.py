"""`tiekartta ingest` reports a refused file in the UI language, and the batch goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.documents import console as cli_console
from api.cli.main import app
from tests.fakes.hostile_files import alias_bomb


def test_refused_file_is_reported_in_finnish(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in [n for n in os.environ if n.startswith("TIEKARTTA_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env file is read
    monkeypatch.setattr(cli_console, "width", 250)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pommi.md").write_text(alias_bomb(levels=9), encoding="utf-8")
    (docs / "hyva.md").write_text("---\nid: hyva\n---\nKaupunki tiedottaa.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["--data-dir", str(tmp_path / "data"), "ingest", str(docs)],
        env={"TIEKARTTA_UI_LANGUAGE": "fi"},
    )
    assert result.exit_code == 0, result.output
    assert "EPÄONNISTUI" in result.output and "pommi.md" in result.output
    assert "viittaus (&/*) rivillä 4" in result.output
    assert "Tallennettu 1" in result.output
    assert "Traceback" not in result.output
