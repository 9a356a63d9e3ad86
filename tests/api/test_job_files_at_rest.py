"""Personal data in the files of classify jobs: the uploaded proposal file and the result files
in the job's folder are masked once the job has ended and the retention period has passed (at
the end of the job with retention 0); running jobs and the CLI user's own files stay as they
are. Real files, real SQLite, the real classifier and masker, the HTTP upload."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli.main import app as cli
from api.container import Tiekartta
from api.services.job_files import MASKED_MARKER
from rag.classify.jobs import CLASSIFY_JOB, classify_params
from rag.jobs import JobContext
from rag.store.db import iso_utc
from rag.store.jobs import JobRecord
from tests.api.helpers import Api, api_for
from tests.conftest import make_settings

PERSONAL = {
    "henkilötunnus": "131052-308T",
    "phone": "040 123 4567",
    "e-mail": "matti.virtanen@example.fi",
}
ROWS = [
    ["id", "ehdotus", "yhteystieto"],
    ["e1", f"Penkki rantaan. Soita {PERSONAL['phone']}", PERSONAL["e-mail"]],
    ["e2", f"Sähköinen ajanvaraus, hetu {PERSONAL['henkilötunnus']}", ""],
    ["e3", "Kirjaston e-kirjat myös ruotsiksi", PERSONAL["phone"]],
    ["e4", "", f"tyhjä ehdotus, {PERSONAL['e-mail']}"],  # rejected: kept only in the input
]
LATER = datetime.now(UTC) + timedelta(days=31)  # past the default 30 days of raw text


def proposal_csv() -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";").writerows(ROWS)
    return buffer.getvalue().encode("utf-8-sig")


def raw_pieces(path: Path) -> list[str]:
    """The personal data items still readable in a file (as text, any table format)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return [kind for kind, piece in PERSONAL.items() if piece in text]


def upload(api: Api, out_format: str = "csv") -> JobRecord:
    """A proposal file through POST /proposals/classify, run to its end by the job runner."""
    response = api.client.post(
        "/proposals/classify",
        files={"file": ("ehdotukset.csv", proposal_csv(), "text/csv")},
        data={"text_column": "ehdotus", "id_column": "id", "out_format": out_format},
        headers=api.headers("editor"),
    )
    assert response.status_code == 202, response.text
    job = api.service.jobs.wait(response.json()["job_id"], timeout=300)
    assert job.status == "done", job.error
    return job


def job_files(service: Tiekartta, job: JobRecord) -> dict[str, Path]:
    folder = service.job_runner.jobs_dir / job.job_id
    files = {"input": Path(job.params["input"]), "rejected": folder / "rejected.csv"}
    files["result"] = folder / str(job.result["file"])
    return files


def kept_upload(service: Tiekartta, name: str = "0123456789abcdef.csv") -> Path:
    """A proposal file where the API (or, with a folder, the web page) keeps an upload."""
    kept = service.settings.data_dir / "uploads" / "proposals" / name
    kept.parent.mkdir(parents=True)
    kept.write_bytes(proposal_csv())
    return kept


def started_job(service: Tiekartta, kept: Path) -> JobRecord:
    """A classify job of the kept file, stored as running (nothing has run it yet)."""
    params = classify_params(kept, ["ehdotus"], ["id"], filename="ehdotukset.csv")
    job = service.registry.jobs.create_job(CLASSIFY_JOB, "k1", params)
    return service.registry.jobs.start_job(job.job_id)


