"""The deploying organisation's own contact data: its phone number blocks and mail domains.

A city publishes its services' numbers in one block of its own ("019 520 …" for Porvoo) and
gives its staff and services addresses at its own domains (porvoo.fi, borga.fi). A number
in the block reaches the city, not a resident: it stays readable unless the text itself
shows a person's line (privacy wins, below). A mailbox at an own domain with no person's
name in it is a service's box ("familjehem@porvoo.fi"); staff boxes follow the template
"firstname.lastname", which stays masked.

Its switchboard's number ("019 520 211") is the whole organisation's, nobody's own line: it
stays readable beside a name or in "I called ..." too.

The values come from the settings (``TIEKARTTA_ORGANISATION_PHONE_BLOCKS``,
``TIEKARTTA_ORGANISATION_SWITCHBOARDS``, ``TIEKARTTA_ORGANISATION_MAIL_DOMAINS``,
``TIEKARTTA_ORGANISATION_DIRECT_LINES``); the
embedded defaults are Porvoo's, the first user's. Another city sets its own, e.g.
``TIEKARTTA_ORGANISATION_PHONE_BLOCKS="09 310, +358 9 310"`` and
``TIEKARTTA_ORGANISATION_MAIL_DOMAINS="hel.fi"``; an empty value switches a kind off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.core.privacy.organisations import BRACKET_AFTER, clause_before, national_digits
from rag.core.privacy.spans import PiiSpan, overlaps

if TYPE_CHECKING:
    from rag.core.settings import Settings

#: Porvoo's: the city's number block (national and international forms) and mail domains.
PORVOO_PHONE_BLOCKS = ("019 520",)
#: Porvoo's mobile block, shared by its services' and its staff's mobiles ("040 489"): a
#: number there is the city's only where the text shows the service and names no one
#: (unowned_phones.py, ``service_block_mobiles``).
PORVOO_SERVICE_MOBILE_BLOCKS = ("040 489",)
#: Porvoo's switchboard: the number of the whole city, never anyone's own line.
PORVOO_SWITCHBOARDS = ("019 520 211",)
PORVOO_MAIL_DOMAINS = ("porvoo.fi", "borga.fi")
#: How a person's direct line inside the block is handled (see ``DIRECT_LINE_CHOICES``).
DIRECT_LINES_PERSON = "person"
DIRECT_LINES_ORGANISATION = "organisation"
DIRECT_LINE_CHOICES = (DIRECT_LINES_PERSON, DIRECT_LINES_ORGANISATION)


@dataclass(frozen=True)
class OwnContacts:
    """The organisation's phone blocks (as dialled at home: "019520") and mail domains."""

    phone_blocks: tuple[str, ...] = tuple(national_digits(b) for b in PORVOO_PHONE_BLOCKS)
    mail_domains: tuple[str, ...] = PORVOO_MAIL_DOMAINS
    # "person": a number in the block with a person's name next to it stays masked (a named
    # official's direct line is personal data); "organisation": every number in the block
    # is kept unless the writer calls it their own.
    direct_lines: str = DIRECT_LINES_PERSON
    service_mobile_blocks: tuple[str, ...] = tuple(
        national_digits(b) for b in PORVOO_SERVICE_MOBILE_BLOCKS
    )
    switchboards: tuple[str, ...] = tuple(national_digits(n) for n in PORVOO_SWITCHBOARDS)

    @classmethod
    def from_settings(cls, settings: Settings) -> OwnContacts:
        return cls(
            phone_blocks=parse_phone_blocks(settings.organisation_phone_blocks),
            mail_domains=parse_mail_domains(settings.organisation_mail_domains),
            direct_lines=settings.organisation_direct_lines,
            service_mobile_blocks=parse_phone_blocks(settings.organisation_service_mobile_blocks),
            switchboards=parse_phone_blocks(
                settings.organisation_switchboards, what="organisation switchboard", shortest=7
            ),
        )

    def in_block(self, number: str) -> bool:
        """Whether a phone number (any written form) lies in one of the blocks."""
        return _starts_in(number, self.phone_blocks)

    def is_switchboard(self, number: str) -> bool:
        """Whether a phone number (any written form) is one of the switchboards, whole."""
        digits = national_digits(number)
        return bool(digits) and digits in self.switchboards

    def in_service_mobile_block(self, number: str) -> bool:
        """Whether a phone number lies in the block the organisation's services share with
        its staff's mobiles."""
        return _starts_in(number, self.service_mobile_blocks)

    def own_domain(self, domain: str) -> bool:
        """Whether a mail domain is one of the own domains or a subdomain of one."""
        domain = domain.lower().rstrip(".")
        return any(domain == d or domain.endswith("." + d) for d in self.mail_domains)


def _starts_in(number: str, blocks: tuple[str, ...]) -> bool:
    """Whether a phone number (any written form) begins with one of ``blocks`` (national
    digits)."""
    digits = national_digits(number)
    return bool(digits) and digits.startswith(blocks)


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def parse_phone_blocks(
    value: str, what: str = "organisation phone block", shortest: int = 3
) -> tuple[str, ...]:
    """Comma-separated blocks ("019 520, +358 19 520") or whole numbers (``what`` names them,
    ``shortest`` digits at least) as national digits; a clear error names an item that is not
    a phone number's start."""
    blocks = []
    for item in _items(value):
        digits = national_digits(item) if re.fullmatch(r"[+0-9 ()-]+", item) else ""
        if not digits.startswith("0") or len(digits) < shortest:
            kind, example = (
                ("the start of a phone number", "'019 520' or '+358 19 520'")
                if shortest <= 3
                else ("a whole phone number", "'019 520 211' or '+358 19 520 211'")
            )
            raise ValueError(f"{what} '{item}' is not {kind} (write it as dialled, e.g. {example})")
        blocks.append(digits)
    return tuple(blocks)


