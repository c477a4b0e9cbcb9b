"""The checker's comparisons, statements and report refuse what they must: negative tests written
for survivors of the mutation run (tests/mutation), each named in the docstring."""

import sympy
from sympy import IndexedBase, Matrix

from symconv import input_symbols
from symconv.proof import LINEAR, STRUCTURAL, Derivation, LinearMap, Step, Transformation, same

x = sympy.Symbol("x")
X, W = IndexedBase("X"), IndexedBase("W")


class Anything(Transformation):
    """Says every step is equal: the exact check passes, so only the numeric check can object."""

    def compare(self, lhs, rhs):
        return ""


def test_entries_present_on_one_side_only_are_compared():
    """Mutant compare-left-entries-only: an entry that is zero on the left and not on the right."""
    for lhs, rhs in ((Matrix([[0, 0]]), Matrix([[0, x]])), (Matrix([[0, x]]), Matrix([[0, 0]]))):
        ok, detail = same(lhs, rhs)
        assert not ok and detail.startswith("entry (0, 1)")
    ok, _ = same(sympy.Array([0, 0, 1]), sympy.Array([0, 0, 0]))
    assert not ok and not same(sympy.Array([0, 0, 0]), sympy.Array([0, 0, 1]))[0]


def test_a_linear_form_with_a_term_missing_from_the_matrix_is_refused():
    """Mutant linear-ignores-extra-coefficients: Y has X[2], row 0 of C has nothing there."""
    inputs = input_symbols(3)
    ok, detail = same(LinearMap(Matrix([[1, 0, 0]]), inputs), [X[0] + X[2]], LINEAR)
    assert not ok and "coefficient of X[2]" in detail
    assert same(LinearMap(Matrix([[1, 0, 1]]), inputs), [X[0] + X[2]], LINEAR)[0]


def test_a_linear_map_with_more_rows_than_outputs_is_refused():
    """Mutant linear-ignores-shape: a second row of C that no output states."""
    inputs = input_symbols(2)
    ok, detail = same(LinearMap(Matrix([[1, 0], [0, 1]]), inputs), [X[0]], LINEAR)
    assert not ok and "shape" in detail
    assert not same(LinearMap(Matrix([[1, 0]]), inputs), [X[0], X[1]], LINEAR)[0]


def test_an_undecided_statement_does_not_pass():
    """Mutant confirm-undecided-passes: ``x > 0`` for a real ``x`` is not shown true by anything."""
    report = Derivation(
        "u", "u", "", steps=(Step(x > 0, None, "claimed", STRUCTURAL, numeric="only the exact check is under test"),)
    ).check()
    assert not report.ok


def test_a_step_that_fails_numerically_fails_the_derivation():
    """Mutant report-ignores-numeric: the exact check passes (wrongly), the numeric one objects."""
    report = Derivation("n", "n", "", steps=(Step(x + 1, x, "off by one", Anything("anything")),)).check()
    assert not report.ok and "numerically" in report.failure()


def test_the_numeric_check_tells_different_entries_apart():
    """Mutant numeric-same-values: ``W[0]`` and ``W[1]`` get different random values."""
    report = Derivation("v", "v", "", steps=(Step(W[0] * X[0], W[1] * X[0], "taps swapped", Anything("anything")),))
    assert not report.check().ok
    matrices = Step(Matrix([[W[0], W[1]]]), Matrix([[W[1], W[0]]]), "entries swapped", Anything("anything"))
    assert not Derivation("m", "m", "", steps=(matrices,)).check().ok


def test_an_exact_check_that_raises_fails_the_step():
    """Mutant report-exception-passes: a comparison that cannot be made is a failure, not a pass."""

    class Raising(Transformation):
        def compare(self, lhs, rhs):
            raise ValueError("cannot compare these")

    derivation = Derivation(
        "r",
        "r",
        "",
        steps=(
            Step(
                (x + 1) ** 2,
                x**2 + 2 * x + 1,
                "compared",
                Raising("raising"),
                numeric="only the exact check is under test",
            ),
        ),
    )
    try:
        report = derivation.check()
    except ValueError:  # refusing by raising is failing too
        return
    assert not report.ok and "cannot compare these" in report.failure()
