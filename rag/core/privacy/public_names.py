"""Names that stand for no private person: public and historical figures, what is named after
a person, titles of works and events, boats, brands, and the placeholder names of forms.

People who label text by hand do not count "Runebergin koti", "Sibelius ja Pacius", a play
called "Aino ja Ilmari palaavat kaupunkiin", "skeppet Ingrid", "Lucia 2025", "Wilma-viestissä"
or "Matti Meikäläinen, Esimerkkikatu 1" as personal data. Each test below is one switch of
``NameRules`` and drops a name found by names.py only when nothing around it shows a person
(a greeting, a sign-off, a label, a role noun, a phone number or an e-mail address nearby):
privacy wins when in doubt.

The lists are general knowledge, not read from the labelled strings: figures of Finnish and
Nordic history and culture whose surname few living people bear (a famous president with a
common surname counts only with the first name), the placeholder names of Finnish, Swedish
and English forms, and the nouns that name a work, an event or a vessel.
"""

from __future__ import annotations

import re
from functools import cache

from rag.core.privacy.addresses import UPPER
from rag.core.privacy.common_words import is_common_word
from rag.core.privacy.finnish_morphology import read_word
from rag.core.privacy.first_names import base_forms, is_first_name, word_threshold
from rag.core.privacy.nicknames import nicknames
from rag.core.privacy.spans import PiiSpan

