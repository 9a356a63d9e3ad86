"""A first name labelling a chat's line is a name when another label of the chat is a first
name that is no word (chat_speakers.py, ``chat_speakers``, the thirty-fifth round); form
fields and a lone label are not. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.chat_speakers import chat_speakers

_ON = NameRules(chat_speakers=True)
_OFF = NameRules(chat_speakers=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tuuli: onko lasku jo lähetetty?\nMarkus: on, eilen.\nTuuli: kiitos!", "Tuuli"),
        ("Petra: vem tar nyckeln i kväll?\nKim: jag tar den.", "Kim"),
        ("Rose: is the meeting room free at two?\nSami: yes, until three.", "Rose"),
        ("Linnea H: har ni fått blanketten?\nJohanna: ja, i går.", "Linnea H"),
    ],
)
def test_a_word_like_first_name_labelling_a_chat_line_is_masked(text: str, name: str) -> None:
    assert name in _masked(text)
    assert name not in _masked(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        # form fields: no label is a first name
        "Aihe: lasku\nVastaus: lähetetty eilen\nTila: suljettu",
        # a weather report's fields: "Tuuli" (wind) with no first name that is no word
        "Tuuli: 5 m/s\nSade: 2 mm\nLämpötila: 12 astetta",
        # one labelled line is no chat
        "Tuuli: navakka koko päivän, varokaa puita.",
    ],
)
def test_fields_and_a_lone_label_add_no_name(text: str) -> None:
    assert not list(chat_speakers(text))
