"""Names of no resident, known from general knowledge: well-known people a municipal text
writes about, rulers, fictional characters, brands named after a person, and rooms and
vehicles given a person's name.

"Föreläsningen om J.L. Runeberg", "Johan Ludvig Runebergin hautamuistomerkille",
"Ohjelmassa Mozart ja Grieg", "kapellimestarina Esa-Pekka Salonen", "Kaarle XII:n",
"kuningatar Kristiina", "Kalle Anka och Mumintrollet", "Fazerin kahvila", "neuvotteluhuone
Väinö" and "bokbussen Eva" name nobody whose privacy the masker protects. The lists live in
famous_names.txt (general knowledge, not read from labelled text); the forms are what varies:
initials written with or without spaces, given names dropped after the first, case endings
and genitives, a compound joined with a hyphen ("Sofi Oksanen -ilta",
"Tove Jansson-utställningen").

Privacy still wins: a name stays masked when a resident's evidence stands beside it (a role or
contact word, a phone number or e-mail address within a few words), when it signs the text
alone on its line, or (names.py) when a greeting, sign-off or label leads to it. A surname
that many residents carry counts only with the famous given names, and a character's single
name that is also a known first name ("Peppi") only in its full form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.named_institutions import INSTITUTION_NAMES, an_institution_whole
from rag.core.privacy.public_names import person_evidence, word_bases, word_case_bases
from rag.core.privacy.spans import PiiSpan, line_bounds

_DATA = Path(__file__).with_name("famous_names.txt")
# How close a resident's evidence must stand to a famous name: a few words.
_BESIDE = 30


@dataclass(frozen=True)
class FamousKinds:
    """Which kinds of famous names count (each a ``NameRules`` switch)."""

    people: bool = False
    rulers: bool = False
    characters: bool = False
    brands: bool = False
    rooms: bool = False
    institutions: bool = False
    institution_spans: bool = False
    # a listed person's surname in a common word's case form after the given names
    # ("Aleksis Kiven"), the thirty-third round
    word_cases: bool = False

    def any(self) -> bool:
        kinds = (self.people, self.rulers, self.characters, self.brands, self.rooms)
        return any(kinds) or self.institutions or self.institution_spans


@dataclass(frozen=True)
class _Lists:
    people: dict[str, list[tuple[str, ...]]]  # surname → the given names of each bearer
    surnames: frozenset[str]
    characters: re.Pattern[str]
    brands: re.Pattern[str]
    rulers: str  # a regex alternation of the rulers' given names


def _sections(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


# A case ending, a Swedish or English genitive, or a hyphened compound after a name or brand
# ("Fazerin", "Pippis", "Snufkin's", "Runeberg's", "Muumi-näyttely", "Sibelius-viikko").
_ENDING = rf"(?:[:’']?[{LOWER}]{{0,6}}|-[{LOWER}][\w-]*)?(?!\w)"


def _alternation(names: list[str]) -> str:
    longest_first = sorted(names, key=len, reverse=True)
    return "|".join(r"[ \t]+".join(map(re.escape, n.split())) for n in longest_first)


@cache
def _lists() -> _Lists:
    sections = _sections(_DATA)
    people: dict[str, list[tuple[str, ...]]] = {}
    for name in sections.get("people", []):
        *given, surname = name.lower().split()
        people.setdefault(surname, []).append(tuple(given))
    # A character's one name that residents bear too ("Peppi") counts only in its full form.
    characters = [
        c for c in sections.get("characters", []) if " " in c or not is_first_name(c.split("-")[0])
    ]
    return _Lists(
        people=people,
        surnames=frozenset(s.lower() for s in sections.get("surnames", [])),
        characters=re.compile(rf"(?i)(?<!\w)(?:{_alternation(characters)}){_ENDING}"),
        brands=re.compile(rf"(?<!\w)(?:{_alternation(sections.get('brands', []))}){_ENDING}"),
        rulers=_alternation(sections.get("rulers", [])),
    )


# One word of a name: initials ("J.L.", "C. G. E."), a capitalised word (with a hyphen:
# "Gallen-Kallela", "Jansson-utställningen"), or a particle ("von", "van", "da").
_NAME_TOKEN = re.compile(
    rf"(?:[{UPPER}]\.)|[{UPPER}][\w'’]*(?:-[\w'’]+)*|(?:von|van|af|da|de|der|di)(?!\w)"
)
_GAP = re.compile(r"[ \t]*")
_ALNUM = re.compile(r"[^\W_]")


def names_no_resident(text: str, span: PiiSpan, taken: list[PiiSpan], kinds: FamousKinds) -> bool:
    """The name found is (part of) a famous person's name, a ruler's, a character's, a
    brand's, or a room's or vehicle's, with no resident's evidence beside it and not alone
    on its line."""
    if not kinds.any() or not text[span.start : span.end].strip():
        return False
    famous = (
        (kinds.people and _a_famous_person(text, span, kinds.word_cases))
        or (kinds.rulers and _within(_rulers(), text, span))
        or (kinds.characters and _within(_lists().characters, text, span))
        or (kinds.brands and _within(_lists().brands, text, span))
        or (kinds.rooms and _within(_ROOMS, text, span, group="name"))
        or (kinds.institutions and _within(INSTITUTION_NAMES, text, span, group="name"))
        or (kinds.institution_spans and an_institution_whole(text[span.start : span.end]))
    )
    if not famous:
        return False
    return not (
        person_evidence(text, span, taken, beside=_BESIDE) or _alone_on_its_line(text, span)
    )


def _within(pattern: re.Pattern[str], text: str, span: PiiSpan, group: int | str = 0) -> bool:
    """Whether a match of ``pattern`` near the span on its line covers the span."""
    start, end = _near(text, span)
    return any(
        m.start(group) <= span.start and span.end <= m.end(group)
        for m in pattern.finditer(text, start, end)
    )


def _line(text: str, span: PiiSpan) -> tuple[int, int]:
    """Where the span's line starts and ends."""
    return line_bounds(text, span.start, span.end)


