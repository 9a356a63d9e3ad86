"""A value a form or an instruction gives as an example: no one's (the twenty-fifth round).

form_placeholders.py drops placeholders by their form ("040 000 0000", "Katuosoite 1 A 1"), and
an increasing number such as "040 123 4567" only in a template, because residents type such
numbers as their own. An instruction says in words that a value is an example: "Puhelinnumero
(muodossa 040 123 4567)", "Telefon (t.ex. 040 123 4567)", "Kirjoita henkilötunnus muodossa
PPKKVV-NNNT (esim. 010101-123N)", "Tilinumero IBAN-muodossa (FI00 …)", "Puhelin: 040 123 4567
(esimerkki)". A phone, identity code, account or e-mail right after such a cue, or with the
word for an example in brackets right after it, is dropped.

"Right after": at most a colon, an opening bracket and spaces between the cue and the value,
so a writer's own value with a cue further back stays ("esim. minun numeroni 040 …", "voit
soittaa esimerkiksi iltaisin 040 …").
"""

from __future__ import annotations

import re

from rag.core.privacy.spans import PiiSpan

# The kinds a form gives an example of (a name or an address has its own placeholders).
_KINDS = frozenset({"PHONE", "HETU", "IBAN", "EMAIL"})
# The cues of an example, general knowledge of the three languages; "muodossa" ("in the form")
# also ends a compound ("IBAN-muodossa", "kansainvälisessä muodossa").
_CUE_BEFORE = re.compile(
    r"(?i)(?:(?<![\w.])(?:esim\.|esimerkiksi|t\.\s?ex\.|till exempel|ex\.|i formen|"
    r"i formatet|e\.\s?g\.|for example|for instance|format|such as)|muodossa)"
    r"[ \t]*:?[ \t]*\(?[ \t]*\Z"
)
_CUE_AFTER = re.compile(r"[ \t]*\((?i:esimerkki|exempel|example|esim\.?|ex\.?)\)")
# How far back a cue may start.
_REACH = 24


def example_value(text: str, span: PiiSpan) -> bool:
    """Whether ``span`` (a phone, identity code, account or e-mail) is given as an example."""
    if span.kind not in _KINDS:
        return False
    if _CUE_BEFORE.search(text, max(0, span.start - _REACH), span.start):
        return True
    return _CUE_AFTER.match(text, span.end) is not None


def without_example_values(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """``spans`` without the values given as examples."""
    return [s for s in spans if not example_value(text, s)]