def download(api: Api, job: JobRecord) -> list[list[str]]:
    response = api.client.get(f"/jobs/{job.job_id}/result", headers=api.headers("editor"))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_pass_masks_an_ended_jobs_upload_and_result_files(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    api = api_for(service, roles=("editor",))
    with api.client:
        job = upload(api)
        files = job_files(service, job)
        # Inside the data directory: the copy the job reads again when it resumes.
        assert service.settings.data_dir / "uploads" in files["input"].parents
        # Within the retention period the files are raw (rejected.csv names rows, no text).
        assert raw_pieces(files["input"]) and raw_pieces(files["result"])
        before = download(api, job)

        report = service.privacy.mask_stored(now=LATER)
        assert (report.job_files, report.job_file_errors) == (2, ())
        for name, path in files.items():
            assert raw_pieces(path) == [], name
        # The download keeps every row, column and label; only people's details are masked.
        after = download(api, job)
        assert [row[:1] + row[3:6] for row in after] == [row[:1] + row[3:6] for row in before]
        assert after[1][1] == "Penkki rantaan. Soita [PHONE]" and after[1][2] == "[EMAIL]"
        with files["input"].open(encoding="utf-8-sig") as handle:
            kept = list(csv.reader(handle, delimiter=";"))
        assert kept[0] == ROWS[0] and kept[4] == ["e4", "", "tyhjä ehdotus, [EMAIL]"]

    event = service.audit.events(action="privacy.mask", limit=1)[0]
    assert event.detail["job_files"] == 2 and event.detail["job_file_errors"] == []
    # Idempotent: the next pass and a full pass change no file.
    masked = {name: path.read_bytes() for name, path in files.items()}
    assert service.privacy.mask_stored(now=LATER).job_files == 0
    assert service.privacy.mask_stored(now=LATER, everything=True).job_files == 0
    assert {name: path.read_bytes() for name, path in files.items()} == masked


def test_retention_zero_masks_the_files_when_the_job_ends(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path, raw_text_retention_days=0))
    api = api_for(service, roles=("editor",))
    with api.client:
        job = upload(api, out_format="jsonl")
        files = job_files(service, job)
        assert files["result"].suffix == ".jsonl"
        # No masking pass ran after the job: it ended with its files masked.
        for name, path in files.items():
            assert raw_pieces(path) == [], name
        assert (service.job_runner.jobs_dir / job.job_id / MASKED_MARKER).is_file()
        lines = [json.loads(line) for line in files["result"].read_text("utf-8").splitlines()]
        assert [line["id"] for line in lines] == ["e1", "e2", "e3"]
        assert all(line["labels"] and line["primary"] in line["labels"] for line in lines)
        assert lines[1]["ehdotus"] == "Sähköinen ajanvaraus, hetu [HETU]"
    assert service.privacy.mask_stored().job_files == 0  # nothing left for the pass


def test_retention_zero_writes_the_result_files_masked(tmp_path: Path) -> None:
    # The job's handler alone, without the runner's end-of-job masking: nothing raw is written.
    service = Tiekartta(make_settings(tmp_path, raw_text_retention_days=0))
    kept = kept_upload(service)
    job = started_job(service, kept)
    result = service.proposals.run_job(JobContext(job, service.registry, tmp_path / "out"))
    assert result["proposals"] == 3
    assert raw_pieces(tmp_path / "out" / "result.csv") == []
    assert raw_pieces(kept)  # the input is masked when the job is stored as ended


def test_a_running_job_is_never_touched_and_resumes_from_its_raw_input(tmp_path: Path) -> None:
    # Retention 0 is the strictest: everything that ended is due at once.
    service = Tiekartta(make_settings(tmp_path, raw_text_retention_days=0))
    kept = kept_upload(service)
    job = started_job(service, kept)  # the server died while it ran
    (service.job_runner.jobs_dir / job.job_id).mkdir(parents=True)
    raw = kept.read_bytes()

    report = service.privacy.mask_stored()
    assert (report.job_files, report.job_file_errors) == (0, ())
    assert kept.read_bytes() == raw

    # The next server start (its own masking pass first) resumes the job from the raw file.
    with TestClient(create_app(service=service)):
        resumed = service.jobs.wait(job.job_id, timeout=300)
    assert resumed.status == "done" and resumed.result["proposals"] == 3
    assert resumed.params["fingerprint"] == job.params["fingerprint"]
    stored = service.registry.proposals.job_proposals(job.job_id)
    assert sorted(stored) == ["e1", "e2", "e3"]
    # Ended, it was masked like any other job.
    assert raw_pieces(kept) == [] and raw_pieces(job_files(service, resumed)["result"]) == []


