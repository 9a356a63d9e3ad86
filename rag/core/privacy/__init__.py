"""Masking personal data in citizen text before it leaves the machine (LLM calls, exports, drafts).

Residents write their e-mail, phone number, bank account, home address, name and sometimes
their personal identity code into proposals. None of that helps to classify a proposal or to
write a roadmap draft, so it is replaced by a placeholder before the text is sent to an
external model or put into a document. The rules live beside this file: identifiers with a
fixed shape (identifiers.py), street addresses (addresses.py) and names (names.py, with the
known first names of first_names.py).

One set of rules serves every caller; only the placeholder words differ: the classifier's
LLM prompt gets ``[EMAIL]``-style tags, the Finnish-first draft gets ``[sähköposti]``-style tags.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rag.core.privacy.addresses import (
    ABBREVIATED_STREET_RULE,
    ADDRESS_RULE,
    FLAT_ADDRESS_RULE,
    LABELLED_ADDRESS_RULE,
    MORE_STREET_RULE,
    POSTAL_ADDRESS_RULE,
    QUALIFIED_STREET_RULE,
    SEPARATE_STREET_RULE,
    address_context_spans,
    with_case_endings,
    with_flat_words,
    with_inflected_streets,
    without_dated_numbers,
)
from rag.core.privacy.called_numbers import keep_called_numbers
from rag.core.privacy.care_of import outside_addresses, with_care_of
from rag.core.privacy.closing_names import closing_names
from rag.core.privacy.context_names import with_context_names
from rag.core.privacy.echo_names import echoed_names
from rag.core.privacy.example_values import without_example_values
from rag.core.privacy.form_placeholders import without_placeholder_names, without_placeholders
from rag.core.privacy.housing_companies import keep_housing_company_addresses
from rag.core.privacy.identifiers import IDENTIFIER_RULES, e_invoice_addresses, kept_spans
from rag.core.privacy.leading_first_names import with_leading_first_names
from rag.core.privacy.letter_case import (
    a_shouted_name,
    changed_lines,
    found_in_view,
    recased_view,
    spaced_identity_codes,
    without_lead_words,
)
from rag.core.privacy.middle_names import with_middle_names
from rag.core.privacy.name_initials import initials_of_found_names
from rag.core.privacy.name_tagger import add_tagged_names, merge_names
from rag.core.privacy.names import NameFinder, NameRules, with_trailing_surnames
from rag.core.privacy.number_holders import names_beside_numbers
from rag.core.privacy.organisation_contacts import keep_organisation_contacts
from rag.core.privacy.organisation_holders import keep_organisation_holders
from rag.core.privacy.organisation_phones import keep_organisation_phones
from rag.core.privacy.organisations import company_names, organisation_number
from rag.core.privacy.origin_names import (
    coordinated_first_names,
    family_surnames,
    first_names_given_elsewhere,
    origin_surname_pairs,
    surnames_by_origin,
)
from rag.core.privacy.own_contacts import OwnContacts, deployment_contacts, own_block_number
from rag.core.privacy.person_states import names_in_person_states
from rag.core.privacy.pronoun_names import names_before_pronouns
from rag.core.privacy.public_names import placeholder_street
from rag.core.privacy.reserved_placeholders import (
    without_placeholder_records,
    without_reserved_placeholders,
)
from rag.core.privacy.role_mailboxes import role_mailbox
from rag.core.privacy.salutation_names import lower_case_salutation_names, salutation_names
from rag.core.privacy.spans import PiiSpan, overlaps, pattern_spans, replace_spans
from rag.core.privacy.typed_identifiers import with_typed_identifiers
from rag.core.privacy.unowned_accounts import keep_unowned_accounts
from rag.core.privacy.unowned_addresses import SetAside, keep_unowned_addresses
from rag.core.privacy.unowned_phones import keep_unowned_phones
from rag.core.privacy.web_addresses import site_named_in_a_sentence, web_address_spans

__all__ = [
    "FINNISH_TAGS",
    "TAGS",
    "MaskedText",
    "NameRules",
    "OwnContacts",
    "PiiSpan",
    "find_pii",
    "mask_personal_data",
    "mask_pii",
]

# (the qualified street first: "Tolkkisten rantatie 7" whole, not from the flat rule's "rantatie")
_ADDRESS_RULES = (
    QUALIFIED_STREET_RULE,
    ADDRESS_RULE,
    LABELLED_ADDRESS_RULE,
    FLAT_ADDRESS_RULE,
    SEPARATE_STREET_RULE,
    MORE_STREET_RULE,
)
_RULES = (*IDENTIFIER_RULES, *_ADDRESS_RULES)
_NAMES = NameFinder()

#: Placeholders for text sent to an LLM (language-neutral tags).
TAGS: Mapping[str, str] = {
    kind: f"[{kind}]" for kind in ("EMAIL", "IBAN", "HETU", "PHONE", "ADDRESS", "NAME")
}

#: Placeholders for text shown in a Finnish-first document (the roadmap draft).
FINNISH_TAGS: Mapping[str, str] = {
    "EMAIL": "[sähköposti]",
    "IBAN": "[tilinumero]",
    "HETU": "[henkilötunnus]",
    "PHONE": "[puhelinnumero]",
    "ADDRESS": "[osoite]",
    "NAME": "[nimi]",
}


@dataclass
class MaskedText:
    """The masked text and how many items of each kind were replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def masked(self) -> int:
        return sum(self.counts.values())


