"""Expected answer strings hidden by a mask: do they come back in /ask answers, restored?

    PYTHONPATH=$PWD /work/main/.venv/bin/tiekartta --data-dir D ingest ../shared/data/corpus
    PYTHONPATH=$PWD OMP_WAIT_POLICY=passive python -m bench.restored_answers --data-dir D

The places are those `bench.pii_masking --real-text` counts: an expected string (must_contain)
of qa-dev or qa-dev-trust whose first place in a gold document lies under a `find_pii` span.
Each such question is asked on the whole /ask path with the fake OpenAI-compatible server as
the model, once with restoring on and once off. The fake model copies: for every source it
received it makes one claim whose text and quote are that source's masked text. So this
measures the way back (numbered placeholders, claims checked on the masked text, values put
back), not a model's skill: a real model quotes less than everything. "in a source sent"
counts the strings whose chunk was retrieved and sent (the copying model cites every source),
the upper bound for restoring.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import EVERYTHING, arguments, bench_app
from rag.core.privacy import find_pii
from rag.core.privacy.spans import overlaps
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fakes.prompt_parts import sent_sources

QA_FILES = ("qa-dev.jsonl", "qa-dev-trust.jsonl")


@dataclass(frozen=True)
class MaskedPlace:
    question_id: str
    question: str
    doc_id: str
    expected: str


def masked_places(shared: Path) -> list[MaskedPlace]:
    """Expected strings whose first place in a gold document a mask covers."""
    documents = {p.stem: p.read_text(encoding="utf-8") for p in (shared / "corpus").glob("*.md")}
    spans = {doc_id: find_pii(text) for doc_id, text in documents.items()}
    places = []
    for name in QA_FILES:
        for line in (shared / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            for doc_id in item["gold_docs"]:
                text = documents.get(doc_id, "")
                for expected in item["must_contain"]:
                    at = text.find(expected)
                    if at >= 0 and overlaps(spans[doc_id], at, at + len(expected)):
                        places.append(MaskedPlace(item["id"], item["question"], doc_id, expected))
    return places


def copy_every_source(request: dict[str, Any]) -> dict[str, Any]:
    """A model that states each source it was sent, quoting it whole."""
    sources = sent_sources(request["messages"][-1]["content"])
    claims = [{"text": s["text"], "source": s["source"], "quote": s["text"]} for s in sources]
    return {"found": True, "answer": "-", "claims": claims}


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    places = masked_places(args.shared)
    counts = {"in a source sent": 0, "restoring on": 0, "restoring off": 0}
    with FakeOpenAIServer() as server:
        server.responder = copy_every_source
        apps = {
            on: bench_app(
                args.data_dir,
                llm_base_url=server.base_url,
                llm_model="fake-chat",
                restore_personal_data=on,
            )
            for on in (True, False)
        }
        for place in places:
            answers = {
                on: app.questions.ask(place.question, filters=EVERYTHING)
                for on, app in apps.items()
            }
            shown = {on: place.expected in answer.answer for on, answer in answers.items()}
            chunk_ids = [s.chunk_id for s in answers[True].sources]
            sent = any(
                place.expected in c.text for c in apps[True].questions.cited_chunks(chunk_ids)
            )
            counts["in a source sent"] += sent
            counts["restoring on"] += shown[True]
            counts["restoring off"] += shown[False]
            print(
                f"{place.question_id} {place.doc_id} {place.expected!r}: in a source sent {sent}, "
                f"shown with restoring on {shown[True]}, off {shown[False]}"
            )
    print(
        f"\n{len(places)} masked expected strings; "
        + ", ".join(f"{k}: {v}" for k, v in counts.items())
    )


if __name__ == "__main__":
    main()
