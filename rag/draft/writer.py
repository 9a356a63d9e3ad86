"""LLM prose for a draft section, written only from the section's numbered evidence and then
checked sentence by sentence (rag/draft/support.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from rag.core.citations import finnish_date
from rag.core.drafts import DraftFlag, DraftSection
from rag.core.messages import message
from rag.core.prompts import render_prompt
from rag.draft.evidence import ThemeEvidence
from rag.draft.sections import SectionContext
from rag.draft.support import SupportChecker


def evidence_text(section: DraftSection) -> str:
    """The numbered passages the model may use, with where they come from."""
    lines = []
    for c in section.citations:
        where = ", ".join(
            p for p in (c.title, finnish_date(c.date), f"§ {c.section}" if c.section else "") if p
        )
        lines.append(f"[{c.number}] ({where}) {c.quote}")
    return "\n".join(lines)


def ask(
    chat_model: BaseChatModel,
    prompts_dir: Path,
    prompts: tuple[str, str],
    language: str,
    **values: str,
) -> str:
    """One exchange with the chat model: the (system, user) prompts of prompts/draft/ in the
    language, rendered with ``values``; the reply's text."""
    system, user = (
        render_prompt(prompts_dir, "draft", name, language, **(values if i else {}))
        for i, name in enumerate(prompts)
    )
    reply = chat_model.invoke([SystemMessage(system), HumanMessage(user)])
    return str(reply.content).strip()


class LLMSectionWriter:
    """One prompt per section and language; the answer is checked, never trusted blindly."""

    def __init__(
        self,
        chat_model: BaseChatModel,
        prompts_dir: Path,
        embeddings: Embeddings | None = None,
        min_overlap: float = 0.34,
        min_similarity: float = 0.85,
    ) -> None:
        self.chat_model = chat_model
        self.prompts_dir = prompts_dir
        self.checker = SupportChecker(embeddings, min_overlap, min_similarity)

    def rewrite(
        self, section: DraftSection, theme: ThemeEvidence, ctx: SectionContext
    ) -> DraftSection:
        """Prose for a progress section; without evidence the template text stays."""
        if not section.citations:
            return section
        language = ctx.language
        try:
            prose = ask(
                self.chat_model,
                self.prompts_dir,
                ("llm_system", "llm_progress"),
                language,
                theme=theme.theme.full_name(language),
                period=ctx.period.label,
                evidence=evidence_text(section),
            )
        except Exception as exc:  # an unreachable LLM leaves the checked template text
            flag = DraftFlag(
                "llm_failed", message("draft_flag_llm_failed", language, problem=str(exc)[:200])
            )
            return replace(section, flags=[*section.flags, flag])
        result = self.checker.check(prose, section.citations, language)
        return replace(section, text=result.text, flags=[*section.flags, *result.flags])
