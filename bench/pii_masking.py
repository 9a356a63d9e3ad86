"""Recall and false positives of the personal-data masker on the labelled parts, and its mask
rate and speed on real public text.

    PYTHONPATH=. python -m bench.pii_masking [--parts dev,heldout,heldout4] [--show]
    PYTHONPATH=. python -m bench.pii_masking --against OLD/privacy   # the old masker per part
    PYTHONPATH=. python -m bench.pii_masking --names-off particles,coordinated
    PYTHONPATH=. python -m bench.pii_masking --names-on tagger [--real-text --against OLD]
    PYTHONPATH=. python -m bench.pii_masking --ablation [--parts ...]
    PYTHONPATH=. python -m bench.pii_masking --lopo company_names,service_context [--parts ...]
    PYTHONPATH=. python -m bench.pii_masking --thresholds 3.5,4,4.5,5 [--parts ...]
    PYTHONPATH=. python -m bench.pii_masking --each-off-switch --parts heldout22,heldout23
    PYTHONPATH=. python -m bench.pii_masking --no-other-origin   # without resident_names.txt
    PYTHONPATH=. python -m bench.pii_masking --no-nicknames   # without nicknames.txt
    PYTHONPATH=. python -m bench.pii_masking --real-text [--against OLD/privacy.py] [--sample 40]
    PYTHONPATH=. python -m bench.pii_masking --real-switch plural_roles   # its real-text masks

The labelled parts live in tests/data/pii/ (README, "Personal data"). Only the
parts named in ``--parts`` are read, never a glob of the folder: a held-out part is scored once,
by whoever holds it, by naming it.

``--ablation`` scores every part with each name mechanism switched off in turn (and all of
them off), then runs the leave-one-part-out protocol: on the other parts each mechanism's gain
is measured (items found minus look-alikes and clean strings masked, with it on minus off,
every other mechanism on); it is kept when the gain is > 0 (it helps) or, by the looser rule,
>= 0 (it does not hurt); the kept set is then scored on the part left out.

Mechanisms off by default (the statistical name tagger, ``tagger``) are flipped on instead
("with tagger"); the tagger is trained on every labelled part, so its rows here are in-sample:
its honest figures come from ``python -m bench.train_name_tagger --lopo``.

``--thresholds`` scores every part with the name register off and with each word threshold
(a register name at least that frequent as a word, in Zipf, is word-like; first_names.py),
then leaves one part out: the threshold with the best net gain on the other parts (the lowest
on a tie: the most guarded) is scored on the part left out.

``--each-off-switch`` switches on, one at a time, every mechanism that is off by default
(not the tagger, which has its own bench) and prints what it changes against the defaults,
pooled over the parts: labelled items found, look-alikes and clean strings masked, and the
strings it changed. Run it on parts written after the switches were decided: there it is a
held-out reading of an older decision.

``--real-text`` masks the shared real documents (../shared/data: the corpus pages, the meeting
items and the OmaStadi proposals) and prints masks per kind per 10,000 words and the time per
100 kB of text. With ``--against`` another version of the masker (a file holding ``find_pii``,
e.g. main's rag/core/privacy.py) runs on the same text, and a sample of the masks the current
version adds is printed, so new masks of ordinary words can be seen, not just counted.

``--real-switch NAME`` prints every mask of the same real text that one name mechanism adds or
removes (the defaults, with any ``--names-on``/``--names-off``, with NAME off against on): the
reading a round makes before its switch goes on, quicker than ``--real-text``.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from pathlib import Path

from rag.core.privacy import NameRules, PiiSpan, find_pii, first_names, name_tagger
from rag.core.privacy.spans import overlaps
from rag.evaluate.privacy import LabelledString, PiiScores, load_labelled, score_masking

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "pii"
SHARED = REPO.parent / "shared" / "data"
DEV_PARTS = ("dev", "heldout", "heldout2", "heldout3", "heldout4")
KINDS = ("HETU", "PHONE", "EMAIL", "IBAN", "ADDRESS", "NAME")

Finder = Callable[[str], Sequence[PiiSpan]]


def switched_rules(off: Sequence[str], on: Sequence[str] = ()) -> NameRules:
    """The name mechanisms with those in ``off`` switched off and those in ``on`` switched on
    (the tagger is off by default)."""
    unknown = (set(off) | set(on)) - set(MECHANISMS)
    if unknown:
        sys.exit(f"--names-off/--names-on: unknown mechanism(s) {', '.join(sorted(unknown))}")
    return NameRules(**dict.fromkeys(off, False), **dict.fromkeys(on, True))


def labelled_table(
    parts: Sequence[str], show: bool, against: Path | None = None, rules: NameRules | None = None
) -> None:
    """Scores per part; with ``against`` the baseline masker's scores first, row by row;
    ``rules`` switches name mechanisms off or on."""
    finders: dict[str, Finder | None] = {
        "": None if rules is None else lambda t: find_pii(t, rules)
    }
    if against is not None:
        finders = {"baseline ": load_finder(against), "this version ": finders[""]}
    print("| part | strings | recall | look-alikes masked | clean strings masked |")
    print("| --- | --- | --- | --- | --- |")
    details = []
    for part in parts:
        for label, finder in finders.items():
            s = score_masking(load_labelled(DATA / f"{part}.jsonl"), finder=finder)
            print(
                f"| {label}{part} | {s.strings} | {s.recall:.3f} ({s.found}/{s.pii_items}) "
                f"| {s.lookalike_fp_rate:.3f} ({s.keep_masked}/{s.keep_items}) "
                f"| {s.clean_fp_rate:.3f} ({s.clean_masked}/{s.clean_strings}) |"
            )
        details += [f"{part} missed {m}" for m in s.missed]
        details += [f"{part} false positive {f}" for f in s.false_positives]
    if show:
        print("\n".join(details))


MECHANISMS = tuple(f.name for f in fields(NameRules))


def _row(label: str, s: PiiScores) -> str:
    return (
        f"| {label} | {s.recall:.3f} ({s.found}/{s.pii_items}) "
        f"| {s.keep_masked}/{s.keep_items} | {s.clean_masked}/{s.clean_strings} |"
    )


def _net(s: PiiScores) -> int:
    return s.found - s.keep_masked - s.clean_masked


def ablation_table(parts: Sequence[str]) -> None:
    """Each name mechanism switched off in turn, per part; then leave one part out."""
    sets = {part: load_labelled(DATA / f"{part}.jsonl") for part in parts}
    variants = _variants()
    print("| part | variant | recall | look-alikes masked | clean strings masked |")
    print("| --- | --- | --- | --- | --- |")
    for part, items in sets.items():
        for label, rules in variants.items():
            print(_row(f"{part} | {label}", score_masking(items, rules)))
    if len(parts) < 2:
        return
    leave_one_part_out(sets, MECHANISMS)


def leave_one_part_out(sets: dict[str, list[LabelledString]], switches: Sequence[str]) -> None:
    """Each switch's gain per part, then for each part left out: its gain on the other parts
    (every other switch as by default), the switches kept by "helps" (> 0) and by "does not
    hurt" (>= 0), and the kept set scored on the part left out (the switches not named stay
    as by default)."""
    # The net counts are sums over items, so a gain on several parts is the sum of the
    # parts' gains: each part is scored once per switch, not once per fold.
    per_part = {part: {m: _gain(sets[part], m) for m in switches} for part in sets}
    print("| part | " + " | ".join(switches) + " |")
    print("| --- | " + " | ".join("---" for _ in switches) + " |")
    for part, gains_here in per_part.items():
        print(f"| {part} | " + " | ".join(f"{gains_here[m]:+d}" for m in switches) + " |")
    print("\n| left out | rule | kept (chosen on the other parts) | recall | look-alikes | clean |")
    print("| --- | --- | --- | --- | --- | --- |")
    for held in sets:
        gains = {m: sum(per_part[p][m] for p in sets if p != held) for m in switches}
        for rule, keep in (
            ("helps (> 0)", lambda g: g > 0),
            ("does not hurt (>= 0)", lambda g: g >= 0),
        ):
            kept = [m for m, gain in gains.items() if keep(gain)]
            rules = replace(NameRules(), **{m: m in kept for m in switches})
            label = f"{held} | {rule} | {', '.join(kept) or 'none'}"
            print(_row(label, score_masking(sets[held], rules)))


def _changed_strings(before: PiiScores, after: PiiScores) -> list[str]:
    """The ids of the strings whose misses or false positives differ."""
    differ = set(before.missed + before.false_positives) ^ set(after.missed + after.false_positives)
    return sorted({entry.split(":", 1)[0] for entry in differ})


def each_off_switch_table(parts: Sequence[str]) -> None:
    """Every switch that is off by default, on alone, against the defaults, pooled."""
    items = [item for part in parts for item in load_labelled(DATA / f"{part}.jsonl")]
    defaults = NameRules()
    base = score_masking(items, defaults)
    print(
        f"defaults on {', '.join(parts)}: recall {base.recall:.3f} ({base.found}/"
        f"{base.pii_items}), look-alikes {base.keep_masked}/{base.keep_items}, "
        f"clean strings {base.clean_masked}/{base.clean_strings}\n"
    )
    print("| switch | items | look-alikes | clean strings | strings changed |")
    print("| --- | --- | --- | --- | --- |")
    for mechanism in MECHANISMS:
        if getattr(defaults, mechanism) or mechanism == "tagger":
            continue
        s = score_masking(items, switched_rules((), (mechanism,)))
        changed = _changed_strings(base, s)
        print(
            f"| {mechanism} | {s.found - base.found:+d} | {s.keep_masked - base.keep_masked:+d} "
            f"| {s.clean_masked - base.clean_masked:+d} | {', '.join(changed) or '-'} |"
        )


def _variants() -> dict[str, NameRules]:
    """The default mechanisms; each flipped in turn ("without particles", "with tagger": the
    tagger is off by default); all off."""
    default = NameRules()
    variants = {"default": default}
    for m in MECHANISMS:
        label = f"without {m}" if getattr(default, m) else f"with {m}"
        variants[label] = replace(default, **{m: not getattr(default, m)})
    variants["all off"] = NameRules(**{m: False for m in MECHANISMS})
    return variants


def _gain(items: list[LabelledString], mechanism: str) -> int:
    """What a mechanism adds with every other one as by default: net items when it is on
    minus off."""
    on = score_masking(items, replace(NameRules(), **{mechanism: True}))
    off = score_masking(items, replace(NameRules(), **{mechanism: False}))
    return _net(on) - _net(off)


def threshold_table(parts: Sequence[str], thresholds: Sequence[float]) -> None:
    """Each part with the register off and with each word threshold; then leave one out."""
    sets = {part: load_labelled(DATA / f"{part}.jsonl") for part in parts}
    scores: dict[float | None, dict[str, PiiScores]] = {}
    for threshold in (None, *thresholds):
        if threshold is None:
            first_names.configure(register=False)
        else:
            first_names.configure(register=True, word_threshold=threshold)
        scores[threshold] = {part: score_masking(items) for part, items in sets.items()}
    first_names.configure(register=True, word_threshold=first_names.DEFAULT_WORD_THRESHOLD)
    print("| part | names | recall | look-alikes masked | clean strings masked |")
    print("| --- | --- | --- | --- | --- |")
    for part in parts:
        for threshold, by_part in scores.items():
            label = "hand list only" if threshold is None else f"register, word at Zipf {threshold}"
            print(_row(f"{part} | {label}", by_part[part]))
    if len(parts) < 2:
        return
    print("\n| left out | threshold chosen on the other parts | recall | look-alikes | clean |")
    print("| --- | --- | --- | --- | --- |")
    for held in parts:
        net = {t: sum(_net(scores[t][p]) for p in parts if p != held) for t in thresholds}
        chosen = min(t for t in thresholds if net[t] == max(net.values()))
        print(_row(f"{held} | {chosen}", scores[chosen][held]))


def real_texts(shared: Path) -> dict[str, list[str]]:
    """The real public texts by source: corpus pages (front matter dropped), meeting items,
    OmaStadi proposals (title and text)."""
    front_matter = re.compile(r"\A---\n.*?\n---\n", re.S)
    corpus = [
        front_matter.sub("", p.read_text(encoding="utf-8"))
        for p in sorted((shared / "corpus").glob("*.md"))
    ]
    minutes = [
        p.read_text(encoding="utf-8") for p in sorted((shared / "minutes/items").glob("*.txt"))
    ]
    with (shared / "omastadi" / "proposals.csv").open(encoding="utf-8", newline="") as handle:
        proposals = [f"{row['title']}\n{row['texts']}" for row in csv.DictReader(handle)]
    return {"corpus pages": corpus, "meeting items": minutes, "OmaStadi proposals": proposals}


def load_finder(path: Path) -> Finder:
    """``find_pii`` of a masker file (an old privacy.py) or package folder (a copy of
    rag/core/privacy/), imported apart from the live one."""
    if path.is_dir():
        return _load_package(path)
    name = "baseline_privacy"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        sys.exit(f"{path}: not a Python file or package")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    finder: Finder = module.find_pii
    return finder


def _load_package(path: Path) -> Finder:
    """A copied package imports its modules as ``rag.core.privacy.*``: while it loads, that
    name points at the copy (so its own modules come from the copy, not the live package),
    then the live modules are put back."""
    package = "rag.core.privacy"
    live = {k: m for k, m in sys.modules.items() if k == package or k.startswith(package + ".")}
    for key in live:
        del sys.modules[key]
    spec = importlib.util.spec_from_file_location(
        package, path / "__init__.py", submodule_search_locations=[str(path)]
    )
    if spec is None or spec.loader is None:
        sys.exit(f"{path}: not a Python package")
    module = importlib.util.module_from_spec(spec)
    sys.modules[package] = module
    # ("import rag.core.privacy.x as x" looks the package up as an attribute of rag.core)
    sys.modules["rag.core"].privacy = module  # type: ignore[attr-defined]
    try:
        spec.loader.exec_module(module)
    finally:
        for key in [k for k in sys.modules if k == package or k.startswith(package + ".")]:
            del sys.modules[key]
        sys.modules.update(live)
        sys.modules["rag.core"].privacy = live[package]
    finder: Finder = module.find_pii
    return finder


def _counts(finder: Finder, texts: list[str]) -> Counter[str]:
    return Counter(span.kind for text in texts for span in finder(text))


def _timings(finders: dict[str, Finder], texts: list[str], rounds: int = 5) -> dict[str, float]:
    """Milliseconds per 100 kB of text for each masker: the best of ``rounds``, the maskers
    taking turns, so a busy shared machine slows each of them alike."""
    size_kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    best = dict.fromkeys(finders, float("inf"))
    for _ in range(rounds):
        for label, finder in finders.items():
            started = time.perf_counter()
            for text in texts:
                finder(text)
            best[label] = min(best[label], time.perf_counter() - started)
    return {label: 1000 * seconds / size_kb * 100 for label, seconds in best.items()}


def real_text_table(
    shared: Path, against: Path | None, sample: int, rules: NameRules | None = None
) -> None:
    sources = real_texts(shared)
    finders: dict[str, Finder] = {"this version": lambda t: find_pii(t, rules)}
    if against is not None:
        finders = {"baseline": load_finder(against), **finders}
    print("| masker | source | words | kB | " + " | ".join(KINDS) + " |")
    print("| --- | --- | --- | --- | " + " | ".join("---" for _ in KINDS) + " |")
    for label, finder in finders.items():
        for source, texts in sources.items():
            words = sum(len(re.findall(r"\w+", t)) for t in texts)
            size_kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
            counts = _counts(finder, texts)
            per_10k = " | ".join(f"{10_000 * counts[k] / words:.2f}" for k in KINDS)
            print(f"| {label} | {source} | {words} | {size_kb:.0f} | {per_10k} |")
    every_text = [t for texts in sources.values() for t in texts]
    speed = _timings(finders, every_text)
    words_per_100kb = sum(len(re.findall(r"\w+", t)) for t in every_text) / (
        sum(len(t.encode("utf-8")) for t in every_text) / 100_000
    )
    print(
        "\nms per 100 kB of all the text (best of 5, maskers in turn): "
        + ", ".join(f"{label} {ms:.1f}" for label, ms in speed.items())
        + "; per 10,000 words: "
        + ", ".join(f"{label} {ms * 10_000 / words_per_100kb:.1f}" for label, ms in speed.items())
    )
    _mechanism_table(sources)
    _answer_strings_touched(shared, finders)
    if against is not None and sample:
        _print_new_masks(finders["baseline"], finders["this version"], sources, sample)


def real_switch_masks(shared: Path, switch: str, rules: NameRules | None = None) -> None:
    """Every mask on the real texts that one name mechanism adds or removes: the rules (the
    defaults, or ``rules``) with ``switch`` off against the same with it on. This is how a
    round reads what its switch does to real prose before it goes on."""
    base = rules or NameRules()
    if switch not in MECHANISMS:
        sys.exit(f"--real-switch: unknown mechanism {switch}")
    switched_off = replace(base, **{switch: False})
    switched_on = replace(base, **{switch: True})
    sources = real_texts(shared)
    every = sum(len(texts) for texts in sources.values())
    print(f"{switch}, off against on, over {every} real texts ({', '.join(sources)})")
    _print_new_masks(
        lambda t: find_pii(t, switched_off),
        lambda t: find_pii(t, switched_on),
        sources,
        sample=10_000,
    )


def _mechanism_table(sources: dict[str, list[str]]) -> None:
    """NAME masks per 10,000 words with each name mechanism switched off in turn."""
    print("\n| NAME masks per 10,000 words | " + " | ".join(sources) + " |")
    print("| --- | " + " | ".join("---" for _ in sources) + " |")
    variants = _variants()
    for label, rules in variants.items():
        cells = []
        for texts in sources.values():
            words = sum(len(re.findall(r"\w+", t)) for t in texts)
            names = sum(1 for t in texts for s in find_pii(t, rules) if s.kind == "NAME")
            cells.append(f"{10_000 * names / words:.2f}")
        print(f"| {label} | " + " | ".join(cells) + " |")


def _answer_strings_touched(shared: Path, finders: dict[str, Finder]) -> None:
    """How many expected answer strings of the shared questions a mask would hide from an LLM
    that answers from the masked sources (each string's first place in each gold document)."""
    documents = {p.stem: p.read_text(encoding="utf-8") for p in (shared / "corpus").glob("*.md")}
    places = []
    for name in ("qa-dev.jsonl", "qa-dev-trust.jsonl"):
        for line in (shared / name).read_text(encoding="utf-8").splitlines():
            question = json.loads(line)
            for doc_id in question["gold_docs"]:
                text = documents.get(doc_id, "")
                places += [(doc_id, text.find(m), len(m)) for m in question["must_contain"]]
    places = [p for p in places if p[1] >= 0]
    for label, finder in finders.items():
        spans = {doc_id: finder(text) for doc_id, text in documents.items()}
        touched = sum(1 for doc_id, at, size in places if overlaps(spans[doc_id], at, at + size))
        print(
            f"\n{label}: {touched} of {len(places)} expected answer strings (qa-dev, "
            "qa-dev-trust) lie under a mask in their gold document"
        )


def _print_new_masks(
    baseline: Finder, current: Finder, sources: dict[str, list[str]], sample: int
) -> None:
    """Masks this version makes that the baseline does not, and masks the baseline makes that
    this version does not, by kind, each with a sample in context."""
    for label, one, other in (("adds", current, baseline), ("removes", baseline, current)):
        changed: list[tuple[str, str, str]] = []
        for source, texts in sources.items():
            for text in texts:
                kept = {(s.start, s.end) for s in other(text)}
                for span in one(text):
                    if (span.start, span.end) not in kept:
                        context = text[max(0, span.start - 40) : span.end + 30]
                        shown = f"{text[span.start : span.end]!r} in …{context}…"
                        changed.append((span.kind, source, shown.replace("\n", " / ")))
        kinds = dict(Counter(k for k, _, _ in changed))
        print(f"\nmasks this version {label}: {len(changed)}, by kind {kinds}")
        for kind, source, shown in random.Random(7).sample(changed, min(sample, len(changed))):
            print(f"- {kind} ({source}): {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--parts",
        default=",".join(DEV_PARTS),
        help="comma-separated labelled parts to score (default: %(default)s)",
    )
    parser.add_argument("--show", action="store_true", help="list misses and false positives")
    parser.add_argument(
        "--each-off-switch",
        action="store_true",
        help="each mechanism that is off by default switched on alone, pooled over the parts",
    )
    parser.add_argument("--ablation", action="store_true", help="each name mechanism off")
    parser.add_argument("--real-text", action="store_true", help="mask rates on real text")
    parser.add_argument(
        "--real-switch",
        default="",
        help="one name mechanism: every real-text mask it adds or removes (off against on)",
    )
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--against", type=Path, help="a baseline masker file with find_pii")
    parser.add_argument(
        "--names-off", default="", help="comma-separated name mechanisms to switch off"
    )
    parser.add_argument(
        "--names-on", default="", help="name mechanisms off by default to switch on: tagger"
    )
    parser.add_argument("--sample", type=int, default=40, help="new masks to print")
    parser.add_argument(
        "--lopo",
        default="",
        help="comma-separated switches (e.g. the guards) to choose by leaving one part out",
    )
    parser.add_argument(
        "--thresholds", default="", help="comma-separated word thresholds (Zipf) to compare"
    )
    parser.add_argument(
        "--no-other-origin",
        action="store_true",
        help="leave out the first names of other origins (resident_names.txt)",
    )
    parser.add_argument(
        "--nicknames",
        action="store_true",
        help="add the pet forms of first names (nicknames.txt; the default since the sixty-third "
        "round, kept for the earlier rounds' commands)",
    )
    parser.add_argument(
        "--no-nicknames",
        action="store_true",
        help="leave out the pet forms of first names (nicknames.txt)",
    )
    parser.add_argument(
        "--tagger-model",
        type=Path,
        help="with --names-on tagger: this model (its .json beside it) instead of the shipped one",
    )
    args = parser.parse_args()
    if args.tagger_model:
        name_tagger.use_model(args.tagger_model)
    if args.no_other_origin:
        first_names.configure(other_origin=False)
    if args.nicknames:
        first_names.configure(nicknames=True)
    if args.no_nicknames:
        first_names.configure(nicknames=False)
    parts = [p for p in args.parts.split(",") if p]
    off = [m for m in args.names_off.split(",") if m]
    on = [m for m in args.names_on.split(",") if m]
    rules = switched_rules(off, on) if off or on else None
    if args.real_switch:
        real_switch_masks(args.shared, args.real_switch, rules)
    elif args.real_text:
        real_text_table(args.shared, args.against, args.sample, rules)
    elif args.ablation:
        ablation_table(parts)
    elif args.each_off_switch:
        each_off_switch_table(parts)
    elif args.lopo:
        switches = [m for m in args.lopo.split(",") if m]
        switched_rules(switches)  # exits on an unknown name
        leave_one_part_out({p: load_labelled(DATA / f"{p}.jsonl") for p in parts}, switches)
    elif args.thresholds:
        threshold_table(parts, [float(t) for t in args.thresholds.split(",")])
    else:
        labelled_table(parts, args.show, args.against, rules)


if __name__ == "__main__":
    main()
