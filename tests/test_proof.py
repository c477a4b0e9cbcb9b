import random

import pytest
import sympy
from sympy import IndexedBase, KroneckerDelta, Sum

from symconv import ConvSpec, Derivation, Step, VerificationError, conv_matrix, input_symbols, latex, sliding_window
from symconv.errors import SpecError
from symconv.proof import (
    COLLAPSE,
    DOIT,
    DOIT_EXPAND,
    EXPAND,
    LINEAR,
    STRUCTURAL,
    SUMS,
    Check,
    LinearMap,
    Transformation,
    same,
    zero_extension,
)
from symconv.proof.numeric import compare_numerically

x, y = sympy.symbols("x y")


def test_a_true_chain_verifies_and_renders():
    d = Derivation(
        "square",
        "A square",
        "expanding",
        steps=(
            Step((x + y) ** 2, x**2 + 2 * x * y + y**2, "binomial formula", EXPAND),
            Step(None, sympy.Add(y**2, 2 * x * y, x**2, evaluate=False), "reorder", EXPAND),
        ),
    )
    report = d.verify()
    assert report.ok
    assert latex(d) == (
        "\\begin{aligned}\n\\left(x + y\\right)^{2} &= x^{2} + 2 x y + y^{2} && "
        "\\text{binomial formula} \\\\\n&= x^{2} + 2 x y + y^{2} && \\text{reorder}\n\\end{aligned}"
    )
    assert d.align().startswith("\\begin{align*}\n")
    assert "verified: 2 steps" in str(report)
    assert d._repr_latex_().startswith("$\\displaystyle \\begin{aligned}")


def test_a_false_step_fails_loudly():
    d = Derivation("wrong", "Wrong", "", steps=(Step((x + 1) ** 2, x**2 + 1, "bad algebra", EXPAND),))
    report = d.check()
    assert not report.ok and "FAILED" in str(report)
    with pytest.raises(VerificationError, match="bad algebra"):
        d.verify()


def test_structural_does_not_expand():
    assert not same((x + 1) ** 2, x**2 + 2 * x + 1, STRUCTURAL)[0]
    assert same((x + 1) ** 2, x**2 + 2 * x + 1, EXPAND)[0]


def test_numeric_substitution_catches_a_wrong_identity():
    result = compare_numerically(sympy.floor(x / 2) * 2, x, random.Random(1))
    assert result.ok is False  # floor(x/2)*2 != x for odd or non-integer x


def test_numeric_check_respects_hypotheses():
    n = sympy.Symbol("n", integer=True, positive=True)
    result = compare_numerically(n - n % 2, n, random.Random(0), hypotheses=sympy.Eq(sympy.Mod(n, 2), 0))
    assert result.ok is True and result.points >= 3


def test_failing_check_fails_the_derivation():
    def bad(rng):
        raise AssertionError("disagrees with numpy")

    d = Derivation("c", "c", "", steps=(), checks=(Check("bad", bad),))
    with pytest.raises(VerificationError, match="disagrees with numpy"):
        d.verify()


def test_delta_collapse_and_sums():
    W, X = IndexedBase("W"), IndexedBase("X")
    i, k, o = sympy.symbols("i k o", integer=True)
    h, q = sympy.symbols("h q", integer=True, positive=True)
    lhs = Sum(W[k] * Sum(KroneckerDelta(i, o + k) * X[i], (i, 0, h - 1)), (k, 0, q - 1))
    right = Sum(sympy.Piecewise((W[k] * X[o + k], (o + k >= 0) & (o + k <= h - 1)), (0, True)), (k, 0, q - 1))
    assert same(lhs, right, COLLAPSE)[0]
    wrong = Sum(sympy.Piecewise((W[k] * X[o + k], (o + k >= 1) & (o + k <= h - 1)), (0, True)), (k, 0, q - 1))
    assert not same(lhs, wrong, COLLAPSE)[0]
    swapped = Sum(Sum(W[k] * KroneckerDelta(i, o + k), (k, 0, q - 1)) * X[i], (i, 0, h - 1))
    assert same(lhs, swapped, SUMS)[0]


