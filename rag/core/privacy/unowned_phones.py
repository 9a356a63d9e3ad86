"""A phone number that no one in the text owns: an office's line, not a person's.

A notice or a web page gives a service's number with no one beside it ("Asiakaspalvelu
palvelee numerossa 06 785 1600", "Bokningar: 06 785 1645"). The city's own number blocks
are a setting (own_contacts.py), and organisation_phones.py keeps a number beside an
organisation's word; another town's office, a hotel or a club named by its own name is in
neither, so its number was masked.

As for bare addresses (unowned_addresses.py), the evidence is the absence of any owner in
the whole text: no name, e-mail, identity code or account left masked, no address with a
flat, and no person's word (first-person, home or possessive words, a person's or officer's
role, the polite "your", a third-person pronoun, a home or private line's word such as
"kotipuhelin" or "privat"). Under the landline switch a mobile number in the text is someone's
too. Two switches: ``unowned_phones`` for every number, and
``unowned_landlines`` for landlines only (a mobile number is a person's more often than an
office's). The landline switch is on by default since the nineteenth round
(``TIEKARTTA_KEEP_UNOWNED_LANDLINES``); the switch for every number failed its rule and is off.

Under the landline switch a mobile is an office's too when the text shows the service that
answers it (its hours, an office's or an organisation's word) and the number lies in the
block the organisation's services share with its staff (``service_block_mobiles``, the
forty-eighth round; own_contacts.py, Porvoo's "040 489"). Without the block
(``served_mobiles``, the forty-fifth round, off) every such mobile would be kept, and a
person's mobile whose name the name rules miss with it. Since the ninety-first round a text
shows the service also by its line alone: on-call or advice words ("vesihuollon päivystys",
"jouren", "neuvonta") or the hours the line answers ("vardagar 9–12", "24/7").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.core.privacy.own_contacts import own_line_word
from rag.core.privacy.spans import PiiSpan
from rag.core.privacy.unowned_addresses import (
    SetAside,
    other_owners,
    shows_a_service,
    someone_in,
)

# Mobile prefixes: Finnish 04x and 050, Swedish 07x (national form, after a leading 0).
_MOBILE = re.compile(r"0(?:4|50|7)")


def is_landline(number: str) -> bool:
    """Whether a phone number is a landline or a service number: a Finnish or Swedish area
    code (02-09, 013-019, 020, 0800) or a local number without one; not a mobile, and not a
    number of another country, whose mobiles these prefixes do not tell."""
    digits = re.sub(r"\D", "", number)
    if number.lstrip().startswith("+") or digits.startswith("00"):
        digits = digits.removeprefix("00")
        country = next((c for c in ("358", "46") if digits.startswith(c)), None)
        if country is None:
            return False
        # "+358 (0)40 ...": the trunk zero written after the country code
        digits = "0" + digits.removeprefix(country).removeprefix("0")
    return _MOBILE.match(digits) is None


# A service's line (the ninety-first round): its on-call or advice words and the hours it
# answers, in the three languages (general knowledge).
_LINE_WORDS = re.compile(
    r"(?i)(?<![\w-])(?:\w*päivystys\w*|päivystä\w*|\w*jour(?:en)?|on-call|\w*neuvonta\w*|"
    r"puhelinaika\w*|telefontid\w*|phone[ \t]+hours|helpline|hotline|"
    r"(?:arkisin|vardagar|weekdays)[ \t]+(?:kl(?:o|\.)?[ \t]*)?\d{1,2}(?:[.:]\d\d)?[ \t]?[–-][ \t]?"
    r"\d{1,2}(?:[.:]\d\d)?|"
    r"24[ \t]?h|24/7|dygnet[ \t]+runt|ympäri[ \t]+vuorokauden|around[ \t]+the[ \t]+clock)(?![\w-])"
)


def answers_a_line(text: str) -> bool:
    """Whether ``text`` shows a service's line: on-call or advice words, or the hours it
    answers ("vesihuollon päivystys", "tfn ... (vardagar 9–12)", "24/7")."""
    return _LINE_WORDS.search(text) is not None


def _served(
    text: str,
    phones: list[PiiSpan],
    every_mobile: bool,
    service_block: Callable[[str], bool] | None,
) -> bool:
    """Whether the mobiles among ``phones`` are a service's: the text shows a service, and
    (unless ``every_mobile``) each mobile lies in the services' block."""
    if not (every_mobile or service_block) or not (shows_a_service(text) or answers_a_line(text)):
        return False
    numbers = [text[s.start : s.end] for s in phones]
    return every_mobile or all(
        is_landline(n) or (service_block is not None and service_block(n)) for n in numbers
    )


def keep_unowned_phones(
    text: str,
    spans: list[PiiSpan],
    landlines_only: bool,
    set_aside: SetAside = SetAside(),
    served_mobiles: bool = False,
    service_block: Callable[[str], bool] | None = None,
) -> list[PiiSpan]:
    """``spans`` without the phone numbers (every one, or the landlines) of a text that
    names no one and holds no other person's data nor a person's word (but for the words
    ``set_aside`` names); under the landline switch, the mobiles too when the text shows a
    service that answers them (an office or organisation named, or a service's hours) and
    either ``served_mobiles`` is on or each mobile is in the block ``service_block`` tells
    (the organisation's services' mobiles)."""
    phones = [s for s in spans if s.kind == "PHONE"]
    if not phones:
        return spans
    others = other_owners(text, spans, "PHONE")
    # "Kotipuhelin", "privat", "ring mig": a person's line
    if someone_in(text, others, also=own_line_word, set_aside=set_aside):
        return spans
    if (
        landlines_only
        and not all(is_landline(text[s.start : s.end]) for s in phones)
        and not _served(text, phones, served_mobiles, service_block)
    ):
        return spans  # a mobile left masked: someone's, and the landline beside it too
    return [s for s in spans if s.kind != "PHONE"]
