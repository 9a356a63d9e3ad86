"""Sentence splitting for Finnish, Swedish and English municipal text.

Regex-based on purpose: the texts are formal prose with dates (22.1.2024), section marks
(§ 25.) and abbreviations (esim., t.ex., bl.a.) that generic splitters cut wrongly.
"""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = {
    # Finnish
    "esim",
    "mm",
    "ns",
    "n",
    "ks",
    "vrt",
    "klo",
    "s",
    "yms",
    "jne",
    "tms",
    "ym",
    "nro",
    "puh",
    "os",
    "ma",
    "ti",
    "ke",
    "to",
    "pe",
    "la",
    "su",
    "milj",
    "mrd",
    "tri",
    "prof",
    "ao",
    "em",
    "yht",
    "kpl",
    "eur",
    "v",
    "lk",
    "ko",
    # Swedish
    "t.ex",
    "bl.a",
    "ca",
    "kl",
    "nr",
    "s.k",
    "dvs",
    "m.m",
    "o.s.v",
    "st",
    "resp",
    "enl",
    "jfr",
    "tel",
    "fr.o.m",
    "t.o.m",
    # English
    "e.g",
    "i.e",
    "etc",
    "mr",
    "mrs",
    "ms",
    "dr",
    "no",
    "vs",
    "approx",
}

_CANDIDATE_END = re.compile(r"([.!?…]+[\"”’)]?)(\s+)")


def _word_before(text: str, end: int) -> str:
    """The run of word characters and dots that ends at `end` (what `[\\w.]+$` would match).

    Scanning backwards from `end` costs the length of that word only; a regex anchored with
    `$` on `text[:end]` tries every start position and made splitting quadratic.
    """
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    return text[start:end]


def _is_false_end(word: str, after: str) -> bool:
    """True when the period before `after` belongs to a number, date or abbreviation.

    `word` is the word the candidate end closes; `after` the first character after the gap.
    """
    word = word.lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # "22.1." or "§ 25." followed by a lower-case word or a digit continues the sentence.
    if word[-1:].isdigit() and after and (after.islower() or after.isdigit()):
        return True
    # A lower-case continuation after a period is almost never a new sentence.
    return bool(after and after.islower())


def split_sentences(text: str) -> list[str]:
    """Split text into sentences; line breaks between list items also end a sentence.

    Linear in the length of the text: every candidate end looks at one word before it and one
    character after it, never at the rest of the block.
    """
    sentences: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[•\-–*]\s)|\n(?=\s*\d+[.)]\s)", text):
        block = " ".join(block.split())
        if not block:
            continue
        start = 0
        for match in _CANDIDATE_END.finditer(block):
            end = match.end(1)
            after = block[match.end() : match.end() + 1]
            if _is_false_end(_word_before(block, end), after):
                continue
            piece = block[start:end].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
        tail = block[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


# A line that ends without a sentence mark and has few words is a heading, a page header, a
# signature or a meeting formality ("Kokouskäsittely", "Beslut", "Porvoon kaupunki | Pöytäkirja
# 3/2024"); it is kept apart from the sentence after it and is never quoted as an answer.
_SENTENCE_END = re.compile(r"[.!?…:;,”\"]$")
# List items and table rows carry facts ("• Östbanan ska beaktas", "276 UPPDATERING AV …").
_LIST_ITEM = re.compile(r"^\s*([•\-–*]\s|\d+[.)]?\s|[a-zåäö]\)\s)")
_LINE_WORD = re.compile(r"\w+", re.UNICODE)
HEADING_MAX_WORDS = 6


def is_list_item(line: str) -> bool:
    """True for a bulleted or numbered line (a list item or a table row)."""
    return bool(_LIST_ITEM.match(line))


def is_heading(line: str) -> bool:
    """True for a short line without a sentence ending (heading or page furniture)."""
    if is_list_item(line):
        return False
    line = line.strip()
    return not _SENTENCE_END.search(line) and len(_LINE_WORD.findall(line)) <= HEADING_MAX_WORDS


def text_blocks(text: str) -> list[str]:
    """Paragraphs (split at blank lines), with every heading-like line a block of its own.

    PDF text wraps sentences at single line breaks, so only a short unpunctuated line is cut
    out of its paragraph; the lines of a wrapped sentence stay together.
    """
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines: list[str] = []
        raw = paragraph.split("\n")
        for i, line in enumerate(raw):
            following = raw[i + 1].lstrip() if i + 1 < len(raw) else ""
            previous = raw[i - 1].rstrip() if i else ""
            # A line followed by a lower-case continuation is a wrapped sentence; one after a
            # line ending in ':' is an item of the list it introduces.
            if (
                line.strip()
                and is_heading(line)
                and not following[:1].islower()
                and not previous.endswith(":")
            ):
                if lines:
                    blocks.append("\n".join(lines))
                    lines = []
                blocks.append(line.strip())
            else:
                lines.append(line)
        if any(line.strip() for line in lines):
            blocks.append("\n".join(lines))
    return blocks


# Shorter sentences ("Päätös:", "Hyväksyttiin.") say too little to be quoted as an answer.
QUOTABLE_MIN_CHARS = 15


def quotable_sentences(text: str) -> list[tuple[int, str]]:
    """The chunk's sentences with their positions, headings and page furniture left out.

    Chunks keep the document's block breaks as line breaks (ingest), so a heading stays its
    own line and is never glued to the sentence after it.
    """
    out: list[tuple[int, str]] = []
    position = 0
    for line in text.split("\n"):
        for sentence in split_sentences(line):
            if not is_heading(sentence):
                out.append((position, sentence))
            position += 1
    return out


def answer_candidates(text: str) -> list[str]:
    """The sentences of a chunk an answer may quote (the ones whose vectors ingest stores)."""
    return [s for _, s in quotable_sentences(text) if len(s) >= QUOTABLE_MIN_CHARS]
