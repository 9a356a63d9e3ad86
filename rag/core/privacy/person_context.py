"""Weak evidence that a capitalised word stands for a person, read from what stands around it
on its line: a noun of kinship or of a role ("äiti Liisa", "Liisan äiti", "ordförande Berg"),
a verb of speaking or writing ("kertoi Aino", "Berg sade"), a greeting, thanks or sign-off
before it ("Hei Aino", "Terveisin Aino"), a label of a person's field or of a list of people
("Yhteyshenkilö:", "Läsnä:"), or another name beside it in a list ("Lund Bodil, Aho Eeva").

The statistical name tagger (name_tagger.py) is asked only to confirm: with ``confirm`` in its
settings a name it tags is kept only in such a context. Real prose is full of capitalised
places, projects and sentence openers that look like names to it; the words of this module
come from the grammar of the three languages, not from the labelled strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from rag.core.privacy.finnish_morphology import read_word
from rag.core.privacy.names import kin_or_role

# Roles of meetings and services, beside the kinship and role nouns of names.py.
_ROLES = frozenset({
    "puheenjohtaja", "varapuheenjohtaja", "sihteeri", "esittelijä", "pöytäkirjanpitäjä",
    "pöytäkirjantarkastaja", "johtaja", "päällikkö", "asiantuntija", "työntekijä",
    "sosiaalityöntekijä", "ohjaaja", "neuvoja", "kuraattori", "lääkäri", "kirjoittaja",
    "tekijä", "valokuvaaja", "taiteilija", "kuljettaja", "asukas", "äänestäjä",
    "ordförande", "viceordförande", "sekreterare", "föredragande", "direktör", "chef",
    "handläggare", "rektor", "läkare", "författare", "konstnär", "fotograf", "invånare",
    "chair", "chairperson", "secretary", "director", "manager", "officer", "doctor",
    "author", "artist", "photographer", "driver", "resident", "mr", "mrs", "ms", "dr",
})  # fmt: skip
# Verbs of speaking, writing, asking and calling, by their base forms (Finnish through Voikko)
# and as written (Swedish and English: their few forms are listed).
_SPEECH_BASES = frozenset({
    "sanoa", "kertoa", "todeta", "kysyä", "vastata", "soittaa", "kirjoittaa", "ehdottaa",
    "pyytää", "luvata", "ilmoittaa", "muistuttaa", "huomauttaa", "kommentoida", "toivoa",
    "viestiä", "lähettää", "esittää", "kannattaa",
})  # fmt: skip
_SPEECH_FORMS = frozenset({
    "sa", "sade", "säger", "berättade", "berättar", "frågade", "frågar", "svarade", "svarar",
    "ringde", "ringer", "skrev", "skriver", "föreslog", "föreslår", "bad", "meddelade",
    "said", "says", "told", "tells", "asked", "asks", "answered", "replied", "called",
    "calls", "wrote", "writes", "proposed", "suggested", "emailed", "texted", "mentioned",
})  # fmt: skip
# What opens a line before a name: a greeting, thanks, a sign-off.
_LEAD = re.compile(
    r"(?i:^[\W\d]*(?:hei|hej|moi|moikka|terve|hejsan|hallå|hi|hello|hey|dear|hyvä|bästa|"
    r"kiitos|tack|thanks|thank\s+you|terveisin|ystävällisin\s+terveisin|t\.|mvh|"
    r"hälsningar|vänliga\s+hälsningar|med\s+vänlig\s+hälsning|regards|best\s+regards|"
    r"kind\s+regards|best|cheers)[\s,:!.–-]*)\Z"
)
# A label of a person's field or of a list of people, right before the name.
_LABEL = re.compile(
    r"(?i:\b(?:nimi|namn|name|yhteyshenkilö|kontaktperson|contact|ehdottaja|lähettäjä|"
    r"avsändare|vastaanottaja|mottagare|from|to|cc|läsnä|närvarande|present|poissa|"
    r"frånvarande|absent|jäsenet|ledamöter|members|osallistujat|deltagare|participants|"
    r"allekirjoitus|underskrift|signed)[ \t]*(?:\([^)\n]*\))?[ \t]*:[ \t]*)\Z"
)
# Between two names of one list: a comma, semicolon, "ja", "sekä", "och", "and", "&".
# (A space alone joins the parts of one name: "Lund" beside "Bodil" is confirmed too.)
_LIST_GAP = re.compile(r"[ \t]*(?:[,;&]|ja|sekä|och|and)?[ \t]*")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'-]*)[ \t,:]*\Z")
_WORD_AFTER = re.compile(r"\A[ \t,:]*([^\W\d_][\w'-]*)")
_SIGN_OFF_LINE = re.compile(
    r"(?i:^[ \t]*(?:terveisin|ystävällisin\s+terveisin|parhain\s+terveisin|t\.|mvh|"
    r"hälsningar|vänliga\s+hälsningar|med\s+vänlig(?:a)?\s+hälsning(?:ar)?|regards|"
    r"best\s+regards|kind\s+regards|best|cheers|sincerely|kiitos|tack|thanks)\b)"
)


def _person_word(word: str) -> bool:
    """A noun of kinship or role, or a verb of speaking, in any case form."""
    lowered = word.lower()
    if lowered in _ROLES or lowered in _SPEECH_FORMS or kin_or_role(lowered):
        return True
    bases = read_word(lowered).base_forms
    return any(b in _ROLES or b in _SPEECH_BASES for b in bases)


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


_NON_SPACE = re.compile(r"\S+")


def _lines_before(text: str, line_start: int, count: int) -> list[str]:
    """The last ``count`` lines with words before ``line_start``, read backwards from it (not
    by splitting all the text before: a text with many names would be read once per name)."""
    lines: list[str] = []
    end = line_start - 1
    while end >= 0 and len(lines) < count:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            lines.insert(0, text[start:end])
        end = start - 1
    return lines


def _in_a_signature(text: str, line_start: int, line_end: int) -> bool:
    """The name's line is short and one of the two lines after a sign-off line."""
    # (words counted up to the fifth only: a long line is not split once per name)
    if sum(1 for _ in islice(_NON_SPACE.finditer(text, line_start, line_end), 5)) > 4:
        return False
    return any(_SIGN_OFF_LINE.search(line) for line in _lines_before(text, line_start, 2))


