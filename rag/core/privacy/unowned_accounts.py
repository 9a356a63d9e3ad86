"""An account that no one in the text owns: an organisation's, not a person's (forty-fourth
round, ``unowned_accounts``).

organisation_contacts.py keeps an IBAN whose sentence names an organisation or a payment
reference; organisation_holders.py one that an organisation's word holds ("föreningens konto").
An invoice or a notice often says whose account it is a sentence away or not at all: "Porvoon
kaupungin tilinumero on vaihtunut. Uusi tili on FI…", "Mottagare: Borgå Vatten, FI…",
"Beloppet betalas till konto FI… senast 15.5.", "Please pay to FI… by 30 June".

As for bare addresses and landlines (unowned_addresses.py, unowned_phones.py), the evidence is
the absence of any owner in the whole text: no name, phone number, e-mail, identity code or
home address left masked; no person's word (first-person, possessive or home words, a
person's or officer's role, the polite "your", a third-person pronoun); and, as an account
also pays people, no word of money paid to a person anywhere in the text (a refund, a
compensation, a wage, a rent, a grant: organisation_contacts.py). And since a bare account
with nothing around it says nothing either way, the text must also show a payee: an
organisation named anywhere in it ("Porvoon kaupungin tilinumero on vaihtunut. Uusi tili on
FI…") or an invoice's words (an invoice, a due date, a deadline: "Faktura nr …, förfallodag",
"betalas till konto FI… senast 15.5."). A text that names no one, pays no one and shows a
payee cannot say whose account it is but the payee's.
"""

from __future__ import annotations

from rag.core.privacy.organisation_contacts import CLAUSE_WORD, organisation_named, paid_to_a_person
from rag.core.privacy.spans import PiiSpan
from rag.core.privacy.unowned_addresses import SetAside, other_owners, someone_in

# An invoice's words in the three languages (general knowledge): the invoice, its due date and
# the deadline of a payment ("viimeistään", "senast"; English "by" is too common a word).
_INVOICE_STEMS = (
    "lasku", "laskun", "eräpäiv", "erääntyy", "eräänty", "viimeistään", "faktura", "förfallo",
    "förfaller", "senast", "invoice", "due",
)  # fmt: skip


def _shows_a_payee(word: str) -> bool:
    return organisation_named(word) or word.lower().startswith(_INVOICE_STEMS)


def keep_unowned_accounts(
    text: str, spans: list[PiiSpan], set_aside: SetAside = SetAside()
) -> list[PiiSpan]:
    """``spans`` without the IBANs of a text that names no one, holds no other person's data
    nor a person's word (but for the words ``set_aside`` names), pays no one and shows a
    payee (an organisation or an invoice)."""
    if not any(s.kind == "IBAN" for s in spans):
        return spans
    if someone_in(text, other_owners(text, spans, "IBAN"), set_aside=set_aside):
        return spans
    words = CLAUSE_WORD.findall(text)
    if any(paid_to_a_person(word) for word in words) or not any(map(_shows_a_payee, words)):
        return spans
    return [s for s in spans if s.kind != "IBAN"]
