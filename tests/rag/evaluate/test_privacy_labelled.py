"""The masker on the labelled Finnish/Swedish set: recall >= 0.97, false positives <= 0.02.

The set has parts (tests/data/pii/), each written before the masker was run on it and then
scored once: `dev.jsonl` (written first), `heldout.jsonl` (recall 0.955 when first scored),
`heldout2.jsonl` (recall 0.951 when first scored, before the general name mechanisms of
rag/core/privacy/names.py), `heldout3.jsonl` (written by someone else; recall 0.838, look-alikes
4/177, clean strings 4/75 when first scored). All four are dev parts now: they were studied
to build the mechanisms, so passing them is required but proves little about new wordings
(README, "Personal data", and docs/personal-data.md). A new held-out part is scored once by
whoever wrote it: add it to HELD_OUT_PARTS below with its first figures (a strict xfail if it
misses the target).

The statistical name tagger (rag/core/privacy/name_tagger.py, off by default) is trained on
dev..heldout21 (and on real prose): with it switched on each of those parts is training data,
so `test_dev_parts_with_the_tagger` shows only that it breaks nothing it was trained on. Its
honest figures are leave-one-part-out and on the parts written after it (docs/personal-data.md,
"Personal data: a statistical name tagger" and "the fourteenth round").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.core.privacy import NameRules
from rag.evaluate.privacy import LabelledString, load_labelled, score_masking

DATA = Path(__file__).resolve().parents[2] / "data" / "pii"
MIN_RECALL = 0.97
MAX_FALSE_POSITIVES = 0.02


def _check(items: list[LabelledString], names: NameRules | None = None) -> None:
    scores = score_masking(items, names)
    assert scores.recall >= MIN_RECALL, scores.missed
    assert scores.lookalike_fp_rate <= MAX_FALSE_POSITIVES, scores.false_positives
    assert scores.clean_fp_rate <= MAX_FALSE_POSITIVES, scores.false_positives


def test_the_set_is_large_enough_and_covers_every_kind() -> None:
    items = load_labelled(DATA / "dev.jsonl") + load_labelled(DATA / "heldout.jsonl")
    assert len(items) >= 200
    kinds = {kind for item in items for kind, _ in item.pii}
    assert kinds == {"HETU", "PHONE", "EMAIL", "IBAN", "ADDRESS", "NAME"}
    hetu = " ".join(v for item in items for kind, v in item.pii if kind == "HETU")
    for mark in "-+ABCDEFUVWXY":  # every century mark, the 2023 ones included
        assert any(len(v) == 11 and v[6].upper() == mark for v in hetu.split()), mark
    assert sum(1 for item in items if not item.pii) >= 80  # look-alike strings


# heldout4 became a dev part in the fourth round, after its one held-out score (recall 0.890,
# look-alikes 3/180, clean strings 3/75 on the third-round masker; docs/personal-data.md).
# heldout7 became a dev part in the eighth round, when it first passed (recall 0.973,
# look-alikes 2/207, clean strings 1/110; docs/personal-data.md, 'Personal data: the eighth round');
# its one held-out score was 0.912, 13/207, 10/110 on the fifth-round masker. heldout6 became a dev
# part in the ninth round, when it first passed (0.979 (371/379), 1/297, 0/111, with the first names
# of other origins); its held-out score was 0.852, 10/297, 9/111 on the fifth-round masker.
# The nineteenth round keeps bare addresses and landlines in texts naming no one readable (the
# written labelling policy: an office's address and a service's number are no one's). Two of the
# first parts, labelled before that policy, label such strings as personal and fall below 0.97.
_BARE19 = (
    "labelled before the written policy: the nineteenth round's bare-contact removers keep "
    "readable a bare address or landline this part labels personal"
)
# The forty-seventh round keeps placeholders written in full readable (reserved_placeholders:
# "Matti Meikäläinen", mail at RFC 2606 example domains), as the written policy says.
_PLACEHOLDERS47 = (
    "labelled before the written policy: the forty-seventh round keeps readable a placeholder "
    "written in full that this part labels personal"
)
DEV_PARTS = [
    pytest.param(
        "dev",
        marks=pytest.mark.xfail(
            strict=True,
            reason=f"{_BARE19} (dev032 '08-123 456 78', dev053 'Teollisuustie 8'; dev027 "
            "'019 520 2111', the city's own block, was missed before): 0.969 (94/97), 0/64, "
            "0/45; since the forty-fourth round's payees' accounts also dev043 (a bare payment "
            "line) 0.959 (93/97); " + _PLACEHOLDERS47 + " (dev060 'Matti Meikäläinen'): "
            "0.948 (92/97), 0/64, 0/45",
        ),
    ),
    "heldout",
    pytest.param(
        "heldout2",
        marks=pytest.mark.xfail(
            strict=True,
            reason=f"{_BARE19} (h2-048 'Kokonniementie 4'; h2-025 and h2-110, the city's own "
            "block, were missed before): 0.963 (79/82), 0/61, 0/44",
        ),
    ),
    "heldout3",
    "heldout4",
    pytest.param(
        "heldout6",
        marks=pytest.mark.xfail(
            strict=True,
            reason=f"{_PLACEHOLDERS47} (twelve mail addresses at '.example' domains, h6-006 "
            "'jessica.lindberg@seura.example' ... h6-235): 0.947 (359/379), 1/297, 0/111; it "
            "met the targets before (0.979, 371/379)",
        ),
    ),
    "heldout7",
]
# Held-out parts, scored once by the lead after the masker is frozen: part name -> pytest
# marks (e.g. a strict xfail quoting the first figures when the target is missed).
_NAMES_ROUND = "(docs/personal-data.md, 'Personal data: names by their form and origin')"
_FRESH9 = "(docs/personal-data.md, 'Personal data: the ninth round, scored on two fresh parts')"
_NINTH = (
    "with text in capitals read in title case and systems' names kept "
    "(ninth round, docs/personal-data.md)"
)
_CONTEXT = "with the context of names (docs/personal-data.md, eleventh round, 'context_word_names')"
_AFTER11 = (
    "with the five switches the eleventh round turned on after scoring heldout16/17 "
    "(docs/personal-data.md, eleventh round)"
)
_FIELDS12 = "with form fields read (name_fields, docs/personal-data.md, twelfth round)"
_FRESH11 = (
    "written for the eleventh round by someone who never saw the masker, under the README's "
    "labelling policy"
)
_TWELFTH = (
    "with organisations' phones by their holder, institutions named like people and named "
    "rooms (twelfth round, docs/personal-data.md)"
)
_FRESH12 = (
    "written for the twelfth round by someone who never saw the masker, under the README's "
    "labelling policy"
)
_FP13 = (
    "with offices' units in one word, fictional characters and institutions' whole names kept "
    "readable (unit_words, fictional_characters, institution_spans; thirteenth round)"
)
_AFTER13 = (
    "with named days and the day-care system kept readable after the thirteenth round's "
    "scoring (named_days, ecec_systems; docs/personal-data.md, thirteenth round)"
)
_FRESH13 = (
    "written for the thirteenth round by someone who never saw the masker, under the README's "
    "labelling policy"
)
_FRESH14 = (
    "written for the fourteenth round by someone who never saw the masker, under the README's "
    "labelling policy; scored once on the masker of the round (344cb09, the rules unchanged "
    "since the thirteenth), aggregate figures only"
)
_PAY15 = "with an invoice's payee account kept readable (payment_references, fifteenth round)"
_FRESH15 = (
    "written for the fifteenth round by someone who never saw the masker, under the README's "
    "labelling policy; scored once before the round (b4642e0) and once after it (0686ddc), "
    "aggregate figures only"
)
_FRESH16 = (
    "written for the sixteenth round by someone who never saw the masker, under the README's "
    "labelling policy; scored once on 18d8dc3 (the defaults as at 91729bf), aggregate figures "
    "only"
)
_FRESH17 = (
    "written for the seventeenth round by someone who never saw the masker, under the "
    "README's labelling policy; scored once on a97b89c (the defaults as at 91729bf), aggregate "
    "figures only"
)
_VISIT18 = "with an office's visiting address kept readable (visiting_addresses, eighteenth round)"
_FRESH18 = (
    "written for the eighteenth round by someone who never saw the masker, under the README's "
    "labelling policy; scored once before the round (7c55a78) and once after it (682ae78), the "
    "same, aggregate figures only"
)
_FRESH19 = (
    "written for the nineteenth round by someone who never saw the masker, under the README's "
    "labelling policy, with no topic hint (a bilingual town's administration as a whole); "
    "scored once before the round (1ff6590) and once after it (bare addresses and landlines "
    "kept), aggregate figures only"
)
_FRESH20 = (
    "written for the twentieth round by someone who never saw the masker, under the README's "
    "labelling policy, with no topic hint; scored once before the round (072f752) and once "
    "after it (aafda03, a first name with a surname's letter), aggregate figures only"
)
_FRESH22 = (
    "written for the twenty-second round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (8b65284) and "
    "once after it (24eca69, a Swedish function word opening a sentence kept), the same, "
    "aggregate figures only"
)
_FRESH23 = (
    "written for the twenty-third round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once on ee1a47f (the defaults of "
    "the twenty-second round; the round's inflected_streets, off, found nothing more on it), "
    "aggregate figures only"
)
_FRESH24 = (
    "written for the twenty-fourth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (ccfb132) and "
    'once after it (called landlines, the organisation\'s "we", numbers run on as dates), '
    "the same, aggregate figures only"
)
_FRESH25 = (
    "written for the twenty-fifth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (cf7f90e) and "
    "once after it (example values), the same, aggregate figures only"
)
_FRESH29 = (
    "written for the twenty-ninth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (2dbc498) and "
    "once after it (frequent surnames in capitals), aggregate figures only"
)
_FRESH30 = (
    "written for the thirtieth round (the name tagger retrained) by someone who never saw the "
    "masker, under the README's labelling policy, with no topic hint; scored once on 5506859 "
    "(the rules of the twenty-ninth round), aggregate figures only"
)
_FRESH31 = (
    "written for the thirty-first round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (1012beb) and "
    "once after it (other organisations' boxes named after a place), the same, aggregate "
    "figures only"
)
_FRESH34 = (
    "written for the thirty-fourth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (dc7d692) and "
    "once after it (the school system in its slot), the same, aggregate figures only"
)
_FRESH35 = (
    "written for the thirty-fifth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (206c5f1) and "
    "once after it (first names labelling a chat's lines), the same, aggregate figures only"
)
_FRESH36 = (
    "written for the thirty-sixth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (d44e0fb) and "
    "once after it (a surname is no office by its ending), the same, aggregate figures only"
)
_FRESH37 = (
    "written for the thirty-seventh round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (7cf86ce) and "
    "once after it (a lower-case street before a flat), aggregate figures only"
)
_FRESH38 = (
    "written for the thirty-eighth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (1123496) and "
    "once after it (a first name between two names found), the same, aggregate figures only"
)
_FRESH39 = (
    "written for the thirty-ninth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (59b704a) and "
    "once after it (a first name right before a name found), the same, aggregate figures only"
)
_FRESH40 = (
    "written for the fortieth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (77be1a3) and "
    "once after it (a role in the plural is no one), the same, aggregate figures only"
)
_FRESH41 = (
    "written for the forty-first round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (b3eefa4) and "
    "once after it (a lower-case street in a lower-case text), aggregate figures only"
)
_FRESH42 = (
    "written for the forty-second round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (4823273) and "
    "once after it (a venue's words beside its hours), the same, aggregate figures only"
)
_FRESH43 = (
    "written for the forty-third round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (5a889a1) and "
    "once after it (the word a salutation addresses), the same, aggregate figures only"
)
_FRESH44 = (
    "written for the forty-fourth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (8b01fca) and "
    "once after it (902599f, an organisation's account in a text that names no one), the same, "
    "aggregate figures only"
)
_FRESH45 = (
    "written for the forty-fifth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (710c4db) and "
    "once after it (10d8bb0, a first name alone closing the text), the same, aggregate figures "
    "only"
)
_FRESH46 = (
    "written for the forty-sixth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (32e3912) and "
    "once after it (b7ccda4, an IBAN grouped oddly), the same, aggregate figures only"
)
_FRESH47 = (
    "written for the forty-seventh round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (47d9b13) and "
    "once after it (ad2bae7, placeholders written in full), the same, aggregate figures only"
)
_FRESH48 = (
    "written for the forty-eighth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (e5ecca8) and "
    "once after it (6ba2fda, the services' mobiles in the city's block), the same, aggregate "
    "figures only"
)
_FRESH49 = (
    "written for the forty-ninth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (3cfdb98) and "
    "once after it (1ab96bb, holidays' names), the same, aggregate figures only"
)
_FRESH50 = (
    "written for the fiftieth round by someone who never saw the masker, under the README's "
    "labelling policy, with no topic hint; scored once before the round (db3dca0) and once "
    "after it (5ba5a8e, initials in a mixed presence list), the same, aggregate figures only"
)
_FRESH51 = (
    "written for the fifty-first round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; that round turned no switch on, and the "
    "part was scored once on the masker as it shipped (920c46c), aggregate figures only"
)
_FRESH52 = (
    "written for the fifty-second round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (91e8f86) and "
    "once after it (e2f5c36, initials as a sentence's subject), aggregate figures only"
)
_FRESH53 = (
    "written for the fifty-third round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (d436cb7) and "
    "once after it (32e9e00, a lower-case first name and an initial), aggregate figures only"
)
_FRESH54 = (
    "written for the fifty-fourth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (8460502) and "
    "once after it (4c92af7, a staircase is one letter; an English role before an office's "
    "noun names a service), the same, aggregate figures only"
)
_FRESH55 = (
    "written for the fifty-fifth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (8524524) and "
    "once after it (59f0f29, a bare ' at ' needs a name-like local part; a service's labelled "
    "address), aggregate figures only"
)
_FRESH56 = (
    "written for the fifty-sixth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (a808db3) and "
    "once after it (db0b496, a placeholder person's record), the same, aggregate figures only"
)
_FRESH57 = (
    "written for the fifty-seventh round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; the round changed no switch; scored once "
    "on 7a5afc0 (the masker of the fifty-sixth round), aggregate figures only"
)
_FRESH58 = (
    "written for the fifty-eighth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (9b490d4) and "
    "once after it (7d9c243, swedish_genitive on), the same, aggregate figures only"
)
_FRESH59 = (
    "written for the fifty-ninth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (8758bbc) and "
    "once after it (d3e3b0c, 'Holm House' is a place), the same, aggregate figures only"
)
_FRESH60 = (
    "written for the sixtieth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (cb3c75a) and "
    "once after it (003a033, 'Erasmus' counts alone as a famous name), the same, aggregate "
    "figures only"
)
_FRESH62 = (
    "written for the sixty-second round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (476edbe) and "
    "once after it (6c20312, the switchboard is nobody's line), the same, aggregate figures only"
)
_FRESH63 = (
    "written for the sixty-third round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (21ca7d1) and "
    "once after it (d2f42bd, the pet forms of first names on), aggregate figures only"
)
_FRESH64 = (
    "written for the sixty-fourth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (2d519fd) and "
    "once after it (7cc66d5, surname_first_items on), the same, aggregate figures only"
)
_FRESH65 = (
    "written for the sixty-fifth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (4994532) and "
    "once after it (ba96bd1, person_brands on), the same, aggregate figures only"
)
_FRESH66 = (
    "written for the sixty-sixth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (d133e85) and "
    "once after it (eff47a1, a sign-off before a name in capitals), the same, aggregate "
    "figures only"
)
_FRESH67 = (
    "written for the sixty-seventh round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (dfe53df) and "
    "once after it (ad4ed9b, a naming phrase before a first name), the same, aggregate "
    "figures only"
)
_FRESH68 = (
    "written for the sixty-eighth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (f0c4e4b) and "
    "once after it (233abc8, hyphen_initials on), the same, aggregate figures only"
)
_FRESH69 = (
    "written for the sixty-ninth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (51ece78) and "
    "once after it (40ad12f, person_verbs on), aggregate figures only"
)
_FRESH70 = (
    "written for the seventieth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (7539305) and "
    "once after it (520734b, the population registers' first names), aggregate figures only"
)
_FRESH71 = (
    "written for the seventy-first round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (5ffe251) and "
    "once after it (e5d0d3d, initials opening a clause), the same, aggregate figures only"
)
_FRESH72 = (
    "written for the seventy-second round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (a08e5eb) and "
    "once after it (871dba9, initials signing a note), the same, aggregate figures only"
)
_FRESH73 = (
    "written for the seventy-third round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (dce7d60) and "
    "once after it (8cdf82f, a statue named like a person), the same, aggregate figures only"
)
_FRESH74 = (
    "written for the seventy-fourth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (1b95be5) and "
    "once after it (de489a0, a surname in capitals before a first name), the same, aggregate "
    "figures only"
)
_FRESH76 = (
    "written for the seventy-sixth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (97f5c18) and "
    "once after it (c67c513, a letter closing a code is no initial), the same, aggregate "
    "figures only"
)
_FRESH77 = (
    "written for the seventy-seventh round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (f0c1f1a) and "
    "once after it (d98a433, a famous writer), the same, aggregate figures only"
)
_FRESH78 = (
    "written for the seventy-eighth round (a measurement round: no change was chosen) by "
    "someone who never saw the masker, under the README's labelling policy, with no topic "
    "hint; scored once on 3018aad, aggregate figures only"
)
_FRESH79 = (
    "written for the seventy-ninth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (0ba85c3) and "
    "once after it (16de333, initials joined to initials and vote lists), the same, aggregate "
    "figures only"
)
_FRESH80 = (
    "written for the eightieth round by someone who never saw the masker, under the README's "
    "labelling policy, with no topic hint; scored once before the round (3e16cef) and once "
    "after it (37350c0, a motion's maker and supporters), the same, aggregate figures only"
)
_FRESH81 = (
    "written for the eighty-first round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (af5e09b) and "
    "once after it (ca13621, initials signing the end after a dash), the same, aggregate "
    "figures only"
)
_FRESH82 = (
    "written for the eighty-second round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (106b939) and "
    "once after it (cca22a5, an address ends at its line's end), aggregate figures only"
)
_FRESH83 = (
    "written for the eighty-third round (a measurement round: no change was chosen) by someone "
    "who never saw the masker, under the README's labelling policy, with no topic hint; scored "
    "once on 41d0e50, aggregate figures only"
)
_FRESH84 = (
    "written for the eighty-fourth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (57dd96d) and "
    "once after it (9aa7a31, names in capitals read by their own words), the same, aggregate "
    "figures only"
)
_FRESH87 = (
    "written for the eighty-seventh round (a measurement round: no change was chosen) by someone "
    "who never saw the masker, under the README's labelling policy, with no topic hint; scored "
    "once on 10af5ad, the same as on the session's first masker (57dd96d), aggregate figures "
    "only"
)
_FRESH88 = (
    "written for the eighty-eighth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (d09a190) and "
    "once after it (a49fe4b, lower-case names after a salutation), the same, aggregate figures "
    "only"
)
_FRESH89 = (
    "written for the eighty-ninth round (a measurement round: no change was chosen) by someone "
    "who never saw the masker, under the README's labelling policy, with no topic hint; scored "
    "once on 83672fa, aggregate figures only"
)
_FRESH90 = (
    "written for the ninetieth round by someone who never saw the masker, under the README's "
    "labelling policy, with no topic hint; scored once before the round (a93d21f) and once "
    "after it (8f2a304, streets named with a place before a lower-case street word, more "
    "Swedish street words, a neighbour's home), the same, aggregate figures only"
)
_FRESH92 = (
    "written for the ninety-second round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (72e4e19) and "
    "once after it (5100228, a signature's name up to three lines above an official's direct "
    "line), the same, aggregate figures only"
)
_FRESH95 = (
    "written for the ninety-fifth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (b738236) and "
    "once after it (a3b8bfe, a given name after a labelled surname in capitals), the same, "
    "aggregate figures only"
)
_FRESH96 = (
    "written for the ninety-sixth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (41b094b) and "
    "once after it (8eac62e, a lower-case surname that is also a word after a chat name), the "
    "same, aggregate figures only"
)
_FRESH97 = (
    "written for the ninety-seventh round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (e0a53af) and "
    "once after it (6a291f8, a first name and a surname of the population registers), the "
    "same, aggregate figures only"
)
_FRESH98 = (
    "written for the ninety-eighth round (a measurement round: no change was chosen) by "
    "someone who never saw the masker, under the README's labelling policy, with no topic hint; "
    "scored once on 7bf6d22, aggregate figures only"
)
_FRESH99 = (
    "written for the ninety-ninth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (6febb55) and "
    "once after it (e6ef0c2, the rest of a list of initials), the same, aggregate figures only"
)
_FRESH104 = (
    "written for the hundred-and-fourth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (63ef175) and "
    "once after it (5cc73d5, a first name after an introduction), the same, aggregate figures "
    "only"
)
_FRESH105 = (
    "written for the hundred-and-fifth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (bfe6cee) and "
    "once after it (672f745, a name that a naming word presents), the same, aggregate figures "
    "only"
)
_FRESH106 = (
    "written for the hundred-and-sixth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (7183d6e) and "
    "once after it (96c0ed9, a number's holder named beside it), the same, aggregate figures "
    "only"
)
_FRESH107 = (
    "written for the hundred-and-seventh round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (480e615) and "
    "once after it (c449b5d, an initial and a register surname), aggregate figures only"
)
_FRESH110 = (
    "written for the hundred-and-tenth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (aaf9761) and "
    "once after it (5fbda8b, hyphenated initials without a surname), the same, aggregate "
    "figures only"
)
_FRESH111 = (
    "written for the hundred-and-eleventh round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (6ea06b9) and "
    "once after it (160eb3c, a surname, a comma and first names as a list item), the same, "
    "aggregate figures only"
)
_FRESH112 = (
    "written for the hundred-and-twelfth round by someone who never saw the masker, under the "
    "README's labelling policy, with no topic hint; scored once before the round (42deaf0) and "
    "once after it (61f211f, a lower-case surname after a title or a person noun), the same, "
    "aggregate figures only"
)
_FRESH115 = (
    "written for the hundred-and-fifteenth round (a measurement round: no change was chosen) "
    "by someone who never saw the masker, under the README's labelling policy, from a brief "
    "written anew (the third) that lists the forms names take, with examples, and no topic "
    "hint; scored once on 579544c, aggregate figures only"
)
_FRESH116 = (
    "written for the hundred-and-sixteenth round by someone who never saw the masker, under "
    "the README's labelling policy, from the third brief (it lists the forms names take, with "
    "examples, and gives no topic hint); scored once before the round (a497c22) and once after "
    "it (9dc8d91, the surname after a first name found), the same, aggregate figures only"
)
_FRESH118 = (
    "written for the hundred-and-eighteenth round by someone who never saw the masker, under "
    "the README's labelling policy, from the third brief (it lists the forms names take, with "
    "examples, and gives no topic hint); scored once before the round (f49fedd) and once after "
    "it (the venue guard's role nouns), the same, aggregate figures only"
)
HELD_OUT_PARTS: dict[str, list[pytest.MarkDecorator]] = {
    "heldout230": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH118} (Finnish-leaning): 0.964 (373/387), look-alikes masked "
            "3/399, strings without personal data masked 1/104 (recall below 0.97); with the "
            "tagger on 0.974 (377/387), 3/399, 1/104; on 57dd96d 0.959 (371/387)",
        )
    ],
    # heldout231 met the targets when it was scored (see _FRESH118; Swedish-leaning): 0.981
    # (361/368), look-alikes masked 1/355, strings without personal data masked 1/101; with the
    # tagger on 0.992 (365/368), 1/355, 1/101; on 57dd96d 0.976 (359/368).
    "heldout231": [],
    "heldout228": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH116} (Finnish-leaning): 0.951 (444/467), look-alikes masked "
            "4/595, strings without personal data masked 4/103 (recall below 0.97, clean "
            "strings above 0.02); with the tagger on 0.955 (446/467), 4/595, 4/103; on 57dd96d "
            "0.944 (441/467)",
        )
    ],
    "heldout229": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH116} (Swedish-leaning): 0.966 (479/496), look-alikes masked "
            "3/576, strings without personal data masked 0/100 (recall below 0.97); with the "
            "tagger on 0.984 (488/496), 4/576, 1/100; on 57dd96d 0.964 (478/496)",
        )
    ],
    "heldout226": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH115} (Finnish-leaning): 0.923 (405/439), look-alikes masked "
            "2/496, strings without personal data masked 2/100 (recall below 0.97); with the "
            "tagger on 0.936 (411/439), 2/496, 2/100; on 57dd96d 0.918 (403/439)",
        )
    ],
    "heldout227": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH115} (Swedish-leaning): 0.965 (389/403), look-alikes masked "
            "2/427, strings without personal data masked 1/101 (recall below 0.97); with the "
            "tagger on 0.978 (394/403), 2/427, 1/101; on 57dd96d 0.960 (387/403)",
        )
    ],
    # heldout224 and heldout225 met the targets when they were scored: written for the
    # hundred-and-fourteenth round (a measurement round: its candidate stays off) by someone
    # who never saw the masker, under the README's labelling policy, with no topic hint;
    # scored once on b3d3366, aggregate figures only: heldout224 (Finnish-leaning, a third
    # Swedish) 0.973 (389/400), look-alikes masked 4/373, strings without personal data masked
    # 1/102, with the tagger on 0.985 (394/400), 5/373, 1/102; heldout225 (Swedish-leaning, a
    # third Finnish) 0.990 (405/409), 1/300, 1/104, with the tagger on 0.990 (405/409). On the
    # new brief's first masker (57dd96d): 0.968 (387/400), 3/373, and 0.985 (403/409).
    "heldout224": [],
    "heldout225": [],
    # heldout222 and heldout223 met the targets when they were scored: written for the
    # hundred-and-thirteenth round by someone who never saw the masker, under the README's
    # labelling policy, with no topic hint; scored once before the round (eb9f8d6) and once
    # after it (38c6344, initials that are English words only), the same, aggregate figures
    # only: heldout222 (Finnish-leaning, a third Swedish) 0.981 (416/424), look-alikes masked
    # 1/361, strings without personal data masked 0/103, with the tagger on 0.983 (417/424);
    # heldout223 (Swedish-leaning, a third Finnish) 0.990 (417/421), 2/330, 2/101, with the
    # tagger on 0.993 (418/421). On the new brief's first masker (57dd96d): 0.969 (411/424) and
    # 0.983 (414/421), the same look-alikes and clean strings.
    "heldout222": [],
    "heldout223": [],
    # heldout220 met the targets when it was scored (see _FRESH112; Finnish-leaning, a third
    # Swedish): 0.980 (481/491), look-alikes masked 3/404, strings without personal data masked
    # 2/100; with the tagger on 0.984 (483/491), the same look-alikes and clean strings; on the
    # new brief's first masker (57dd96d) 0.971 (477/491).
    "heldout220": [],
    "heldout221": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH112} (Swedish-leaning, a third Finnish): 0.993 (440/443), "
            "look-alikes masked 3/342, strings without personal data masked 4/101 (clean "
            "strings above 0.02); with the tagger on 0.993 (440/443), 3/342, 4/101; on the new "
            "brief's first masker (57dd96d) 0.984 (436/443)",
        )
    ],
    "heldout218": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH111} (Finnish-leaning, a third Swedish): 0.969 (378/390), "
            "look-alikes masked 6/374, strings without personal data masked 3/103 (recall "
            "below 0.97 by one item, clean strings above 0.02); with the tagger on 0.979 "
            "(382/390), 6/374, 3/103; on the new brief's first masker (57dd96d) 0.964 (376/390)",
        )
    ],
    # heldout219 met the targets when it was scored (see _FRESH111; Swedish-leaning, a third
    # Finnish): 0.971 (432/445), look-alikes masked 1/405, strings without personal data masked
    # 1/101; with the tagger on 0.975 (434/445), the same look-alikes and clean strings; on the
    # new brief's first masker (57dd96d) 0.960 (427/445).
    "heldout219": [],
    "heldout216": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH110} (Finnish-leaning, a third Swedish): 0.963 (393/408), "
            "look-alikes masked 0/333, strings without personal data masked 0/100 (recall "
            "below 0.97); with the tagger on 0.968 (395/408), 0/333, 0/100; on the new brief's "
            "first masker (57dd96d) 0.961 (392/408)",
        )
    ],
    # heldout217 meets the targets since the hundred-and-twelfth round (a lower-case surname
    # after a title or a person noun, chosen on the odd-numbered studied parts to heldout213;
    # this one was not read: 0.971 (402/414), 1/330, 1/101). Its history, as its strict xfail
    # quoted it: _FRESH110 (Swedish-leaning, a third Finnish): 0.969 (401/414), look-alikes
    # masked 1/330, strings without personal data masked 1/101 (recall below 0.97 by one
    # item); with the tagger on 0.981 (406/414), 1/330, 1/101; on the new brief's first masker
    # (57dd96d) 0.966 (400/414).
    "heldout217": [],
    # heldout214 and heldout215 met the targets when they were scored: written for the
    # hundred-and-ninth round by someone who never saw the masker, under the README's
    # labelling policy, with no topic hint; scored once before the round (d8bd5e5) and once
    # after it (7521e51, a double first name in lower case), the same, aggregate figures only:
    # heldout214 (Finnish-leaning, over a quarter Swedish) 0.971 (396/408), look-alikes
    # masked 3/279, strings without personal data masked 0/100, with the tagger on 0.978
    # (399/408);
    # heldout215 (Swedish-leaning, a third Finnish) 0.985 (407/413), 2/270, 0/101, with the
    # tagger on 0.990 (409/413). On the new brief's first masker (57dd96d): 0.963 (393/408) and
    # 0.981 (405/413), the same look-alikes and clean strings.
    "heldout214": [],
    "heldout215": [],
    # heldout212 and heldout213 met the targets when they were scored: written for the
    # hundred-and-eighth round by someone who never saw the masker, under the README's
    # labelling policy, with no topic hint; scored once before the round (6431148) and once
    # after it (6ce96f1, hyphenated initials and a surname), the same, aggregate figures only:
    # heldout212 (Finnish-leaning, a third Swedish) 0.982 (428/436), look-alikes masked 3/329,
    # strings without personal data masked 0/104, with the tagger on 0.989 (431/436);
    # heldout213 (Swedish-leaning, a third Finnish) 0.981 (424/432), 5/354, 0/100, with the
    # tagger on 0.984 (425/432). On the new brief's first masker (57dd96d): 0.979 (427/436) and
    # 0.979 (423/432), the same look-alikes and clean strings.
    "heldout212": [],
    "heldout213": [],
    # heldout210 meets the targets since the hundred-and-ninth round (a double first name in
    # lower case, chosen on the odd-numbered studied parts; this one is of the others: 0.971
    # (442/455), 4/523, 0/100). Its history, as its strict xfail quoted it: _FRESH107
    # (Finnish-leaning, a third Swedish): 0.965 (439/455) before, 0.969 (441/455) after,
    # look-alikes masked 4/523, strings without personal data masked 0/100 (recall below 0.97
    # by one item); with the tagger on 0.978 (445/455), 4/523, 0/100; on the new brief's first
    # masker (57dd96d) 0.960 (437/455).
    "heldout210": [],
    # heldout211 met the targets when it was scored (see _FRESH107; Swedish-leaning, a third
    # Finnish), the same before and after: 0.977 (382/391), look-alikes masked 5/379, strings
    # without personal data masked 2/100; with the tagger on 0.982 (384/391), the same
    # look-alikes and clean strings; on the new brief's first masker (57dd96d) 0.972 (380/391).
    "heldout211": [],
    "heldout208": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH106} (Finnish-leaning, a third Swedish): 0.967 (414/428), "
            "look-alikes masked 3/373, strings without personal data masked 1/100 (recall "
            "below 0.97); with the tagger on 0.984 (421/428), 3/373, 1/100; on the new brief's "
            "first masker (57dd96d) 0.953 (408/428)",
        )
    ],
    # heldout209 met the targets when it was scored (see _FRESH106; Swedish-leaning, a third
    # Finnish): 0.976 (410/420), look-alikes masked 3/356, strings without personal data masked
    # 1/102; with the tagger on 0.988 (415/420), the same look-alikes and clean strings; on the
    # new brief's first masker (57dd96d) 0.971 (408/420).
    "heldout209": [],
    # heldout206 met the targets when it was scored (see _FRESH105; Finnish-leaning, a third
    # Swedish): 0.972 (414/426), look-alikes masked 1/461, strings without personal data masked
    # 0/105; with the tagger on 0.977 (416/426), the same look-alikes and clean strings; on the
    # new brief's first masker (57dd96d) 0.962 (410/426), below the recall target.
    "heldout206": [],
    "heldout207": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH105} (Swedish-leaning, a third Finnish): 0.995 (421/423), "
            "look-alikes masked 4/403, strings without personal data masked 4/102 (clean "
            "strings above 0.02); with the tagger on the same; on the new brief's first masker "
            "(57dd96d) 0.988 (418/423), 4/403, 4/102",
        )
    ],
    "heldout204": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH104} (Finnish-leaning, a third Swedish): 0.957 (418/437), "
            "look-alikes masked 4/419, strings without personal data masked 2/100 (recall "
            "below 0.97); with the tagger on 0.977 (427/437), 4/419, 2/100; on the new brief's "
            "first masker (57dd96d) 0.947 (414/437)",
        )
    ],
    # heldout205 meets the targets since the hundred-and-eighteenth round (the venue guard leaves a
    # name after a role noun, designed on the odd-numbered studied parts, this one among them:
    # 0.972 (415/427), 3/369, 1/99). Its history, as its strict xfail quoted it: _FRESH104
    # (Swedish-leaning, a third Finnish): 0.967 (413/427), look-alikes masked 3/369, strings
    # without personal data masked 1/99 (recall below 0.97); with the tagger on 0.970 (414/427),
    # 3/369, 1/99; on the new brief's first masker (57dd96d) 0.958 (409/427).
    "heldout205": [],
    # heldout202 and heldout203 met the targets when they were scored: written for the
    # hundred-and-third round by someone who never saw the masker, under the README's
    # labelling policy, with no topic hint; scored once before the round (d4db90c) and once
    # after it (34733b0, a found name's initials elsewhere in its text), the same, aggregate
    # figures only: heldout202 (Finnish-leaning, a third Swedish) 0.986 (413/419), look-alikes
    # masked 3/373, strings without personal data masked 0/101, with the tagger on 0.988
    # (414/419); heldout203 (Swedish-leaning, a third Finnish) 0.979 (423/432), 3/378, 2/102,
    # with the tagger on 0.984 (425/432). On the new brief's first masker (57dd96d): 0.983
    # (412/419) and 0.975 (421/432), the same look-alikes and clean strings.
    "heldout202": [],
    "heldout203": [],
    # heldout200 and heldout201 met the targets when they were scored: written for the
    # hundred-and-second round by someone who never saw the masker, under the README's
    # labelling policy, with no topic hint; scored once before the round (461564e) and once
    # after it (e9799e1, a role word opening a list's item), the same, aggregate figures only:
    # heldout200 (Finnish-leaning, a third Swedish) 0.972 (421/433), look-alikes masked 0/326,
    # strings without personal data masked 0/104, with the tagger on 0.977 (423/433);
    # heldout201 (Swedish-leaning, a third Finnish) 0.972 (411/423), 3/388, 1/102, with the
    # tagger on 0.979 (414/423). On the new brief's first masker (57dd96d) both miss recall:
    # 0.968 (419/433) and 0.969 (410/423).
    "heldout200": [],
    "heldout201": [],
    # heldout198 and heldout199 met the targets when they were scored: written for the
    # hundred-and-first round by someone who never saw the masker, under the README's labelling
    # policy, with no topic hint; scored once before the round (a60a4ec) and once after it
    # (96f26a7, a street with no street word before a postal code), the same, aggregate figures
    # only: heldout198 (Finnish-leaning, a third Swedish) 0.982 (437/445), look-alikes masked
    # 4/361, strings without personal data masked 1/104, with the tagger on 0.984 (438/445),
    # 4/361, 2/104; heldout199 (Swedish-leaning, a third Finnish) 0.988 (400/405), 1/345, 0/100,
    # with the tagger on 0.995 (403/405), 1/345, 1/100. On the new brief's first masker
    # (57dd96d): 0.980 (436/445), 3/361, 1/104 and 0.985 (399/405).
    "heldout198": [],
    "heldout199": [],
    # heldout196 and heldout197 met the targets when they were scored: written for the
    # hundredth round by someone who never saw the masker, under the README's labelling policy,
    # with no topic hint; scored once before the round (e6ef0c2) and once after it (6b66fa5, a
    # first name mentioned with "@"), the same, aggregate figures only: heldout196
    # (Finnish-leaning, a third Swedish) 0.979 (410/419), look-alikes masked 3/410, strings
    # without personal data masked 0/103, with the tagger on 0.983 (412/419); heldout197
    # (Swedish-leaning, a third Finnish) 0.980 (396/404), 2/320, 1/100, with the tagger on 0.993
    # (401/404). On the new brief's first masker (57dd96d): 0.976 (409/419) and 0.980.
    "heldout196": [],
    "heldout197": [],
    # heldout194 met the targets when it was scored (see _FRESH99; Finnish-leaning, a third
    # Swedish): 0.978 (443/453), look-alikes masked 4/307, strings without personal data masked
    # 0/104; with the tagger on 0.985 (446/453), the same look-alikes and clean strings.
    "heldout194": [],
    # heldout195 meets the targets since the hundred-and-twelfth round (a lower-case surname
    # after a title or a person noun, chosen on the odd-numbered studied parts, this one among
    # them: 0.973 (400/411), 4/382, 2/101). Its history, as its strict xfail quoted it:
    # _FRESH99 (Swedish-leaning, a third Finnish): 0.961 (395/411), look-alikes masked 4/382,
    # strings without personal data masked 2/101 (recall below 0.97); with the tagger on 0.973
    # (400/411), 4/382, 2/101.
    "heldout195": [],
    "heldout192": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH98} (Finnish-leaning, a third Swedish): 0.965 (446/462), "
            "look-alikes masked 3/411, strings without personal data masked 2/101 (recall "
            "below 0.97); with the tagger on 0.972 (449/462), 3/411, 2/101",
        )
    ],
    # heldout193 met the targets when it was scored (see _FRESH98; Swedish-leaning, a third
    # Finnish): 0.973 (429/441), look-alikes masked 2/370, strings without personal data masked
    # 0/102; with the tagger on 0.984 (434/441), the same look-alikes and clean strings.
    "heldout193": [],
    # heldout190 met the targets when it was scored (see _FRESH97; Finnish-leaning, a third
    # Swedish): 0.973 (467/480), look-alikes masked 1/360, strings without personal data masked
    # 0/102; with the tagger on 0.979 (470/480), the same look-alikes and clean strings.
    "heldout190": [],
    "heldout191": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH97} (Swedish-leaning, a third Finnish): 0.987 (388/393), "
            "look-alikes masked 6/322, strings without personal data masked 4/102 (clean "
            "strings above 0.02); with the tagger on 0.992 (390/393), 6/322, 5/102",
        )
    ],
    # heldout188 met the targets when it was scored (see _FRESH96; Finnish-leaning, a third
    # Swedish): 0.979 (421/430), look-alikes masked 2/331, strings without personal data masked
    # 0/101; with the tagger on 0.986 (424/430), the same look-alikes and clean strings.
    "heldout188": [],
    # heldout189 meets the targets since the hundred-and-first round (a street with no street
    # word before a postal code, chosen on the odd-numbered studied parts, this one among them,
    # after register_pairs found one item more in the ninety-seventh: 0.972 (418/430), 6/390,
    # 1/102). Its history, as its strict xfail quoted it: _FRESH96 (Swedish-leaning, a third
    # Finnish): 0.965 (415/430), look-alikes masked 6/390, strings without personal data masked
    # 1/102 (recall below 0.97); with the tagger on 0.970 (417/430), 7/390, 1/102.
    "heldout189": [],
    "heldout186": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH95} (Finnish-leaning, a third Swedish): 0.990 (406/410), "
            "look-alikes masked 5/394, strings without personal data masked 3/102 (clean "
            "strings above 0.02); with the tagger on the same",
        )
    ],
    # heldout187 met the targets when it was scored (see _FRESH95; Swedish-leaning, a third
    # Finnish): 0.973 (469/482), look-alikes masked 0/399, strings without personal data masked
    # 0/99; with the tagger on 0.985 (475/482), 1/399, 1/99; on the new brief's first masker
    # (57dd96d) 0.965 (465/482).
    "heldout187": [],
    # heldout184 and heldout185 met the targets when they were scored: written for the
    # ninety-fourth round by someone who never saw the masker, under the README's labelling
    # policy, with no topic hint; scored once before the round (d09de3a) and once after it
    # (7268707, a conjunction between names in capitals stays small), aggregate figures only:
    # heldout184 (Finnish-leaning, a third Swedish) 0.977 (385/394) both times, look-alikes
    # masked 1/310, strings without personal data masked 1/102, with the tagger on 0.985
    # (388/394); heldout185 (Swedish-leaning, a third Finnish) 0.979 (474/484) before, 0.981
    # (475/484) after, 1/382, 0/100, with the tagger on 0.986 (477/484). On the new brief's
    # first masker (57dd96d): 0.967 (381/394) and 0.977 (473/484).
    "heldout184": [],
    "heldout185": [],
    # heldout182 and heldout183 met the targets when they were scored: written for the
    # ninety-third round by someone who never saw the masker, under the README's labelling
    # policy, with no topic hint; scored once before the round (8fa697b) and once after it
    # (a696d6d, a first name in capitals signing a message's end), the same, aggregate figures
    # only: heldout182 (Finnish-leaning, a third Swedish) 0.977 (422/432), look-alikes masked
    # 3/350, strings without personal data masked 0/103, with the tagger on 0.979 (423/432),
    # 3/350, 0/103; heldout183 (Swedish-leaning, a third Finnish) 0.989 (449/454), 2/358,
    # 0/102, with the tagger on the same.
    "heldout182": [],
    "heldout183": [],
    "heldout180": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH92} (Finnish-leaning, a third Swedish): 0.966 (394/408), "
            "look-alikes masked 6/339, strings without personal data masked 3/101 (recall "
            "below 0.97, clean strings above 0.02; 0.963 on the new brief's first masker, "
            "57dd96d); with the tagger on 0.978 (399/408), 6/339, 3/101",
        )
    ],
    # heldout181 met the targets when it was scored (see _FRESH92; Swedish-leaning, a third
    # Finnish): 0.986 (414/420), look-alikes masked 1/329, strings without personal data masked
    # 0/100; with the tagger on 0.998 (419/420), 1/329, 0/100.
    "heldout181": [],
    # heldout178 and heldout179 met the targets when they were scored: written for the
    # ninety-first round by someone who never saw the masker, under the README's labelling
    # policy, with no topic hint; scored once before the round (d8074a7) and once after it
    # (e1185c3, a service's line shown by its own words keeps a mobile of the services' block
    # readable), the same, aggregate figures only: heldout178 (Finnish-leaning, a third Swedish)
    # 0.993 (416/419), look-alikes masked 2/365, strings without personal data masked 1/103,
    # with the tagger on 0.998 (418/419), 2/365, 1/103; heldout179 (Swedish-leaning, a third
    # Finnish) 0.978 (404/413), 6/363, 1/105, with the tagger on 0.990 (409/413), 6/363, 2/105.
    "heldout178": [],
    "heldout179": [],
    # heldout176 met the targets when it was scored (see _FRESH90; Finnish-leaning, a third
    # Swedish): 0.979 (372/380), look-alikes masked 3/323, strings without personal data masked
    # 2/100; with the tagger on 0.984 (374/380), 3/323, 2/100.
    "heldout176": [],
    "heldout177": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH90} (Swedish-leaning, a third Finnish): 0.967 (443/458), "
            "look-alikes masked 4/395, strings without personal data masked 0/102 (recall "
            "below 0.97; 0.963 on the new brief's first masker, 57dd96d); with the tagger on "
            "0.974 (446/458), 4/395, 0/102",
        )
    ],
    "heldout174": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH89} (Finnish-leaning, a third Swedish): 0.953 (348/365), "
            "look-alikes masked 2/306, strings without personal data masked 0/99 (recall below "
            "0.97; 0.951 on the session's first masker, 57dd96d); with the tagger on 0.967 "
            "(353/365), 2/306, 0/99",
        )
    ],
    "heldout175": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH89} (Swedish-leaning, a third Finnish): 0.978 (442/452), "
            "look-alikes masked 5/423, strings without personal data masked 4/100 (clean "
            "strings above 0.02); with the tagger on 0.982 (444/452), 5/423, 4/100",
        )
    ],
    # heldout172 met the targets when it was scored (see _FRESH88; Finnish-leaning, a third
    # Swedish): 0.978 (440/450), look-alikes masked 2/399, strings without personal data masked
    # 1/101; with the tagger on 0.987 (444/450), 2/399, 1/101.
    "heldout172": [],
    # heldout173 meets the targets since the ninetieth round (streets named with a place
    # before a lower-case street word, more Swedish street words, a neighbour as someone who
    # lives at the address; chosen on the studied parts, this one among them: 0.971 (473/487),
    # 5/352, 1/102). Its history, as its strict xfail quoted it: _FRESH88 (Swedish-leaning, a
    # third Finnish): 0.969 (472/487), look-alikes masked 5/352, strings without personal data
    # masked 1/102 (recall below 0.97 by one item); with the tagger on 0.975 (475/487), 5/352,
    # 1/102.
    "heldout173": [],
    # heldout170 meets the targets since the hundred-and-fourth round (a first name after an
    # introduction, chosen on the odd-numbered studied parts; this one is among the others, not
    # read for it: 0.970 (390/402), 2/247, 0/104). Its history, as its strict xfail quoted it:
    # _FRESH87 (Finnish-leaning, a quarter Swedish): 0.965 (388/402), look-alikes masked 2/247,
    # strings without personal data masked 0/104 (recall below 0.97); with the tagger on 0.975
    # (392/402), 2/247, 0/104.
    "heldout170": [],
    # heldout171 meets the targets since the ninety-seventh round (a hand-listed first name and
    # a surname of the population registers, chosen on the studied parts, this one among them:
    # 0.972 (416/428), 5/351, 1/102). Its history, as its strict xfail quoted it: _FRESH87
    # (Swedish-leaning, a third Finnish): 0.960 (411/428), look-alikes masked 5/351, strings
    # without personal data masked 1/102 (recall below 0.97); with the tagger on 0.974
    # (417/428), 5/351, 1/102.
    "heldout171": [],
    # heldout168 and heldout169 met the targets when they were scored: written for the
    # eighty-sixth round by someone who never saw the masker, under the README's labelling
    # policy, with no topic hint; scored once before the round (23ff43e) and once after it
    # (3783390, a double surname is no place), the same, aggregate figures only: heldout168
    # (Finnish-leaning, a quarter Swedish) 0.991 (422/426), look-alikes masked 2/395, strings
    # without personal data masked 1/103, with the tagger on the same; heldout169
    # (Swedish-leaning, a third Finnish) 0.986 (433/439), 7/414, 0/97, with the tagger on 0.995
    # (437/439), 7/414, 0/97.
    "heldout168": [],
    "heldout169": [],
    # heldout166 and heldout167 met the targets when they were scored: written for the
    # eighty-fifth round by someone who never saw the masker, under the README's labelling
    # policy, with no topic hint; scored once before the round (78e66d3) and once after it
    # (793120b, a first name joined by a hyphen to a family or role noun), aggregate figures
    # only: heldout166 (Finnish-leaning, a third Swedish) 0.975 (425/436) before, 0.977
    # (426/436) after, look-alikes masked 2/365, strings without personal data masked 2/100,
    # with the tagger on 0.984 (429/436), 2/365, 2/100; heldout167 (Swedish-leaning, a third
    # Finnish) 0.976 (443/454), 3/364, 1/105 both times, with the tagger on 0.982 (446/454),
    # 3/364, 2/105.
    "heldout166": [],
    "heldout167": [],
    # heldout164 met the targets when it was scored (see _FRESH84; Finnish-leaning, a third
    # Swedish): 0.974 (375/385), look-alikes masked 3/336, strings without personal data masked
    # 2/104; with the tagger on 0.979 (377/385), 3/336, 2/104.
    "heldout164": [],
    # heldout165 meets the targets since the eighty-sixth round (a double surname is no place
    # named after a person, chosen on the studied parts, this one among them: 0.971 (438/451),
    # 6/356, 1/104). Its history, as its strict xfail quoted it: _FRESH84 (Swedish-leaning, a
    # third Finnish): 0.969 (437/451), look-alikes masked 6/356, strings without personal data
    # masked 1/104 (recall below 0.97 by one item); with the tagger on 0.982 (443/451), 6/356,
    # 1/104.
    "heldout165": [],
    "heldout162": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH83} (Finnish-leaning, two fifths Swedish): 0.987 (390/395), "
            "look-alikes masked 9/388 (0.023, above 0.02), strings without personal data "
            "masked 1/106; with the tagger on 0.995 (393/395), 9/388, 2/106",
        )
    ],
    # heldout163 meets the targets since the hundredth round (a first name mentioned with "@",
    # chosen on the odd-numbered studied parts, this one among them: 0.974 (334/343), 2/402,
    # 1/110). Its history, as its strict xfail quoted it: _FRESH83 (Finnish and Swedish about
    # evenly): 0.965 (331/343), look-alikes masked 2/402, strings without personal data masked
    # 1/110 (recall below 0.97); with the tagger on 0.977 (335/343), 2/402, 1/110.
    "heldout163": [],
    # heldout160 meets the targets since the eighty-fifth round (a first name joined by a hyphen
    # to a family or role noun, chosen on the studied parts, this one among them: 0.972
    # (342/352), 3/387, 1/102). Its history, as its strict xfail quoted it: _FRESH82
    # (Finnish-leaning, a third Swedish): 0.969 (341/352), look-alikes masked 3/387 (4/387 before
    # the round), strings without personal data masked 1/102 (recall below 0.97 by one item);
    # with the tagger on 0.972 (342/352), 3/387, 1/102.
    "heldout160": [],
    "heldout161": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH82} (Finnish and Swedish evenly): 0.962 (331/344), look-alikes "
            "masked 2/409, strings without personal data masked 1/101, the same before the "
            "round (recall below 0.97); with the tagger on 0.968 (333/344), 2/409, 1/101",
        )
    ],
    "heldout158": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH81} (Finnish and Swedish about evenly): 0.945 (364/385), "
            "look-alikes masked 1/455, strings without personal data masked 1/101 (recall "
            "below 0.97); with the tagger on 0.953 (367/385), 1/455, 1/101",
        )
    ],
    "heldout159": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH81} (Finnish-leaning, two fifths Swedish): 0.978 (358/366), "
            "look-alikes masked 4/303, strings without personal data masked 4/101 (clean "
            "strings above 0.02); with the tagger on 0.986 (361/366), 4/303, 4/101",
        )
    ],
    "heldout156": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH80} (Finnish and Swedish evenly): 0.953 (447/469), look-alikes "
            "masked 11/605, strings without personal data masked 5/101 (recall below 0.97, "
            "clean strings above 0.02); with the tagger on 0.966 (453/469), 11/605, 5/101",
        )
    ],
    # heldout157 meets the targets since the eighty-first round (initials signing the end after a
    # dash, chosen on the studied parts, this one among them: 0.971 (366/377), 5/408, 1/102). Its
    # history, as its strict xfail quoted it: _FRESH80 (Finnish-leaning, two fifths Swedish): 0.968
    # (365/377), look-alikes masked 5/408, strings without personal data masked 1/102 (recall below
    # 0.97); with the tagger on 0.976 (368/377), 5/408, 1/102.
    "heldout157": [],
    "heldout154": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH79} (Finnish-leaning, two fifths Swedish): 0.945 (341/361), "
            "look-alikes masked 3/344, strings without personal data masked 3/106 (recall "
            "below 0.97, clean strings above 0.02); with the tagger on 0.953 (344/361), 3/344, "
            "3/106",
        )
    ],
    "heldout155": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH79} (Finnish and Swedish about evenly): 0.973 (391/402), "
            "look-alikes masked 6/470, strings without personal data masked 4/100 (clean "
            "strings above 0.02); with the tagger on 0.988 (397/402), 7/470, 4/100",
        )
    ],
    "heldout152": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH78} (Finnish and Swedish about evenly): 0.959 (347/362), "
            "look-alikes masked 4/463, strings without personal data masked 2/104 (recall "
            "below 0.97); with the tagger on 0.964 (349/362), 4/463, 2/104",
        )
    ],
    "heldout153": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH78} (Finnish and Swedish about evenly): 0.976 (360/369), "
            "look-alikes masked 5/383, strings without personal data masked 4/100 (clean "
            "strings above 0.02); with the tagger on 0.986 (364/369), 5/383, 4/100",
        )
    ],
    "heldout150": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH77} (Finnish and Swedish about evenly): 0.953 (410/430), "
            "look-alikes masked 3/451, strings without personal data masked 2/101 (recall "
            "below 0.97); with the tagger on 0.960 (413/430), 3/451, 3/101",
        )
    ],
    # heldout151 meets the targets since the hundred-and-third round (a found name's initials
    # elsewhere in its text, chosen on the odd-numbered studied parts, this one among them:
    # 0.980 (390/398), 2/437, 1/108). Its history, as its strict xfail quoted it: _FRESH77
    # (Finnish-leaning, two fifths Swedish): 0.9698 (386/398), look-alikes masked 2/437,
    # strings without personal data masked 1/108 (recall below 0.97 by one item); with the
    # tagger on 0.977 (389/398), 2/437, 1/108.
    "heldout151": [],
    # heldout148 meets the targets since the hundred-and-thirteenth round (initials that are
    # English words only, chosen on the odd-numbered studied parts; this one is of the others:
    # 0.971 (428/441), 4/462, 1/101). Its history, as its strict xfail quoted it: _FRESH76
    # (Finnish and Swedish about evenly): 0.950 (419/441), look-alikes masked 6/462, strings
    # without personal data masked 1/101 (recall below 0.97); with the tagger on 0.959
    # (423/441), 6/462, 1/101.
    "heldout148": [],
    "heldout149": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH76} (Finnish-leaning, two fifths Swedish): 0.981 (366/373), "
            "look-alikes masked 8/467, strings without personal data masked 6/105 (clean "
            "strings above 0.02); with the tagger on 0.987 (368/373), 8/467, 6/105",
        )
    ],
    # heldout146 and heldout147 met the targets when they were scored: written for the
    # seventy-fifth round (a measurement round, no change chosen) by someone who never saw the
    # masker, under the README's labelling policy, with no topic hint; scored once on 9ebd69e,
    # aggregate figures only (Finnish and Swedish evenly): 0.978 (360/368), look-alikes masked
    # 4/439, strings without personal data masked 2/100, with the tagger on 0.986 (363/368),
    # 4/439, 2/100; and 0.977 (337/345), 7/420, 2/102, with the tagger on 0.983 (339/345),
    # 7/420, 2/102.
    "heldout146": [],
    "heldout147": [],
    # heldout144 met the targets when it was scored (see _FRESH74; Finnish and Swedish about
    # evenly): 0.975 (318/326), look-alikes masked 1/361, strings without personal data masked
    # 1/105; with the tagger on 0.985 (321/326), 3/361, 1/105.
    "heldout144": [],
    # heldout145 meets the targets since the hundred-and-third round (a found name's initials
    # elsewhere in its text, chosen on the odd-numbered studied parts, this one among them:
    # 0.975 (358/367), 6/329, 1/101). Its history, as its strict xfail quoted it: _FRESH74
    # (Finnish-leaning, two fifths Swedish): 0.962 (353/367), look-alikes masked 7/329,
    # strings without personal data masked 1/101 (recall below 0.97, look-alikes above 0.02);
    # with the tagger on 0.967 (355/367), 7/329, 1/101.
    "heldout145": [],
    # heldout142 meets the targets since the hundred-and-ninth round (a double first name in
    # lower case, chosen on the odd-numbered studied parts; this one is of the others: 0.972
    # (353/363), 4/384, 1/100). Its history, as its strict xfail quoted it: _FRESH73 (Finnish
    # and Swedish about evenly): 0.953 (346/363), look-alikes masked 4/384, strings without
    # personal data masked 1/100 (recall below 0.97); with the tagger on 0.975 (354/363),
    # 4/384, 1/100.
    "heldout142": [],
    # heldout143 meets the targets since the seventy-ninth round (initials joined to initials,
    # chosen on the studied parts, this one among them: 0.973 (365/375), 4/386, 2/102). Its
    # history, as its strict xfail quoted it: _FRESH73 (Finnish and Swedish about evenly): 0.968
    # (363/375), look-alikes masked 4/386, strings without personal data masked 2/102 (recall below
    # 0.97); with the tagger on 0.979 (367/375), 4/386, 2/102.
    "heldout143": [],
    "heldout140": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH72} (Finnish-leaning, two fifths Swedish): 0.956 (369/386), "
            "look-alikes masked 8/450, strings without personal data masked 1/105 (recall "
            "below 0.97); with the tagger on 0.972 (375/386), 8/450, 1/105",
        )
    ],
    "heldout141": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH72} (Swedish and Finnish evenly): 0.994 (349/351), look-alikes "
            "masked 5/418, strings without personal data masked 2/97 (0.021, above 0.02); "
            "with the tagger on 0.997 (350/351), 5/418, 2/97",
        )
    ],
    # heldout138 meets the targets since the seventy-ninth round (initials joined to initials,
    # chosen on the studied parts, this one among them: 0.971 (331/341), 7/433, 1/108). Its
    # history, as its strict xfail quoted it: _FRESH71 (Finnish-leaning, two fifths Swedish): 0.953
    # (325/341), look-alikes masked 8/433, strings without personal data masked 2/108 (recall below
    # 0.97); with the tagger on 0.962 (328/341), 8/433, 3/108.
    "heldout138": [],
    "heldout139": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH71} (Finnish and Swedish evenly): 0.959 (355/370), look-alikes "
            "masked 9/451, strings without personal data masked 4/102 (recall below 0.97, "
            "clean strings above 0.02); with the tagger on 0.968 (358/370), 9/451, 4/102",
        )
    ],
    "heldout136": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH70} (Finnish and Swedish about evenly): before 0.959 (441/460), "
            "after 0.961 (442/460), look-alikes masked 6/501, strings without personal data "
            "masked 4/100 (recall below 0.97, clean strings above 0.02); with the tagger on "
            "0.965 (444/460), 6/501, 4/100",
        )
    ],
    # heldout137 meets the targets since the hundred-and-eleventh round (a surname, a comma
    # and first names as a list item, chosen on the odd-numbered studied parts, this one among
    # them: 0.972 (385/396), 2/456, 1/104). Its history, as its strict xfail quoted it:
    # _FRESH70 (Finnish and Swedish about evenly): before and after 0.949 (376/396),
    # look-alikes masked 4/456, strings without personal data masked 3/104 (recall below
    # 0.97, clean strings above 0.02); with the tagger on 0.960 (380/396), 5/456, 3/104.
    "heldout137": [],
    "heldout134": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH69} (Finnish-leaning, a third Swedish): before and after 0.968 "
            "(336/347), look-alikes masked 3/323, strings without personal data masked 2/104 "
            "(recall below 0.97); with the tagger on 0.980 (340/347), 3/323, 2/104",
        )
    ],
    "heldout135": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH69} (Finnish-leaning, two fifths Swedish): before 0.952 (356/374), "
            "after 0.955 (357/374), look-alikes masked 4/461, strings without personal data "
            "masked 2/102 (recall below 0.97); with the tagger on 0.965 (361/374), 4/461, 2/102",
        )
    ],
    "heldout132": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH68} (Finnish and Swedish about evenly): 0.959 (416/434), "
            "look-alikes masked 6/450, strings without personal data masked 0/101 (recall "
            "below 0.97); with the tagger on 0.963 (418/434), 6/450, 0/101",
        )
    ],
    "heldout133": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH68} (Finnish and Swedish about evenly): 0.929 (342/368), "
            "look-alikes masked 2/370, strings without personal data masked 0/102 (recall "
            "below 0.97); with the tagger on 0.940 (346/368), 3/370, 0/102",
        )
    ],
    "heldout130": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH67} (Finnish-leaning, a third Swedish): 0.957 (332/347), "
            "look-alikes masked 6/416, strings without personal data masked 3/108 (recall "
            "below 0.97, clean strings above 0.02); with the tagger on 0.974 (338/347), 7/416, "
            "3/108",
        )
    ],
    # heldout131 meets the targets since the sixty-ninth round (person_verbs on, chosen on the
    # studied parts, this one among them: 0.973 (354/364), 5/337, 1/103). Its history, as its
    # strict xfail quoted it: _FRESH67 (Finnish and Swedish evenly): 0.9698 (353/364),
    # look-alikes masked 5/337, strings without personal data masked 1/103; with the tagger
    # on 0.978 (356/364), 5/337, 1/103.
    "heldout131": [],
    "heldout128": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH66} (Finnish and Swedish about evenly): 0.964 (345/358), "
            "look-alikes masked 8/424, strings without personal data masked 4/104 (recall "
            "below 0.97, clean strings above 0.02); with the tagger on 0.972 (348/358), 9/424, "
            "4/104",
        )
    ],
    # heldout129 meets the targets since the seventy-first round (initials opening a clause, chosen
    # on the studied parts, this one among them: 0.976 (368/377), 2/340, 2/105). Its history, as its
    # strict xfail quoted it: _FRESH66 (Finnish-leaning, two fifths Swedish): 0.966 (364/377),
    # look-alikes masked 2/340, strings without personal data masked 2/105 (recall below 0.97); with
    # the tagger on 0.971 (366/377), 2/340, 2/105.
    "heldout129": [],
    # heldout126 meets the targets since the seventy-ninth round (initials joined to initials,
    # chosen on the studied parts, this one among them: 0.970 (390/402), 5/474, 2/104). Its
    # history, as its strict xfail quoted it: _FRESH65 (Finnish and Swedish about evenly): 0.960
    # (386/402), look-alikes masked 5/474, strings without personal data masked 2/104 (recall below
    # 0.97); with the tagger on 0.968 (389/402), 5/474, 2/104.
    "heldout126": [],
    # heldout127 meets the targets since the sixty-sixth round (shouted_after_lead, chosen on
    # the studied parts, this one among them: 0.976 (324/332), 2/322, 1/100). Its history, as
    # its strict xfail quoted it: _FRESH65 (Finnish-leaning, two fifths Swedish): 0.9699
    # (322/332), look-alikes masked 2/322, strings without personal data masked 1/100; with
    # the tagger on 0.985 (327/332), 2/322, 2/100.
    "heldout127": [],
    "heldout124": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH64} (Finnish-leaning, two fifths Swedish): 0.952 (360/378), "
            "look-alikes masked 4/504, strings without personal data masked 1/103 (recall "
            "below 0.97); with the tagger on 0.963 (364/378), 6/504, 2/103",
        )
    ],
    # heldout125 met the targets when it was scored (see _FRESH64; Finnish-leaning, two
    # fifths Swedish): 0.971 (338/348), look-alikes masked 4/427, strings without personal
    # data masked 2/104; with the tagger on 0.980 (341/348), 4/427, 2/104.
    "heldout125": [],
    "heldout122": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH63} (Finnish-leaning, a third Swedish): before 0.942 (322/342), "
            "after 0.947 (324/342), look-alikes masked 2/306, strings without personal data "
            "masked 1/104 (recall below 0.97); with the tagger on 0.965 (330/342), 3/306, 1/104",
        )
    ],
    # heldout123 met the targets when it was scored after the round (see _FRESH63;
    # Finnish-leaning, two fifths Swedish): before 0.981 (310/316), after 0.987 (312/316),
    # look-alikes masked 3/282, strings without personal data masked 2/100; with the tagger
    # on 0.994 (314/316), 3/282, 2/100.
    "heldout123": [],
    "heldout120": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH62} (Finnish-leaning): 0.955 (318/333), look-alikes masked 1/239, "
            "strings without personal data masked 2/103 (recall below 0.97); with the tagger "
            "on 0.970 (323/333), 1/239, 2/103",
        )
    ],
    # heldout121 met the targets when it was scored (see _FRESH62; Finnish-leaning): 0.973
    # (329/338), look-alikes masked 1/274, strings without personal data masked 2/105; with
    # the tagger on 0.979 (331/338), 1/274, 2/105.
    "heldout121": [],
    # heldout118 and heldout119 met the targets when they were scored: written for the
    # sixty-first round by someone who never saw the masker, under the README's labelling
    # policy, with no topic hint; scored once before the round (0e24248) and once after it
    # (b24a56f, a login's noun before "Wilma"), the same, aggregate figures only
    # (Finnish-leaning): heldout118 0.971 (299/308), look-alikes masked 2/254, strings without
    # personal data masked 2/105, with the tagger on 0.984 (303/308), 2/254, 2/105;
    # heldout119 0.985 (326/331), 0/287, 0/105, with the tagger on 0.991 (328/331), 1/287,
    # 1/105.
    "heldout118": [],
    "heldout119": [],
    "heldout116": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH60} (Finnish-leaning): 0.960 (357/372), look-alikes masked 5/339, "
            "strings without personal data masked 3/104 (recall below 0.97, clean strings "
            "above 0.02); with the tagger on 0.968 (360/372), 5/339, 3/104",
        )
    ],
    # heldout117 met the targets when it was scored, the first fresh part to since heldout95:
    # written for the sixtieth round (see _FRESH60; Finnish-leaning): 0.971 (300/309),
    # look-alikes masked 2/336, strings without personal data masked 2/104; with the tagger
    # on 0.974 (301/309), 2/336, 2/104.
    "heldout117": [],
    # heldout114 meets the targets since the ninety-seventh round (a hand-listed first name and
    # a surname of the population registers, chosen on the studied parts, this one among them:
    # 0.970 (324/334), 4/315, 1/101). Its history, as its strict xfail quoted it: _FRESH59
    # (Finnish-leaning, a third Swedish and some English): 0.961 (321/334), look-alikes masked
    # 4/315, strings without personal data masked 1/101 (recall below 0.97); with the tagger on
    # 0.976 (326/334), 5/315, 2/101.
    "heldout114": [],
    "heldout115": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH59} (Finnish-leaning): 0.958 (341/356), look-alikes masked 8/345, "
            "strings without personal data masked 5/107 (recall below 0.97, look-alikes and "
            "clean strings above 0.02); with the tagger on 0.978 (348/356), 8/345, 5/107",
        )
    ],
    # heldout112 meets the targets since the sixty-third round (the pet forms of first names
    # on, chosen on the studied parts, this one among them: 0.974 (304/312), 2/252, 1/105).
    # Its history, as its strict xfail quoted it: written for the fifty-eighth round by
    # someone who never saw the masker, under the README's labelling policy, with no topic
    # hint; scored once before that round (9b490d4) and once after it (7d9c243,
    # swedish_genitive on), the same, aggregate figures only (Finnish-leaning): 0.968
    # (302/312), look-alikes masked 2/252, strings without personal data masked 1/105; with
    # the tagger on 0.981 (306/312), 2/252, 1/105.
    "heldout112": [],
    "heldout113": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH58} (Finnish-leaning): 0.965 (328/340), look-alikes masked 4/259, "
            "strings without personal data masked 3/107 (recall below 0.97, clean strings "
            "above 0.02); with the tagger on 0.976 (332/340), 4/259, 3/107",
        )
    ],
    "heldout110": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH57} (Finnish-leaning): 0.955 (320/335), look-alikes masked 3/457, "
            "strings without personal data masked 3/103 (recall below 0.97, clean strings "
            "above 0.02); with the tagger on 0.964 (323/335), 3/457, 3/103",
        )
    ],
    "heldout111": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH57} (Finnish-leaning): 0.948 (420/443), look-alikes masked 10/696, "
            "strings without personal data masked 3/100 (recall below 0.97, clean strings "
            "above 0.02); with the tagger on 0.964 (427/443), 10/696, 3/100",
        )
    ],
    # heldout108 meets the targets since the ninety-seventh round (a hand-listed first name and
    # a surname of the population registers, chosen on the studied parts, this one among them:
    # 0.971 (371/382), 4/486, 2/102). Its history, as its strict xfail quoted it: _FRESH56
    # (Finnish-leaning): 0.955 (365/382), look-alikes masked 4/486, strings without personal
    # data masked 2/102 (recall below 0.97); with the tagger on 0.963 (368/382), 4/486, 2/102.
    "heldout108": [],
    # heldout109 meets the targets since the seventieth round (the population registers' first
    # names, chosen on the studied parts, this one among them: 0.977 (417/427), 4/455, 2/102). Its
    # history, as its strict xfail quoted it: _FRESH56 (Finnish-leaning): 0.960 (410/427),
    # look-alikes masked 7/455, strings without personal data masked 3/102 (recall below 0.97, clean
    # strings above 0.02); with the tagger on 0.972 (415/427), 8/455, 3/102.
    "heldout109": [],
    "heldout106": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH55} (Finnish-leaning): 0.972 (378/389), look-alikes masked 3/529, "
            "strings without personal data masked 3/101 (before the round 5/529 and 4/101; "
            "clean strings above 0.02); with the tagger on 0.977 (380/389), 3/529, 4/101",
        )
    ],
    # heldout107 meets the targets since the fifty-eighth round (swedish_genitive on, chosen on
    # the studied parts, this one among them: 0.974 (381/391), 10/592, 2/102). Its history, as
    # its strict xfail quoted it: written for the fifty-fifth round by someone who never saw
    # the masker, under the README's labelling policy, with no topic hint; scored once before
    # that round (8524524) and once after it (59f0f29, a bare ' at ' needs a name-like local
    # part; a service's labelled address), aggregate figures only (Finnish-leaning): before
    # and after 0.969 (379/391), look-alikes masked 10/592, strings without personal data
    # masked 2/102; with the tagger on 0.985 (385/391), 10/592, 2/102.
    "heldout107": [],
    # heldout104 meets the targets since the sixty-third round (the pet forms of first names
    # on, chosen on the studied parts, this one among them: 0.978 (349/357), 2/505, 1/104).
    # Its history, as its strict xfail quoted it: written for the fifty-fourth round by
    # someone who never saw the masker, under the README's labelling policy, with no topic
    # hint; scored once before that round (8460502) and once after it (4c92af7, a staircase
    # is one letter; an English role before an office's noun names a service), the same,
    # aggregate figures only (Finnish-leaning): 0.969 (346/357), look-alikes masked 3/505,
    # strings without personal data masked 2/104; with the tagger on 0.978 (349/357), 3/505,
    # 2/104.
    "heldout104": [],
    "heldout105": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH54} (Finnish-leaning): 0.943 (383/406), look-alikes masked 5/580, "
            "strings without personal data masked 0/100 (recall below 0.97); with the tagger "
            "on 0.956 (388/406), 6/580, 1/100",
        )
    ],
    # heldout102 meets the targets since the fifty-fourth round (a staircase is one letter;
    # an English role before an office's noun names a service; both read on this part among
    # others: 0.973 (355/365), 6/452, 2/102). Its history, as its strict xfail quoted it:
    # written for the fifty-third round by someone who never saw the masker, under the
    # README's labelling policy, with no topic hint; scored once before that round (d436cb7)
    # and once after it (32e9e00, a lower-case first name and an initial), aggregate figures
    # only (Finnish-leaning): before and after 0.973 (355/365), look-alikes masked 9/452,
    # strings without personal data masked 4/102; with the tagger on 0.978 (357/365), 10/452,
    # 5/102.
    "heldout102": [],
    "heldout103": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH53} (Finnish-leaning): 0.954 (373/391; before it 0.951, 372/391), "
            "look-alikes masked 4/441, strings without personal data masked 4/100 (recall "
            "below 0.97, clean strings above 0.02); with the tagger on 0.967 (378/391), "
            "4/441, 4/100",
        )
    ],
    "heldout100": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH52} (Finnish-leaning): before and after 0.966 (344/356), "
            "look-alikes masked 6/475, strings without personal data masked 4/108 (recall "
            "below 0.97, clean strings above 0.02); with the tagger on 0.978 (348/356), "
            "6/475, 4/108",
        )
    ],
    "heldout101": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH52} (Finnish-leaning): 0.942 (393/417; before it 0.940, 392/417), "
            "look-alikes masked 9/619, strings without personal data masked 5/103 (recall "
            "below 0.97, clean strings above 0.02); with the tagger on 0.957 (399/417), "
            "10/619, 6/103",
        )
    ],
    # heldout98 meets the targets since the hundred-and-thirteenth round (initials that are
    # English words only, chosen on the odd-numbered studied parts; this one is of the others:
    # 0.973 (400/411), 4/540, 2/100). Its history, as its strict xfail quoted it: _FRESH51
    # (Finnish-leaning): 0.954 (392/411), look-alikes masked 4/540, strings without personal
    # data masked 2/100 (recall below 0.97); with the tagger on 0.964 (396/411), 4/540, 2/100.
    "heldout98": [],
    "heldout99": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH51} (Finnish-leaning): 0.963 (463/481), look-alikes masked "
            "4/671, strings without personal data masked 3/102 (recall below 0.97, clean "
            "strings above 0.02); with the tagger on 0.979 (471/481), 4/671, 3/102",
        )
    ],
    "heldout96": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH50} (Finnish-leaning): 0.934 (398/426), look-alikes masked "
            "6/548, strings without personal data masked 6/102 (recall below 0.97, clean "
            "strings above 0.02); with the tagger on 0.946 (403/426), 6/548, 6/102",
        )
    ],
    # heldout97 meets the targets since the sixty-sixth round (surname_first_items in the
    # sixty-fourth and shouted_after_lead in the sixty-sixth, chosen on the studied parts, this
    # one among them: 0.971 (303/312), 7/445, 1/102). Its history, as its strict xfail quoted
    # it: _FRESH50 (Swedish and Finnish): 0.965 (301/312), look-alikes masked 7/445, strings
    # without personal data masked 1/102; with the tagger on 0.978 (305/312), 7/445, 1/102.
    "heldout97": [],
    # heldout94 meets the targets since the fiftieth round (initials in a mixed presence list:
    # 0.984 (425/432), 8/651, 2/105). Its history, as its strict xfail quoted it: _FRESH49
    # (Finnish-leaning): 0.9699 (419/432), look-alikes masked 8/651, strings without personal
    # data masked 2/105 (recall one item below 0.97); with the tagger on 0.972 (420/432),
    # 8/651, 2/105.
    "heldout94": [],
    # heldout95 met the targets when scored (Finnish-leaning), written for the forty-ninth
    # round by someone who never saw the masker, with no topic hint, each line by hand: before
    # and after the round (3cfdb98; 1ab96bb, holidays' names) 0.971 (299/308), look-alikes
    # masked 3/394, strings without personal data masked 1/107; with the tagger on 0.977
    # (301/308), 3/394, 1/107.
    "heldout95": [],
    "heldout92": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH48} (Finnish-leaning): 0.942 (344/365), look-alikes masked "
            "3/444, strings without personal data masked 1/105 (recall below 0.97); with the "
            "tagger on 0.959 (350/365), 4/444, 1/105",
        )
    ],
    "heldout93": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH48} (Finnish-leaning): 0.945 (380/402), look-alikes masked "
            "4/705, strings without personal data masked 2/101 (recall below 0.97); with the "
            "tagger on 0.963 (387/402), 4/705, 3/101",
        )
    ],
    "heldout90": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH47} (Finnish-leaning): 0.971 (395/407), look-alikes masked "
            "10/675, strings without personal data masked 6/103 (clean strings above 0.02); "
            "with the tagger on 0.978 (398/407), 11/675, 6/103",
        )
    ],
    "heldout91": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH47} (Finnish-leaning): 0.981 (352/359), look-alikes masked "
            "7/450, strings without personal data masked 4/101 (clean strings above 0.02); "
            "with the tagger on 0.986 (354/359), 7/450, 4/101",
        )
    ],
    "heldout88": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH46} (Finnish-leaning): 0.973 (357/367), look-alikes masked "
            "7/462, strings without personal data masked 7/104 (clean strings above 0.02); "
            "with the tagger on 0.978 (359/367), 7/462, 7/104",
        )
    ],
    # heldout89 meets the targets since the hundred-and-sixth round (a number's holder named
    # beside it, chosen on the odd-numbered studied parts, this one among them: 0.970
    # (361/372), 5/501, 2/102). Its history, as its strict xfail quoted it: _FRESH46
    # (Finnish-leaning): 0.949 (353/372), look-alikes masked 6/501, strings without personal
    # data masked 3/102 (recall below 0.97, clean strings above 0.02); with the tagger on 0.968
    # (360/372), 7/501, 3/102.
    "heldout89": [],
    "heldout86": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH45} (Finnish-leaning): 0.969 (371/383), look-alikes masked "
            "7/539, strings without personal data masked 4/104 (recall below 0.97, clean "
            "strings above 0.02); with the tagger on 0.977 (374/383), 7/539, 4/104",
        )
    ],
    "heldout87": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH45} (Finnish-leaning): 0.968 (389/402), look-alikes masked "
            "12/591, strings without personal data masked 8/101 (recall below 0.97, clean "
            "strings above 0.02); with the tagger on 0.973 (391/402), 12/591, 8/101",
        )
    ],
    # heldout84 meets the targets since the hundred-and-twelfth round (a lower-case surname
    # after a title or a person noun, chosen on the odd-numbered studied parts; this one is of
    # the others: 0.970 (357/368), 3/508, 1/104). Its history, as its strict xfail quoted it:
    # _FRESH44 (Finnish-leaning): 0.954 (351/368), look-alikes masked 5/508, strings without
    # personal data masked 2/104 (recall below 0.97); with the tagger on 0.962 (354/368),
    # 5/508, 2/104.
    "heldout84": [],
    # heldout85 meets the targets since the ninety-seventh round (a hand-listed first name and a
    # surname of the population registers, chosen on the studied parts, this one among them:
    # 0.971 (396/408), 2/426, 0/102). Its history, as its strict xfail quoted it: _FRESH44
    # (Finnish-leaning): 0.961 (392/408), look-alikes masked 2/426, strings without personal
    # data masked 2/102 (recall below 0.97); with the tagger on 0.968 (395/408), 3/426, 2/102.
    "heldout85": [],
    "heldout82": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH43} (Finnish-leaning): 0.977 (390/399), look-alikes masked "
            "12/763, strings without personal data masked 8/106 (clean strings above 0.02); "
            "with the tagger on 0.985 (393/399), 12/763, 8/106",
        )
    ],
    # heldout83 meets the targets since the forty-eighth round (the services' mobiles in the city's
    # block: 0.974 (409/420), 8/609, 2/106). Its history, as its strict xfail quoted it: _FRESH43
    # (Finnish-leaning): 0.974 (409/420), look-alikes
    # masked 10/609, strings without personal data masked 4/106 (clean strings above 0.02); with the
    # tagger on 0.981 (412/420), 10/609, 4/106
    "heldout83": [],
    # heldout80 meets the targets since the sixty-eighth round (hyphen_initials on, chosen on
    # the studied parts, this one among them: 0.972 (413/425), 4/597, 1/100). Its history, as
    # its strict xfail quoted it: _FRESH42 (Finnish-leaning): 0.965 (410/425), look-alikes
    # masked 5/597, strings without personal data masked 2/100; with the tagger on 0.974
    # (414/425), 5/597, 2/100.
    "heldout80": [],
    # heldout81 meets the targets since the hundred-and-second round (a role word opening a
    # list's item, chosen on the odd-numbered studied parts, this one among them: 0.972
    # (384/395), 9/490, 2/103). Its history, as its strict xfail quoted it: _FRESH42 (Finnish-
    # leaning): 0.959 (379/395), look-alikes masked 11/490, strings without personal data masked
    # 4/103 (recall below 0.97, both false positive rates above 0.02); with the tagger on 0.970
    # (383/395), 11/490, 4/103.
    "heldout81": [],
    "heldout78": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH41} (Finnish-leaning): before and after 0.954 (352/369), "
            "look-alikes masked 8/445, strings without personal data masked 4/100 (recall "
            "below 0.97, clean strings above 0.02); with the tagger on 0.970 (358/369), 8/445, "
            "4/100",
        )
    ],
    "heldout79": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH41} (Finnish-leaning): 0.965 (389/403; before it 0.963, 388/403), "
            "look-alikes masked 10/626, strings without personal data masked 4/102 (recall "
            "below 0.97, clean strings above 0.02); with the tagger on 0.978 (394/403), 10/626, "
            "5/102",
        )
    ],
    # heldout76 met the targets when scored (Finnish-leaning), written for the fortieth round
    # by someone who never saw the masker, with no topic hint, each line by hand: before and
    # after the round (77be1a3, a role in the plural is no one) 0.976 (365/374), look-alikes
    # masked 1/472, strings without personal data masked 0/101; with the tagger on 0.976
    # (365/374), 2/472, 1/101.
    "heldout76": [],
    "heldout77": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH40} (Finnish-leaning): 0.953 (361/379), look-alikes masked "
            "4/454, strings without personal data masked 4/103 (recall below 0.97, clean "
            "strings above 0.02); with the tagger on 0.966 (366/379), 5/454, 4/103",
        )
    ],
    # heldout74 meets the targets since the hundred-and-sixth round (a number's holder named
    # beside it, chosen on the odd-numbered studied parts; this one is among the others, not
    # read for it: 0.970 (328/338), 1/314, 0/98). Its history, as its strict xfail quoted it:
    # _FRESH39 (Finnish-leaning): 0.947 (320/338), look-alikes masked 3/314, strings without
    # personal data masked 1/98 (recall below 0.97); with the tagger on 0.956 (323/338), 3/314,
    # 1/98.
    "heldout74": [],
    "heldout75": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH39} (Swedish and Finnish): 0.975 (388/398), look-alikes masked "
            "8/482, strings without personal data masked 4/104 (above 0.02); with the tagger on "
            "0.982 (391/398), 8/482, 4/104",
        )
    ],
    # heldout72 meets the targets since the forty-eighth round (the services' mobiles in the city's
    # block: 0.977 (343/351), 2/364, 2/108). Its history, as its strict xfail quoted it: _FRESH38
    # (Finnish-leaning): 0.972 (341/351), look-alikes masked 3/364, strings without personal data
    # masked 3/108 (above 0.02); with the tagger on 0.980 (344/351), 3/364, 3/108
    "heldout72": [],
    # heldout73 met the targets when scored (Swedish and Finnish), written for the
    # thirty-eighth round by someone who never saw the masker, with no topic hint, each line
    # by hand: before and after the round (1123496, a first name between two names found)
    # 0.972 (342/352), look-alikes masked 3/380, strings without personal data masked 2/105;
    # with the tagger on 0.977 (344/352), 3/380, 2/105.
    "heldout73": [],
    "heldout70": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH37} (Finnish-leaning): before and after 0.969 (346/357), look-alikes "
            "masked 3/308, strings without personal data masked 4/99 (recall below 0.97, clean "
            "strings above 0.02); with the tagger on 0.978 (349/357), 4/308, 4/99",
        )
    ],
    "heldout71": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH37} (Swedish and Finnish): before 0.960 (334/348), look-alikes "
            "masked 6/358, strings without personal data masked 5/106; after 0.963 (335/348), "
            "6/358, 5/106 (recall below 0.97, clean strings above 0.02); with the tagger on "
            "0.974 (339/348), 6/358, 5/106",
        )
    ],
    # heldout68 meets the targets since the fifty-fourth round (an English role before an
    # office's noun names a service: 0.989 (366/370), 2/348, 1/97). Its history, as its strict
    # xfail quoted it: written for the thirty-sixth round by someone who never saw the masker,
    # under the README's labelling policy, with no topic hint; scored once before that round
    # (d44e0fb) and once after it (a surname is no office by its ending), the same, aggregate
    # figures only (Finnish-leaning): 0.986 (365/370), look-alikes masked 3/348, strings
    # without personal data masked 2/97; with the tagger on 0.989 (366/370), 3/348, 2/97.
    "heldout68": [],
    "heldout69": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH36} (Swedish and Finnish): 0.973 (360/370), look-alikes masked "
            "5/381, strings without personal data masked 4/99 (above 0.02); with the tagger on "
            "0.986 (365/370), 5/381, 4/99",
        )
    ],
    # heldout66 meets the targets since the hundred-and-tenth round (hyphenated initials
    # without a surname, chosen on the odd-numbered studied parts; this one is of the others:
    # 0.973 (354/364), 2/379, 0/106). Its history, as its strict xfail quoted it: _FRESH35
    # (Finnish-leaning): 0.953 (347/364), look-alikes masked 2/379, strings without personal
    # data masked 0/106 (recall below 0.97); with the tagger on 0.964 (351/364), 2/379, 0/106.
    "heldout66": [],
    "heldout67": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH35} (Swedish and Finnish): 0.938 (349/372), look-alikes masked "
            "4/351, strings without personal data masked 2/98 (recall below 0.97, clean "
            "strings above 0.02 by a hair); with the tagger on 0.957 (356/372), 4/351, 2/98",
        )
    ],
    "heldout64": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH34} (Finnish-leaning): 0.974 (336/345), look-alikes masked 6/311, "
            "strings without personal data masked 3/97 (above 0.02); with the tagger on 0.986 "
            "(340/345), 6/311, 3/97",
        )
    ],
    # heldout65 meets the targets since the seventieth round (the population registers' first names,
    # chosen on the studied parts, this one among them: 0.975 (308/316), 3/323, 2/103). Its history,
    # as its strict xfail quoted it: _FRESH34 (Swedish and Finnish): 0.965 (305/316), look-alikes
    # masked 3/323, strings without personal data masked 2/103 (recall below 0.97); with the tagger
    # on 0.978 (309/316), 3/323, 2/103.
    "heldout65": [],
    # heldout62 and heldout63 met the targets when scored, written for the thirty-third round
    # by two people who never saw the masker, with no topic hint, each line by hand: before
    # and after the round (5fb8469, a famous surname in a common word's case form), the same,
    # aggregate figures only. heldout62 (Finnish-leaning): 0.971 (331/341), look-alikes
    # masked 2/302, strings without personal data masked 1/103; with the tagger on 0.974
    # (332/341), 2/302, 1/103. heldout63 (Swedish and Finnish): 0.989 (364/368), 2/323,
    # 2/102; with the tagger on 0.997 (367/368), 3/323, 2/102.
    "heldout62": [],
    "heldout63": [],
    # heldout60 meets the targets since the fifty-third round (a lower-case first name and an
    # initial: 0.972 (353/363), 2/368, 1/107). Its history, as its strict xfail quoted it:
    # written for the thirty-second round by someone who never saw the masker, under the
    # README's labelling policy, with no topic hint; scored once before that round (e8d7fe3)
    # and once after it (an office's "our"), the same, aggregate figures only
    # (Finnish-leaning): 0.967 (351/363), look-alikes
    # masked 5/368, strings without personal data masked 4/107; with the tagger on 0.986
    # (358/363), 5/368, 4/107.
    "heldout60": [],
    # heldout61 met the targets when scored (Swedish and Finnish), written for the
    # thirty-second round by someone who never saw the masker, with no topic hint, each line
    # by hand: before and after the round (e8d7fe3, an office's "our") 0.986 (348/353),
    # look-alikes masked 2/290, strings without personal data masked 1/100; with the tagger on
    # 0.992 (350/353), 2/290, 1/100.
    "heldout61": [],
    "heldout58": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH31} (Finnish-leaning): 0.971 (363/374), look-alikes masked 5/316, "
            "strings without personal data masked 2/97 (above 0.02 by a hair); with the tagger "
            "on 0.989 (370/374), 5/316, 2/97",
        )
    ],
    "heldout59": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH31} (Swedish and Finnish): 0.983 (344/350), look-alikes masked "
            "9/397, strings without personal data masked 6/100 (both above 0.02); with the "
            "tagger on 0.983 (344/350), 9/397, 6/100",
        )
    ],
    "heldout56": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH30} (Finnish-leaning): 0.977 (388/397), look-alikes masked 4/382, "
            "strings without personal data masked 2/97 (above 0.02 by a hair); with the shipped "
            "tagger on 0.987 (392/397), 4/382, 2/97",
        )
    ],
    "heldout57": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH30} (Swedish and Finnish): 0.978 (352/360), look-alikes masked "
            "9/375, strings without personal data masked 8/102 (both above 0.02); with the "
            "shipped tagger on 0.986 (355/360), 9/375, 8/102",
        )
    ],
    # heldout54 meets the targets since the thirty-seventh round (a lower-case street before a
    # flat: 0.973 (355/365), 4/333, 2/101). Its history, as its strict xfail quoted it:
    # written for the twenty-ninth round by someone who never saw the masker, under the
    # README's labelling policy, with no topic hint; scored once before that round (2dbc498)
    # and once after it (frequent surnames in capitals), aggregate figures only
    # (Finnish-leaning): before and after 0.962 (351/365), look-alikes masked 4/333, strings
    # without personal data masked 2/101; with the tagger on 0.978 (357/365), 4/333, 2/101.
    "heldout54": [],
    # heldout55 meets the targets since the hundred-and-ninth round (a double first name in
    # lower case, chosen on the odd-numbered studied parts, this one among them: 0.970
    # (360/371), 2/298, 2/101). Its history, as its strict xfail quoted it: _FRESH29 (Swedish
    # and Finnish): before 0.957 (355/371), look-alikes masked 2/298, strings without personal
    # data masked 2/101; after 0.960 (356/371), 2/298, 2/101 (recall below 0.97); with the
    # tagger on 0.973 (361/371), 3/298, 2/101.
    "heldout55": [],
    # heldout52 and heldout53 met the targets when scored, written for the twenty-eighth round
    # by two people who never saw the masker, with no topic hint, each line by hand: before
    # and after the round (6499074, a venue's address after an address label), the same,
    # aggregate figures only. heldout52 (Finnish-leaning): 0.980 (341/348), look-alikes
    # masked 0/313, strings without personal data masked 0/94; with the tagger on 0.983
    # (342/348), 0/313, 0/94. heldout53 (Swedish and Finnish): 0.978 (356/364), 3/327, 0/95;
    # with the tagger on 0.997 (363/364), 3/327, 0/95.
    "heldout52": [],
    "heldout53": [],
    # heldout50 met the targets when scored (Finnish-leaning), written for the twenty-seventh
    # round by someone who never saw the masker, with no topic hint: before and after the
    # round (3d4bc9e, dash signatures) 0.985 (392/398), look-alikes masked 1/368, strings
    # without personal data masked 1/98; with the tagger on 0.987 (393/398), 1/368, 1/98.
    "heldout50": [],
    # heldout51 meets the targets since the thirty-first round (other organisations' boxes
    # named after a place: 0.986 (341/346), 4/328, 2/109). Its history, as its strict xfail
    # quoted it: written for the twenty-seventh round by someone who never saw the masker,
    # under the README's labelling policy, with no topic hint; scored once before that round
    # (3d4bc9e) and once after it (a name signed after a slash or a dash), aggregate figures
    # only (Swedish and Finnish): before 0.983 (340/346), look-alikes masked 5/328, strings
    # without personal data masked 3/109; after 0.986 (341/346), 5/328, 3/109; with the
    # tagger on 0.988 (342/346), 5/328, 3/109.
    "heldout51": [],
    # heldout48 meets the targets since the fifty-fourth round (a staircase is one letter:
    # "Mannerheiminkatu 1–15 on 3 October" holds no flat; 0.982 (336/342), 5/324, 1/98). Its
    # history, as its strict xfail quoted it: written for the twenty-sixth round by someone
    # who never saw the masker, under the README's labelling policy, with no topic hint;
    # scored once before that round (c5d3d05) and once after it (initials without full
    # stops), the same, aggregate figures only (Finnish-leaning): 0.971 (332/342), look-alikes
    # masked 8/324, strings without personal data masked 4/98; with the tagger on 0.982
    # (336/342), 8/324, 4/98.
    "heldout48": [],
    # heldout49 meets the targets since the fifty-third round (a lower-case first name and an
    # initial: 0.972 (349/359), 3/430, 1/99). Its history, as its strict xfail quoted it:
    # written for the twenty-sixth round by someone who never saw the masker, under the
    # README's labelling policy, with no topic hint; scored once before that round (c5d3d05)
    # and once after it (initials without full stops), the same, aggregate figures only
    # (Swedish and Finnish): 0.958 (344/359),
    # look-alikes masked 4/430, strings without personal data masked 2/99; with the tagger on
    # 0.972 (349/359), 4/430, 2/99.
    "heldout49": [],
    # heldout46 meets the targets since the twenty-sixth round (initials without full stops:
    # 0.979 (378/386), 0/346, 0/98). Its history, as its strict xfail quoted it: written for
    # the twenty-fifth round by someone who never saw the masker (from about 80 sentence
    # templates), under the README's labelling policy, with no topic hint; scored once before
    # that round (cf7f90e) and once after it, the same, aggregate figures only
    # (Finnish-leaning): 0.969 (374/386), look-alikes masked 0/346, strings without personal
    # data masked 0/98; with the tagger on 0.974 (376/386), 0/346, 0/98.
    "heldout46": [],
    # heldout47 met the targets when scored (Swedish-leaning), written for the twenty-fifth
    # round by someone who never saw the masker, with no topic hint: before and after the
    # round (cf7f90e, example values) 0.976 (279/286), look-alikes masked 3/210, strings
    # without personal data masked 1/109; with the tagger on 0.983 (281/286), 3/210, 2/109.
    "heldout47": [],
    # heldout44 meets the targets since the twenty-fifth round (example values: 0.975
    # (275/282), 3/247, 2/121). Its history, as its strict xfail quoted it: written for the
    # twenty-fourth round by someone who never saw the masker, under the README's labelling
    # policy, with no topic hint; scored once before that round (ccfb132) and once after it,
    # the same, aggregate figures only (Finnish-leaning): 0.975 (275/282), look-alikes masked
    # 3/247, strings without personal data masked 3/121; with the tagger on 0.979 (276/282),
    # 3/247, 3/121.
    "heldout44": [],
    # heldout45 meets the targets since the forty-fourth round (an organisation's account in
    # a text that names no one: 0.986 (276/280), 1/255, 2/110). Its history, as its strict
    # xfail quoted it: written for the twenty-fourth round by someone who never saw the
    # masker, under the README's labelling policy, with no topic hint; scored once before
    # that round (ccfb132) and once after it, the same, aggregate figures only (Swedish and
    # Finnish): 0.975 (273/280), look-alikes masked 5/255, strings without personal data
    # masked 6/110 (above 0.02); with the tagger on 0.982 (275/280), 5/255, 6/110.
    "heldout45": [],
    # heldout42 meets the targets since the twenty-eighth round (a venue's address after an
    # address label: 0.987 (383/388), 5/417, 2/104). Its history, as its strict xfail quoted
    # it: written for the twenty-third round by someone who never saw the masker, under the
    # README's labelling policy, with no topic hint; scored once on ee1a47f, aggregate
    # figures only (Finnish-leaning): 0.985 (382/388), look-alikes masked 9/417, strings
    # without personal data masked 5/104; with the tagger on 0.987 (383/388), 10/417, 6/104;
    # on the masker before the twenty-first round (e88dbc7) 0.977 (379/388), 9/417, 5/104.
    "heldout42": [],
    # heldout43 meets the targets since the twenty-fourth round (called landlines, the
    # organisation's "we", numbers run on as dates: 0.979 (328/335), 4/394, 2/108). Its
    # history, as its strict xfail quoted it: written for the twenty-third round by someone
    # who never saw the masker, under the README's labelling policy, with no topic hint;
    # scored once on ee1a47f, aggregate figures only (Swedish and Finnish): 0.979 (328/335),
    # look-alikes masked 5/394, strings without personal data masked 3/108; with the tagger
    # on 0.988 (331/335), 5/394, 3/108; the same on e88dbc7.
    "heldout43": [],
    # heldout40 meets the targets since the seventieth round (the population registers' first names,
    # chosen on the studied parts, this one among them: 0.973 (287/295), 2/272, 2/102). Its history,
    # as its strict xfail quoted it: _FRESH22 (Finnish-leaning): 0.929 (274/295), look-alikes masked
    # 6/272, strings without personal data masked 5/102; with the tagger on 0.949 (280/295); on the
    # masker before the twenty-first round (e88dbc7) 0.922 (272/295).
    "heldout40": [],
    "heldout41": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH22} (Swedish-leaning): 0.947 (323/341), look-alikes masked 3/330, "
            "strings without personal data masked 2/105; with the tagger on 0.962 (328/341); "
            "on the masker before the twenty-first round (e88dbc7) 0.944 (322/341)",
        )
    ],
    # heldout38 met the targets when scored (Finnish-leaning), written for the twenty-first
    # round by someone who never saw the masker, with no topic hint: before the round
    # (e88dbc7) 0.994 (338/340), look-alikes masked 2/319, strings without personal data
    # masked 2/104; after it (635fab0) 0.997 (339/340), 2/319, 2/104; with the tagger on
    # 0.997 (339/340), 2/319, 3/104.
    "heldout38": [],
    # heldout39 meets the targets since the forty-second round (0.988 (400/405), 2/367,
    # 2/109: "International House ... is open Mon–Thu 10–15 at Rihkamatori 4" keeps its
    # address). Its history, as its strict xfail quoted it: written for the twenty-first round
    # by someone who never saw the masker, with no topic hint, scored once before that round
    # (e88dbc7) and once after it (635fab0) (Swedish and Finnish): before
    # 0.978 (396/405), look-alikes masked 5/367, strings without personal data masked 3/109;
    # after 0.980 (397/405), 5/367, 3/109; with the tagger on 0.990 (401/405), 5/367, 3/109.
    "heldout39": [],
    # heldout37 meets the targets since the twenty-fourth round (0.977 (334/342), 5/303,
    # 2/104). Its history, as its strict xfail quoted it: written for the twentieth round by
    # someone who never saw the masker, under the README's labelling policy, with no topic
    # hint; scored once before that round (072f752) and once after it (aafda03), aggregate
    # figures only (Swedish-leaning): before 0.953 (326/342), look-alikes masked 8/303,
    # strings without personal data masked 4/104; after 0.956 (327/342), 8/303, 4/104; with
    # the tagger on 0.962 (329/342), 8/303, 4/104.
    "heldout37": [],
    # heldout36 meets the targets since the twenty-first round (0.972 (345/355), 1/376,
    # 2/103). Its history, as its strict xfail quoted it: written for the twentieth round by
    # someone who never saw the masker, under the README's labelling policy, with no topic
    # hint; scored once before that round (072f752) and once after it (aafda03), the same:
    # 0.969 (344/355), look-alikes masked 1/376, strings without personal data masked 2/103;
    # with the tagger on 0.975 (346/355), 1/376, 2/103.
    "heldout36": [],
    "heldout35": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH19} (Swedish-leaning): before 0.944 (320/339), look-alikes masked "
            "25/496, strings without personal data masked 14/109; after 0.944 (320/339), "
            "19/496, 9/109; with the tagger on 0.959 (325/339), 19/496, 9/109",
        )
    ],
    "heldout34": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH19} (Finnish-leaning): before 0.956 (326/341), look-alikes masked "
            "9/424, strings without personal data masked 4/100; after 0.956 (326/341), 8/424, "
            "3/100; with the tagger on 0.959 (327/341), 10/424, 3/100",
        )
    ],
    "heldout33": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH18} (health and social services' notices and patient messages, "
            "library and culture events, housing, youth employment, the newsletter, customer "
            "chat, minutes; Swedish-leaning): recall 0.981 (308/314), look-alikes masked "
            "14/454, strings without personal data masked 10/108; with the tagger on 0.990 "
            "(311/314), 14/454, 10/108; with bare addresses kept 0.981, 9/454, 5/108",
        )
    ],
    "heldout32": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH18} (departments' web pages and notices with visiting and postal "
            "addresses, applications, feedback, family services, procurement, minutes; "
            "Finnish-leaning): recall 0.956 (329/344), look-alikes masked 20/383, strings "
            "without personal data masked 17/111; with the tagger on 0.959 (330/344), 20/383, "
            "17/111; with bare landlines kept (unowned_landlines) 0.956, 11/383, 8/111",
        )
    ],
    "heldout31": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH17} (grants of associations and clubs, culture and tickets, harbour "
            "and marina, transport and parking, youth services, feedback on web pages, minutes "
            "with votes; Swedish-leaning): recall 0.984 (302/307), look-alikes masked 17/497, "
            "strings without personal data masked 10/111; with the tagger on 0.993 (305/307), "
            "18/497, 12/111; with bare addresses kept 0.984, 12/497, 6/111",
        )
    ],
    "heldout30": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH17} (offices' contact details and opening hours, residents asking "
            "for help, home care and disability services, school transport, safety bulletins, "
            "minutes; Finnish-leaning; its topics include the class of the round's switches): "
            "recall 0.962 (353/367), look-alikes masked 25/463, strings without personal data "
            "masked 12/104; with the tagger on 0.978 (359/367), 25/463, 12/104; with bare "
            "addresses kept 0.962, 22/463, 9/104"
            f"; {_VISIT18}: 0.962 (353/367), 21/463, 10/104",
        )
    ],
    "heldout29": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH16} (elderly care and home services, parents' messages to schools "
            "and day care, tourism and summer events, customer-service chat, rental of premises "
            "and boats, integration services, minutes; Swedish-leaning, set in another town "
            "whose switchboard numbers are no setting here): recall 0.969 (374/386), "
            "look-alikes masked 20/504, strings without personal data masked 15/97; with the "
            "tagger on 0.974 (376/386), 21/504, 15/97; with bare addresses kept the same",
        )
    ],
    # heldout28 meets the targets since the sixty-third round (the pet forms of first names
    # on, chosen on the studied parts, this one among them: 0.970 (356/367), 2/311, 1/100).
    # Its history, as its strict xfail quoted it: written for the sixteenth round by someone
    # who never saw the masker, under the README's labelling policy; scored once on 18d8dc3
    # (the defaults as at 91729bf), aggregate figures only (building permits and zoning,
    # environment and waste, sports halls and libraries, council and committee minutes, snow
    # clearing and street works, staff mails; Finnish-leaning): recall 0.956 (351/367),
    # look-alikes masked 6/311, strings without personal data masked 4/100; with the tagger
    # on 0.962 (353/367), 6/311, 4/100; with bare addresses kept (unowned_addresses) 0.956,
    # 5/311, 3/100.
    "heldout28": [],
    # heldout27 meets the targets since the thirty-third round (a famous surname in a common
    # word's case form: 0.980 (348/355), 3/409, 2/102). Its history, as its strict xfail
    # quoted it: written for the fifteenth round by someone who never saw the masker (summer
    # jobs and trainees, adult education, theatre and museum, parks and streets, twin cities;
    # Swedish-leaning): before 0.980 (348/355), look-alikes masked 11/409, strings without
    # personal data masked 9/102; after 0.980 (348/355), 10/409, 8/102; with the tagger on
    # 0.992 (352/355), 12/409, 10/102; with an office's visiting address kept readable
    # (visiting_addresses, eighteenth round): 0.980 (348/355), 9/409, 8/102.
    "heldout27": [],
    # heldout26 meets the targets since the thirty-first round (other organisations' boxes
    # named after a place: 0.978 (315/322), 4/401, 2/105). Its history, as its strict xfail
    # quoted it: written for the fifteenth round by someone who never saw the masker (fees
    # and payments of city services, social assistance notes, the customer-service inbox,
    # neighbourhood disputes; Finnish-leaning): before and after 0.957 (308/322),
    # look-alikes masked 9/401, strings without personal data masked 7/105; the same with
    # the tagger on.
    "heldout26": [],
    # heldout25 meets the targets since the twenty-ninth round (frequent surnames in
    # capitals: 0.971 (339/349), 6/379, 2/105). Its history, as its strict xfail quoted it
    # until 2dbc498: written to confirm the fourteenth round (grants of clubs and
    # associations, the city's rental housing, requests for documents, elections, allotments
    # and berths, letters to the mayor; Swedish-leaning): recall 0.957 (334/349), look-alikes
    # masked 10/379, strings without personal data masked 6/105; with the tagger on 0.977
    # (341/349), 10/379, 6/105; with the fifteenth round's payee accounts 0.957, 8/379, 4/105.
    "heldout25": [
        pytest.mark.xfail(
            strict=True,
            reason="since the seventieth round (the population registers' first names, chosen "
            "on the studied parts): strings without personal data masked 3/105 (0.029; a "
            "gallery named 'Albert' after a person, the name now a known one), recall 0.974 "
            "(340/349), look-alikes masked 7/379; it had met the targets since the "
            "twenty-ninth round",
        )
    ],
    # heldout24 meets the targets since the thirty-fourth round (the school system in its
    # slot: 0.993 (268/270), 2/398, 2/116). Its history, as its strict xfail quoted it:
    # written after the fourteenth round's scoring by someone who never saw the masker,
    # under the README's labelling policy, to confirm it; scored once on a4ba244, aggregate
    # figures only (IT helpdesk and intranet, invoicing and collections, payroll and HR forms,
    # environmental health, school meals; Finnish-leaning): recall 0.985 (266/270),
    # look-alikes masked 6/398, strings without personal data masked 8/116; with the tagger
    # on 0.985 (266/270), 8/398, 9/116; with an invoice's payee account kept readable
    # (payment_references, fifteenth round): 0.985 (266/270), 3/398, 5/116.
    "heldout24": [],
    "heldout23": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH14} (youth, employment and business services, tourism and events, "
            "the port and rescue services, the registry office, customer-service chat and "
            "social-media moderation; Swedish-leaning): recall 0.977 (300/307), look-alikes "
            "masked 6/422, strings without personal data masked 7/108 (above 0.02); with the "
            "tagger of twenty-two parts on 0.987 (303/307), 6/422, 7/108",
        )
    ],
    # heldout22 meets the targets since the thirty-eighth round (a first name between two
    # names found: 0.971 (299/308), 0/319, 0/101). Its history, as its strict xfail quoted it:
    # written for the fourteenth round by someone who never saw the masker, under the
    # README's labelling policy; scored once on the masker of the round (344cb09, the rules
    # unchanged since the thirteenth), aggregate figures only (environment and climate,
    # transport and parking, land-use hearings and permits, waste and water, survey answers
    # and participatory-budget proposals; Finnish-leaning): recall 0.958 (295/308),
    # look-alikes masked 3/319, strings without personal data masked 3/101; with the tagger
    # of twenty-two parts on 0.974 (300/308), 3/319, 3/101; with an invoice's payee account
    # kept readable (payment_references, fifteenth round): 0.958 (295/308), 1/319, 1/101;
    # with an office's visiting address kept readable (visiting_addresses, eighteenth round):
    # 0.958 (295/308), 0/319, 0/101.
    "heldout22": [],
    "heldout21": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH13} (a bilingual city's administration: council and committees, HR, "
            "procurement, petitions; Swedish-leaning, names of many origins); scored on the "
            "twelfth-round masker (250541e): recall 0.961 (347/361), look-alikes masked "
            "18/530, strings without personal data masked 8/105; scored once on the thirteenth "
            "(b6cbb51): the same; with the tagger on 0.967, 26/530, 13/105; "
            f"{_AFTER13}: 0.961 (347/361), 17/530, 7/105",
        )
    ],
    "heldout20": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH13} (services for older people, libraries, sports and feedback; "
            "Finnish-leaning); scored on the twelfth-round masker (250541e): recall 0.965 "
            "(300/311), look-alikes masked 16/420, strings without personal data masked 10/110; "
            "scored once on the thirteenth (b6cbb51): 0.965 (300/311), 14/420, 9/110; with the "
            f"tagger on 0.977, 21/420, 13/110; {_AFTER13}: 0.965 (300/311), 14/420, 9/110"
            f"; {_VISIT18}: 0.965 (300/311), 13/420, 8/110",
        )
    ],
    # heldout19 meets the targets since the fifty-eighth round (swedish_genitive on, chosen on
    # the studied parts, this one among them: 0.970 (388/400), 5/391, 2/109). Its history, as
    # its strict xfail quoted it: written for the twelfth round (schools, early childhood
    # education, culture, youth and immigrant services, Swedish-leaning); scored on the
    # eleventh-round masker (6d63b51) and once on the twelfth (b200d1a), the same: recall 0.960
    # (384/400), look-alikes masked 12/391, strings without personal data masked 9/109; with
    # the tagger on 0.975, 25/391, 19/109; later rounds' removers brought it to 0.960
    # (384/400), 8/391, 5/109.
    "heldout19": [],
    "heldout18": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH12} (technical, housing, social and health services and minutes, "
            "Finnish-leaning); scored on the eleventh-round masker (6d63b51) and once on the "
            "twelfth (b200d1a), the same: recall 0.948 (349/368), look-alikes masked 24/424, "
            "strings without personal data masked 20/106; with the tagger on 0.962, 26/424, "
            f"21/106; {_TWELFTH}: 0.948 (349/368), 20/424, 16/106"
            f"; {_FP13}: 0.948 (349/368), 18/424, 15/106",
        )
    ],
    "heldout17": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH11} (a bilingual city's culture, care, schools and associations, "
            "Swedish-leaning); scored on the tenth-round masker (e891037): recall 0.936 "
            "(338/361), look-alikes masked 44/678, strings without personal data masked 28/107; "
            "scored once on the eleventh (d1b6856): 0.942 (340/361), 44/678, 28/107; with the "
            f"tagger on 0.956, 51/678, 32/107; {_AFTER11}: 0.947 (342/361), 26/678, 19/107"
            f"; {_TWELFTH}: 0.947 (342/361), 22/678, 15/107"
            f"; {_FP13}: 0.947 (342/361), 20/678, 14/107"
            f"; {_AFTER13}: 0.947 (342/361), 19/678, 13/107",
        )
    ],
    "heldout16": [
        pytest.mark.xfail(
            strict=True,
            reason=f"{_FRESH11} (residents' messages to services and staff notes, "
            "Finnish-leaning); scored on the tenth-round masker (e891037): recall 0.894 "
            "(305/341), look-alikes masked 23/413, strings without personal data masked 14/106; "
            "scored once on the eleventh (d1b6856): 0.897 (306/341), 23/413, 14/106; with the "
            f"tagger on 0.927, 29/413, 18/106; {_AFTER11}: 0.903 (308/341), 18/413, 11/106; "
            f"{_FIELDS12}: 0.909 (310/341), 18/413, 11/106"
            f"; {_TWELFTH}: 0.909 (310/341), 17/413, 10/106"
            f"; {_FP13}: 0.909 (310/341), 15/413, 10/106"
            f"; {_AFTER13}: 0.909 (310/341), 14/413, 9/106",
        )
    ],
    "heldout15": [
        pytest.mark.xfail(
            strict=True,
            reason="written for the tenth round by someone who never saw the masker, under the "
            "README's labelling policy (the city's participation channels, Swedish-leaning); "
            "scored once on the ninth-round masker (1023e92) and once on the tenth "
            "(docs/personal-data.md, 'Personal data: the tenth round, scored on two fresh "
            "parts'), the same both times: recall 0.963 (287/298), look-alikes masked 19/424, "
            "strings without personal data masked 16/100; with the tagger on 0.983, 23/424, 18/100"
            f"; {_CONTEXT}: 0.966 (288/298), 19/424, 16/100"
            f"; {_AFTER11}: 0.977 (291/298), 9/424, 7/100"
            f"; {_TWELFTH}: 0.977 (291/298), 7/424, 5/100"
            f"; {_FP13}: 0.977 (291/298), 6/424, 4/100"
            f"; {_AFTER13}: 0.977 (291/298), 5/424, 3/100",
        )
    ],
    # heldout14 meets the targets since the twenty-ninth round (frequent surnames in
    # capitals: 0.970 (361/372), 9/533, 2/118). Its history, as its strict xfail quoted it
    # until 2dbc498: written for the tenth round by someone who never saw the masker, under
    # the README's labelling policy (texts staff paste into an assistant); scored once on the
    # ninth-round masker (1023e92) and once on the tenth, the same both times: recall 0.930
    # (346/372), look-alikes masked 23/533, strings without personal data masked 12/118; with
    # the tagger on 0.962, 27/533, 16/118; studied since, round by round, up to 0.946
    # (352/372), 11/533, 3/118 after the thirteenth.
    "heldout14": [],
    # heldout13 meets the targets since the forty-second round (0.980 (393/401), 6/570,
    # 2/105: a venue's address beside its hours kept). Its history, as its strict xfail
    # quoted it: written for the ninth round by someone who never saw the masker, under the
    # labelling policy in the README (Swedish-leaning); scored on the eighth-round masker
    # (1a10ab5): recall 0.970 (389/401), look-alikes masked 38/570, strings without personal
    # data masked 31/105; scored once on the ninth-round masker: 0.973 (390/401), 25/570,
    # 19/105; with the tagger on 0.983, 32/570, 22/105; studied since: 0.978 (392/401),
    # 19/570, 14/105 after the twelfth round.
    "heldout13": [],
    "heldout12": [
        pytest.mark.xfail(
            strict=True,
            reason="written for the ninth round by someone who never saw the masker, under the "
            "labelling policy in the README (mostly filled templates); scored on the "
            "eighth-round masker (1a10ab5): recall 0.951 (559/588), look-alikes masked "
            "94/743, strings without personal data masked 57/104; scored once on the "
            f"ninth-round masker {_FRESH9}: 0.951 (559/588), 60/743, 41/104; with the tagger "
            f"on 0.963, 64/743, 44/104; studied since, {_NINTH}: 0.971 (571/588), 60/743, "
            "38/104"
            f"; {_AFTER11}: 0.971 (571/588), 17/743, 9/104"
            f"; {_FIELDS12}: 0.974 (573/588), 17/743, 9/104"
            f"; {_TWELFTH}: 0.974 (573/588), 13/743, 8/104",
        )
    ],
    # heldout11 meets the targets since the forty-eighth round (the services' mobiles in the city's
    # block: 0.987 (531/538), 7/785, 1/100). Its history, as its strict xfail quoted it: written by
    # someone who never saw the masker (a social worker's and a customer-service agent's view) after
    # the seventh round; scored on the seventh-round masker (b1ec58d): recall 0.924 (497/538), look-
    # alikes masked 96/785, strings without personal data masked 52/100; scored once on the eighth-
    # round masker (docs/personal-data.md, 'Personal data: the eighth round, scored on two fresh
    # parts'): 0.939 (505/538), 52/785, 28/100; with the tagger on 0.963, 54/785, 28/100; studied
    # since, with the organisation's own contact data (docs/personal-data.md, 'Personal data: the
    # organisation's own contact data') 0.939 (505/538), 25/785, 12/100; with first names of other
    # origins _NAMES_ROUND: 0.952 (512/538), 25/785, 12/100; with lower-case end signatures
    # (docs/personal-data.md, 'Personal data in the wrong case') 0.955 (514/538), 25/785, 12/100;
    # _NINTH: 0.959 (516/538), 25/785, 12/100; _AFTER11: 0.961 (517/538), 16/785, 9/100;
    # _TWELFTH: 0.961 (517/538), 13/785, 6/100; _FP13: 0.961 (517/538), 12/785, 6/100
    "heldout11": [],
    "heldout10": [
        pytest.mark.xfail(
            strict=True,
            reason="written by someone who never saw the masker (a data-protection officer's "
            "view) after the seventh round; scored on the seventh-round masker (b1ec58d): recall "
            "0.934 (440/471), look-alikes masked 99/1211, strings without personal data masked "
            "46/107; scored once on the eighth-round masker (docs/personal-data.md, 'Personal "
            "data: the eighth round, scored on two fresh parts'): 0.941 (443/471), 67/1211, "
            "30/107; with the tagger on 0.964, 73/1211, 33/107; studied since, with the "
            "organisation's own contact data (docs/personal-data.md, 'Personal data: the "
            "organisation's own contact data') 0.941 (443/471), 52/1211, 25/107; with first "
            f"names of other origins {_NAMES_ROUND}: 0.947 (446/471), 53/1211, 25/107; {_NINTH}: "
            "0.949 (447/471), 51/1211, 24/107; "
            f"{_CONTEXT}: 0.953 (449/471), 51/1211, 24/107"
            f"; {_AFTER11}: 0.960 (452/471), 41/1211, 19/107"
            f"; {_TWELFTH}: 0.960 (452/471), 37/1211, 18/107"
            f"; {_PAY15}: 0.960 (452/471), 36/1211, 18/107",
        )
    ],
    # heldout9 meets the targets since the forty-eighth round (the services' mobiles in the city's
    # block: 0.984 (421/428), 2/734, 1/116). Its history, as its strict xfail quoted it: written by
    # someone who never saw the masker (a Finland-Swedish clerk's view) before the seventh round;
    # scored on the sixth-round masker (7b556cf): recall 0.904 (387/428), look-alikes masked 54/734,
    # strings without personal data masked 34/116; scored once on the seventh-round masker
    # (docs/personal-data.md, 'Personal data: the seventh round'): 0.939 (402/428), 55/734, 35/116;
    # with the tagger on 0.942, 59/734, 38/116; studied since, with organisations' contact data kept
    # (docs/personal-data.md, 'Personal data: organisations' contact data'): 0.939 (402/428),
    # 28/734, 17/116; with the eighth round's mechanisms (docs/personal-data.md, 'Personal data: the
    # eighth round') 0.984 (421/428), 28/734, 17/116; with the names of no private person
    # (docs/personal-data.md, 'Personal data: names of no private person') now 0.984 (421/428),
    # 13/734, 8/116; with the organisation's own contact data (docs/personal-data.md, 'Personal
    # data: the organisation's own contact data') 0.984 (421/428), 11/734, 6/116: clean strings
    # still above 0.02; _CONTEXT: 0.984 (421/428), 12/734, 6/116; _AFTER11: 0.984 (421/428),
    # 11/734, 6/116; _TWELFTH: 0.984 (421/428), 7/734, 5/116
    "heldout9": [],
    # heldout8 meets the targets since the nineteenth round (bare addresses and landlines kept:
    # 0.992 (351/354), 2/543, 1/110). Its history, as its strict xfail quoted it: written by
    # someone who never saw the masker, before the seventh round; scored on the sixth-round
    # masker (7b556cf): recall 0.907 (321/354), look-alikes masked 31/543, strings without
    # personal data masked 25/110; scored once on the seventh-round masker: 0.952 (337/354),
    # 29/543, 24/110; studied since, round by round (docs/personal-data.md) up to the twelfth:
    # 0.992 (351/354), 4/543, 3/110.
    "heldout8": [],
    # heldout5 meets the targets since the fifty-eighth round (swedish_genitive on; this part
    # suggested it in the twelfth round, so its passing says nothing about new text: 0.973
    # (289/297), 0/243, 0/117). Its history, as its strict xfail quoted it: written by someone
    # else before the fourth-round masker and scored once on it: recall 0.872 (259/297),
    # look-alikes masked 3/243, strings without personal data masked 3/117; studied since the
    # sixth round, then 0.906, 0.939, 0.943, 0.949, 0.956 and 0.966 (287/297), 0/243, 0/117
    # as the name mechanisms came (docs/personal-data.md).
    "heldout5": [],
}


@pytest.mark.parametrize("part", DEV_PARTS)
def test_dev_parts(part: str) -> None:
    _check(load_labelled(DATA / f"{part}.jsonl"))


@pytest.mark.parametrize("part", DEV_PARTS)
def test_dev_parts_with_the_tagger(part: str) -> None:
    _check(load_labelled(DATA / f"{part}.jsonl"), NameRules(tagger=True))


@pytest.mark.parametrize(
    "part", [pytest.param(name, marks=marks) for name, marks in HELD_OUT_PARTS.items()]
)
def test_held_out_parts(part: str) -> None:
    _check(load_labelled(DATA / f"{part}.jsonl"))


def test_scoring_counts_partial_masks_as_misses_and_touches_as_false_positives() -> None:
    items = [
        LabelledString(
            "a",
            "Terveisin Ludwig Amadeus Franz Quellhoven",
            [("NAME", "Ludwig Amadeus Franz Quellhoven")],
            [],
        ),  # a name run holds three words at most
        LabelledString("b", "Terveisin Kaupunkilainen", [], ["Kaupunkilainen"]),
        LabelledString("c", "Soita 040 123 4567.", [("PHONE", "040 123 4567")], ["Soita"]),
    ]
    # (trailing_surnames off: it would join "Quellhoven" to the first name "Franz" before it)
    scores = score_masking(items, NameRules(trailing_surnames=False))
    assert (scores.pii_items, scores.found) == (2, 1)  # "Quellhoven" stays visible
    assert (scores.keep_items, scores.keep_masked) == (2, 1)
    assert (scores.clean_strings, scores.clean_masked) == (1, 1)
