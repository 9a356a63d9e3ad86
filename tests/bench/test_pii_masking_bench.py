"""The masking bench's reading of the switches that are off (bench/pii_masking.py
``--each-off-switch``): one row per off switch, none for the tagger or a switch that is on, and
the strings it names are exactly those whose result the switch changes."""

from __future__ import annotations

from dataclasses import fields

import pytest

from bench.pii_masking import DATA, each_off_switch_table
from rag.core.privacy import NameRules
from rag.evaluate.privacy import load_labelled, score_masking


def test_each_off_switch_has_a_row_naming_the_strings_it_changes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    each_off_switch_table(["dev"])
    rows = {
        line.split(" | ")[0].strip("| "): line.strip("| ").split(" | ")
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("| ") and not line.startswith(("| switch", "| ---"))
    }
    off = {f.name for f in fields(NameRules) if f.default is False} - {"tagger"}
    assert set(rows) == off
    # the row of one switch against a scoring of its own
    items = load_labelled(DATA / "dev.jsonl")
    changed = [
        item.id
        for item in items
        if score_masking([item], NameRules())
        != score_masking([item], NameRules(unowned_phones=True))
    ]
    assert changed, "the phone switch changes some dev string"
    assert rows["unowned_phones"][4] == ", ".join(sorted(changed))
