"""Number agreement in the fi/sv/en draft texts and the language marker of quotes."""

from __future__ import annotations

import re

import pytest

from rag.core.messages import MESSAGES
from rag.core.programme import Programme
from rag.core.resources import PROMPTS_DIR
from rag.draft.period import parse_period
from rag.draft.sections import SectionContext
from rag.draft.wording import counted, quoted_in

COUNTED = {
    # key: {language: (form for 1, form for 2)}
    "draft_n_measures": {
        "fi": ("1 toimenpide", "2 toimenpidettä"),
        "sv": ("1 åtgärd", "2 åtgärder"),
        "en": ("1 measure", "2 measures"),
    },
    "draft_n_measures_inessive": {
        "fi": ("1 toimenpiteessä", "2 toimenpiteessä"),
        "sv": ("1 åtgärd", "2 åtgärder"),
        "en": ("1 measure", "2 measures"),
    },
    "draft_n_concern": {
        "fi": ("1 koskee", "2 koskee"),
        "sv": ("1 gäller", "2 gäller"),
        "en": ("1 concerns", "2 concern"),
    },
    "draft_n_proposals_wait": {
        "fi": ("1 ehdotus odottaa", "2 ehdotusta odottaa"),
        "sv": ("1 förslag väntar", "2 förslag väntar"),
        "en": ("1 proposal awaits", "2 proposals await"),
    },
    "draft_n_proposals_dated": {
        "fi": ("1 ehdotus on päivätty", "2 ehdotusta on päivätty"),
        "sv": ("1 förslag är daterat", "2 förslag är daterade"),
        "en": ("1 proposal is dated", "2 proposals are dated"),
    },
}


@pytest.mark.parametrize("key", sorted(COUNTED))
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_counted_forms(key: str, language: str) -> None:
    one, two = COUNTED[key][language]
    assert counted(key, 1, language) == one
    assert counted(key, 2, language) == two
    assert counted(key, 0, language) == two.replace("2", "0", 1)  # zero takes the plural


def test_every_counted_message_has_two_forms_in_every_language() -> None:
    for key, texts in MESSAGES.items():
        if key.startswith("draft_n_"):
            assert set(texts) >= {"fi", "sv", "en"}, key
            assert all(t.count("|") == 1 and t.count("{n}") == 2 for t in texts.values()), key


@pytest.fixture()
def contexts(programme: Programme) -> dict[str, SectionContext]:
    return {
        language: SectionContext(
            programme=programme,
            prompts_dir=PROMPTS_DIR,
            period=parse_period("2025"),
            language=language,
            register=None,
            proposals=None,
        )
        for language in ("fi", "sv", "en")
    }


@pytest.mark.parametrize("n", [0, 1, 2, 7])
def test_summary_sentences_agree_with_their_numbers(
    contexts: dict[str, SectionContext], n: int
) -> None:
    for language, ctx in contexts.items():
        text = ctx.render(
            "summary_measures",
            with_evidence=counted("draft_n_measures_elative", n, language),
            measures=counted("draft_n_measures", n, language),
            conflicts=counted("draft_n_measures_inessive", n, language),
            no_evidence=counted("draft_n_measures_elative", n, language),
        )
        # "för 1 åtgärder", "1 measures" and "1 toimenpidettä" are the errors to avoid.
        assert not re.search(r"\b1 (?:åtgärder|measures|toimenpidettä)\b", text), text
        if n == 1:
            assert {"fi": "1 toimenpide", "sv": "1 åtgärd", "en": "1 measure"}[language] in text
        else:
            plural = {"fi": "toimenpidettä", "sv": "åtgärder", "en": "measures"}[language]
            assert f"{n} {plural}" in text
        register_line = ctx.render(
            "theme_count", theme="a)", total=counted("draft_n_measures", n, language), counts=""
        )
        assert not re.search(r"\b1 (?:åtgärder|measures|toimenpidettä)\b", register_line)


def test_quotes_in_another_language_are_marked() -> None:
    assert quoted_in("Valmis.", "fi", "fi") == "”Valmis.”"
    assert quoted_in("Klar.", "sv", "fi") == "”Klar.” (ruotsiksi)"
    assert quoted_in("Done.", "en", "sv") == "”Done.” (på engelska)"
    assert quoted_in("Valmis.", "fi", "en") == "“Valmis.” (in Finnish)"
    assert quoted_in("Okänt.", None, "fi") == "”Okänt.”"  # language unknown: no guess
    translated = quoted_in("Klar.", "sv", "fi", lambda text, source: "Valmis.")
    assert translated == "”Klar.” (ruotsiksi; konekäännös: ”Valmis.”)"
    assert quoted_in("Klar.", "sv", "fi", lambda text, source: None) == "”Klar.” (ruotsiksi)"
