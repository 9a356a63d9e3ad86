"""First names of the population registers' statistics (population_names.py): names given in
Finland and Sweden that the hand list and the 2008 register lack or hold only weakly, sorted
into plain and word-like by the dictionaries, with a setting to leave them out and a clear
error when the package that ships them is missing.

The strings are written for these tests (not taken from the labelled set).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rag.core.privacy import NameRules, find_pii, first_names, population_names
from rag.core.privacy.name_register import NameDataError

NEW_NAMES = [
    ("Hej Tindra! Ses vi i morgon?", ["Tindra"]),
    ("Vilgot kommer hem med bussen klockan tre.", ["Vilgot"]),
    ("Asian valmisteli Anssi Rinne.", ["Anssi Rinne"]),
    ("Loke och Tuva börjar i förskolan i augusti.", ["Loke", "Tuva"]),
]


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.fixture
def without_population() -> Iterator[None]:
    first_names.configure(population=False)
    try:
        yield
    finally:
        first_names.configure(population=True)


@pytest.mark.parametrize(("text", "names"), NEW_NAMES)
def test_names_of_the_registers_statistics_are_found(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.usefixtures("without_population")
@pytest.mark.parametrize(("text", "names"), NEW_NAMES)
def test_the_setting_leaves_them_out(text: str, names: list[str]) -> None:
    # (register_pairs reads "Anssi Rinne" by its register surname, with or without this
    # setting: off here, so the setting is measured alone)
    assert not set(names) <= set(_names(text, NameRules(register_pairs=False)))


def test_both_countries_lists_are_read_and_sorted() -> None:
    plain, word_like = population_names.population_first_names()
    assert {"joonatan", "vilgot", "engla", "anssi"} <= plain
    # "Aina" is "always" in Finnish and Swedish, "tindra" "sparkle"; "Neo": three letters
    assert {"aina", "tindra", "neo"} <= word_like
    assert not plain & word_like
    # (that no plain name is a frequent common word is checked with resident_names.txt's
    # rule in test_privacy_name_origins.py)


def test_a_missing_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise ModuleNotFoundError(f"No module named {name!r}")

    monkeypatch.setattr(population_names.importlib, "import_module", missing)
    population_names.population_first_names.cache_clear()
    try:
        with pytest.raises(NameDataError, match=r"faker\.providers\.person\.fi_FI.*make install"):
            population_names.population_first_names()
    finally:
        monkeypatch.undo()
        population_names.population_first_names.cache_clear()