def test_linear_forms_compare_without_multiplying():
    spec = ConvSpec((64, 64), (3, 3))
    X = input_symbols(spec.input_shape)
    C, Y = conv_matrix(spec), sliding_window(spec, X)
    assert same(LinearMap(C, X), Y, LINEAR) == (True, "")
    C[0, 0] = sympy.IndexedBase("W")[0, 1]  # one wrong entry is found
    ok, detail = same(LinearMap(C, X), Y, LINEAR)
    assert not ok and detail.startswith("row 0, coefficient of X[0]")


def test_matrix_difference_reports_first_entry():
    ok, detail = same(sympy.Matrix([[1, 2]]), sympy.Matrix([[1, 3]]))
    assert not ok and detail == "entry (0, 1): 2 != 3"
    assert same(
        sympy.MatMul(sympy.ImmutableMatrix([[1, 1]]), sympy.ImmutableMatrix([[x], [y]]), evaluate=False),
        sympy.Matrix([[x + y]]),
        DOIT_EXPAND,
    )[0]


def test_justification_text_is_escaped():
    d = Derivation("e", "e", "", steps=(Step(sympy.Add(x, 0, evaluate=False), x, "50% & $x_1$ # done", EXPAND),))
    assert r"\text{50\% \& $x_1$ \# done}" in latex(d)


class _Halves(Transformation):
    """Equal when the left side is twice the right side: a comparison no built-in rule makes."""

    def __init__(self):
        super().__init__("halves")

    def equal(self, lhs, rhs):
        return sympy.expand(lhs - 2 * rhs) == 0


def test_a_custom_transformation_carries_its_own_comparison():
    assert same(2 * x + 2, x + 1, _Halves()) == (True, "")
    assert same(sympy.Matrix([[2 * x, 4]]), sympy.Matrix([[x, 2]]), _Halves())[0]  # entry by entry
    assert not same(x + 1, x + 1, _Halves())[0]
    report = Derivation(
        "h", "h", "", steps=(Step(2 * x + 2, x + 1, "halve", _Halves(), numeric="halves differ"),)
    ).check()
    assert report.ok and "exact: halves" in str(report) and "not numeric: halves differ" in str(report)


def test_a_custom_compare_is_honoured_by_the_derivation():
    class Everything(Transformation):
        def compare(self, lhs, rhs):
            return ""

        def confirm(self, statement):
            return ""

    steps = (
        Step(x, y, "anything", Everything("anything"), numeric="x and y differ"),
        Step(x > y, None, "true", Everything(), numeric="false for x <= y"),
    )
    assert Derivation("e", "e", "", steps=steps).check().ok


def test_rules_are_not_looked_up_by_name():
    """A rule is its object: a transformation named like LINEAR or DOIT compares structurally."""
    X = input_symbols((4,))
    C = conv_matrix(ConvSpec(4, 2))
    Y = C * sympy.Matrix(list(X))
    assert same(LinearMap(C, X), list(Y), LINEAR)[0]
    assert not same(LinearMap(C, X), list(Y), Transformation(LINEAR.name))[0]
    product = sympy.MatMul(sympy.ImmutableMatrix([[1, 1]]), sympy.ImmutableMatrix([[x], [y]]), evaluate=False)
    assert same(product, sympy.Matrix([[x + y]]), DOIT)[0]
    assert not same(product, sympy.Matrix([[x + y]]), Transformation(DOIT.name))[0]
    renamed = Transformation("a new name")
    assert same(product, sympy.Matrix([[x + y]]), DOIT.then(renamed))[0]  # compares what DOIT made of the product
    assert same(product, sympy.Matrix([[x + y]]), renamed.then(Transformation(DOIT.name)))[0] is False
    assert EXPAND.equal((x + 1) ** 2, x**2 + 2 * x + 1)
    assert Transformation(EXPAND.name).equal((x + 1) ** 2, x**2 + 2 * x + 1) is False


