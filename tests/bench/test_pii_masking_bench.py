"""The masking bench's reading of the switches that are off (bench/pii_masking.py
``--each-off-switch``): one row per off switch, none for the tagger or a switch that is on, and
the strings it names are exactly those whose result the switch changes; and ``--real-switch``,
which lists every real-text mask one switch adds or removes."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from bench.pii_masking import DATA, each_off_switch_table, real_switch_masks
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


def test_real_switch_lists_the_masks_one_switch_removes_on_real_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a shared folder of the real texts' shape, with texts written for this test
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "notice.md").write_text(
        "---\nid: notice\n---\nOppilaat siirtyvät syksyllä osoitteeseen Sahakatu 7.\n",
        encoding="utf-8",
    )
    (tmp_path / "minutes" / "items").mkdir(parents=True)
    (tmp_path / "minutes" / "items" / "1.txt").write_text(
        "Hakija asuu osoitteessa Sahakatu 9.", encoding="utf-8"
    )
    (tmp_path / "omastadi").mkdir()
    (tmp_path / "omastadi" / "proposals.csv").write_text(
        "title,texts\nPenkki,Penkki puistoon.\n", encoding="utf-8"
    )
    real_switch_masks(tmp_path, "plural_roles")
    out = capsys.readouterr().out
    assert "over 3 real texts" in out
    assert "masks this version adds: 0" in out
    assert "masks this version removes: 1, by kind {'ADDRESS': 1}" in out
    assert "'Sahakatu 7'" in out and "Sahakatu 9" not in out  # the applicant's stays masked
    with pytest.raises(SystemExit, match="unknown mechanism"):
        real_switch_masks(tmp_path, "no_such_switch")
