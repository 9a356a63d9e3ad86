"""Text analysis for the lexical (BM25) index: Finnish, Swedish and English.

A passage is indexed in its own language: lower-cased Unicode words, stop words dropped, each
word reduced to its Snowball stem (`analyze_document`). Identifiers that stemming or word
splitting would destroy (record numbers, § numbers, dates, grouped numbers) are taken out first
and kept whole in one normal form (`identifiers`). A query may be in another language than the
document, so each query word keeps its stems in all the query languages (`analyze_query`) and
the index scores the word by its best-matching stem. Finnish and Swedish compounds and Finnish
consonant gradation are handled at query time against the index terms (`Vocabulary`).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import Stemmer

from rag.core.languages import LANGUAGES

# Bump when the tokens produced for a text change: stored token lists are then stale.
ANALYZER_VERSION = "2"  # 2: item body, § and record number indexed with every chunk

_STEMMER_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}

# Short lists of function words and question words. One union is used for every language:
# the words hardly collide in meaning across fi/sv/en, and a query in one language must drop
# the same words from a document in another language.
_STOP_FI = """
ja on ei se ne ole oli olla ollut olivat ovat olisi että joka jotka jonka joiden jota joita
jossa joissa johon josta mikä mitkä mitä minkä missä mihin mistä millä miltä mille minä
kuka ketkä kenen kenelle keneltä kuinka paljonko miten miksi milloin montako tai sekä
myös kuin kun jos vain mutta niin nyt tämä tämän tässä tätä tästä nämä näiden sen sitä
siinä siitä sillä siihen niiden niitä niissä voi voidaan eli jo vielä hän he me te
"""
_STOP_SV = """
och att det som en ett på är av för med till den de har hade inte om var vad vilka vilken
vilket vem vems när hur han hon vi ni sig sin sina sitt så men eller från vid kan ska skall
blev detta dessa där här också även samt
"""
_STOP_EN = """
a an the and or of to in on at for by with from as is are was were be been being it its this
that these those which what who whom whose when where how why did do does has have had not
no but if than then so can could would will shall should may there their they he she we you i
"""
STOP_WORDS: frozenset[str] = frozenset((_STOP_FI + _STOP_SV + _STOP_EN).split())

# Month names in dates written out: Finnish partitive ("14. syyskuuta 2020"), Swedish and
# English ("14 september 2020", "September 14, 2020"); all become the same ISO token.
_MONTHS_FI = "tammi helmi maalis huhti touko kesä heinä elo syys loka marras joulu".split()
_MONTHS_SV = "januari februari mars april maj juni juli augusti september oktober november december"
_MONTHS_EN = "january february march april may june july august september october november december"
MONTHS: dict[str, int] = {f"{name}kuuta": i for i, name in enumerate(_MONTHS_FI, 1)}
for _names in (_MONTHS_SV, _MONTHS_EN):
    MONTHS.update({name: i for i, name in enumerate(_names.split(), 1)})
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NAMED_DATE = re.compile(
    rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b"  # 14. syyskuuta 2020
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})\b"  # september 14, 2020
)

# Python's re is slow to try many alternatives at every position, so identifiers are found in
# two steps: cheap runs of digits and separators first, then the exact forms inside each run.
_RUN = re.compile(r"[\d§][\d§.,/\-\u00a0\u202f ]*")
_IDENTIFIER = re.compile(
    r"""
    (?P<record>\b\d+(?:\.\d+)*(?:/\d+(?:\.\d+)*)+\b)       # 118/07.01.02/2024, 45/20/2013
  | (?P<dmy>\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b)  # 22.1.2024
  | (?P<iso>\b(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})\b)  # 2024-01-22
  | (?P<par>§\s*(?P<p>\d+)|\b(?P<p2>\d+)\s*§)               # § 25, 25 §
  | (?P<num>\b\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?\b)  # 42 000, 1 200 000,50
  | (?P<dec>\b\d+[.,]\d+\b)                                 # 7,10 and 7.10
    """,
    re.VERBOSE,
)
_DIGITS = re.compile(r"\d+")
# Letters only: digits are handled above, and "_" is a word character for `\w`.
_LETTERS = re.compile(r"[^\W\d_]+")


def _iso(year: str, month: int | str, day: str) -> str:
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _identifier(m: re.Match[str]) -> str:
    """The one normal form of an identifier: dates as ISO, § numbers as §N, no digit groups."""
    if m.group("dmy"):
        return _iso(m.group("y"), m.group("m"), m.group("d"))
    if m.group("iso"):
        return _iso(m.group("y2"), m.group("m2"), m.group("d2"))
    if m.group("par"):
        return "§" + str(int(m.group("p") or m.group("p2")))
    if m.group("num") or m.group("dec"):
        return re.sub(r"[ \u00a0\u202f]", "", m.group(0)).replace(",", ".")
    return m.group(0)


def identifiers(text: str) -> list[str]:
    """Identifiers and plain numbers in `text` (lower-cased), each in its normal form.

    A number inside an identifier is not also a number of its own: "118/07.01.02/2024" gives
    one token, not 118, 07, 01, ...
    """
    found: list[str] = []

    def keep(m: re.Match[str]) -> str:
        found.append(_identifier(m))
        return " "

    for run in _RUN.findall(text):
        found.extend(_DIGITS.findall(_IDENTIFIER.sub(keep, run)))
    return found


def tokenize(text: str) -> tuple[list[str], list[str]]:
    """(identifiers and numbers, letter words without stop words) of a text."""
    lower = text.lower()
    letters = _LETTERS.findall(lower)
    exact: list[str] = []
    if not MONTHS.keys().isdisjoint(letters):  # checked first: the date regex is slow

        def keep(m: re.Match[str]) -> str:
            month = MONTHS[m.group("m") or m.group("m2")]
            exact.append(_iso(m.group("y") or m.group("y2"), month, m.group("d") or m.group("d2")))
            return " "  # like "22.1.2024", the date does not add the numbers 22 and 2024

        lower = _NAMED_DATE.sub(keep, lower)
        letters = _LETTERS.findall(lower)
    exact += identifiers(lower)
    return exact, [w for w in letters if w not in STOP_WORDS]


_local = threading.local()


def _stemmer(language: str) -> Stemmer.Stemmer | None:
    """A per-thread stemmer: PyStemmer objects must not be shared between threads."""
    cache: dict[str, Stemmer.Stemmer] | None = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if language not in cache:
        name = _STEMMER_NAMES.get(language)
        if name is None:
            return None
        cache[language] = Stemmer.Stemmer(name)
    return cache[language]


# Two common Finnish stem pairs that Snowball leaves apart, joined after stemming:
# -us/-uksen: kokous/kokouks(-essa), päätös/päätöks(-en) -> kokous, päätös;
# -nen/-sen: digitaalin(-en)/digitaalis(-en)/kansalaist(-en) -> digitaalin, kansalain.
_FI_KS = re.compile(r"(?<=[aeiouyäö])ks$")
_FI_IS = re.compile(r"ist?$")


def _finnish_stem(stem: str) -> str:
    if len(stem) >= 6 and stem[-1] in "st":  # cheap test first: most stems end otherwise
        return _FI_IS.sub("in", _FI_KS.sub("s", stem))
    return stem


def stem_words(words: list[str], language: str) -> list[str]:
    """Snowball stems of lower-cased words; an unknown language leaves them as they are."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return words
    stems: list[str] = stemmer.stemWords(words)
    return [_finnish_stem(s) for s in stems] if language == "fi" else stems


