"""Classified proposals as `tiekartta classify` writes them, and personal data masking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.core.privacy import mask_personal_data
from rag.draft.period import parse_period
from rag.draft.proposals import ProposalsError, load_proposals, proposal_title

THEMES = ["a", "b", "c"]


def test_jsonl_with_list_labels(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    rows = [
        {"id": "7", "text": "Chat myös iltaisin", "labels": ["a"], "primary": "a"},
        {"text": "Koirapuisto", "labels": ["none"], "primary": "none", "confidence": 0.9},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second = load_proposals(path, THEMES)
    assert (first.id, first.labels, first.primary) == ("7", ("a",), "a")
    assert (second.id, second.labels) == ("2", ("none",))


def test_csv_with_joined_labels_title_and_texts_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    text = "id;title;texts;labels;primary\r\n1;Sähköinen varaus;Kuntosalivuorot verkossa;a;a\r\n"
    text += "2;Energianäkymä;Koulujen kulutus näkyviin;b;c;\r\n".replace("b;c;", '"b;c";c')
    path.write_bytes(text.encode("cp1252"))
    first, second = load_proposals(path, THEMES)
    assert first.text == "Sähköinen varaus\nKuntosalivuorot verkossa"
    assert second.labels == ("b", "c") and second.primary == "c"


CLASSIFIED_SURVEY = (
    "vastaus_id;pvm;alue;vastaus;labels;primary;confidence;reason;needs_review\r\n"
    "1001;2.9.2025;Keskusta;Päiväkotihakemus pitäisi voida tehdä netissä.;a;a;0.8;r;no\r\n"
    "1002;2.9.2025;Näsinmäki;Lisää penkkejä rantaan.;none;none;0.9;r;no\r\n"
)


def test_classify_output_with_its_own_text_column_is_read(tmp_path: Path) -> None:
    """`tiekartta classify` keeps the input's columns: the text is in 'vastaus', not 'text'."""
    path = tmp_path / "kysely-luokiteltu.csv"
    path.write_bytes(CLASSIFIED_SURVEY.encode("cp1252"))
    first, second = load_proposals(path, THEMES)
    assert first.text == "Päiväkotihakemus pitäisi voida tehdä netissä."
    assert (first.labels, second.labels) == (("a",), ("none",))
    assert (first.id, second.id) == ("1001", "1002")
    named = load_proposals(path, THEMES, text_column="alue")
    assert [p.text for p in named] == ["Keskusta", "Näsinmäki"]


def test_a_named_text_column_that_is_missing_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "kysely-luokiteltu.csv"
    path.write_bytes(CLASSIFIED_SURVEY.encode("cp1252"))
    with pytest.raises(ProposalsError, match="no column 'teksti'"):
        load_proposals(path, THEMES, text_column="teksti")


def test_bad_proposal_rows_are_named(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(
        '{"text": "A", "labels": ["x"]}\n'
        '{"text": "", "labels": ["a"]}\n'
        "not json\n"
        '{"text": "B", "labels": ["a"], "primary": "b"}\n',
        encoding="utf-8",
    )
    with pytest.raises(ProposalsError) as info:
        load_proposals(path, THEMES)
    problems = info.value.problems
    assert "row 1, column 'labels': unknown label(s) x (use a, b, c, none)" in problems
    assert "row 2, column 'text': empty" in problems
    assert any(p.startswith("row 3: not JSON") for p in problems)
    assert "row 4, column 'primary': 'b' is not one of the labels" in problems
    with pytest.raises(ProposalsError, match="file not found"):
        load_proposals(tmp_path / "none.jsonl", THEMES)


def test_personal_data_is_masked_in_proposal_examples(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    row = {"text": "Soittakaa 040 123 4567 tai maija@example.fi, hetu 131052-308T", "labels": ["a"]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    title = proposal_title(load_proposals(path, THEMES)[0])
    assert title == "Soittakaa [puhelinnumero] tai [sähköposti], hetu [henkilötunnus]"


@pytest.mark.parametrize(
    "kept",
    ["22.1.2024 § 25", "42 000 euroa", "1289/00.00.01.00/2025", "vuonna 2025", "1 800 työtuntia"],
)
def test_masking_keeps_dates_sums_and_record_numbers(kept: str) -> None:
    assert mask_personal_data(kept) == kept


def test_period_forms() -> None:
    assert parse_period("2025").label == "2025"
    period = parse_period("2025-01-01..2025-06-30")
    assert (period.start, period.end, period.label) == (
        "2025-01-01",
        "2025-06-30",
        "1.1.2025–30.6.2025",
    )
    assert period.contains("2025-06-30T10:00") and not period.contains(None)
    with pytest.raises(ValueError, match="month must be in 1..12"):
        parse_period("2025-13-01..2025-12-31")


def test_review_state_decision_and_date_columns(tmp_path: Path) -> None:
    """needs_review=yes is not settled unless a person decided; the date column is the date."""
    path = tmp_path / "kysely-luokiteltu.csv"
    text = (
        "vastaus_id;pvm;vastaus;labels;primary;confidence;reason;needs_review;decision\r\n"
        "1;2.9.2025;Päiväkotihakemus netissä.;c;c;0,53;r;yes;a\r\n"
        "2;2025-09-03;Lauttayhteys talvella.;a;a;0.31;r;yes;\r\n"
        "3;15.1.2024;Penkkejä rantaan.;none;none;0.86;r;no;\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    decided, waiting, confident = load_proposals(path, THEMES)
    assert decided.decided and decided.settled and decided.labels == ("a",)
    assert decided.primary == "a" and decided.confidence == 0.53
    assert waiting.needs_review and not waiting.settled
    assert confident.settled and not confident.decided
    assert [p.date for p in (decided, waiting, confident)] == [
        "2025-09-02",
        "2025-09-03",
        "2024-01-15",
    ]
    # Hand-labelled files without review columns count as settled.
    plain = tmp_path / "p.jsonl"
    plain.write_text(json.dumps({"text": "Chat", "labels": ["a"]}) + "\n", encoding="utf-8")
    assert load_proposals(plain, THEMES)[0].settled


def test_bad_review_and_date_values_are_named(tmp_path: Path) -> None:
    path = tmp_path / "kysely-luokiteltu.csv"
    text = (
        "id;pvm;text;labels;needs_review;decision;confidence\r\n"
        "1;31.2.2025;A;a;yes;;0.5\r\n"
        "2;2.9.2025;B;a;maybe;q;high\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(ProposalsError) as info:
        load_proposals(path, THEMES)
    problems = info.value.problems
    assert "row 2, column 'pvm': '31.2.2025' is not a date (use 2025-09-02 or 2.9.2025)" in problems
    assert "row 3, column 'needs_review': not yes or no" in problems
    assert "row 3, column 'decision': not labels of a, b, c, none" in problems
    assert "row 3, column 'confidence': not a number" in problems
