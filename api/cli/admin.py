"""Admin commands: API keys, the audit log, and the demo."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.cli.common import Ctx, fail, run_guarded
from rag.core.messages import message
from rag.core.resources import SAMPLE_CORPUS
from rag.store.registry import CLI_ACTOR, ROLES

keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
console = Console()


@keys_app.command("create")
def keys_create(
    role: Annotated[str, typer.Option(help="reader, editor, approver or admin")],
    label: Annotated[str, typer.Option(help="Who or what the key is for")] = "",
    clearance: Annotated[
        str | None, typer.Option(help="Access levels, e.g. public,internal")
    ] = None,
) -> None:
    """Create a key; the secret is printed once and stored only as a hash."""
    ctx = Ctx.load()
    levels = [c.strip() for c in clearance.split(",")] if clearance else None
    created = run_guarded(
        ctx, lambda: ctx.service.keys.create(role, label, CLI_ACTOR, clearance=levels)
    )
    console.print(
        message("key_created", ctx.lang, role=role, key_id=created.key.key_id), markup=False
    )
    print(created.secret)


@keys_app.command("list")
def keys_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List keys (never their secrets)."""
    ctx = Ctx.load()
    keys = ctx.service.keys.list_keys()
    if as_json:
        print(json.dumps([{**asdict(k), "clearance": sorted(k.clearance)} for k in keys], indent=2))
        return
    table = Table("key id", "role", "label", "clearance", "created", "revoked")
    for k in keys:
        table.add_row(
            k.key_id,
            k.role,
            k.label,
            ",".join(sorted(k.clearance)),
            k.created_at,
            "yes" if k.revoked else "",
        )
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument()]) -> None:
    """Revoke a key: it stops working at once."""
    ctx = Ctx.load()
    if not ctx.service.keys.revoke(key_id, CLI_ACTOR):
        fail(ctx, f"no key '{key_id}'")
    console.print(message("key_revoked", ctx.lang, key_id=key_id), markup=False)


def audit(
    since: Annotated[str | None, typer.Option(help="ISO date or datetime")] = None,
    actor: Annotated[str | None, typer.Option(help="Key id or 'cli'")] = None,
    action: Annotated[
        str | None, typer.Option(help="ask, search, ingest, remove, key.create…")
    ] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    purge: Annotated[
        bool, typer.Option(help="Delete events older than the retention period.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show who asked what and when, with the sources returned (admins)."""
    ctx = Ctx.load()
    if purge:
        console.print(f"purged {ctx.service.audit.purge()} events", markup=False)
    moment = None
    if since:
        try:
            moment = datetime.fromisoformat(since)
        except ValueError:
            fail(ctx, f"--since '{since}' is not an ISO date or datetime")
    events = ctx.service.audit.events(since=moment, actor=actor, action=action, limit=limit)
    if as_json:
        print(json.dumps([asdict(e) for e in events], ensure_ascii=False, indent=2))
        return
    table = Table("at", "actor", "action", "detail")
    for event in events:
        table.add_row(
            event.at, event.actor, event.action, json.dumps(event.detail, ensure_ascii=False)[:120]
        )
    console.print(table)


def demo(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    serve: Annotated[bool, typer.Option(help="Start the API after ingesting.")] = True,
) -> None:
    """Ingest the sample corpus, make a key per role and start the API on the embedded defaults."""
    from api.cli.documents import ingest_with_progress, print_report
    from ingest.loaders.base import LoadOptions

    ctx = Ctx.load()
    report = ingest_with_progress(ctx, [SAMPLE_CORPUS], LoadOptions())
    print_report(ctx, report)
    keys = {role: ctx.service.keys.create(role, f"demo {role}", CLI_ACTOR) for role in ROLES}
    created = keys["reader"]
    url = f"http://{host}:{port}"
    console.print(f"\n{message('demo_ready', ctx.lang)}\n", markup=False)
    question = "Milloin kaupunginhallitus hyväksyi digiohjelman 2024–2026?"
    print(
        f"  curl -s {url}/ask -H 'Authorization: Bearer {created.secret}' \\\n"
        f"       -H 'Content-Type: application/json' \\\n"
        f'       -d \'{{"question": "{question}"}}\'\n\n'
        f"  web app:  {url}/app/login   sign in with one of these keys:\n"
        + "".join(f"    {role:<9}{key.secret}\n" for role, key in keys.items())
        + "\n"
        f"  API docs: {url}/docs\n"
        f'  CLI:      tiekartta ask "{question}"\n'
    )
    if serve:
        import uvicorn

        from api.app import create_app

        uvicorn.run(create_app(ctx.settings, ctx.service), host=host, port=port)