# How far from a name found a famous name covering it can start or end: far more than the
# longest listed name. Reading only so far keeps the work per name bounded, so a long line of
# names costs time in proportion to its length, not to its square.
_REACH = 120


def _near(text: str, span: PiiSpan) -> tuple[int, int]:
    """The stretch of the span's line within ``_REACH`` characters of it."""
    line_start, line_end = _line(text, span)
    return max(line_start, span.start - _REACH), min(line_end, span.end + _REACH)


def _alone_on_its_line(text: str, span: PiiSpan) -> bool:
    """The name stands alone on its line, as a signature does ("– Tove Jansson")."""
    line_start, line_end = _line(text, span)
    # (a search stops at the first letter or digit: no copy of a long line per name)
    return not (
        _ALNUM.search(text, line_start, span.start) or _ALNUM.search(text, span.end, line_end)
    )


def _a_famous_person(text: str, span: PiiSpan, word_cases: bool = False) -> bool:
    """Some run of name words around the span, covering it, is a famous person's name."""
    tokens = _run_around(text, span)
    inside = [
        i for i, (start, end, _) in enumerate(tokens) if span.start < end and start < span.end
    ]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    words = [word for _, _, word in tokens]
    for i in range(first + 1):
        for j in range(last, len(tokens)):
            before = words[i - 1] if i > 0 else None
            if _famous(words[i : j + 1], before, word_cases):
                return True
    return False


def _run_around(text: str, span: PiiSpan) -> list[tuple[int, int, str]]:
    """The name words next to each other (spaces between) on the span's line around it, as
    far as ``_REACH``."""
    line_start, line_end = _near(text, span)
    runs: list[list[tuple[int, int, str]]] = [[]]
    at = line_start
    for match in _NAME_TOKEN.finditer(text, line_start, line_end):
        if runs[-1] and not _GAP.fullmatch(text, at, match.start()):
            runs.append([])
        runs[-1].append((match.start(), match.end(), match.group()))
        at = match.end()
    for run in runs:
        if any(span.start < end and start < span.end for start, end, _ in run):
            return run
    return []


