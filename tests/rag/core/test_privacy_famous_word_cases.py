"""A listed famous person's surname that is also a common word inflects as the word does
("Aleksis Kiven", "Katri Valaan"); with the given names written it is still the famous
person (public_names.word_case_bases, ``famous_word_cases``, the thirty-third round). A
surname alone, or after other given names, is not widened. The examples are written for
these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_ON = NameRules(famous_word_cases=True)
_OFF = NameRules(famous_word_cases=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    "text",
    [
        "Kesäteatteri esittää Aleksis Kiven Seitsemän veljestä elokuussa.",
        "Luimme Aleksis Kiven romaania koko syksyn.",
        "Penkit siirretään Katri Valaan ensi viikolla.",
    ],
)
def test_a_famous_name_in_a_common_words_case_stays_readable(text: str) -> None:
    assert not _masked(text)
    assert _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # other given names: a resident who shares the surname
        ("Kysy lisää Tiina Kiveltä, puh. 040 123 4567.", "Tiina Kiveltä"),
        ("Soitin eilen Tiina Kivelle asiasta.", "Tiina Kivelle"),
        # the famous name with a resident's evidence beside it (a phone)
        ("Aleksis Kiveltä tuli hakemus, puh. 040 765 4321.", "Aleksis"),
    ],
)
def test_a_resident_with_the_same_surname_stays_masked(text: str, name: str) -> None:
    assert name in _masked(text)
