"""The layers of the code: imports point down only, and no module takes part in an import circle.

``LAYERS`` is the one written order (the README's layout section shows the same order). Every
``import`` of ingest/, rag/ and api/ counts, also those inside functions and under
``TYPE_CHECKING``: a circle hidden from the interpreter still ties the modules together.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("ingest", "rag", "api")

# Lowest first. A module may import its own package group (same entry) and any lower entry.
# Entries on one line are side by side: they may not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("rag.core",),
    ("rag.store",),
    ("rag.embeddings", "rag.llm", "rag.jobs"),
    ("rag.job_worker",),  # a worker process's loop over the job runner
    ("ingest",),
    ("rag.retrieval",),
    ("rag.answer", "rag.classify"),
    ("rag.draft",),  # reads the classified proposals file and the programme's themes
    ("rag.evaluate",),  # scores every feature
    ("api",),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {
        module_name(p): p
        for package in PACKAGES
        for p in sorted((REPO / package).rglob("*.py"))
        # rag/__init__.py only names the namespace of the rag layers (it must stay empty).
        if module_name(p) != "rag"
    }


def imported_names(name: str, path: Path, modules: Collection[str]) -> Iterator[str]:
    """Every internal module ``name`` imports; ``from a import b`` means a.b when that is a
    module (then package ``a`` itself is not counted: it is imported anyway, not used)."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            submodules = [f"{module}.{alias.name}" for alias in node.names]
            targets = [s for s in submodules if s in modules]
            if len(targets) < len(submodules):
                targets.append(module)
        else:
            continue
        for target in targets:
            if target.split(".")[0] in PACKAGES:
                yield target


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {
        name: {t for t in imported_names(name, path, modules) if t in modules and t != name}
        for name, path in modules.items()
    }


def layer_of(module: str) -> tuple[int, str]:
    """(layer index, the entry) of the longest matching entry."""
    best: tuple[int, str] | None = None
    for index, entries in enumerate(LAYERS):
        for entry in entries:
            if module == entry or module.startswith(entry + "."):
                if best is None or len(entry) > len(best[1]):
                    best = (index, entry)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    wrong = []
    for source, targets in sorted(graph.items()):
        source_layer, source_entry = layer_of(source)
        for target in sorted(targets):
            target_layer, target_entry = layer_of(target)
            if target_entry == source_entry or target_layer < source_layer:
                continue
            wrong.append(f"{source} -> {target}")
    return wrong


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_rag_namespace_imports_nothing() -> None:
    assert list(imported_names("rag", REPO / "rag" / "__init__.py", all_modules())) == []


def test_every_module_has_a_layer() -> None:
    for module in all_modules():
        layer_of(module)


def test_no_upward_import() -> None:
    assert upward_imports(import_graph()) == []


def test_no_import_circle() -> None:
    assert cycles(import_graph()) == []


def test_the_checks_see_a_circle_and_an_upward_import() -> None:
    graph = {"rag.core.a": {"rag.store.b"}, "rag.store.b": {"rag.core.a"}}
    assert upward_imports(graph) == ["rag.core.a -> rag.store.b"]
    assert cycles(graph) == [["rag.core.a", "rag.store.b"]]


def _attribute_uses(path: Path, attribute: str) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == attribute
    ]


def test_the_audit_log_is_written_in_one_place() -> None:
    writers = {
        str(path.relative_to(REPO))
        for path in all_modules().values()
        if _attribute_uses(path, "log_event")
    }
    assert writers == {"api/services/audit.py"}


def test_routes_and_cli_commands_call_services_not_the_registry() -> None:
    callers = [
        f"{path.relative_to(REPO)}:{line}"
        for folder in ("api/routes", "api/cli", "api/web", "api/web/pages")
        for path in sorted((REPO / folder).glob("*.py"))
        for line in _attribute_uses(path, "registry")
    ]
    assert callers == []
