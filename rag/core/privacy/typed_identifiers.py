"""Identifiers typed oddly: the phone numbers, identity codes, IBANs and e-mail addresses that
identifiers.py misses by their typing, each form a ``NameRules`` switch.

- ``digit_lookalikes``: a letter typed for a digit inside a number, o/O for 0 and l/I for 1
  ("044 7o3 1128", "O40 123 4567"); the rules of identifiers.py read a copy of the text with
  those letters as digits, and only what they find over such a letter counts (an identity
  code only with its check character, an IBAN only with its check digits).
- ``phone_groupings``: a mobile number (04x, 050) grouped oddly, found by its digit count
  (ten digits, the national plan): "044-0917-345", "045 77 66 20 1", "0 4 0 1 2 3 4 5 6 7";
  dots between three to five groups or after the country code ("040.123.45.67", "+358.40.123.4567");
  a slash between spaces after the area code ("050 / 332 1987").
- ``dashed_identity_codes``: a henkilötunnus or personnummer with a typographic dash (word
  processors turn '-' into '–') or, for a personnummer, spaces around its dash
  ("131052–308T", "811218 - 9876"); only with the check character (henkilötunnus) or the
  Luhn check digit (personnummer).
- ``iban_groupings``: an IBAN in any grouping of spaces or hyphens ("FI 21 1234 ...",
  "FI21-1234-...", "FI1123 2597 ...", "SE45 500 000 ..."): only with its country's length and
  valid check digits (ISO 7064 mod 97: a random run passes one time in 97).
- ``unusual_separators``: no-break, thin and other Unicode spaces, and typographic dashes
  inside a phone number or an IBAN ("040‑123 4567", "FI21 1234 ..." with no-break spaces);
  a business id with such a dash ("0123456–7") is kept as identifiers.py keeps "0123456-7"
  (the phone rule reads its seven digits as a number).
- ``email_obfuscations``: more spellings of '@' and '.': "<at>", "-at-", "(at-merkki)",
  "[.]", "(.)", "<dot>", and after an '@' a comma for the dot or spaces around it
  ("anna.k@gmail . com", "anna.k@gmail,com").

A span found here that covers a shorter match of the same identifier ("045 77 66 20" of
"045 77 66 20 1", or digit groups read as a phone inside an IBAN) takes its place; one that
only partly overlaps another span is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.core.privacy.identifiers import (
    IBAN_LENGTHS,
    IDENTIFIER_RULES,
    MAIL_TLDS,
    hetu_check_ok,
    hetu_date_ok,
    iban_check_ok,
    is_phone_number,
    kept_spans,
    luhn_ok,
    personnummer_date_ok,
)
from rag.core.privacy.spans import PatternRule, PiiSpan, overlaps, pattern_spans

if TYPE_CHECKING:
    from rag.core.privacy.names import NameRules

_NUMBER_KINDS = ("PHONE", "HETU", "IBAN")


def checked_number(kind: str, found: str) -> bool:
    """Whether an identity code or IBAN found in an odd form passes its own check: the
    henkilötunnus's check character, the personnummer's Luhn digit, the IBAN's mod 97."""
    compact = re.sub(r"[\s\-+]", "", found)
    if kind == "IBAN":
        return iban_check_ok(compact)
    if kind != "HETU":
        return True
    if re.fullmatch(r"\d{6}[A-FU-Y]?\d{3}[0-9A-Y]", compact, re.I) and not compact.isdigit():
        return hetu_check_ok(compact[:6] + compact[-4:-1], compact[-1])
    return compact.isdigit() and len(compact) in (10, 12) and luhn_ok(compact[-10:])


# --- letters typed for digits --------------------------------------------------------------

_LOOKALIKES = str.maketrans("oOlI", "0011")
# A run of digits and look-alike letters, perhaps before one letter (a henkilötunnus's check
# character): "7o3", "O40", "3O8" of "3O8T"; a run at the end of a word is skipped in code.
_MIXED_RUN = re.compile(r"[oOlI]*\d[0-9oOlI]*(?=[^\W\d_]?(?![^\W\d_]))")
# (a digit beside such a letter: a text without one skips the view)
_MIXED_HINT = re.compile(r"\d[oOlI]|[oOlI]\d")


