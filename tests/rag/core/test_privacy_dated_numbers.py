"""A house number that runs on into a date or a decimal is no house number (addresses.py,
``dated_numbers``, the twenty-fourth round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import BARE_OFF

# The bare-address remover off: these strings name no one and would keep every address.
_ON = NameRules(dated_numbers=True, **BARE_OFF)
_OFF = NameRules(dated_numbers=False, **BARE_OFF)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    "text",
    [
        "Gatuarbete på Strandvägen 12.6 kl. 8–15.",
        "Katko Kauppiaankatu 3.11.2026 klo 9.",
        "Vattnet stängs Åsgatan 4,5 timmar från kl. 8.",
    ],
)
def test_a_date_after_a_street_is_no_address(text: str) -> None:
    assert _masked(text) == []
    assert len(_masked(text, _OFF)) == 1


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Asun osoitteessa Kauppiaankatu 3. Soittakaa.", "Kauppiaankatu 3"),
        ("Bor på Åsgatan 4, 06100 Borgå.", "Åsgatan 4"),
        ("Strandvägen 12 B 6.", "Strandvägen 12 B 6"),
    ],
)
def test_a_full_stop_or_a_comma_ends_an_address(text: str, address: str) -> None:
    assert address in _masked(text)
