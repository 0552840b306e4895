"""The tree keeps its architecture: no import cycles, no private names read across modules, small modules.

Imports are read from the source (module level and inside functions alike),
so a cycle hidden in a function-level import is still a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import provenance

PACKAGE = Path(provenance.__file__).parent
MAX_LINES = 600


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _package_of(module: str) -> str:
    """The package a module belongs to (a package's ``__init__`` belongs to itself)."""
    if MODULES[module].name == "__init__.py":
        return module
    return module.rpartition(".")[0]


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = _package_of(module).split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    """The imports under ``if TYPE_CHECKING:``: read by type checkers, never run."""
    return {
        child
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for statement in node.body
        for child in ast.walk(statement)
    }


def _imports(module: str) -> Iterator[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import a provenance module runs."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    skipped = _type_checking_only(tree)
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("provenance"):
                    yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, node)
            if not target.startswith("provenance"):
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in MODULES:
                    yield submodule, None, node.lineno
                else:
                    yield target, alias.name, node.lineno


def _private_module_owner(module: str) -> str | None:
    """The package whose modules alone may import ``module``, when some part of its name is private."""
    parts = module.split(".")
    for index, part in enumerate(parts):
        if _is_private(part):
            return ".".join(parts[:index])
    return None


def _defined_here(tree: ast.Module) -> set[str]:
    """Private names a module defines: its functions, classes, assignments and ``self._x`` attributes.

    A class may read those on other instances of itself (``other._layers``); no other module may.
    """
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}:
            names.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
            names.add(node.value)  # __slots__ entries
    return {name for name in names if _is_private(name)}


def test_private_attributes_of_other_modules_are_found() -> None:
    tree = ast.parse("class A:\n    def f(self, other):\n        self._x = 1\n        return other._x, other._y\n")
    assert _defined_here(tree) == {"_x"}


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_no_module_reads_another_modules_private_names() -> None:
    found = []
    for module, path in MODULES.items():
        for target, name, line in _imports(module):
            owner = _private_module_owner(target)
            if owner is not None and not _inside(module, owner):
                found.append(f"{path.name}:{line}: imports private module {target}")
            if name is not None and _is_private(name):
                found.append(f"{path.name}:{line}: imports private name {name} from {target}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = _defined_here(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _is_private(node.attr) and node.attr not in own:
                found.append(f"{module}:{node.lineno}: reads private attribute {node.attr}")
    assert found == []


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for module in MODULES:
        for target, _, _ in _imports(module):
            # `provenance` itself only re-exports lazily (PEP 562): it is no one's dependency.
            if target in MODULES and target != "provenance" and target != module:
                graph[module].add(target)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or ``None`` (depth-first search with colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)) is not None:
                return found
        stack.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)) is not None:
            return found
    return None


def test_no_import_cycles() -> None:
    assert _cycle(_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


# The layers of docs/architecture.md, lowest first: a module imports only from its own layer or below.
LAYERS = (
    {"_version", "errors", "countries", "dates", "domains", "links", "_checks", "_datetext", "_outputs", "_gc"},
    {"model", "ratings", "layout", "codec"},
    {"registry", "source_policy", "examples"},
    {"ownership", "labels", "policies"},
    {"labelling", "rating_labels", "articles"},
    {"batch", "reports", "extras", "bods", "flat"},
    {"importers", "testing", "pytest_plugin", "cli", "__main__"},
)


def _layer(module: str) -> int:
    part = module.split(".")[1]
    return next(number for number, members in enumerate(LAYERS) if part in members)


def test_imports_go_down_the_layers() -> None:
    upward = [
        f"{module} -> {target}"
        for module, targets in _graph().items()
        if module != "provenance"
        for target in targets
        if _layer(target) > _layer(module)
    ]
    assert upward == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_is_small_and_says_its_job(module: str) -> None:
    source = MODULES[module].read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_LINES, f"{module} has more than {MAX_LINES} lines"
    if source.strip():
        assert ast.get_docstring(ast.parse(source)), f"{module} has no module docstring"
