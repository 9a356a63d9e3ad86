"""Weakly labelled sentences of real public prose for the name tagger (bench/train_name_tagger.py):
the places, bodies, projects and headlines of board minutes, strategy pages and OmaStadi
proposals as negatives, the rules' own name masks there as positives.

Protocol (fixed before any figure was seen):
- The documents of /work/shared/data (corpus pages, meeting items, OmaStadi proposals) are
  split by document, by a hash of the document's id: half train the tagger, the other half
  only measure it (``split_of``). No sentence of a measuring document is ever trained on.
- The rules (the tagger off) mask each training document whole; its lines are cut into
  sentences. Only sentences with a capitalised word that has a name's evidence (a known first
  name, a register name, a surname's ending: the words the tagger's guards let through) are
  kept: the others teach nothing the guards do not already do.
- A sentence where the rules found a name is labelled with the rules' name masks (B/I), so
  the officials of the minutes stay names.
- A sentence where the rules found no name is a negative (every token O), unless a
  capitalised word with a name's evidence stands beside another capitalised word that is not
  a frequent English word ("Lund Bodil", "Aino Lindholm"): that may be a person the rules
  missed, and the sentence is dropped rather than taught as no name ("Urban Farming" stays).
- At most ``PER_DOCUMENT`` sentences of one document (in order), so the 4,778 proposals do not
  outweigh the minutes.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rag.core.privacy import NameRules, PiiSpan, find_pii
from rag.core.privacy.tagger_features import name_evidence, tokenize
from rag.core.privacy.word_frequency import zipf_in

SOURCES = ("corpus pages", "meeting items", "OmaStadi proposals")
PER_DOCUMENT = 8
# From this Zipf frequency in English a capitalised word beside a name is an English word
# ("Urban Farming"), not a surname.
_ENGLISH_WORD = 4.0
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# A sentence ends at . ! ? before a space and a capital, or at a line break.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s+[A-ZÅÄÖ])|$)", re.M)


@dataclass(frozen=True)
class Document:
    source: str
    id: str
    text: str


def real_documents(shared: Path) -> list[Document]:
    """The real public texts with their ids: corpus pages (front matter dropped, id = file
    stem), meeting items (id = file stem), OmaStadi proposals (title and text, id = round/id)."""
    documents = [
        Document("corpus pages", p.stem, _FRONT_MATTER.sub("", p.read_text(encoding="utf-8")))
        for p in sorted((shared / "corpus").glob("*.md"))
    ]
    documents += [
        Document("meeting items", p.stem, p.read_text(encoding="utf-8"))
        for p in sorted((shared / "minutes/items").glob("*.txt"))
    ]
    with (shared / "omastadi" / "proposals.csv").open(encoding="utf-8", newline="") as handle:
        proposals = {
            f"{row['round']}/{row['id']}": f"{row['title']}\n{row['texts']}"
            for row in csv.DictReader(handle)
        }  # a proposal repeated in the file counts once
    documents += [Document("OmaStadi proposals", key, text) for key, text in proposals.items()]
    return documents


def _digest(document: Document) -> bytes:
    """The document's id hashed: stable across runs and machines."""
    return hashlib.sha256(f"{document.source}/{document.id}".encode()).digest()


def split_of(document: Document) -> str:
    """ "train" or "measure", by the document's id alone."""
    return "train" if _digest(document)[0] % 2 == 0 else "measure"


def quarter_of(document: Document) -> int:
    """1 or 2: a half of each half, by the same digest's next byte, so that a setting can be
    chosen on one part of the measuring half and reported on the other (the seventy-ninth
    round's threshold)."""
    return 1 if _digest(document)[1] % 2 == 0 else 2


@dataclass(frozen=True)
class Sentence:
    """A sentence of a real document with its tokens and weak BIO labels."""

    text: str
    tokens: list[tuple[int, int]]
    labels: list[str]
    positive: bool  # the rules found a name in it


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _maybe_a_missed_person(words: list[str], gaps: list[str]) -> bool:
    """A capitalised word with a name's evidence beside another capitalised word (one space
    between) that is not a frequent English word: "Aino Lindholm", "Lund Bodil" may be people
    the rules missed; "Urban Farming", "Great Green" are English words and stay negatives."""
    return any(
        gaps[i] == " "
        and _capitalised(first)
        and _capitalised(second)
        and (
            (name_evidence(first) and zipf_in(second, "en") < _ENGLISH_WORD)
            or (name_evidence(second) and zipf_in(first, "en") < _ENGLISH_WORD)
        )
        for i, (first, second) in enumerate(zip(words, words[1:], strict=False))
    )


def weak_sentences(document: Document, rules: NameRules) -> Iterator[Sentence]:
    """The document's kept sentences (see the module's protocol), labelled."""
    names = [s for s in find_pii(document.text, rules) if s.kind == "NAME"]
    kept = 0
    for match in _SENTENCE.finditer(document.text):
        if kept >= PER_DOCUMENT:
            return
        start, end = match.span()
        text = document.text[start:end].strip()
        if not text:
            continue
        start = document.text.index(text, start)
        sentence = labelled_sentence(text, start, names)
        if sentence is not None:
            kept += 1
            yield sentence


def labelled_sentence(text: str, offset: int, names: list[PiiSpan]) -> Sentence | None:
    """The sentence ``text`` (at ``offset`` in its document, whose rule names are ``names``)
    labelled, or None when it is not kept (no word with a name's evidence, or a possible
    person the rules missed)."""
    tokens = tokenize(text)
    words = [text[a:b] for a, b in tokens]
    if not any(_capitalised(w) and name_evidence(w) for w in words):
        return None
    inside = [
        (s.start - offset, s.end - offset) for s in names if offset <= s.start < offset + len(text)
    ]
    labels = ["O"] * len(tokens)
    for start, end in inside:
        covered = [i for i, (a, b) in enumerate(tokens) if a < end and start < b]
        for position, index in enumerate(covered):
            labels[index] = "B" if position == 0 else "I"
    if not inside:
        gaps = [text[tokens[i][1] : tokens[i + 1][0]] for i in range(len(tokens) - 1)]
        if _maybe_a_missed_person(words, gaps):
            return None
    return Sentence(text, tokens, labels, bool(inside))