def parse_mail_domains(value: str) -> tuple[str, ...]:
    """Comma-separated mail domains ("porvoo.fi, borga.fi"); an '@' before one is allowed."""
    domains = []
    for item in _items(value):
        domain = item.lower().lstrip("@")
        if not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", domain):
            raise ValueError(f"organisation mail domain '{item}' is not a domain like 'porvoo.fi'")
        domains.append(domain)
    return tuple(domains)


@lru_cache(maxsize=1)
def deployment_contacts() -> OwnContacts:
    """The own contact data of this deployment, from the settings (read once)."""
    from rag.core.settings import get_settings

    return OwnContacts.from_settings(get_settings())


# --- Numbers in the block -------------------------------------------------------------------

# The writer's own line ("minun numeroni", "ring mig", "my number"); only the singular: an
# organisation speaks of itself as "we" ("soita meille", "ring oss").
_OWN_LINE_WORDS = frozenset({
    "minulle", "minua", "minuun", "minun", "minulta", "minut", "mulle", "mua", "mun", "minä",
    "mä", "olen", "oon", "soitan", "numeroni", "puhelimeni", "suoraan", "oma", "oman", "omaan",
    "omasta", "kotiin", "kotona",
    "mig", "mej", "min", "mitt", "mina", "jag", "direkt", "direktnummer", "me", "my", "mine",
    "direct", "home", "private", "privat",
})  # fmt: skip
# (whole stems: "kotihoito", home care, is a service)
_OWN_LINE_STEMS = (
    "kotinum",
    "kotipuh",
    "yksityi",
    "suoranum",
    "suoravalin",
    "hemnummer",
    "hemtelefon",
    "privatnummer",
    "direktnummer",
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")
# A line that is only a phone label and the number ("p. 019 520 2318", "tfn 019 ..."): a
# signature's phone line, which belongs to the name on the line above it. Since the
# ninety-second round also "suora numero", and the name may stand up to three lines above, on
# a signature's line of its own, over the signature's title, office and e-mail lines
# ("Sinikka Mattila / hallintosihteeri / p. 019 520 2218"; not a name in a sentence above a
# sign-off and an office's line).
_LABEL_LINE = re.compile(
    r"(?i)[ \t]*"
    r"(?:(?:suora[ \t]+numero|direkt(?:nummer)?|direct(?:[ \t]+line)?|"
    r"puh|puhelin|p|tel|tfn|telefon|phone|mob)\.?:?)?[ \t]*\Z"
)
# A signature's line between the name and the number: a title, an office or an e-mail address,
# short and no sentence ("rådgivare, småbarnspedagogik", "Borgå stad", "louise.berg@borga.fi").
_SIGNATURE_LINE = re.compile(r"[^\d\n]{2,60}(?<![.!?:])[ \t]*\Z")
_LINES_ABOVE = 3


def own_line_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in _OWN_LINE_WORDS or lowered.startswith(_OWN_LINE_STEMS)


def _person_next_to(text: str, phone: PiiSpan, clause_start: int, names: Sequence[PiiSpan]) -> bool:
    """A person's name in the clause before the number, in brackets right after it, or
    on a line up to three above a line that holds only a label and the number, with only a
    signature's title, office or e-mail lines between."""
    if overlaps(names, clause_start, phone.start):
        return True
    after = BRACKET_AFTER.match(text, phone.end)
    if after is not None and overlaps(names, after.start(1), after.end(1)):
        return True
    line_start = text.rfind("\n", 0, phone.start) + 1
    if not line_start or not _LABEL_LINE.match(text[line_start : phone.start]):
        return False
    end = line_start - 1
    for above in range(_LINES_ABOVE):
        start = text.rfind("\n", 0, end) + 1
        signature_line = _SIGNATURE_LINE.match(text[start:end]) is not None
        if overlaps(names, start, end) and (above == 0 or signature_line):
            return True
        if not start or not signature_line:
            return False
        end = start - 1
    return False


def own_block_number(
    text: str,
    phone: PiiSpan,
    names: Sequence[PiiSpan],
    contacts: OwnContacts,
) -> bool:
    """Whether a phone number is the organisation's own: one of its switchboards, whatever
    stands beside it ("jag har ringt 019 520 211", "Marja Kinnunen, asiakaspalvelu, p. 019 520
    211": the whole city's number, nobody's line); or in one of its blocks, with no
    first-person word of the writer in its clause before it and (with the direct lines read
    as a person's) no person's name next to it."""
    number = text[phone.start : phone.end]
    if contacts.is_switchboard(number):
        return True
    if not contacts.in_block(number):
        return False
    clause_start = clause_before(text, phone.start)
    if any(own_line_word(w) for w in _WORD.findall(text, clause_start, phone.start)):
        return False
    return contacts.direct_lines == DIRECT_LINES_ORGANISATION or not _person_next_to(
        text, phone, clause_start, names
    )


__all__ = [
    "DIRECT_LINE_CHOICES",
    "PORVOO_MAIL_DOMAINS",
    "PORVOO_PHONE_BLOCKS",
    "PORVOO_SWITCHBOARDS",
    "OwnContacts",
    "deployment_contacts",
    "own_block_number",
    "parse_mail_domains",
    "parse_phone_blocks",
]
