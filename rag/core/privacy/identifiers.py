"""Identifiers with a fixed shape: e-mail addresses, IBANs, identity codes, phone numbers.

Patterns are deliberately broad: masking a harmless number costs nothing, leaking a
henkilötunnus is a data breach. Dates, sums and record numbers ("22.1.2024 § 25",
"42 000 euroa", "1289/00.00.01.00/2025") are kept.
"""

from __future__ import annotations

import re

from rag.core.privacy.spans import PatternRule

# Countries whose IBANs residents of a Finnish/Swedish city are likely to write (ISO 13616);
# naming them keeps look-alikes such as RF creditor references out.
_IBAN_COUNTRIES = (
    "AT|BE|BG|CH|CY|CZ|DE|DK|EE|ES|FI|FO|FR|GB|GL|GR|HR|HU|IE|IS|IT|LI|LT|LU|LV|MT|NL|NO|PL|PT|"
    "RO|SE|SI|SK|AX"
)
MAIL_TLDS = "fi|se|ax|ee|no|dk|de|eu|com|net|org|info|nu|io"

# A Finnish business id (Y-tunnus, "1234567-8") names a company, not a person: never masked.
BUSINESS_ID = re.compile(r"(?<![\d-])\d{7}-\d(?![\d-])")


# A creditor reference (RF and two check digits, ISO 11649) or a number after a reference
# label ("viitenumero 12345 67890", "referens 1234 5678") is a payment reference, never a
# phone number.
PAYMENT_REFERENCE = re.compile(
    r"\bRF\d{2}(?:[ ]?[0-9A-Z]{1,4}){1,6}\b"
    r"|(?i:\b(?:viite(?:numero|nro|tä)?|viitteellä|viitteenä|referens(?:nummer|nr)?|ref\.?)"
    r"[ \t]*:?[ \t]*)(?P<pii>\d(?:[ ]?\d){3,24})\b"
)


# A number right after the label of a record (an order, customer, contract, invoice, serial
# or tracking number) is that record's number, not a phone number: "asiakasnumero 0040 118
# 265", "Kundnummer 0700 4412", "sarjanumero 0505 7788 9".
# The label is looked for only before a number (a scan of every word for it is slow).
_NUMBER_RUN = re.compile(r"\d(?:[ -]?\d){3,24}\b")
_RECORD_LABEL_BEFORE = re.compile(
    r"(?i:(?:tilaus|asiakas|sarja|sopimus|lasku|seuranta|lähetys|kund|order|serie|avtal|"
    r"faktura|försändelse|serial|customer|contract|invoice|account|tracking|parcel|"
    # a case, ticket, request, booking or receipt: "ärendenummer", "huoltopyyntö", "Dnro"
    r"ärende|tiketti|ticket|case|pyyntö|asianumero|asianro|diaari|dnr|dno|reklam|varaus|"
    r"bokning|booking|reservation|kuitti|kvitto|receipt)"
    r"\w*\.?[ \t]*(?:[:#][ \t]*)?)\Z"
)


def _record_numbers(text: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in _NUMBER_RUN.finditer(text)
        if not re.match(r"[\w-]", text[m.start() - 1 : m.start()])
        and _RECORD_LABEL_BEFORE.search(text, max(0, m.start() - 40), m.start())
    ]


# IBAN lengths by country (ISO 13616 registry): a run of that shape with another length or
# country is a tracking or VAT code ("JJFI 6455 0012 3345 8812", "SE556123456701").
IBAN_LENGTHS = {
    "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
    "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GL": 18, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MT": 31, "NL": 18,
    "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "AX": 18,
}  # fmt: skip
# (Word boundaries before the runs below are tested in code: a pattern that opens with an
# assertion is tried at every position, slowly.)
_IBAN_SHAPED = re.compile(r"[A-Z]{2}[0-9A-Z]{2}(?: [0-9A-Z]{4}){3,7}(?: [0-9A-Z]{1,4})?\b")
_IBAN = re.compile(
    rf"\b(?:{_IBAN_COUNTRIES})\d{{2}}(?:[ ]?[A-Z0-9]{{4}}){{2,7}}(?:[ ]?[A-Z0-9]{{1,4}})?\b", re.I
)


