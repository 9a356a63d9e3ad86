"""What a sentence says, read for a roadmap follow-up: does it state progress, or is it
procedure, page furniture or the list of the programme's themes?

A follow-up quotes sentences as evidence that something happened: a decision with its object,
a measure completed, started or postponed, a grant received, a count of what was done. Meeting
records and news pages are full of other sentences that share the words of a theme or a
measure: "Tästä kokouksesta on annettu tieto ...", appeal instructions, page headers and
preparer lines, "Päätös on ehdotuksen mukainen", and the programme's own list of its three
themes. Those are never evidence, whatever their words.

``ProgressReader.read`` gives a sentence a kind and, for progress, a score used to rank the
candidates of a theme or a measure (status words, decisions, counts, dates inside the period,
measure names and ids). The word lists cover Finnish, Swedish and English; the rule and the
weights were chosen on the selection part of the labelled sentences in
``bench/draft_evidence_labels.tsv`` and are measured on its held-out part
(``bench/draft_evidence.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rag.draft.status import stated_statuses

PROGRESS, PROCEDURAL, FURNITURE, THEME_LIST, OTHER = (
    "progress",
    "procedural",
    "furniture",
    "theme_list",
    "other",
)
# Kinds that are never quoted as evidence of anything.
NOT_EVIDENCE = (PROCEDURAL, FURNITURE, THEME_LIST)


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.IGNORECASE)


# Meeting formalities, votes, disqualification, bare approvals of "the proposal", appeal
# instructions and quoted rules of procedure: true of every meeting, evidence of nothing.
_PROCEDURAL = re.compile(
    "|".join(
        (
            # fi: the meeting itself
            r"kokouksesta on annettu tieto",
            r"kokouksen laillisuu",
            r"päätösvaltaisuu",
            r"laillisesti koolle kutsuttu",
            r"pöytäkirjantarkastaj",
            r"pöytäkirja(?:n)? (?:on )?tarkastet",
            r"pöytäkirja tarkastetaan",
            r"pöytäkirjan allekirjoitt",
            r"\bmerkitään,? että",
            r"\bkokouskäsittely\b",
            r"poistui kokouksesta",
            r"(?:ei|eivät) osallistunut asian käsittelyyn",
            r"\besteellis",
            r"\besteelliset\b",
            r"\bjäävi",
            r"\bäänestyksessä\b",
            r"\bäänin \d",
            r"asian käsittelyn aikana",
            r"täydensi (?:päätös)?esitystään",
            r"tarkensi esitystään",
            r"muut asiat\b.*\besitysten mukaisesti",
            r"päätös on ehdotuksen mukainen",
            r"päätösehdotus hyväksyttiin",
            r"^\W*(?:päätös\s+)?ehdotus hyväksyttiin",
            r"pani asian pöydälle",
            r"käsiteltäväkseen kiireellisenä",
            r"käsittelyjärjestys",
            r"palautusehdotu",
            r"\boikaisuvaatimu",
            r"\bvalitusosoitu",
            r"\bmuutoksenhaku",
            r"\bvalitusaika",
            r"\bkunnallisvalitu",
            r"hallintosäännön \d+ ?§",
            r"annetaan tilintarkastajalle",
            # sv
            r"mötets laglighet",
            r"beslutförhet",
            r"protokolljusterare",
            r"protokollet justeras",
            r"beslutet justeras",
            r"\d+ omröstningen",
            r"omröstningsproposition",
            r"vid omröstningen",
            r"med rösterna \d",
            r"\bja-röster",
            r"\bnej-röster",
            r"\bja-förslag",
            r"\bnej-förslag",
            r"\bjäv\b",
            r"\bjäviga\b",
            r"understödd av ledamoten",
            r"understöddes inte",
            r"\båterremiss",
            r"\bomprövning",
            r"\bbesvärstid",
            r"\bkommunalbesvär",
            r"sökande av ändring",
            r"stämmer överens med förslaget",
            r"enligt beslutsförslagen",
            r"godkände stadsstyrelsens förslag",
            r"redogörelsen befanns",
            r"vinner nej",
            r"diskussion(?:en)? (?:hade förts|avslutad)",
            # en
            r"\bquorum\b",
            r"minutes checkers?",
            r"\bappeal instructions?",
            r"\brequest for (?:a )?review\b",
            r"\bthe proposal was (?:adopted|approved)\b",
        )
    ),
    re.IGNORECASE,
)
# Page furniture: headers, navigation, contact lines, downloads.
_FURNITURE = re.compile(
    "|".join(
        (
            r"https?://",
            r"\bwww\.",
            r"[\w.+-]+@[\w-]+\.[\w.]+",
            r"etunimi\.sukunimi",
            r"förnamn\.efternamn",
            r"\bpuh\.? \d",
            r"\btfn\.? \d",
            r"\bRSS\b",
            r"kaupungin tunnus\.?$",
            r"kehäsymboli",
            r"\bdownload\b",
            r"\bkoko: px\b",
            r"\bstorlek: px\b",
            r"edellinen asia",
            r"seuraava asia",
            r"föregående ärende",
            r"följande ärende",
            r"valmistelu ja lisätiedot",
            r"valmistelu- ja lisätiedot",
            r"beredning och tilläggsuppgifter",
            r"mer information:",
            r"lisätietoja:",
            r"^\W*valmistelija\b",
            r"^\W*esittelijä\b",
            r"pöytäkirja on tarkastettu",
            r"\b(?:esityslista|pöytäkirja|protokoll|föredragningslista)\s+\d{1,2}\.\d{1,2}\.\d{4}\s*/",
            r"\bärendet har nyare handläggningar",
            r"^\W*stäng\b",
            r"tutustu\s+\w+$",
            r"\[…\]",  # an excerpt spliced from two items of a news list
            r"\bsisällys\b",
        )
    ),
    re.IGNORECASE,
)
# "The programme's three themes are: ..." and lists of goals: what a programme is, not what it did.
_THEME_LIST = re.compile(
    r"(?:kaksi|kolme|neljä|viisi|\d)\s+(?:kärki)?(?:teemaa|painopistettä|tavoitetta|mittaria)\b"
    r"|(?:teemat|kärkiteemat|painopisteet|tavoitteet|mittarit)\s+ovat\b"
    r"|(?:två|tre|fyra|fem|\d)\s+(?:teman|tyngdpunkter|mål)\b"
    r"|(?:teman|tyngdpunkterna|målen)\s+är\b"
    r"|(?:two|three|four|five|\d)\s+(?:themes|priorities|goals)\b"
    r"|(?:themes|priorities|goals)\s+are\b"
    r"|tavoitteet vuoteen \d{4} mennessä",
    re.IGNORECASE,
)

# Outcomes, in the past or perfect: decisions with their verb, and things done.
_DECISION = _words(
    # fi
    r"päätti\w*",
    r"päättivät",
    r"on päättänyt",
    r"hyväksyi",
    r"hyväksyttiin",
    r"on hyväksynyt",
    r"on hyväksytty",
    r"myönsi",
    r"myönnettiin",
    r"on myöntänyt",
    r"on myönnetty",
    r"valitsi",
    r"valittiin",
    r"nimesi",
    r"nimettiin",
    r"merkitsi",
    r"merkitsivät",
    r"vahvisti",
    r"vahvistettiin",
    r"hylkäsi",
    r"palautti",
    r"palautettiin",
    r"oikeutti",
    r"valtuutti",
    r"valtuutettiin",
    r"asetti",
    r"totesi",
    r"päätettiin",
    r"velvoitettiin",
    r"myöntänyt",
    # sv
    r"beslutade",
    r"beslöt",
    r"har beslutat",
    r"godkände",
    r"godkändes",
    r"har godkänt",
    r"beviljade",
    r"beviljades",
    r"har beviljats",
    r"valde",
    r"valdes",
    r"utsåg",
    r"antecknade",
    r"konstaterade",
    r"fastställde",
    r"bemyndigade",
    r"betraktade",
    r"konstaterat",
    # en
    r"decided",
    r"approved",
    r"granted",
    r"elected",
    r"appointed",
    r"adopted",
)
_DONE = _words(
    # fi
    r"on valmistunut",
    r"ovat valmistuneet",
    r"valmistui",
    r"valmistuivat",
    r"on saatu",
    r"saatiin",
    r"on saanut",
    r"sai",
    r"otettiin käyttöön",
    r"on otettu käyttöön",
    r"käynnistyi",
    r"käynnistyivät",
    r"on käynnistynyt",
    r"käynnistettiin",
    r"alkoi",
    r"aloitettiin",
    r"on aloitettu",
    r"toteutettiin",
    r"on toteutettu",
    r"toteutui",
    r"on toteutunut",
    r"tehtiin",
    r"on tehty",
    r"laadittiin",
    r"on laadittu",
    r"on laatinut",
    r"päivitettiin",
    r"on päivittänyt",
    r"on edennyt",
    r"edistynyt",
    r"on perustettu",
    r"perustettiin",
    r"lakkautetaan",
    r"on lakkautettu",
    r"siirtyi",
    r"siirrettiin",
    r"on siirretty",
    r"luovutaan",
    r"poistuu",
    r"arvioitiin",
    r"on arvioitu",
    r"vastasi",
    r"on vastannut",
    r"lähetti",
    r"on lähettänyt",
    r"on lähetetty",
    r"jouduttiin",
    r"on kasvanut",
    r"ovat kasvaneet",
    r"on laskenut",
    r"nousi",
    r"laski",
    r"aloittanut",
    r"laatinut",
    r"toteutettu",
    r"käsitteli",
    r"on käsitelty",
    r"on tarkasteltu",
    r"on kehittynyt",
    r"muuttui",
    r"muuttuivat",
    r"joutui",
    # sv
    r"har färdigställts",
    r"färdigställdes",
    r"har förverkligats",
    r"förverkligades",
    r"har blivit färdiga",
    r"har fått",
    r"fick",
    r"inleddes",
    r"har inletts",
    r"startade",
    r"ordnades",
    r"har ordnats",
    r"har gjorts",
    r"gjordes",
    r"har skaffats",
    r"skaffades",
    r"har beställt",
    r"lämnades",
    r"lämnades in",
    r"utvärderades",
    r"har utvärderats",
    r"slopades",
    r"gick igenom",
    r"har hållit",
    r"blev",
    r"röstade",
    r"har framskridit",
    r"kom in",
    r"deltog",
    r"ökade",
    r"minskade",
    r"förverkligats",
    r"genomförts",
    r"färdigställts",
    r"inletts",
    r"ordnats",
    r"ordnade",
    r"gjorts",
    r"har gjort",
    r"skaffats",
    r"utvärderats",
    r"reserverats",
    r"fått",
    r"slutbehandlade?",
    # en
    r"was completed",
    r"has been completed",
    r"were completed",
    r"completed",
    r"launched",
    r"introduced",
    r"were received",
    r"was received",
    r"have been evaluated",
    r"were evaluated",
    r"were voted",
    r"carried out",
    r"proceeded",
    r"have now proceeded",
    r"has increased",
    r"have increased",
    r"has decreased",
    r"have decreased",
)
# A number that counts something (not a year, a date, a § or a record number).
_COUNT = re.compile(
    r"(?<![\d./§-])\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?(?![\d./-])(?!\s*§)",
)
# Intentions and schedules ("on tarkoitus valmistua", "ska följas upp"): not yet progress.
_INTENT = _words(
    r"on tarkoitus",
    r"tullaan",
    r"aiotaan",
    r"ska",
    r"skall",
    r"kommer att",
    r"kan",
    r"will",
    r"is to be",
    r"are to be",
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_SENTENCE_END = re.compile(r"[.!?:;”\"')\]]\s*$")


@dataclass(frozen=True)
class SentenceReading:
    """The kind of a sentence and, for progress, how strongly it states it."""

    kind: str
    score: float = 0.0
    signals: tuple[str, ...] = ()

    @property
    def is_progress(self) -> bool:
        return self.kind == PROGRESS


def _counts(sentence: str) -> int:
    return sum(1 for n in _COUNT.findall(sentence) if not _YEAR.match(n.replace(" ", "")))


def _theme_names(names: Iterable[str]) -> list[str]:
    return [n.lower() for n in names if len(n) >= 8]


class ProgressReader:
    """Reads sentences for the follow-up (configuration here, one sentence per call).

    ``theme_names``: the programme's theme names in every language; a sentence naming two or
    more of them is the list of the themes. ``min_words``: shorter sentences are headings.
    """

    def __init__(self, theme_names: Iterable[str] = (), min_words: int = 4) -> None:
        self.theme_names = _theme_names(theme_names)
        self.min_words = min_words

    def read(
        self, sentence: str, names: Iterable[str] = (), period_year: str | None = None
    ) -> SentenceReading:
        """The kind of ``sentence``; ``names`` (a measure's id and title) and the period's
        year add to the score of a progress sentence that holds them."""
        text = " ".join(sentence.split())
        lowered = text.lower()
        if _PROCEDURAL.search(text):
            return SentenceReading(PROCEDURAL)
        words = text.split()
        if (
            _FURNITURE.search(text)
            or len(words) < self.min_words
            or text.count("|") >= 3
            or (not _SENTENCE_END.search(text) and len(words) < 12)
        ):
            return SentenceReading(FURNITURE)
        if _THEME_LIST.search(text) or sum(1 for name in self.theme_names if name in lowered) >= 2:
            return SentenceReading(THEME_LIST)
        signals = []
        if _DECISION.search(text):
            signals.append("decision")
        if _DONE.search(text):
            signals.append("done")
        if stated_statuses(text):
            signals.append("status")
        if not signals or (_INTENT.search(text) and "decision" not in signals):
            return SentenceReading(OTHER)
        score = float(len(signals))
        if _counts(text):
            signals.append("count")
            score += 0.5
        if period_year and period_year in text:
            signals.append("period")
            score += 0.5
        for name in names:
            if name and name.lower() in lowered:
                signals.append("name")
                score += 1.0
                break
        return SentenceReading(PROGRESS, score, tuple(signals))