def test_an_upload_another_job_still_reads_is_masked_only_after_that_job_ends(
    tmp_path: Path,
) -> None:
    # The web page can start a second job from the same uploaded file.
    service = Tiekartta(make_settings(tmp_path))
    kept = kept_upload(service, "0123456789abcdef/ehdotukset.csv")
    params = classify_params(kept, ["ehdotus"], ["id"])
    ended, _result, _resumed = service.proposals.run_here(params, actor="k1")
    waiting = service.registry.jobs.create_job(CLASSIFY_JOB, "k1", params)

    first = service.privacy.mask_stored(now=LATER)
    assert first.job_files == 1  # the result; the input is still needed
    assert raw_pieces(kept) and raw_pieces(job_files(service, ended)["result"]) == []
    assert not (service.job_runner.jobs_dir / ended.job_id / MASKED_MARKER).exists()

    service.registry.jobs.fail_job(waiting.job_id, "stopped by hand")
    second = service.privacy.mask_stored(now=LATER)
    assert second.job_files == 1 and raw_pieces(kept) == []
    assert (service.job_runner.jobs_dir / ended.job_id / MASKED_MARKER).is_file()


def test_the_cli_users_own_files_stay_theirs_the_kept_copies_are_masked(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path / "data", raw_text_retention_days=0))
    own = tmp_path / "omat" / "ehdotukset.csv"
    own.parent.mkdir()
    own.write_bytes(proposal_csv())
    out = tmp_path / "omat" / "tulos.csv"
    params = classify_params(own, ["ehdotus"], ["id"], out_path=out)
    job, _result, _resumed = service.proposals.run_here(params)
    assert own.read_bytes() == proposal_csv()  # never changed by tiekartta
    assert raw_pieces(out)  # the file the person asked for, as they asked
    folder = service.job_runner.jobs_dir / job.job_id
    assert raw_pieces(folder / "result.csv") == [] and raw_pieces(folder / "rejected.csv") == []
    assert service.privacy.mask_stored().job_files == 0
    assert own.read_bytes() == proposal_csv()