def _lookalike_view(text: str) -> tuple[str, set[int]]:
    """The text with o/O/l/I read as digits where they stand in a number, and where."""
    chars = list(text)
    changed: set[int] = set()
    for match in _MIXED_RUN.finditer(text):
        run = match.group()
        if text[match.start() - 1 : match.start()].isalpha():
            continue  # the end of a word ("hello")
        digits = sum(c.isdigit() for c in run)
        if digits < 2 or digits == len(run):
            continue
        for index in range(match.start(), match.end()):
            if not text[index].isdigit():
                chars[index] = text[index].translate(_LOOKALIKES)
                changed.add(index)
    return "".join(chars), changed


# --- typographic separators ----------------------------------------------------------------

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f"
_PLAIN_SEPARATORS = str.maketrans(_DASHES + _SPACES, "-" * len(_DASHES) + " " * len(_SPACES))


_SEPARATOR = re.compile(f"[{_DASHES}{_SPACES}]")


def _separator_view(text: str) -> tuple[str, set[int]]:
    """The text with typographic dashes as '-' and Unicode spaces as ' ', and where such a
    separator stands between digits (elsewhere, "Porvoo – Borgå", it changes nothing)."""
    changed = {
        m.start()
        for m in _SEPARATOR.finditer(text)
        # a digit before and after it, perhaps past a space: "040‑123", "040 – 123"
        if re.search(r"\d ?\Z", text[max(0, m.start() - 2) : m.start()])
        and re.match(r" ?\d", text[m.end() : m.end() + 2])
    }
    return text.translate(_PLAIN_SEPARATORS), changed


def _kept_in_view(view: str, changed: set[int]) -> list[PiiSpan]:
    """The numbers identifiers.py keeps (business ids, references ...) that the view shows
    over a changed character."""
    return [
        PiiSpan(start, end, "")
        for start, end in kept_spans(view)
        if any(start <= i < end for i in changed)
    ]


def _view_spans(view: str, changed: set[int], kinds: Sequence[str], checked: bool) -> list[PiiSpan]:
    """What the identifier rules of ``kinds`` find in a view over a changed character (an
    identity code or IBAN only with its check when ``checked``)."""

    def over_a_change(rule: PatternRule, start: int, end: int, found: str) -> bool:
        if not any(start <= i < end for i in changed):
            return False
        return not checked or checked_number(rule.kind, found)

    rules = [rule for rule in IDENTIFIER_RULES if rule.kind in kinds]
    kept = [PiiSpan(s, e, "") for s, e in kept_spans(view)]
    return pattern_spans(view, rules, [], kept, over_a_change)


# --- phones grouped oddly --------------------------------------------------------------------

# A mobile number in any grouping of spaces or hyphens: ten digits starting 04x or 050.
_SPREAD_MOBILE = re.compile(r"0[ -]?(?:4(?:[ -]?\d){8}|5[ -]?0(?:[ -]?\d){7})(?![\w/]|[.,-]\d)")
_DOTTED_PHONE = re.compile(r"(?:0\d{2,3}|\+[1-9]\d{0,2}\.\d{1,4})(?:\.\d{1,4}){2,4}(?![\w]|\.\d)")
_SPACED_SLASH_PHONE = re.compile(r"0\d{1,3} / \d{2,4}(?:[ -]?\d{2,4}){0,3}(?![\w/]|[.,]\d)")


def _before_ok(text: str, start: int) -> bool:
    """Nothing of a longer number or word before the match ("12-040 ...", "x040")."""
    return not re.match(r"[\w+./-]", text[start - 1 : start]) if start else True


def _plan_digits(found: str) -> int:
    return len(re.sub(r"\D", "", found))


