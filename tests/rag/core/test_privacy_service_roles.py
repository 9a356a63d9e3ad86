"""An English role word before an office's noun names a service, not a person ("Customer
service: ...", "Resident Services", "client support"), so it does not make a bare address,
landline or account of a text that names no one someone's (unowned_addresses.py,
``service_roles``, the fifty-fourth round). A role alone ("the customer lives at ...") still
counts. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_ON = NameRules(service_roles=True)
_OFF = NameRules(service_roles=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("Customer service has moved to Jokikatu 14.", "Jokikatu 14"),
        ("Resident Services are now at Sahakatu 7, second floor.", "Sahakatu 7"),
        ("Questions? Call client support on 09 310 1234 (Mon–Fri 9–15).", "09 310 1234"),
        ("The customer service desk at Kvarngatan 3 is closed on Friday.", "Kvarngatan 3"),
    ],
)  # fmt: skip
def test_a_service_named_by_a_role_is_no_one(text: str, contact: str) -> None:
    assert contact not in " ".join(_masked(text))
    assert contact in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("The customer lives at Sahakatu 7 and wants a call back.", "Sahakatu 7"),
        ("The tenant at Jokikatu 14 complained about the noise.", "Jokikatu 14"),
        ("Customer: Jokikatu 14, call 09 310 1234.", "Jokikatu 14"),
    ],
)  # fmt: skip
def test_a_role_without_a_service_noun_is_still_someone(text: str, contact: str) -> None:
    assert any(contact in masked for masked in _masked(text))
