"""A person's initials written without full stops, where only a person stands (the
twenty-sixth round): two or three capitals such as "HL" read as a name only in a slot that
a body, a unit or an acronym does not fill.

Minutes, logs and staff mail shorten names to bare initials: "Läsnä: HL, AM, JN, FH (pj)",
"Asian esitteli hallintojohtaja KL", "Antecknat av MK", a note signed "/ RL", a chat of "MM:"
and "JV:". The same shape is an acronym everywhere else (EU, HUS, IT, KV, MA), so the form
alone says nothing; four slots say it is a person:
1. a signature: the text's last word, alone on its line or after a slash, a dash, a sign-off
   ("Terv. JP", "t. AK") or a sentence's end ("Kuva liitteenä. JP");
2. a speaker's label: a line that opens with the initials and a colon, when at least two
   lines of the text open so (a chat or an interview);
3. a list after a presence or a signing label ("Läsnä:", "Närvarande:", "Protokolljusterare:",
   "Present:"), when every item of the list is initials (a role in brackets allowed);
4. right after an official's title or a recorder's words ("hallintojohtaja KL", "kirjaaja
   LH", "antecknat av MK", "esitteli ET", "prepared by SW").
An abbreviation of a general list (bodies, parties, company marks, units, weekdays and months,
Roman numerals, office and IT acronyms, fixed before the round was measured) is never a
candidate. Like name_forms.py this module only reads the text; names.py applies its guards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.common_words import is_common_anywhere, is_common_word
from rag.core.privacy.name_forms import Candidate

_INITIALS = rf"[{UPPER}]{{2,3}}"
# Standing as a word: not inside a word or an abbreviation, not a unit after a number
# ("10 AM", "5 KM"), not the first part of a compound ("HL-kortti") or of dotted initials.
_STANDS_ALONE = r"(?<![\w.'’@-])(?<!\d[ \t])"
_BARE = re.compile(rf"{_STANDS_ALONE}({_INITIALS})(?![\w'’@-]|\.\w)")
# Bodies, parties, company marks, units, weekdays, months and common acronyms of Finnish,
# Swedish and English texts (general knowledge); the last line, degrees and auditors'
# qualifications, was added after the pool showed "tilintarkastaja JHT" (disclosed).
_ABBREVIATIONS = frozenset(
    """
