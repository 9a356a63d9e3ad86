"""What the statistical name tagger sees of each token: its shape, its ending, whether the name
register or the rules know it, how frequent it is as a word, and the same of its neighbours.

A capitalised word's own spelling is never a feature, so the tagger cannot learn the names it
was trained on by heart; it learns what names look like and where they stand. Lower-case
words that are frequent in Finnish, Swedish or English ("terveisin", "puheenjohtaja", "and")
and punctuation are features as themselves: they are the context that announces a name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from rag.core.privacy.finnish_morphology import read_word
from rag.core.privacy.first_names import (
    base_forms,
    is_confident_first_name,
    is_first_name,
    is_hand_listed,
    is_inflected_first_name,
    is_local_first_name,
    is_word_like,
    on_configure,
)
from rag.core.privacy.name_register import name_register
from rag.core.privacy.names import chat_style, not_a_person, surname_alone, surname_shaped
from rag.core.privacy.spans import PiiSpan
from rag.core.privacy.word_frequency import LANGUAGES, zipf, zipf_in
from rag.core.privacy.word_vectors import DIMENSIONS, word_vectors

#: A word with its inner hyphens and apostrophes ("Leino-Karjalaista", "O'Brien"), or one
#: other character (a full stop after an initial, a comma in a list, a colon after a label).
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\S")
# Below this Zipf frequency a lower-case word is not a feature as itself: rare words would be
# learnt by heart (and a lower-case name in chat is rare as a word).
_CONTEXT_WORD_ZIPF = 3.5
_SENTENCE_END = {".", "!", "?", ":", ";"}
#: The groups of features, each switchable (the training script measures them).
GROUPS = (
    "shape",
    "suffix",
    "register",
    "frequency",
    "rules",
    "context",
    "position",
    "run",
    "morphology",
    "vector",
)
#: A token's features: names, or names with weights once the word's vector is among them.
Features = list[str] | dict[str, float]


def tokenize(text: str) -> list[tuple[int, int]]:
    """The [start, end) of every token of the text."""
    return [m.span() for m in TOKEN.finditer(text)]


def _shape(word: str) -> str:
    if not word[0].isalnum():
        return "punct"
    if any(c.isdigit() for c in word):
        return "digit"
    if word.isupper():
        return "upper1" if len(word) == 1 else "upper"
    if word[0].isupper():
        return "title"
    return "lower" if word.islower() else "mixed"


def _length(word: str) -> str:
    size = len(word)
    return (
        "1"
        if size == 1
        else "2"
        if size == 2
        else "3-4"
        if size <= 4
        else "5-7"
        if size <= 7
        else "8+"
    )


@cache
def _context_word(word: str) -> str | None:
    """The token itself when it may be a feature: punctuation or a frequent lower-case word."""
    if not word[0].isalnum():
        return word
    # a known first name in lower case ("jani") is no context word, however frequent
    if (
        word.islower()
        and zipf(word) >= _CONTEXT_WORD_ZIPF
        and not is_first_name(word, word_like=False)
    ):
        return word
    return None


# Marks a first name may have besides being one: in a case form, in the hand list, no word at
# all, given in Finland or Sweden (first_names.py).
_FIRST_NAME_TESTS = (
    ("first-inflected", is_inflected_first_name),
    ("hand", is_hand_listed),
    ("confident", is_confident_first_name),
    ("local", is_local_first_name),
)


@cache
def _name_marks(word: str) -> tuple[str, ...]:
    """What the name register and the hand list say of the word."""
    if not word[0].isalpha():
        return ()
    marks = []
    if is_first_name(word, word_like=False):
        marks.append("first")
    elif is_word_like(word):
        marks.append("first-word-like")
    marks += [mark for mark, test in _FIRST_NAME_TESTS if test(word)]
    register = name_register()
    lowered = word.lower()
    if lowered in register:
        marks.append("register")
    elif any(form in register for form in base_forms(word)):
        marks.append("register-inflected")
    capitalised = word[:1].upper() + word[1:]
    if surname_alone(capitalised):
        marks.append("surname-ending")
    elif surname_shaped(word):
        marks.append("surname-shaped")
    if not_a_person(word):
        marks.append("not-a-person")
    return tuple(marks)


@cache
def _own_features(word: str, groups: frozenset[str]) -> tuple[str, ...]:
    """The features of a token that do not depend on where it stands."""
    features = []
    alpha = word[0].isalpha()
    if "shape" in groups:
        features += [f"shape={_shape(word)}", f"len={_length(word)}"]
        if "-" in word:
            features.append("hyphen")
        if "'" in word or "’" in word:
            features.append("apostrophe")
    context = _context_word(word)
    if context is not None:
        features.append(f"word={context}")
    if alpha and "suffix" in groups and len(word) >= 3:
        lowered = word.lower()
        features += [f"suffix{n}={lowered[-n:]}" for n in (2, 3, 4) if len(lowered) > n]
    if alpha and "register" in groups:
        features += [f"name={mark}" for mark in _name_marks(word)]
    if alpha and "morphology" in groups:
        features += _morphology(word)
    if alpha and "frequency" in groups:
        for language in LANGUAGES:
            features.append(f"zipf-{language}={min(int(zipf_in(word, language)), 6)}")
        if word[0].isupper():
            features.append(f"zipf-capitalised={min(int(zipf(word)), 6)}")
    return tuple(features)


on_configure(_name_marks.cache_clear)
on_configure(_own_features.cache_clear)


@cache
def _neighbour_features(word: str, offset: int, groups: frozenset[str]) -> tuple[str, ...]:
    features = [f"{offset}:shape={_shape(word)}"]
    context = _context_word(word)
    if context is not None:
        features.append(f"{offset}:word={context}")
    if "morphology" in groups and word[0].isalpha() and abs(offset) == 1:
        features += [f"{offset}:{f}" for f in _morphology(word)]
    if "register" in groups and word[0].isalpha():
        marks = _name_marks(word)
        features += [f"{offset}:name={m}" for m in marks if m in ("first", "surname-ending")]
    return tuple(features)


on_configure(_neighbour_features.cache_clear)


def _morphology(word: str) -> list[str]:
    """What Voikko says of the word (finnish_morphology.py): a person's name only, a name and
    a word, a place, a common word, unknown; and whether its person reading is a first name
    or a surname ("Tali", "Kivikon" are words; "Lindholm" a surname)."""
    reading = read_word(word)
    features = [f"voikko={reading.kind.value}"]
    if reading.first_name:
        features.append("voikko-first")
    if reading.surname:
        features.append("voikko-surname")
    return features


# What the register, the hand list or a surname's own ending says of a name.
_EVIDENCE = {
    "first",
    "first-word-like",
    "first-inflected",
    "hand",
    "register",
    "register-inflected",
    "surname-ending",
}


def name_evidence(word: str) -> bool:
    """Whether the word is a known first name (in any case form, from any country) or has an
    ending only surnames have: what a tagged name needs beside its shape and context."""
    return bool(word) and bool(_EVIDENCE.intersection(_name_marks(word)))


def _lines(text: str, tokens: Sequence[tuple[int, int]]) -> tuple[list[int], dict[int, int]]:
    """The line number of every token and the number of word tokens on each line."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    numbers = [bisect_right(line_starts, start) - 1 for start, _ in tokens]
    words: dict[int, int] = {}
    for number, (start, _) in zip(numbers, tokens, strict=True):
        if text[start].isalnum():
            words[number] = words.get(number, 0) + 1
    return numbers, words


