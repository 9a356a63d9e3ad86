"""Language detection on real Finnish, Swedish and English text."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ingest.loaders.text import split_front_matter
from rag.core import language
from rag.core.language import detect_language, normalise_language_code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kaupunginhallitus päätti esittää kaupunginvaltuustolle, että vuoden 2024 "
            "tuloveroprosentiksi vahvistetaan 7,1 %.",
            "fi",
        ),
        (
            "Stadsstyrelsen beslöt föreslå för stadsfullmäktige att inkomstskattesatsen för "
            "år 2024 fastställs till 7,1 procent.",
            "sv",
        ),
        (
            "The city board decided to propose to the city council that the income tax rate "
            "for 2024 be set at 7.1 per cent.",
            "en",
        ),
    ],
)
def test_detects_each_supported_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
    assert detect_language(text, default="sv" if expected != "sv" else "en") == expected


@pytest.mark.parametrize("text", ["", "   ", "ok", "Tack", "12345 678", "§ 25"])
def test_short_or_letterless_text_gives_the_default(text: str) -> None:
    assert detect_language(text) == "fi"
    assert detect_language(text, default="sv") == "sv"


def test_matches_stated_language_of_real_corpus_documents(shared_data: Path) -> None:
    files = sorted((shared_data / "corpus").glob("*.md"))
    assert files
    seen = set()
    for path in files:
        meta, body = split_front_matter(path.read_text(encoding="utf-8"), path)
        assert detect_language(body) == meta["language"], path.name
        seen.add(meta["language"])
    assert seen == {"fi", "sv", "en"}


def test_detector_is_built_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_detector", None)
    built = []
    real_builder = language.LanguageDetectorBuilder.from_languages

    def counting_builder(*languages: Any) -> Any:
        built.append(languages)
        return real_builder(*languages)

    # The builder is a compiled class, so swap the module's reference for a counting stand-in.
    monkeypatch.setattr(
        language, "LanguageDetectorBuilder", SimpleNamespace(from_languages=counting_builder)
    )
    text = "Borgå stad ordnar en invånarkväll om den nya generalplanen i stadshuset."
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(detect_language, [text] * 32))
    assert results == ["sv"] * 32
    assert len(built) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fi", "fi"), ("fi-FI", "fi"), ("SV_se", "sv"), ("Swedish", "sv"), ("en-GB", "en")],
)
def test_normalise_language_code(value: str, expected: str) -> None:
    assert normalise_language_code(value) == expected


@pytest.mark.parametrize("value", [None, "", "de", "klingon"])
def test_normalise_language_code_unknown(value: str | None) -> None:
    assert normalise_language_code(value) is None
