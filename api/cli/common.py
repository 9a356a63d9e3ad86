"""What every CLI command shares: settings with the --data-dir override, errors without traces."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.container import Tiekartta
from rag.core.documents import ACCESS_LEVELS, IngestError
from rag.core.languages import LANGUAGES
from rag.core.messages import message
from rag.core.prompts import PromptError
from rag.core.results import SearchFilters
from rag.core.settings import Settings
from rag.embeddings.base import EmbeddingsError
from rag.evaluate.retrieval import EvalDataError
from rag.store.registry import RegistryError
from rag.store.vectors import VectorStoreError

T = TypeVar("T")
err_console = Console(stderr=True)
# Errors whose message is meant for a person; anything else is reported by type and text.
KNOWN_ERRORS = (
    IngestError,
    RegistryError,
    VectorStoreError,
    EmbeddingsError,
    EvalDataError,
    PromptError,
    ValueError,
    OSError,
)


@dataclass
class _State:
    data_dir: Path | None = None


state = _State()


class Ctx:
    """Settings and the service facade for one CLI invocation."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @classmethod
    def load(cls) -> Ctx:
        try:
            settings = Settings()
        except ValidationError as exc:
            problems = "; ".join(
                f"TIEKARTTA_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}"
                for e in exc.errors()
            )
            err_console.print(message("error", "en", problem=problems), style="red", markup=False)
            raise typer.Exit(2) from None
        if state.data_dir is not None:
            settings.data_dir = state.data_dir
        return cls(settings)

    @property
    def lang(self) -> str:
        return self.settings.ui_language

    @cached_property
    def service(self) -> Tiekartta:
        return Tiekartta(self.settings)


def fail(ctx: Ctx, problem: str, code: int = 1) -> NoReturn:
    err_console.print(message("error", ctx.lang, problem=problem), style="red", markup=False)
    raise typer.Exit(code)


def run_guarded(ctx: Ctx, action: Callable[[], T]) -> T:
    """Run an action; a failure becomes one readable line and exit code 1."""
    try:
        return action()
    except typer.Exit:
        raise
    except KNOWN_ERRORS as exc:
        fail(ctx, str(exc))
    except Exception as exc:
        fail(ctx, f"{type(exc).__name__}: {exc}")


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _check_date(value: str | None) -> str | None:
    if value is not None and not _ISO.match(value):
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD")
    return value


def date_option(name: str) -> Any:
    return typer.Option(name, help="ISO date YYYY-MM-DD", callback=_check_date)


def make_filters(
    ctx: Ctx,
    date_from: str | None,
    date_to: str | None,
    body: str | None,
    kind: str | None,
    language: str | None,
    doc_ids: list[str] | None,
) -> SearchFilters:
    """CLI filters; the CLI runs on the server as its operator, so it sees every access level."""
    if language is not None and language not in LANGUAGES:
        fail(ctx, f"--language must be fi, sv or en, not '{language}'")
    return SearchFilters(
        date_from=date_from,
        date_to=date_to,
        language=language,
        kind=kind,
        body=body,
        doc_ids=doc_ids or None,
        access_levels=set(ACCESS_LEVELS),
    )


# update(done, total, detail): move the bar to ``done`` of ``total`` and show ``detail``.
ProgressUpdate = Callable[[int, int, str], None]


@contextmanager
def progress_bar(name: str) -> Iterator[ProgressUpdate]:
    """A transient progress bar on stderr (so stdout stays clean for --json and pipes)."""
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[detail]}"),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(name, total=None, detail="")

        def update(done: int, total: int, detail: str = "") -> None:
            bar.update(task, total=total, completed=done, detail=detail)

        yield update