def _famous(words: list[str], before: str | None, word_cases: bool = False) -> bool:
    """Whether the words are a famous person's name: a listed surname alone (not after a
    given name or initial), or the listed given names (or their initials) and surname (with
    ``word_cases``, the surname also in a common word's case form: "Aleksis Kiven")."""
    *given, last = words
    if last[0].islower() or last.endswith("."):
        return False
    name, _, joined = last.partition("-")
    # "Jansson-utställningen": a compound's head noun after the surname; "Gallen-Kallela"
    # stays whole.
    stems = word_bases(name) if joined[:1].islower() else word_bases(last)
    lists = _lists()
    if not given:
        return any(stem in lists.surnames for stem in stems) and (
            before is None or not (before.endswith(".") or is_first_name(before))
        )
    written = [g.lower() for g in given]
    if word_cases:
        stems = stems | word_case_bases(name if joined[:1].islower() else last)
    return any(
        _given_names_match(written, bearer)
        for stem in stems
        for bearer in lists.people.get(stem, [])
    )


def _given_names_match(written: list[str], listed: tuple[str, ...]) -> bool:
    """ "Johan Ludvig", "J. L." and "Johan" match "Johan Ludvig"; "J." alone does not (with a
    common surname, "A. Virtanen" is anybody)."""
    if len(written) > len(listed):
        return False
    initials = [w.endswith(".") for w in written]
    if any(initials) and len(written) < len(listed):
        return False
    return all(
        (w[0] == g[0] if w.endswith(".") else w == g) for w, g in zip(written, listed, strict=False)
    )


@cache
def _rulers() -> re.Pattern[str]:
    """A ruler's given name before a regnal numeral ("Kaarle XII:n", "Gustav III:s") or an
    epithet ("Pietari Suuri", "Gustav Vasa"), or after a monarch's, emperor's or pope's
    title ("kuningatar Kristiinan", "tsaari Nikolai II")."""
    names = _lists().rulers
    return re.compile(
        rf"(?<!\w)(?:{names})[ \t]+(?:{_ROMAN}(?::[{LOWER}]+)?|{_EPITHET})(?!\w)"
        rf"|{_TITLE}[ \t]+(?:{names})(?:[ \t]+{_ROMAN}(?::[{LOWER}]+)?(?!\w)|{_ENDING})"
    )


_ROMAN = r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})(?![\w])"
_EPITHET = r"Suuri|Suuren|den[ \t]+store|den[ \t]+stora|the[ \t]+Great|Vaasa|Vasa"
_TITLE = (
    r"(?i:\b(?:kuningas|kuninkaan|kuningatar|kuningattaren|keisari|keisarin|keisarinna|"
    r"keisarinnan|tsaari|tsaarin|paavi|paavin|kung|kungen|drottning|drottningen|kejsar|"
    r"kejsaren|kejsarinnan|kejsarinna|tsar|tsaren|påve|påven|king|queen|emperor|empress|"
    r"tsar|pope))"
)
# A room, hall or vehicle given a person's name: the noun (a Finnish compound's head too:
# "neuvotteluhuone", "juhlasali") and then one name ("neuvotteluhuone Väinö", "mötesrum Ingrid",
# "bokbussen Eva", "meeting room Linnea"), not a person's two ("salissa Matti Virtanen").
_ROOMS = re.compile(
    rf"(?i:(?<!\w)(?:[{LOWER}]*(?:huone|sali|auditorio|kokoustila|kirjastoauto)|"
    r"(?:mötes|konferens|sammanträdes|fest|hör)?(?:rum|rummet|sal|salen)|auditori(?:um|et)|"
    r"bokbuss(?:en)?|(?:meeting |conference )?room|hall|bookmobile))"
    rf"[ \t]*:?[ \t]+[\"”“']?(?P<name>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)"
    rf"(?![ \t]+[{UPPER}]|[{LOWER}-])"
)
