"""Word vectors for the name tagger (rag/core/privacy/word_vectors.py) from the real bundled
multilingual-e5-small: one unit vector per word, the same for a name in capitals or lower case
as in prose, cached within a bound; and the tagger's "vector" feature group that carries them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rag.core.privacy.name_tagger import TaggerModelError, guarded, read_settings
from rag.core.privacy.tagger_features import GROUPS, sequence_features, tokenize
from rag.core.privacy.word_vectors import (
    DIMENSIONS,
    VectorEvidence,
    WordVectors,
    as_written_in_prose,
)


def test_words_are_read_as_written_in_prose() -> None:
    assert as_written_in_prose("RUUSKANEN") == "Ruuskanen"
    assert as_written_in_prose("HAAPALA-RIIHIMÄKI") == "Haapala-Riihimäki"
    assert as_written_in_prose("matti") == "Matti"
    assert as_written_in_prose("McDonald") == "McDonald"  # inner capitals kept
    assert as_written_in_prose("A") == "A"


def test_each_word_gets_one_unit_vector_whatever_its_case() -> None:
    vectors = WordVectors().of(["Ruuskanen", "RUUSKANEN", "kirjasto"])
    assert set(vectors) == {"Ruuskanen", "RUUSKANEN", "kirjasto"}
    for vector in vectors.values():
        assert vector.shape == (DIMENSIONS,)
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3
    assert np.array_equal(vectors["Ruuskanen"], vectors["RUUSKANEN"])
    assert not np.allclose(vectors["Ruuskanen"], vectors["kirjasto"])


def test_a_name_is_nearer_to_names_than_to_places_and_words() -> None:
    # what the pretrained model brings: names of other origins sit with names
    vectors = WordVectors().of(["Petrenko", "Morozov", "Kirjasto", "Uimahalli"])
    name = vectors["Petrenko"]
    assert float(name @ vectors["Morozov"]) > float(name @ vectors["Kirjasto"])
    assert float(name @ vectors["Morozov"]) > float(name @ vectors["Uimahalli"])


def test_the_cache_keeps_at_most_its_size() -> None:
    vectors = WordVectors(size=2)
    first = vectors.of(["Aino"])["Aino"]
    vectors.of(["Bertil", "Carola"])
    assert len(vectors._cache) == 2
    assert "Aino" not in vectors._cache  # the least recently used went first
    assert np.allclose(vectors.of(["Aino"])["Aino"], first)  # and comes back the same


def test_the_vector_group_weights_capitalised_words_only() -> None:
    text = "Soitin Oluwaseun Adeyemille eilen."
    tokens = tokenize(text)
    plain = sequence_features(text, tokens, [], frozenset(GROUPS) - {"vector", "rules"})
    weighted = sequence_features(text, tokens, [], frozenset(GROUPS) - {"rules"})
    assert all(isinstance(features, list) for features in plain)
    assert all(isinstance(features, dict) for features in weighted)
    words = [text[a:b] for a, b in tokens]
    for word, before, after in zip(words, plain, weighted, strict=True):
        assert isinstance(after, dict)
        assert set(before) <= set(after)  # the other features stay, with weight 1
        has_vector = any(name.startswith("vector") for name in after)
        assert has_vector == (word[0].isupper() and len(word) > 1)


# Words written for this test (not from the labelled parts): names of many origins, and
# Finnish and Swedish words of the city's texts.
_NAMES = [
    "Petrenko",
    "Morozov",
    "Ivanova",
    "Kowalski",
    "Nguyen",
    "Oluwaseun",
    "Fatima",
    "Ahmed",
    "Johansson",
    "Lindqvist",
    "Virtanen",
    "Korhonen",
    "Matteo",
    "Giulia",
    "Svetlana",
    "Dmitri",
    "Hassan",
    "Leila",
    "Björn",
    "Aino",
]
_WORDS = [
    "Kirjasto",
    "Uimahalli",
    "Torstai",
    "Lautakunta",
    "Päiväkoti",
    "Kaupunginhallitus",
    "Bibliotek",
    "Simhall",
    "Nämnden",
    "Daghem",
    "Budjetti",
    "Liikenne",
    "Kaavoitus",
    "Hankinta",
    "Tiistai",
    "Huhtikuu",
    "Vastaus",
    "Palaute",
    "Kokous",
    "Pöytäkirja",
]


def test_vector_evidence_tells_unseen_names_from_words() -> None:
    evidence = VectorEvidence.fit(_NAMES + _WORDS, [True] * len(_NAMES) + [False] * len(_WORDS))
    assert evidence.says_name("Kuznetsova")
    assert evidence.says_name("Abdullahi")
    assert not evidence.says_name("Uimaranta")
    assert not evidence.says_name("Sammandrag")
    assert not evidence.says_name("7")  # no word, no evidence
    # stored with the tagger's settings and read back the same
    again = VectorEvidence.from_json(json.loads(json.dumps(evidence.to_json())))
    assert again.says_name("Kuznetsova") and not again.says_name("Uimaranta")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ([1, 2], "must be an object"),
        ({"weights": [0.0] * 3, "bias": 0}, "3 weights, not 384"),
        ({"weights": [0.0] * DIMENSIONS}, "bias"),
    ],
)
def test_a_broken_vector_evidence_is_a_clear_error(
    raw: object, problem: str, tmp_path: Path
) -> None:
    settings = tmp_path / "tagger.json"
    settings.write_text(
        json.dumps({"threshold": 0.3, "groups": ["shape"], "vector_evidence": raw}),
        encoding="utf-8",
    )
    with pytest.raises(TaggerModelError, match=problem):
        read_settings(settings)


def test_the_guards_take_vector_evidence_as_a_names_evidence() -> None:
    evidence = VectorEvidence.fit(_NAMES + _WORDS, [True] * len(_NAMES) + [False] * len(_WORDS))
    text = "Asiaa esitteli Kuznetsova. Uimaranta avataan kesäkuussa."
    found = [(text.index("Kuznetsova"), text.index("Kuznetsova") + 10)]
    opener = [(text.index("Uimaranta"), text.index("Uimaranta") + 9)]
    # no register, no surname ending: without the vectors the guards drop it
    assert guarded(text, found) == []
    assert guarded(text, found, evidence) == found
    # a word opening a sentence stays no name unless its vector says so
    assert guarded(text, opener, evidence) == []