def analyze_document(text: str, language: str) -> list[str]:
    """Index tokens of a passage: identifiers in normal form, then word stems in `language`."""
    exact, letters = tokenize(text)
    return exact + stem_words(letters, language)


@dataclass(frozen=True)
class QueryWord:
    """One word of a query and its candidate index terms (stems in the query languages)."""

    surface: str
    variants: tuple[str, ...]
    exact: bool = False  # an identifier or number: matched as is, never expanded


def analyze_query(text: str, languages: Iterable[str] | None = None) -> list[QueryWord]:
    """Query words with their stems in every language asked for (default fi, sv and en).

    Repeated words are kept once: a question does not weigh a word by repeating it.
    """
    langs = [lang for lang in (languages or LANGUAGES) if lang in _STEMMER_NAMES] or ["fi"]
    exact, letters = tokenize(text)
    letters = list(dict.fromkeys(letters))  # a repeated word does not weigh more
    stems = [stem_words(letters, lang) for lang in langs]
    result = [QueryWord(token, (token,), exact=True) for token in dict.fromkeys(exact)]
    for i, word in enumerate(letters):
        result.append(QueryWord(word, tuple(dict.fromkeys(s[i] for s in stems))))
    return result


def char_ngrams(term: str, n: int) -> list[str]:
    """Character n-grams of a stem, with "^" marking the word start (e.g. ^tie, tiek, ...).

    Only the start is marked: a stem's end is an arbitrary cut, a compound's head is not.
    """
    padded = "^" + term
    if len(padded) <= n:
        return [padded]
    return [padded[i : i + n] for i in range(len(padded) - n + 1)]


# Shorter stems ("kart", "hank") would expand to too many unrelated compounds.
_MIN_EXPAND = 5


class Vocabulary:
    """The word terms of an index, sorted for the prefix and suffix look-ups of `expansions`."""

    def __init__(self, terms: Iterable[str]) -> None:
        words = [t for t in terms if t.isalpha()]
        self._terms = set(words)
        self._sorted = sorted(words)
        self._reversed = sorted(t[::-1] for t in words)

    def expansions(self, term: str) -> set[str]:
        """Other index terms a stem should match too (the index scores them lower).

        Finnish and Swedish compounds put the head last, so "tiekart" matches the compound
        "digitiekart" (a term ending with it) and "digitiekart" matches its head "tiekart" (a
        term it ends with). Finnish consonant gradation changes a stem's last letter
        ("toimenpit-eet" / "toimenpid-että"), so terms sharing all but that letter match too.
        """
        if len(term) < _MIN_EXPAND or not term.isalpha():
            return set()
        found = {t[::-1] for t in _with_prefix(self._reversed, term[::-1])}
        found.update(term[i:] for i in range(3, len(term) - _MIN_EXPAND + 1))
        if len(term) >= _MIN_EXPAND + 1:
            found.update(
                t for t in _with_prefix(self._sorted, term[:-1]) if len(t) <= len(term) + 1
            )
        found.discard(term)
        return found & self._terms


def _with_prefix(sorted_terms: list[str], prefix: str) -> Iterator[str]:
    i = bisect.bisect_left(sorted_terms, prefix)
    while i < len(sorted_terms) and sorted_terms[i].startswith(prefix):
        yield sorted_terms[i]
        i += 1
