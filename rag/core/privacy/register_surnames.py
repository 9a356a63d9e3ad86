"""A lower-case surname of the population registers beside a lower-case first name found:
"hei oon liisa nieminen", "saaja tiina leppänen", "virtasen ari soitti".

Someone typing on a phone writes a whole name without capitals. The other rules find the
first name ("liisa", a known first name in a chat, after "nimellä" …) but join the word after
it only when it has a surname's own shape or Voikko reads it as a person's name; most
Finnish surnames are also places or words to Voikko ("nieminen", "mäkelä", "salo", "rinne"),
and "-minen" is a verbal noun's ending. Here the evidence is the registers' own list of the
most common surnames (population_names.population_surnames, read from Faker's fi_FI and
sv_SE locales, not chosen by hand), in any case form ("tiina salon avaimet", "matti
laineelle"), and a first name found right beside it:

- after the first name ("liisa nieminen", "jari nieminen", "anna-karin ek");
- before it in the genitive, the spoken order of Finnish ("virtasen ari", "rautiaisen leena").

A first name alone is needed, in its base form (a Finnish name is inflected on its surname);
the surname is never masked without it, since many of the registers' surnames are words.

``a_capitalised_register_surname`` serves names.py's ``register_pairs``: a hand-listed first
name and a capitalised register surname right after it ("Marja Rinne", "Satu Vainio"), where
both words are words or places too; ``a_plain_register_surname`` its
``register_surnames_alone``: a register surname alone inside a sentence that no dictionary
has as a common word ("Soitin Heikkilälle"; not "Salo", "Berg").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rag.core.privacy.addresses import LOWER
from rag.core.privacy.common_words import is_common_anywhere
from rag.core.privacy.first_names import base_forms, is_first_name
from rag.core.privacy.population_names import population_surnames
from rag.core.privacy.spans import PiiSpan, SpanIndex

_LOWER_WORD = rf"[{LOWER}]+(?:-[{LOWER}]+)?"
_FIRST_NAME = re.compile(rf"{_LOWER_WORD}\Z")
# (not a user name's part: "liisa nieminen.78@…")
_WORD_AFTER = re.compile(rf"[ \t]+({_LOWER_WORD})(?![\w@]|[.'’-]\w)")
_GENITIVE_BEFORE = re.compile(rf"(?<![\w@.'’-])([{LOWER}]+n)[ \t]+\Z")
_ILLATIVE = re.compile(r"([aeiouyäö])\1n\Z|h[aeiouyäö]n\Z|seen\Z")


def register_surname(word: str) -> bool:
    """Whether a lower-case word is one of the registers' surnames, in any case form."""
    surnames = population_surnames()
    return any(form in surnames for form in (word, *base_forms(word)))


def a_capitalised_register_surname(word: str) -> bool:
    """A capitalised word that is one of the registers' surnames, as it stands or in the
    genitive ("Rinne", "Laakson", "Holms"; not a place's local case, "Kalliossa")."""
    if not word[:1].isupper() or not word[1:].islower():
        return False
    lowered = word.lower()
    surnames = population_surnames()
    if lowered in surnames:
        return True
    return lowered.endswith(("n", "s")) and (
        lowered[:-1] in surnames or _a_genitive_surname(lowered)
    )


def a_plain_register_surname(word: str) -> bool:
    """A capitalised word that is a register surname in any case form and, in each form it
    may have, no common word of Finnish, Swedish or English ("Heikkilä", "Lindbergs",
    "Niemiselle"; not "Salo", "Berg", "Laine")."""
    if not word[:1].isupper() or not word[1:].islower():
        return False
    lowered = word.lower()
    surnames = population_surnames()
    forms = [form for form in (lowered, *base_forms(word)) if form in surnames]
    return bool(forms) and not any(is_common_anywhere(form) for form in (lowered, *forms))


def _a_genitive_surname(word: str) -> bool:
    """A surname of the registers in the genitive ("virtasen", "salon"; not the illative
    "saloon", "koskeen")."""
    surnames = population_surnames()
    return (
        word not in surnames
        and _ILLATIVE.search(word) is None
        and any(form in surnames for form in base_forms(word))
    )


def with_register_surnames(
    text: str,
    found: Sequence[PiiSpan],
    taken: Sequence[PiiSpan],
    not_a_person: Callable[[str], bool],
) -> list[PiiSpan]:
    """``found`` with each lone lower-case first name stretched over a register surname beside
    it (module docstring); ``taken`` (other kinds' spans) and the other names stay apart, and
    ``not_a_person`` (a place, office or month) is never a surname."""
    # (one index of every span, and each word a name stretches over added to it: a text with
    # thousands of names is read in n log n, not n²)
    index = SpanIndex([*taken, *found])
    result = []
    for span in found:
        word = text[span.start : span.end]
        if span.kind != "NAME" or not _FIRST_NAME.match(word) or not is_first_name(word):
            result.append(span)
            continue
        start, end = span.start, span.end
        after = _WORD_AFTER.match(text, end)
        if (
            after is not None
            and register_surname(after.group(1))
            and not is_first_name(after.group(1))
            and not not_a_person(after.group(1).capitalize())
            and not index.overlaps(after.start(1), after.end(1))
        ):
            end = after.end(1)
        before = _GENITIVE_BEFORE.search(text, max(0, start - 40), start)
        if (
            before is not None
            and _a_genitive_surname(before.group(1))
            and not not_a_person(before.group(1).capitalize())
            and not index.overlaps(before.start(1), before.end(1))
        ):
            start = before.start(1)
        stretched = PiiSpan(start, end, span.kind)
        if stretched != span:
            index.add(stretched)
        result.append(stretched)
    return result


__all__ = [
    "a_capitalised_register_surname",
    "a_plain_register_surname",
    "register_surname",
    "with_register_surnames",
]
