"""HTTP: classify a list now, a file as a background job (progress, download), decisions, the
review queue. Real SQLite, real bundled e5 model, the real classifier."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import openpyxl
import pytest

from api.container import Tiekartta
from tests.api.helpers import Api, api_for
from tests.conftest import make_settings

LABELS = {"a", "b", "c", "none"}
PROPOSALS = [
    {"id": "fi-1", "text": "Terveysaseman ajanvaraus verkossa ja tekstiviestimuistutus"},
    {
        "id": "sv-1",
        "text": "Anmälan till simskolan borde gå att göra på nätet i stället för på papper",
    },
    {
        "id": "en-1",
        "text": "Automate invoice handling in the city's finance office with software robots",
    },
    {"id": "fi-2", "text": "Uusi penkki ja roska-astia rantapolun varteen"},
]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    data = tmp_path_factory.mktemp("proposals-api")
    service = Tiekartta(make_settings(data, classify_checkpoint_rows=4, classify_sync_limit=10))
    api = api_for(service, roles=("reader", "editor", "admin"))
    with api.client:  # runs the lifespan (job runner)
        yield api


def check_result(item: dict[str, object]) -> None:
    labels = item["labels"]
    assert isinstance(labels, list) and labels and set(labels) <= LABELS
    assert labels == ["none"] or "none" not in labels
    assert item["primary"] in labels
    assert 0.0 <= float(item["confidence"]) <= 1.0  # type: ignore[arg-type]
    assert isinstance(item["reason"], str) and item["reason"]


def test_sync_classify_finnish_swedish_english(api: Api) -> None:
    response = api.client.post(
        "/proposals/classify", json={"proposals": PROPOSALS}, headers=api.headers("editor")
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["fi-1", "sv-1", "en-1", "fi-2"]
    for item in results:
        check_result(item)
    assert [r["language"] for r in results] == ["fi", "sv", "en", "fi"]
    listed = api.client.get("/proposals", headers=api.headers("reader")).json()
    assert {"fi-1", "sv-1", "en-1", "fi-2"} <= {p["id"] for p in listed}
    events = api.service.registry.audit.list_events(action="classify", actor=api.key_ids["editor"])
    assert events and "sv-1" in events[0].detail["proposals"]


def test_sync_classify_errors_are_readable(api: Api) -> None:
    many = {"proposals": [{"text": f"Ehdotus numero {i}"} for i in range(11)]}
    response = api.client.post(
        "/proposals/classify", json=many, headers=api.headers("editor", **{"accept-language": "fi"})
    )
    assert response.status_code == 413
    assert "Enintään 10 ehdotusta" in response.json()["detail"]
    empty = {"proposals": [{"text": "Hyvä ehdotus"}, {"text": "   "}]}
    response = api.client.post("/proposals/classify", json=empty, headers=api.headers("editor"))
    assert response.status_code == 422 and "proposal 2 is empty" in response.json()["detail"]
    response = api.client.post(
        "/proposals/classify", json={"proposals": "x"}, headers=api.headers("editor")
    )
    assert response.status_code == 422 and "proposals" in response.json()["detail"]
    response = api.client.post("/proposals/classify", json=empty, headers=api.headers("reader"))
    assert response.status_code == 403
    llm = {"proposals": PROPOSALS[:1], "mode": "llm"}
    response = api.client.post("/proposals/classify", json=llm, headers=api.headers("editor"))
    assert response.status_code == 400 and "No language model" in response.json()["detail"]


def _upload_csv() -> bytes:
    rows = [["id", "otsikko", "kuvaus"]]
    rows += [[f"r{i}", p["id"], p["text"]] for i, p in enumerate(PROPOSALS * 2, start=1)]
    rows.insert(3, ["r-empty", "", ""])  # row 4 in Excel's numbering
    rows.append(["r1", PROPOSALS[0]["id"], PROPOSALS[0]["text"]])  # a repeat of row 2
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";").writerows(rows)
    return buffer.getvalue().encode("cp1252")


def test_file_job_end_to_end_with_download(api: Api) -> None:
    files = {"file": ("ehdotukset.csv", _upload_csv(), "text/csv")}
    form = {"text_column": "otsikko,kuvaus", "id_column": "id"}
    response = api.client.post(
        "/proposals/classify", files=files, data=form, headers=api.headers("editor")
    )
    assert response.status_code == 202, response.text
    submitted = response.json()
    assert (submitted["rows"], submitted["proposals"], submitted["rejected_rows"]) == (10, 8, 1)
    job_id = submitted["job_id"]
    api.service.jobs.wait(job_id, timeout=300)

    status = api.client.get(f"/jobs/{job_id}", headers=api.headers("editor")).json()
    assert status["status"] == "done", status
    assert (status["done"], status["total"]) == (8, 8)
    result = status["result"]
    assert (result["classified"], result["resumed"], result["repeated_rows"]) == (8, 0, 1)
    assert result["rejected"] == [
        {
            "row": 4,
            "id": "r-empty",
            "reason": "empty_text",
            "detail": "no text in otsikko, kuvaus",
            "facts": {"columns": "otsikko, kuvaus"},
        }
    ]
    assert sum(result["primary_labels"].values()) == 8

    download = api.client.get(status["result_url"], headers=api.headers("editor"))
    assert download.status_code == 200
    assert download.headers["content-disposition"].endswith('ehdotukset-classified.csv"')
    table = list(csv.reader(io.StringIO(download.content.decode("cp1252")), delimiter=";"))
    assert table[0] == [
        "id",
        "otsikko",
        "kuvaus",
        "labels",
        "primary",
        "confidence",
        "reason",
        "needs_review",
    ]
    assert len(table) == 1 + 9 and [r[0] for r in table[1:]].count("r1") == 2
    for row in table[1:]:
        check_result(
            {"labels": row[3].split(";"), "primary": row[4], "confidence": row[5], "reason": row[6]}
        )
    # other keys do not see someone else's job
    assert api.client.get(f"/jobs/{job_id}", headers=api.headers("reader")).status_code == 404


def test_file_job_xlsx_output_and_bad_files(api: Api) -> None:
    files = {"file": ("ehdotukset.csv", _upload_csv(), "text/csv")}
    form = {"text_column": "kuvaus", "id_column": "id", "out_format": "xlsx"}
    response = api.client.post(
        "/proposals/classify", files=files, data=form, headers=api.headers("editor")
    )
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    assert api.service.jobs.wait(job_id, timeout=300).status == "done"
    download = api.client.get(f"/jobs/{job_id}/result", headers=api.headers("editor"))
    sheet = openpyxl.load_workbook(io.BytesIO(download.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-5:] == ("labels", "primary", "confidence", "reason", "needs_review")
    assert len(rows) == 10

    form = {"text_column": "teksti"}
    response = api.client.post(
        "/proposals/classify",
        files={"file": ("ehdotukset.csv", _upload_csv(), "text/csv")},
        data=form,
        headers=api.headers("editor", **{"accept-language": "sv"}),
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Filen kan inte behandlas: ehdotukset.csv")
    assert "'teksti'" in response.json()["detail"]
    response = api.client.post(
        "/proposals/classify",
        files={"file": ("notes.pdf", b"%PDF-1.4", "application/pdf")},
        data={"text_column": "x"},
        headers=api.headers("editor"),
    )
    assert response.status_code == 400 and "unknown file type" in response.json()["detail"]
    response = api.client.post(
        "/proposals/classify",
        files={"file": ("ehdotukset.csv", _upload_csv(), "text/csv")},
        data={"text_column": "kuvaus", "out_format": "pdf"},
        headers=api.headers("editor"),
    )
    assert (
        response.status_code == 400 and "unknown output format 'pdf'" in response.json()["detail"]
    )


def test_decision_and_review_queue(api: Api) -> None:
    rows = [{"id": "q-1", "text": "Kaupungin verkkosivuille chat-palvelu asukkaiden kysymyksille"}]
    response = api.client.post(
        "/proposals/classify", json={"proposals": rows}, headers=api.headers("editor")
    )
    assert response.status_code == 200
    decided = api.client.post(
        "/proposals/q-1/decision",
        json={"labels": ["a", "c"], "primary": "a", "note": "chatbot"},
        headers=api.headers("editor"),
    )
    assert decided.status_code == 201, decided.text
    body = decided.json()
    assert (body["labels"], body["primary"], body["actor"]) == (
        ["a", "c"],
        "a",
        api.key_ids["editor"],
    )
    queue = api.client.get("/proposals?needs_review=true&limit=1000", headers=api.headers("reader"))
    assert "q-1" not in {p["id"] for p in queue.json()}
    for p in queue.json():
        assert p["needs_review"] and p["decision"] is None
    shown = api.client.get("/proposals/q-1", headers=api.headers("reader")).json()
    assert shown["decision"]["note"] == "chatbot"
    event = api.service.registry.audit.list_events(action="proposal.decision")[0]
    assert event.actor == api.key_ids["editor"] and event.detail["labels"] == ["a", "c"]

    bad = api.client.post(
        "/proposals/q-1/decision", json={"labels": ["a", "none"]}, headers=api.headers("editor")
    )
    assert bad.status_code == 422 and "'none' cannot be combined" in bad.json()["detail"]
    bad = api.client.post(
        "/proposals/q-1/decision", json={"labels": ["x"]}, headers=api.headers("editor")
    )
    assert bad.status_code == 422 and "unknown label" in bad.json()["detail"]
    missing = api.client.post(
        "/proposals/nope/decision", json={"labels": ["a"]}, headers=api.headers("editor")
    )
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]
    reader = api.client.post(
        "/proposals/q-1/decision", json={"labels": ["a"]}, headers=api.headers("reader")
    )
    assert reader.status_code == 403
