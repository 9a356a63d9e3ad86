"""Personal data written in the wrong case: sloppy messages and forms filled in capitals.

The rules of addresses.py and names.py take a capital letter as part of the evidence
("Kaivokatu 5", "Liisa Korhonen"). Residents also write "kaivokatu 5a 12", "mvh gun-britt
söderlund", "-tanja" or fill a form in capitals ("OSOITE: VANHA PORVOONTIE 218", "ELLA
NURMI"). Each mechanism is a ``NameRules`` switch, on by default but for
``lower_case_streets`` and ``spaced_identity_codes``, which helped too few labelled parts
besides those that suggested them (docs/personal-data.md, the round named at each switch in
names.py):

- ``shouted_text``: words in capitals that stand beside another word in capitals, after a
  label's colon, or as a street before a house number are read in title case (a copy of the
  text of the same length); the address and name rules read that copy's lines again, and
  only what they find in such words is kept, a name only with a known first name or after a
  label's colon (a complaint in capitals has adjectives shaped like surnames: "YHTEINEN").
  A word in capitals alone ("EU", "PORVOO") stays as written. With ``shouted_after_lead``
  (the sixty-sixth round) a sign-off or an introduction before a known first name is
  evidence enough ("TERV. ESA MÄKINEN", whose surname is also a word). With
  ``shouted_end_names`` (the ninety-third round) the word in capitals that ends a message after
  a dash, a slash, a sentence's or a clause's end or a sign-off is read in title case too ("...
  KOULULLE -MATTI", "MVH ALLAN"), and judged as the other shouted names are; with
  ``shouted_conjunctions`` (the ninety-fourth) a conjunction between them stays small ("TERV.
  JAANA JA MIKA SALMINEN": two people, not "Jaana Ja Mika" and a surname alone); with
  ``shouted_surname_first`` (the ninety-fifth) the given name after a form's label and a
  surname is read too ("ASIAKAS: KORHONEN, AILA").
- ``lower_case_streets``: a lower-case word built on a street word (-katu, -tie, -kuja,
  -gatan, -vägen ...; not the word alone, not a numbered road: "valtatie 7") before a house
  number is capitalised in that copy too ("kaivokatu 5a 12", "västra kyrkogatan 9 a 4").
  ``lower_case_homes`` (on) does so only before a number with a staircase and a flat ("7 b
  12"), a home; ``lower_case_texts`` (the forty-first round) before any number in a text
  written in lower case throughout ("... adressen är gammelbackavägen 41, tack / ritva holm"),
  where a missing capital says nothing of what the street is.
- ``lower_case_full_names``: in a text that opens a line (or a sentence after "!" or "?")
  with a small letter, a lower-case known first name followed by a word that reads as a
  surname: Voikko knows it as a name, no dictionary knows it, or it has a surname's own
  ending ("sara nyberg", "amina abdullahi", "jaana nurmi"); after a first name that is also
  a word ("linnea") the surname must be only a name or have a surname's own ending.
- ``lower_case_signatures``: a lower-case first name (a word-like one too) after a dash or a
  slash at the very end of a message ("... -tanja", "/jessica h.", "/björn").
- ``lower_case_initials``: a lower-case first name and a surname's initial where the name
  ends ("t. jukka h", "mari p 0409988712", "kaisa m."); the letter is the evidence, so a first
  name that is also a word counts, a frequent word never.
- ``lower_case_double_names`` (the hundred-and-ninth round): a double first name in lower
  case in a text of any case ("har du sett maj-lis?", "paikalla tuomas, aino-maria"), every
  part a known first name and the whole no compound of common words ("ensi-ilta",
  "fairy-tale"); a surname after it joins it ("omistaja minna-maria lehto").
- ``spaced_identity_codes``: a henkilötunnus written with spaces ("130292 427H", "130292 -
  427H") counts only with a real date and the right check character (a random number of
  that shape would pass one time in 31).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from rag.core.privacy.addresses import LOWER, ROADS, UPPER
from rag.core.privacy.common_words import is_common_anywhere, is_common_word, unknown_everywhere
from rag.core.privacy.finnish_morphology import WordKind, read_word
from rag.core.privacy.first_names import is_first_name, is_hand_listed, on_configure
from rag.core.privacy.identifiers import hetu_check_ok
from rag.core.privacy.name_forms import rare
from rag.core.privacy.spans import PiiSpan, overlaps

# --- the re-cased copy ------------------------------------------------------------------

# A word in capitals of two or more letters (hyphenated parts too: "ANNA-LIISA").
_SHOUTED = re.compile(rf"(?<![\w'’-])[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*(?![\w'’-])")
_VOWEL = re.compile("[AEIOUYÅÄÖÜÉØÆ]")
# Street words written as the end of one word ("Kaivokatu", "Ågatan", "Porvoontie").
_STREET_ENDINGS = (
    "katu", "tie", "kuja", "polku", "raitti", "kaari", "väylä", "rinne", "gatan", "vägen", "väg",
    "gränd", "stigen", "backen", "allén", "kajen", "stranden",
)  # fmt: skip
_STREET_PREFIXES = (
    "vanha", "uusi", "iso", "pikku", "ala", "ylä", "gamla", "nya", "östra", "västra", "norra",
    "södra", "stora", "lilla", "övre", "nedre",
)  # fmt: skip
# (A space and a digit are looked for first and the street word before them after: a scan
# from every lower-case letter is slow.)
_SPACE_AND_DIGIT = re.compile(r"[ \t]\d")
# A house number with a staircase and a flat after it ("7 b 12", "5a 12", "18 as 3", "3 lgh
# 1101"): a home (thirty-seventh round, ``lower_case_homes``).
_HOUSE_AND_FLAT = re.compile(
    r"[ \t]\d{1,4}[ \t]?(?:[a-zA-Z][ \t]?\d{1,4}|(?:as|asunto|bst|lgh)\.?[ \t]?\d{1,4})(?!\w)"
)
_LOWER_WORD_BEFORE = re.compile(rf"(?<![\w@./'’-])[{LOWER}][{LOWER}'’-]*[ \t]*\Z")
_PREFIX_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(_STREET_PREFIXES)})[ \t]+\Z")
_NUMBER_AFTER = re.compile(r"[ \t]+\d")
_COLON_BEFORE = re.compile(r":[ \t]*\Z")
# A sign-off or an introduction right before a name in capitals ("TERV. ESA MÄKINEN",
# "NIMENI ON RAUNO LEPPÄNEN", "HÄLSNINGAR BO EK"), in any case.
_LEAD_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:terveisin|terv\.?|t\.|mvh|hälsningar|hälsning|regards|nimeni[ \t]+on|"
    r"minä[ \t]+olen|olen|täällä|jag[ \t]+heter|jag[ \t]+är|mitt[ \t]+namn[ \t]+är|"
    r"my[ \t]+name[ \t]+is|i[ \t]+am|this[ \t]+is))[ \t,:.–-]*\Z"
)
# A bank's code follows these ("BIC NDEASESS"): a code, no words.
_CODE_LABEL_BEFORE = re.compile(r"(?:BIC|SWIFT)[ \t:]*\Z")
_SPACE_BETWEEN = re.compile(r"[ \t]+")


def _title_case(word: str) -> str:
    """The word with a capital first letter and small ones after it, letter by letter so the
    length stays ("ß" and "İ" would change it); a part after a hyphen keeps a capital only
    when it is a first name and no word ("ANNA-LIISA" → "Anna-Liisa", "ELLA-HANKE" →
    "Ella-hanke")."""
    parts = word.split("-")
    letters = []
    for index, part in enumerate(parts):
        for position, letter in enumerate(part):
            upper = position == 0 and (index == 0 or name_only(part.lower()))
            changed = letter.upper() if upper else letter.lower()
            letters.append(changed if len(changed) == 1 else letter)
        letters.append("-")
    return "".join(letters[:-1])


def _a_street(word: str) -> bool:
    """A compound ending in a street word, longer than the street word, not a road's."""
    lowered = word.lower()
    return (
        lowered.endswith(_STREET_ENDINGS)
        and not lowered.endswith(ROADS)
        and any(len(lowered) > len(e) for e in _STREET_ENDINGS if lowered.endswith(e))
    )


