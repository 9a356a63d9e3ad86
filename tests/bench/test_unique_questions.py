"""The load bench's unique questions: shared by threads, no text given twice, then it stops."""

from __future__ import annotations

import threading

from bench.unique_questions import OPENERS, Question, UniqueQuestions


def test_threads_never_get_the_same_text_and_the_source_runs_dry() -> None:
    source = UniqueQuestions([Question("fi", "Kuka päätti?"), Question("sv", "Vem beslöt?")])
    given: list[list[str]] = [[] for _ in range(4)]

    def draw(mine: list[str]) -> None:
        mine.extend(source)  # until StopIteration

    threads = [threading.Thread(target=draw, args=(g,)) for g in given]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    texts = [t for g in given for t in g]
    assert len(texts) == len(set(texts)) == 2 * len(OPENERS["fi"])
    assert "Kerro, Kuka päätti?" in texts and "Berätta, Vem beslöt?" in texts
    assert not any(t.startswith("Kerro") and "Vem" in t for t in texts)  # openers match
