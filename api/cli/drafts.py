"""`tiekartta drafts ...`: review stored roadmap drafts from the command line.

The CLI runs on the server as its operator, like `keys` and `audit`: it acts as the local
actor "cli" with the rights of an admin, and every action is in the audit log under that actor.
Several people sharing the console name themselves with `--as` (`tiekartta drafts --as maija
approve 3` acts as "cli:maija"), so the four-eyes rule can tell the approver from the editor.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from api.cli.common import Ctx, fail, run_guarded
from rag.core.messages import message
from rag.store.audit import CLI_ACTOR
from rag.store.draft_records import DRAFT_STATUSES, DraftError

CLI_ROLE = "admin"  # the operator at the server's console
drafts_app = typer.Typer(help="Review stored roadmap drafts.", no_args_is_help=True)
console = Console()
T = TypeVar("T")

DraftId = Annotated[int, typer.Argument(help="Draft id (see `tiekartta drafts list`).")]


@dataclass
class _Person:
    name: str | None = None  # from --as

    @property
    def actor(self) -> str:
        return f"{CLI_ACTOR}:{self.name}" if self.name else CLI_ACTOR


person = _Person()


@drafts_app.callback()
def who(
    as_: Annotated[
        str | None,
        typer.Option("--as", help="Your name, recorded as cli:NAME (four eyes need two people)."),
    ] = None,
) -> None:
    """Review stored roadmap drafts."""
    person.name = (as_ or "").strip() or None


AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _run(ctx: Ctx, action: Callable[[], T]) -> T:
    """Run a store action; a refusal is printed in the CLI's language."""
    try:
        return action()
    except DraftError as exc:
        fail(ctx, message(exc.code, ctx.lang, **exc.values))


def _print(text: str, style: str | None = None) -> None:
    console.print(text, style=style, markup=False, highlight=False)


@drafts_app.command("list")
def list_drafts(
    status: Annotated[str | None, typer.Option(help=", ".join(DRAFT_STATUSES))] = None,
    as_json: AsJson = False,
) -> None:
    """Drafts, newest first."""
    ctx = Ctx.load()
    drafts = _run(ctx, lambda: ctx.service.drafts.list_drafts(status=status))
    if as_json:
        print(json.dumps([asdict(d) for d in drafts], ensure_ascii=False, indent=2))
        return
    table = Table(
        "id", "title", "status", "period", "languages", "version", "created by", "updated"
    )
    for d in drafts:
        table.add_row(
            str(d.draft_id),
            d.title,
            d.status,
            f"{d.period_start}..{d.period_end}",
            ",".join(d.languages),
            str(d.current_version),
            d.created_by,
            d.updated_at[:19],
        )
    console.print(table)


@drafts_app.command("show")
def show(
    draft_id: DraftId,
    version: Annotated[int | None, typer.Option(help="An earlier version.")] = None,
    diffs: Annotated[bool, typer.Option(help="Print each version's diff.")] = False,
    as_json: AsJson = False,
) -> None:
    """A draft's sections (with flags), versions, comments and status history."""
    ctx = Ctx.load()
    view = _run(ctx, lambda: ctx.service.drafts.view(draft_id, version))
    draft, content = view.draft, view.content
    versions, comments, history = view.versions, view.comments, view.status_history
    if as_json:
        data = {
            **asdict(draft),
            "version": version or draft.current_version,
            "sections": [asdict(s) for s in content.sections],
            "versions": [asdict(v) for v in versions],
            "comments": [asdict(c) for c in comments],
            "status_history": [asdict(h) for h in history],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    lang = ctx.lang
    _print(f"#{draft.draft_id} {draft.title}", "bold")
    header = message(
        "draft_cli_header",
        lang,
        state=message(f"draft_status_{draft.status}", lang),
        version=str(version or draft.current_version),
        current=str(draft.current_version),
        period=f"{draft.period_start}..{draft.period_end}",
        actor=draft.created_by,
        at=draft.created_at[:19],
    )
    _print(header)
    if draft.approved_version:
        approved = message(
            "draft_cli_approved",
            lang,
            version=str(draft.approved_version),
            actor=str(draft.approved_by),
            at=(draft.approved_at or "")[:19],
        )
        _print(approved)
    for section in content.sections:
        _print(f"\n== [{section.key} / {section.language}] {section.title}", "bold")
        _print(section.text)
        for cited in section.citations:
            where = (
                f"§ {cited.section}"
                if cited.section
                else (f"p. {cited.page}" if cited.page else "")
            )
            _print(f"  [{cited.number}] {cited.title} {cited.date or ''} {where}".rstrip(), "dim")
        for flag in section.flags:
            _print(f"  ! {flag.kind}: {flag.message}", "yellow")
    _print("\n" + message("draft_cli_versions", lang), "bold")
    for v in versions:
        generated = message("draft_cli_generated", lang)
        what = f"{v.section_key} ({v.language})" if v.section_key else generated
        _print(f"  v{v.version} {v.at[:19]} {v.actor} {v.kind} {what}")
        if diffs and v.diff:
            _print(v.diff.rstrip("\n"), "cyan")
    if comments:
        _print("\n" + message("draft_cli_comments", lang), "bold")
        for c in comments:
            where = f"{c.section_key}" + (f" ({c.language})" if c.language else "")
            _print(f"  #{c.comment_id} v{c.version} {where} {c.actor} {c.at[:19]}: {c.text}")
    if history:
        _print("\n" + message("draft_cli_history", lang), "bold")
        for h in history:
            reason = f" — {h.reason}" if h.reason else ""
            _print(f"  {h.at[:19]} {h.actor}: {h.from_status} -> {h.to_status}{reason}")


@drafts_app.command("edit")
def edit(
    draft_id: DraftId,
    section: Annotated[str, typer.Option(help="Section key, e.g. summary or theme-a.")],
    lang: Annotated[str, typer.Option("--lang", help="fi, sv or en")],
    file: Annotated[Path, typer.Option("--file", help="The new Markdown text of the section.")],
    base_version: Annotated[
        int | None, typer.Option(help="Refuse if the draft changed after this version.")
    ] = None,
) -> None:
    """Replace one section's text; saved as a new version with its diff."""
    ctx = Ctx.load()
    if not file.is_file():
        fail(ctx, f"--file {file}: no such file")
    text = run_guarded(ctx, lambda: file.read_text(encoding="utf-8"))
    drafts = ctx.service.drafts
    saved = _run(
        ctx, lambda: drafts.edit(draft_id, section, lang, text, person.actor, base_version)
    )
    done = message(
        "draft_cli_saved",
        ctx.lang,
        draft_id=str(draft_id),
        version=str(saved.version),
        section=section,
        lang=lang,
    )
    _print(done)
    _print(saved.diff.rstrip("\n"), "cyan")


@drafts_app.command("comment")
def comment(
    draft_id: DraftId,
    section: Annotated[str, typer.Option(help="Section key, e.g. theme-a.")],
    text: Annotated[str, typer.Option(help="The comment.")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="One language (default: the section in all).")
    ] = None,
) -> None:
    """Comment on a section."""
    ctx = Ctx.load()
    drafts = ctx.service.drafts
    saved = _run(ctx, lambda: drafts.comment(draft_id, section, text, person.actor, lang))
    done = message(
        "draft_cli_commented",
        ctx.lang,
        draft_id=str(draft_id),
        comment_id=str(saved.comment_id),
        section=section,
        version=str(saved.version),
    )
    _print(done)


