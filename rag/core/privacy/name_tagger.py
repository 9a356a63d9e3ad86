"""A statistical name tagger beside the rules: a linear-chain CRF (CRFsuite) that marks the
tokens of people's names (BIO), trained here on the labelled parts (tests/data/pii/) by
``python -m bench.train_name_tagger``. No pretrained weights: the model file is derived from
the labelled strings only, and the features (tagger_features.py) hold no capitalised word.

A token is part of a name when the model's marginal probability that it is not outside a
name reaches the threshold stored beside the model; neighbouring such tokens on one line
make one span.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from rag.core.privacy.first_names import is_confident_first_name, is_hand_listed
from rag.core.privacy.names import (
    NameFinder,
    chat_style,
    first_letter,
    names_a_place,
    names_a_venue,
    not_a_person,
    starts_a_sentence,
)
from rag.core.privacy.person_context import confirmed
from rag.core.privacy.spans import PiiSpan, overlaps
from rag.core.privacy.tagger_features import GROUPS, name_evidence, sequence_features, tokenize
from rag.core.privacy.word_vectors import VectorEvidence

MODEL = Path(__file__).with_name("name_tagger.crfsuite")
SETTINGS = Path(__file__).with_name("name_tagger.json")


class TaggerModelError(RuntimeError):
    """The tagger's model file or its settings file is missing or cannot be read."""


@dataclass(frozen=True)
class TaggerSettings:
    """What the model was trained with and the threshold chosen for it."""

    threshold: float
    groups: frozenset[str]
    guards: bool = True  # the rules' guards veto a tagged name (places, bodies, venues)
    confirm: bool = False  # a tagged name needs a person's context (person_context.py)
    candidate_lines: bool = False  # tag only the lines with a name-like word the rules left
    # what the words' vectors say of them, a name's evidence for the guards (word_vectors.py)
    vector_evidence: VectorEvidence | None = None


