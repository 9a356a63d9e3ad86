"""`tiekartta backup FILE` and `tiekartta restore FILE`: a whole installation in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import Ctx, run_guarded
from api.services.backup import restore_backup, write_backup
from rag.core.messages import message

console = Console()


def backup(archive: Annotated[Path, typer.Argument(help="The .tar.gz to write")]) -> None:
    """Write the registry, the vectors with their chunks and the data files to one archive."""
    ctx = Ctx.load()
    written = run_guarded(ctx, lambda: write_backup(ctx.service, archive))
    size = str(written.stat().st_size)
    console.print(message("backup_written", ctx.lang, path=str(written), size=size), markup=False)


def restore(
    archive: Annotated[Path, typer.Argument(help="A .tar.gz written by `tiekartta backup`")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite an installation that holds data")
    ] = False,
) -> None:
    """Restore a backup into this (empty) installation."""
    ctx = Ctx.load()
    run_guarded(ctx, lambda: restore_backup(ctx.service, archive, replace=replace))
    console.print(
        message("restored", ctx.lang, path=str(archive), data_dir=str(ctx.settings.data_dir)),
        markup=False,
    )