def find_pii(
    text: str, names: NameRules | None = None, contacts: OwnContacts | None = None
) -> list[PiiSpan]:
    """Every piece of personal data in the text, in order, without overlaps.

    Rules run in priority order; a match overlapping an earlier one is dropped. Names are
    looked for last, so a greeting followed by an e-mail address is not read as a name.
    ``names`` switches name mechanisms off (the bench measures each one that way);
    ``contacts`` are the organisation's own number blocks and mail domains (default: the
    settings', own_contacts.py).
    """
    finder = deployment_finder() if names is None else NameFinder(names)
    rules = finder.rules
    contacts = deployment_contacts() if contacts is None else contacts
    kept = [PiiSpan(start, end, "") for start, end in kept_spans(text)]
    if rules.web_addresses:
        kept += [PiiSpan(start, end, "") for start, end in web_address_spans(text)]
    if rules.e_invoice_addresses:
        kept += [PiiSpan(start, end, "") for start, end in e_invoice_addresses(text)]
    # "130292 427H": a henkilötunnus with a space, only with its check character right
    spans = spaced_identity_codes(text) if rules.spaced_identity_codes else []
    spans = pattern_spans(text, _RULES, spans, kept)
    # "044 7o3 1128", "FI 21 1234 5600 0007 85": identifiers typed oddly (typed_identifiers.py)
    spans = with_typed_identifiers(text, spans, kept, rules)
    if rules.abbreviated_streets:
        # "Runebergink. 18 A 4", "Kyrkog. 3": a street word abbreviated (addresses.py)
        spans = pattern_spans(text, (ABBREVIATED_STREET_RULE,), spans, kept)
    if rules.postal_addresses:
        # "Pappilanmäki 3, 06500 Porvoo": no street word, the postal code after it (addresses.py)
        spans = pattern_spans(text, (POSTAL_ADDRESS_RULE,), spans, kept)
    if rules.inflected_streets:
        # "asun Niittytiellä 6", "Lukiokadulla 11": a street in a local case (addresses.py)
        spans = with_inflected_streets(text, spans, kept)
    # "OSOITE: VANHA PORVOONTIE 218", "kaivokatu 5a 12": the rules on a title-cased copy
    # (the copy's lines that hold such a word are read again, each alone)
    view, recased = recased_view(
        text,
        rules.shouted_text,
        rules.lower_case_streets,
        rules.lower_case_homes,
        rules.lower_case_texts,
        rules.shouted_end_names,
        rules.shouted_conjunctions,
        rules.shouted_surname_first,
    )
    lines = changed_lines(view, recased)
    for start, end in lines:
        in_view = pattern_spans(view[start:end], _ADDRESS_RULES, [], [])
        spans += found_in_view(_moved(in_view, start), recased, spans + kept)
    spans = address_context_spans(text, spans)
    if rules.flat_words:
        # "Strandgatan 9 bost. 4": a flat written out after the number (addresses.py)
        spans = with_flat_words(text, spans)
    # A company named after its owner ("Sundqvist Bygg Oy") is no person: no name inside it.
    companies = company_names(text) if rules.company_names else []
    found_names = finder.find(text, spans + companies)
    for start, end in lines if rules.shouted_text else []:
        taken = [s for s in spans + companies if s.start < end and start < s.end]
        in_view = _moved(finder.find(view[start:end], _moved(taken, -start)), start)
        if rules.shouted_runs_trimmed:
            in_view = [without_lead_words(view, s) for s in in_view]
        in_view = [
            s
            for s in in_view
            if a_shouted_name(
                view,
                s,
                rules.shouted_surnames,
                rules.shouted_after_lead,
                rules.shouted_word_surnames,
            )
        ]
        found_names += found_in_view(in_view, recased, spans + companies + found_names)
    if rules.form_placeholders:
        # "Etunimi Sukunimi", "Katuosoite 1 A 1", "040 000 0000": a form's placeholders
        found_names = without_placeholder_names(text, found_names)
        spans = without_placeholders(text, spans, found_names)
    if rules.example_values:
        # "Telefon (t.ex. 040 123 4567)", "esim. 010101-123N" (example_values.py)
        spans = without_example_values(text, spans)
    if rules.reserved_placeholders:
        # "nimi@example.com", "FI00 0000 0000 0000 00", "Maija Meikäläinen"
        people = without_reserved_placeholders(text, found_names)
        # a placeholder person blocks the later name rules as a company's name does: its
        # given name alone ("Terveisin Matti Meikäläinen") is no one either
        still_people = set(people)  # (a set: a long list of names is read in linear time)
        dropped = [s for s in found_names if s not in still_people]
        companies += [PiiSpan(s.start, s.end, "") for s in dropped]
        found_names = people
        spans = without_reserved_placeholders(text, spans)
        if rules.placeholder_records and dropped:
            # "Esimerkki: Matti Meikäläinen, ..., 010101-123N": the example's data
            spans = without_placeholder_records(text, spans, dropped, people)
    if rules.service_numbers or rules.service_context:
        # A switchboard's or a service number is an organisation's (organisations.py).
        spans = [
            s
            for s in spans
            if s.kind != "PHONE"
            or not organisation_number(
                text,
                s,
                found_names,
                rules.service_numbers,
                rules.service_context,
                rules.organisation_clause,
            )
        ]
    # An organisation's mailbox, office or account is no person's (organisation_contacts.py).
    spans = keep_organisation_contacts(
        text,
        spans,
        found_names,
        rules.functional_mailboxes,
        rules.address_ranges,
        rules.office_addresses,
        rules.payee_accounts,
        rules.account_sentence_evidence,
        rules.payment_references,
        rules.visiting_addresses,
    )
    spans = _without_own_contacts(text, spans, found_names, rules, contacts)
    if rules.organisation_holders:
        # "Socialbyrån, Biskopsgatan 15", "föreningens konto FI…" (organisation_holders.py)
        spans = keep_organisation_holders(text, spans, found_names)
    if rules.organisation_phones:
        # "Nuorisotalon puhelin 040 …", "(Isännöinti Oy, 019 …)" (organisation_phones.py)
        spans = keep_organisation_phones(text, spans, found_names)
    if rules.placeholder_names:
        # "Esimerkkikatu 1", "Exempelgatan 2": the street of a form's example (public_names.py)
        spans = [
            s for s in spans if s.kind != "ADDRESS" or not placeholder_street(text[s.start : s.end])
        ]
    if rules.care_of:
        spans = with_care_of(text, spans, companies)
        found_names = outside_addresses(found_names, spans)
    spans += found_names
    if rules.context_word_names:
        # "Björn ringde", "min dotter Maja", "Hej Kim!": a first name that is also a word
        taken = spans + companies
        spans = with_context_names(text, taken, lambda new: finder.private_names(text, new, taken))
        spans = [s for s in spans if s.kind]
    if rules.echo_names:
        # "Anna Lind kysyi ... Annalle vastattiin": the found name's word mentioned again
        spans = _with_names(text, spans, companies, finder, echoed_names(text, spans + companies))
    if rules.salutation_names:
        # "Bästa Fatuma,", "Tjenare Jocke!": the one word a salutation addresses
        spans = _with_free_names(text, spans, companies, finder, salutation_names(text))
    if rules.lower_case_salutations:
        # "hej maja!", "hei anna, ...": a listed first name in lower case after a salutation
        found = lower_case_salutation_names(text)
        spans = _with_free_names(text, spans, companies, finder, found)
    if rules.closing_names:
        # "... Soittakaa illalla. Onni", "Thanks, Tom": a first name alone closing the text
        spans = _with_free_names(text, spans, companies, finder, closing_names(text))
    if rules.person_states:
        # "Onni oli eilen kipeä", "Tom kommer inte": a person's verb or state after the name
        found = [(c.start, c.end) for c in names_in_person_states(text)]
        spans = _with_free_names(text, spans, companies, finder, found)
    if rules.pronoun_names:
        # "tacka Robin för hans tålamod": a pronoun points back to the first name
        found = [(c.start, c.end) for c in names_before_pronouns(text, spans)]
        spans = _with_free_names(text, spans, companies, finder, found)
    for switch, by_origin, widens in (
        ("surnames_by_origin", surnames_by_origin, False),
        ("first_names_given_elsewhere", first_names_given_elsewhere, False),
        ("family_surnames", family_surnames, False),
        # "Ana Ferreiralle" widens the found "Ana" to the full name
        ("origin_surname_pairs", origin_surname_pairs, True),
        ("coordinated_first_names", coordinated_first_names, False),
    ):
        if getattr(rules, switch):
            # "Kowalska soitti", "hjälp till Maximilian" (origin_names.py)
            found = by_origin(text)
            spans = _with_free_names(text, spans, companies, finder, found, widen=widens)
    if rules.initials_of_names:
        # "Hanna Sjöberg (HS) ... HS sammankallar": a found name's initials (name_initials.py)
        found = initials_of_found_names(text, spans + companies)
        spans = _with_free_names(text, spans, companies, finder, found)
    if rules.number_holders:
        # "Sini 050 771 6432", "040 773 1092 (Maja)": a number's holder (number_holders.py)
        # (a holder's name widens a name found inside it: "ville j." to "ville j. mäkelä")
        found = names_beside_numbers(text, spans)
        spans = _with_free_names(text, spans, companies, finder, found, widen=True)
    if finder.rules.tagger:
        spans = [s for s in add_tagged_names(text, spans + companies, finder) if s.kind]
    # (after the tagger: a name it finds is someone in the text)
    if rules.dated_numbers:
        # "Mannerheimgatan 15.5 kl. 9": the number goes on as a date (addresses.py)
        spans = without_dated_numbers(text, spans)
    set_aside = SetAside.of(rules)  # the person's words the three removers below set aside
    if rules.unowned_addresses:
        # "Hissi Myllymäentie 4:ssä juuttui": a text that names no one (unowned_addresses.py)
        spans = keep_unowned_addresses(
            text, spans, set_aside, rules.venue_hours, rules.served_labels
        )
    if rules.unowned_phones or rules.unowned_landlines:
        # "Bokningar: 06 785 1645": a text that names no one (unowned_phones.py)
        spans = keep_unowned_phones(
            text,
            spans,
            not rules.unowned_phones,
            set_aside,
            rules.served_mobiles,
            contacts.in_service_mobile_block if rules.service_block_mobiles else None,
        )
    if rules.unowned_accounts:
        # "Mottagare: Borgå Vatten, FI…": a text that names no one and pays no one
        spans = keep_unowned_accounts(text, spans, set_aside)
    if rules.called_numbers and (rules.unowned_phones or rules.unowned_landlines):
        # "jag har ringt 019 520 2600": a landline the writer called (called_numbers.py);
        # a city that masks bare landlines masks these too
        spans = keep_called_numbers(text, spans)
    if rules.middle_names:
        # "Nguyen Van Minh": a first name between two names found is a middle name
        spans = with_middle_names(text, spans)
    if rules.leading_first_names:
        # "Namn: Tom Eriksson": a first name right before a name found is the person's
        spans = with_leading_first_names(text, spans)
    if rules.trailing_surnames:
        # "TEEMU RÄSÄNEN", "Camilla N": the surname or initial after a first name found
        spans = with_trailing_surnames(text, spans)
    if rules.address_case_endings:
        # "Koivukuja 7:ssä": the case ending joins an address kept masked (addresses.py);
        # last, so that no guard above reads the ending
        spans = with_case_endings(text, spans)
    return sorted(spans, key=lambda s: s.start)


