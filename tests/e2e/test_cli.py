"""The `tiekartta` command end to end.

A few key flows run the installed console script in a real subprocess; the rest use typer's
CliRunner on ``api.cli.main.app`` in-process. The sample corpus is ingested once for the module
(by the subprocess) into a module-scoped data directory.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from api.cli import admin as cli_admin
from api.cli import common as cli_common
from api.cli import documents as cli_documents
from api.cli import evaluate as cli_eval
from api.cli import questions as cli_questions
from api.cli.main import app
from api.container import Tiekartta
from tests.conftest import REPO, SAMPLE_CORPUS, make_settings

TIEKARTTA = Path(sys.executable).parent / "tiekartta"
FACTS = yaml.safe_load((REPO / "corpus" / "sample_facts.yaml").read_text(encoding="utf-8"))
PDF_ID = FACTS["minutes_pdf"]["doc_id"]
SV_MINUTES_ID = FACTS["minutes_sv"]["doc_id"]
APPROVAL_QUESTION_FI = "Milloin kaupunginhallitus hyväksyi digiohjelman 2024–2026?"
BAD_FILES = ("tyhja.txt", "rikki.pdf", "muistio.xyz")


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without TIEKARTTA_* settings, wide enough for one-line output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIEKARTTA_")}
    env.update(COLUMNS="250", NO_COLOR="1", **extra)
    return env


def run_cli(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed console script in a subprocess (cwd = data dir: no stray .env file)."""
    if not TIEKARTTA.exists():
        pytest.fail(f"console script {TIEKARTTA} is not installed (pip install -e .)")
    return subprocess.run(
        [str(TIEKARTTA), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=data_dir.parent,
        env=clean_env(**env),
        timeout=600,
    )


def summary_counts(output: str) -> dict[str, int]:
    """The numbers of the English summary line 'Ingested 3, unchanged 0, failed 1, ...'."""
    line = next(ln for ln in output.splitlines() if ln.startswith("Ingested "))
    counts = {}
    for part in line.rstrip(".").split(", "):
        *name, value = part.split(" ")
        counts[" ".join(name).lower()] = int(value)
    return counts


@dataclass
class Corpus:
    data_dir: Path
    docs: Path
    first: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The sample corpus plus three bad files, ingested once through the console script."""
    root = tmp_path_factory.mktemp("cli")
    docs = root / "docs"
    shutil.copytree(SAMPLE_CORPUS, docs, ignore=shutil.ignore_patterns("README.md"))
    (docs / "tyhja.txt").write_bytes(b"")
    (docs / "rikki.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    (docs / "muistio.xyz").write_text("muistiinpanoja", encoding="utf-8")
    data_dir = root / "data"
    return Corpus(data_dir, docs, run_cli(data_dir, "ingest", str(docs)))


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Result]:
    """Invoke the typer app in-process with a clean environment and wide consoles."""
    for name in list(os.environ):
        if name.startswith("TIEKARTTA_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env file is read
    consoles = (cli_documents, cli_questions, cli_admin, cli_eval)
    for console in (cli_common.err_console, *(module.console for module in consoles)):
        monkeypatch.setattr(console, "width", 250)
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), env=env)

    return invoke


def _json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _no_trace(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


# -- ingest (subprocess) -------------------------------------------------------------------


def test_ingest_reports_counts_and_each_bad_file(corpus: Corpus) -> None:
    first = corpus.first
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stdout + first.stderr
    counts = summary_counts(first.stdout)
    assert counts["failed"] == len(BAD_FILES)
    assert counts["unchanged"] == 0 and counts["repaired"] == 0
    assert counts["chunks"] > counts["ingested"] > 7
    failed_lines = [ln for ln in first.stdout.splitlines() if ln.startswith("FAILED ")]
    assert len(failed_lines) == len(BAD_FILES)
    for name in BAD_FILES:
        line = next(ln for ln in failed_lines if f"{name}:" in ln)
        assert str(corpus.docs / name) in line
    assert "empty file" in next(ln for ln in failed_lines if "tyhja.txt" in ln)
    assert "unknown format '.xyz'" in next(ln for ln in failed_lines if "muistio.xyz" in ln)

    listed = json.loads(run_cli(corpus.data_dir, "documents", "--json").stdout)
    assert len(listed) == counts["ingested"]
    assert {PDF_ID, SV_MINUTES_ID, "intern-tietoturvaohje"} <= {d["doc_id"] for d in listed}


def test_second_ingest_finds_everything_unchanged(corpus: Corpus) -> None:
    first = summary_counts(corpus.first.stdout)
    again = run_cli(corpus.data_dir, "ingest", str(corpus.docs))
    assert again.returncode == 0, again.stderr
    counts = summary_counts(again.stdout)
    assert counts["ingested"] == 0 and counts["chunks"] == 0
    assert counts["unchanged"] == first["ingested"]
    assert counts["failed"] == len(BAD_FILES)  # bad files are still reported, every run


# -- documents, search, ask (in-process) --------------------------------------------------


def test_documents_json_lists_the_minutes_items(corpus: Corpus, cli: Callable[..., Result]) -> None:
    rows = _json(cli("--data-dir", str(corpus.data_dir), "documents", "--json"))
    pdf = next(r for r in rows if r["doc_id"] == PDF_ID)
    facts = FACTS["minutes_pdf"]
    assert pdf["body"] == facts["body"]
    assert pdf["date"] == facts["date"]
    assert pdf["kind"] == "minutes"
    assert pdf["access"] == "public"
    assert pdf["chunk_count"] >= len(facts["items"])
    items = {i["section"]: i for i in pdf["items"]}
    assert list(items) == [i["section"] for i in facts["items"]]
    for expected in facts["items"]:
        item = items[expected["section"]]
        assert item["body"] == facts["body"]
        assert item["meeting_date"] == facts["date"]
        assert item["record_number"] == expected["record_number"]
        assert item["title"] == expected["title"]
        assert item["preparer"] == expected["preparer"]
        assert item["pages"] == expected["pages"]

    sv = next(r for r in rows if r["doc_id"] == SV_MINUTES_ID)
    (sv_item,) = sv["items"]
    assert sv_item["body"] == "Stadsstyrelsen"
    assert sv_item["section"] == "25"
    assert sv_item["record_number"] == FACTS["minutes_sv"]["record_number"]
    internal = next(r for r in rows if r["doc_id"] == "intern-tietoturvaohje")
    assert internal["access"] == "internal"


def test_documents_table(corpus: Corpus, cli: Callable[..., Result]) -> None:
    result = cli("--data-dir", str(corpus.data_dir), "documents")
    assert result.exit_code == 0
    assert PDF_ID in result.stdout
    assert "Kaupunginhallitus 2024-01-22 § 23" in result.stdout
    assert "intern-tietoturvaohje" in result.stdout  # the CLI operator sees every level


def test_search_json_returns_citations(corpus: Corpus, cli: Callable[..., Result]) -> None:
    args = ["--data-dir", str(corpus.data_dir), "search", "Digiohjelma 2024–2026 päätösehdotus"]
    rows = _json(cli(*args, "--doc", PDF_ID, "--k", "3", "--json"))
    assert 1 <= len(rows) <= 3
    assert all(r["doc_id"] == PDF_ID for r in rows)
    assert rows[0]["citation"].startswith("Kaupunginhallitus 22.1.2024 § 25, p. ")  # UI language en
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)

    finnish = _json(cli(*args, "--k", "3", "--json", env={"TIEKARTTA_UI_LANGUAGE": "fi"}))
    assert any(r["citation"].startswith("Kaupunginhallitus 22.1.2024 § 25, s. ") for r in finnish)

    swedish = _json(cli(*args, "--language", "sv", "--json"))
    assert swedish and all(r["doc_id"] != PDF_ID for r in swedish)
    dated = _json(cli(*args, "--from", "2025-01-01", "--to", "2025-12-31", "--json"))
    assert dated and all(r["doc_id"] not in (PDF_ID, SV_MINUTES_ID) for r in dated)

    bad = cli(*args, "--language", "de")
    assert bad.exit_code == 1 and "--language must be fi, sv or en" in bad.output
    bad_date = cli(*args, "--from", "22.1.2024")
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    _no_trace(bad)
    _no_trace(bad_date)


def test_ask_json_answers_with_citations(corpus: Corpus, cli: Callable[..., Result]) -> None:
    base = ["--data-dir", str(corpus.data_dir), "ask"]
    answer = _json(cli(*base, APPROVAL_QUESTION_FI, "--json"))
    assert answer["found"] is True
    assert answer["language"] == "fi"
    assert answer["mode"] == "extractive"
    pdf = [s for s in answer["sources"] if s["doc_id"] == PDF_ID]
    assert pdf
    assert all(s["citation"].startswith("Kaupunginhallitus 22.1.2024 § 25, s. ") for s in pdf)
    assert all(s["page"] in (4, 5) and s["date"] == "2024-01-22" for s in pdf)
    assert answer["citations"]
    assert {c["source_number"] for c in answer["citations"]} <= {
        s["number"] for s in answer["sources"]
    }

    follow_up = _json(
        cli(*base, "entä vuonna 2025?", "--conversation", answer["conversation_id"], "--json")
    )
    assert follow_up["conversation_id"] == answer["conversation_id"]
    assert follow_up["found"] is True

    unknown = cli(*base, "entä vuonna 2025?", "--conversation", "nope")
    assert unknown.exit_code == 1 and "unknown conversation id 'nope'" in unknown.output
    _no_trace(unknown)

    text = cli(*base, "När godkände stadsstyrelsen digitaliseringsprogrammet 2024–2026?")
    assert text.exit_code == 0
    assert text.stdout.startswith("I dokumenten konstateras:")
    assert "Källor" in text.stdout and "Stadsstyrelsen 22.1.2024 § 25" in text.stdout
    assert "conversation: " in text.stdout


def test_ask_not_found(corpus: Corpus, cli: Callable[..., Result]) -> None:
    args = ["--data-dir", str(corpus.data_dir), "ask", "Who won the football world cup in 1998?"]
    answer = _json(cli(*args, "--json"))
    assert answer["found"] is False
    assert answer["answer"] == "The answer was not found in the documents."
    assert answer["sources"] == []


def test_remove_deletes_a_document(
    corpus: Corpus, cli: Callable[..., Result], tmp_path: Path
) -> None:
    extra = tmp_path / "uimahalli-kesa.txt"
    extra.write_text(
        "Porvoon uimahalli on kesällä avoinna arkisin kello 6–20 ja viikonloppuisin 9–17. "
        "Juhannuksena uimahalli on suljettu.",
        encoding="utf-8",
    )
    data = ["--data-dir", str(corpus.data_dir)]
    ingested = cli(*data, "ingest", str(extra), "--json")
    assert _json(ingested)["ingested"] == ["uimahalli-kesa"]
    hits = _json(cli(*data, "search", "uimahallin aukioloajat juhannuksena", "--json"))
    assert hits[0]["doc_id"] == "uimahalli-kesa"

    removed = cli(*data, "remove", "uimahalli-kesa")
    assert removed.exit_code == 0
    assert "Document 'uimahalli-kesa' removed." in removed.stdout
    listed = _json(cli(*data, "documents", "--json"))
    assert "uimahalli-kesa" not in {d["doc_id"] for d in listed}
    hits = _json(cli(*data, "search", "uimahallin aukioloajat juhannuksena", "--json"))
    assert all(h["doc_id"] != "uimahalli-kesa" for h in hits)

    again = cli(*data, "remove", "uimahalli-kesa")
    assert again.exit_code == 1
    assert "There is no document 'uimahalli-kesa'" in again.output
    _no_trace(again)


# -- keys ----------------------------------------------------------------------------------


def test_keys_create_list_revoke(cli: Callable[..., Result], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    created = cli("--data-dir", str(data_dir), "keys", "create", "--role", "reader", "--label", "x")
    assert created.exit_code == 0, created.output
    assert "New reader key" in created.stdout
    secret = created.stdout.strip().splitlines()[-1]
    assert secret.startswith("tk_")

    registry = Tiekartta(make_settings(data_dir)).registry
    key = registry.keys.verify_key(secret)
    assert key is not None and key.role == "reader" and key.label == "x"
    assert key.clearance == frozenset({"public"})

    listed = _json(cli("--data-dir", str(data_dir), "keys", "list", "--json"))
    assert [k["key_id"] for k in listed] == [key.key_id]
    assert secret not in json.dumps(listed)

    staff = cli(
        "--data-dir", str(data_dir), "keys", "create", "--role", "reader",
        "--clearance", "public,internal",
    )  # fmt: skip
    assert staff.exit_code == 0
    staff_key = registry.keys.verify_key(staff.stdout.strip().splitlines()[-1])
    assert staff_key is not None and staff_key.clearance == frozenset({"public", "internal"})

    revoked = cli("--data-dir", str(data_dir), "keys", "revoke", key.key_id)
    assert revoked.exit_code == 0 and f"Key {key.key_id} revoked." in revoked.stdout
    assert registry.keys.verify_key(secret) is None
    unknown = cli("--data-dir", str(data_dir), "keys", "revoke", "nope")
    assert unknown.exit_code == 1 and "no key 'nope'" in unknown.output

    bad_clearance = cli(
        "--data-dir", str(data_dir), "keys", "create", "--role", "reader", "--clearance", "secret"
    )
    assert bad_clearance.exit_code == 1 and "unknown access level(s) secret" in bad_clearance.output
    _no_trace(bad_clearance)


def test_keys_create_unknown_role_is_readable(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = run_cli(data_dir, "keys", "create", "--role", "boss")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "unknown role 'boss'" in result.stderr
    assert "reader, editor, approver, admin" in result.stderr
    assert not result.stdout.strip().startswith("tk_")


# -- eval ----------------------------------------------------------------------------------


def _write_jsonl(path: Path, rows: list[Any]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


QA = [
    {
        "id": "q1",
        "question": APPROVAL_QUESTION_FI,
        "language": "fi",
        "gold_docs": [PDF_ID, SV_MINUTES_ID],
        "must_contain": ["digiohjelma"],
        "type": "fact",
    },
    {
        "id": "q2",
        "question": "Hur många åtgärder i färdplanen var slutförda hösten 2025?",
        "language": "sv",
        "gold_docs": ["fardplan-uppfoljning-2025"],
        "type": "fact",
    },
    {
        "id": "q3",
        "question": "Who won the football world cup in 1998?",
        "language": "en",
        "gold_docs": [],
        "type": "unanswerable",
    },
]
METRICS = (
    "n",
    "answerable",
    "unanswerable",
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr",
    "answer_contains",
    "unanswerable_refusal",
    "false_refusal",
    "search_ms_median",
    "search_ms_p95",
)


def test_eval_retrieval_prints_metrics(
    corpus: Corpus, cli: Callable[..., Result], tmp_path: Path
) -> None:
    qa = _write_jsonl(tmp_path / "qa.jsonl", QA)
    data = ["--data-dir", str(corpus.data_dir)]
    scores = _json(cli(*data, "eval", "retrieval", "--qa", str(qa), "--json", "--details"))
    assert set(METRICS) <= set(scores)
    assert (scores["n"], scores["answerable"], scores["unanswerable"]) == (3, 2, 1)
    assert scores["recall@10"] == 1.0
    assert 0.0 < scores["mrr"] <= 1.0
    assert scores["recall@1"] <= scores["recall@5"] <= scores["recall@10"]
    assert scores["unanswerable_refusal"] == 1.0
    results = scores["results"]
    assert [r["id"] for r in results] == ["q1", "q2", "q3"]
    assert results[0]["rank"] is not None and results[1]["rank"] is not None
    assert results[2]["found"] is False and results[2]["contains"] is None
    # The same figures per question type and per language pair (question -> gold documents).
    assert set(scores["by_type"]) == {"fact", "unanswerable"}
    assert scores["by_type"]["fact"]["n"] == 2
    assert scores["by_type"]["unanswerable"]["unanswerable_refusal"] == 1.0
    assert scores["by_type"]["unanswerable"]["recall@1"] is None
    assert set(scores["by_language_pair"]) == {"fi->fi/sv", "sv->sv", "en->-"}
    assert [r["pair"] for r in results] == ["fi->fi/sv", "sv->sv", "en->-"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([QA[0], "{not json", QA[2]], ":2: not valid JSON"),
        ([QA[0], QA[1], {"id": "q9", "question": "Mikä?"}], ":3: field 'gold_docs' is missing"),
        (
            [{"id": "q1", "question": "x", "gold_docs": "doc"}],
            ":1: field 'gold_docs' must be a list",
        ),
        ([""], ": no questions found"),
    ],
    ids=["bad-json", "missing-field", "not-a-list", "empty"],
)
def test_eval_retrieval_malformed_qa_names_the_line(
    cli: Callable[..., Result], tmp_path: Path, rows: list[Any], expected: str
) -> None:
    qa = _write_jsonl(tmp_path / "qa-bad.jsonl", rows)
    result = cli("--data-dir", str(tmp_path / "data"), "eval", "retrieval", "--qa", str(qa))
    assert result.exit_code == 1
    assert f"Error: {qa}{expected}" in result.output
    _no_trace(result)


def test_eval_retrieval_missing_qa_file(cli: Callable[..., Result], tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    result = cli("--data-dir", str(tmp_path / "data"), "eval", "retrieval", "--qa", str(missing))
    assert result.exit_code == 1
    assert f"{missing}: file not found" in result.output
    _no_trace(result)


# -- readable failures ---------------------------------------------------------------------


def test_ingest_missing_path_is_readable(cli: Callable[..., Result], tmp_path: Path) -> None:
    missing = tmp_path / "ei-ole"
    result = cli("--data-dir", str(tmp_path / "data"), "ingest", str(missing))
    assert result.exit_code == 1
    assert f"Error: not found: {missing}" in result.output
    _no_trace(result)


def test_ingest_only_bad_files_exits_non_zero(cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "tyhja.txt").write_bytes(b"")
    result = cli("--data-dir", str(tmp_path / "data"), "ingest", str(tmp_path / "tyhja.txt"))
    assert result.exit_code == 1
    assert "FAILED" in result.stdout and "tyhja.txt: empty file" in result.stdout
    assert "Ingested 0, unchanged 0, failed 1" in result.stdout


def test_ingest_bad_option_is_readable(cli: Callable[..., Result], tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Porvoon kaupungin kirjasto on avoinna arkisin.", encoding="utf-8")
    result = cli("--data-dir", str(tmp_path / "data"), "ingest", str(doc), "--access", "secret")
    assert "access 'secret' is not one of" in result.output
    assert result.exit_code == 1
    _no_trace(result)


def test_bogus_embeddings_setting_is_a_readable_config_error(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = run_cli(data_dir, "documents", TIEKARTTA_EMBEDDINGS="bogus")
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "TIEKARTTA_EMBEDDINGS" in result.stderr
    assert "unknown embeddings backend 'bogus'" in result.stderr
    assert "e5-bundled" in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"TIEKARTTA_UI_LANGUAGE": "de"}, "TIEKARTTA_UI_LANGUAGE"),
        ({"TIEKARTTA_SEARCH_K": "many"}, "TIEKARTTA_SEARCH_K"),
        ({"TIEKARTTA_EMBEDDINGS": "openai:"}, "needs a model after ':'"),
    ],
)
def test_other_bad_settings_are_readable(
    cli: Callable[..., Result], tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    result = cli("--data-dir", str(tmp_path / "data"), "documents", env=env)
    assert result.exit_code == 2
    assert expected in result.output
    _no_trace(result)


@pytest.fixture
def fi_cli(cli: Callable[..., Result]) -> Iterator[Callable[..., Result]]:
    def invoke(*args: str) -> Result:
        return cli(*args, env={"TIEKARTTA_UI_LANGUAGE": "fi"})

    yield invoke


def test_messages_in_finnish(fi_cli: Callable[..., Result], tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    empty = fi_cli(*data, "documents")
    assert empty.exit_code == 0
    assert "Ei asiakirjoja." in empty.stdout
    missing = fi_cli(*data, "remove", "ei-ole")
    assert missing.exit_code == 1
    assert "Virhe: Asiakirjaa 'ei-ole' ei ole." in missing.output