def test_a_composition_applies_both_rewrites_and_unfolds_both_definitions():
    i, n = sympy.symbols("i n", integer=True)
    X, P = IndexedBase("X"), sympy.Function("P")
    definition = sympy.Lambda(i, sympy.Piecewise((X[i], i >= 0), (0, True)))
    rule = zero_extension((P, definition)).then(EXPAND, name="both")
    assert rule.name == "both" and rule.unfold(P(n)) == definition(n)
    assert rule.apply((P(n) + 1) ** 2) == EXPAND.apply(zero_extension((P, definition)).apply((P(n) + 1) ** 2))


def test_the_proof_modules_share_only_public_names_and_printing_does_not_import_proof():
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "symconv"
    private, upward = [], []
    for path in [*root.glob("proof/*.py"), *root.glob("printing/*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module is not None:
                module = "." * node.level + node.module
                private += [f"{path.name}: {module}.{a.name}" for a in node.names if a.name.startswith("_")]
                if path.parent.name == "printing" and "proof" in module.split("."):
                    upward.append(f"{path.name}: {module}")
    assert private == [] and upward == []


def test_a_step_with_identical_sides_is_refused():
    with pytest.raises(SpecError, match=r"Step 'collect': both sides are 2\*x as built.*Step.definition"):
        Step(x + x, 2 * x, "collect", EXPAND)
    with pytest.raises(SpecError, match="shows nothing"):  # a matrix evaluated on construction
        Step(sympy.Matrix([[1, 2]]) * sympy.Matrix([[x], [y]]), sympy.Matrix([[x + 2 * y]]), "product", DOIT_EXPAND)
    with pytest.raises(SpecError, match="already true"):
        Step(sympy.Eq(x, x), None, "trivially", STRUCTURAL)
    with pytest.raises(SpecError, match="kind"):
        Step(x, y, "anything", kind="lemma")
    # built unevaluated, the same claims are steps that show something, and they check
    Step(sympy.Add(x, x, evaluate=False), 2 * x, "collect", EXPAND)
    Step(
        sympy.MatMul(sympy.ImmutableMatrix([[1, 2]]), sympy.ImmutableMatrix([[x], [y]]), evaluate=False),
        sympy.Matrix([[x + 2 * y]]),
        "product",
        DOIT_EXPAND,
    )


def test_a_chained_step_identical_to_the_previous_side_is_refused():
    with pytest.raises(SpecError, match="'reorder'"):
        Derivation(
            "c",
            "c",
            "",
            steps=(Step((x + 1) ** 2, x**2 + 2 * x + 1, "expand", EXPAND), Step(None, 1 + 2 * x + x**2, "reorder")),
        )


def test_definitions_and_specialisations_are_declared_and_shown():
    z = sympy.Symbol("z")
    definition = Step.definition(z, x + 1, "name the shifted variable")
    special = Step.specialisation(conv_matrix(ConvSpec(3, 2)), conv_matrix(ConvSpec(3, 2)), "the case h = 3, q = 2")
    assert (definition.kind, special.kind) == ("definition", "specialisation")
    assert str(definition) == "z := x + 1    definition: name the shifted variable"
    assert str(special).endswith("special case: the case h = 3, q = 2")
    assert "\\mathrel{:=}" in latex(Derivation("d", "d", "", steps=(definition,)))
    report = Derivation("d", "d", "", steps=(special,)).check()
    assert report.ok and "special case" in str(report)


def test_exhaustive_checks_are_a_declared_kind():
    check = Check.exhaustive("constant overlap", "s <= 3", lambda rng: "3 cases")
    assert check.kind == "exhaustive" and check.description == "every case of s <= 3: constant overlap"
    assert Check("random", lambda rng: "ok").kind == "numeric"
