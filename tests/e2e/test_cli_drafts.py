"""`tiekartta drafts ...` in-process against a real registry file.

The CLI acts as the local operator "cli" with admin rights; the drafts are stored through the
registry the same way the draft job stores them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner, Result

from api.cli import common as cli_common
from api.cli import drafts as cli_drafts
from api.cli.main import app
from api.container import Tiekartta
from rag.store.registry import DocumentRecord, Registry
from tests.conftest import make_settings
from tests.rag.store.test_drafts_store import PUBLIC_DOC, make_content


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    tiekartta = Tiekartta(make_settings(path))
    tiekartta.registry.documents.upsert_document(DocumentRecord(PUBLIC_DOC, "kh.pdf", "h"))
    tiekartta.drafts.save(make_content(), "editor-key", title="Digitiekartan seuranta 2025")
    tiekartta.registry.close()
    return path


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_dir: Path) -> Callable[..., Result]:
    for name in list(os.environ):
        if name.startswith("TIEKARTTA_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    for console in (cli_common.err_console, cli_drafts.console):
        monkeypatch.setattr(console, "width", 250)
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, ["--data-dir", str(data_dir), *args], env=env)

    return invoke


def _ok(result: Result) -> Result:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def _refused(result: Result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in result.output, result.output


def _show(cli: Callable[..., Result], *args: str) -> Any:
    return json.loads(_ok(cli("drafts", "show", "1", "--json", *args)).stdout)


def test_review_from_the_command_line(
    cli: Callable[..., Result], tmp_path: Path, data_dir: Path
) -> None:
    listed = json.loads(_ok(cli("drafts", "list", "--json")).stdout)
    assert [(d["draft_id"], d["status"]) for d in listed] == [(1, "draft")]
    table = _ok(cli("drafts", "list")).output
    assert "Digitiekartan seuranta 2025" in table and "2025-01-01..2025-12-31" in table

    text = tmp_path / "summary.md"
    text.write_text("Sähköinen asiointi laajeni [1].\n", encoding="utf-8")
    edited = _ok(
        cli("drafts", "edit", "1", "--section", "summary", "--lang", "fi", "--file", str(text))
    )
    assert "version 2" in edited.output and "+Sähköinen asiointi laajeni [1]." in edited.output
    _ok(
        cli(
            "drafts",
            "comment",
            "1",
            "--section",
            "theme-a",
            "--lang",
            "sv",
            "--text",
            "Kolla källan.",
        )
    )
    _ok(cli("drafts", "submit", "1"))
    # Four eyes: "cli" edited and submitted, so "cli" may not approve; a named second person may.
    _refused(cli("drafts", "approve", "1"), "yourself", "TIEKARTTA_ALLOW_SELF_APPROVAL")
    approved = _ok(cli("drafts", "--as", "hanna", "approve", "1"))
    assert "approved" in approved.output

    shown = _show(cli)
    assert (shown["status"], shown["approved_version"], shown["approved_by"]) == (
        "approved",
        2,
        "cli:hanna",
    )
    summary = next(s for s in shown["sections"] if (s["key"], s["language"]) == ("summary", "fi"))
    assert summary["text"] == "Sähköinen asiointi laajeni [1].\n"
    assert [c["text"] for c in shown["comments"]] == ["Kolla källan."]
    assert (
        _show(cli, "--version", "1")["sections"][0]["text"]
        == "Sähköinen asiointi otettiin käyttöön [1]."
    )

    readable = _ok(cli("drafts", "show", "1", "--diffs")).output
    assert (
        "[summary / fi]" in readable
        and "no_evidence" in readable
        and "-Sähköinen asiointi otettiin" in readable
    )

    # Frozen: the edit is refused in the CLI's language and the text stays.
    _refused(
        cli("drafts", "edit", "1", "--section", "summary", "--lang", "fi", "--file", str(text)),
        "approved and frozen",
    )
    _refused(
        cli(
            "drafts",
            "edit",
            "1",
            "--section",
            "summary",
            "--lang",
            "fi",
            "--file",
            str(text),
            env={"TIEKARTTA_UI_LANGUAGE": "fi"},
        ),
        "hyväksytty ja lukittu",
    )
    assert _show(cli)["current_version"] == 2
    copied = _ok(cli("drafts", "copy", "1"))
    assert "New draft 2 copied from draft 1." in copied.output
    copy = json.loads(_ok(cli("drafts", "show", "2", "--json")).stdout)
    assert (copy["status"], copy["current_version"]) == ("draft", 1)
    assert copy["sections"] == shown["sections"]

    with Registry(data_dir / "registry.sqlite3") as registry:
        events = reversed(registry.audit.list_events())
        actions = [(e.action, e.actor) for e in events if e.action.startswith("draft.")]
    assert actions == [
        ("draft.create", "editor-key"),
        ("draft.edit", "cli"),
        ("draft.comment", "cli"),
        ("draft.submit", "cli"),
        ("draft.approve", "cli:hanna"),
        ("draft.create", "cli"),
        ("draft.copy", "cli"),
    ]


def test_reject_needs_a_reason_and_bad_input_is_named(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    _refused(cli("drafts", "show", "7"), "no draft 7")
    submitted = _ok(cli("drafts", "submit", "1", env={"TIEKARTTA_UI_LANGUAGE": "fi"}))
    assert "Luonnos 1: tarkastettavana (versio 1)." in submitted.output
    _refused(cli("drafts", "reject", "1", "--reason", " "), "needs a reason")
    _ok(cli("drafts", "reject", "1", "--reason", "Luvut puuttuvat."))
    _refused(cli("drafts", "approve", "1"), "rejected", "in_review")
    _refused(
        cli(
            "drafts",
            "edit",
            "1",
            "--section",
            "summary",
            "--lang",
            "fi",
            "--file",
            str(tmp_path / "nope.md"),
        ),
        "nope.md",
    )
    bad = tmp_path / "bad.md"
    bad.write_text("Viite [4].", encoding="utf-8")
    _refused(
        cli("drafts", "edit", "1", "--section", "summary", "--lang", "fi", "--file", str(bad)),
        "[4]",
    )
    _refused(
        cli("drafts", "edit", "1", "--section", "teema", "--lang", "fi", "--file", str(bad)),
        "summary (fi)",
    )
    _refused(cli("drafts", "list", "--status", "julkaistu"), "julkaistu", "in_review")
    assert _show(cli)["status"] == "rejected"


def test_export_writes_markdown_and_a_docx_that_opens(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    markdown = tmp_path / "out" / "draft.md"
    _ok(cli("drafts", "export", "1", "--out", str(markdown)))
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("> Tarkastuksen tila: luonnos — versio 1/1.")
    assert "Sähköinen asiointi otettiin käyttöön [1]." in text
    assert "E-tjänsten togs i bruk [1]." in text
    assert "LUONNOS IHMISEN TARKASTETTAVAKSI – ei hyväksytty" in text  # not approved yet

    _ok(cli("drafts", "submit", "1"))
    _ok(cli("drafts", "--as", "hanna", "approve", "1"))
    word = tmp_path / "draft.docx"
    _ok(cli("drafts", "export", "1", "--format", "docx", "--out", str(word)))
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert paragraphs[0].startswith("Tarkastuksen tila: hyväksytty — versio 1/1. Hyväksyjä cli")
    assert paragraphs[1].startswith("Granskningsstatus: godkänd — version 1/1. Godkänd av cli")
    assert any("Kaupunginhallitus 10.3.2025" in p for p in paragraphs)  # the reference list
    assert any(p.startswith("⚠ HYVÄKSYTTY VERSIO – hyväksyjä cli") for p in paragraphs)
    assert not any("ei hyväksytty" in p for p in paragraphs)
    pdf = tmp_path / "x.pdf"
    _refused(cli("drafts", "export", "1", "--format", "pdf", "--out", str(pdf)), "pdf")
    assert not pdf.exists()
