"""The template (no LLM) sections of a draft, one builder per section kind.

Each builder gets the evidence of one theme and one language and returns a DraftSection whose
every quoted statement carries [n] citations of stored chunks; counts come from the register,
and the text around them from the templates in prompts/draft/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rag.core.drafts import DraftFlag, DraftSection
from rag.core.language import detect_language
from rag.core.messages import message
from rag.core.programme import STATUS_IDS, Programme
from rag.core.prompts import render_prompt
from rag.draft.citing import CitationList
from rag.draft.evidence import MeasureEvidence, Passage, ThemeEvidence
from rag.draft.period import Period
from rag.draft.proposals import ClassifiedProposal, proposal_title
from rag.draft.register import Measure, Register
from rag.draft.wording import Translate, counted, quoted_in


@dataclass
class SectionContext:
    """What every section builder needs besides the theme's evidence."""

    programme: Programme
    prompts_dir: Path
    period: Period
    language: str
    register: Register | None
    proposals: list[ClassifiedProposal] | None
    proposals_source: str = ""
    max_quotes: int = 3
    max_examples: int = 3
    # With an LLM: a machine translation beside quotes in another language.
    translate: Translate | None = None
    # Proposal id -> the register's measure it supports (rag/draft/proposal_links.py).
    links: dict[str, Measure] = field(default_factory=dict)
    # Does a proposal put forward a digital element? (text, language) -> bool
    digital: Callable[[str, str | None], bool] | None = None

    def render(self, name: str, **values: object) -> str:
        texts = {k: str(v) for k, v in values.items()}
        return render_prompt(self.prompts_dir, "draft", name, self.language, **texts).strip()

    def status(self, status: str) -> str:
        return self.programme.status_word(status, self.language)

    def quote(self, text: str, source_language: str | None) -> str:
        """A verbatim quote, marked with its language when it is not the draft's."""
        return quoted_in(text, source_language, self.language, self.translate)

    def in_period(self, proposal: ClassifiedProposal) -> bool:
        return proposal.date is None or self.period.contains(proposal.date)

    @property
    def settled_proposals(self) -> list[ClassifiedProposal]:
        """Decided or confidently classified proposals of the period: the ones counted."""
        return [p for p in self.proposals or [] if p.settled and self.in_period(p)]

    @property
    def register_name(self) -> str:
        return self.register.path.name if self.register else ""


def section_title(theme: ThemeEvidence, language: str, kind: str) -> str:
    """'a) Ihmislähtöiset sähköiset palvelut – Eteneminen kaudella'."""
    return f"{theme.theme.heading(language)} – {message(f'draft_section_{kind}', language)}"


def prefer_language(passages: list[Passage], language: str) -> list[Passage]:
    """Passages in the draft's language first, status statements first; order kept otherwise."""
    return sorted(passages, key=lambda p: (p.language != language, p.stated is None))


def _measure_line(evidence: MeasureEvidence, ctx: SectionContext, cites: CitationList) -> str:
    measure = evidence.measure
    best = prefer_language(evidence.passages, ctx.language)[0]
    number = cites.cite(best.chunk, best.quote)
    stated = ctx.status(best.stated.status) if best.stated else None
    warn = " ⚠" if best.stated and best.stated.status != measure.status else ""
    documents = stated or message("draft_label_not_stated", ctx.language)
    return (
        f"- **{measure.title_in(ctx.language)}** "
        f"({message('draft_label_register', ctx.language)}: {ctx.status(measure.status)}; "
        f"{message('draft_label_documents', ctx.language)}: {documents}{warn}): "
        f"{ctx.quote(best.quote, best.language)} [{number}]"
    )


def progress_section(theme: ThemeEvidence, ctx: SectionContext) -> DraftSection:
    """What the documents dated in the period say: measure by measure, then the theme."""
    cites = CitationList()
    lines = [_measure_line(m, ctx, cites) for m in theme.measures if m.passages]
    for passage in prefer_language(theme.passages, ctx.language)[: ctx.max_quotes]:
        number = cites.cite(passage.chunk, passage.quote)
        lines.append(f"- {ctx.quote(passage.quote, passage.language)} [{number}]")
    if lines:
        text = ctx.render("progress", period=ctx.period.label, items="\n".join(lines))
    else:
        text = ctx.render("progress_empty", period=ctx.period.label)
    return DraftSection(
        key=f"theme-{theme.theme.id}",
        language=ctx.language,
        title=section_title(theme, ctx.language, "progress"),
        text=text,
        theme=theme.theme.id,
        citations=cites.items,
    )


