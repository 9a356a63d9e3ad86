"""A member's motion named by its maker (the eightieth round): minutes write a counter-proposal
as its maker's surname in the genitive before the noun ("Mäkelän ehdotusta kannattivat …",
"Kettusen vastaehdotus sai 21 ääntä", "Lindqvists förslag föll"). A body's or an official's
proposal takes the same form ("Esittelijän ehdotus", "Stadsstyrelsens förslag"), so the word
must be no common word in any form, and a Swedish definite noun's genitive ("-ens", "-ets",
"-nas") is no surname. Like name_forms.py this module only reads the text; names.py applies its
guards (places, bodies, months).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.common_words import is_common_anywhere
from rag.core.privacy.first_names import base_forms
from rag.core.privacy.name_forms import Candidate

_PROPOSAL = re.compile(
    rf"(?<![\w'’-])(?P<maker>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)[ \t]+"
    r"(?:(?P<finnish>(?:vasta)?ehdotu(?:s|ksen|sta|kseen|ksesta|ksella))|(?:mot)?förslag(?:et)?)\b"
)
_DEFINITE_GENITIVE = ("ens", "ets", "nas")


def proposers(text: str) -> Iterator[Candidate]:
    """The maker's name in the genitive before a proposal's noun, when it is no common word
    and, in Swedish, no definite noun."""
    for match in _PROPOSAL.finditer(text):
        word = match.group("maker")
        if match.group("finnish"):
            genitive = word.endswith("n")
        else:
            genitive = word.endswith("s") and not word.endswith(_DEFINITE_GENITIVE)
        if not genitive:
            continue
        if any(is_common_anywhere(form) for form in (word.lower(), *base_forms(word))):
            continue
        yield Candidate(match.start("maker"), match.end("maker"), (word,))