def _decide(draft_id: int, action: str, reason: str) -> None:
    ctx = Ctx.load()
    drafts = ctx.service.drafts
    draft = _run(ctx, lambda: drafts.decide(draft_id, action, person.actor, CLI_ROLE, reason))
    state = message(f"draft_status_{draft.status}", ctx.lang)
    done = message(
        "draft_cli_status",
        ctx.lang,
        draft_id=str(draft_id),
        state=state,
        version=str(draft.current_version),
    )
    _print(done)


Reason = Annotated[str, typer.Option(help="Why (recorded with the status change).")]


@drafts_app.command("submit")
def submit(draft_id: DraftId, reason: Reason = "") -> None:
    """Send a draft to review."""
    _decide(draft_id, "submit", reason)


@drafts_app.command("withdraw")
def withdraw(draft_id: DraftId, reason: Reason = "") -> None:
    """Take a draft back from review to edit it."""
    _decide(draft_id, "withdraw", reason)


@drafts_app.command("approve")
def approve(draft_id: DraftId, reason: Reason = "") -> None:
    """Approve the submitted version (it is frozen from then on)."""
    _decide(draft_id, "approve", reason)


@drafts_app.command("reject")
def reject(
    draft_id: DraftId, reason: Annotated[str, typer.Option(help="Why it goes back (required).")]
) -> None:
    """Send a draft in review back to its editors."""
    _decide(draft_id, "reject", reason)


@drafts_app.command("copy")
def copy(
    draft_id: DraftId,
    version: Annotated[
        int | None, typer.Option(help="Default: the approved version, else the current one.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title of the new draft.")] = None,
) -> None:
    """Start a new draft from a version of this one (how an approved draft is changed)."""
    ctx = Ctx.load()
    new = _run(ctx, lambda: ctx.service.drafts.copy(draft_id, person.actor, version, title))
    done = message("draft_cli_copied", ctx.lang, draft_id=str(new.draft_id), source=str(draft_id))
    _print(done)


@drafts_app.command("export")
def export(
    draft_id: DraftId,
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    fmt: Annotated[str, typer.Option("--format", help="md or docx")] = "md",
    version: Annotated[int | None, typer.Option(help="An earlier version.")] = None,
) -> None:
    """Write a draft version as Markdown or DOCX, stamped with its review status."""
    ctx = Ctx.load()
    drafts = ctx.service.drafts
    exported = _run(ctx, lambda: drafts.export(draft_id, fmt, person.actor, version))
    run_guarded(ctx, lambda: _write(out, exported.data))
    done = message(
        "draft_cli_exported",
        ctx.lang,
        draft_id=str(draft_id),
        version=str(exported.version),
        path=str(out),
    )
    _print(done)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