def sequence_features(
    text: str,
    tokens: Sequence[tuple[int, int]],
    rule_names: Sequence[PiiSpan],
    groups: frozenset[str] = frozenset(GROUPS),
    whole_text: bool = True,
) -> list[Features]:
    """The features of every token of ``tokens`` (of ``text``); ``rule_names`` are the names
    the rules found (a feature when ``rules`` is among the groups). Without ``whole_text`` the
    tokens are some lines of the text only, and its last line is still the text's."""
    words = [text[start:end] for start, end in tokens]
    in_rules = [any(s.start < end and start < s.end for s in rule_names) for start, end in tokens]
    chat = chat_style(text)
    line_of, words_on_line = _lines(text, tokens)
    last_line = line_of[-1] if tokens and whole_text else text.rstrip().count("\n")
    context = "context" in groups
    position = "position" in groups
    rules = "rules" in groups
    run = "run" in groups
    runs = _run_features(text, words, tokens) if run else []
    count = len(tokens)
    sequence: list[Features] = []
    for index, (_, end) in enumerate(tokens):
        features = ["bias", *_own_features(words[index], groups)]
        if rules and in_rules[index]:
            features.append("rule-name")
        if context:
            for offset in (-2, -1, 1, 2):
                other = index + offset
                if 0 <= other < count:
                    features += _neighbour_features(words[other], offset, groups)
                    if rules and in_rules[other]:
                        features.append(f"{offset}:rule-name")
                else:
                    features.append(_EDGES[offset])
            if index + 1 < count:
                gap = text[end : tokens[index + 1][0]]
                features.append(_GAPS.get(gap) or _gap(gap))
        if position:
            line = line_of[index]
            if index == 0 or line_of[index - 1] != line:
                features.append("line-start")
            elif words[index - 1] in _SENTENCE_END:
                features.append("after-sentence-end")
            if line == last_line:
                features.append("last-line")
            features.append(_LINE_WORDS[min(words_on_line.get(line, 0), 7)])
            if chat:
                features.append("chat")
        if run:
            features += runs[index]
        sequence.append(features)
    if "vector" in groups:
        return _with_vectors(sequence, words, chat)
    return sequence


