"""One call from the inputs a coordinator gives to a composed draft: what the CLI (and the
review workflow's background job) run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel

from rag.core.drafts import DraftContent
from rag.core.languages import LANGUAGES
from rag.core.programme import load_programme
from rag.core.settings import Settings
from rag.draft.compose import DraftComposer, DraftRequest
from rag.draft.evidence import EvidenceCollector
from rag.draft.period import parse_period, row_date
from rag.draft.proposals import load_proposals
from rag.draft.register import load_register
from rag.retrieval.dense import Retriever
from rag.store.registry import Registry


class DraftingParts(Protocol):
    """What drafting uses of the application's parts (the container provides them)."""

    @property
    def settings(self) -> Settings: ...
    @property
    def retriever(self) -> Retriever: ...
    @property
    def chat_model(self) -> BaseChatModel | None: ...
    @property
    def embeddings(self) -> Embeddings: ...
    @property
    def registry(self) -> Registry: ...  # survey rows are dated by their documents' extra


@dataclass
class DraftOptions:
    """The inputs of `tiekartta draft` / a draft job; paths are read when the draft is built."""

    period: str
    themes: list[str] | None = None  # None: every theme of the programme
    languages: list[str] = field(default_factory=lambda: ["fi", "sv"])
    register: Path | None = None
    proposals: Path | None = None
    proposals_text_column: str | None = None  # None: found in the file
    programme: Path | None = None  # None: settings.programme_file


def build_draft(
    service: DraftingParts,
    options: DraftOptions,
    progress: Callable[[str, int, int], None] | None = None,
) -> DraftContent:
    """Validate the inputs, collect the evidence, compose the draft."""
    settings = service.settings
    period = parse_period(options.period)
    unknown = [lang for lang in options.languages if lang not in LANGUAGES]
    if unknown or not options.languages:
        raise ValueError(
            f"languages must be some of {', '.join(LANGUAGES)}, not '{','.join(unknown)}'"
        )
    programme = load_programme(options.programme or settings.programme_file, need_roadmap=True)
    themes = options.themes or list(programme.theme_ids)
    for theme in themes:
        programme.theme(theme)  # raises with the known theme ids
    register = load_register(options.register, programme) if options.register else None
    proposals = (
        load_proposals(options.proposals, programme.theme_ids, options.proposals_text_column)
        if options.proposals
        else None
    )

    def document_date(doc_id: str) -> str | None:
        """A survey or proposals row is dated by its file's date column (kept as extra)."""
        record = service.registry.documents.get_document(doc_id)
        return row_date(record.extra) if record is not None else None

    collector = EvidenceCollector(
        service.retriever,
        programme,
        k=settings.draft_search_k,
        undated=settings.draft_undated,
        document_date=document_date,
    )
    pack = collector.collect(period, themes, register, options.languages, progress)
    composer = DraftComposer(
        programme,
        settings.prompts_dir,
        service.chat_model,
        service.embeddings,
        settings.draft_support_min_overlap,
        settings.draft_support_min_similarity,
    )
    request = DraftRequest(
        themes=themes,
        languages=options.languages,
        register=register,
        proposals=proposals,
        proposals_source=options.proposals.name if options.proposals else "",
        undated=settings.draft_undated,
    )
    return composer.compose(pack, request)