# What a message's last word stands after when it signs it: a dash or a slash, a sentence's or
# a clause's end, a new line, or a sign-off ("KOULULLE -MATTI", "RING MIG. BIRGITTA", "idag,
# JOHANNA", "T. AILA", "MVH ALLAN").
_SIGNS_AFTER = re.compile(
    r"(?:(?<!\w)[-–—/]+|[.!?,][ \t]|\n|"
    r"(?i:(?<!\w)(?:t|terv|terveisin|mvh|hälsn|hälsningar|hälsning|regards)\.?[ \t,]))"
    r"[ \t]*\Z"
)


# The message's last word in capitals, also right after a dash or a slash ("-MATTI", which
# _SHOUTED leaves as a hyphenated word's part).
_LAST_SHOUTED = re.compile(
    rf"(?:(?<=[-–—/])|(?<![\w'’-]))(?P<word>[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*)[^\w]*\Z"
)


def _signing_word(text: str) -> tuple[int, int] | None:
    """The word in capitals that signs the end of the message, if one does: the last word,
    with a vowel, after a dash or a slash, a sentence's or a clause's end, a new line or a
    sign-off."""
    found = _LAST_SHOUTED.search(text, max(0, len(text) - 80))
    if found is None or not _VOWEL.search(found.group("word")):
        return None
    start, end = found.span("word")
    if _SIGNS_AFTER.search(text, max(0, start - 16), start) is None:
        return None
    return start, end


