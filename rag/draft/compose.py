"""Compose a draft from the evidence pack: the same sections in every language, the template
text without an LLM, or LLM prose for the progress sections with every sentence checked (and
machine translations beside quotes in another language)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel

from rag.core.classification import NONE_LABEL
from rag.core.drafts import DraftContent, DraftFlag, DraftSection
from rag.core.messages import message
from rag.core.programme import STATUS_IDS, Programme
from rag.draft.evidence import EvidencePack
from rag.draft.figures_section import figures_block
from rag.draft.proposal_links import DigitalElement, ProposalLinker
from rag.draft.proposals import ClassifiedProposal
from rag.draft.register import Register
from rag.draft.sections import (
    SectionContext,
    measures_section,
    new_measures_section,
    open_section,
    progress_section,
    proposals_section,
)
from rag.draft.translate import LLMTranslator
from rag.draft.wording import counted
from rag.draft.writer import LLMSectionWriter


@dataclass
class DraftRequest:
    """What the coordinator asked for; the register and proposals are optional."""

    themes: list[str]
    languages: list[str] = field(default_factory=lambda: ["fi", "sv"])
    register: Register | None = None
    proposals: list[ClassifiedProposal] | None = None
    proposals_source: str = ""
    undated: str = "context"  # how the evidence treated undated documents (for the meta)


class DraftComposer:
    """Turns an EvidencePack into a DraftContent; with a chat model the progress sections are
    written as prose and checked sentence by sentence (rag/draft/support.py)."""

    def __init__(
        self,
        programme: Programme,
        prompts_dir: Path,
        chat_model: BaseChatModel | None = None,
        embeddings: Embeddings | None = None,
        min_overlap: float = 0.34,
        min_similarity: float = 0.85,
    ) -> None:
        self.programme = programme
        self.prompts_dir = prompts_dir
        self.embeddings = embeddings
        self.digital = DigitalElement(programme)
        self.translator = LLMTranslator(chat_model, prompts_dir) if chat_model is not None else None
        self.writer = (
            LLMSectionWriter(chat_model, prompts_dir, embeddings, min_overlap, min_similarity)
            if chat_model is not None
            else None
        )

    def compose(self, pack: EvidencePack, request: DraftRequest) -> DraftContent:
        sections: list[DraftSection] = []
        links = (
            ProposalLinker(request.register.measures, self.embeddings).links(
                [p for p in request.proposals or []]
            )
            if request.register is not None
            else {}
        )
        for language in request.languages:
            ctx = SectionContext(
                programme=self.programme,
                prompts_dir=self.prompts_dir,
                period=pack.period,
                language=language,
                register=request.register,
                proposals=request.proposals,
                proposals_source=request.proposals_source,
                translate=self.translator.into(language) if self.translator else None,
                links=links,
                digital=self.digital,
            )
            theme_sections: list[DraftSection] = []
            for theme in pack.themes:
                progress = progress_section(theme, ctx)
                if self.writer is not None:
                    progress = self.writer.rewrite(progress, theme, ctx)
                parts = [
                    progress,
                    measures_section(theme, ctx),
                    proposals_section(theme, ctx),
                    new_measures_section(theme, ctx),
                ]
                theme_sections += [*parts, open_section(theme, ctx, parts)]
            sections += [self._summary(pack, request, ctx, theme_sections), *theme_sections]
        return DraftContent(
            period_start=pack.period.start,
            period_end=pack.period.end,
            themes=[t.theme.id for t in pack.themes],
            languages=list(request.languages),
            sections=sections,
            programme_id=self.programme.id,
            generator="llm" if self.writer is not None else "template",
            meta=self._meta(pack, request, sections),
        )

    def _summary(
        self,
        pack: EvidencePack,
        request: DraftRequest,
        ctx: SectionContext,
        theme_sections: list[DraftSection],
    ) -> DraftSection:
        """The marker, the register's counts per theme, the figures the documents state (with
        their sentences and citations, compared with the register) and what awaits review."""
        language, register = ctx.language, request.register
        flags = [f for s in theme_sections for f in s.flags]
        measures = [m for t in pack.themes for m in t.measures]
        theme_lines = []
        measure_text = ""
        if register is not None:
            counts = {
                s: sum(register.counts(t.theme.id)[s] for t in pack.themes) for s in STATUS_IDS
            }
            register_text = ctx.render(
                "register_counts",
                register=register.path.name,
                total=counted("draft_n_measures", sum(counts.values()), language),
                **counts,
            )
            for theme in pack.themes:
                per = register.counts(theme.theme.id)
                listed = ", ".join(f"{ctx.status(s)} {per[s]}" for s in STATUS_IDS)
                theme_lines.append(
                    ctx.render(
                        "theme_count",
                        theme=theme.theme.heading(language),
                        total=counted("draft_n_measures", sum(per.values()), language),
                        counts=listed,
                    )
                )
            conflicts = len({f.measure_id for f in flags if f.kind == "status_conflict"})
            measure_text = ctx.render(
                "summary_measures",
                with_evidence=counted(
                    "draft_n_measures_elative", sum(1 for m in measures if m.passages), language
                ),
                measures=counted("draft_n_measures", len(measures), language),
                conflicts=counted("draft_n_measures_inessive", conflicts, language),
                no_evidence=counted(
                    "draft_n_measures_elative",
                    sum(1 for f in flags if f.kind == "no_evidence"),
                    language,
                ),
            )
        else:
            register_text = ctx.render("no_register")
        figures = figures_block(pack, ctx)
        programme = self.programme.name.get(language) or self.programme.id
        text = ctx.render(
            "summary",
            marker=message("draft_marker", language),
            period=pack.period.label,
            programme=programme,
            themes=", ".join(t.theme.id for t in pack.themes),
            register_text=register_text,
            theme_counts="\n".join(theme_lines),
            figures=figures.text,
            measure_text=measure_text,
        )
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
        # Unsure `none` results belong to no theme section, yet await review like the rest.
        unsure = [
            p
            for p in request.proposals or []
            if not p.settled and NONE_LABEL in p.labels and ctx.in_period(p)
        ]
        if unsure:
            waiting = counted("draft_n_proposals_wait", len(unsure), language)
            ids = ", ".join(p.id for p in unsure)
            text += "\n\n" + message(
                "draft_proposals_none_to_review", language, waiting=waiting, ids=ids
            )
        return DraftSection(
            "summary",
            language,
            message("draft_section_summary", language),
            text,
            citations=figures.citations,
            flags=figures.flags,
        )

    @staticmethod
    def _meta(
        pack: EvidencePack, request: DraftRequest, sections: list[DraftSection]
    ) -> dict[str, Any]:
        """Facts about how the draft was made, kept with it for the reviewer and the audit."""
        flags: dict[str, int] = {}
        for section in sections:
            for flag in section.flags:
                flags[flag.kind] = flags.get(flag.kind, 0) + 1
        return {
            "register": str(request.register.path) if request.register else None,
            "register_counts": {t: request.register.counts(t) for t in request.themes}
            if request.register
            else None,
            "proposals": request.proposals_source or None,
            "queries": pack.queries,
            "figures": {
                kind: sum(1 for f in pack.figures if f.figure.kind == kind)
                for kind in dict.fromkeys(f.figure.kind for f in pack.figures)
            },
            "flags": flags,
            "undated_policy": request.undated,
        }


def all_flags(content: DraftContent) -> list[DraftFlag]:
    return [f for s in content.sections for f in s.flags]
