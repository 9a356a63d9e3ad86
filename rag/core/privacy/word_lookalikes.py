"""Capitalised words that are first names and, in the text they stand in, name no person: the
name of a system, service or brand that public-sector and everyday text in Finland and Sweden
writes often ("Ilmoita poissaolosta Wilmassa", "ilmoitus julkaistaan Hilmassa", "Elisan
liittymä", "Otto-automaatti", "Dell toimitti koneet"), and a function word that is also a
name, opening a sentence ("Inga synpunkter har inkommit": "no comments"; "Hans förslag":
"his proposal").

names.py drops a one-word name of these kinds after finding it, unless a lead ("Hej Inga!",
"Terveisin Elisa") or a person's evidence nearby shows a person; a name with its surname
("Elisa Virtanen", "Inga Lindqvist") is a person and stays.

Both lists are general knowledge, not the labelled strings: the systems are the ones every
Finnish school, procurement unit or household meets (named below); the function words are
judged by the dictionaries and wordfreq, not by hand.
"""

from __future__ import annotations

from functools import cache

from rag.core.privacy.common_words import is_common_word
from rag.core.privacy.first_names import base_forms
from rag.core.privacy.word_frequency import zipf_in

# Systems, services and brands that carry a first name and that public text names far more
# often than a person of that name alone: Wilma (schools' administration and messaging),
# Hilma (public procurement notices), Elisa (telecom operator), Otto (the cash machine
# network), Dell (computers), Siri and Alexa (voice assistants).
SYSTEM_NAMES = frozenset({
    "wilma", "hilma", "elisa", "otto", "dell", "siri", "alexa",
})  # fmt: skip

# A word this frequent (Zipf, in a language whose dictionary holds it as a common word) is a
# function word or one of the commonest words of that language ("inga" none, "hans" his):
# the few hundred most frequent words lie above it.
FUNCTION_WORD_ZIPF = 5.5


@cache
def is_system_name(word: str) -> bool:
    """Whether ``word`` is a system's or brand's name of the list, as written or in a case
    form ("Wilmassa", "Hilmaan", "Elisan")."""
    lowered = word.lower()
    return lowered in SYSTEM_NAMES or any(form in SYSTEM_NAMES for form in base_forms(word))


@cache
def is_function_word(word: str) -> bool:
    """Whether ``word``, lower-cased, is a common word of Swedish or English frequent enough
    to be a function word ("inga", "hans"); Finnish names that are frequent as names
    ("Matti") stay below the bar."""
    lowered = word.lower()
    return any(
        bool(is_common_word(lowered, language)) and zipf_in(lowered, language) >= FUNCTION_WORD_ZIPF
        for language in ("sv", "en")
    )
