"""Personal data is masked before proposal text leaves the machine."""

from __future__ import annotations

import pytest

from rag.core.privacy import mask_personal_data, mask_pii


@pytest.mark.parametrize(
    ("text", "secret", "placeholder"),
    [
        (
            "Vastaukset: matti.meikalainen@example.fi kiitos",
            "matti.meikalainen@example.fi",
            "[EMAIL]",
        ),
        ("Soita 040 123 4567 iltaisin", "040 123 4567", "[PHONE]"),
        ("Ring +358 50 765 4321", "765 4321", "[PHONE]"),
        ("hetu 131052-308T mukaan", "131052-308T", "[HETU]"),
        ("vuonna 2000 syntynyt 010100A123B", "010100A123B", "[HETU]"),
        ("personnummer 19850101-1234", "19850101-1234", "[HETU]"),
        ("Tilille FI21 1234 5600 0007 85 kiitos", "1234 5600", "[IBAN]"),
        ("Asun osoitteessa Mannerheimintie 12 A 5, Helsinki", "Mannerheimintie 12", "[ADDRESS]"),
        ("Jag bor på Storgatan 3 i Borgå", "Storgatan 3", "[ADDRESS]"),
        ("I live at 14 Main Street near the park", "14 Main Street", "[ADDRESS]"),
        ("Lisää penkkejä.\nTerveisin Matti Mäkelä", "Mäkelä", "[NAME]"),
        ("Fler bänkar.\nMed vänliga hälsningar, Anna Andersson", "Andersson", "[NAME]"),
        ("More benches. Best regards,\nJohn Smith", "Smith", "[NAME]"),
    ],
)
def test_personal_data_is_masked(text: str, secret: str, placeholder: str) -> None:
    masked = mask_pii(text)
    assert secret not in masked.text
    assert placeholder in masked.text
    assert masked.masked >= 1


def test_ordinary_numbers_and_words_are_kept() -> None:
    text = (
        "Budjetti 20000 euroa vuonna 2025: 3 penkkiä ja 120 metriä polkua. "
        "Kiitos hyvästä palvelusta."
    )
    masked = mask_pii(text)
    assert masked.text == text
    assert masked.counts == {}


def test_draft_tags_are_finnish_and_cover_every_kind() -> None:
    text = (
        "Soittakaa (019) 612 211 tai maija@example.fi, hetu 131052-308T, "
        "tili FI21 1234 5600 0007 85, osoite Rauhankatu 12.\nTerveisin Maija Mäkelä"
    )
    masked = mask_personal_data(text)
    for secret in ("612 211", "maija@", "131052-308T", "1234 5600", "Rauhankatu 12", "Maija M"):
        assert secret not in masked
    for tag in ("[puhelinnumero]", "[sähköposti]", "[henkilötunnus]", "[tilinumero]", "[osoite]"):
        assert tag in masked
    assert masked.endswith("Terveisin [nimi]")


@pytest.mark.parametrize(
    "kept",
    ["22.1.2024 § 25", "42 000 euroa", "1289/00.00.01.00/2025", "vuonna 2025", "1 800 työtuntia"],
)
def test_dates_sums_and_record_numbers_are_kept_by_both_tag_sets(kept: str) -> None:
    assert mask_pii(kept).text == kept
    assert mask_personal_data(kept) == kept