def _phone_grouping_spans(text: str) -> list[PiiSpan]:
    spans = []
    for match in _SPREAD_MOBILE.finditer(text):
        found = match.group()
        if (
            _before_ok(text, match.start())
            and _plan_digits(found) == 10
            and not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", found)  # "040-2025-0077"
        ):
            spans.append(PiiSpan(match.start(), match.end(), "PHONE"))
    for match in _DOTTED_PHONE.finditer(text):
        found = match.group()
        if not _before_ok(text, match.start()):
            continue
        if (found.startswith("+") and 9 <= _plan_digits(found) <= 15) or is_phone_number(found):
            spans.append(PiiSpan(match.start(), match.end(), "PHONE"))
    for match in _SPACED_SLASH_PHONE.finditer(text):
        found = match.group()
        if _before_ok(text, match.start()) and _plan_digits(found.split("/")[1]) >= 5:
            if is_phone_number(found.replace(" / ", "/")):
                spans.append(PiiSpan(match.start(), match.end(), "PHONE"))
    return spans


# --- identity codes with a typographic or spaced dash ----------------------------------------

_DASH = rf"[{_DASHES}]"
_DASHED_HETU = re.compile(
    rf"(?P<date>\d{{6}})[ \t]?{_DASH}[ \t]?(?P<number>\d{{3}})(?P<check>[0-9A-Y])(?![\w-])", re.I
)
_DASHED_PERSONNUMMER = re.compile(
    rf"(?P<date>(?:19|20)?\d{{6}})(?:[ \t]?{_DASH}[ \t]?|[ \t]+[-+][ \t]*|[-+][ \t]+)"
    r"(?P<number>\d{4})(?![\w-])"
)


def _dashed_identity_code_spans(text: str) -> list[PiiSpan]:
    spans = []
    for match in _DASHED_HETU.finditer(text):
        date, number, check = match.group("date", "number", "check")
        if (
            _before_ok(text, match.start())
            and hetu_date_ok(date)
            and hetu_check_ok(date + number, check)
        ):
            spans.append(PiiSpan(match.start(), match.end(), "HETU"))
    for match in _DASHED_PERSONNUMMER.finditer(text):
        date, number = match.group("date", "number")
        if (
            _before_ok(text, match.start())
            and personnummer_date_ok(f"{date}-{number}")
            and luhn_ok(date[-6:] + number)
        ):
            spans.append(PiiSpan(match.start(), match.end(), "HETU"))
    return spans


# --- IBANs in any grouping ---------------------------------------------------------------

# (the run from the check digits on; the country code is looked for before it: a pattern
# that opens with two letters is tried at every letter, slowly)
_IBAN_BODY = re.compile(r"\d[ -]?\d(?:[ -]?[0-9A-Z]){8,30}", re.I)
_COUNTRY_BEFORE = re.compile(r"([A-Z]{2})[ -]?\Z", re.I)


def _iban_grouping_spans(text: str) -> list[PiiSpan]:
    spans = []
    for match in _IBAN_BODY.finditer(text):
        country = _COUNTRY_BEFORE.search(text, max(0, match.start() - 3), match.start())
        if country is None or not _before_ok(text, country.start()):
            continue
        start = country.start()
        expected = IBAN_LENGTHS.get(country.group(1).upper())
        if expected is None:
            continue
        # the run cut after the country's number of characters, at a group's end
        count, end = 0, start
        for end in range(start, match.end()):
            count += text[end].isalnum()
            if count == expected:
                break
        end += 1
        if count != expected or text[end : end + 1].isalnum():
            continue
        if iban_check_ok(re.sub(r"[ -]", "", text[start:end])):
            spans.append(PiiSpan(start, end, "IBAN"))
    return spans


# --- e-mail addresses spelled against spam -------------------------------------------------

_LOCAL = r"[\w.+-]+"
_ODD_AT = (
    r"(?:\s?[(\[{<]\s?(?:at|ät|a|@)(?:[- ]?merkki)?\s?[)\]}>]\s?"
    r"|\s?[-_](?:at|ät)[-_]\s?|\s?@\s?)"
)
# (a dot with a space on one side only ends a sentence: "anna@koti. Se toimii")
_ODD_DOT = r"(?:\s?[(\[{<]\s?(?:\.|dot|piste|punkt)\s?[)\]}>]\s?|\s?-dot-\s?|\s\.\s|[.,])"
_ODD_EMAIL = re.compile(
    rf"{_LOCAL}{_ODD_AT}[\w-]+(?:{_ODD_DOT}[\w-]+)*?{_ODD_DOT}(?:{MAIL_TLDS})\b", re.I
)


