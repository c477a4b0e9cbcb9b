"""Every module's docstring examples run (as devito's tests/test_docstrings.py does)."""

import doctest
import importlib
import pkgutil
import typing
from pathlib import Path

import pytest

import symconv

MODULES = sorted(m.name for m in pkgutil.walk_packages(symconv.__path__, "symconv."))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    for package in getattr(module, "__doctest_requires__", ()):  # optional peers, such as torch
        pytest.importorskip(package)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_readme_examples():
    readme = Path(__file__).resolve().parents[1] / "README.md"
    result = doctest.testfile(str(readme), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    "module",
    [
        "symconv",
        "symconv.testing",
        "symconv.strategies",
        "symconv.frameworks",
        "symconv.proof",
        "symconv.reference",
        "symconv.sampling",
    ],
)
def test_public_functions_have_examples(module):
    public = importlib.import_module(module)
    missing = [
        name
        for name in public.__all__
        if callable(getattr(public, name))
        and ">>>" not in (getattr(public, name).__doc__ or "")
        and not isinstance(getattr(public, name), type)
        and typing.get_origin(getattr(public, name)) is None  # a type alias such as symconv.sampling.Choose
    ]
    assert missing == []
