"""The first names that label the lines of a chat (thirty-fifth round, ``chat_speakers``):
"Tuuli: ootko jo laittanu sen laskun eteenpäin? / Markus: joo laitoin eilen", "Hanna: vem har
nyckeln? / Kim: vaktmästaren Rune", "Alex: who's got the key? / Sami: Mervi has it".

A first name that is also a word ("Tuuli" is wind, "Kim", "Alex", "Joel") needs evidence to
count alone. Here the evidence is the text's form: two lines or more open with a label of one
word (or a word and a letter, "Anna K") and a colon, and one of those labels is a known first
name that is no word -- the lines are what people said. Then every such label that is a known
first name counts, word-like or not. A form's field ("Nimi:", "Aihe:", "Asiakas:",
"Chatbot:") is no first name and so neither evidence nor a name.

Like name_forms.py this module only reads the text; names.py applies its guards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.addresses import NAME_WORD, UPPER
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.name_forms import Candidate

# A speaker's label: at a line's start, a capitalised word (perhaps a letter after it, with
# or without a full stop), then a colon.
_LABEL = re.compile(rf"(?m)^[ \t]*(?P<name>{NAME_WORD}(?:[ \t][{UPPER}]\.?)?)[ \t]*:")
# A chat has at least this many labelled lines.
_MIN_LABELS = 2


def chat_speakers(text: str) -> Iterator[Candidate]:
    """The labels of a chat's lines that are known first names, when one of them is a first
    name that is no word."""
    if ":" not in text or "\n" not in text:
        return
    labels = list(_LABEL.finditer(text))
    if len(labels) < _MIN_LABELS:
        return
    first_words = [match.group("name").split()[0] for match in labels]
    if not any(is_first_name(word, word_like=False) for word in first_words):
        return
    for match, word in zip(labels, first_words, strict=True):
        if is_first_name(word):
            name = match.group("name")
            yield Candidate(match.start("name"), match.end("name"), tuple(name.split()))


__all__ = ["chat_speakers"]