# Surnames of national poets, composers, painters, statesmen and scholars that almost only
# the famous bearer is written about under (few living people bear them).
_PUBLIC_SURNAMES = frozenset(
    """
    runeberg sibelius pacius edelfelt schjerfbeck brahe mannerheim snellman cygnaeus topelius
    lönnrot gallen-kallela svinhufvud paasikivi ahtisaari södergran tavaststjerna
    vallgren chydenius porthan agricola ackté waltari canth ehrensvärd
    """.split()
)
# Famous people whose surname is common: only the whole name counts.
_PUBLIC_FULL_NAMES = frozenset(
    {
        "urho kekkonen", "mauno koivisto", "tarja halonen", "sauli niinistö",
        "alexander stubb", "kyösti kallio", "k. j. ståhlberg", "kaarlo juho ståhlberg",
        "risto ryti", "lauri kristian relander",
        "aleksis kivi", "eino leino", "tove jansson", "alvar aalto", "väinö linna",
        "pekka halonen", "eero saarinen", "eliel saarinen", "juhani aho", "minna canth",
        "j. l. runeberg", "johan ludvig runeberg", "fredrika runeberg", "walter runeberg",
        "jean sibelius", "fredrik pacius", "albert edelfelt", "helene schjerfbeck",
        "zachris topelius", "elias lönnrot", "per brahe", "akseli gallen-kallela",
        "ville vallgren", "edith södergran", "mika waltari", "astrid lindgren",
        "selma lagerlöf", "august strindberg", "carl larsson", "anders chydenius",
    }
)  # fmt: skip
# The placeholder names of forms and examples ("Matti Meikäläinen", "Erik Exempel", "John
# Doe") and the placeholder streets ("Esimerkkikatu 1", "Exempelgatan 2").
_PLACEHOLDER_SURNAMES = frozenset(
    {"meikäläinen", "meikäläisen", "esimerkki", "exempel", "exempelsson", "doe", "svensson"}
)
_PLACEHOLDER_FIRST_WITH_SVENSSON = frozenset({"sven"})  # "Sven Svensson", not "Anna Svensson"
_EXAMPLE = re.compile(
    r"(?i)(?:\besim\.|\besimerki\w*|\bt\.\s?ex\.|\bexempel\w*|\be\.g\.|\bexample\w*|"
    r"\bmalli\w*|\bmodell\w*|\bsample\b|\bkuvitteellinen|\bfiktiv\w*|\bfictional)"
)
_PLACEHOLDER_STREET = re.compile(r"(?i)\b(?:esimerkki|exempel|example|sample)\w*")
# Nouns that name a work or an event: a quoted title after one is a title, not a person.
_WORK_NOUNS = re.compile(
    r"(?i)\b(?:otsikko|rubrik|headline|title|nimeltään|kallad|called|"
    r"näyttely\w*|utställning\w*|exhibition|kurssi\w*|kurs\w*|course|konsert\w*|concert|"
    r"näytelmä\w*|föreställning\w*|pjäs\w*|play|teatteri\w*|teater\w*|musikaali\w*|"
    r"musikal\w*|musical|kirja\w*|bok\w*|book|romaani\w*|roman\w*|novel|elokuva\w*|"
    r"film\w*|movie|teos\w*|teokse\w*|verk\w*|work|maalaus\w*|målning\w*|painting|"
    r"laulu\w*|sång\w*|song|ooppera\w*|opera\w*|esitys\w*|show|tapahtuma\w*|"
    r"evenemang\w*|event|festivaali\w*|festival\w*|ohjelma\w*|program\w*|satu\w*|saga\w*)"
)
# Between the noun and the opening quote: a colon, a dash or a course code at most ("Kurs
# 11-305 ”Måla som ...”"); a presentation's download link further on names its author.
_NOUN_RIGHT_BEFORE = re.compile(r"[ \t:–-]*(?:[\w-]*\d[\w-]*[ \t:–-]*)?\Z")
_QUOTE_OPEN = "\"”“«„'"
_QUOTE_CLOSE = {"«": "»", "„": "”“"}
# every mark that closes one of the opening quotes ('"', "”", "“", "»", "'")
_QUOTE_ANY_CLOSE = "".join({c: None for q in _QUOTE_OPEN for c in _QUOTE_CLOSE.get(q, q + "”")})
_WORD_BEFORE = re.compile(r"(\w+)[ \t]*\Z")
# Words before the name of a vessel ("skeppet Ingrid", "Segelbåtarna Nils Holgersson och
# Gamla Kajsa", "m/s Elias").
_VESSELS = re.compile(
    r"(?i)(?:\b(?:skepp\w*|fartyg\w*|båt\w*|segelbåt\w*|ångare\w*|färja\w*|jakt\w*|"
    r"skonare\w*|laiva\w*|alus\w*|aluks\w*|vene\w*|purjevene\w*|höyrylaiva\w*|lautta\w*|"
    r"ship|boat|yacht|ferry|steamer)|(?<!\w)[mMsS]/[sSyY])"
    rf"[ \t]+(?:[{UPPER}][\w-]*[ \t]+)*(?:(?:och|ja|and|&)[ \t]+(?:[{UPPER}][\w-]*[ \t]+)*)?\Z"
)
# What is named after a person or a saint and follows the name: an occasion, a church, a
# farm, a week ("Lucia concert", "Johannes kyrka", "Birgittas gård", "Olofs-veckan").
_NAMED_AFTER = (
    "kyrka", "kyrkan", "kirkko", "kirkon", "church", "chapel", "gård", "gården", "veckan",
    "vecka", "viikko", "viikon", "week", "dagen", "concert", "konsert", "konsertti",
    "konsertin", "marknad", "markkina", "kröning", "tåg", "festival", "day", "fest",
)  # fmt: skip
_NEXT_WORD = re.compile(r"[ \t]+(?:-)?(\w[\w-]*)")
_YEAR_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d\b")
# A brand or programme named after a person: a hyphened noun or a plus sign joined to it
# ("Wilma-viestissä", "Erasmus+").
_BRAND_JOIN = re.compile(r"\+|-[a-zåäö]")
# A person's evidence near a name: a role, a greeting or sign-off, a contact detail.
_PERSON_EVIDENCE = re.compile(
    r"(?i)\b(?:asiakas\w*|hakija\w*|potilas\w*|oppilas\w*|huoltaja\w*|yhteyshenkilö\w*|"
    r"allekirjoit\w*|terveisin|ystävällisin|hei|moi|hyvä|kund\w*|sökande\w*|patient\w*|"
    r"elev\w*|vårdnadshavare\w*|kontaktperson\w*|underskrift\w*|hälsning\w*|hej|bästa|"
    r"dear|regards|client|applicant|pupil|nimi|namn|name|puh|tel|gsm|mobil\w*|"
    r"soitin|soita|ringde|ring|called|syntynyt|född|born|henkilötunnus|personnummer|"
    r"osoite\w*|adress\w*|address|sähköposti\w*|e-post\w*|mejl\w*|e-mail)\b"
)
_EVIDENCE_WINDOW = 60


