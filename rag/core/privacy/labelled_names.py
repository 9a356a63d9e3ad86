"""A name that a naming word presents in running text (the hundred-and-fifth round): "med
namnet ALVA på lappen", "ajokortti nimellä tuomas rinne ja osoite ...", "lapsen nimi kaapo
mikael lehto, syntynyt ...", "työntekijää nimeltä 'Sanna-Kaisa'", "Hon heter Aina Hägg och
bor ...", "silloinen sukunimi Tuominen.".

The name rules read a label that opens a field ("Nimi: Matti Virtanen"); inside a sentence
the same words ("namnet", "nimellä", "heter", "booking name") say as plainly that a name
follows, but the name is often in lower case or in capitals, or a first name that is also a
word ("Aina", "Vilja"), which the other rules leave alone without evidence. Here the naming
word is the evidence. What follows must still read as a person's name:
- a first name of the lists or registers (word-like too), then perhaps middle names, initials
  ("k.", "H.") and a surname written in the same letter case (in lower case: a register
  surname);
- or, after a word for a surname ("sukunimi", "efternamn", "surname"), one capitalised word or a
  register surname;
and the name must end where a name ends: at punctuation, a quote, the line's end, a
conjunction or preposition, a number, or (for a name not in lower case) a lower-case word.
Like name_forms.py the module only reads the text; names.py applies its guards and counts the
naming word as a lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.name_forms import Candidate
from rag.core.privacy.population_names import population_surnames
from rag.core.privacy.word_lookalikes import is_function_word

# Words that present a name; the second group presents a surname alone.
_NAMING = (
    r"nimi|nimeni|nimellä|nimeltä|nimeltään|etunimi|kutsumanimi|namn|namnet|heter|hette|"
    r"kallas|förnamn|tilltalsnamn|namnskylt|name|named|called"
)
_SURNAME_NAMING = r"sukunimi|sukunimeltään|efternamn|efternamnet|surname|last\s+name"
# A word of a name in any letter case, hyphenated parts and an initial's full stop allowed
# (number_holders.py reads the words before a number with it too).
NAME_RUN_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*\.?"
_WORD = NAME_RUN_WORD
_LABELLED = re.compile(
    rf"(?<![\w-])(?:(?P<surname>(?i:{_SURNAME_NAMING}))|(?i:{_NAMING}))"
    r"(?:[ \t]*:|[ \t]+(?i:on|är|is|was|oli|var))?[ \t]+(?P<quote>['\"‘’“”]?)"
    rf"(?P<words>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
)
# A pet is named so too ("kissa ... nimeltään Misu", "en katt ... heter Pelle"): an animal
# word earlier in the sentence makes the name no person's.
_ANIMAL = re.compile(
    r"(?i)(?<!\w)(?:kissa|kisu|koira|koiranpentu|kani|marsu|hamsteri|hevonen|poni|papukaija|"
    r"katt|katten|kissen|hund|hunden|valp|kanin|marsvin|häst|hästen|ponny|papegoja|"
    r"cat|kitten|dog|puppy|rabbit|horse|pony|parrot)\w{0,4}(?!\w)"
)
_SENTENCE_START = re.compile(r"[.!?\n][^.!?\n]*\Z")
_INITIAL = re.compile(r"[^\W\d_]\.\Z")
# After a name in lower case, what ends it: punctuation, a quote, the line's end, a
# conjunction or preposition, a number, or the next field's label.
_ENDS_LOWER = re.compile(
    r"[ \t]*(?:$|[,.!?:;()'\"‘’“”/\-–—]|\d|"
    r"(?:ja|och|and|o|eli|på|i|in|at|hetu|henkilötunnus|syntynyt|synt|född|puh|puhelin|tel|"
    r"tfn|osoite|adress|address|email|e-post|sähköposti)(?![\w]))",
    re.MULTILINE,
)
# After a capitalised name or one in capitals, any word but one in capitals ends it too (a
# word with a small letter: "namnet ALVA på lappen", "heter Aina Hägg och"); a word in
# capitals after it may be more of a name in capitals, and the name is left.
_ENDS_CASED = re.compile(
    r"[ \t]*(?:$|[^\w \t]|\d|[ \t]*[^\W\d_]*[a-zåäöéü][^\W\d_]*)", re.MULTILINE
)


def _case(word: str) -> str:
    """How ``word`` is written: "upper" (capitals, more than one letter), "title", "lower"."""
    if word.isupper() and len(word.rstrip(".")) > 1:
        return "upper"
    return "title" if word[:1].isupper() else "lower"


def _surname(word: str, case: str) -> bool:
    """Whether ``word`` continues a name written in ``case`` as its surname."""
    if _case(word) != case or word.endswith("."):
        return False
    return case != "lower" or word in population_surnames()


def name_words(words: list[str]) -> list[str]:
    """The words of ``words`` that make up the name its first word opens: middle names,
    initials and one surname in the first word's letter case."""
    case = _case(words[0])
    taken = [words[0]]
    for word in words[1:]:
        if _INITIAL.match(word) and (case != "lower" or word[0].islower()):
            taken.append(word)
            continue
        if word.endswith("."):
            break
        if is_first_name(word) and _case(word) == case and not _surname(word, case):
            taken.append(word)  # a middle name ("matti juhani kosonen")
            continue
        if _surname(word, case):
            taken.append(word)
        break
    return taken


def _names_a_pet(text: str, start: int) -> bool:
    """Whether an animal word stands earlier in the sentence of ``start``."""
    before = text[max(0, start - 200) : start]
    opening = _SENTENCE_START.search(before)
    return _ANIMAL.search(before[opening.start() + 1 :] if opening else before) is not None


def names_after_naming_words(text: str) -> Iterator[Candidate]:
    """The names that a naming word presents."""
    for match in _LABELLED.finditer(text):
        words = match.group("words").split()
        first = words[0].rstrip(".")
        if first.islower() and (len(first) < 3 or is_function_word(first)):
            continue  # "nimi ja osoite": a conjunction, no name
        if _names_a_pet(text, match.start()):
            continue
        if match.group("surname") is not None:
            if not (first[:1].isupper() or first in population_surnames()):
                continue
            taken = [first]
        else:
            if not is_first_name(first):
                continue
            taken = name_words([first, *words[1:]])
        start = match.start("words")
        end = start
        for word in taken:
            end = text.index(word, end) + len(word)
        ends = _ENDS_LOWER if _case(taken[0]) == "lower" else _ENDS_CASED
        if not (match.group("quote") or ends.match(text, end)):
            continue
        yield Candidate(start, end, tuple(taken))
