"""After a phrase that names the writer ("nimeni on", "jag heter", "mitt namn är", "my name
is") a run that opens with a known first name is a person's name, even where a word of it
is also a town, a place or a common word (``naming_phrases``, the sixty-seventh round); other
leads keep the place guard. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_OFF = NameRules(naming_phrases=False)


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hej, jag heter Lovisa Strand och har en fråga om bygglovet.", "Lovisa Strand"),
        ("Mitt namn är Lovisa Ström och jag bor i Kvarnbacken.", "Lovisa Ström"),
    ],
)
def test_a_named_writer_whose_first_name_is_a_town(text: str, name: str) -> None:
    assert name in _names(text)  # on by default
    assert name not in _names(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Jag heter Porvoo stad i mitt testamente.",  # no first name after the phrase
        "Terveisin Lovisa stad",  # another lead: the town's body, the place guard holds
    ],
)
def test_no_first_name_after_the_phrase_or_another_lead(text: str) -> None:
    assert _names(text) == []
