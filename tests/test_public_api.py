"""The public API is frozen: ``__all__`` of each public module equals the list in the README's
"Public API (frozen)" section (as pyhf's tests/test_public_api.py freezes ``dir(pyhf)``)."""

import importlib
import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
MODULES = [
    "symconv",
    "symconv.testing",
    "symconv.strategies",
    "symconv.frameworks",
    "symconv.proof",
    "symconv.reference",
    "symconv.sampling",
]


def documented(module: str) -> set[str]:
    section = README.split("## Public API (frozen)", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"`{re.escape(module)}`:\n\n```text\n(.*?)```", section, re.S)
    assert match, f"the README lists no API for {module}"
    return set(match.group(1).split())


@pytest.mark.parametrize("module", MODULES)
def test_all_matches_the_readme(module):
    names = set(importlib.import_module(module).__all__)
    assert names == documented(module), (sorted(names - documented(module)), sorted(documented(module) - names))


@pytest.mark.parametrize("module", MODULES)
def test_every_name_exists(module):
    imported = importlib.import_module(module)
    assert [name for name in imported.__all__ if not hasattr(imported, name)] == []


def test_every_package_is_installed():
    """setuptools finds every package of symconv/ (a non-editable install would miss one left out)."""
    setuptools = pytest.importorskip("setuptools")
    root = Path(__file__).resolve().parents[1]
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "symconv").rglob("__init__.py")}
    assert set(setuptools.find_packages(str(root), include=["symconv", "symconv.*"])) == found