@lru_cache(maxsize=1)
def deployment_finder() -> NameFinder:
    """The name finder of this deployment: the default mechanisms with the city's three
    decisions from the settings (the tagger's names, bare addresses and bare landlines in texts
    naming no one), read once."""
    from rag.core.settings import get_settings

    settings = get_settings()
    rules = NameRules(
        tagger=settings.mask_tagged_names,
        unowned_addresses=settings.keep_unowned_addresses,
        unowned_landlines=settings.keep_unowned_landlines,
    )
    return _NAMES if rules == _NAMES.rules else NameFinder(rules)


def _with_names(
    text: str,
    spans: list[PiiSpan],
    companies: list[PiiSpan],
    finder: NameFinder,
    names: list[tuple[int, int]],
) -> list[PiiSpan]:
    """``spans`` with ``names`` added, those the name finder's test of no private person
    keeps (a public figure, an occasion, a title is no one to hide)."""
    if not names:
        return spans
    taken = spans + companies
    found = [PiiSpan(start, end, "NAME") for start, end in names]
    kept = finder.private_names(text, found, taken)
    return merge_names(spans, [(s.start, s.end) for s in kept])


def _with_free_names(
    text: str,
    spans: list[PiiSpan],
    companies: list[PiiSpan],
    finder: NameFinder,
    names: list[tuple[int, int]],
    *,
    widen: bool = False,
) -> list[PiiSpan]:
    """``spans`` with those of ``names`` that overlap nothing found before (``spans``,
    ``companies``) and pass the test of no private person (``_with_names``). With ``widen`` a
    name found before does not block: one that overlaps it widens it to both."""
    blocking = [s for s in spans if not widen or s.kind != "NAME"] + companies
    free = [n for n in names if not overlaps(blocking, *n)]
    return _with_names(text, spans, companies, finder, free)