def word_bases(word: str) -> set[str]:
    """The lower-cased word and Voikko's base forms of its person readings ("Sibeliuksen"
    → sibelius)."""
    lowered = word.lower()
    bases = {lowered, *(base.lower() for base in read_word(word).person_base_forms)}
    for ending in ("in", "n", "s", "'s", "ille", "ista", "issa", "ia", "iä", "ssa"):
        if lowered.endswith(ending):
            bases.add(lowered[: -len(ending)])
    return bases


def word_case_bases(word: str) -> set[str]:
    """Voikko's base forms of every reading of ``word``, a common word's too: a surname that
    is also a word inflects as the word does ("Kiven" → kivi, "Lehdon" → lehto), which the
    person readings and the endings of ``word_bases`` do not undo (thirty-third round,
    ``famous_word_cases``)."""
    return set(read_word(word).base_forms)


@cache
def is_public_figure(name: str, word_cases: bool = False) -> bool:
    """A name of a public or historical figure: a surname from the list alone, in any case
    form ("Runebergin", "Sibeliuksen"), or a whole name from the list ("Albert Edelfelt",
    "Urho Kekkosen"; with ``word_cases``, also with the surname in a common word's case
    form, "Aleksis Kiven")."""
    words = name.split()
    if not words:
        return False
    bases = word_bases(words[-1])
    if len(words) == 1:
        return any(base in _PUBLIC_SURNAMES for base in bases)
    # With a first name the whole name must be the famous one: "Jussi Chydenius" in a
    # council's attendance list is a person.
    first = " ".join(w.lower() for w in words[:-1])
    if word_cases:
        bases |= word_case_bases(words[-1])
    return any(f"{first} {base}" in _PUBLIC_FULL_NAMES for base in bases)


_WORD_BESIDE = re.compile(rf"[ \t]+([{UPPER}][\w-]*)")
_WORD_BEFORE = re.compile(rf"([{UPPER}][\w-]*)[ \t]+\Z")


def names_a_public_figure(text: str, span: PiiSpan, word_cases: bool = False) -> bool:
    """The name found, or it with the capitalised word right before or after it, names a
    public figure ("Albert" of "Albert Edelfeltin töitä", when a guard split the pair)."""
    value = text[span.start : span.end]
    after = _WORD_BESIDE.match(text, span.end)
    before = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
    return (
        is_public_figure(value, word_cases)
        or (
            after is not None
            and " " not in value
            and is_public_figure(f"{value} {after.group(1)}", word_cases)
        )
        or (
            before is not None
            and " " not in value
            and is_public_figure(f"{before.group(1)} {value}", word_cases)
        )
    )


def is_placeholder(text: str, span: PiiSpan) -> bool:
    """A placeholder name of a form or an example after a word that gives an example ("esim.
    Matti Meikäläinen", "t.ex. Erik Exempel", "e.g. John Doe", "Sven Svensson") or beside a
    placeholder street; "Terveisin Matti Meikäläinen" may sign a real message."""
    if not _placeholder_name(text[span.start : span.end]):
        return False
    window = text[max(0, span.start - _EVIDENCE_WINDOW) : span.end + _EVIDENCE_WINDOW]
    return _EXAMPLE.search(window) is not None


def _placeholder_name(name: str) -> bool:
    words = [w.lower() for w in name.split()]
    if not words:
        return False
    last = words[-1]
    if last == "svensson":
        return len(words) == 2 and words[0] in _PLACEHOLDER_FIRST_WITH_SVENSSON
    return last in _PLACEHOLDER_SURNAMES or any(
        base in _PLACEHOLDER_SURNAMES for base in read_word(name.split()[-1]).base_forms
    )


def placeholder_street(value: str) -> bool:
    """A placeholder street of a form ("Esimerkkikatu 1", "Exempelgatan 2")."""
    return _PLACEHOLDER_STREET.match(value.strip()) is not None


def person_evidence(
    text: str, span: PiiSpan, taken: list[PiiSpan], beside: int | None = None
) -> bool:
    """A person's evidence near the name: a role, greeting, sign-off or contact word, or a
    phone number, e-mail address or identity code on the same line; with ``beside`` (a
    number of characters) only such a word or contact detail that close to the name."""
    reach = _EVIDENCE_WINDOW if beside is None else beside
    window = text[max(0, span.start - reach) : span.end + reach]
    if _PERSON_EVIDENCE.search(window):
        return True
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    contacts = [s for s in taken if s.kind in ("PHONE", "EMAIL", "HETU", "IBAN")]
    if beside is None:
        return any(line_start <= s.start < line_end for s in contacts)
    # a contact detail that reaches into the stretch of the line beside the name
    low, high = max(line_start, span.start - beside), min(line_end, span.end + beside)
    return any(s.start < high and low < s.end for s in contacts)


