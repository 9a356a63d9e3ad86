"""`tiekartta sources …` and `tiekartta sync` through the CLI, against the local fake server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from api.cli.main import app
from tests.fakes.dynasty_server import DynastyServer, FakeItem

pytestmark = pytest.mark.integration
ENV = {"TIEKARTTA_SYNC_DELAY_SECONDS": "0", "TIEKARTTA_SYNC_RETRIES": "0", "COLUMNS": "200"}


@pytest.fixture
def server() -> Iterator[DynastyServer]:
    item = FakeItem(
        "2024100-3",
        "Stadsstyrelsen",
        "22.01.2024",
        "minutes",
        25,
        "Digitala programmet 2024-2026",
        ["Digitala programmet 2024-2026", "Stadsstyrelsen godkände det digitala programmet."],
    )
    with DynastyServer.publishing("sv", item) as running:
        yield running


def cli(data_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["--data-dir", str(data_dir), *args], env=ENV)


def test_sources_and_sync_from_the_command_line(server: DynastyServer, tmp_path: Path) -> None:
    data = tmp_path / "data"
    url = server.site_url("sv")
    added = cli(data, "sources", "add", "dynasty", "borga-sv", "--url", url, "--language", "sv",
                "--body", "Stadsstyrelsen")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "tiekartta sync borga-sv" in added.output
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "plan.md").write_text("# Plan\n\nDen digitala planen följs upp i oktober.", "utf-8")
    assert cli(data, "sources", "add", "folder", "docs", "--path", str(folder)).exit_code == 0

    config = yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))
    assert [s["name"] for s in config["sources"]] == ["borga-sv", "docs"]
    assert config["sources"][0]["bodies"] == ["Stadsstyrelsen"]
    listed = json.loads(cli(data, "sources", "list", "--json").output)
    assert [(s["name"], s["kind"], s["language"]) for s in listed] == [
        ("borga-sv", "dynasty", "sv"),
        ("docs", "folder", None),
    ]

    first = cli(data, "sync", "--json")
    assert first.exit_code == 0, first.output
    report = json.loads(first.output)
    assert [s["new"] for s in report["sources"]] == [["borga-sv-2024100-3"], ["plan"]]

    again = cli(data, "sync")
    assert again.exit_code == 0, again.output
    assert "borga-sv: new 0, changed 0, unchanged 1, removed 0, failed 0" in again.output
    # RSS, bodies, meetings, agenda and item page: five questions, all answered 304
    assert "(5 requests, 5 not modified)" in again.output

    server.errors["meetingitem"] = 500
    del server.sites["sv"].items["2024100-3"]  # gone from the listings; its page fails
    server.sites["sv"].add(
        FakeItem("2024101-1", "Stadsstyrelsen", "29.01.2024", "minutes", 30, "Ny", ["Ny", "Text"])
    )
    failed = cli(data, "sync", "borga-sv")
    assert failed.exit_code == 1
    assert "FAILED" in failed.output and "HTTP 500" in failed.output

    unknown = cli(data, "sync", "nope")
    assert unknown.exit_code == 1 and "no source named 'nope'" in unknown.output

    removed = cli(data, "sources", "remove", "docs")
    assert removed.exit_code == 0 and "1 documents removed" in removed.output
    documents = json.loads(cli(data, "documents", "--json").output)
    assert "plan" not in {d["doc_id"] for d in documents}


def test_bad_source_definitions_are_refused_with_the_field(tmp_path: Path) -> None:
    bad_url = cli(tmp_path, "sources", "add", "dynasty", "x", "--url", "https://example.org/")
    assert bad_url.exit_code == 1 and "DREQUEST.PHP" in bad_url.output
    bad_name = cli(tmp_path, "sources", "add", "folder", "Iso Nimi", "--path", str(tmp_path))
    assert bad_name.exit_code == 1 and "name" in bad_name.output
    both = cli(tmp_path, "sources", "add", "web", "w", "--sitemap", "https://a/s.xml",
               "--urls", str(tmp_path / "u.txt"))  # fmt: skip
    assert both.exit_code == 1 and "exactly one of" in both.output
    assert cli(tmp_path, "sources", "add", "folder", "d", "--path", str(tmp_path)).exit_code == 0
    twice = cli(tmp_path, "sources", "add", "folder", "d", "--path", str(tmp_path))
    assert twice.exit_code == 1 and "exists already" in twice.output
    (tmp_path / "sources.yaml").write_text("sources:\n  - name: y\n    kind: ftp\n", "utf-8")
    broken = cli(tmp_path, "sources", "list")
    assert broken.exit_code == 1 and "sources[0]" in broken.output and "kind" in broken.output
    assert "Traceback" not in broken.output
