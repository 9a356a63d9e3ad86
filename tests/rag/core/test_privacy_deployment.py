"""The city's three masking decisions are settings (rag/core/settings.py): the names the
statistical tagger finds (TIEKARTTA_MASK_TAGGED_NAMES, off by default), and bare addresses and
landlines in texts that name no one (TIEKARTTA_KEEP_UNOWNED_ADDRESSES and _LANDLINES, on by
default since the nineteenth round). Every caller of the masker (find_pii, mask_pii without
explicit rules) follows them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rag.core import privacy
from rag.core.privacy import find_pii, mask_pii
from rag.core.settings import get_settings

# Written for this test: a resident names someone by a first name the rules do not know (the
# twenty-first round's person slots read "cheers, Jake", so the name stands in a clause); a
# notice names a building's address and no person.
SIGNED = "Yo, the bench outside my place at Rantakatu 4 A 2 is broken, Jake noticed it too."
NOTICE = "Hissi Myllymäentie 4:ssä juuttui taas, huoltoyhtiö on tilattu."
BOOKING = "Ring 06 785 1600 för tidsbokning."


@pytest.fixture
def deployment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Settings read anew for the test, and again after it."""

    def reread() -> None:
        get_settings.cache_clear()
        privacy.deployment_finder.cache_clear()

    reread()
    yield monkeypatch
    monkeypatch.undo()
    reread()


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text)]


def test_the_defaults(deployment: pytest.MonkeyPatch) -> None:
    assert not get_settings().mask_tagged_names
    assert get_settings().keep_unowned_addresses
    assert get_settings().keep_unowned_landlines
    assert _found(SIGNED) == ["Rantakatu 4 A 2"]  # a home with a flat, in a signed message
    assert _found(NOTICE) == []
    assert _found(BOOKING) == []


def test_the_city_may_mask_the_tagged_names(deployment: pytest.MonkeyPatch) -> None:
    deployment.setenv("TIEKARTTA_MASK_TAGGED_NAMES", "true")
    assert _found(SIGNED) == ["Rantakatu 4 A 2", "Jake"]
    assert mask_pii(SIGNED).text.endswith("broken, [NAME] noticed it too.")


def test_the_city_may_mask_bare_addresses(deployment: pytest.MonkeyPatch) -> None:
    deployment.setenv("TIEKARTTA_KEEP_UNOWNED_ADDRESSES", "false")
    assert _found(NOTICE) == ["Myllymäentie 4:ssä"]  # with its case ending (twenty-first round)
    assert _found(BOOKING) == []
    assert mask_pii(NOTICE).text.startswith("Hissi [ADDRESS] juuttui")


def test_the_city_may_mask_bare_landlines(deployment: pytest.MonkeyPatch) -> None:
    deployment.setenv("TIEKARTTA_KEEP_UNOWNED_LANDLINES", "false")
    assert _found(BOOKING) == ["06 785 1600"]
    assert _found(NOTICE) == []


def test_a_wrong_value_is_a_clear_error(deployment: pytest.MonkeyPatch) -> None:
    deployment.setenv("TIEKARTTA_MASK_TAGGED_NAMES", "perhaps")
    with pytest.raises(ValueError, match="mask_tagged_names"):
        get_settings()
