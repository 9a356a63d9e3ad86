"""Web addresses are no personal data: "www.porvoo.fi/kesatyo", "porvoo.fi/osallistu".

Two rules read them as something else. A web page after a date ("open on 1 March 2024 at
www.porvoo.fi/kesatyo") or after a verb ("Submit at porvoo.fi/osallistu", "available in
Swedish at porvoo.fi") looked like an e-mail written against spam ("maija at gmail.com"),
and the digits of a path could look like a phone number. A web address (a scheme, "www."
or a domain with a path) is kept whole, and an e-mail with a bare "at" whose local part is
one dictionary word and no name is a sentence that names a web site. An address holding an
"@" (a "mailto:" link, a mailbox in a query) is not kept: the mailbox in it stays masked.
"""

from __future__ import annotations

import re

import rag.core.privacy.finnish_morphology as finnish_morphology
from rag.core.privacy.common_words import is_common_anywhere
from rag.core.privacy.first_names import is_first_name, word_threshold
from rag.core.privacy.organisation_contacts import free_mail_domain
from rag.core.privacy.word_frequency import zipf_in

# Top-level domains residents and offices of a Finnish/Swedish city write (ISO codes of the
# region, the generic ones).
_TLDS = r"fi|se|ax|ee|no|dk|de|eu|com|net|org|info|nu|io|gov|edu|int|uk|fr|es|it|ru"
# "https://…", "www.…", or a domain followed by a path ("porvoo.fi/osallistu").
_WEB_ADDRESS = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()\[\]]+"
    rf"|(?<![\w@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{_TLDS})/[^\s<>\"'()\[\]]*",
    re.I,
)
_TRAILING = ".,;:!?"
# An e-mail with a bare "at": the local part, the domain.
_BARE_AT = re.compile(r"(?i)([^\W\d_]+)\s+(?:at|ät)\s+(\S+)")


def web_address_spans(text: str) -> list[tuple[int, int]]:
    """The web addresses in ``text`` (without the punctuation that ends a sentence)."""
    if "/" not in text and "www." not in text.lower():
        return []
    spans = []
    for match in _WEB_ADDRESS.finditer(text):
        found = match.group().rstrip(_TRAILING)
        if "@" not in found:
            spans.append((match.start(), match.start() + len(found)))
    return spans


def site_named_in_a_sentence(found: str) -> bool:
    """Whether an e-mail read from a bare "at" is a sentence naming a web site: its local
    part is one word and no name ("Apply at porvoo.fi", "available in Finnish at
    kuopio.fi"). A word in lower case must be a dictionary word or an English word frequent
    in text; a capitalised one (addresses are written in lower case) any word English text
    uses. "maija82 at gmail.com", "kim.lee at x.fi", "liisa at x.fi" and anything at a
    free-mail provider stay e-mails."""
    match = _BARE_AT.fullmatch(found)
    if match is None:
        return False
    word, domain = match.group(1), match.group(2).lower()
    if free_mail_domain(domain):
        return False
    if is_first_name(word) or finnish_morphology.read_word(word).person:
        return False
    lowered = word.lower()
    english = zipf_in(lowered, "en")
    if english >= word_threshold() or (word[0].isupper() and english > 0):
        return True
    return is_common_anywhere(lowered)


__all__ = ["site_named_in_a_sentence", "web_address_spans"]