# A comma and spaces between a surname and the given name written after it.
_COMMA_BETWEEN = re.compile(r",[ \t]*")


def _given_after_labelled_surname(text: str, words: list[re.Match[str]], index: int) -> bool:
    """Whether the word at ``index`` follows a comma after a word in capitals that itself
    follows a label's colon: a form's name written surname first ("ASIAKAS: KORHONEN, AILA")."""
    if index == 0:
        return False
    before = words[index - 1]
    return (
        _COMMA_BETWEEN.fullmatch(text, before.end(), words[index].start()) is not None
        and _COLON_BEFORE.search(text, max(0, before.start() - 5), before.start()) is not None
    )


def _shouted_words(
    text: str, ends: bool = False, surname_first: bool = False
) -> list[tuple[int, int]]:
    """The words in capitals that are read in title case: beside another one on the line,
    after a label's colon, or a street before a number; each with a vowel (no acronym); with
    ``ends`` (the ninety-third round), also the word that signs the end of a message ("...
    AVAIN JÄI KOULULLE -MATTI")."""
    words = [m for m in _SHOUTED.finditer(text) if _VOWEL.search(m.group())]
    chosen = []
    for index, word in enumerate(words):
        start, end = word.span()
        beside = (index > 0 and _SPACE_BETWEEN.fullmatch(text, words[index - 1].end(), start)) or (
            index + 1 < len(words) and _SPACE_BETWEEN.fullmatch(text, end, words[index + 1].start())
        )
        if not (
            beside
            or _COLON_BEFORE.search(text, max(0, start - 5), start)
            or (_a_street(word.group()) and _NUMBER_AFTER.match(text, end))
            or (surname_first and _given_after_labelled_surname(text, words, index))
        ):
            continue
        if word.group().lower().endswith(ROADS):
            continue  # "AIHE: VALTATIE 7 SULJETAAN": a numbered road
        if not _CODE_LABEL_BEFORE.search(text, max(0, start - 8), start):
            chosen.append(word.span())
    signing = _signing_word(text) if ends else None
    if signing is not None and signing not in chosen:
        chosen.append(signing)
    return chosen


# A word opening with a capital and going on in small letters ("Porvoo", "Hej"); a capital
# alone or an acronym ("5 C", "EU") is no sign of a writer who uses capitals.
_CAPITALISED_WORD = re.compile(rf"(?<![\w'’-])[{UPPER}][{LOWER}]")


def written_in_lower_case(text: str) -> bool:
    """Whether ``text`` has no capitalised word at all: a writer who leaves out every capital
    ("hej vem ska man kontakta ... / ritva holm"), so a lower-case street says nothing."""
    return _CAPITALISED_WORD.search(text) is None


