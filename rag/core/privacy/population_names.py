"""The most common first names of Finland's and Sweden's population registers, as the Faker
package ships them for its fi_FI and sv_SE locales (``faker.providers.person``; its own
comments name the sources: the Digital and Population Data Services Agency's open name
statistics at avoindata.fi, and the Swedish name statistics of Skatteverket and the
Institute for Language and Folklore). Only those lists are read; no fake data is made. The
same locales' most common surnames (400 Finnish, 500 Swedish) are read for
register_surnames.py.

The hand list (first_names.txt) and the 2008 name dictionary of name_register.py miss names
given in Finland and Sweden since ("Joonatan", "Vilgot", "Engla", "Algot") and hold others
only as register names, weaker evidence than the hand list ("Anssi", "Riku", "Miika"). These
lists are a third source, trusted as the hand list is.

They are sorted as resident_names.txt is, by the dictionaries and not by hand: a name whose
lower-case form is a common word of Voikko or the Swedish or English word list at Zipf 3 or
more in that language ("Aina" always, "Tindra" sparkle), that Voikko knows only as a place, or
that has three letters or fewer ("Neo", "Kim") is word-like; the others are plain.
"""

from __future__ import annotations

import importlib
from functools import cache

from rag.core.privacy.common_words import is_common_word, names_only_a_place
from rag.core.privacy.name_register import NameDataError
from rag.core.privacy.word_frequency import LANGUAGES, zipf_in

_LOCALES = ("fi_FI", "sv_SE")
_COMMON_WORD_ZIPF = 3.0
_SHORT = 3


def _locale_names(locale: str, field: str = "first_names") -> list[str]:
    module = f"faker.providers.person.{locale}"
    try:
        names = getattr(importlib.import_module(module).Provider, field)
    except (ImportError, AttributeError) as error:
        what = field.replace("_", " ")
        raise NameDataError(
            f"the {what} of {module} cannot be read ({error}); "
            "install the project's dependencies (make install)"
        ) from error
    # a tuple in some locales, a name → weight mapping in others
    return [str(name) for name in names]


def _word_like(name: str) -> bool:
    return (
        len(name) <= _SHORT
        or names_only_a_place(name)
        or any(
            is_common_word(name, language) and zipf_in(name, language) >= _COMMON_WORD_ZIPF
            for language in LANGUAGES
        )
    )


@cache
def population_first_names() -> tuple[frozenset[str], frozenset[str]]:
    """The registers' names in lower case: the plain ones, and the word-like ones."""
    # a hyphenated name counts by its parts (first_names.is_first_name), as in the hand list
    names = {
        name.lower() for locale in _LOCALES for name in _locale_names(locale) if name.isalpha()
    }
    word_like = frozenset(name for name in names if _word_like(name))
    return frozenset(names - word_like), word_like


@cache
def population_surnames() -> frozenset[str]:
    """The registers' most common surnames in lower case ("nieminen", "mäkelä", "nyström"):
    many are words too ("salo", "koski", "ek"), so they count only beside a first name."""
    return frozenset(
        name.lower()
        for locale in _LOCALES
        for name in _locale_names(locale, "last_names")
        if name.replace("-", "").isalpha()
    )