EU YK FN UN EY ETA ETY EEA WHO
HUS THL STM OKM YM VM LVM TEM SM PLM MMM UM OM TE ELY AVI KKV VTV PRH DVV VRK MML YTJ KHO HAO
HO KKO AO EOA OKV KT KL SAK EK EVA JHL OAJ TEK YLE SVT HBL HSL HSY VR FPA SFV ÅA ÅU HY TKK
LUT AMK KV KH KHS LTK TLK SN FM VN SDP KOK PS RKP SFP KD VAS VIH
OY OYJ AB ABP RY RF KY AY TMI LTD INC PLC AG SA AS CO
KM KG MG MB GB KB TB KW MW GW KWH MWH CM MM DB HZ HA LVI UV
MA TI KE TO PE LA SU MÅ ON FR LÖ SÖ MON TUE WED THU FRI SAT SUN
JAN FEB MAR APR MAJ MAY JUN JUL AUG SEP OKT OCT NOV DEC
IT ICT HR AI PDF CV ID OK PS NB OBS TV PC USB WC FAQ PM AM VPN API URL SMS GPS CEO CFO CTO
CIO PR QR BIC ALV VAT ATK TKI ETC BIM GIS SQL CSV XML DIY FYI USA UK NHS BBC EKG
RAY ARA PJ VPJ NN SOS OTK PK SRK ATV
JHT KHT HTM HT CGR KTM DI FM FT TKT VTM YTM OTM KTT LL HLL PSM TTM KK YO
DJ MC CD DVD VIP
""".split()
)
# Roman numerals as texts number classes, parts and chapters (up to 39: "II", "XIV").
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})\Z")
# 1. What may stand before a signature on its line: nothing, a slash or a dash, a sign-off,
# or the end of a sentence.
# The sign-off words a note's initials follow ("t. AK", "Hälsn. BN"); at the text's end
# thanks count too ("Kiitos, JP").
_SIGN_OFF_WORDS = r"terv|t|terveisin|hälsningar|hälsn|mvh|br|regards|cheers"


def _before_a_signature(sign_off_start: str = "") -> re.Pattern[str]:
    """What may stand before a signature on its line; ``sign_off_start`` is put before the
    sign-off word (the hundred-and-tenth round asks for a word of its own there)."""
    return re.compile(
        rf"(?i)(?:\A|[/–—-]+[ \t]*|{sign_off_start}(?:{_SIGN_OFF_WORDS}|kiitos|tack|thanks)"
        r"[.,:!]?[ \t]+|[.!?][ \t]+)\Z"
    )


_SIGNATURE_BEFORE = _before_a_signature()
# ... the text's last word, a full stop or "!" after it at most.
_LAST = re.compile(rf"{_STANDS_ALONE}({_INITIALS})[ \t.!]*\Z")
# 2. A speaker's label.
_LABEL = re.compile(rf"(?m)^[ \t]*({_INITIALS}):")
# 3. A presence or a signing label, then its list to the end of the sentence or line.
_LIST_LABEL = re.compile(
    r"(?i)(?<!\w)(?:läsnä(?:olijat)?|paikalla|poissa|osallistujat|pöytäkirjantarkastajat|"
    r"pöytäkirjan[ \t]+tarkastajat|närvarande|frånvarande|deltagare|protokolljusterare|"
    r"present|absent|participants|attendees)(?!\w)[ \t]*:?[ \t]*"
)
_LIST_REST = re.compile(r"(?:\([^()\n]*\)|[^\n.;(])*")  # ("(ordf.)" holds a full stop)
# A presence list is short: read at most this far (a line of thousands of labels would
# otherwise be read once per label).
_LIST_REACH = 400
_LIST_SEPARATOR = re.compile(r"[ \t]*(?:,|&|\b(?:ja|och|and)\b)[ \t]*")
_LIST_ITEM = re.compile(rf"({_INITIALS})(?:[ \t]*\([^()\n]{{1,25}}\))?\Z")
# Items that name a person otherwise (the fiftieth round): hyphenated initials ("AS-H") and a
# name, after a role perhaps ("Tiina Repo", "rakennustarkastaja Holm").
_ROLE_IN_BRACKETS = r"(?:[ \t]*\([^()\n]{1,25}\))?"
_HYPHEN_INITIALS = re.compile(rf"[{UPPER}]{{1,3}}-[{UPPER}]{{1,3}}{_ROLE_IN_BRACKETS}\Z")
_NAME_WORD = rf"[{UPPER}][{LOWER}]+(?:[-'][{UPPER}{LOWER}][{LOWER}]*)*"
_NAMED_ITEM = re.compile(
    rf"(?:[{LOWER}]+[ \t]+)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*{_ROLE_IN_BRACKETS}\Z"
)
# 4. An official's title or a recorder's words right before the initials.
_TITLES = (
    r"\w*(?:johtaja|päällikkö|sihteeri|esittelijä|tarkastaja|asiantuntija|"
    r"insinööri)|kirjaaja|laatija|valmistelija|\w*direktör|\w*chef|föredragande|sekreterare|"
    r"\w*handläggare|beredare|antecknat[ \t]+av|laati|esitteli|kirjasi|director|manager|"
    r"officer|clerk|prepared[ \t]+by|minutes[ \t]+by"
)
_TITLE_BEFORE = re.compile(rf"(?i)(?<!\w)(?:{_TITLES})[ \t]+\Z")


def is_listed_abbreviation(initials: str) -> bool:
    return initials in _ABBREVIATIONS or _ROMAN.match(initials) is not None


def _people(text: str, found: set[tuple[int, int]]) -> Iterator[Candidate]:
    """The initials found, in order, but for abbreviations of the general list."""
    for start, end in sorted(found):
        if not is_listed_abbreviation(text[start:end]):
            yield Candidate(start, end, ())


def bare_initials(text: str) -> Iterator[Candidate]:
    """Two or three capitals without full stops in a slot only a person fills."""
    found: set[tuple[int, int]] = set()
    found.update(_signature(text))
    labels = [m.span(1) for m in _LABEL.finditer(text)]
    if len(labels) >= 2:
        found.update(labels)
    found.update(_listed(text))
    for match in _BARE.finditer(text):
        if _TITLE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            found.add(match.span(1))
    yield from _people(text, found)


def signature_initials(text: str) -> list[tuple[int, int]]:
    """The span of the initials that sign ``text`` at its end, if any, abbreviations of the
    general list too ("... /NB", "T. AM")."""
    return _signature(text)


def _signature(text: str) -> list[tuple[int, int]]:
    last = _LAST.search(text)
    if last is None:
        return []
    line_start = text.rfind("\n", 0, last.start()) + 1
    if not _SIGNATURE_BEFORE.search(text, line_start, last.start()):
        return []
    return [last.span(1)]


def _presence_lists(
    text: str, separator: re.Pattern[str]
) -> Iterator[tuple[list[tuple[int, int]], int]]:
    """Each presence list in ``text`` whose items all name people: the spans of its bare
    initials and the number of its other items (a name, hyphenated initials). A list with
    an item of another kind, or longer than a presence list, is none."""
    for label in _LIST_LABEL.finditer(text):
        rest = _LIST_REST.match(text, label.end(), label.end() + _LIST_REACH)
        if rest is None or not rest.group().strip() or rest.end() == label.end() + _LIST_REACH:
            continue  # nothing listed, or more than a presence list holds
        initials: list[tuple[int, int]] = []
        others = 0
        position = label.end()
        for part in separator.split(rest.group()):
            item = part.strip()
            if not item:
                continue
            start = text.index(item, position)
            position = start + len(item)
            bare = _LIST_ITEM.match(item)
            if bare is not None:
                initials.append((start, start + len(bare.group(1))))
            elif _HYPHEN_INITIALS.match(item) or _NAMED_ITEM.match(item):
                others += 1
            else:
                break
        else:
            yield initials, others


def _listed(text: str) -> list[tuple[int, int]]:
    """The initials of the presence lists of initials only."""
    lists = _presence_lists(text, _LIST_SEPARATOR)
    return [span for initials, others in lists if not others for span in initials]


# --- The fiftieth round (``mixed_presence_lists``) ------------------------------------------
# A presence list also names people in full, by a role and a name, or by hyphenated initials
# ("Läsnä: JK (pj), ML, Tiina Repo, AS-H", "paikalla EK, MP ja TS sekä rakennustarkastaja
# Holm"): its initials are people as much as in a list of initials only. And an official's
# title may stand as a label before them ("Esittelijä: JK", "Föredragande: AS").
# A comma, "&" or a conjunction between a list's items (the coordinated initials below too).
_JOINED = r"[ \t]*(?:,|&|\b(?:ja|sekä|och|samt|and)\b)[ \t]*"
_MIXED_SEPARATOR = re.compile(_JOINED)
_TITLE_LABEL = re.compile(rf"(?i)(?<!\w)(?:{_TITLES})[ \t]*:[ \t]*\Z")


def initials_in_mixed_lists(text: str) -> Iterator[Candidate]:
    """Bare initials in a presence list whose other items name people (in full, by a role and
    a name, by hyphenated initials), and bare initials after an official's title as a label."""
    found: set[tuple[int, int]] = set(_mixed_listed(text))
    for match in _BARE.finditer(text):
        if _TITLE_LABEL.search(text, max(0, match.start() - 40), match.start()):
            found.add(match.span(1))
    yield from _people(text, found)


