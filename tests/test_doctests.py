"""Every module's docstring examples run (as devito's tests/test_docstrings.py does)."""

import doctest
import importlib
import pkgutil

import pytest

import symconv

MODULES = sorted(m.name for m in pkgutil.walk_packages(symconv.__path__, "symconv."))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_public_functions_have_examples():
    missing = [name for name in symconv.__all__
               if callable(getattr(symconv, name)) and ">>>" not in (getattr(symconv, name).__doc__ or "")
               and not isinstance(getattr(symconv, name), type)]
    assert missing == []
