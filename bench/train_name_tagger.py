"""Train the statistical name tagger (rag/core/privacy/name_tagger.py) on the labelled parts and
measure it leave-one-part-out.

    PYTHONPATH=. python -m bench.train_name_tagger                 # train on all parts, write
    PYTHONPATH=. python -m bench.train_name_tagger --lopo [--groups-off rules,frequency]
    PYTHONPATH=. python -m bench.train_name_tagger --train dev,heldout,heldout2,heldout3,heldout4 \
        --score heldout5

Every NAME item of a labelled string (tests/data/pii/) marks the tokens it covers (B, then I);
every other token is O. The threshold (the marginal probability from which a token is part
of a name) is chosen without looking at the part scored: on the training parts, each left out
in turn (an inner leave-one-part-out), by the net gain of rules ∪ tagger (items found minus
look-alikes and clean strings masked); "off" (the tagger adds nothing) is one of the choices.
The final model is trained on every part with the threshold chosen that way on all of them;
it is written with its settings beside rag/core/privacy/name_tagger.py. Every model (inner,
outer, final) also trains on the weakly labelled real-prose sentences of the training half of
the shared documents (bench/tagger_prose.py) unless ``--no-prose``; ``--real-sample N`` shows
the masks the shipped model adds on the other half, to be read by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycrfsuite

from bench.pii_masking import SHARED, _timings, real_texts
from bench.tagger_prose import SOURCES, quarter_of, real_documents, split_of, weak_sentences
from rag.core.privacy import NameRules, PiiSpan, find_pii
from rag.core.privacy.name_tagger import (
    MODEL,
    NameTagger,
    TaggerSettings,
    bundled_tagger,
    guarded,
    merge_names,
    name_runs,
    private_tagged,
    read_settings,
)
from rag.core.privacy.names import NameFinder
from rag.core.privacy.organisations import company_names
from rag.core.privacy.person_context import confirmed
from rag.core.privacy.tagger_features import GROUPS, Features, sequence_features, tokenize
from rag.core.privacy.word_vectors import VectorEvidence
from rag.evaluate.privacy import LabelledString, PiiScores, load_labelled, score_masking

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii"
PARTS = (
    "dev",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
OFF = 2.0  # a threshold no probability reaches: the tagger adds nothing
RULES = NameRules(tagger=False)
FINDER = NameFinder(RULES)


@dataclass(frozen=True)
class Options:
    """How the tagger is trained and its threshold chosen (each measured leave-one-part-out)."""

    groups: frozenset[str] = frozenset(GROUPS) - {"rules", "vector"}
    c1: float = 0.1  # CRFsuite's L1 regularisation
    c2: float = 0.01  # ... and L2
    guards: bool = True  # the rules' guards veto tagged names (name_tagger.guarded)
    alone: bool = True  # the threshold is chosen on the tagger's names alone
    prose: bool = True  # weakly labelled sentences of the training half of the real documents
    confirm: bool = False  # a tagged name needs a person's context (person_context.py)
    candidate_lines: bool = False  # tag only lines with a name-like word the rules left
    vector_evidence: bool = False  # the guards take a name-like word vector as evidence
    # the threshold's inner choice: 0 trains one model per part left out; K > 0 trains one
    # per fold of parts (part i in fold i mod K), for time when there are many parts
    folds: int = 0


@dataclass
class Prepared:
    """A labelled string with its tokens, their BIO labels and what the rules found in it."""

    item: LabelledString
    tokens: list[tuple[int, int]]
    labels: list[str]
    rule_spans: list[PiiSpan]
    companies: list[PiiSpan]  # companies named after owners: no tagged name inside them
    _features: dict[frozenset[str], list[Features]] = field(default_factory=dict)

    def features(self, groups: frozenset[str]) -> list[Features]:
        """The token features (built once per feature groups: many models train on them)."""
        if groups not in self._features:
            text = self.item.text
            self._features[groups] = sequence_features(text, self.tokens, self.rule_names, groups)
        return self._features[groups]

    @property
    def rule_names(self) -> list[PiiSpan]:
        return [s for s in self.rule_spans if s.kind == "NAME"]


def _labels(item: LabelledString, tokens: list[tuple[int, int]]) -> list[str]:
    """B/I over the tokens inside a NAME item (every place the name stands as whole words)."""
    labels = ["O"] * len(tokens)
    for kind, value in item.pii:
        if kind != "NAME":
            continue
        places = [
            m.span() for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", item.text)
        ] or [(item.text.index(value), item.text.index(value) + len(value))]
        for start, end in places:
            inside = [i for i, (s, e) in enumerate(tokens) if s < end and start < e]
            for position, index in enumerate(inside):
                labels[index] = "B" if position == 0 else "I"
    return labels


def prepare(parts: Sequence[str]) -> dict[str, list[Prepared]]:
    """Each named part's strings, tokenized, labelled and run through the rules."""
    prepared = {}
    for part in parts:
        items = load_labelled(DATA / f"{part}.jsonl")
        prepared[part] = [
            Prepared(
                item,
                tokens,
                _labels(item, tokens),
                find_pii(item.text, RULES),
                company_names(item.text),
            )
            for item in items
            for tokens in [tokenize(item.text)]
        ]
    return prepared


