"""The catalogue of transformations: documented from the rules' docstrings, in the README, composable."""

import pydoc
import re
from pathlib import Path

import pytest
import sympy

import symconv.proof as proof
from symconv.errors import SideConditionError
from symconv.proof import (
    CATALOGUE,
    DOIT,
    EXPAND,
    LINEAR,
    STRUCTURAL,
    SUMS,
    LinearMap,
    Transformation,
    chain,
    reindex,
)
from symconv.proof.catalogue import table
from symconv.proof.transformations import Composition

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
x, y = sympy.symbols("x y")


def test_the_readme_table_is_generated_from_the_docstrings():
    """Regenerate with ``python -m symconv.proof.catalogue`` when a rule's docstring changes."""
    section = README.split("<!-- catalogue:", 1)[1].split("-->", 1)[1].split("<!-- /catalogue -->", 1)[0]
    assert section.strip() == table()


def test_every_rule_states_what_it_rewrites_and_its_side_conditions():
    for entry in CATALOGUE:
        assert entry.rewrites and entry.side_conditions.startswith("Side conditions"), entry.usage
        assert ">>>" not in entry.description


def test_every_rule_class_is_in_the_catalogue():
    """A new rule (a subclass of Transformation in symconv.proof) must be added to the catalogue."""
    import inspect

    import symconv.proof.arithmetic
    import symconv.proof.deltas
    import symconv.proof.integers
    import symconv.proof.linear
    import symconv.proof.sums
    import symconv.proof.transformations as transformations

    listed = {type(e.rule) if isinstance(e.rule, Transformation) else e.rule for e in CATALOGUE}
    modules = (
        transformations,
        symconv.proof.sums,
        symconv.proof.deltas,
        symconv.proof.integers,
        symconv.proof.linear,
        symconv.proof.arithmetic,
    )
    rules = {
        value
        for module in modules
        for value in vars(module).values()
        if inspect.isclass(value) and issubclass(value, Transformation) and value.__module__ == module.__name__
    }
    assert rules - listed == set()


def test_help_shows_the_rules_description():
    assert "Side conditions: none." in pydoc.render_doc(EXPAND, renderer=pydoc.plaintext)
    assert "nothing is rewritten" in pydoc.render_doc(STRUCTURAL, renderer=pydoc.plaintext)
    mine = Transformation("cancel", sympy.cancel, doc="Cancel common factors.\n\nSide conditions: none.")
    assert "Cancel common factors." in pydoc.render_doc(mine, renderer=pydoc.plaintext)
    assert "Side conditions" in pydoc.render_doc(reindex, renderer=pydoc.plaintext)


def test_rules_compose_with_their_combined_description():
    both = DOIT >> EXPAND
    assert isinstance(both, Composition) and str(both) == "doit, then expand"
    assert chain(DOIT, SUMS, EXPAND).name == "doit, then interchange of finite sums, then expand"
    assert chain(SUMS, EXPAND, name="mine").name == "mine" and chain(EXPAND) is EXPAND
    description = both.description
    assert description.index("First, doit:") < description.index("Then, expand:")
    assert "Side conditions" in pydoc.render_doc(both, renderer=pydoc.plaintext)
    with pytest.raises(TypeError):
        chain()
    with pytest.raises(TypeError):
        DOIT >> 3  # noqa: B015


def test_a_composition_compares_with_the_second_rule():
    """``within() >> LINEAR``-like chains keep the second rule's comparison: here LINEAR's coefficients."""
    X = sympy.IndexedBase("X")
    C = sympy.Matrix([[x, 0], [1, x]])
    rows = [x * X[0], X[0] + x * X[1]]
    assert (STRUCTURAL >> LINEAR).compare(LinearMap(C, [X[0], X[1]]), rows) == ""
    # a rule that refuses still refuses inside a composition
    k, j, n = sympy.symbols("k j n", integer=True)
    unsafe = sympy.Sum(sympy.KroneckerDelta(2 * k, j), (k, 0, n))
    with pytest.raises(SideConditionError, match="doit"):
        (DOIT >> EXPAND).compare(unsafe, 1)


def test_the_catalogue_names_are_exported():
    for entry in CATALOGUE:
        name = re.match(r"\w+", entry.usage).group(0)
        if name not in ("a",):
            assert hasattr(proof, name), name