# (The check digits and the first group, a part of every IBAN match: a text without them
# skips the IBAN pattern, which is tried at every word start.)
_IBAN_DIGITS = re.compile(r"\d{2}[ ]?[A-Z0-9]{4}", re.I)


def _iban_length_ok(found: str) -> bool:
    """Whether the IBAN (or the run without its last short group: the pattern may take the
    next word, "... 6543 i Sverige") has its country's length."""
    compact = found.replace(" ", "").upper()
    expected = IBAN_LENGTHS.get(compact[:2])
    shorter = found.rsplit(" ", 1)[0].replace(" ", "") if " " in found else compact
    return expected in (len(compact), len(shorter))


# A number sign before a number marks a ticket, order or case ("#20261205-0447", "# 4471"):
# nobody writes a phone number or an identity code so.
# (Patterns here open with their first character and test what stands before it after it:
# one that opens with a look-behind is tried at every position, slowly.)
_NUMBER_SIGN = re.compile(r"#(?<![\w#&]#)[ \t]?\d(?:[ -]?\d){3,24}\b")
# Ranges of dates: "12.–13.12.", "1.–3.6.2025", "30.11.–2.12.2025", "12–14/3" (the first
# day's month may be left out, and the dash may be any dash).
_DATE_RANGES = re.compile(
    r"(?P<d1>\d{1,2})\.?(?:(?P<m1>\d{1,2})\.)?[ \t]?[-–—][ \t]?"
    r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?:\d{4}|\d{2})?(?![\d])"
    r"|(?P<d3>\d{1,2})[ \t]?[-–—][ \t]?(?P<d4>\d{1,2})/(?P<m3>\d{1,2})(?:/\d{2,4})?(?![\d/])"
)


