"""A phone number whose clause names an organisation or a service as its holder:
"Nuorisotalon puhelin 040 …", "Sosiaalipäivystys 24/7: 0400 …", "tfn 040 … (hamnvakt)".

own_contacts.py keeps the numbers of the city's own block, and organisations.py a number
after a switchboard's or service's label, but never a mobile: an office's or a service's
mobile line ("the youth centre's phone", "the on-call line", "IT support") and numbers
outside the block stayed masked. Here the evidence is the holder, as organisation_holders.py
reads it for accounts and addresses:

- an institution (organisation_holders.institution_word: a school, a day-care centre, a
  library, a youth centre, an office, a company or association mark, a public body)
  among the last four words before the number, its phone labels aside ("Nuorisotalon
  puhelin 040 …", "Porvoon Isännöinti Oy, 019 …"): beside it, not anywhere in the clause,
  since a question about an office is no office's number ("saako uimahallin kortin
  maksaa … soittakaa 044 …");
- a service word among the last few words before it ("asiakaspalvelu palvelee numerossa",
  "jourtelefon", "IT-tuki", "lippuvaraukset", "vikailmoitukset");
- either of them in brackets right after it ("040 … (nuorisotalon puhelin)").

A company's or an association's mark (Oy, Tmi, ry ...) holds a landline but not a mobile:
a small firm's or an association's mobile is its owner's or chair's own phone.

A number inside brackets that hold its holder ("(Isännöinti Oy, 019 …)") is a clause of its
own. A bare "info" label is no holder ("Myydään sohva, info 040 …": a resident's sale).

Privacy wins, more strictly than for an address: nothing is kept with a person's name in the
clause or, when the clause starts a line, on the lines above it in its paragraph (a
signature: "Anna Virtanen\\nPäiväkoti Satumetsä, puh. 040 …" is her work phone); nor with the
writer's own words ("minun", "soita mulle", "numeroni", "suoraan", "mitt", "my"), a home
or possessive word, a person's role (asukas, kund, tenant ...), an officer's (puheenjohtaja,
kassör ...), a staff member's ("opettaja", "barnskötare", "teacher", and any Finnish or
Swedish agent noun: "kerhon vetäjä", "johtaja", "ledare"), a family's ("perhe",
"familjen") or a person spoken of ("hänelle", "honom", "her"): a named or a described
person's phone is personal data.
"""

from __future__ import annotations

from collections.abc import Sequence

from rag.core.privacy.names import company_marks
from rag.core.privacy.organisation_contacts import CLAUSE_WORD, sentence_bounds
from rag.core.privacy.organisation_holders import institution_word, personal_words, words_before
from rag.core.privacy.organisations import (
    BRACKET_AFTER,
    MOBILE_PREFIXES,
    national_digits,
    service_word,
)
from rag.core.privacy.own_contacts import own_line_word
from rag.core.privacy.role_names import person_noun
from rag.core.privacy.spans import PiiSpan, overlaps

# Service lines beyond organisations.py's switchboards and offices: on-call, support,
# bookings and fault reports (the start of a word or inside a compound, any case form).
_LINE_STEMS = (
    "jour", "päivys", "tuki", "support", "varaus", "varauks", "bokning", "booking",
    "vikailmoitu", "felanmäl", "helpline", "hotline",
)  # fmt: skip
# A label that may belong to anyone's number ("Info 040 …" in a resident's sale).
_BARE_LABELS = frozenset({"info", "infoa", "infos", "information"})
# A Finnish or Swedish agent noun names a person by a role ("vetäjä", "johtaja", "ledare").
_AGENT_ENDINGS = ("ja", "jä", "are")
_FAMILY_STEMS = ("perhe", "familj", "family")
# A person spoken of: "Hän on sairaalassa, soita hänelle 040 …", "ring honom på 040 …".
_THIRD_PERSON = frozenset({
    "hän", "hänen", "hänelle", "häntä", "hänet", "häneltä", "hänellä", "hänestä", "häneen",
    "han", "hon", "hen", "honom", "henne", "hans", "hennes", "hens", "he", "she", "him",
    "her", "his", "hers",
})  # fmt: skip
_PHONE_LABELS = frozenset({
    "puh", "puhelin", "puhelinnumero", "p", "tel", "tfn", "telefon", "telefonnummer", "phone",
    "nro", "numero", "numerossa", "numeroon", "nummer", "mob", "gsm", "mobil", "mobile",
})  # fmt: skip


