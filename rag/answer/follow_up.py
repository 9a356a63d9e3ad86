"""Whether a question in a conversation depends on the earlier turns (fi, sv, en).

A follow-up is read together with the previous question only when it cannot stand alone: it
opens with a continuation word ("entä…", "och…", "what about…"), refers back with a pronoun
("Kuka sen hyväksyi?", "Vem godkände det?", "Who approved it?"), or is a bare fragment
("Milloin?", "Entä 2025?"). Any other question starts fresh, so an unrelated second question
is never answered with the first one's theme.
"""

from __future__ import annotations

import re

_CONTINUES = re.compile(
    r"^\s*(entä|entäs|mites|mutta|ja|sekä|och|men|samt|hur är det med|än|"
    r"what about|how about|and|but|also)\b",
    re.IGNORECASE,
)
# Words that point back at something named earlier (pronouns, demonstratives, "there", "then").
_REFERS_BACK = re.compile(
    r"\b(se|sen|sitä|siitä|siihen|siinä|sillä|ne|niitä|niistä|niihin|niiden|tämä|tämän|tätä|"
    r"tästä|tähän|tuo|tuon|hän|hänet|hänen|he|heidät|siellä|silloin|kyseinen|kyseisen|"
    r"det|den|dess|detta|denna|dessa|dem|han|hon|honom|henne|där|då|"
    r"it|its|that|this|these|those|they|them|their|he|she|him|her|there|then)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)
FRAGMENT_WORDS = 3  # "Milloin?", "Entä 2025?", "Och Grankulla?": too short to stand alone
REFERENCE_WORDS = 8  # a pronoun in a short question points outside it


def depends_on_context(question: str) -> bool:
    """True when the question needs the conversation to be understood."""
    words = _WORD.findall(question)
    if not words:
        return False
    if _CONTINUES.match(question) or len(words) <= FRAGMENT_WORDS:
        return True
    return len(words) <= REFERENCE_WORDS and bool(_REFERS_BACK.search(question))
