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

With ``our_institution`` (the thirty-second round) a text also speaks for an organisation
when the plural first person owns an institution: "Our office is at ...", "Vår förening
ordnar ...", "toimistomme". A resident's "our home", "vårt hus" or "meidän taloyhtiö" names no
institution's word ("taloyhtiö" does: a housing company's address is no one's home either).
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
# The plural first person's possessives that stand before a noun (general knowledge).
_OUR = frozenset({"our", "vår", "vårt", "våra", "meidän"})
# "our new office": at most one word between the possessive and the institution's word.
_OUR_REACH = 2


def plural_first_person(word: str) -> bool:
    """A word of the plural first person ("vi", "meidän", "pahoittelemme", "our"); not a
    home's ("asumme", "kotimme")."""
    lowered = word.lower()
    if lowered in _PLURAL_FIRST_PERSON:
        return True
    return bool(_PLURAL_SUFFIX.match(lowered)) and lowered not in _OWN_WORDS


def owns_an_institution(text: str) -> bool:
    """Whether the plural first person owns an institution in ``text``: "our office", "vår
    nya förening", "toimistomme"."""
    words = [match.group() for match in CLAUSE_WORD.finditer(text)]
    for at, word in enumerate(words):
        lowered = word.lower()
        if lowered in _OUR and any(
            institution_word(w) for w in words[at + 1 : at + 1 + _OUR_REACH]
        ):
            return True
        if _PLURAL_SUFFIX.match(lowered) and institution_word(word):
            return True
    return False


def speaks_for_an_organisation(text: str, our_institution: bool = False) -> bool:
    """Whether ``text`` opens with a notice's label or ends with an organisation's
    signature line; with ``our_institution``, also whether the plural first person owns an
    institution in it."""
    if _NOTICE_LABEL.match(text):
        return True
    if our_institution and owns_an_institution(text):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    words = CLAUSE_WORD.findall(lines[-1])
    return 0 < len(words) <= _SIGNATURE_WORDS and any(
        institution_word(word) or service_word(word) for word in words
    )
