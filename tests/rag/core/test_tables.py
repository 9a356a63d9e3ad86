"""The one table reader: CSV/TSV, XLSX and JSONL as numbered rows, and its errors on bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from rag.core.documents import IngestError
from rag.core.limits import InputLimits
from rag.core.tables import TableError, read_table


def test_finnish_excel_csv_keeps_rows_numbered_as_a_spreadsheet_shows_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ehdotukset.csv"
    lines = ["Tunnus;Otsikko;Teksti", "1;Kirjasto;Äänikirjat", "", '2;Silta;"kaksi\nriviä"', "3;;"]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    table = read_table(path)
    assert (table.format, table.encoding, table.delimiter) == ("csv", "cp1252", ";")
    assert table.columns == ["Tunnus", "Otsikko", "Teksti"] and table.header_row == 1
    # the blank line is no row; the quoted cell spans two lines but is one spreadsheet row
    assert [row.number for row in table.rows] == [2, 4, 5]
    assert table.rows[0].values == {"Tunnus": "1", "Otsikko": "Kirjasto", "Teksti": "Äänikirjat"}
    assert table.rows[1].text("Teksti") == "kaksi\nriviä"
    assert table.rows[2].text("Otsikko") == ""


def test_ragged_rows_and_odd_header_names_lose_no_cell(tmp_path: Path) -> None:
    path = tmp_path / "ragged.tsv"
    path.write_text("\n\nid\tname\tname\t\n1\tshort\n2\ta\tb\tc\textra\n", encoding="utf-8")
    table = read_table(path)
    assert table.header_row == 3 and table.delimiter == "\t"
    assert table.header == ["id", "name", "name", ""]
    assert table.columns == ["id", "name", "name_2", "column_4", "column_5"]
    short, wide = table.rows
    assert short.values["name_2"] is None and short.text("column_5") == ""
    assert wide.text("column_5") == "extra" and wide.number == 5


def test_an_empty_file_or_one_without_a_header_names_the_file(tmp_path: Path) -> None:
    for name, data in (("blank.csv", b"\r\n ; \r\n"), ("empty.jsonl", b"\n\n")):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(TableError, match=rf"{name}: the file is empty"):
            read_table(tmp_path / name)


def test_a_file_in_no_text_encoding_is_refused_unless_read_leniently(tmp_path: Path) -> None:
    binary = tmp_path / "kuva.csv"
    binary.write_bytes(b"a;b\n" + bytes(range(256)) * 4)
    with pytest.raises(IngestError, match=r"kuva.csv: undecodable text"):
        read_table(binary)

    mixed = tmp_path / "mixed.csv"
    rows = [
        b"id;text",
        "1;Hyvää päivää".encode(),
        b"2;Ostoskassi t\xe4ynn\xe4",
        "3;Näkemiin".encode(),
    ]
    mixed.write_bytes(b"\n".join(rows))
    table = read_table(mixed, lenient_decoding=True)
    assert table.encoding == "utf-8"  # most rows are UTF-8: the good rows stay readable
    assert [row.text("text") for row in table.rows][::2] == ["Hyvää päivää", "Näkemiin"]
    bad = table.rows[1].text("text")  # the one bad row keeps its bytes, for the caller to reject
    assert bad.startswith("Ostoskassi t") and "\udce4" in bad


def test_a_malformed_csv_row_is_named_with_file_and_row(tmp_path: Path) -> None:
    path = tmp_path / "huge_cell.csv"
    path.write_text("id,text\n1,ok\n2," + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"huge_cell.csv: row 3: malformed CSV") as info:
        read_table(path)
    assert info.value.row == 3


def test_xlsx_values_keep_their_type_and_the_first_filled_sheet_is_read(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    empty = workbook.active
    assert empty is not None
    empty.title = "tyhjä"
    sheet = workbook.create_sheet("toimenpiteet")
    sheet.append(["id", "vuosi", "pvm", None])
    sheet.append([None, None, None, None])
    sheet.append([938.0, 2025, dt.datetime(2025, 3, 1), "  lisä  "])
    workbook.save(tmp_path / "r.xlsx")
    table = read_table(tmp_path / "r.xlsx")
    assert table.format == "xlsx" and table.columns == ["id", "vuosi", "pvm", "column_4"]
    (row,) = table.rows
    assert row.number == 3 and row.values["vuosi"] == 2025
    assert (row.text("id"), row.text("pvm"), row.text("column_4")) == ("938", "2025-03-01", "lisä")


def test_a_broken_xlsx_names_the_file_not_the_server_path(tmp_path: Path) -> None:
    path = tmp_path / "rikki.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(TableError, match="corrupt or unreadable Excel file") as info:
        read_table(path)
    assert info.value.path == str(path) and str(tmp_path) not in info.value.reason


def test_limits_are_the_callers(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number in range(10):
        sheet.append([number, "text"])
    workbook.save(tmp_path / "big.xlsx")
    with pytest.raises(IngestError) as info:
        read_table(tmp_path / "big.xlsx", limits=InputLimits(max_sheet_cells=5))
    assert info.value.key == "limit_sheet_cells"
    (tmp_path / "big.csv").write_text("a,b\n" + "1,2\n" * 20, encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_table(tmp_path / "big.csv", limits=InputLimits(max_document_chars=10))
    assert info.value.key == "limit_file_bytes"


def test_jsonl_lines_that_are_not_objects_are_listed_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [b'\xef\xbb\xbf{"id": "p1", "labels": ["a"]}', b"not json", b"", b'["a"]']
    path.write_bytes(b"\n".join([*lines, b'{"id": "p2", "text": "T\xe4"}', b'{"text": "x"}']))
    table = read_table(path)
    assert table.columns == ["id", "labels", "text"]
    assert [(row.number, row.values.get("id")) for row in table.rows] == [(1, "p1"), (6, None)]
    found = [(bad.number, bad.reason, bad.detail.split(" (")[0]) for bad in table.bad_lines]
    assert found == [
        (2, "invalid_json", "not JSON"),
        (4, "invalid_json", "not a JSON object"),
        (5, "undecodable", "not UTF-8"),
    ]


def test_unknown_columns_and_file_types_are_named(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Otsikko,Teksti\na,b\n", encoding="utf-8")
    table = read_table(path)
    assert table.pick(["teksti", "Otsikko"], "text") == ["Teksti", "Otsikko"]
    with pytest.raises(TableError, match=r"t.csv: unknown id column\(s\) 'nro'.*Otsikko, Teksti"):
        table.pick(["nro"], "id")
    (tmp_path / "t.pdf").write_bytes(b"%PDF")
    with pytest.raises(TableError, match=r"t.pdf: unsupported file type '.pdf'"):
        read_table(tmp_path / "t.pdf")
    with pytest.raises(TableError, match=r"missing.csv: cannot read the file"):
        read_table(tmp_path / "missing.csv")