def _lower_case_streets(
    text: str, homes_only: bool = False, any_number_in_lower_text: bool = False
) -> list[tuple[int, int]]:
    """Lower-case street names before a house number, with their prefix word ("vanha");
    with ``homes_only``, only before a house number with a staircase and a flat, or (with
    ``any_number_in_lower_text``) before any number in a text written in lower case."""
    spans = []
    any_number = any_number_in_lower_text and written_in_lower_case(text)
    for number in _SPACE_AND_DIGIT.finditer(text):
        if homes_only and not any_number and not _HOUSE_AND_FLAT.match(text, number.start()):
            continue
        if not text[max(0, number.start() - 8) : number.start()].endswith(_STREET_ENDINGS):
            continue  # (a string test first: most numbers follow no street word)
        word = _LOWER_WORD_BEFORE.search(text, max(0, number.start() - 40), number.start() + 1)
        if word is None or not _a_street(word.group().rstrip()):
            continue
        prefix = _PREFIX_BEFORE.search(text, max(0, word.start() - 12), word.start())
        if prefix is not None:
            spans.append((prefix.start(), prefix.start() + len(prefix.group().rstrip())))
        spans.append((word.start(), word.start() + len(word.group().rstrip())))
    return spans


# Conjunctions between names in capitals stay small in the copy ("MATTI JA LIISA HONKANEN" →
# "Matti ja Liisa Honkanen", two people, not "Matti Ja Liisa" and a surname alone).
_CONJUNCTIONS = frozenset({"ja", "sekä", "och", "samt", "and"})


def recased_view(
    text: str,
    shouted: bool,
    lower_streets: bool,
    lower_homes: bool = False,
    lower_texts: bool = False,
    shouted_ends: bool = False,
    shouted_conjunctions: bool = False,
    shouted_surname_first: bool = False,
) -> tuple[str, list[PiiSpan]]:
    """A copy of ``text`` of the same length with the chosen words in title case, and those
    words' spans (empty when nothing was changed); ``lower_homes`` recases a lower-case
    street only before a number with a staircase and a flat, ``lower_texts`` before any
    number in a text written in lower case; ``shouted_ends`` also reads the word in capitals
    signing a message's end, ``shouted_surname_first`` the given name after a labelled surname,
    and ``shouted_conjunctions`` writes a conjunction between them small."""
    streets = lower_streets or lower_homes or lower_texts
    spans = (_shouted_words(text, shouted_ends, shouted_surname_first) if shouted else []) + (
        _lower_case_streets(
            text, homes_only=not lower_streets, any_number_in_lower_text=lower_texts
        )
        if streets
        else []
    )
    if not spans:
        return text, []
    letters = list(text)
    for start, end in spans:
        word = text[start:end]
        small = shouted_conjunctions and word.lower() in _CONJUNCTIONS
        letters[start:end] = word.lower() if small else _title_case(word)
    view = "".join(letters)
    return view, [
        PiiSpan(start, end, "") for start, end in spans if view[start:end] != text[start:end]
    ]


def changed_lines(view: str, changed: list[PiiSpan]) -> list[tuple[int, int]]:
    """The lines of the copy that hold a re-cased word, as [start, end) (the second pass of
    the rules reads only these: most of a text is as written)."""
    lines: list[tuple[int, int]] = []
    for span in changed:
        start = view.rfind("\n", 0, span.start) + 1
        end = view.find("\n", span.end)
        line = (start, len(view) if end < 0 else end)
        if not lines or lines[-1] != line:
            lines.append(line)
    return sorted(set(lines))


def found_in_view(
    found: list[PiiSpan], changed: list[PiiSpan], taken: list[PiiSpan]
) -> list[PiiSpan]:
    """What was found in the copy that touches a re-cased word and overlaps nothing taken."""
    return [
        span
        for span in found
        if overlaps(changed, span.start, span.end) and not overlaps(taken, span.start, span.end)
    ]


_WORD = re.compile(r"\S+")


def without_lead_words(view: str, span: PiiSpan) -> PiiSpan:
    """The name found in the title-cased copy without the common words before it that the
    copy capitalised too ("Olen Esko Partanen", "Ja Erkki Puranen" → "Esko Partanen",
    "Erkki Puranen"), so the name is judged by its own words and the lead before it; a
    word Voikko reads as a person's name stays ("TOIVONEN SEPPO"), and so does the last."""
    words = list(_WORD.finditer(view, span.start, span.end))
    start = span.start
    for word, following in pairwise(words):
        text = word.group().rstrip(",")
        if (
            is_first_name(text, word_like=False)
            or not is_common_anywhere(text)
            or read_word(text).person
        ):
            break
        start = following.start()
    return span if start == span.start else PiiSpan(start, span.end, span.kind)


