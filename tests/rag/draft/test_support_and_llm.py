"""Generated prose: every sentence checked against its cited passages, flagged ones marked.

The LLM is the fake OpenAI-compatible server (tests/fakes/openai_server.py); the evidence is the
real sample corpus retrieved with the real bundled embeddings.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from api.container import Tiekartta
from rag.core.drafts import DraftCitation
from rag.core.messages import message
from rag.core.programme import Programme
from rag.core.settings import Settings
from rag.draft.compose import DraftComposer, DraftRequest
from rag.draft.evidence import EvidenceCollector, EvidencePack
from rag.draft.period import parse_period
from rag.draft.register import Register
from rag.draft.support import SupportChecker
from rag.llm import make_chat_model
from tests.fakes.openai_server import FakeError, FakeOpenAIServer, last_user_message

PASSAGE = DraftCitation(
    number=1,
    chunk_id="c1",
    doc_id="d1",
    title="Digitiekartan seuranta 2025",
    date="2025-10-20",
    quote="Ohjelmistorobotti käsittelee noin 60 prosenttia ostolaskuista, mikä säästää "
    "arviolta 1 800 työtuntia vuodessa.",
)


@pytest.mark.parametrize(
    ("sentence", "verdict", "reason"),
    [
        ("Ohjelmistorobotti käsittelee noin 60 prosenttia ostolaskuista [1].", "supported", ""),
        ("Robotti säästää 1800 työtuntia vuodessa [1].", "supported", ""),
        (
            "Ohjelmistorobotti käsittelee noin 75 prosenttia ostolaskuista [1].",
            "weak_support",
            "numbers:75",
        ),
        (
            "Kaupunginvaltuusto hyväksyi uuden strategian yksimielisesti [1].",
            "weak_support",
            "overlap",
        ),
        ("Ohjelmistorobotti käsittelee ostolaskuja.", "unsupported", "no citation"),
        ("Ohjelmistorobotti käsittelee ostolaskuja [4].", "unsupported", "unknown [4]"),
    ],
)
def test_sentence_checks(sentence: str, verdict: str, reason: str) -> None:
    check = SupportChecker().check_sentence(sentence, {1: PASSAGE})
    assert (check.verdict, check.reason) == (verdict, reason)


def test_flagged_sentences_stay_in_the_text_marked() -> None:
    text = (
        "Ohjelmistorobotti käsittelee noin 60 prosenttia ostolaskuista. [1] "
        "Se säästää 5 000 työtuntia [1]. Kaikki tavoitteet saavutettiin."
    )
    result = SupportChecker().check(text, [PASSAGE], "fi")
    marker = message("draft_unsupported_marker", "fi")
    assert [c.verdict for c in result.checks] == ["supported", "weak_support", "unsupported"]
    assert result.text.count(marker) == 2
    assert "Ohjelmistorobotti käsittelee noin 60 prosenttia ostolaskuista [1]." in result.text
    assert f"**{marker}:** Se säästää 5 000 työtuntia [1]." in result.text
    assert f"**{marker}:** Kaikki tavoitteet saavutettiin." in result.text
    assert [f.kind for f in result.flags] == ["weak_support", "unsupported"]
    assert "5000" in result.flags[0].message


@pytest.fixture(scope="module")
def pack(sample_service: Tiekartta, programme: Programme, register: Register) -> EvidencePack:
    collector = EvidenceCollector(sample_service.retriever, programme)
    return collector.collect(parse_period("2025"), ["a", "c"], register, ["fi", "sv"])


def _chat_model(server: FakeOpenAIServer) -> Any:
    settings = Settings(_env_file=None, llm_base_url=server.base_url, llm_model="fake-chat")  # type: ignore[call-arg]
    return make_chat_model(settings)


def _is_translation(request: dict[str, Any]) -> bool:
    return bool(re.match(r"(Käännä|Översätt|Translate) ", last_user_message(request)))


def _translated(request: dict[str, Any]) -> str:
    """A fake translation: the excerpt (the prompt's last paragraph) tagged '[käännös]'."""
    return "[käännös] " + last_user_message(request).strip().split("\n\n")[-1]


def _responder(request: dict[str, Any]) -> str:
    """A model that copies the first excerpt (supported), invents a figure, and adds a
    sentence without any citation; translation prompts get a tagged copy."""
    if _is_translation(request):
        return _translated(request)
    excerpt = re.search(r"^\[1\] \([^)]*\) (.+)$", last_user_message(request), re.M)
    assert excerpt is not None, "the prompt lists numbered excerpts"
    first = excerpt.group(1).split(". ")[0].rstrip(".")
    return f"{first} [1]. Palvelua käytti 987 654 asukasta [1]. Kaikki tavoitteet saavutettiin."


def test_llm_prose_is_checked_and_unsupported_claims_are_marked(
    fake_openai: FakeOpenAIServer,
    pack: EvidencePack,
    programme: Programme,
    register: Register,
    sample_service: Tiekartta,
) -> None:
    fake_openai.responder = _responder
    composer = DraftComposer(
        programme,
        sample_service.settings.prompts_dir,
        _chat_model(fake_openai),
        sample_service.embeddings,
    )
    draft = composer.compose(
        pack, DraftRequest(themes=["a", "c"], languages=["fi", "sv"], register=register)
    )
    assert draft.generator == "llm"
    # One prompt per progress section and language, each carrying the system rules (the other
    # prompts translate quotes in another language than the draft's).
    chats = [c for c in fake_openai.chat_requests() if not _is_translation(c)]
    assert len(chats) == 4
    assert all(c["messages"][0]["role"] == "system" for c in chats)
    for language in ("fi", "sv"):
        marker = message("draft_unsupported_marker", language)
        for theme in ("a", "c"):
            section = next(
                s for s in draft.sections if s.key == f"theme-{theme}" and s.language == language
            )
            kinds = [f.kind for f in section.flags]
            assert kinds == ["weak_support", "unsupported"], (language, theme, kinds)
            assert "987654" in section.flags[0].message
            assert section.text.count(marker) == 2
            assert "987 654" in section.text and "Kaikki tavoitteet saavutettiin." in section.text
            first_sentence = section.text.split(" [1].")[0]
            assert marker not in first_sentence  # the copied passage is supported
            # The flags are listed among the theme's open points.
            open_points = next(
                s
                for s in draft.sections
                if s.key == f"theme-{theme}-open" and s.language == language
            )
            assert "987 654" in open_points.text
    # The table and counts are never written by the LLM.
    measures = next(s for s in draft.sections if s.key == "theme-a-measures" and s.language == "fi")
    assert f"| valmis | {register.counts('a')['completed']} |" in measures.text


def test_unreachable_llm_keeps_the_quoted_text_and_says_so(
    fake_openai: FakeOpenAIServer,
    pack: EvidencePack,
    programme: Programme,
    sample_service: Tiekartta,
) -> None:
    fake_openai.responder = lambda request: FakeError(503, "overloaded")
    composer = DraftComposer(
        programme, sample_service.settings.prompts_dir, _chat_model(fake_openai)
    )
    draft = composer.compose(pack, DraftRequest(themes=["a", "c"], languages=["fi"]))
    progress = next(s for s in draft.sections if s.key == "theme-a")
    assert [f.kind for f in progress.flags] == ["llm_failed"]
    assert progress.citations and "[1]" in progress.text  # the quoted template text


def test_quotes_in_another_language_get_a_machine_translation_beside_them(
    fake_openai: FakeOpenAIServer,
    pack: EvidencePack,
    programme: Programme,
    sample_service: Tiekartta,
) -> None:
    fake_openai.responder = lambda request: (
        _translated(request) if _is_translation(request) else FakeError(503, "down")
    )
    composer = DraftComposer(
        programme, sample_service.settings.prompts_dir, _chat_model(fake_openai)
    )
    draft = composer.compose(pack, DraftRequest(themes=["a", "c"], languages=["fi"]))
    requests = [c for c in fake_openai.chat_requests() if _is_translation(c)]
    assert requests, "the Swedish follow-up's sentences are quoted in the Finnish draft"
    # The prompt names the source language and asks for Finnish.
    assert all(
        "ruotsiksi" in last_user_message(r) or "englanniksi" in last_user_message(r)
        for r in requests
    )
    summary = next(s for s in draft.sections if s.key == "summary")
    marked = re.findall(
        r"”([^”]+)” \((ruotsiksi|englanniksi); konekäännös: ”([^”]+)”\)", summary.text
    )
    assert marked, summary.text
    for original, _language, translation in marked:
        assert translation == f"[käännös] {original}"  # the quote itself stays verbatim
    # Finnish quotes get no marker and no translation.
    assert "(suomeksi" not in summary.text