def _with_vectors(sequence: list[Features], words: Sequence[str], chat: bool) -> list[Features]:
    """Each capitalised word (in chat, each word) with its vector's components as weighted
    features (word_vectors.py): what a pretrained model knows of the word decides beside its
    shape, not the word's spelling."""
    wanted = [
        index
        for index, word in enumerate(words)
        if word[0].isalpha() and len(word) > 1 and (word[0].isupper() or chat)
    ]
    if not wanted:
        return sequence
    vectors = word_vectors().of(words[index] for index in wanted)
    weighted: list[Features] = [dict.fromkeys(features, 1.0) for features in sequence]
    for index in wanted:
        token = weighted[index]
        assert isinstance(token, dict)
        token.update(zip(_VECTOR_NAMES, vectors[words[index]].tolist(), strict=True))
    return weighted


_VECTOR_NAMES = tuple(f"vector{i}" for i in range(DIMENSIONS))


def _run_features(
    text: str, words: Sequence[str], tokens: Sequence[tuple[int, int]]
) -> list[list[str]]:
    """Per token, where it stands among capitalised words side by side (one space between,
    on one line) and how frequent as words the others of that run are: a person's name is a
    run of two or three rare words, a place, event or headline is often one word or a longer
    run of frequent ones ("Kontula Urban Film Festivalista", "London City Airport")."""
    features: list[list[str]] = [[] for _ in words]
    index = 0
    while index < len(words):
        if not _capitalised_word(words[index]):
            index += 1
            continue
        end = index + 1
        while (
            end < len(words)
            and _capitalised_word(words[end])
            and text[tokens[end - 1][1] : tokens[end][0]] == " "
        ):
            end += 1
        size = end - index
        for member in range(index, end):
            others = [zipf(words[o]) for o in range(index, end) if o != member]
            place = (
                "alone"
                if size == 1
                else "first"
                if member == index
                else "last"
                if member == end - 1
                else "inner"
            )
            features[member] += [f"run-len={min(size, 4)}", f"run-place={place}"]
            if others:
                features[member].append(f"run-others-zipf={min(int(max(others)), 6)}")
        index = end
    return features


def _capitalised_word(word: str) -> bool:
    return word[:1].isupper()


_EDGES = {offset: f"{offset}:edge" for offset in (-2, -1, 1, 2)}
_LINE_WORDS = [f"line-words={n}" for n in range(8)]


def _gap(gap: str) -> str:
    return "gap-after=" + ("newline" if "\n" in gap else gap[:1] or "none")


_GAPS = {gap: _gap(gap) for gap in ("", " ", "  ", "\n", "\t")}
