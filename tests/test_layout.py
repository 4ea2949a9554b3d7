"""The package layout: stages import only the stages below them, no import cycle, short modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "analysis"
# The order of the stages; a module may import its own stage and those listed before it.
STAGES = ["core", "reference", "extract", "curation", "progress", "render", "briefs", "batch", "entry"]
CORE = {"errors", "paths", "__init__"}
ENTRY = {"cli", "__main__", "bench"}
MAX_LINES = 400


def stage_of(module: str) -> str:
    top = module.split(".")[1] if module.count(".") else "__init__"
    top = "__init__" if top == "templates" else top
    if top in CORE:
        return "core"
    if top in ENTRY:
        return "entry"
    return top


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(path: Path, module: str) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
                base = package[: len(package) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name.startswith("analysis"):
                out.add(name)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("analysis")}
    return out


def test_stages_import_only_downward():
    wrong = []
    for module, path in modules().items():
        own = STAGES.index(stage_of(module))
        for target in imports_of(path, module):
            if STAGES.index(stage_of(target)) > own:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "upward imports:\n" + "\n".join(sorted(wrong))


def test_no_import_cycle():
    known = modules()
    # `from analysis.render import x` depends on the package; a name inside it may be a module too.
    graph = {m: {t for t in imports_of(p, m) if t in known} for m, p in known.items()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle.extend(trail[trail.index(nxt):] + [node, nxt] if nxt in trail else [node, nxt])
                return True
            if nxt not in state and visit(nxt, trail + [node]):
                return True
        state[node] = 2
        return False

    for module in sorted(graph):
        if module not in state and visit(module, []):
            break
    assert not cycle, " -> ".join(cycle)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_short(path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines (limit {MAX_LINES})"


def test_every_package_says_what_it_is_for():
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "import" in doc.lower(), f"{init.relative_to(PACKAGE)}: say what it is for and may import"
