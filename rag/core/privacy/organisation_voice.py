"""A plural first person that is an organisation speaking, not a resident.

unowned_addresses.py and unowned_phones.py keep an address or a landline in a text that names
no one and holds no person's word; a first-person word counts as a person. In a notice or a
service's reply the "we" is the office: "Vesikatko Rautatienkadulla 12 ... Pahoittelemme
häiriötä. / Raaseporin Vesi", "Meddelande: ... Vi beklagar olägenheten", "Notice: ... we
apologise". There the plural first person says nothing of a person (the twenty-fourth round).

A text speaks for an organisation when it opens with a notice's label ("Tiedote:", "Tiedote
asukkaille:", "Meddelande:", "Kungörelse:", "Notice:") or its last line is a short signature
that holds an organisation's or a service's word ("EU-projektkontoret, Borgå stad",
"Kaupunkitekniikka", "Raseborg Vatten"; names are checked before: any name left masked in the
text counts as someone already). Only the plural first person is set aside: "minä", "jag",
"I", the home words ("asumme", "bor") and a person's role still count.
"""

from __future__ import annotations

import re

from rag.core.privacy.organisation_contacts import CLAUSE_WORD, PERSONAL_WORDS
from rag.core.privacy.organisation_holders import HOME_WORDS, institution_word
from rag.core.privacy.organisations import service_word

# The plural first person of the three languages, with its possessives (general knowledge).
_PLURAL_FIRST_PERSON = frozenset({
    "me", "meille", "meillä", "meiltä", "meitä", "meidän", "meihin", "meistä", "olemme",
    "vi", "oss", "vår", "våra", "vårt", "we", "us", "our", "ours", "we're", "we've",
})  # fmt: skip
# A Finnish verb or noun in the first person plural ("pahoittelemme", "kotimme"): -mme.
_PLURAL_SUFFIX = re.compile(r"\w{3,}mme\Z")
# ... but a home's or the writer's own word of that form ("asumme", "kotimme") is a person's.
_OWN_WORDS = HOME_WORDS | PERSONAL_WORDS
# A notice's or an announcement's label at the text's start, up to a colon within a few
# words ("Tiedote asukkaille:", "Meddelande till de boende:").
_NOTICE_LABEL = re.compile(
    r"\A\W*(?:tiedote|tiedotus|tiedoksi|kuulutus|ilmoitus|huomio|oikaisu|meddelande|"
    r"kungörelse|information|rättelse|notice|announcement|correction)\b[^\n:.!?]{0,40}:",
    re.IGNORECASE,
)
# A signature line is short.
_SIGNATURE_WORDS = 8


def plural_first_person(word: str) -> bool:
    """A word of the plural first person ("vi", "meidän", "pahoittelemme", "our"); not a
    home's ("asumme", "kotimme")."""
    lowered = word.lower()
    if lowered in _PLURAL_FIRST_PERSON:
        return True
    return bool(_PLURAL_SUFFIX.match(lowered)) and lowered not in _OWN_WORDS


def speaks_for_an_organisation(text: str) -> bool:
    """Whether ``text`` opens with a notice's label or ends with an organisation's
    signature line."""
    if _NOTICE_LABEL.match(text):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    words = CLAUSE_WORD.findall(lines[-1])
    return 0 < len(words) <= _SIGNATURE_WORDS and any(
        institution_word(word) or service_word(word) for word in words
    )