def in_a_quoted_title(text: str, start: int, end: int) -> bool:
    """Inside a quoted title of two or more words after a noun that names a work or an event
    ("utställningen ”Runeberg och Tolkis”", 'Otsikko: "Aino ja Ilmari palaavat
    kaupunkiin"')."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    opening = max(before.rfind(q) for q in _QUOTE_OPEN)
    if opening < 0:
        return False
    quote = before[opening]
    closers = _QUOTE_CLOSE.get(quote, quote + "”")
    between = before[opening + 1 :]
    if any(c in between for c in closers):
        return False  # the quote closed before the name
    rest = text[end:]
    close = min((i for c in closers if (i := rest.find(c)) >= 0), default=-1)
    if close < 0:
        return False
    title = between + text[start:end] + rest[:close]
    if len(title.split()) < 2:
        return False  # 'Fredrik "Fredde" Åström': a nickname
    lead = text[max(0, line_start + opening - 40) : line_start + opening]
    return any(_NOUN_RIGHT_BEFORE.match(lead, m.end()) for m in _WORK_NOUNS.finditer(lead))


def a_pet_form_alone_in_quotes(text: str, start: int, end: int) -> bool:
    """A pet form of a first name (nicknames.txt) quoted alone: the name given to a service,
    a vehicle or a mascot (a ride service called ”Osku”). In running text a pet form names a
    person, and so does one quoted after a first name ('Fredrik "Fredde" Åström', which
    name_forms.quoted_nicknames reads)."""
    if start == 0 or end >= len(text):
        return False
    if text[start - 1] not in _QUOTE_OPEN or text[end] not in _QUOTE_ANY_CLOSE:
        return False
    # (the word before the quote, looked for in a short window: linear in the text)
    before = _WORD_BEFORE.search(text, max(0, start - 41), start - 1)
    if before and before.group(1)[:1].isupper() and is_first_name(before.group(1)):
        return False
    word = text[start:end]
    plain, word_like = nicknames(word_threshold())
    return any(form in plain or form in word_like for form in (word.lower(), *base_forms(word)))


def names_a_vessel(text: str, start: int) -> bool:
    """After a word for a ship or a boat ("skeppet Ingrid", "Segelbåtarna Nils Holgersson
    och Gamla Kajsa")."""
    return _VESSELS.search(text, max(0, start - 80), start) is not None


def names_an_occasion(text: str, span: PiiSpan) -> bool:
    """A one-word name before what is named after a person or a saint ("Lucia concert",
    "Johannes kyrka", "Birgittas gård", "Sankt Olofs-veckan"), a year ("Lucia 2025"), or a
    hyphened noun or plus sign joined to it ("Wilma-viestissä", "Erasmus+")."""
    value = text[span.start : span.end]
    if "-" in value:
        name, _, noun = value.rpartition("-")
        # (not a double name in lower case: "ann-mari sjöberg")
        lower_noun = noun[:1].islower() and not is_first_name(noun.split(" ")[0])
        if noun.startswith(_NAMED_AFTER) or (lower_noun and " " not in name):
            return True  # "Sankt Olofs-veckan", "Wilma-viestissä"
    if " " in value.strip():
        return False
    if _BRAND_JOIN.match(text, span.end) or _YEAR_AFTER.match(text, span.end):
        return True
    following = _NEXT_WORD.match(text, span.end)
    return following is not None and following.group(1).lower().startswith(_NAMED_AFTER)


def joined_to_a_common_word(text: str, span: PiiSpan) -> bool:
    """The name ends in a hyphen and a lower-case common word in a case form, not a name
    ("Wilma-viestissä", "Helmi-palvelussa"): a compound naming a system or a thing, even
    after a label; not "Anna-marja" (a double name in lower case, "marja" a word too)."""
    value = text[span.start : span.end]
    name, hyphen, rest = value.rpartition("-")
    if not hyphen or " " in name or not rest[:1].islower() or len(rest) < 4:
        return False
    if is_first_name(rest.capitalize()):
        return False  # "Anna-marja": a double name in lower case
    return bool(is_common_word(rest, "fi") or is_common_word(rest, "sv"))
