"""`tiekartta classify` and `tiekartta proposals` in-process (typer's runner), and the review
loop: a person's decision changes the next run's result for a similar text."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from api.cli import classify as cli_classify
from api.cli import common as cli_common
from api.cli.main import app
from api.container import Tiekartta
from rag.classify.batch_io import ProposalRow
from tests.conftest import make_settings
from tests.fakes.openai_server import FakeOpenAIServer

LINES = [
    {"id": "sv-1", "text": "Bibliotekets e-böcker och lån borde gå att förnya i en app på svenska"},
    {
        "id": "en-1",
        "text": "Publish real-time energy use of city buildings as open data to cut emissions",
    },
    {"id": "fi-1", "text": "Uusi penkki ja istutuksia torin laidalle"},
    {"id": "tyhjä", "text": ""},
]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    for name in list(os.environ):
        if name.startswith("TIEKARTTA_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    for console in (cli_classify.console, cli_common.err_console):
        monkeypatch.setattr(console, "width", 250)
    return CliRunner()


def run(cli: CliRunner, data: Path, *args: str) -> Result:
    result = cli.invoke(app, ["--data-dir", str(data), *args])
    assert "Traceback" not in result.output
    return result


def test_classify_jsonl_sv_en_to_xlsx_then_review(cli: CliRunner, tmp_path: Path) -> None:
    source, out, data = tmp_path / "ideas.jsonl", tmp_path / "ideas.xlsx", tmp_path / "data"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES), "utf-8")
    result = run(
        cli,
        data,
        "classify",
        str(source),
        "--text-column",
        "text",
        "--id-column",
        "id",
        "--out",
        str(out),
        "--json",
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{") :])
    assert (summary["classified"], summary["rejected_rows"]) == (3, 1)
    assert summary["rejected"][0] == {
        "row": 4,
        "id": "tyhjä",
        "reason": "empty_text",
        "detail": "no text in text",
        "facts": {"columns": "text"},
    }
    assert Path(summary["rejected_path"]).name == "ideas.rejected.csv"

    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("id", "text", "labels", "primary", "confidence", "reason", "needs_review")
    assert [r[0] for r in rows[1:]] == ["sv-1", "en-1", "fi-1"]
    for row in rows[1:]:
        labels = str(row[2]).split(";")
        assert set(labels) <= {"a", "b", "c", "none"} and row[3] in labels and row[5]

    listed = run(cli, data, "proposals", "list", "--json")
    stored = {p["proposal_id"]: p for p in json.loads(listed.stdout)}
    assert {k: v["language"] for k, v in stored.items()} == {
        "sv-1": "sv",
        "en-1": "en",
        "fi-1": "fi",
    }

    decided = run(cli, data, "proposals", "decide", "fi-1", "--labels", "none", "--note", "penkki")
    assert decided.exit_code == 0 and "Decision stored for fi-1: none" in decided.stdout
    queue = json.loads(run(cli, data, "proposals", "list", "--needs-review", "--json").stdout)
    assert "fi-1" not in {p["proposal_id"] for p in queue}
    shown = {
        p["proposal_id"]: p
        for p in json.loads(run(cli, data, "proposals", "list", "--json").stdout)
    }
    assert shown["fi-1"]["decision"]["labels"] == ["none"]

    bad = run(cli, data, "proposals", "decide", "fi-1", "--labels", "a,none")
    assert bad.exit_code == 1 and "'none' cannot be combined" in bad.output
    missing = run(cli, data, "proposals", "decide", "nope", "--labels", "a")
    assert missing.exit_code == 1 and "There is no proposal 'nope'" in missing.output
    unknown = run(cli, data, "classify", str(source), "--text-column", "teksti", "--out", str(out))
    assert unknown.exit_code == 1 and "unknown text column(s) 'teksti'" in unknown.output
    no_llm = run(
        cli,
        data,
        "classify",
        str(source),
        "--text-column",
        "text",
        "--out",
        str(tmp_path / "llm.csv"),
        "--mode",
        "llm",
    )
    assert no_llm.exit_code == 1 and "No language model is configured" in no_llm.output
    assert not (tmp_path / "llm.csv").exists()


def test_a_decision_changes_the_next_run_for_a_similar_text(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path / "data"))
    decided = ProposalRow(1, "p-1", "Pysäkeille näytöt, joissa bussien tuloajat reaaliaikaisesti")
    similar = ProposalRow(2, "p-2", "Pysäkkien näyttötauluille bussien saapumisajat reaaliajassa")
    first = service.classify.classify_rows([decided, similar], source="test")
    # The programme's examples put this in theme a; the city's reviewers file it under b
    # (timetables that make the bus the easy choice count as a climate action for them).
    assert first["p-1"].primary != "b" and first["p-2"].primary != "b"

    service.proposals.decide("p-1", ["b"], note="joukkoliikenne = ilmastoteko")
    second = service.classify.classify_rows([similar, decided], source="test")
    assert second["p-2"].primary == "b"
    assert second["p-2"].scores["b"] > first["p-2"].scores["b"]
    # The decided text itself now carries the person's labels.
    assert (second["p-1"].labels, second["p-1"].needs_review) == (["b"], False)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_llm_mode_and_the_offline_fallback_warning(
    cli: CliRunner, tmp_path: Path, fake_openai: FakeOpenAIServer
) -> None:
    source, data = tmp_path / "ideas.jsonl", tmp_path / "data"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES[:2]), "utf-8")
    fake_openai.responder = lambda request: {
        "labels": ["a"],
        "primary": "a",
        "confidence": 0.9,
        "reason": "En tjänst på nätet.",
    }
    args = ["classify", str(source), "--text-column", "text", "--id-column", "id", "--mode", "llm"]
    llm_env = {"TIEKARTTA_LLM_BASE_URL": fake_openai.base_url, "TIEKARTTA_LLM_MODEL": "fake"}
    result = cli.invoke(
        app, ["--data-dir", str(data), *args, "--out", str(tmp_path / "a.csv")], env=llm_env
    )
    assert result.exit_code == 0, result.output
    assert "classified offline" not in result.output
    stored = Tiekartta(make_settings(data)).registry.proposals.list_proposals()
    assert {(p.proposal_id, p.mode, p.reason) for p in stored} == {
        ("sv-1", "llm", "En tjänst på nätet."),
        ("en-1", "llm", "En tjänst på nätet."),
    }

    # The LLM cannot be reached: the same file is classified offline, with a warning.
    down = {**llm_env, "TIEKARTTA_LLM_BASE_URL": f"http://127.0.0.1:{_closed_port()}/v1"}
    result = cli.invoke(
        app, ["--data-dir", str(data), *args, "--out", str(tmp_path / "b.csv")], env=down
    )
    assert result.exit_code == 0, result.output
    assert "could not be reached (2 proposals); classified offline instead" in result.output
    stored = Tiekartta(make_settings(data)).registry.proposals.list_proposals()
    assert {p.mode for p in stored} == {"offline"}
