"""Rewriting the text cells of real table files in place: CSV (codecs, BOM, bytes no codec
reads), XLSX (every sheet, styles, text that looks like a formula) and JSONL (lines that are not
JSON); header rows stay, the write is atomic, a broken file is named and left as it was."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from rag.core.privacy.at_rest import mask_text
from rag.core.table_rewrite import leftover_temporaries, replace_atomically, rewrite_text_cells
from rag.core.tables import TableError, read_table

PHONE = "040 123 4567"
EMAIL = "matti.virtanen@example.fi"
HETU = "131052-308T"
RAW = f"Soita {PHONE} tai {EMAIL}, hetu {HETU}. Lisää penkkejä rantaan."


def personal(data: bytes | str) -> list[str]:
    text = data if isinstance(data, str) else data.decode("utf-8", errors="replace")
    return [piece for piece in (PHONE, EMAIL, HETU) if piece in text]


def test_a_cp1252_csv_keeps_its_codec_delimiter_header_and_unreadable_bytes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ehdotukset.csv"
    # cp1252 text, ';' and CRLF as Finnish Excel writes them; 0x81 is no cp1252 character.
    lines = [
        "nro;ehdotus;yhteys",
        f'e1;"Kävelytie Näsiin; {RAW}";{EMAIL}',
        "e2;Ei henkilötietoja;",
    ]
    data = "\r\n".join(lines).encode("cp1252") + b"\r\ne3;rikki \x81 tavu;\r\n"
    path.write_bytes(data)
    assert rewrite_text_cells(path, mask_text) == 2
    new = path.read_bytes()
    assert personal(new.decode("cp1252", errors="replace")) == []
    # Every byte outside the masked cells is as it was, the unreadable one too.
    assert new.startswith(b"nro;ehdotus;yhteys\r\n")
    assert new.endswith(b"\r\ne2;Ei henkil\xf6tietoja;\r\ne3;rikki \x81 tavu;\r\n")
    assert '"Kävelytie Näsiin; Soita [PHONE] tai [EMAIL]'.encode("cp1252") in new
    table = read_table(path, lenient_decoding=True)
    assert table.delimiter == ";"
    assert [row.values["nro"] for row in table.rows] == ["e1", "e2", "e3"]
    assert leftover_temporaries(path) == []


def test_a_utf8_csv_keeps_its_bom_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "tulos.csv"
    path.write_bytes(f'id,text\n1,"{RAW}"\n'.encode("utf-8-sig"))
    assert rewrite_text_cells(path, mask_text) == 1
    once = path.read_bytes()
    assert once.startswith(b"\xef\xbb\xbfid,text\n") and personal(once) == []
    stamp = path.stat().st_mtime_ns
    assert rewrite_text_cells(path, mask_text) == 0
    assert path.read_bytes() == once and path.stat().st_mtime_ns == stamp  # not written again


def test_a_workbook_keeps_every_sheet_its_styles_and_formula_like_text(tmp_path: Path) -> None:
    path = tmp_path / "ehdotukset.xlsx"
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.append(["id", "teksti"])
    first.append(["p1", RAW])
    first.append(["p2", f"={PHONE} soita"])  # a resident's text, stored as text
    first["B3"].data_type = "s"
    first["B2"].font = Font(bold=True)
    notes = book.create_sheet("muistiinpanot")
    notes.append(["huomio"])
    notes.append([f"Yhteyshenkilö {EMAIL}"])
    notes.append([42])
    book.save(path)

    assert rewrite_text_cells(path, mask_text) == 3
    book = openpyxl.load_workbook(path)
    first, notes = book.worksheets
    assert [c.value for c in first[1]] == ["id", "teksti"]
    assert first["B2"].font.bold and personal(str(first["B2"].value)) == []
    assert first["B3"].data_type == "s" and first["B3"].value.startswith("=[PHONE]")
    assert notes["A2"].value == "Yhteyshenkilö [EMAIL]" and notes["A3"].value == 42


def test_jsonl_masks_values_not_keys_and_lines_that_are_not_json_as_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ehdotukset.jsonl"
    lines = [
        json.dumps({"id": "p1", "text": RAW, "tags": [EMAIL]}, ensure_ascii=False),
        '{"id":   "p2",   "text": "Ei henkilötietoja"}',  # unchanged: keeps its spacing
        f'{{"id": "p3", "text": "katkennut rivi {PHONE}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert rewrite_text_cells(path, mask_text) == 3
    new = path.read_text(encoding="utf-8").splitlines()
    assert personal("\n".join(new)) == []
    first = json.loads(new[0])
    assert set(first) == {"id", "text", "tags"} and first["tags"] == ["[EMAIL]"]
    assert new[1] == lines[1]
    assert new[2] == '{"id": "p3", "text": "katkennut rivi [PHONE]'


def test_a_broken_workbook_is_named_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "result.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook " + RAW.encode())
    before = path.read_bytes()
    with pytest.raises(TableError) as caught:
        rewrite_text_cells(path, mask_text)
    assert "result.xlsx" in str(caught.value)
    assert path.read_bytes() == before and leftover_temporaries(path) == []


def test_an_unknown_file_type_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt.bak"
    path.write_text(RAW, encoding="utf-8")
    with pytest.raises(TableError, match=r"notes\.txt\.bak.*unsupported file type"):
        rewrite_text_cells(path, mask_text)
    assert path.read_text(encoding="utf-8") == RAW


def test_a_write_cut_short_leaves_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "result.csv"
    path.write_text("id;text\n1;vanha\n", encoding="utf-8")

    def crash(temporary: Path) -> None:
        temporary.write_text("id;te", encoding="utf-8")  # half a file, then the crash
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        replace_atomically(path, crash)
    assert path.read_text(encoding="utf-8") == "id;text\n1;vanha\n"
    assert leftover_temporaries(path) == []