def test_a_broken_job_file_is_named_and_the_pass_masks_the_others(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    api = api_for(service, roles=("editor",))
    with api.client:
        broken, fine = upload(api, out_format="xlsx"), upload(api)
    broken_files, fine_files = job_files(service, broken), job_files(service, fine)
    garbage = b"PK\x03\x04 broken " + PERSONAL["phone"].encode()
    broken_files["result"].write_bytes(garbage)
    old = iso_utc(datetime.now(UTC) - timedelta(days=40))
    with service.registry.transaction() as conn:
        conn.execute("UPDATE jobs SET updated_at = ?", (old,))

    env = {"TIEKARTTA_DATA_DIR": str(tmp_path), "TIEKARTTA_UI_LANGUAGE": "fi"}
    result = CliRunner().invoke(cli, ["db", "mask-personal-data"], env=env)
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    name = f"jobs/{broken.job_id}/result.xlsx"
    assert f"Henkilötietoja ei voitu peittää tiedostosta {name}: corrupt" in said
    assert "3 päättyneen työn tiedostoa" in said  # the other files were masked all the same
    assert "Traceback" not in result.output
    assert broken_files["result"].read_bytes() == garbage  # nothing lost
    for files in (fine_files, {k: v for k, v in broken_files.items() if k != "result"}):
        assert all(raw_pieces(path) == [] for path in files.values())
    # The broken job is tried again by the next pass; the masked one is not.
    again = CliRunner().invoke(cli, ["db", "mask-personal-data", "--json"], env=env)
    assert again.exit_code == 1
    report = json.loads(again.stdout)
    assert report["job_files"] == 0 and report["job_file_errors"] == [
        f"{name}: corrupt or unreadable Excel file (File is not a zip file)"
    ]
    for lang, said in (
        ("sv", "kunde inte maskeras i filen"),
        ("en", "could not be masked in the file"),
    ):
        run = CliRunner().invoke(
            cli, ["db", "mask-personal-data"], env={**env, "TIEKARTTA_UI_LANGUAGE": lang}
        )
        assert run.exit_code == 1 and f"{said} {name}" in " ".join(run.output.split())


def _age(path: Path, days: int) -> None:
    """Set a kept upload's (and its files') last write ``days`` back."""
    moment = (datetime.now(UTC) - timedelta(days=days)).timestamp()
    for each in [path, *(path.rglob("*") if path.is_dir() else [])]:
        os.utime(each, (moment, moment))


def test_uploads_no_job_took_up_are_removed_once_old(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    folder = service.settings.data_dir / "uploads" / "proposals"
    taken = kept_upload(service, "aaaaaaaaaaaaaaaa.csv")
    started_job(service, taken)  # a job's input is never removed as abandoned
    api_style = folder / "bbbbbbbbbbbbbbbb.csv"
    api_style.write_bytes(proposal_csv())
    web_style = folder / "cccccccccccccccc" / "kysely.csv"  # the web page's column choice
    web_style.parent.mkdir()
    web_style.write_bytes(proposal_csv())
    fresh = folder / "dddddddddddddddd" / "uusi.csv"
    fresh.parent.mkdir()
    fresh.write_bytes(proposal_csv())
    for path in (taken, api_style, web_style.parent):
        _age(path, 40)

    report = service.privacy.mask_stored()  # 30 days of raw text by default
    assert report.abandoned_uploads == 2
    assert taken.exists() and fresh.exists()
    assert not api_style.exists() and not web_style.parent.exists()
    event = service.audit.events(action="privacy.mask", limit=1)[0]
    assert event.detail["abandoned_uploads"] == 2
    assert service.privacy.mask_stored().abandoned_uploads == 0


def test_retention_zero_keeps_an_upload_waiting_for_its_columns_for_a_day(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path, raw_text_retention_days=0))
    waiting = service.settings.data_dir / "uploads" / "proposals" / "eeeeeeeeeeeeeeee" / "a.csv"
    waiting.parent.mkdir(parents=True)
    waiting.write_bytes(proposal_csv())
    assert service.privacy.mask_stored().abandoned_uploads == 0 and waiting.exists()
    _age(waiting.parent, 2)
    assert service.privacy.mask_stored().abandoned_uploads == 1 and not waiting.exists()


def test_a_refused_proposal_file_is_not_kept(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    api = api_for(service, roles=("editor",))
    with api.client:
        response = api.client.post(
            "/proposals/classify",
            files={"file": ("ehdotukset.csv", proposal_csv(), "text/csv")},
            data={"text_column": "ei_ole"},  # no such column: refused at once
            headers=api.headers("editor"),
        )
    assert response.status_code == 400, response.text
    assert "ei_ole" in response.json()["detail"]
    kept = service.settings.data_dir / "uploads" / "proposals"
    assert list(kept.iterdir()) == []


def test_an_unreadable_web_upload_is_removed_with_its_error_shown(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    client = TestClient(create_app(service=service))
    secret = service.registry.keys.create_key("editor", "t").secret
    with client:
        login = client.get("/app/login").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', login)
        assert csrf
        signed = client.post(
            "/app/login",
            data={"key": secret, "csrf": csrf.group(1), "next": "/app/proposals"},
            follow_redirects=False,
        )
        assert signed.status_code == 303
        page = client.get("/app/proposals").text
        token = re.search(r'name="csrf" value="([^"]+)"', page)
        assert token
        response = client.post(
            "/app/proposals/upload",
            data={"csrf": token.group(1)},
            files={"file": ("kysely.xlsx", b"not a workbook", "application/octet-stream")},
        )
    assert response.status_code == 400
    assert "kysely.xlsx" in response.text
    kept = service.settings.data_dir / "uploads" / "proposals"
    assert list(kept.iterdir()) == []