def _holder(word: str, mobile: bool) -> bool:
    """An institution noun, a public body or a company or association mark; for a mobile,
    not a mark ("Virtanen Tmi, 040 …": a small firm's or an association's mobile is its
    owner's or its chair's own phone, as organisations.py decided)."""
    lowered = word.lower()
    if lowered in _BARE_LABELS or (mobile and lowered.split(":")[0].rstrip(".") in company_marks):
        return False
    return institution_word(word)


def _service(word: str) -> bool:
    """A word that names a service line ("asiakaspalvelu", "jourtelefon", "IT-tuki")."""
    lowered = word.lower()
    if lowered in _BARE_LABELS:
        return False
    return service_word(word) or any(stem in lowered for stem in _LINE_STEMS)


def _bracket_around(text: str, phone: PiiSpan) -> tuple[int, int] | None:
    """The inside of the brackets that hold the number on its line, if any."""
    line_start = text.rfind("\n", 0, phone.start) + 1
    opening = text.rfind("(", line_start, phone.start)
    if opening < 0 or ")" in text[opening : phone.start]:
        return None
    closing = text.find(")", phone.end)
    line_end = text.find("\n", phone.end)
    if closing < 0 or (0 <= line_end < closing):
        return None
    return opening + 1, closing


def _a_person_above(text: str, begin: int, names: Sequence[PiiSpan]) -> bool:
    """A clause that starts a line: a person's name on the lines above it in its paragraph
    (the name of a signature above its office and phone lines)."""
    if begin > 0 and text[begin - 1] != "\n":
        return False
    paragraph = text.rfind("\n\n", 0, begin)
    return overlaps(names, 0 if paragraph < 0 else paragraph, begin)


def _a_role(word: str) -> bool:
    """A staff member's, a family's or a person's word: a role noun, an agent noun,
    "perhe", a third-person pronoun."""
    lowered = word.lower()
    if lowered.startswith(_FAMILY_STEMS) or lowered in _THIRD_PERSON:
        return True
    agent = len(lowered) >= 5 and lowered.endswith(_AGENT_ENDINGS)
    return agent or person_noun(word) is not None


def _personal(words: Sequence[str]) -> bool:
    """The writer's own line, a home word, or a person's, officer's or staff member's role."""
    return personal_words(words, False) or any(own_line_word(w) or _a_role(w) for w in words)


def organisation_phone(text: str, phone: PiiSpan, names: Sequence[PiiSpan]) -> bool:
    """Whether a phone number is an organisation's by its clause (module docstring):
    ``names`` are the persons' names found in ``text``."""
    mobile = national_digits(text[phone.start : phone.end]).startswith(MOBILE_PREFIXES)
    bracket = _bracket_around(text, phone)
    if bracket is not None and any(
        _holder(w, mobile) or _service(w)
        for w in CLAUSE_WORD.findall(text, bracket[0], phone.start)
    ):
        begin, end = bracket
    else:
        begin, end = sentence_bounds(text, phone.start, phone.end)
    if overlaps(names, begin, end) or _a_person_above(text, begin, names):
        return False
    if _personal(CLAUSE_WORD.findall(text, begin, end)):
        return False
    before = words_before(CLAUSE_WORD.findall(text, begin, phone.start), _PHONE_LABELS)
    if any(_holder(w, mobile) or _service(w) for w in before):
        return True
    after = BRACKET_AFTER.match(text, phone.end)
    if after is None:
        return False
    inside = CLAUSE_WORD.findall(after.group(1))
    return not _personal(inside) and any(_holder(w, mobile) or _service(w) for w in inside)


def keep_organisation_phones(
    text: str, spans: Sequence[PiiSpan], names: Sequence[PiiSpan]
) -> list[PiiSpan]:
    """``spans`` without the phone numbers whose clause names an organisation or a service
    as their holder; ``names`` are the persons' names found in ``text``."""
    return [s for s in spans if s.kind != "PHONE" or not organisation_phone(text, s, names)]


__all__ = ["keep_organisation_phones", "organisation_phone"]