def a_shouted_name(
    view: str,
    span: PiiSpan,
    surnames: bool = False,
    after_lead: bool = False,
    word_surnames: bool = False,
) -> bool:
    """A name found in the title-cased copy counts with a person's evidence of its own: a
    label's colon right before it ("Sukunimi: KORHONEN"), or a known first name that is no
    word with only rare words or first names beside it ("ELLA NURMI", "TAPIO JUHANI"); with
    ``surnames`` (the twenty-ninth round), frequent surnames beside it too ("SANNA
    KORHONEN", "MATTI HEIKKILÄ"). In a sentence in capitals every word is capitalised in the
    copy ("ELLA-HANKE ALKAA"), and a complaint holds adjectives that look like surnames
    ("YHTEINEN", "EKOLOGINEN")."""
    if _COLON_BEFORE.search(view, max(0, span.start - 5), span.start) is not None:
        return True
    words = [word.rstrip(",") for word in view[span.start : span.end].split()]
    if (
        after_lead
        and is_first_name(words[0], word_like=False)
        and _LEAD_BEFORE.search(view, max(0, span.start - 30), span.start) is not None
    ):
        return True  # with ``after_lead``: a sign-off or an introduction is the evidence
    if (
        word_surnames
        and len(words) == 2
        and is_first_name(words[0], word_like=False)
        and read_word(words[1]).person
    ):
        return True  # with ``word_surnames``: "PAAVO JÄRVINEN", "JOHANNES VIRTA"
    return any(is_first_name(word, word_like=False) for word in words) and all(
        is_first_name(word, word_like=False) or rare(word) or (surnames and _a_surname(word))
        for word in words
    )


def _a_surname(word: str) -> bool:
    """A word Voikko reads as a person's name and no dictionary holds as a common word
    ("Korhonen", "Heikkilä", "Björklund"; not "Laakso", "Niemi": words too)."""
    return read_word(word).person and not is_common_anywhere(word)


# --- lower-case names ------------------------------------------------------------------

# Lower-case words (hyphenated too: "gun-britt"), not inside an address, a path or a word.
_LOWER_NAME = rf"[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?(?![\w@'’-])"
# A small letter that opens a line, or a sentence after "!" or "?" (after a full stop it is
# mostly an abbreviation: "esim. puisto"): a text written without capitals.
_SMALL_SENTENCE_START = re.compile(rf"(?:^|[!?][ \t]+)[ \t>]*[{LOWER}]", re.MULTILINE)
# Two of them in a row (overlapping pairs too: the second word is looked at, not taken).
_LOWER_PAIR = re.compile(
    rf"(?<![\w@./'’-])(?P<first>{_LOWER_NAME})(?=[ \t](?P<second>{_LOWER_NAME}))"
)
# Finnish local cases: where something is ("kalliossa", "mäeltä"), not a surname.
_LOCAL_CASES = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle")
# A signature at the very end: a dash or slash, one or two lower-case words or an initial.
_END_SIGNATURE = re.compile(
    rf"(?:^|[ \t\n(])[-–—/][ \t]?(?P<first>[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?)"
    rf"(?:[ \t]+(?P<second>[{LOWER}]\.|[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?))?[ \t]*[.!]?\s*\Z"
)


def name_only(word: str) -> bool:
    """A known first name of three or more letters that no dictionary has as a common word
    ("jaana", "mohammad"; not "kaj" a quay, "men", "on")."""
    return (
        len(word) >= 3
        and is_first_name(word, word_like=False)
        and not any(is_common_anywhere(part) for part in word.split("-"))
    )


def a_word_of(word: str, language: str) -> bool:
    """Whether a lower-case word is a common word of ``language`` in its own form, not only a
    name's case form ("pian" soon in Finnish, not Pia's; "inga" none in Swedish)."""
    return bool(is_common_word(word, language))


_NAME_ONLY = 2  # a first name that is no word: any reading as a surname will do
_NAME_AND_WORD = 1  # a first name that is a word too: the surname must be only a name