def _stated_cell(evidence: MeasureEvidence, ctx: SectionContext, cites: CitationList) -> str:
    if not evidence.passages:
        return message("draft_label_no_evidence", ctx.language)
    stated = evidence.stated
    if not stated:
        return message("draft_label_not_stated", ctx.language)
    parts: dict[str, list[int]] = {}
    for passage in prefer_language(stated, ctx.language):
        assert passage.stated is not None
        parts.setdefault(passage.stated.status, []).append(cites.cite(passage.chunk, passage.quote))
    cells = []
    for status, numbers in parts.items():
        warn = "⚠ " if status != evidence.measure.status else ""
        refs = "".join(f"[{n}]" for n in dict.fromkeys(numbers))
        cells.append(f"{warn}{ctx.status(status)} {refs}")
    return "; ".join(cells)


def measures_section(theme: ThemeEvidence, ctx: SectionContext) -> DraftSection:
    """The register's measures by status (counts equal the register's) beside stated statuses."""
    key, language = f"theme-{theme.theme.id}-measures", ctx.language
    title = section_title(theme, language, "measures")
    if ctx.register is None:
        text = ctx.render("measures_empty")
        return DraftSection(key, language, title, text, theme=theme.theme.id)
    cites = CitationList()
    flags: list[DraftFlag] = []
    counts = ctx.register.counts(theme.theme.id)
    count_rows = "\n".join(f"| {ctx.status(s)} | {counts[s]} |" for s in STATUS_IDS)
    rows = []
    for evidence in theme.measures:
        m = evidence.measure
        cell = _stated_cell(evidence, ctx, cites)
        name = m.title_in(language).replace("|", "\\|")
        rows.append(
            f"| {m.id} | {name} | {m.owner or '–'} | {m.planned_year or '–'} "
            f"| {ctx.status(m.status)} | {cell} |"
        )
        label = f"{m.id} {m.title_in(language)}"
        for passage in evidence.conflicts:
            assert passage.stated is not None
            number = cites.cite(passage.chunk, passage.quote)
            flags.append(
                DraftFlag(
                    "status_conflict",
                    message(
                        "draft_flag_conflict",
                        language,
                        measure=label,
                        register=ctx.status(m.status),
                        stated=f"{passage.stated.word} [{number}]",
                    ),
                    measure_id=m.id,
                    sentence=passage.sentence,
                )
            )
        if not evidence.passages:
            flags.append(
                DraftFlag(
                    "no_evidence",
                    message("draft_flag_no_evidence", language, measure=label),
                    measure_id=m.id,
                )
            )
    text = ctx.render(
        "measures",
        register=ctx.register_name,
        count_rows=count_rows,
        total=sum(counts.values()),
        measure_rows="\n".join(rows),
    )
    return DraftSection(key, language, title, text, theme.theme.id, cites.items, flags)


def _theme_proposals(theme_id: str, ctx: SectionContext) -> list[ClassifiedProposal]:
    return [p for p in ctx.settled_proposals if theme_id in p.labels]


def proposal_language(proposal: ClassifiedProposal) -> str:
    return proposal.language or detect_language(proposal.text)


def _supports(proposal: ClassifiedProposal, ctx: SectionContext) -> str:
    """'; tukee toimenpidettä A-04 Varhaiskasvatuksen sähköinen hakemus' or ''."""
    measure = ctx.links.get(proposal.id)
    if measure is None:
        return ""
    name = f"{measure.id} {measure.title_in(ctx.language)}"
    return f"; {message('draft_supports_measure', ctx.language, measure=name)}"


def _example(proposal: ClassifiedProposal, ctx: SectionContext) -> str:
    quote = ctx.quote(proposal_title(proposal), proposal_language(proposal))
    return f"- {quote} ({proposal.id}{_supports(proposal, ctx)})"


def proposals_section(theme: ThemeEvidence, ctx: SectionContext) -> DraftSection:
    """Counts and a few examples of residents' proposals classified into the theme."""
    key, language, theme_id = f"theme-{theme.theme.id}-proposals", ctx.language, theme.theme.id
    title = section_title(theme, language, "proposals")
    if ctx.proposals is None:
        return DraftSection(key, language, title, ctx.render("proposals_none"), theme=theme_id)
    chosen = _theme_proposals(theme_id, ctx)
    source, total = ctx.proposals_source, len(ctx.settled_proposals)
    outside = sum(1 for p in ctx.proposals if not ctx.in_period(p))
    note = (
        "\n\n"
        + message(
            "draft_proposals_outside",
            language,
            dated=counted("draft_n_proposals_dated", outside, language),
        )
        if outside
        else ""
    )
    if not chosen:
        text = ctx.render("proposals_zero", source=source, all=total)
        return DraftSection(key, language, title, text + note, theme=theme_id)
    ranked = sorted(chosen, key=lambda p: (proposal_language(p) != language, p.primary != theme_id))
    examples = "\n".join(_example(p, ctx) for p in ranked[: ctx.max_examples])
    primary = sum(1 for p in chosen if p.primary == theme_id)
    text = ctx.render(
        "proposals",
        source=source,
        all=total,
        count=counted("draft_n_concern", len(chosen), language),
        primary=primary,
        examples=examples,
    )
    return DraftSection(key, language, title, text + note, theme=theme_id)


