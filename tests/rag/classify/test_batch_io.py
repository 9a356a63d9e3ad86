"""Proposal files in and out: Finnish Excel encodings and delimiters, bad rows, round trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from rag.classify.batch_io import (
    BatchFileError,
    read_proposals,
    rejected_path,
    write_rejected,
    write_results,
)
from rag.core.classification import Classification

ROWS = [
    ["id", "otsikko", "kuvaus", "alue"],
    ["1", "Sähköinen ajanvaraus", "Ajanvaraus verkossa myös äidinkielellä, ei jonoa.", "Keskusta"],
    ["2", "Penkki Näsin puistoon", "Vanhuksille levähdyspaikka kävelyreitille.", "Länsi"],
    ["3", "Återvinning i appen", "Sorteringsguide på svenska och finska i stadens app.", "Öster"],
]


def result(labels: list[str], confidence: float = 0.9) -> Classification:
    return Classification(
        labels=labels,
        primary=labels[0],
        confidence=confidence,
        reason=f"lähin esimerkki: {labels[0]} – ä ö å",
        needs_review=confidence < 0.5,
    )


def write_csv(path: Path, rows: list[list[str]], delimiter: str, encoding: str) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "cp1252"), (",", "utf-8-sig"), ("\t", "utf-8")]
)
def test_csv_round_trip_keeps_columns_delimiter_and_finnish_letters(
    tmp_path: Path, delimiter: str, encoding: str
) -> None:
    source = tmp_path / "ehdotukset.csv"
    write_csv(source, ROWS, delimiter, encoding)
    table = read_proposals(source, ["otsikko", "kuvaus"], ["id"])
    assert table.delimiter == delimiter
    assert table.columns == ROWS[0]
    assert [r.proposal_id for r in table.rows] == ["1", "2", "3"]
    assert (
        table.rows[0].text
        == "Sähköinen ajanvaraus\nAjanvaraus verkossa myös äidinkielellä, ei jonoa."
    )
    assert [r.row for r in table.rows] == [2, 3, 4]  # as Excel numbers them (header = 1)

    out = tmp_path / "tulos.csv"
    results = {"1": result(["a", "c"]), "2": result(["none"], 0.3), "3": result(["b"])}
    assert write_results(table, results, out) == []
    raw = out.read_bytes()
    # cp1252 stays cp1252 (old Excels), UTF-8 input is written with a BOM for Excel
    expected = "cp1252" if encoding == "cp1252" else "utf-8-sig"
    text = raw.decode(expected)
    assert raw.startswith(b"\xef\xbb\xbf") == (expected == "utf-8-sig")
    back = list(
        csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter)
    )
    assert back[0] == [*ROWS[0], "labels", "primary", "confidence", "reason", "needs_review"]
    assert back[1][:4] == ROWS[1]
    assert back[1][4:] == ["a;c", "a", "0.9", "lähin esimerkki: a – ä ö å", "no"]
    assert back[2][4:7] == ["none", "none", "0.3"] and back[2][8] == "yes"
    assert back[3][3] == "Öster"


def test_cp1252_output_falls_back_to_utf8_when_a_result_does_not_fit(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    write_csv(source, ROWS, ";", "cp1252")
    table = read_proposals(source, ["kuvaus"], ["id"])
    odd = Classification(["a"], "a", 0.9, "closest: Łódź 🚲", False)
    out = tmp_path / "out.csv"
    warnings = write_results(table, {"1": odd, "2": odd, "3": odd}, out)
    assert warnings and "UTF-8" in warnings[0]
    assert "Łódź 🚲" in out.read_bytes().decode("utf-8-sig")


def test_xlsx_round_trip_keeps_values_and_finnish_letters(tmp_path: Path) -> None:
    source = tmp_path / "ehdotukset.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Tunnus", "Ehdotus", "Budjetti"])
    sheet.append([101, "Älykkäät roska-astiat ilmoittavat täyttymisestä", 25000])
    sheet.append([102, "=Laskukaava ei ole kaava vaan kuntalaisen teksti", 500])
    sheet.append([None, None, None])  # an empty row in the middle is not a proposal
    sheet.append([103, "Skolans frånvaroanmälan på nätet, på svenska också", 1000.5])
    sheet["B3"].data_type = "s"  # typed as text in Excel ('=...), not a formula
    book.save(source)

    table = read_proposals(source, ["ehdotus"], ["tunnus"])  # names match case-insensitively
    assert [(r.row, r.proposal_id) for r in table.rows] == [(2, "101"), (3, "102"), (5, "103")]
    assert table.rejected == []

    out = tmp_path / "tulos.xlsx"
    write_results(
        table, {"101": result(["b", "c"]), "102": result(["none"]), "103": result(["a"])}, out
    )
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == [
        "Tunnus",
        "Ehdotus",
        "Budjetti",
        "labels",
        "primary",
        "confidence",
        "reason",
        "needs_review",
    ]
    assert rows[1][:3] == [101, "Älykkäät roska-astiat ilmoittavat täyttymisestä", 25000]
    assert rows[1][3:5] == ["b;c", "b"]
    assert rows[2][1].startswith("=Laskukaava")  # stayed text: no formula injection
    assert rows[3][0] == 103 and rows[3][2] == 1000.5 and rows[3][4] == "a"
    assert len(rows) == 4


def test_bad_rows_are_reported_with_row_numbers_never_dropped_silently(tmp_path: Path) -> None:
    good = "Sähköinen palautekanava kaupungin verkkosivuille".encode()
    lines = [
        b"id;teksti",
        b"1;" + good,
        b"2;",  # empty text
        b"3;Ostoskassi t\xe4ynn\xe4 ajatuksia",  # cp1252 bytes pasted into a UTF-8 export
        b"4;" + b"x" * 60,  # over the limit below
        b"5;Kirjaston e-kirjat my\xc3\xb6s ruotsiksi",
        b"1;" + good,  # the same id and text again: a repeat, not an error
        b"1;Eri teksti samalla tunnuksella",  # same id, another text: a conflict
        b"6;Ohjaus\x00merkki",  # a control character: broken text
    ]
    source = tmp_path / "bad.csv"
    source.write_bytes(b"\r\n".join(lines) + b"\r\n")
    table = read_proposals(source, ["teksti"], ["id"], max_chars=50)
    assert table.encoding == "utf-8"  # the good rows are not garbled by the bad one
    assert [r.proposal_id for r in table.rows] == ["1", "5"]
    assert table.rows[1].text == "Kirjaston e-kirjat myös ruotsiksi"
    found = [(r.row, r.proposal_id, r.reason) for r in table.rejected]
    assert found == [
        (3, "2", "empty_text"),
        (4, "3", "undecodable"),
        (5, "4", "too_long"),
        (8, "1", "id_conflict"),
        (9, "6", "undecodable"),
    ]
    assert "60 characters (limit 50)" in table.rejected[2].detail
    assert "row 2" in table.rejected[3].detail
    assert [(r.row, r.first_row, r.proposal_id) for r in table.repeats] == [(7, 2, "1")]

    out = tmp_path / "out.jsonl"
    write_results(table, {"1": result(["a"]), "5": result(["a"])}, out)
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [w["id"] for w in written] == ["1", "5", "1"]  # the repeat gets the same result
    assert written[0]["labels"] == ["a"] and written[0]["needs_review"] is False

    sidecar = rejected_path(out)
    write_rejected(table.rejected, sidecar)
    assert sidecar.name == "out.rejected.csv"
    back = list(csv.reader(io.StringIO(sidecar.read_text("utf-8-sig")), delimiter=";"))
    assert back[0] == ["row", "id", "reason", "detail"]
    assert [b[0] for b in back[1:]] == ["3", "4", "5", "8", "9"]


def test_jsonl_bad_lines_and_existing_label_columns(tmp_path: Path) -> None:
    source = tmp_path / "gold.jsonl"
    source.write_text(
        '{"id": "p1", "text": "Bibliotekets app på svenska", "language": "sv", "labels": ["a"]}\n'
        "not json\n"
        '["a list"]\n'
        '{"id": "p2", "text": "Bike lanes need real-time snow clearing data", "language": "en"}\n',
        encoding="utf-8",
    )
    table = read_proposals(source, ["text"], ["id"])
    assert [(r.proposal_id, r.language) for r in table.rows] == [("p1", "sv"), ("p2", "en")]
    assert [(r.row, r.reason) for r in table.rejected] == [(2, "invalid_json"), (3, "invalid_json")]
    out = tmp_path / "out.jsonl"
    write_results(table, {"p1": result(["b"]), "p2": result(["b"])}, out)
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["labels"] == ["a"]  # the input's own column is kept as it was
    assert first["labels_predicted"] == ["b"] and first["primary"] == "b"


def test_without_id_column_the_id_follows_the_text(tmp_path: Path) -> None:
    source = tmp_path / "plain.csv"
    write_csv(source, [["teksti"], ["Sama teksti"], ["Toinen"], ["Sama teksti"]], ",", "utf-8")
    table = read_proposals(source, ["teksti"])
    ids = [r.proposal_id for r in table.rows]
    assert len(ids) == 2 and ids[0].startswith("t-")
    assert table.repeats[0].proposal_id == ids[0] and table.repeats[0].row == 4
    assert read_proposals(source, ["teksti"]).rows[0].proposal_id == ids[0]  # stable


def test_whole_file_problems_name_the_file_and_the_problem(tmp_path: Path) -> None:
    source = tmp_path / "ehdotukset.csv"
    write_csv(source, ROWS, ";", "cp1252")
    with pytest.raises(
        BatchFileError, match=r"ehdotukset.csv: unknown text column.*'teksti'.*otsikko"
    ):
        read_proposals(source, ["teksti"])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(BatchFileError, match="broken.xlsx: corrupt or unreadable Excel"):
        read_proposals(broken, ["x"])
    odd = tmp_path / "data.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(BatchFileError, match="unknown file type"):
        read_proposals(odd, ["x"])
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(BatchFileError, match="empty"):
        read_proposals(empty, ["x"])


def test_preview_shows_the_columns_and_first_rows_of_a_code_page_export() -> None:
    from rag.classify.batch_io import preview_table
    from tests.conftest import SAMPLE_CORPUS

    columns, rows = preview_table(SAMPLE_CORPUS / "asukaskysely-2025.csv", rows=2)
    assert columns[0] == "vastaus_id" and "vastaus" in columns
    assert len(rows) == 2 and rows[0][0] == "1001"
    assert "löytää" in rows[0][columns.index("vastaus")]  # cp1252 decoded
