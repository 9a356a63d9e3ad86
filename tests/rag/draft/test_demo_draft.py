"""The demo of the README: classify the sample survey, then draft 2025 with the sample register
and the classified survey. None of the defects a newcomer found may come back: proposals that
are already measures or not digital suggested as new measures, unreviewed classifications
counted, dated survey rows treated as undated, other-language quotes unmarked, "1 åtgärder".
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app
from api.container import Tiekartta
from rag.core.language import detect_language
from rag.core.resources import SAMPLE_CORPUS, SAMPLE_REGISTER

SURVEY = SAMPLE_CORPUS / "asukaskysely-2025.csv"
runner = CliRunner()


@pytest.fixture(scope="module")
def demo(sample_service: Tiekartta, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """(the draft's Markdown, the classified survey) as the README's commands make them."""
    out = tmp_path_factory.mktemp("demo")
    data = str(sample_service.settings.data_dir)
    classified = out / "kysely-luokiteltu.csv"
    result = runner.invoke(
        app,
        [
            "--data-dir",
            data,
            "classify",
            str(SURVEY),
            "--text-column",
            "vastaus",
            "--id-column",
            "vastaus_id",
            "--out",
            str(classified),
        ],
    )
    assert result.exit_code == 0, result.output
    draft = out / "seuranta-2025.md"
    result = runner.invoke(
        app,
        [
            "--data-dir",
            data,
            "draft",
            "--period",
            "2025",
            "--register",
            str(SAMPLE_REGISTER),
            "--proposals",
            str(classified),
            "--out",
            str(draft),
            "--no-store",
        ],
    )
    assert result.exit_code == 0, result.output
    return draft.read_text(encoding="utf-8"), classified


def _rows(classified: Path) -> dict[str, dict[str, str]]:
    raw = classified.read_bytes()
    text = raw.decode("utf-8") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("cp1252")
    return {
        r["vastaus_id"]: r
        for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    }


def _proposals_section(text: str, theme: str) -> str:
    """The body of the theme's "Asukkaiden ehdotukset" section of the Finnish draft."""
    match = re.search(
        rf"^## {theme}\) [^\n]* – Asukkaiden ehdotukset\n(.*?)(?=^## )", text, re.M | re.S
    )
    assert match, theme
    return match.group(1)


def _new_measure_lines(markdown: str) -> list[str]:
    return [
        line
        for line in markdown.splitlines()
        if re.search(r"\((asukasehdotus|invånarförslag) \w+", line)
    ]


def test_proposals_that_are_measures_or_not_digital_are_not_new_measures(
    demo: tuple[str, Path],
) -> None:
    markdown, classified = demo
    suggested = " ".join(_new_measure_lines(markdown))
    assert "1002" not in suggested  # daycare application online = measure A-04
    assert "1005" not in suggested  # a winter ferry line, "nettiä en juuri käytä"
    rows = _rows(classified)
    # 1002 is linked to A-04 wherever it appears: counted (supports) or awaiting review (→ A-04).
    assert re.search(r"1002 → A-04|1002; tukee toimenpidettä A-04", markdown)
    if rows["1002"]["needs_review"] == "yes":
        assert "1002 → A-04" in markdown


def test_unreviewed_classifications_are_listed_not_counted(demo: tuple[str, Path]) -> None:
    markdown, classified = demo
    rows = _rows(classified)
    waiting = {pid for pid, r in rows.items() if r["needs_review"] == "yes"}
    settled = len(rows) - len(waiting)
    assert waiting, "the sample survey has uncertain classifications"
    fi = markdown.split("# Uppföljning")[0]
    assert f"yhteensä {settled} ratkaistua" in fi
    for theme in "abc":
        labelled = {
            pid for pid, r in rows.items() if theme in r["labels"].split(";") and pid not in waiting
        }
        section = _proposals_section(fi, theme)
        if labelled:
            assert f"{len(labelled)} koskee tätä teemaa" in section
        else:
            assert "Yksikään luokitelluista" in section
    listed = set(
        re.findall(
            r"\b(1\d{3})\b",
            " ".join(line for line in fi.splitlines() if "odottaa tarkastusta" in line),
        )
    )
    assert listed == waiting


def test_dated_survey_rows_are_not_undated_evidence(demo: tuple[str, Path]) -> None:
    markdown, _ = demo
    for line in markdown.splitlines():
        if "Päiväämätön asiakirja" in line or "Odaterat dokument" in line:
            assert "sain apua" not in line and "asukaskysely" not in line, line
    assert "Päiväämätön asiakirja mainitsee" not in markdown


def test_other_language_quotes_are_marked(demo: tuple[str, Path]) -> None:
    markdown, _ = demo
    fi, sv = markdown.split("# Uppföljning av färdplanen", 1)
    assert re.search(r"” \((?:ruotsiksi|englanniksi)\)", fi)  # there are such quotes
    for text, language, markers in (
        (fi, "fi", ("ruotsiksi", "englanniksi")),
        (sv, "sv", ("på finska", "på engelska")),
    ):
        for quote, after in re.findall(r"”([^”]{40,})”( \([^)]*\))?", text):
            if detect_language(quote, default=language) != language:
                assert after and any(m in after for m in markers), (language, quote, after)


def test_numbers_agree(demo: tuple[str, Path]) -> None:
    markdown, _ = demo
    assert not re.search(r"\b1 (?:åtgärder|toimenpidettä|measures)\b", markdown)
    assert "avviker från registret för 1 åtgärd," in markdown