def _date_ranges(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _DATE_RANGES.finditer(text):
        if re.match(r"[\w./]", text[m.start() - 1 : m.start()]):
            continue  # inside a longer number or word
        days = [int(d) for d in m.group("d1", "d2", "d3", "d4") if d]
        months = [int(n) for n in m.group("m1", "m2", "m3") if n]
        if all(1 <= d <= 31 for d in days) and all(1 <= n <= 12 for n in months):
            spans.append(m.span())
    return spans


def kept_spans(text: str) -> list[tuple[int, int]]:
    """Numbers that name a company, a payment, a record or a range of dates, not a person:
    never masked."""
    spans = [m.span() for m in BUSINESS_ID.finditer(text)]
    spans += [m.span() for m in _NUMBER_SIGN.finditer(text)]
    spans += _date_ranges(text)
    for match in PAYMENT_REFERENCE.finditer(text):
        spans.append(match.span("pii") if match.group("pii") else match.span())
    spans += _record_numbers(text)
    spans += [
        m.span()
        for m in _IBAN_SHAPED.finditer(text)
        if not text[m.start() - 1 : m.start()].isalnum()
        and re.search(r"\d{4}", m.group())
        and not any(_iban_length_ok(i.group()) for i in _IBAN.finditer(m.group()))
    ]
    return spans


def _valid_date(day: str, month: str) -> bool:
    return 1 <= int(month) <= 12 and (1 <= int(day) <= 31 or 61 <= int(day) <= 91)


def hetu_date_ok(found: str) -> bool:
    """A Finnish henkilötunnus starts with a real date DDMMYY (the check character is not
    tested: people mistype it, and a mistyped code is still personal data)."""
    return 1 <= int(found[:2]) <= 31 and 1 <= int(found[2:4]) <= 12


def personnummer_date_ok(found: str) -> bool:
    """A Swedish personnummer with a separator: a real date, read as YYMMDD (day 61-91 for a
    samordningsnummer) or, as residents also write it, DDMMYY; with the century, YYYYMMDD.
    "556214-7313" (month 62) is an organisation number."""
    digits = re.sub(r"\D", "", found)
    if len(digits) == 12:
        return _valid_date(digits[6:8], digits[4:6])
    return _valid_date(digits[4:6], digits[2:4]) or _valid_date(digits[0:2], digits[2:4])


def is_phone_number(found: str) -> bool:
    # Years, sums and dates also form digit groups: only 7–13 digits starting like a number.
    digits = re.sub(r"\D", "", found)
    return 7 <= len(digits) <= 13 and found.startswith(("+", "0", "(0")) and _fits_a_plan(found)


def _digit_count_ok(digits: str) -> bool:
    """The length of a number dialled in Finland or Sweden (the public numbering plans):
    "00" opens an international number (a country code and seven or more digits after it);
    a Finnish mobile number (04x, 050) has 9–11 digits with its 0; a Swedish mobile or
    Finnish 07 service number (07x) has 10; any other area code 7–10 ("019 520 211")."""
    if digits.startswith("00"):
        # no country code starts with 0: "000 70 200" is a sum
        return 11 <= len(digits) <= 17 and not digits.startswith("000")
    if digits.startswith(("04", "050")):
        return 9 <= len(digits) <= 11
    if digits.startswith("07"):
        return len(digits) == 10
    return 7 <= len(digits) <= 10


def _fits_a_plan(found: str) -> bool:
    """Whether digit groups could be a phone number: a national number has the digit count
    of the numbering plan; three or more groups joined only by hyphens where a later one
    starts with 0 or is a year ("0401-2025-0077") are a record or order number; after the
    area code a subscriber number never starts with 0."""
    if "\n" in found:
        return False  # the numbers of a table's rows ("70 000 / 70 200"), one per line
    if found.startswith("+"):
        return True
    if not _digit_count_ok(re.sub(r"\D", "", found)):
        return False
    if not re.fullmatch(r"\d+(?:-\d+){2,}", found):
        return True
    later = found.split("-")[1:]
    return not any(g.startswith("0") or re.fullmatch(r"(?:19|20)\d\d", g) for g in later)


def luhn_ok(digits: str) -> bool:
    """The Swedish personnummer check digit (Luhn over the ten digits)."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


_HETU_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def hetu_check_ok(date_and_number: str, check: str) -> bool:
    """The henkilötunnus check character: the nine digits (date and individual number)
    modulo 31, read in the official table."""
    return _HETU_CHECK_CHARACTERS[int(date_and_number) % 31] == check.upper()


def iban_check_ok(compact: str) -> bool:
    """The IBAN check digits (ISO 7064 mod 97-10): the country and check digits moved to the
    end, letters as 10-35, the number modulo 97 is 1."""
    if not compact.isalnum() or not compact.isascii():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


# An e-mail written against spam: the '@' as "(at)", "[at]", "{ät}", " @ " or " at ", the dots as
# "[dot]", "(piste)", " punkt " ..., with or without spaces: "ville.h [at] iki [dot] fi".
_AT = r"(?:\s?[(\[{]\s?(?:at|ät|a|@)\s?[)\]}]\s?|\s@\s)"
# The '@' spoken: "snabel-a" (Swedish), "kissanhäntä", "miukumauku", "ät-merkki" (Finnish).
_SPOKEN_AT_WORDS = ("snabel", "kissanhäntä", "miuku", "ät-merkki")
_SPOKEN_AT = r"\s(?:snabel-?a|kissanhäntä|miuku-?mauku|ät-merkki)\s"
_BARE_AT = r"(?:\s(?:at|ät)\s)"
_DOT = r"(?:\.|\s?[(\[{]\s?(?:dot|piste|punkt)\s?[)\]}]\s?|\s(?:dot|piste|punkt)\s)"
# The dot spelled out as a bare word ("pekka piste nieminen at outlook piste com"; "pilkku",
# a comma, is what some residents call it) or a dot with spaces ("koulu . fi").
_DOT_WORDS = ("piste", "punkt", " dot ", "pilkku")
_SPELLED_DOT = r"(?:\s(?:dot|piste|punkt|pilkku)\s|\s?[(\[{]\s?(?:dot|piste|punkt)\s?[)\]}]\s?)"
_SPACED_DOT = rf"(?:\s?\.\s?|{_SPELLED_DOT})"
_LOCAL = r"(?<![\w.+-])[\w.+-]+"  # from the start of a word: no retry inside it
# ... holding a letter and ending in no dot (a date or a time is digits and dots)
_WORDY_LOCAL = r"(?<![\w.+-])(?=[\w.+-]*[^\W\d_])[\w.+-]*[\w+-]"
# ... and with its dots spelled out too ("maija.k punkt 12 snabel-a ...").
_SPELLED_LOCAL = rf"{_LOCAL}(?:{_DOT}[\w+-]+)*"
_DOMAIN = rf"[\w-]+(?:{_DOT}[\w-]+)+"
# A date YYMMDD (day 61-91: a samordningsnummer) and four digits.
_SWEDISH_DATE = r"\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])"


# A spelled-out address whose dots are words or stand between spaces, ending in a mail
# domain: "pekka piste nieminen at outlook piste com", "heikki.t.vainio [at] koulu . fi".
# (The local part's dots are written or spelled, never a dot between spaces, which would
# take the sentence before; the rule runs only on a text with such a word or " . ".)
SPELLED_EMAIL_RULES: tuple[PatternRule, ...] = (
    PatternRule(
        "EMAIL",
        re.compile(
            rf"{_LOCAL}(?:{_SPELLED_DOT}[\w+-]+)*"
            rf"(?:{_AT}[\w-]+(?:{_SPACED_DOT}[\w-]+)*{_SPACED_DOT}"
            # with a bare " at " only spelled dots: "home. Se" is a sentence, not ".se"
            rf"|{_BARE_AT}[\w-]+(?:{_SPELLED_DOT}[\w-]+)*{_SPELLED_DOT})(?:{MAIL_TLDS})\b",
            re.I,
        ),
        needs=(*_DOT_WORDS, " . "),
    ),
)


# Phone numbers the patterns below miss by their separators:
# - a dash between spaces after the area code: "070 – 332 91 18", "044 - 210 77 43" (a
#   range of dates or sums has no leading 0 and a plan's digit count: "1.–3.6." stays);
# - an international number whose area code has one digit or keeps its trunk 0 in
#   brackets: "0046 8 612 55 90", "+46 (0)8 555 123 45" (the Swedish plan: area codes of
#   1–4 digits after the 0).
SEPARATED_PHONE_RULES: tuple[PatternRule, ...] = (
    PatternRule(
        "PHONE",
        re.compile(r"(?<![\w+./–-])0\d{1,4}[ \t][-–—][ \t]\d{2,4}(?:[ \t]\d{2,4}){1,3}\b"),
        is_phone_number,
        needs=(" - ", " – ", " — "),
    ),
    PatternRule(
        "PHONE",
        re.compile(
            r"(?:\+|(?<![\w+])00)(?<![\w+]\+)[1-9]\d{0,2}[ \t]?(?:\(0\)[ \t]?)?\d{1,4}"
            r"(?:[ \t-]\d{2,4}){1,4}\b"
        ),
        lambda found: 9 <= len(re.sub(r"\D", "", found.replace("(0)", ""))) <= 15,
        needs=("+", "00"),
    ),
)


# Order matters: a match that overlaps an earlier rule's match is dropped, so e-mails come
# before phones (digits in addresses), IBANs and identity codes before phone numbers.
IDENTIFIER_RULES: tuple[PatternRule, ...] = (
    # One space after the '@' is a slip of the keyboard: "anna@ example.fi".
    PatternRule("EMAIL", re.compile(rf"{_LOCAL}@ ?[\w-]+(?:\.[\w-]+)+"), needs=("@",)),
    # Spelled-out '@' (and dots) that people use against spam: "anna(at)example.fi",
    # "liisa [at] x [dot] com"; a bare " at " only when the domain ends like a mail domain.
    PatternRule("EMAIL", re.compile(rf"{_LOCAL}{_AT}{_DOMAIN}", re.I), needs=("(", "[", "{", "@")),
    # ... and with the '@' spoken, the dots perhaps too ("liisa.k punkt 5 snabel-a x punkt
    # se"); looked for only in a text that has such a word (the pattern is slow).
    PatternRule(
        "EMAIL",
        re.compile(rf"{_SPELLED_LOCAL}{_SPOKEN_AT}{_DOMAIN}", re.I),
        needs=_SPOKEN_AT_WORDS,
    ),
    *SPELLED_EMAIL_RULES,
    # ... a bare " at " only after a name-like local part: a letter in it and no dot at its
    # end ("Apply by 31.3. at kuntarekry.fi", "klo 12.00 at opistopalvelut.fi" are a date
    # and a time before a web address)
    PatternRule(
        "EMAIL",
        re.compile(
            rf"{_WORDY_LOCAL}{_BARE_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}(?:{MAIL_TLDS})\b", re.I
        ),
        hint=re.compile(_BARE_AT, re.I),
    ),
    PatternRule("IBAN", _IBAN, _iban_length_ok, hint=_IBAN_DIGITS),
    # Finnish henkilötunnus: DDMMYY, century sign (+ - A-F U-Y), 3 digits, check character;
    # written in lower case too.
    PatternRule(
        "HETU", re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b", re.I), hetu_date_ok
    ),
    # Swedish personnummer / samordningsnummer: (YY)YYMMDD-XXXX, or all twelve digits together
    # when they start with a real date (month 01-12, day 01-31 or 61-91).
    PatternRule("HETU", re.compile(r"\b(?:19|20)?\d{6}[-+]\d{4}\b"), personnummer_date_ok),
    PatternRule(
        "HETU",
        re.compile(rf"\b(?:19|20){_SWEDISH_DATE}\d{{4}}\b"),
    ),
    # ... and ten digits together (or with a space) only with a real date and a valid
    # check digit.
    PatternRule(
        "HETU",
        re.compile(rf"\b{_SWEDISH_DATE} ?\d{{4}}\b"),
        lambda found: luhn_ok(found.replace(" ", "")),
    ),
    *SEPARATED_PHONE_RULES,
    PatternRule(
        "PHONE",
        re.compile(
            r"(?<![\w+])(?<!\w-)(?:\+\d{1,3}[\s-]?\(?\d{1,4}\)?|0\d{1,4})(?:[\s-]?\d{2,4}){2,4}\b"
        ),
        _fits_a_plan,
    ),
    # A slash between the area code and the number: "050/332 1987", "09/876 5432" (five or
    # more digits after it: "019/2025" is a record).
    PatternRule(
        "PHONE",
        re.compile(r"0(?<![\w/.+-]0)\d{1,3}/[ ]?\d{2,4}(?:[ -]?\d{2,4}){0,3}(?![\w/]|[.,]\d)"),
        lambda found: (
            len(re.sub(r"\D", "", found.split("/", 1)[1])) >= 5 and is_phone_number(found)
        ),
    ),
    # Dots between the groups: "040.123.4567" (a date never has three digits first).
    PatternRule("PHONE", re.compile(r"(?<![\w.])0\d{2,3}\.\d{3,4}\.\d{3,4}(?![\w]|\.\d)")),
    # The forms the first phone pattern misses, e.g. "(019) 520 211"; the digit count and the
    # leading 0/+ keep dates, sums and record numbers out.
    PatternRule(
        "PHONE",
        re.compile(
            r"(?<![\w/.])(?<!\w-)(?:\+\d{1,3}[\s-]?)?\(?0?\d{1,3}\)?(?:[\s-]?\d{2,4}){2,4}(?![\w/]|\.\w)"
        ),
        is_phone_number,
    ),
)


# An e-invoice address (OVT code): "0037", a Finnish business id with its check digit, and
# up to five characters of the unit ("003710615121"). It could read as an Estonian number
# (+372 ...), so it counts only with its check digit and in a text about e-invoicing.
_E_INVOICE_ADDRESS = re.compile(r"(?<![\w+])0037(\d{7})(\d)[0-9A-Z]{0,5}(?![\w-])")
_E_INVOICE_WORDS = (
    "verkkolasku", "ovt", "välittäjä", "e-faktura", "efaktura", "nätfaktura", "e-lasku",
    "förmedlare", "operatör", "e-invoic", "einvoic", "operator",
)  # fmt: skip


def business_id_check_ok(digits: str, check: str) -> bool:
    """The check digit of a Finnish business id (Y-tunnus) over its seven digits."""
    remainder = sum(int(d) * w for d, w in zip(digits, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if remainder == 1:
        return False
    return int(check) == (0 if remainder == 0 else 11 - remainder)


def e_invoice_addresses(text: str) -> list[tuple[int, int]]:
    """The e-invoice addresses of organisations in a text about e-invoicing."""
    if "0037" not in text or not any(w in text.lower() for w in _E_INVOICE_WORDS):
        return []
    return [
        m.span()
        for m in _E_INVOICE_ADDRESS.finditer(text)
        if business_id_check_ok(m.group(1), m.group(2))
    ]
