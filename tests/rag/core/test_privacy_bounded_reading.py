"""The masker reads a bounded stretch around each span (organisation_contacts.py,
organisations.py): a "sentence" of thousands of numbers or addresses costs time in proportion
to its length, and what a short sentence means is unchanged."""

from __future__ import annotations

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.organisation_contacts import SENTENCE_REACH, sentence_bounds


def test_a_sentence_is_read_at_most_its_reach_on_each_side() -> None:
    # one clause of numbers, no full stop before a capital: read around the span only
    text = "soita 019 123 4567. " * 100
    start = text.index("019", 1000)
    begin, finish = sentence_bounds(text, start, start + 12)
    assert (begin, finish) == (start - SENTENCE_REACH, start + 12 + SENTENCE_REACH)
    # a short sentence keeps its own bounds
    short = "Hei. Soita 019 123 4567 tänään. Kiitos."
    at = short.index("019")
    assert short[slice(*sentence_bounds(short, at, at + 12))] == " Soita 019 123 4567 tänään"


def test_an_address_list_is_read_by_neighbours() -> None:
    # ("Rantakatu 5 ja Rantakatu 7": addresses in a list are a place's, not a home)
    text = "Työmaa: Rantakatu 5 ja Rantakatu 7 sekä Kotikatu 3 B 4"
    found = [text[s.start : s.end] for s in find_pii(text, NameRules(unowned_addresses=False))]
    assert found == ["Kotikatu 3 B 4"]
