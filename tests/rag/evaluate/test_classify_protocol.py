"""Nested and leave-one-collection-out evaluation: what each fold trains on and chooses."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app
from rag.evaluate.classify import GoldItem, collection_of, load_gold
from rag.evaluate.classify_protocol import (
    TooFewItems,
    choose,
    collection_splitter,
    nested_evaluation,
    run_protocols,
    stratified_splitter,
)
from tests.rag.classify.conftest import write
from tests.rag.evaluate.recorder import Recorder

OMASTADI = (
    "https://github.com/bokyong-shin/mapping_citizen_voices/blob/9c3f777/app/data/"
    "pro_merged.csv#round=2&id=938"
)


def test_collections_are_read_from_the_source_url() -> None:
    assert collection_of(OMASTADI) == "omastadi"
    assert (
        collection_of("https://github.com/ca-ad90/goteborgsforslaget/blob/3037fe9/data.json#M=1")
        == "goteborgsforslaget"
    )
    assert collection_of("http://saveaward2010.ideascale.com/a/dtd/x") == "save-award"
    assert collection_of("https://obamawhitehouse.archives.gov/save-award/results") == "save-award"
    assert collection_of("https://comment.gov.je/carbon/x") == "other"
    assert collection_of(None) == "other"


def test_gold_lines_carry_their_collection(tmp_path: Path) -> None:
    lines = [
        {"id": "1", "text": "t", "labels": ["a"], "source_url": OMASTADI},
        {"id": "2", "text": "u", "labels": ["b"], "collection": "survey-2025"},
        {"id": "3", "text": "v", "labels": ["none"]},
    ]
    path = write(tmp_path / "g.jsonl", "\n".join(json.dumps(line) for line in lines))
    assert [i.collection for i in load_gold(path)] == ["omastadi", "survey-2025", "other"]


def _items() -> list[GoldItem]:
    labels = ["a", "b", "none"] * 6
    collections = ["x", "y", "z"]
    return [
        GoldItem(f"text {n}", (label,), label, "fi", "train", f"i{n}", collections[(n // 3) % 3])
        for n, label in enumerate(labels)
    ]


def test_collection_folds_hold_out_whole_collections() -> None:
    items = _items()
    folds = collection_splitter()(items)
    assert [f.name for f in folds] == ["x", "y", "z"]
    for fold in folds:
        assert {items[i].collection for i in fold.test} == {fold.name}
        assert fold.name not in {items[i].collection for i in fold.train}
    single = [GoldItem("t", ("a",), "a", id="1", collection="other")]
    with pytest.raises(TooFewItems, match="at least two collections"):
        collection_splitter()(single)
    # Too few items to choose: the first candidate (the default) is kept.
    assert choose(
        single, {"first": Recorder("a"), "second": Recorder("b")}, collection_splitter()
    ) == ("first", {})


def test_nested_selection_sees_only_the_training_folds() -> None:
    items = _items()
    # "a" is right for a third of the items, "none" too, but the choice must be made on
    # the training part only: every inner and outer model is checked by the recorder.
    candidates = {"always a": Recorder("a"), "always none": Recorder("none")}
    result = nested_evaluation(
        items,
        candidates,
        collection_splitter(),
        collection_splitter(fallback=stratified_splitter(2)),
        "loco",
    )
    assert set(result.choices) == {"x", "y", "z"}
    assert result.scores.n == len(items)
    assert set(result.per_collection_n.values()) == {6}
    # Ties are broken by the order given: the first candidate wins.
    assert set(result.choices.values()) == {"always a"}


def test_choose_prefers_the_better_candidate() -> None:
    items = [i for i in _items() if i.primary != "b"]
    items = [replace(i, labels=("none",), primary="none") for i in items]
    best, scores = choose(
        items, {"a": Recorder("a"), "none": Recorder("none")}, stratified_splitter(3)
    )
    assert best == "none" and scores["none"] > scores["a"]


def test_loco_is_skipped_with_a_reason_for_one_collection() -> None:
    items = [
        GoldItem(f"text {n}", (label,), label, "fi", id=f"i{n}", collection="other")
        for n, label in enumerate(["a", "b", "none"] * 4)
    ]
    report = run_protocols(items, {"a": Recorder("a")}, ("cv", "loco"), folds=4)
    assert set(report.results) == {"cv"} and "at least two collections" in report.skipped["loco"]
    with pytest.raises(ValueError, match="unknown protocol"):
        run_protocols(items, {"a": Recorder("a")}, ("holdout",))


@pytest.mark.integration
def test_eval_classify_cli_protocols(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIEKARTTA_DATA_DIR", str(tmp_path / "data"))
    texts = {
        "a": ["Kirjaston ajanvaraus verkkoon", "Boka tvättstugan i en app", "Online library card"],
        "b": ["Energiankulutus näkyviin sovelluksessa", "Cykelkarta i mobilen", "Carbon app"],
        "none": ["Penkkejä puistoon", "Fler soptunnor", "More trees on Main Street"],
    }
    lines = [
        json.dumps(
            {
                "id": f"{label}{n}",
                "text": text,
                "labels": [label],
                "source_url": OMASTADI if n % 2 else "https://example.org/ideas",
            }
        )
        for label, group in texts.items()
        for n, text in enumerate(group)
    ]
    gold = write(tmp_path / "gold.jsonl", "\n".join(lines) + "\n")
    args = ["eval", "classify", "--gold", str(gold), "--protocol"]
    result = CliRunner().invoke(app, [*args, "loco"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "macro_f1[?] (n=9)" in out and "none: P / R / F1 (n=3)" in out
    assert "loco: macro_f1 per collection omastadi" in out
    assert "loco: chosen inside the training folds — omastadi:" in out
    as_json = CliRunner().invoke(app, [*args, "loco", "--json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert set(data) == {"loco", "skipped"}
    assert data["loco"]["per_collection_n"] == {"omastadi": 3, "other": 6}
    bad = CliRunner().invoke(app, [*args, "x"])
    assert bad.exit_code == 1 and "unknown protocol" in " ".join(bad.output.split())