# How far before and after a name its line is read: the evidence stands right beside it, and
# a bounded window keeps a long line with many names linear.
_BEFORE_WINDOW = 200
_AFTER_WINDOW = 100


def in_person_context(text: str, start: int, end: int, names: Sequence[tuple[int, int]]) -> bool:
    """Whether the name ``text[start:end]`` stands where a person stands: ``names`` are the
    other names found in the text (a list of people)."""
    line_start, line_end = _line(text, start, end)
    # (a lead fills the line before the name, so a longer stretch is no lead)
    whole_line_before = start - line_start <= _BEFORE_WINDOW
    before = text[max(line_start, start - _BEFORE_WINDOW) : start]
    after = text[end : min(line_end, end + _AFTER_WINDOW)]
    if (whole_line_before and _LEAD.search(before)) or _LABEL.search(before):
        return True
    word_before = _WORD_BEFORE.search(before)
    word_after = _WORD_AFTER.match(after)
    if word_before and _person_word(word_before.group(1)):
        return True
    if word_after and _person_word(word_after.group(1)):
        return True
    for other_start, other_end in names:
        if other_start < end and start < other_end:
            # it widens a name the rules found ("Lund" of "Lund Bodil"), not across a comma
            # into the next item of a list ("Sanna, Länsi-Pasila")
            if "," not in text[start:end] and ";" not in text[start:end]:
                return True
            continue
        # (the gap is matched in place, without a copy of what lies between)
        if line_start <= other_start and other_end <= start:
            if _LIST_GAP.fullmatch(text, other_end, start):
                return True
        elif end <= other_start and other_end <= line_end:
            if _LIST_GAP.fullmatch(text, end, other_start):
                return True
    return _in_a_signature(text, line_start, line_end)


def confirmed(
    text: str, tagged: Sequence[tuple[int, int]], rule_names: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The tagged names that stand in a person's context; a tagged name confirmed this way
    counts as a name of a list for the others (repeated until nothing more is confirmed)."""
    kept: list[tuple[int, int]] = []
    waiting = list(tagged)
    while True:
        names = [*rule_names, *kept]
        new = [span for span in waiting if in_person_context(text, *span, names)]
        if not new:
            return sorted(kept)
        kept += new
        waiting = [span for span in waiting if span not in new]