# (a text skips the pattern unless it has an odd '@', or an '@' of any spelling and an odd
# dot; the plain and the older spellings are identifiers.py's. Plain strings: fast.)
_ODD_ATS = ("<at>", "<ät>", "<a>", "<@>", "-at-", "_at_", "-ät-", "_ät_", "merkki")
_BRACKET_ATS = ("(at)", "[at]", "{at}", "(ät)", "[ät]", "{ät}", "(a)", "[a]", "(@)", "[@]")
_ODD_DOTS = ("[.]", "(.)", "{.}", "<.>", "<dot>", "-dot-")
_ODD_DOMAIN = re.compile(r"@ ?[\w-]+(?:\.[\w-]+)*(?: \. |,)\w")


def _odd_spelling(text: str) -> bool:
    lowered = text.lower().replace(" ", "")
    if any(at in lowered for at in _ODD_ATS):
        return True
    if any(dot in lowered for dot in _ODD_DOTS) and (
        "@" in lowered or any(at in lowered for at in _BRACKET_ATS)
    ):
        return True
    return "@" in text and _ODD_DOMAIN.search(text) is not None


def _email_spans(text: str) -> list[PiiSpan]:
    if not _odd_spelling(text):
        return []
    return [
        PiiSpan(m.start(), m.end(), "EMAIL")
        for m in _ODD_EMAIL.finditer(text)
        if not re.match(r"[\w.+-]", text[m.start() - 1 : m.start()] if m.start() else "")
    ]


# --- joining the spans ---------------------------------------------------------------------


def _overlapping(spans: Sequence[PiiSpan], start: int, end: int) -> list[PiiSpan]:
    return [s for s in spans if s.start < end and start < s.end]


def _a_part_of(shorter: PiiSpan, span: PiiSpan) -> bool:
    """Whether ``shorter`` is a piece of the identifier ``span``: the same kind, or a phone
    number's digit groups inside an identity code or IBAN."""
    same = shorter.kind == span.kind or (shorter.kind == "PHONE" and span.kind in _NUMBER_KINDS)
    inside = span.start <= shorter.start and shorter.end <= span.end
    return same and inside and shorter != span


def with_typed_identifiers(
    text: str,
    spans: list[PiiSpan],
    kept: Sequence[PiiSpan],
    rules: NameRules,
) -> list[PiiSpan]:
    """``spans`` with the identifiers typed oddly that the switched-on mechanisms find."""
    found: list[PiiSpan] = []
    if rules.digit_lookalikes and _MIXED_HINT.search(text):
        view, changed = _lookalike_view(text)
        if changed:
            found += _view_spans(view, changed, _NUMBER_KINDS, checked=True)
    if rules.unusual_separators and any(c in text for c in _DASHES + _SPACES):
        view, changed = _separator_view(text)
        if changed:
            found += _view_spans(view, changed, ("PHONE", "IBAN"), checked=False)
            # "0123456–7": a business id (or another kept number) with a typographic dash
            kept = [*kept, *_kept_in_view(view, changed)]
            spans = [s for s in spans if s.kind != "PHONE" or not overlaps(kept, s.start, s.end)]
    if rules.phone_groupings:
        found += _phone_grouping_spans(text)
    if rules.dashed_identity_codes and (
        any(c in text for c in _DASHES) or any(d in text for d in (" -", "- ", " +", "+ "))
    ):
        found += _dashed_identity_code_spans(text)
    if rules.iban_groupings:
        found += _iban_grouping_spans(text)
    if rules.email_obfuscations:
        found += _email_spans(text)
    spans = list(spans)
    for span in sorted(found, key=lambda s: (s.start, -s.end)):
        if overlaps(kept, span.start, span.end):
            continue
        inside = _overlapping(spans, span.start, span.end)
        if all(_a_part_of(s, span) for s in inside):
            spans = [s for s in spans if s not in inside] + [span]
    return spans
