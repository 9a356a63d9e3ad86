"""`tiekartta sources …` (the configured sources) and `tiekartta sync` (fetch what changed)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.cli.common import Ctx, fail, progress_bar, run_guarded
from ingest.sources.config import SourceConfig, SourceConfigError, make_source
from ingest.sources.sync import SyncBusy, SyncReport
from rag.core.messages import message

sources_app = typer.Typer(help="The sources that `tiekartta sync` keeps current.")
add_app = typer.Typer(help="Add a source: dynasty, folder or web.")
sources_app.add_typer(add_app, name="add")
console = Console()

NameArg = Annotated[str, typer.Argument(help="A short lower-case name, e.g. porvoo-fi.")]
AccessOpt = Annotated[str, typer.Option(help="public, internal or restricted")]
LanguageOpt = Annotated[str | None, typer.Option(help="The site's language: fi, sv or en.")]


def _add(**fields: object) -> None:
    ctx = Ctx.load()
    try:
        source = make_source(**fields)
        ctx.service.sources.add(source)
    except SourceConfigError as exc:
        fail(ctx, str(exc))
    console.print(message("source_added", ctx.lang, name=source.name), markup=False)


@add_app.command("dynasty")
def add_dynasty(
    name: NameArg,
    url: Annotated[str, typer.Option(help="https://HOST/cgi/DREQUEST.PHP")],
    language: LanguageOpt = None,
    body: Annotated[
        list[str] | None, typer.Option("--body", help="Only this body (repeatable).")
    ] = None,
    crawl: Annotated[str, typer.Option(help="full (listings + RSS) or rss (newest only)")] = "full",
    rss_items: Annotated[int, typer.Option(help="Items asked from the RSS feed.")] = 100,
    access: AccessOpt = "public",
) -> None:
    """A Dynasty minutes site (one per language)."""
    _add(
        name=name,
        kind="dynasty",
        url=url,
        language=language,
        bodies=body or [],
        crawl=crawl,
        rss_items=rss_items,
        access=access,
    )


@add_app.command("folder")
def add_folder(
    name: NameArg,
    path: Annotated[Path, typer.Option(help="A local or mounted directory.")],
    language: LanguageOpt = None,
    access: AccessOpt = "public",
) -> None:
    """A folder (local or a mounted network share), read recursively."""
    _add(name=name, kind="folder", path=str(path.resolve()), language=language, access=access)


@add_app.command("web")
def add_web(
    name: NameArg,
    sitemap: Annotated[str | None, typer.Option(help="Address of a sitemap.xml.")] = None,
    urls: Annotated[Path | None, typer.Option(help="A file with one URL a line.")] = None,
    language: LanguageOpt = None,
    access: AccessOpt = "public",
) -> None:
    """Web pages listed by a sitemap or a file of URLs."""
    urls_file = str(urls.resolve()) if urls else None
    _add(
        name=name,
        kind="web",
        sitemap=sitemap,
        urls_file=urls_file,
        language=language,
        access=access,
    )


@sources_app.command("list")
def list_sources(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The configured sources."""
    ctx = Ctx.load()
    sources: list[SourceConfig] = run_guarded(ctx, ctx.service.sources.configured)
    if as_json:
        print(json.dumps([s.model_dump() for s in sources], ensure_ascii=False, indent=2))
        return
    if not sources:
        console.print(message("no_sources", ctx.lang), markup=False)
        return
    table = Table("name", "kind", "where", "language", "bodies", "access")
    for s in sources:
        where = s.url or s.sitemap or s.urls_file or s.path or ""
        table.add_row(s.name, s.kind, where, s.language or "", ", ".join(s.bodies), s.access)
    console.print(table)


@sources_app.command("remove")
def remove_source(name: NameArg) -> None:
    """Remove a source and the documents it brought in."""
    ctx = Ctx.load()
    try:
        removed = ctx.service.sources.remove(name)
    except SourceConfigError:
        fail(ctx, message("source_not_found", ctx.lang, name=name))
    console.print(
        message("source_removed", ctx.lang, name=name, count=str(len(removed))), markup=False
    )


def print_sync_report(ctx: Ctx, report: SyncReport) -> None:
    for source in report.sources:
        for failed in source.failed:
            console.print(
                message("ingest_failed_file", ctx.lang, path=failed.path, reason=failed.reason),
                style="red",
                markup=False,
            )
        console.print(
            message(
                "sync_source_summary",
                ctx.lang,
                source=source.source,
                new=str(len(source.new)),
                changed=str(len(source.changed)),
                unchanged=str(source.unchanged),
                removed=str(len(source.removed)),
                failed=str(len(source.failed)),
                requests=str(source.requests),
                not_modified=str(source.not_modified),
            ),
            markup=False,
        )
    if report.linked:
        console.print(message("sync_linked", ctx.lang, count=str(len(report.linked))))


def sync(
    names: Annotated[
        list[str] | None, typer.Argument(help="Sources to sync (default: all).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Fetch what is new or changed at the sources, remove what is gone (safe from cron).

    Exit code 0 when everything went in, 1 when something failed (the report names it).
    """
    ctx = Ctx.load()
    if not names and not run_guarded(ctx, ctx.service.sources.configured):
        fail(ctx, message("no_sources", ctx.lang))
    with progress_bar("sync") as update:

        def progress(source: str, done: int, total: int, detail: str) -> None:
            update(done, max(total, done), f"{source} {detail}".strip())

        def run() -> SyncReport:
            try:
                return ctx.service.sources.sync(names or None, progress=progress)
            except SyncBusy:
                fail(ctx, message("sync_busy", ctx.lang))

        report = run_guarded(ctx, run)
    if as_json:
        print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    else:
        print_sync_report(ctx, report)
    if not report.ok:
        raise typer.Exit(1)
