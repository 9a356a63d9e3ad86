"""The measures register: format, status words, encodings and every kind of bad row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import yaml

from rag.core.programme import ProgrammeError, load_programme
from rag.core.resources import PROGRAMME_FILE, SAMPLE_REGISTER
from rag.draft.register import RegisterError, load_register

PROGRAMME = load_programme(PROGRAMME_FILE, need_roadmap=True)
SAMPLE = SAMPLE_REGISTER
HEADER = "id;theme;title;owner;planned_year;status;notes\n"


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "r.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_sample_register_loads_with_all_themes_and_statuses() -> None:
    register = load_register(SAMPLE, PROGRAMME)
    assert {m.theme for m in register.measures} == {"a", "b", "c"}
    assert len(register.measures) >= 12
    counts = register.counts()
    assert sum(counts.values()) == len(register.measures)
    assert all(counts[s] > 0 for s in ("completed", "ongoing", "not_started"))
    chat = next(m for m in register.measures if m.id == "A-01")
    assert chat.status == "completed" and chat.planned_year == 2025
    assert chat.title_in("sv") == "Chattjänst på stadens webbplats"
    assert chat.row == 2


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("valmis", "completed"),
        ("Slutförd", "completed"),
        ("käynnissä", "ongoing"),
        ("pågående", "ongoing"),
        ("ei aloitettu", "not_started"),
        ("inte  påbörjad", "not_started"),
        ("not_started", "not_started"),
    ],
)
def test_status_words_in_finnish_swedish_and_english(
    tmp_path: Path, word: str, status: str
) -> None:
    path = write(tmp_path, HEADER + f"X-1;a;Chat;IT;2025;{word};\n")
    assert load_register(path, PROGRAMME).measures[0].status == status


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-16"])
def test_finnish_encodings_and_comma_delimiter(tmp_path: Path, encoding: str) -> None:
    text = "id,theme,title,owner,planned_year,status,notes\r\n" + (
        'C-9,c,Työvuorosuunnittelu äänestyspaikoille,Hallinto,2026,käynnissä,"Två, rader\nhär"\r\n'
    )
    register = load_register(write(tmp_path, text, encoding), PROGRAMME)
    measure = register.measures[0]
    assert measure.title == "Työvuorosuunnittelu äänestyspaikoille"
    assert measure.status == "ongoing" and measure.notes == "Två, rader\nhär"


def test_finnish_header_names_are_accepted(tmp_path: Path) -> None:
    text = "tunnus;teema;toimenpide;vastuutaho;vuosi;tila;huomiot\n"
    text += "A-9;a;Chat;Viestintä;2025;valmis;\n"
    assert load_register(write(tmp_path, text), PROGRAMME).measures[0].owner == "Viestintä"


def test_xlsx_register(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["id", "theme", "title", "owner", "planned_year", "status", "notes"])
    sheet.append(["B-9", "b", "Energianäkymä", "Tilat", 2025, "pågående", None])
    workbook.save(tmp_path / "r.xlsx")
    measure = load_register(tmp_path / "r.xlsx", PROGRAMME).measures[0]
    assert (measure.id, measure.planned_year, measure.status) == ("B-9", 2025, "ongoing")


def test_every_bad_row_is_reported_with_row_and_column(tmp_path: Path) -> None:
    text = HEADER + (
        "A-1;a;Chat;IT;2025;valmis;\n"
        "A-2;x;Kartta;IT;2025;valmis;\n"  # row 3: unknown theme
        "A-3;a;Lomake;IT;ensi vuonna;käynnissä;\n"  # row 4: bad year
        "A-4;a;Sovellus;IT;2025;melkein valmis;\n"  # row 5: unknown status
        ";b;;IT;2025;valmis;\n"  # row 6: empty id and title
        "A-1;c;Robotti;IT;2025;valmis;\n"  # row 7: repeated id
    )
    with pytest.raises(RegisterError) as info:
        load_register(write(tmp_path, text), PROGRAMME)
    problems = info.value.problems
    assert any(p.startswith("row 3, column 'theme'") and "'x'" in p for p in problems)
    assert any(p.startswith("row 4, column 'planned_year'") for p in problems)
    assert any(p.startswith("row 5, column 'status'") and "melkein valmis" in p for p in problems)
    assert "row 6, column 'id': empty" in problems and "row 6, column 'title': empty" in problems
    assert any(p.startswith("row 7, column 'id'") and "repeats row 2" in p for p in problems)
    assert str(tmp_path / "r.csv") in str(info.value)


def test_missing_columns_empty_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match=r"row 1: missing column\(s\) theme, status"):
        load_register(write(tmp_path, "id;title\nA-1;Chat\n"), PROGRAMME)
    with pytest.raises(RegisterError, match="empty"):
        load_register(write(tmp_path, "\n\n"), PROGRAMME)
    with pytest.raises(RegisterError, match="only a header"):
        load_register(write(tmp_path, HEADER), PROGRAMME)
    with pytest.raises(RegisterError, match="file not found"):
        load_register(tmp_path / "nope.csv", PROGRAMME)
    with pytest.raises(RegisterError, match="binary"):
        load_register(write(tmp_path, "\x00\x01\x02" * 50, "latin-1"), PROGRAMME)
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(RegisterError, match="unreadable Excel"):
        load_register(tmp_path / "bad.xlsx", PROGRAMME)


def test_programme_file_errors_name_the_problem(tmp_path: Path) -> None:
    # The bundled programme with its roadmap statuses emptied: fine for the classifier,
    # but a draft needs every status word.
    data = yaml.safe_load(PROGRAMME_FILE.read_text(encoding="utf-8"))
    data["roadmap"]["statuses"] = {}
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load_programme(path).statuses == {}
    with pytest.raises(ProgrammeError, match="roadmap.statuses lacks completed"):
        load_programme(path, need_roadmap=True)
    with pytest.raises(ProgrammeError, match="not found"):
        load_programme(tmp_path / "missing.yaml", need_roadmap=True)