def read_settings(path: Path) -> TaggerSettings:
    """The settings stored beside a model (a JSON object with ``threshold`` and ``groups``)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        settings = TaggerSettings(
            float(raw["threshold"]),
            frozenset(raw["groups"]),
            bool(raw.get("guards", True)),
            bool(raw.get("confirm", False)),
            bool(raw.get("candidate_lines", False)),
            (
                VectorEvidence.from_json(raw["vector_evidence"])
                if raw.get("vector_evidence") is not None
                else None
            ),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise TaggerModelError(
            f"the name tagger's settings {path} cannot be read ({error}); "
            "retrain it with `python -m bench.train_name_tagger`"
        ) from error
    if not 0 < settings.threshold <= 1 or not settings.groups <= set(GROUPS):
        raise TaggerModelError(f"{path}: threshold or feature groups out of range")
    return settings


class NameTagger:
    """Finds names with a trained CRF model (``model``) at a probability threshold."""

    def __init__(self, model: Path, settings: TaggerSettings) -> None:
        self.settings = settings
        self._tagger = pycrfsuite.Tagger()
        try:
            if not model.is_file():
                raise OSError("no such file")
            self._tagger.open(str(model))
        except (OSError, ValueError) as error:
            raise TaggerModelError(
                f"the name tagger's model {model} cannot be read ({error}); "
                "retrain it with `python -m bench.train_name_tagger`"
            ) from error

    def probabilities(
        self,
        text: str,
        rule_names: Sequence[PiiSpan],
        tokens: Sequence[tuple[int, int]] | None = None,
    ) -> list[float]:
        """Per token (of ``tokenize(text)`` unless given), the probability that it belongs to
        a name."""
        tokens = tokenize(text) if tokens is None else tokens
        if not tokens:
            return []
        if not self.settings.candidate_lines:
            return self._chances(text, tokens, rule_names, whole_text=True)
        # Only the lines with a word of a name's evidence outside the rules' names are tagged
        # (each block of such lines alone): most lines of real prose have none.
        chances = [0.0] * len(tokens)
        for block in candidate_blocks(text, tokens, rule_names):
            for index, chance in zip(
                block,
                self._chances(text, [tokens[i] for i in block], rule_names, whole_text=False),
                strict=True,
            ):
                chances[index] = chance
        return chances

    def _chances(
        self,
        text: str,
        tokens: Sequence[tuple[int, int]],
        rule_names: Sequence[PiiSpan],
        whole_text: bool,
    ) -> list[float]:
        features = sequence_features(text, tokens, rule_names, self.settings.groups, whole_text)
        self._tagger.set(features)
        marginal = self._tagger.marginal
        return [1.0 - marginal("O", i) for i in range(len(tokens))]

    def find(self, text: str, rule_names: Sequence[PiiSpan]) -> list[tuple[int, int]]:
        """The [start, end) of the names in ``text``, given the names the rules found."""
        tokens = tokenize(text)
        evidence = self.settings.vector_evidence
        if (
            self.settings.guards
            and evidence is None
            and not any(name_evidence(text[a:b]) for a, b in tokens)
        ):
            return []  # the guards keep no name without a known name or surname in it
        probabilities = self.probabilities(text, rule_names, tokens)
        spans = name_runs(text, tokens, probabilities, self.settings.threshold)
        spans = guarded(text, spans, evidence) if self.settings.guards else spans
        if self.settings.confirm:
            spans = confirmed(text, spans, [(s.start, s.end) for s in rule_names])
        return spans


def candidate_blocks(
    text: str, tokens: Sequence[tuple[int, int]], rule_names: Sequence[PiiSpan]
) -> list[list[int]]:
    """The token indices of the runs of neighbouring lines that hold a word with a name's
    evidence (tagger_features.name_evidence), capitalised outside chat, outside the rules'
    names."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    line_of = [bisect_right(line_starts, start) - 1 for start, _ in tokens]
    # outside chat a name has a capital ("oli" is a first name too)
    letter = str.isalpha if not first_letter(text) or chat_style(text) else _capital
    wanted = {
        line_of[i]
        for i, (start, end) in enumerate(tokens)
        if letter(text[start])
        and not any(s.start < end and start < s.end for s in rule_names)
        and name_evidence(text[start:end])
    }
    blocks: list[list[int]] = []
    previous = -2
    for index, line in enumerate(line_of):
        if line not in wanted:
            continue
        if line - previous > 1 or not blocks:
            blocks.append([])
        blocks[-1].append(index)
        previous = line
    return blocks


def guarded(
    text: str, spans: Sequence[tuple[int, int]], vectors: VectorEvidence | None = None
) -> list[tuple[int, int]]:
    """The tagged names the guards leave: one of its words a known first name or a surname
    by its ending (a capitalised word alone is no evidence: real text is full of places and
    sentence openers, "Pajamäkeen", "Yhteinen"), not one word opening a sentence unless it is
    a first name that is no word, none of its words a place, a body or an
    office ("Tekninen lautakunta"), not followed by what is named after a person ("Näsin
    koulua") and not after a venue word ("ravintola Aino"). With ``vectors``, a word whose
    vector reads as a name is a name's evidence too ("Sjöberg", "Matteo")."""

    def evidence(word: str) -> bool:
        return name_evidence(word) or (vectors is not None and vectors.says_name(word))

    return [
        (start, end)
        for start, end in spans
        if any(evidence(w.strip(".,")) for w in text[start:end].split())
        and not any(not_a_person(w) for w in text[start:end].split() if len(w) > 2)
        and not names_a_place(text, end)
        and not names_a_venue(text, start)
        and not _opens_a_sentence_alone(text, start, end, vectors)
    ]


def _opens_a_sentence_alone(
    text: str, start: int, end: int, vectors: VectorEvidence | None = None
) -> bool:
    """One word that opens a sentence, where its capital says nothing: a name only when it is
    a first name and no word, or its vector reads as a name ("Siellä", "Nykyinen" open many
    sentences of real text)."""
    word = text[start:end]
    return (
        " " not in word
        and starts_a_sentence(text, start)
        and not (is_hand_listed(word) or is_confident_first_name(word))
        and not (vectors is not None and vectors.says_name(word))
    )