@cache
def prose_sequences(groups: frozenset[str]) -> list[tuple[list[Features], list[str]]]:
    """Features and weak labels of the real-prose sentences of the training half of the
    shared documents (bench/tagger_prose.py); the rules' names in them are no feature."""
    return [
        (sequence_features(s.text, s.tokens, [], groups), s.labels)
        for document in real_documents(SHARED)
        if split_of(document) == "train"
        for s in weak_sentences(document, RULES)
    ]


def train(strings: Sequence[Prepared], options: Options, path: Path) -> VectorEvidence | None:
    """Train a model on ``strings`` (and the real prose) into ``path``; with
    ``options.vector_evidence`` also fit the guards' reading of word vectors on the words of
    ``strings`` and return it."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for string in strings:
        if string.tokens:
            trainer.append(string.features(options.groups), string.labels)
    if options.prose:
        for features, labels in prose_sequences(options.groups):
            trainer.append(features, labels)
    trainer.set_params(
        {
            "c1": options.c1,
            "c2": options.c2,
            "max_iterations": 150,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))
    return fit_vector_evidence(strings) if options.vector_evidence else None


def fit_vector_evidence(strings: Sequence[Prepared]) -> VectorEvidence:
    """word_vectors.VectorEvidence fitted on every capitalised word of the strings: a name
    where most of its occurrences are inside a labelled name."""
    counts: dict[str, list[int]] = {}
    for string in strings:
        for (start, end), label in zip(string.tokens, string.labels, strict=True):
            word = string.item.text[start:end]
            if word[0].isupper() and word[0].isalpha() and len(word) > 1:
                counts.setdefault(word, [0, 0])[label == "O"] += 1
    words = sorted(counts)
    return VectorEvidence.fit(words, [counts[w][0] > counts[w][1] for w in words])


def probabilities(strings: Sequence[Prepared], options: Options, model: Path) -> list[list[float]]:
    settings = TaggerSettings(
        1.0, options.groups, options.guards, options.confirm, options.candidate_lines
    )
    tagger = NameTagger(model, settings)
    return [tagger.probabilities(s.item.text, s.rule_names) for s in strings]


def score(
    strings: Sequence[Prepared],
    chances: Sequence[list[float]] | None,
    threshold: float,
    guards: bool = True,
    rule_names: bool = True,
    confirm: bool = False,
    evidence: VectorEvidence | None = None,
) -> PiiScores:
    """Rules ∪ tagger at ``threshold`` (rules alone without ``chances``; the tagger's names
    and the rules' other kinds without ``rule_names``; with ``confirm`` only the tagged names
    in a person's context, as ``NameTagger.find`` keeps them)."""
    masks = {}
    for index, string in enumerate(strings):
        spans = string.rule_spans
        if not rule_names:
            spans = [s for s in spans if s.kind != "NAME"]
        if chances is not None:
            text = string.item.text
            tagged = name_runs(text, string.tokens, chances[index], threshold)
            tagged = guarded(text, tagged, evidence) if guards else tagged
            if confirm:
                tagged = confirmed(text, tagged, [(s.start, s.end) for s in string.rule_names])
            spans = with_tagged(text, spans, string.companies, tagged)
        masks[string.item.text] = spans
    return score_masking([s.item for s in strings], finder=lambda text: masks[text])


def with_tagged(
    text: str, spans: list[PiiSpan], companies: list[PiiSpan], tagged: Sequence[tuple[int, int]]
) -> list[PiiSpan]:
    """The rules' spans with the tagged names added as ``find_pii`` adds them: a tagged name
    inside a company named after its owner is dropped, and one of no private person too."""
    taken = spans + companies
    return [s for s in merge_names(taken, private_tagged(text, tagged, taken, FINDER)) if s.kind]


def _net(s: PiiScores) -> int:
    return s.found - s.keep_masked - s.clean_masked


def inner_folds(parts: list[str], folds: int) -> list[list[str]]:
    """The groups of parts left out in turn: one part each, or ``folds`` groups (part i in
    group i mod ``folds``)."""
    if folds <= 0 or folds >= len(parts):
        return [[part] for part in parts]
    return [parts[start::folds] for start in range(folds)]


def choose_threshold(
    parts: dict[str, list[Prepared]], options: Options, folder: Path
) -> tuple[float, dict[float, int]]:
    """The threshold with the best net gain over the parts, each scored by a model trained on
    the others (or each fold of ``options.folds`` by one trained on the other folds; the
    highest threshold on a tie: the most guarded). With ``options.alone`` the tagger's names
    are scored without the rules' names (the rules were written while reading these parts, so
    beside them the tagger's gain there says little); otherwise rules ∪ tagger, and OFF (the
    tagger adds nothing) is one of the choices."""
    nets = dict.fromkeys((*THRESHOLDS, *(() if options.alone else (OFF,))), 0)
    for number, held in enumerate(inner_folds(list(parts), options.folds)):
        model = folder / f"inner-{number}.crfsuite"
        evidence = train(
            [s for p, ss in parts.items() if p not in held for s in ss], options, model
        )
        strings = [s for p in held for s in parts[p]]
        chances = probabilities(strings, options, model)
        for threshold in nets:
            scores = score(
                strings,
                chances,
                threshold,
                options.guards,
                not options.alone,
                options.confirm,
                evidence,
            )
            nets[threshold] += _net(scores)
    best = max(nets.values())
    return max(t for t, net in nets.items() if net == best), nets


def _row(label: str, s: PiiScores) -> str:
    return (
        f"| {label} | {s.recall:.3f} ({s.found}/{s.pii_items}) "
        f"| {s.keep_masked}/{s.keep_items} | {s.clean_masked}/{s.clean_strings} |"
    )


def held_out_rows(
    prepared: dict[str, list[Prepared]],
    train_parts: Sequence[str],
    held: Sequence[str],
    options: Options,
) -> list[str]:
    """Train on ``train_parts`` (threshold chosen on them), score each part of ``held``: rules
    alone, the tagger alone, rules ∪ tagger; what the tagger adds is listed on stderr."""
    with tempfile.TemporaryDirectory() as folder:
        inner = {p: prepared[p] for p in train_parts}
        threshold, nets = choose_threshold(inner, options, Path(folder))
        model = Path(folder) / "outer.crfsuite"
        evidence = train([s for p in train_parts for s in prepared[p]], options, model)
        chances = {part: probabilities(prepared[part], options, model) for part in held}
    shown = "off" if threshold == OFF else f"{threshold:.1f}"
    print(f"  inner net per threshold {nets}", file=sys.stderr)
    rows = []
    for part in held:
        strings = prepared[part]
        rules = score(strings, None, OFF)
        at = min(threshold, 1.0)
        tagger = score(strings, chances[part], at, options.guards, False, options.confirm, evidence)
        both = score(
            strings, chances[part], threshold, options.guards, True, options.confirm, evidence
        )
        found = sorted(set(rules.missed) - set(both.missed))
        print(f"  {part}: newly found {found}", file=sys.stderr)
        new_fp = sorted(set(both.false_positives) - set(rules.false_positives))
        print(f"  {part}: new false positives {new_fp}", file=sys.stderr)
        rows += [
            _row(f"{part} | rules alone | –", rules),
            _row(f"{part} | tagger alone | {shown}", tagger),
            _row(f"{part} | rules ∪ tagger | {shown}", both),
        ]
    return rows


def lopo_table(prepared: dict[str, list[Prepared]], options: Options) -> None:
    print(
        "| left out | masker | threshold (chosen on the other parts) "
        "| recall | look-alikes | clean |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for held in prepared:
        rows = held_out_rows(prepared, [p for p in prepared if p != held], [held], options)
        print("\n".join(rows), flush=True)


def train_final(prepared: dict[str, list[Prepared]], options: Options, model: Path = MODEL) -> None:
    """The shipped model (or one written to ``model``, its settings beside it): every part,
    the threshold chosen leave-one-part-out on all of them."""
    with tempfile.TemporaryDirectory() as folder:
        threshold, nets = choose_threshold(prepared, options, Path(folder))
    print(f"net per threshold (leave one part out): {nets}; chosen {threshold}")
    evidence = train([s for strings in prepared.values() for s in strings], options, model)
    settings = {
        "threshold": min(threshold, 1.0),
        "groups": sorted(options.groups),
        "guards": options.guards,
        "confirm": options.confirm,
        "candidate_lines": options.candidate_lines,
        "vector_evidence": evidence.to_json() if evidence else None,
        "c1": options.c1,
        "c2": options.c2,
        "threshold_chosen_by": "tagger alone" if options.alone else "rules and tagger",
        "thresholdinner_folds": options.folds or "one per part",
        "trained_on": list(prepared),
        "real_prose": (
            f"{len(prose_sequences(options.groups))} sentences of the training half of the "
            "shared documents (bench/tagger_prose.py)"
            if options.prose
            else "none"
        ),
        "made_by": "python -m bench.train_name_tagger",
    }
    written = model.with_suffix(".json")
    written.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {model} ({model.stat().st_size // 1024} kB) and {written}")


def real_text_counts(thresholds: Sequence[float]) -> None:
    """Names the shipped tagger adds to the rules' on the shared real text, per threshold (the
    bench's ``--real-text --names-on tagger`` shows a sample of them at the shipped one)."""
    tagger = bundled_tagger()
    rows = {
        t: dict.fromkeys(("corpus pages", "meeting items", "OmaStadi proposals"), 0)
        for t in thresholds
    }
    for source, texts in real_texts(SHARED).items():
        for text in texts:
            spans = find_pii(text, RULES)
            companies = company_names(text)
            tokens = tokenize(text)
            chances = tagger.probabilities(text, [s for s in spans if s.kind == "NAME"], tokens)
            for threshold in thresholds:
                tagged = guarded(
                    text,
                    name_runs(text, tokens, chances, threshold),
                    tagger.settings.vector_evidence,
                )
                added = set(with_tagged(text, spans, companies, tagged)) - set(spans)
                rows[threshold][source] += len(added)
    print("| threshold | " + " | ".join(rows[thresholds[0]]) + " | all |")
    print("| --- | --- | --- | --- | --- |")
    for threshold, counts in rows.items():
        cells = " | ".join(str(n) for n in counts.values())
        print(f"| {threshold} | {cells} | {sum(counts.values())} |")


def speed(models: Sequence[Path]) -> None:
    """The masker's time on all the shared real text with the tagger off, with the shipped
    tagger, and with each of ``models`` (settings beside each), in turns (best of 5)."""
    taggers = {"shipped": bundled_tagger()} | {
        str(m): NameTagger(m, read_settings(m.with_suffix(".json"))) for m in models
    }
    finders = {"tagger off": lambda t: find_pii(t, RULES)} | {
        f"tagger {label}": _with_tagger(tagger) for label, tagger in taggers.items()
    }
    every_text = [t for texts in real_texts(SHARED).values() for t in texts]
    timings = _timings(finders, every_text)
    words = sum(len(t.split()) for t in every_text)
    kilobytes = sum(len(t.encode("utf-8")) for t in every_text) / 1000
    off = timings["tagger off"]
    for label, ms in timings.items():
        per_10k = ms * kilobytes / 100 / words * 10_000
        print(f"{label}: {per_10k:.1f} ms per 10,000 words ({ms / off:.2f}× the tagger off)")


def _with_tagger(tagger: NameTagger) -> Callable[[str], list[PiiSpan]]:
    """``find_pii`` with ``tagger`` on, as ``find_pii(text, NameRules(tagger=True))`` runs
    the shipped one."""

    def find(text: str) -> list[PiiSpan]:
        spans = find_pii(text, RULES)
        names = [s for s in spans if s.kind == "NAME"]
        return with_tagged(text, spans, company_names(text), tagger.find(text, names))

    return find


def held_out_documents(
    tagger: NameTagger, half: str, sample: int, quarter: int | None = None
) -> None:
    """The masks the tagger adds to the rules' on one half of the real documents (by the
    split of bench/tagger_prose.py; "measure" was never trained on): counts per source and a
    random sample of them in context, to be read by hand (a person or not)."""
    added: list[tuple[str, str, str]] = []
    words = dict.fromkeys(SOURCES, 0)
    counts = dict.fromkeys(SOURCES, 0)
    for document in real_documents(SHARED):
        if split_of(document) != half or quarter not in (None, quarter_of(document)):
            continue
        text = document.text
        spans = find_pii(text, RULES)
        tagged = tagger.find(text, [s for s in spans if s.kind == "NAME"])
        new = set(with_tagged(text, spans, company_names(text), tagged)) - set(spans)
        words[document.source] += len(text.split())
        counts[document.source] += len(new)
        for span in sorted(new, key=lambda s: s.start):
            context = text[max(0, span.start - 50) : span.end + 50].replace("\n", " ⏎ ")
            shown = f"{context}  →  [{text[span.start : span.end]}]"
            added.append((document.source, document.id, shown))
    part = f", quarter {quarter}" if quarter else ""
    print(f"half {half!r}{part}: masks added per source (words): ")
    for source in SOURCES:
        print(f"  {source}: {counts[source]} ({words[source]} words)")
    print(f"  all: {sum(counts.values())}")
    for number, (source, ident, shown) in enumerate(
        random.Random(7).sample(added, min(sample, len(added))), 1
    ):
        print(f"{number:2d}. {source} {ident}: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lopo", action="store_true", help="leave one part out, per part")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help="the parts for --lopo, and to train the final model on (default: the first "
        "twenty-two)",
    )
    parser.add_argument(
        "--real-text",
        default="",
        help="comma-separated thresholds: names the shipped model adds on the shared real text",
    )
    parser.add_argument("--train", help="comma-separated parts to train on (with --score)")
    parser.add_argument("--score", help="comma-separated parts to score (with --train)")
    default = Options()
    parser.add_argument(
        "--groups-off",
        default=",".join(sorted(set(GROUPS) - default.groups)),
        help=f"feature groups to leave out, of {', '.join(GROUPS)} (default: %(default)s)",
    )
    parser.add_argument("--c1", type=float, default=default.c1, help="L1 regularisation")
    parser.add_argument("--c2", type=float, default=default.c2, help="L2 regularisation")
    parser.add_argument("--no-guards", action="store_true", help="no veto by the rules' guards")
    parser.add_argument(
        "--no-prose", action="store_true", help="train on the labelled parts only (no real prose)"
    )
    parser.add_argument(
        "--real-sample",
        type=int,
        default=0,
        help="masks added on the real documents of --real-half: counts and a sample of this size",
    )
    parser.add_argument(
        "--out", type=Path, help="write the trained model here instead of the shipped one"
    )
    parser.add_argument(
        "--confirm", action="store_true", help="keep tagged names in a person's context only"
    )
    parser.add_argument(
        "--vectors",
        action="store_true",
        help="the bundled model's word vectors as features and as a name's evidence for the guards",
    )
    parser.add_argument(
        "--candidate-lines",
        action="store_true",
        help="tag only the lines with a name-like word outside the rules' names",
    )
    parser.add_argument(
        "--speed",
        nargs="*",
        type=Path,
        help="time the masker with the tagger off, the shipped one and these models",
    )
    parser.add_argument(
        "--folds",
        type=int,
        default=0,
        help="choose the threshold on this many folds of parts (default: one per part)",
    )
    parser.add_argument("--real-half", choices=("measure", "train"), default="measure")
    parser.add_argument(
        "--real-quarter",
        type=int,
        choices=(1, 2),
        help="with --real-sample: one half of --real-half (choose on one, report the other)",
    )
    parser.add_argument(
        "--model", type=Path, help="with --real-sample: another model (its .json beside it)"
    )
    parser.add_argument(
        "--choose",
        choices=("alone", "union"),
        default="alone" if default.alone else "union",
        help="choose the threshold by the tagger's names alone or by rules ∪ tagger",
    )
    args = parser.parse_args()
    off = {g for g in args.groups_off.split(",") if g} - ({"vector"} if args.vectors else set())
    if off - set(GROUPS):
        sys.exit(f"--groups-off: unknown group(s) {', '.join(sorted(off - set(GROUPS)))}")
    options = Options(
        frozenset(GROUPS) - off,
        args.c1,
        args.c2,
        not args.no_guards,
        args.choose == "alone",
        not args.no_prose,
        args.confirm,
        args.candidate_lines,
        args.vectors,
        args.folds,
    )
    if args.speed is not None:
        speed(args.speed)
    elif args.real_sample:
        tagger = (
            NameTagger(args.model, read_settings(args.model.with_suffix(".json")))
            if args.model
            else bundled_tagger()
        )
        held_out_documents(tagger, args.real_half, args.real_sample, args.real_quarter)
    elif args.real_text:
        real_text_counts([float(t) for t in args.real_text.split(",")])
    elif args.score:
        train_parts = (args.train or "").split(",")
        held = args.score.split(",")
        prepared = prepare([*train_parts, *held])
        print("\n".join(held_out_rows(prepared, train_parts, held, options)))
    elif args.lopo:
        lopo_table(prepare(args.parts.split(",")), options)
    else:
        train_final(prepare(args.parts.split(",")), options, args.out or MODEL)


if __name__ == "__main__":
    main()
