"""The `tiekartta` command: one typer app; each command group lives in its own module and calls
the same services as the API."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from api.cli import (
    admin,
    backup,
    classify,
    database,
    documents,
    draft,
    drafts,
    evaluate,
    questions,
    sources,
    worker,
)
from api.cli.common import Ctx, state

app = typer.Typer(help="tiekartta: evidence from the city's own documents.", no_args_is_help=True)
app.command("ingest")(documents.ingest)
app.command("documents")(documents.documents)
app.command("remove")(documents.remove)
app.command("search")(questions.search)
app.command("ask")(questions.ask)
app.add_typer(admin.keys_app, name="keys")
app.add_typer(evaluate.eval_app, name="eval")
app.add_typer(drafts.drafts_app, name="drafts")
app.command("audit")(admin.audit)
app.command("demo")(admin.demo)
app.command("draft")(draft.draft)
app.command("classify")(classify.classify)
app.add_typer(classify.proposals_app, name="proposals")
app.add_typer(sources.sources_app, name="sources")
app.command("sync")(sources.sync)
app.add_typer(database.db_app, name="db")
app.command("worker")(worker.worker)
app.command("backup")(backup.backup)
app.command("restore")(backup.restore)


@app.callback()
def main_options(
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Data directory (default ./.tiekartta).")
    ] = None,
) -> None:
    """Global options."""
    state.data_dir = data_dir


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="API processes behind the one port")
    ] = 1,
) -> None:
    """Start the HTTP API (OpenAPI docs at /docs, web page at /)."""
    import uvicorn

    from api.app import create_app

    ctx = Ctx.load()
    if workers == 1:
        uvicorn.run(create_app(ctx.settings, ctx.service), host=host, port=port)
        return
    # Each process builds its own app from the environment, so hand the options over there.
    os.environ["TIEKARTTA_DATA_DIR"] = str(ctx.settings.data_dir)
    if ctx.settings.job_workers == "auto":
        # Several processes must not each resume the same job: `tiekartta worker` runs them.
        os.environ["TIEKARTTA_JOB_WORKERS"] = "queue"
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


# `python -m api.cli ...` (api/cli/__main__.py) runs the CLI without installing it.
if __name__ == "__main__":
    main()
