"""Names of other origins by their build, and first names given elsewhere standing alone.

Two kinds of evidence the other finders lack for residents whose names come from outside
Finland and Sweden:

- ``surnames_by_origin``: a surname built as its language builds surnames. Slavic surnames
  end in -ski/-ska/-cki/-cka, -wicz, -ova/-ová, -enko, -ović/-ević, -chuk/-czuk ("Kowalska
  soitti", "perhe Petrenko"); Arabic names join a family name with the article al-/el-
  ("Al-Rashid", "Yusuf al-Amin") and a father's name with bin/ibn/bint ("Khalid bin Saeed");
  Vietnamese names put a common family name first and a middle name such as Van or Thi
  second ("Tran Van Duc", "Pham Thi Hoa"). The endings, particles and family names come from
  general knowledge of these naming customs, not from the labelled strings.
- ``first_names_given_elsewhere``: a capitalised first name inside a sentence that the name
  register (name_register.py) counts as common in some country (frequency at least
  ``_COMMON_ANYWHERE``), that no dictionary knows as a word and that is rare as a word
  (Zipf below the masker's word threshold): "Hamid kysyi", "hjälp till Maximilian". The
  register's names given in Finland or Sweden are found already (names.py, lone first
  names); these are the others. A sentence's first word is left out: a capital there says
  nothing.

Both lists are candidates only: names.py's test of no private person (a public figure, a
place, an occasion) judges them as it judges every other name.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.closing_names import a_lone_first_name
from rag.core.privacy.common_words import is_common_anywhere, names_only_a_place
from rag.core.privacy.first_names import (
    base_forms,
    is_first_name,
    is_word_like,
    read_name_list,
    word_threshold,
)
from rag.core.privacy.name_forms import WORD
from rag.core.privacy.name_register import name_register
from rag.core.privacy.names import not_a_person, starts_a_sentence
from rag.core.privacy.word_frequency import zipf
from rag.core.privacy.word_lookalikes import is_function_word, is_system_name

# Slavic surname endings (Polish, Czech, Slovak, Russian, Ukrainian, Serbian, Croatian,
# Bosnian); the feminine -ska/-cka/-ova next to the masculine forms.
_SLAVIC_ENDINGS = (
    "ski", "ska", "cki", "cka", "dzki", "dzka", "wicz", "ova", "ová", "enko", "ović",
    "ević", "ovic", "evic", "chuk", "czuk", "czak",
)  # fmt: skip
# A Slavic ending on a short word is often something else ("Nova", "Aska").
_SLAVIC_MIN_LENGTH = 6
# The common Vietnamese family names (with and without diacritics) and the middle names
# that stand second in a three-part name (Van for men, Thi for women, and other frequent
# ones).
_VIETNAMESE_FAMILY = (
    "Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Hoàng Huynh Huỳnh Phan Vu Vũ Vo Võ "
    "Dang Đặng Bui Bùi Do Đỗ Ho Hồ Ngo Ngô Duong Dương Ly Lý Truong Trương Dinh Đinh "
    "Luong Lương Trinh Trịnh"
).split()
_VIETNAMESE_MIDDLE = (
    "Van Văn Thi Thị Duc Đức Ngoc Ngọc Thanh Quoc Quốc Huu Hữu Hong Hồng Xuan Xuân Minh"
).split()
_SYLLABLE = rf"[{UPPER}Đ][{LOWER}đ]{{1,6}}"
_VIETNAMESE = re.compile(
    rf"(?<![\w-])(?:{'|'.join(_VIETNAMESE_FAMILY)})[ \t]+(?:{'|'.join(_VIETNAMESE_MIDDLE)})"
    rf"[ \t]+{_SYLLABLE}(?![\w-])"
)
# "Al-Rashid", "al-Amin", "El-Sayed", optionally after a capitalised given name; "Khalid bin
# Saeed", "Fatima bint Ali".
_ARABIC_ARTICLE = re.compile(
    rf"(?<![\w-])(?:{WORD}[ \t]+)?(?:[Aa]l|[Ee]l)-[{UPPER}][{LOWER}]{{2,}}(?![\w-])"
)
_ARABIC_LINEAGE = re.compile(rf"(?<![\w-]){WORD}[ \t]+(?:bin|ibn|bint)[ \t]+{WORD}(?![\w-])")
_CAPITALISED = re.compile(rf"(?<![\w'.-])[{UPPER}][{LOWER}]+(?![\w-])")
# How common a name must be in some country of the register (1 rare ... 13 extremely common;
# each step doubles the share): 6 is "common".
_COMMON_ANYWHERE = 6


def _a_word(word: str) -> bool:
    return is_common_anywhere(word)


def _rare_no_word_no_place(word: str) -> bool:
    """Rare as a word (each part of a hyphenated one), in no dictionary, and no place."""
    return (
        all(zipf(part.lower()) < word_threshold() for part in word.split("-"))
        and not _a_word(word)
        and not names_only_a_place(word)
        and not not_a_person(word)
    )


def _slavic_surname(word: str) -> bool:
    return (
        len(word) >= _SLAVIC_MIN_LENGTH
        and word.lower().endswith(_SLAVIC_ENDINGS)
        and _rare_no_word_no_place(word)
    )


def surnames_by_origin(text: str) -> list[tuple[int, int]]:
    """The spans of names built as Slavic, Arabic or Vietnamese names are built."""
    spans = [m.span() for m in _VIETNAMESE.finditer(text)]
    spans += [m.span() for m in _ARABIC_LINEAGE.finditer(text)]
    for match in _ARABIC_ARTICLE.finditer(text):
        start = match.start()
        given = match.group().split()[0] if " " in match.group() else ""
        if given and (_a_word(given) or starts_a_sentence(text, start)):
            start = match.end() - len(match.group().split()[-1])  # "Kysy al-Amin": no name
        spans.append((start, match.end()))
    for match in _CAPITALISED.finditer(text):
        if _slavic_surname(match.group()):
            spans.append(match.span())
    return spans


def _given_elsewhere(word: str) -> bool:
    frequency = name_register().get(word.lower())
    return (
        frequency is not None
        and frequency.anywhere >= _COMMON_ANYWHERE
        and _rare_no_word_no_place(word)
        and not is_function_word(word)
        and not is_system_name(word)
    )


def first_names_given_elsewhere(text: str) -> list[tuple[int, int]]:
    """Capitalised first names inside a sentence that are common somewhere in the world and
    no word."""
    return [
        match.span()
        for match in _CAPITALISED.finditer(text)
        if not starts_a_sentence(text, match.start()) and _given_elsewhere(match.group())
    ]


# A family named by its surname: "familjen X", "perhe X", "family X", "the X family",
# "X family", "Familie X" (Finnish, Swedish, English, German word order).
_FAMILY_BEFORE = re.compile(
    rf"(?<![\w-])(?:familjen|perhe|family|familie)[ \t]+(?P<name>{WORD})(?![\w-])",
    re.IGNORECASE,
)
_FAMILY_AFTER = re.compile(rf"(?<![\w'-])(?P<name>{WORD})[ \t]+(?:family|familjen)(?![\w-])")


def _rare_capitalised(word: str) -> bool:
    return word[:1].isupper() and _rare_no_word_no_place(word) and not is_function_word(word)


def family_surnames(text: str) -> list[tuple[int, int]]:
    """A rare capitalised word that a family noun names as a family's surname."""
    spans = []
    for pattern in (_FAMILY_BEFORE, _FAMILY_AFTER):
        for match in pattern.finditer(text):
            if _rare_capitalised(match.group("name")):
                spans.append(match.span("name"))
    return spans


