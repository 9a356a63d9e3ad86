"""`tiekartta draft` in-process: a Markdown and a DOCX draft, and clear errors for bad input."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from api.cli.main import app
from api.container import Tiekartta
from rag.core.messages import message
from tests.rag.draft.conftest import SAMPLE_REGISTER

runner = CliRunner()


def test_draft_markdown_and_docx(
    sample_service: Tiekartta, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    data = str(sample_service.settings.data_dir)
    out = tmp_path / "luonnos.md"
    result = runner.invoke(
        app,
        [
            "--data-dir",
            data,
            "draft",
            "--period",
            "2025",
            "--theme",
            "a",
            "--lang",
            "sv",
            "--register",
            str(SAMPLE_REGISTER),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Draft written" in result.output
    draft_id = int(result.output.split("Draft stored for review, id ")[1].split(".")[0])
    stored = sample_service.registry.drafts.get_draft_content(draft_id)
    assert stored.languages == ["sv"] and stored.themes == ["a"]
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"> ⚠ **{message('draft_marker', 'sv')}**")
    assert "## a) Människonära e-tjänster – Åtgärder enligt läge" in text
    assert "b) Digitala klimatinsatser" not in text
    docx_out = tmp_path / "luonnos.docx"
    result = runner.invoke(
        app,
        [
            "--data-dir",
            data,
            "draft",
            "--period",
            "2025-01-01..2025-12-31",
            "--theme",
            "c",
            "--lang",
            "fi",
            "--out",
            str(docx_out),
            "--no-store",
        ],
    )
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(docx_out)).paragraphs]
    assert paragraphs[0] == f"⚠ {message('draft_marker', 'fi')}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--period", "ensi vuosi"], "is not a year (2025) or a date range"),
        (["--period", "2025-12-31..2025-01-01"], "the start is after the end"),
        (["--period", "2025", "--theme", "x"], "unknown theme 'x'"),
        (["--period", "2025", "--lang", "de"], "languages must be some of fi, sv, en"),
        (["--period", "2025", "--register", "puuttuu.csv"], "puuttuu.csv: file not found"),
        (["--period", "2025", "--proposals", "puuttuu.jsonl"], "puuttuu.jsonl: file not found"),
    ],
)
def test_bad_input_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["--data-dir", str(tmp_path / "d"), "draft", *args, "--out", "x.md"]
    )
    assert result.exit_code == 1
    assert expected in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_bad_register_rows_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "rekisteri.csv"
    bad.write_text(
        "id;theme;title;status\nA-1;a;Chat;valmis\nA-2;q;Kartta;valmis\n", encoding="cp1252"
    )
    result = runner.invoke(
        app,
        [
            "--data-dir",
            str(tmp_path / "d"),
            "draft",
            "--period",
            "2025",
            "--register",
            str(bad),
            "--out",
            "x.md",
        ],
    )
    assert result.exit_code == 1
    assert "row 3, column 'theme': unknown theme 'q'" in " ".join(result.output.split())


def test_out_must_be_markdown_or_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["--data-dir", str(tmp_path / "d"), "draft", "--period", "2025", "--out", "x.pdf"]
    )
    assert result.exit_code == 1 and "--out must end with .md or .docx" in result.output