def _mixed_listed(text: str) -> list[tuple[int, int]]:
    """The initials of the presence lists that also name people otherwise (a list of
    initials only is ``_listed``'s)."""
    lists = _presence_lists(text, _MIXED_SEPARATOR)
    return [span for initials, others in lists if others for span in initials]


# --- The fifty-second round (``initials_as_subjects``) ---------------------------------------
# Staff notes make initials the subject of a sentence ("MK hoitaa huomisen avaukset", "TK ja
# MH tekee kotikäynnit", "AS och PL har godkänt fakturorna", "JK said ..."): at a sentence's
# start, initials (joined by a comma or a conjunction) and then a lower-case word, which in
# these languages is the verb or its auxiliary. An acronym does the same ("KV hyväksyi",
# "HKL rakensi", "SSW ry"): the general abbreviation list still rules, and only two letters
# count, a person's usual initials (an organisation's acronym has three or more as a rule).
_SUBJECT_INITIALS = rf"[{UPPER}]{{2}}"
_SUBJECT_LIST = rf"{_SUBJECT_INITIALS}(?:[ \t]*(?:,|&|ja|och|and)[ \t]*{_SUBJECT_INITIALS})*"
_SUBJECT = re.compile(
    rf"(?m)(?:^|(?<=[.!?])[ \t]+)[ \t]*(?P<subject>{_SUBJECT_LIST})[ \t]+[{LOWER}]"
)
# The seventy-first round (``initials_opening_clauses``): a clause opens after a colon, a
# semicolon or a comma as after a sentence's end ("Sovittu: JK tekee raportin", "MK hoitaa
# avaukset, TL on lomalla", "Soitto klo 14: MJ kertoi ...").
_CLAUSE_SUBJECT = re.compile(rf"(?<=[:;,])[ \t]+(?P<subject>{_SUBJECT_LIST})[ \t]+[{LOWER}]")


