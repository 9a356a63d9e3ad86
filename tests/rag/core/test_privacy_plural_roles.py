"""A person's role in the plural is a group, not someone who owns the address or landline of
a text that names no one ("Oppilaat jatkavat väistötiloissa ..."); the same role in the
singular still is ("Hakija asuu ...") (plural_roles.py, ``plural_roles``, the fortieth
round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.plural_roles import is_plural_role

_ON = NameRules(plural_roles=True)
_OFF = NameRules(plural_roles=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    "word",
    [
        "asukkaat", "Asukkaille", "asiakkaiden", "oppilaat", "potilaita", "vuokralaiset",
        "vuokralaisten", "hakijat", "hakijoille", "huoltajille", "omistajien", "kunder",
        "Eleverna", "hyresgästerna", "sökandena", "tenants", "Owners", "residents'",
    ],
)  # fmt: skip
def test_plural_forms_of_a_role(word: str) -> None:
    assert is_plural_role(word)


@pytest.mark.parametrize(
    "word",
    [
        "asukas", "asukkaan", "asukasta", "oppilas", "vuokralainen", "vuokralaisen", "hakija",
        "hakijan", "huoltajan", "omistaja", "kund", "kunden", "elev", "eleven", "sökande",
        "boende", "ägare", "tenant", "owner", "customer",
    ],
)  # fmt: skip
def test_singular_forms_and_forms_of_both_numbers_are_not_plural(word: str) -> None:
    assert not is_plural_role(word)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Oppilaat siirtyvät syksyllä väistötiloihin osoitteeseen Sahakatu 7.", "Sahakatu 7"),
        ("Eleverna äter lunch i Kvarnbackens matsal, Åkervägen 12, under renoveringen.",
         "Åkervägen 12"),
        ("Tenants may leave bulky waste at the collection point at Harjutie 3 on Saturday.",
         "Harjutie 3"),
    ],
)  # fmt: skip
def test_a_plural_role_does_not_make_a_place_someones_home(text: str, address: str) -> None:
    assert address not in " ".join(_masked(text))
    assert address in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Hakija asuu osoitteessa Sahakatu 7 ja pyytää vastausta kirjeitse.", "Sahakatu 7"),
        ("Hyresgästen på Åkervägen 12 har klagat på ljudet från ventilationen.",
         "Åkervägen 12"),
        # a plural role does not outweigh a name in the text
        ("Asukkaat ja isännöitsijä Outi Laaksonen kokoontuvat Harjutie 3:ssa.", "Harjutie 3"),
        # nor a flat: a flat is a home whoever lives there
        ("Oppilaiden huoltajat tavoittaa Sahakatu 7 B 12:sta.", "Sahakatu 7 B 12"),
    ],
)  # fmt: skip
def test_a_singular_role_a_name_or_a_flat_still_keeps_the_address_masked(
    text: str, address: str
) -> None:
    assert any(address in masked for masked in _masked(text))


def test_a_plural_role_keeps_a_landline_readable_and_a_singular_one_does_not() -> None:
    plural = "Vuokralaiset saavat lisätietoja numerosta 06 785 1645."
    assert _masked(plural) == []
    assert _masked(plural, _OFF) == ["06 785 1645"]
    both = "Asiakkaat: lisätietoja puh. 06 785 1645. Hakija: lisätietoja samasta numerosta."
    assert _masked(both) == ["06 785 1645"]
