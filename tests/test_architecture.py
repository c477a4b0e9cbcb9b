"""The package's layers: every import points downward, no cycle, no private name borrowed.

The layers, bottom to top (the README's "Architecture" shows the same table):

0. base        ``errors``, ``typing``, ``parameters``, ``limits``, ``sparse``, ``files``
1. specs       ``specs``, ``sizes``, ``sampling``
2. index map   ``symbols``, ``operands``, ``indexmap``, ``indexing``, ``notation``, ``recipe``, ``channels``,
               ``receptive``
3. operations  ``ops/``, ``interpolation``, ``reference``
4. printing    ``printing/``, ``locale/``, ``frameworks/``, ``strategies``
5. proof       ``proof/``
6. public API  ``symconv/__init__``, ``testing``, ``pytest_plugin``
7. derivations ``derivations/`` (the seminar's proofs: symconv.proof and the symbolic operands of layer 2)
8. notes       ``notes/``, ``snippets``
9. CLI         ``cli/``, ``__main__``

A module imports modules of its own layer or below; imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "symconv"

LAYERS: dict[str, int] = {
    "errors": 0,
    "typing": 0,
    "parameters": 0,
    "limits": 0,
    "sparse": 0,
    "files": 0,
    "specs": 1,
    "sizes": 1,
    "sampling": 1,
    "symbols": 2,
    "operands": 2,
    "indexmap": 2,
    "indexing": 2,
    "notation": 2,
    "recipe": 2,
    "channels": 2,
    "receptive": 2,
    "ops": 3,
    "interpolation": 3,
    "reference": 3,
    "locale": 4,
    "printing": 4,
    "frameworks": 4,
    "strategies": 4,
    "proof": 5,
    "": 6,  # the package itself: symconv/__init__.py
    "testing": 6,
    "pytest_plugin": 6,
    "derivations": 7,
    "notes": 8,
    "snippets": 8,
    "cli": 9,
    "__main__": 9,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    parts = module.split(".")
    assert parts[0] == "symconv", module
    top = parts[1] if len(parts) > 1 else ""
    if top not in LAYERS:
        raise AssertionError(f"symconv.{top} has no layer: add it to LAYERS in {__file__} and to the README")
    return LAYERS[top]


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


ALL = modules()


def resolve(importer: str, node: ast.ImportFrom | ast.Import) -> list[tuple[str, list[str]]]:
    """``(module, names)`` for each symconv module an import statement reads."""
    if isinstance(node, ast.Import):
        return [(alias.name, []) for alias in node.names if alias.name.split(".")[0] == "symconv"]
    if node.level:
        package = importer.split(".")
        if not ALL[importer].name == "__init__.py":
            package = package[:-1]
        base = package[: len(package) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != "symconv":
        return []
    names = [alias.name for alias in node.names]
    found = []
    for name in names:  # ``from symconv.proof import derivation`` reads the submodule
        if f"{target}.{name}" in ALL:
            found.append((f"{target}.{name}", []))
    rest = [n for n in names if f"{target}.{n}" not in ALL]
    if rest or not found:
        found.append((target, rest))
    return found


def imports() -> list[tuple[str, str, list[str], int]]:
    """``(importer, imported, names, line)`` for every symconv import in the package."""
    result = []
    for importer, path in ALL.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target, names in resolve(importer, node):
                    result.append((importer, target, names, node.lineno))
    return result


IMPORTS = imports()


def upward(edges: list[tuple[str, str, list[str], int]]) -> list[str]:
    return [
        f"{ALL[a].relative_to(PACKAGE.parent)}:{line} imports {b} (layer {layer(b)} above {layer(a)})"
        for a, b, _, line in edges
        if layer(b) > layer(a)
    ]


def test_every_module_has_a_layer() -> None:
    for module in ALL:
        layer(module)


def test_imports_point_downward() -> None:
    assert upward(IMPORTS) == []


def test_an_upward_import_is_caught() -> None:
    planted = [("symconv.specs", "symconv.proof.derivation", ["Derivation"], 1)]
    assert upward(planted) and "layer 5 above 1" in upward(planted)[0]
    source = "from ..notes import build\n"
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.ImportFrom)
    edges = [("symconv.ops.matrix", target, names, 1) for target, names in resolve("symconv.ops.matrix", node)]
    assert edges[0][1] == "symconv.notes.build" and upward(edges)


def test_printing_does_not_import_proof() -> None:
    bad = [(a, b) for a, b, _, _ in IMPORTS if a.startswith("symconv.printing") and b.startswith("symconv.proof")]
    assert bad == []


def test_no_private_name_is_imported_across_modules() -> None:
    bad = [
        f"{a} imports {name} from {b}"
        for a, b, names, _ in IMPORTS
        for name in names
        if name.startswith("_") and name != "__version__" and a != b
    ]
    private_modules = [
        f"{a} imports the private module {b}"
        for a, b, _, _ in IMPORTS
        if any(part.startswith("_") and part not in ("__init__", "__main__") for part in b.split("."))
    ]
    assert bad + private_modules == []


def test_no_cycles() -> None:
    graph: dict[str, set[str]] = {m: set() for m in ALL}
    for a, b, _, _ in IMPORTS:
        if b in graph and a != b:
            # a package's __init__ re-exporting its submodules is not a dependency of them
            if a == b.rsplit(".", 1)[0]:
                continue
            graph[a].add(b)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in graph:
        if module not in state:
            visit(module)