def initials_as_subjects(text: str) -> Iterator[Candidate]:
    """Bare initials that open a sentence as its subject, before a lower-case word."""
    yield from _subjects(text, _SUBJECT)


def initials_opening_clauses(text: str) -> Iterator[Candidate]:
    """Bare initials that open a clause after a colon, a semicolon or a comma as its subject,
    before a lower-case word."""
    yield from _subjects(text, _CLAUSE_SUBJECT)


def _subjects(
    text: str, pattern: re.Pattern[str], is_word: Callable[[str], bool] = is_common_anywhere
) -> Iterator[Candidate]:
    found: set[tuple[int, int]] = set()
    for match in pattern.finditer(text):
        start = match.start("subject")
        for initials in re.finditer(_SUBJECT_INITIALS, match.group("subject")):
            if is_word(initials.group().lower()):
                continue  # a word in capitals ("EI seurakäyttöä!")
            found.add((start + initials.start(), start + initials.end()))
    yield from _people(text, found)


# --- The seventy-second round (``signed_initials``) -------------------------------------------
# A signature's initials need not end the text: a note goes on after them with the sender's
# unit or contacts ("t. TK / kaavoitus", "t. AH" over an association's name and a phone, "//
# JP, rehtori"), and a reply quotes the mail below it. After a sign-off word or a slash, the
# initials end their line or stand before a slash, a comma or a bracket; after a dash at a
# line's start they are alone on the line ("-JM").
_SIGNED_INITIALS = re.compile(
    rf"(?im)(?:(?<!\S)(?:{_SIGN_OFF_WORDS})[.,:!]?[ \t]+|(?:^|[ \t])/{{1,2}}[ \t]*)"
    rf"(?-i:({_INITIALS}))(?=[ \t]*(?:$|[/,(]))"
    rf"|^[ \t]*[–—-]+[ \t]*(?-i:({_INITIALS}))[ \t]*$"
)


def signed_initials(text: str) -> Iterator[Candidate]:
    """Bare initials after a sign-off word or a slash, ending their line or before a slash, a
    comma or a bracket, or alone on a line after a dash, anywhere in the text."""
    found = {m.span(1) if m.group(1) else m.span(2) for m in _SIGNED_INITIALS.finditer(text)}
    yield from _people(text, found)


# --- The seventy-ninth round (``coordinated_initials``) --------------------------------------
# Initials stand beside initials: "Kan du meddela AK och JL?", "KL ja PV poistuivat",
# "kaupunkisuunnittelu (HK, JS)", "justerare CW och UB". Two or more two-letter initials joined
# by a comma, "&" or a conjunction name people wherever they stand, unless one of them is an
# abbreviation of the general list or a word in capitals ("EU ja YK", "EI JA EI"). A slash is
# left out: it joins alternatives ("FI/EN", "ML/AS" as well, the price of that).
_COORDINATED = re.compile(
    rf"{_STANDS_ALONE}{_SUBJECT_INITIALS}(?:{_JOINED}{_SUBJECT_INITIALS})+(?![\w'’@-]|\.\w)"
)