def _without_own_contacts(
    text: str,
    spans: list[PiiSpan],
    names: list[PiiSpan],
    rules: NameRules,
    contacts: OwnContacts,
) -> list[PiiSpan]:
    """``spans`` without the organisation's own numbers and role mailboxes, templates of
    addresses, web sites read as e-mails and housing companies' addresses (own_contacts.py,
    role_mailboxes.py, web_addresses.py, housing_companies.py)."""
    if rules.housing_companies:
        spans = keep_housing_company_addresses(text, spans)
    kept = []
    for span in spans:
        found = text[span.start : span.end]
        if span.kind == "PHONE" and rules.own_phone_blocks:
            if own_block_number(text, span, names, contacts):
                continue
        elif span.kind == "EMAIL":
            if rules.web_addresses and site_named_in_a_sentence(found):
                continue
            if role_mailbox(
                found,
                contacts,
                rules.template_mailboxes,
                rules.own_domain_mailboxes,
                rules.mailbox_word_forms,
                rules.place_mailboxes,
            ):
                continue
        kept.append(span)
    return kept


def _moved(spans: list[PiiSpan], offset: int) -> list[PiiSpan]:
    """Spans found in a part of a text that starts at ``offset``, as spans of the text."""
    return [PiiSpan(s.start + offset, s.end + offset, s.kind) for s in spans]


def mask_pii(text: str, tags: Mapping[str, str] = TAGS) -> MaskedText:
    """Replace e-mails, IBANs, identity codes, phone numbers, street addresses and names
    with the placeholders in ``tags`` (``[EMAIL]``, ``[IBAN]``, ``[HETU]``, ``[PHONE]``,
    ``[ADDRESS]`` and ``[NAME]`` by default)."""
    spans = find_pii(text)
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.kind] = counts.get(span.kind, 0) + 1
    return MaskedText(replace_spans(text, spans, lambda span, _: tags[span.kind]), counts)


def mask_personal_data(text: str) -> str:
    """The text with personal data replaced by Finnish tags (``[puhelinnumero]`` ...)."""
    return mask_pii(text, FINNISH_TAGS).text