def name_runs(
    text: str, tokens: Sequence[tuple[int, int]], probabilities: Sequence[float], threshold: float
) -> list[tuple[int, int]]:
    """Neighbouring tokens at or above the threshold on one line, as spans that start and end
    with a capitalised word ("T. Rinne", not ", Rinne," nor "jatkaa Makkonen"; in chat, any
    word)."""
    runs: list[list[tuple[int, int]]] = []
    previous_end = -1
    for (start, end), probability in zip(tokens, probabilities, strict=True):
        if probability < threshold:
            previous_end = -1
            continue
        if previous_end >= 0 and "\n" not in text[previous_end:start]:
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
        previous_end = end
    # In a text that is not chat, a name starts and ends with a capital: a lower-case word at
    # either end ("jatkaa Makkonen") is a neighbour the tagger took along.
    edge = str.isalnum if not first_letter(text) or chat_style(text) else _capital
    spans = []
    for run in runs:
        words = [t for t in run if text[t[0]].isalnum()]
        while words and not edge(text[words[0][0]]):
            words.pop(0)
        while words and not edge(text[words[-1][0]]):
            words.pop()
        if words:
            spans.append((words[0][0], words[-1][1]))
    return spans


def _capital(letter: str) -> bool:
    return letter.isupper()


_chosen: list[NameTagger] = []  # a model other than the shipped one (use_model)


@cache
def bundled_tagger() -> NameTagger:
    """The tagger shipped with the package, loaded once per process."""
    return NameTagger(MODEL, read_settings(SETTINGS))


def process_tagger() -> NameTagger:
    """The tagger ``find_pii`` uses: the shipped one unless ``use_model`` chose another."""
    return _chosen[-1] if _chosen else bundled_tagger()


def use_model(model: Path | None) -> None:
    """Let this process tag with ``model`` (its settings in the ``.json`` beside it) instead
    of the shipped model, or again with the shipped one (``None``): a benchmark compares
    models this way."""
    _chosen.clear()
    if model is not None:
        _chosen.append(NameTagger(model, read_settings(model.with_suffix(".json"))))


def add_tagged_names(text: str, spans: list[PiiSpan], finder: NameFinder) -> list[PiiSpan]:
    """``spans`` (every kind the rules found) with the names the process's tagger finds
    added, those ``finder``'s test of no private person keeps (private_tagged)."""
    tagged = process_tagger().find(text, [s for s in spans if s.kind == "NAME"])
    return merge_names(spans, private_tagged(text, tagged, spans, finder))


def private_tagged(
    text: str, tagged: Sequence[tuple[int, int]], taken: list[PiiSpan], finder: NameFinder
) -> list[tuple[int, int]]:
    """The tagged names that the rules' test of no private person keeps: a public figure, a
    fictional character, a title or a placeholder is judged as when a rule finds it
    (``NameFinder.private_names``)."""
    found = [PiiSpan(start, end, "NAME") for start, end in tagged]
    return [(s.start, s.end) for s in finder.private_names(text, found, taken)]


def merge_names(spans: list[PiiSpan], tagged: Sequence[tuple[int, int]]) -> list[PiiSpan]:
    """``spans`` with the tagged names added: a tagged name that overlaps a rule's name widens
    it to their union; one that overlaps another kind (an e-mail, an address) is dropped."""
    names = [s for s in spans if s.kind == "NAME"]
    others = [s for s in spans if s.kind != "NAME"]
    for start, end in tagged:
        if overlaps(others, start, end):
            continue
        touching = [s for s in names if s.start < end and start < s.end]
        for span in touching:
            names.remove(span)
        start = min([start, *(s.start for s in touching)])
        end = max([end, *(s.end for s in touching)])
        names.append(PiiSpan(start, end, "NAME"))
    return sorted(others + names, key=lambda s: s.start)