def coordinated_initials(
    text: str, is_word: Callable[[str], bool] = is_common_anywhere
) -> Iterator[Candidate]:
    """Two-letter initials joined to other two-letter initials by a comma, "&" or a
    conjunction, when none of them is an abbreviation or a word in capitals."""
    found: set[tuple[int, int]] = set()
    for match in _COORDINATED.finditer(text):
        group = [
            (match.start() + m.start(), match.start() + m.end())
            for m in re.finditer(_SUBJECT_INITIALS, match.group())
        ]
        words = [text[start:end] for start, end in group]
        if any(is_listed_abbreviation(w) or is_word(w.lower()) for w in words):
            continue
        found.update(group)
    yield from _people(text, found)


# --- The eighty-first round (``dashed_end_initials``) ----------------------------------------
# A note signed at the text's end with the dash or slash touching the initials, after a space
# on the same line ("Muistio tulee perjantaina. -VK", "Återkommer. /KT"): the text-end signature
# above reads a hyphen right before capitals as a compound's ("EU-HL"), so it lets these by.
_DASHED_END = re.compile(rf"(?:(?<=[ \t])|^)(?:/{{1,2}}|[-–—])({_INITIALS})[ \t.!]*\Z", re.M)


def dashed_end_initials(text: str) -> Iterator[Candidate]:
    """Bare initials ending the text right after a dash or a slash that follows a space or
    opens the line."""
    found = {m.span(1) for m in _DASHED_END.finditer(text)}
    yield from _people(text, found)


# --- The hundred-and-tenth round (``hyphenated_initials_alone``) -----------------------------
# A double given name shortened to hyphenated initials stands for a person without its
# surname: with a surname's initial and full stops ("M-L.S.", "P-O.L."), a shape no
# abbreviation, range or code takes, anywhere; or signing the text at its end as bare
# initials do ("Mvh J-E", "/M-L", "T: M-L"), where "A-C" (a range of items) does not stand.
_HYPHENATED_DOTTED = re.compile(
    rf"(?<![\w.'’@-])[{UPPER}]\.?-[{UPPER}]\.[{UPPER}]\.(?![\w-]|[{UPPER}])"
)
_HYPHENATED_LAST = re.compile(rf"(?<![\w.'’@-])([{UPPER}]-[{UPPER}]{{1,2}})[ \t.!]*\Z")
# What may stand before them on their line: ``_SIGNATURE_BEFORE``, with the sign-off a word of
# its own ("kohdat A-C" ends in no "t").
_HYPHENATED_SIGNATURE_BEFORE = _before_a_signature(r"(?<!\w)")


def hyphenated_initials_alone(text: str) -> Iterator[Candidate]:
    """Hyphenated initials with a surname's initial and full stops anywhere, or alone
    signing the text at its end after a slash, a dash, a sign-off or a sentence's end."""
    found = {m.span() for m in _HYPHENATED_DOTTED.finditer(text)}
    last = _HYPHENATED_LAST.search(text)
    if last is not None:
        line_start = text.rfind("\n", 0, last.start()) + 1
        if _HYPHENATED_SIGNATURE_BEFORE.search(text, line_start, last.start()):
            found.add(last.span(1))
    yield from _people(text, found)


# --- The hundred-and-thirteenth round (``initials_not_english_words``) -----------------------
# The word-in-capitals test of the subjects and the coordinated initials above asks every
# dictionary, and the English list holds two-letter abbreviations and interjections ("ms",
# "ml", "ah", "pl", "eh"): "JK ja MS hoitavat", "PL tar protokollet" were read as words. In a
# Finnish or Swedish text only a Finnish or Swedish word in capitals is one ("EI JA EI").
def _a_finnish_or_swedish_word(word: str) -> bool:
    return bool(is_common_word(word, "fi") or is_common_word(word, "sv"))


def initials_not_english_words(text: str) -> Iterator[Candidate]:
    """What the subjects, clause openers and coordinated initials above find when only Finnish
    and Swedish words in capitals are taken for words, and not with every dictionary asked:
    only what the English test alone left out, so each of those rounds' switches still turns
    its own finds off."""

    def spans(is_word: Callable[[str], bool]) -> set[tuple[int, int]]:
        found = [
            *_subjects(text, _SUBJECT, is_word),
            *_subjects(text, _CLAUSE_SUBJECT, is_word),
            *coordinated_initials(text, is_word),
        ]
        return {(candidate.start, candidate.end) for candidate in found}

    added = spans(_a_finnish_or_swedish_word) - spans(is_common_anywhere)
    for start, end in sorted(added):
        yield Candidate(start, end, ())