# Fourth try: a register of common surnames by origin (origin_surnames.txt) as a name's
# second word after any first name, words too ("Ben Carter", "Ana Ferreiralle"), or after a
# title ("Mr. Kowalski", "rouva Nguyen").
_SURNAMES = Path(__file__).with_name("origin_surnames.txt")
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|Herr|Frau|herra|rouva|herr|fru)\.?"
# the first name and, in a look-ahead, the surname: pairs may overlap ("Kysy Ana Nowak")
_PAIR = re.compile(rf"(?<![\w'.-])(?P<first>{WORD})(?=[ \t]+(?P<last>{WORD})(?![\w-]))")
_TITLED = re.compile(rf"(?<![\w-]){_TITLES}[ \t]+(?P<last>{WORD})(?![\w-])")
# A surname of two letters ("Xu", "Ma", "He") is a syllable or a word too often.
_SHORTEST_SURNAME = 3


@cache
def _origin_surnames() -> frozenset[str]:
    plain, word_like = read_name_list(_SURNAMES)
    return frozenset(
        name
        for name in plain | word_like
        if len(name) >= _SHORTEST_SURNAME
        and " " not in name
        and zipf(name) < word_threshold()
        and not _a_word(name)
    )


def _origin_surname(word: str) -> bool:
    """A listed surname, as written or under a case ending ("Ferreiralle", "Nowakin")."""
    surnames = _origin_surnames()
    lowered = word.lower().removesuffix("'s")
    return lowered in surnames or any(form in surnames for form in base_forms(lowered))


def origin_surname_pairs(text: str) -> list[tuple[int, int]]:
    """A first name before a listed surname of another origin, and such a surname after a
    title."""
    spans = [
        (match.start(), match.end("last"))
        for match in _PAIR.finditer(text)
        if is_first_name(match.group("first")) and _origin_surname(match.group("last"))
    ]
    spans += [m.span("last") for m in _TITLED.finditer(text) if _origin_surname(m.group("last"))]
    return spans


# Fifth try: two first names of any origin joined by "ja"/"och"/"and"/"&", neither found
# alone ("Maximilian och Gabriel", "Otto ja Ilmari"): two names side by side are children,
# a couple or siblings more often than two words that happen to be names.
_JOINED = re.compile(
    rf"(?<![\w'.-])(?P<one>{WORD})[ \t]+(?:ja|och|and|&|sekä|samt)[ \t]+(?P<two>{WORD})(?![\w-])"
)


def coordinated_first_names(text: str) -> list[tuple[int, int]]:
    """Both names of a pair of first names joined by a conjunction, when at least one of the
    two is no word."""
    spans = []
    for match in _JOINED.finditer(text):
        one, two = match.group("one"), match.group("two")
        if not (a_lone_first_name(one) and a_lone_first_name(two)):
            continue
        if is_word_like(one) and is_word_like(two):
            continue  # "Toivo ja Usko": two words may be hope and faith
        spans += [match.span("one"), match.span("two")]
    return spans