@cache
def _first_name_tier(word: str) -> int:
    """How far a lower-case word is a first name: ``_NAME_ONLY``, ``_NAME_AND_WORD`` (a
    register name that is no frequent word, or any name of the hand list: "sara",
    "linnea"), or 0 ("har", "men", "on": frequent words first)."""
    if name_only(word):
        return _NAME_ONLY
    return _NAME_AND_WORD if is_first_name(word, word_like=False) or is_hand_listed(word) else 0


on_configure(_first_name_tier.cache_clear)


def reads_as_a_surname(
    word: str, after_name_only: bool, surname_ending: Callable[[str], bool]
) -> bool:
    """Whether a lower-case word after a first name is its surname: Voikko knows it only as a
    name; or, after a first name that is no word (``after_name_only``), Voikko knows it also as a
    name ("nurmi") or no dictionary knows it ("rezaei"); or it has a surname's own ending and
    no reading as a common word ("söderlund"; not "julkinen"). Never a common word in a local
    case ("kalliossa")."""
    if len(word) < 3:
        return False
    reading = read_word(word)
    if reading.common_word and word.endswith(_LOCAL_CASES):
        return False
    if reading.kind is WordKind.PERSON:
        return True
    if not reading.common_word and surname_ending(word.capitalize()):
        return True
    return after_name_only and (reading.person or unknown_everywhere(word))


