"""The summary's block of figures the period's documents state: per scope (the whole roadmap,
then each theme) the measures in all, by status and new, each with its [n] citation, then the
sentences quoted verbatim (in their own language, marked when it is not the draft's). With a
register the stated figures are compared with its counts and every difference is flagged."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rag.core.drafts import DraftCitation, DraftFlag
from rag.core.messages import message
from rag.core.programme import STATUS_IDS
from rag.draft.citing import CitationList
from rag.draft.evidence import EvidencePack, FigurePassage
from rag.draft.figures import NEW, TOTAL
from rag.draft.sections import SectionContext

KINDS = (TOTAL, *STATUS_IDS, NEW)


@dataclass
class FiguresBlock:
    text: str
    citations: list[DraftCitation] = field(default_factory=list)
    flags: list[DraftFlag] = field(default_factory=list)


def _label(kind: str, ctx: SectionContext) -> str:
    if kind == TOTAL:
        return message("draft_figure_total", ctx.language)
    if kind == NEW:
        return message("draft_figure_new", ctx.language)
    return ctx.status(kind)


def _register_value(
    kind: str, scope: str | None, pack: EvidencePack, ctx: SectionContext
) -> int | None:
    """The register's count for a stated figure, or None when it has none to compare."""
    register = ctx.register
    if register is None or kind == NEW:
        return None
    themes = [scope] if scope else [t.theme.id for t in pack.themes]
    if scope is None and set(themes) != set(ctx.programme.theme_ids):
        return None  # a draft of some themes cannot check the whole roadmap's figures
    counts = [register.counts(t) for t in themes]
    if kind == TOTAL:
        return sum(sum(c.values()) for c in counts)
    return sum(c[kind] for c in counts)


def figures_block(pack: EvidencePack, ctx: SectionContext) -> FiguresBlock:
    language = ctx.language
    heading = f"**{message('draft_figures_heading', language)}**"
    if not pack.figures:
        return FiguresBlock(f"{heading}\n\n{message('draft_figures_none', language)}")
    cites = CitationList()
    flags: list[DraftFlag] = []
    by_scope: dict[str | None, dict[str, list[FigurePassage]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for passage in pack.figures:
        by_scope[passage.figure.theme][passage.figure.kind].append(passage)
    scopes = [s for s in (None, *(t.theme.id for t in pack.themes)) if s in by_scope]
    lines = []
    for scope in scopes:
        name = (
            message("draft_figure_all", language)
            if scope is None
            else ctx.programme.theme(scope).heading(language)
        )
        parts: list[str] = []
        quoted_sentences: list[tuple[str, str, int]] = []
        for kind in (k for k in KINDS if k in by_scope[scope]):
            passages = sorted(by_scope[scope][kind], key=lambda p: p.language != language)
            shown = []
            for value in dict.fromkeys(p.figure.value for p in passages):
                best = next(p for p in passages if p.figure.value == value)
                number = cites.cite(best.chunk, best.figure.sentence)
                shown.append(f"{value} [{number}]")
                quote = (best.figure.sentence, best.language, number)
                if quote not in quoted_sentences:
                    quoted_sentences.append(quote)
                registered = _register_value(kind, scope, pack, ctx)
                if registered is not None and registered != value:
                    flags.append(
                        DraftFlag(
                            "figure_conflict",
                            message(
                                "draft_flag_figure_conflict",
                                language,
                                scope=name,
                                what=_label(kind, ctx),
                                stated=f"{value} [{number}]",
                                register=str(registered),
                            ),
                        )
                    )
            parts.append(f"{_label(kind, ctx)} {' / '.join(shown)}")
        quotes = " ".join(f"{ctx.quote(text, lang)} [{n}]" for text, lang, n in quoted_sentences)
        lines.append(f"- **{name}**: {', '.join(parts)}. {quotes}")
    indicators = sorted(pack.indicators, key=lambda p: p.language != language)[: ctx.max_quotes]
    if indicators:
        lines.append(f"- **{message('draft_figure_indicators', language)}**:")
        for indicator in indicators:
            number = cites.cite(indicator.chunk, indicator.quote)
            lines.append(f"  - {ctx.quote(indicator.quote, indicator.language)} [{number}]")
    return FiguresBlock(f"{heading}\n\n" + "\n".join(lines), cites.items, flags)