def new_measures_section(theme: ThemeEvidence, ctx: SectionContext) -> DraftSection:
    """Suggestions only: new obligations found in the period, and residents' settled proposals
    of the theme that put forward a digital element and support no measure of the register;
    proposals that support a measure are listed as such, not as new measures."""
    key, language, theme_id = f"theme-{theme.theme.id}-new", ctx.language, theme.theme.id
    title = section_title(theme, language, "new")
    cites = CitationList()
    items = []
    for passage in prefer_language(theme.obligations, language)[: ctx.max_quotes]:
        number = cites.cite(passage.chunk, passage.quote)
        items.append(
            f"- {message('draft_suggest_obligation', language)} "
            f"{ctx.quote(passage.quote, passage.language)} [{number}]"
        )
    own = [p for p in _theme_proposals(theme_id, ctx) if p.primary == theme_id]
    supporting = [p for p in own if p.id in ctx.links]
    fresh = [
        p
        for p in own
        if p.id not in ctx.links
        and (ctx.digital is None or ctx.digital(p.text, proposal_language(p)))
    ]
    for proposal in sorted(fresh, key=lambda p: proposal_language(p) != language)[
        : ctx.max_examples
    ]:
        items.append(
            f"- {message('draft_suggest_proposal', language, id=proposal.id)} "
            f"{ctx.quote(proposal_title(proposal), proposal_language(proposal))}"
        )
    text = (
        ctx.render("new_measures", items="\n".join(items))
        if items
        else ctx.render("new_measures_empty")
    )
    if supporting:
        lines = "\n".join(_example(p, ctx) for p in supporting[: ctx.max_examples])
        text += f"\n\n{message('draft_proposals_supporting', language)}\n\n{lines}"
    return DraftSection(key, language, title, text, theme_id, cites.items)


def _renumber(text: str, source: DraftSection, cites: CitationList) -> str:
    by_number = {c.number: c for c in source.citations}

    def swap(match: re.Match[str]) -> str:
        citation = by_number.get(int(match.group(1)))
        if citation is None:
            return match.group(0)  # not a citation of the source (checked and flagged there)
        return f"[{cites.recite(citation)}]"

    return re.sub(r"\[(\d+)\]", swap, text)


def open_section(
    theme: ThemeEvidence, ctx: SectionContext, theme_sections: list[DraftSection]
) -> DraftSection:
    """Every flag of the theme's sections as a list, plus undated mentions of its measures."""
    key, language, theme_id = f"theme-{theme.theme.id}-open", ctx.language, theme.theme.id
    title = section_title(theme, language, "open")
    cites = CitationList()
    flags: list[DraftFlag] = []
    for evidence in theme.measures:
        m = evidence.measure
        for passage in prefer_language(evidence.undated, language)[:2]:
            number = cites.cite(passage.chunk, passage.quote)
            flags.append(
                DraftFlag(
                    "undated_evidence",
                    message(
                        "draft_flag_undated", language, measure=f"{m.id} {m.title_in(language)}"
                    )
                    + f" {ctx.quote(passage.quote, passage.language)} [{number}]",
                    measure_id=m.id,
                    sentence=passage.sentence,
                )
            )
    waiting = [
        p
        for p in ctx.proposals or []
        if not p.settled and theme_id in p.labels and ctx.in_period(p)
    ]
    if waiting:
        ids = ", ".join(
            p.id + (f" → {ctx.links[p.id].id}" if p.id in ctx.links else "") for p in waiting
        )
        phrase = counted("draft_n_proposals_wait", len(waiting), language)
        flags.append(
            DraftFlag(
                "proposals_review",
                message("draft_proposals_to_review", language, waiting=phrase, ids=ids),
            )
        )
    lines = []
    for section in theme_sections:
        for flag in section.flags:
            # The flag's [n] are the other section's numbers: cite those chunks here too.
            text = _renumber(flag.message, section, cites)
            lines.append(f"- **{section.title}**: {text}")
    lines += [f"- {f.message}" for f in flags]
    text = "\n".join(lines) if lines else message("draft_no_open_points", language)
    return DraftSection(key, language, title, text, theme_id, cites.items, flags)