def lower_case_full_names(
    text: str, surname_ending: Callable[[str], bool], not_a_person: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """A lower-case first name and a lower-case surname ("tässä sara nyberg", "huoltaja:
    jaana nurmi", "mvh amina abdullahi"); a first name that is also a word needs a surname
    only a name can be, and a name of the register that is a frequent word needs the hand
    list ("linnea backman"; "har inga" stays).
    ``surname_ending`` tells a surname's own ending, ``not_a_person`` a place, office or
    month (names.py)."""
    if _SMALL_SENTENCE_START.search(text) is None:
        return []  # a text that starts its sentences with capitals writes names so too
    spans = []
    for pair in _LOWER_PAIR.finditer(text):
        name, surname = pair.group("first", "second")
        tier = _first_name_tier(name)
        if not tier or not_a_person(name.capitalize()) or not_a_person(surname.capitalize()):
            continue
        if reads_as_a_surname(surname, tier == _NAME_ONLY, surname_ending):
            spans.append((pair.start(), pair.end("second")))
    return spans


# A lower-case first name and one small letter, a surname's initial, in a message written
# without capitals ("t. jukka h", "terv. hanna k", "-marko p 0407120834", "jäsen kaisa m.
# ilmoitti"): after the letter a full stop, a case ending after a colon, or the name's end
# (a comma, a bracket, a line's or the text's end, a number) follows; never a word after it
# ("ville i skolan"). The letter is no one-letter word of Swedish or English ("att bo i."), and
# a letter with a full stop before a number is an abbreviation ("arvo n. 1,2 milj. €": noin,
# "s. 12": sivu).
_LOWER_INITIAL = re.compile(
    rf"(?<![\w@.'’])(?<!\w[/-])(?P<first>{_LOWER_NAME})[ \t]+(?P<letter>(?![aiåö])[{LOWER}])"
    rf"(?:\.(?![\w.'’-])(?![ \t]*\d)|:[{LOWER}]{{1,4}}(?![\w'’-])"
    rf"|(?=[ \t]*(?:[,;)\n]|\+?\d|\Z)))",
)


def lower_case_initials(text: str, not_a_person: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A lower-case first name and the initial of a surname ("t. jukka h", "mari p
    0409988712", "kaisa m."): a name that is also a word counts too (the letter after it is the
    evidence), a frequent word ("men", "on") never. ``not_a_person`` tells a place, an office
    or a month (names.py)."""
    spans = []
    for match in _LOWER_INITIAL.finditer(text):
        first = match.group("first")
        if _first_name_tier(first) and not not_a_person(first.capitalize()):
            spans.append((match.start(), match.end()))
    return spans


def lower_case_signatures(
    text: str, surname_ending: Callable[[str], bool], not_a_person: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """A lower-case first name (a surname or an initial after it) after a dash or a slash at
    the very end of a message ("-tanja", "/jessica h.", "-tom"): there a name that is also a
    word is a name too."""
    spans = []
    match = _END_SIGNATURE.search(text, max(0, len(text) - 80))  # (only the end can match)
    if match is not None:
        first, second = match.group("first", "second")
        if len(first) >= 3 and is_first_name(first) and not not_a_person(first.capitalize()):
            end = match.end("first")
            if second and (
                second.endswith(".") or reads_as_a_surname(second, name_only(first), surname_ending)
            ):
                end = match.end("second")
            spans.append((match.start("first"), end))
    return spans


# A lower-case word of two or more hyphenated parts ("maj-lis", "ville-matti"), not inside
# an address, a path or a word, nor before a domain's dot ("britt-marie.holm@...").
_LOWER_DOUBLE = re.compile(
    rf"(?<![\w@./'’-])[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})+(?![\w@'’-])(?!\.\w)"
)
# The word after it, lower case or capitals: its surname, when it reads as one.
_WORD_AFTER = re.compile(rf"[ \t]+(?P<word>[{LOWER}]{{3,}}|[{UPPER}]{{3,}})(?![\w@'’-])")


def _a_double_first_name(word: str) -> bool:
    """Whether a lower-case hyphenated word is a double first name: every part a known first
    name ("maj-lis", "aino-maria"), and the whole no compound Voikko reads only as common
    words ("ensi-ilta" a first night, "lupa-asia"; a place reading does not count: Voikko
    reads "anne-mari" as one), no word of the Swedish or English lists, and no English
    compound of common words ("fairy-tale", "ray-ban": English joins words with a hyphen,
    Swedish writes its compounds as one word)."""
    if not is_first_name(word) or read_word(word).kind is WordKind.WORD:
        return False
    if all(is_common_word(part, "en") for part in word.split("-")):
        return False
    return not is_common_word(word, "sv") and not is_common_word(word, "en")


def lower_case_double_names(
    text: str, surname_ending: Callable[[str], bool], not_a_person: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """A double first name written in lower case, in a text of any case ("har du sett
    maj-lis?", "onks se ville-matti vielä töissä", "paikalla tuomas, aino-maria, riku"):
    two names joined by a hyphen are a person's however they are written; a surname after it
    joins it ("omistaja minna-maria lehto"). ``not_a_person`` tells a place, an office or a
    month, ``surname_ending`` a surname's own ending (names.py)."""
    spans = []
    for match in _LOWER_DOUBLE.finditer(text):
        word = match.group()
        if not _a_double_first_name(word) or not_a_person(word.title()):
            continue
        end = match.end()
        after = _WORD_AFTER.match(text, end)
        if after is not None and a_surname_beside_a_first_name(
            after.group("word").lower(), surname_ending, not_a_person
        ):
            end = after.end()
        spans.append((match.start(), end))
    return spans


def a_surname_beside_a_first_name(
    word: str, surname_ending: Callable[[str], bool], not_a_person: Callable[[str], bool]
) -> bool:
    """A lower-cased word beside a first name that is no word (in capitals, or a label's value
    surname first) is its surname: itself no such first name, no place, office or month
    (``not_a_person``), and read as a surname."""
    return (
        not name_only(word)
        and not not_a_person(word.capitalize())
        and reads_as_a_surname(word, True, surname_ending)
    )


# --- identity codes written with spaces -------------------------------------------------

_SPACED_HETU = re.compile(
    r"(?<![\w-])(?P<date>\d{6})(?:[ \t]*(?P<sign>[-+A-FU-Y])[ \t]*|[ \t]+)(?P<number>\d{3})"
    r"[ \t]?(?P<check>[0-9A-FHJ-NPR-Y])(?![\w-])",
    re.I,
)


def spaced_identity_codes(text: str) -> list[PiiSpan]:
    """Henkilötunnus written with a space in it ("130292 427H", "130292 - 427H", "130292-427
    H"), kept only with a real date and the right check character."""
    spans = []
    for match in _SPACED_HETU.finditer(text):
        if " " not in match.group() and "\t" not in match.group():
            continue  # the plain form is identifiers.py's
        date, number = match.group("date", "number")
        if not (1 <= int(date[:2]) <= 31 and 1 <= int(date[2:4]) <= 12):
            continue
        if hetu_check_ok(date + number, match.group("check")):
            spans.append(PiiSpan(match.start(), match.end(), "HETU"))
    return spans
