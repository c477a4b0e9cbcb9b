"""The numeric layer fails closed: what cannot be evaluated fails unless declared, zeros prove
nothing, the samples reach large values, rules' conditions follow from hypotheses and where,
and checks raise real exceptions (also under ``python -O``)."""

import ast
import os
import random
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import sympy
from sympy import Array, Function, IndexedBase, KroneckerDelta, Matrix, Mod, Piecewise, Sum, floor, latex, oo

from symconv import VerificationError
from symconv.proof import (
    COLLAPSE,
    EXPAND,
    STRUCTURAL,
    Check,
    Derivation,
    NotNumeric,
    Step,
    integer_parts,
    require,
    residues,
)
from symconv.proof import within as within_rule
from symconv.proof.evaluation import Evaluator
from symconv.proof.numeric import MAX_POINTS, MIN_POINTS, compare_numerically
from symconv.proof.premises import unproved
from symconv.proof.sampling import random_point

ROOT = Path(__file__).resolve().parents[1]
X, W = IndexedBase("X"), IndexedBase("W")
n, m, i, k, o = sympy.symbols("n m i k o", integer=True)
h, s, q, d = sympy.symbols("h s q d", integer=True, positive=True)
a, p = sympy.symbols("a p", integer=True, nonnegative=True)
x = sympy.Symbol("x")


def _check(lhs, rhs, seed=0, **options):
    return compare_numerically(lhs, rhs, random.Random(seed), **options)


# --- what cannot be evaluated fails -------------------------------------------------------


@pytest.mark.parametrize(
    "lhs, rhs, reason",
    [
        ((X[n / 2] + 1) ** 2, X[n / 2] ** 2 + 2 * X[n / 2] + 1, "is not an integer"),
        (Sum(1 / i**2, (i, 1, oo)), Sum(1 / (i + 1) ** 2, (i, 0, oo)), "an infinite sum without a delta"),
        (Function("f")(n) + 1, 1 + Function("f")(n), "an undefined function"),
        (Sum(X[i], (i, 0, 10**7)), Sum(X[i], (i, 1, 10**7)) + X[0], "too costly"),
        (sympy.sqrt(h) * 2, sympy.sqrt(4 * h), "fractional power"),
        (sympy.Float(0.5) * h, h / 2, "not evaluable"),
    ],
)
def test_what_cannot_be_evaluated_fails(lhs, rhs, reason):
    result = _check(lhs, rhs)
    assert result.ok is False and reason in result.detail


def test_no_point_satisfying_the_hypotheses_fails():
    result = _check(h + 1, 1 + h, hypotheses=h < 0)
    assert not result.ok and result.detail == "no random point satisfies the conditions"


def test_a_check_that_sees_only_zeros_fails():
    # 2n + 1 = 2m never holds: both sides are always 0 and prove nothing
    result = _check(KroneckerDelta(2 * n + 1, 2 * m) * X[n], sympy.S.Zero)
    assert not result.ok and result.detail.startswith("saw only zeros") and result.nonzero == 0


def test_too_few_non_zero_points_fail():
    result = _check(h + 1, 1 + h, minimum=1000)
    assert not result.ok and "(at least 1000 needed)" in result.detail


def test_arrays_are_compared_with_their_shapes():
    flat = [X[0], X[1], X[2], X[3], X[4], X[5]]
    assert not _check(Array(flat, (2, 3)), Array(flat, (3, 2))).ok
    assert "shapes differ" in _check(Array(flat, (2, 3)), Array(flat, (3, 2))).detail
    assert not _check(Matrix(2, 3, flat), Matrix(3, 2, flat)).ok
    assert _check(Array(flat, (2, 3)), Array([f * 1 for f in flat], (2, 3))).ok


@pytest.mark.parametrize("seed", range(5))
def test_statements_must_hold_at_every_point(seed):
    assert _check(sympy.Ge(h, 1), None, seed).ok
    assert not _check(sympy.Ge(h, 3), None, seed).ok


# --- the samples ----------------------------------------------------------------------------


def test_samples_reach_large_values_and_keep_small_ones_frequent():
    rng = random.Random(0)
    points = [random_point([s, h, o], rng) for _ in range(400)]
    strides = [point[s] for point in points]
    assert max(strides) >= 25 and max(point[h] for point in points) >= 25
    assert sum(v <= 5 for v in strides) >= 0.4 * len(strides)  # strides and dilations up to 5 are common
    assert min(point[o] for point in points) < 0  # positions of unknown sign are negative too


@pytest.mark.parametrize("seed", range(20))
def test_a_statement_false_only_for_large_sizes_fails(seed):
    """False from h = 13 on: samples that stopped at 7 passed it."""
    result = _check(h + Piecewise((1, h >= 13), (0, True)), h, seed)
    assert not result.ok


@pytest.mark.parametrize("seed", range(20))
def test_sympys_delta_summation_without_divisibility_is_refuted(seed):
    """SymPy sums delta(2k, j) over 0 <= k <= n to [0 <= j <= 2n], dropping 2 | j."""
    total = Sum(KroneckerDelta(2 * k, n) * X[k], (k, 0, h))
    dropped = Piecewise((X[n / 2], (n >= 0) & (n <= 2 * h)), (0, True))
    assert not _check(total, dropped, seed).ok


def test_cheap_steps_get_many_points_expensive_ones_fewer_but_enough():
    cheap = _check((h + 1) ** 2, h**2 + 2 * h + 1)
    assert cheap.ok and cheap.points == MAX_POINTS >= 20
    position = [s * o - p + d * k for _ in range(3)]
    o3, k3, i3 = (sympy.symbols(f"{c}0:3", integer=True) for c in "oki")
    s3, d3, h3, q3 = (sympy.symbols(f"{c}0:3", integer=True, positive=True) for c in "sdhq")
    p3 = sympy.symbols("p0:3", integer=True, nonnegative=True)
    position = [s3[j] * o3[j] - p3[j] + d3[j] * k3[j] for j in range(3)]
    delta = sympy.Mul(*[KroneckerDelta(i3[j], position[j]) for j in range(3)])
    taps, inputs = [(k3[j], 0, q3[j] - 1) for j in range(3)], [(i3[j], 0, h3[j] - 1) for j in range(3)]
    big = _check(Sum(Sum(W[k3] * delta, *taps) * X[i3], *inputs), Sum(W[k3] * Sum(delta * X[i3], *inputs), *taps))
    assert big.ok and MIN_POINTS <= big.points < MAX_POINTS and big.nonzero >= MIN_POINTS


def test_points_are_steered_to_where_the_index_lands_inside_the_input():
    """The index map of a convolution is non-zero only where s o - p + d k lands in 0..h-1."""
    lhs = Sum(W[k] * Sum(KroneckerDelta(i, s * o - p + d * k) * X[i], (i, 0, h - 1)), (k, 0, q - 1))
    rhs = Sum(
        Piecewise((W[k] * X[s * o - p + d * k], (s * o - p + d * k >= 0) & (s * o - p + d * k < h)), (0, True)),
        (k, 0, q - 1),
    )
    for seed in range(5):
        result = _check(lhs, rhs, seed)
        assert result.ok and result.nonzero >= result.points // 3, result.detail
    wrong = rhs.xreplace({p: -p})  # padding added: caught
    assert not _check(lhs, wrong).ok


def test_the_evaluator_agrees_with_sympy():
    b = sympy.Symbol("b", integer=True)
    cases = [
        Sum(i * KroneckerDelta(Mod(i, 3), 1), (i, n, b)),  # reversed limits: Karr's convention
        Sum(floor(i / 3) - Mod(i, 4), (i, n, b)),
        Piecewise((n, n > b), (b, True)) + sympy.Abs(n - b) + sympy.Max(n, b),
    ]
    for case in cases:
        for values in [(0, 7), (5, 2), (3, 1), (-4, 4)]:
            point = dict(zip((n, b), values))
            assert Evaluator(random.Random(0)).value(case, point) == case.subs(point).doit()
    infinite = Sum(KroneckerDelta(2 * i, n) * X[i], (i, -oo, oo))
    evaluator = Evaluator(random.Random(0))
    assert (
        evaluator.value(infinite, {n: 3}) == 0
        and evaluator.value(infinite, {n: 4}) == evaluator.values[(X.label, (2,))]
    )
    assert isinstance(evaluator.value(sympy.Rational(1, 3) * n, {n: 2}), Fraction)
    y = sympy.Symbol("y")
    derivative = sympy.Derivative(y**3 * X[n], y) + sympy.Derivative(Sum(X[i] ** 2, (i, 0, 4)), X[n])
    assert evaluator.value(derivative, {y: 2, n: 3}) == 14 * evaluator.values[(X.label, (3,))]
    assert evaluator.value(sympy.UnevaluatedExpr(n) + n, {n: 2}) == 4


# --- declarations ---------------------------------------------------------------------------


def test_a_step_that_cannot_be_evaluated_fails_unless_it_says_why():
    f = Function("f")
    step = Step((f(n) + 1) ** 2, f(n) ** 2 + 2 * f(n) + 1, "binomial formula", EXPAND)
    report = Derivation("f", "f", "", steps=(step,)).check()
    assert not report.ok and "fails numerically: not evaluable" in report.failure()
    declared = Step(step.lhs, step.rhs, step.because, EXPAND, numeric=NotNumeric("f is any function"))
    report = Derivation("f", "f", "", steps=(declared,)).check()
    assert report.ok and "not numeric: f is any function" in str(report)
    assert Step(step.lhs, step.rhs, step.because, EXPAND, numeric="f is any function").numeric == declared.numeric


def test_numeric_false_without_a_reason_is_refused():
    with pytest.raises(VerificationError, match="NotNumeric"):
        Step(x + 1, sympy.Add(x, 2, -1, evaluate=False), "commute", STRUCTURAL, numeric=False)
    with pytest.raises(VerificationError, match="reason"):
        NotNumeric("  ")


def test_a_step_covered_by_a_check_names_one_the_derivation_has():
    step = Step((x + 1) ** 2, x**2 + 2 * x + 1, "square", EXPAND, numeric=NotNumeric("large", check="by numpy"))
    missing = Derivation("c", "c", "", steps=(step,)).check()
    assert not missing.ok and "does not have" in missing.failure()
    check = Check("by numpy", lambda rng: "1 case")
    covered = Derivation("c", "c", "", steps=(step,), checks=(check,)).check()
    assert covered.ok and "covered by the check 'by numpy'" in str(covered)


# --- hypotheses and where: printed, and the exact check uses them ---------------------------


def _inverse(hypotheses, bounds=(a, 0, s - 1)):
    """floor((a + s(h-1))/s) + 1 = h: true for 0 <= a < s only."""
    step = Step(floor((a + s * (h - 1)) / s) + 1, h, "$0 \\le a/s < 1$", integer_parts(bounds))
    return Derivation("inverse", "inverse", "", steps=(step,), hypotheses=hypotheses)


def test_hypotheses_and_where_are_printed():
    d = _inverse(a < s)
    assert "assuming a < s" in str(d) and "assuming a < s" in str(d.check())
    assert "\\text{assuming } a < s" in latex(d) and "\\text{assuming } a < s" in d.align()
    step = Step(
        KroneckerDelta(m, m + 1 - 1, evaluate=False) * X[m], X[m], "collapse", COLLAPSE, where=(m >= 0) & (m <= h - 1)
    )
    where = Derivation("w", "w", "", steps=(step,))
    assert "[where 0 <= m <= h - 1]" in str(where)  # a condition reads as a chain (print_condition)
    assert "\\quad (0 \\le m \\le h - 1)" in where.align()


@pytest.mark.parametrize("seed", range(20))
def test_a_proof_weakened_from_a_lt_s_to_a_le_s_fails(seed):
    assert _inverse(a < s).check(seed=seed).ok
    weakened = _inverse(a <= s).check(seed=seed)
    assert not weakened.ok and not weakened.steps[0].exact
    assert "a <= s - 1 does not follow" in weakened.failure()


def test_rule_bounds_must_follow_from_the_where_condition():
    step = Step(
        Piecewise((X[m], (m >= 0) & (m <= h - 1)), (0, True)),
        X[m],
        "inside",
        within_rule((m, 0, h - 1)),
        where=(m >= 0) & (m <= h),
    )
    report = Derivation("w", "w", "", steps=(step,)).check()
    assert not report.ok and "m <= h - 1 does not follow" in report.failure()
    tied = Step(step.lhs, step.rhs, step.because, step.via, where=(m >= 0) & (m <= h - 1))
    assert Derivation("w", "w", "", steps=(tied,)).check().ok


def test_a_where_on_a_free_letter_says_nothing_about_a_summation_variable():
    """The sum runs to m = h; the where-condition m <= h - 1 is about another m."""
    lhs = Sum(Piecewise((X[m], m <= h - 1), (0, True)), (m, 0, h))
    step = Step(lhs, Sum(X[m], (m, 0, h)), "inside", within_rule((m, 0, h - 1)), where=(m >= 0) & (m <= h - 1))
    report = Derivation("w", "w", "", steps=(step,)).check()
    detail = report.steps[0].exact_detail
    # refused by the rule itself (it cannot show the relation) or by the premises check
    assert not report.steps[0].exact and ("m <= h - 1 does not follow" in detail or "not shown" in detail)


def test_residues_need_their_variable_below_the_modulus():
    c, j, r = (
        sympy.Symbol("c", integer=True),
        sympy.Symbol("j", integer=True),
        sympy.Symbol("r", integer=True, positive=True),
    )
    assert unproved(residues(s, c).conditions(), r < s, [Sum(c, (c, 0, r - 1))]) == []
    assert unproved(residues(s, c).conditions(), r <= s + 1, [Sum(c, (c, 0, r - 1))]) == [c <= s - 1]
    assert unproved(residues(s, c).conditions(), r < s, [Sum(c, (c, 0, r - 1)), c + j]) != []  # c also free


# --- real exceptions ------------------------------------------------------------------------


def test_require_raises_a_verification_error():
    require(True, "fine")
    with pytest.raises(VerificationError, match="broken"):
        require(False, "broken")


def test_a_check_that_crashes_fails_the_derivation():
    def crash(rng):
        raise ValueError("no such spec")

    report = Derivation("c", "c", "", steps=(), checks=(Check("crash", crash),)).check()
    assert not report.ok and "ValueError: no such spec" in report.failure()


def test_no_plain_assert_in_the_library():
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in (ROOT / "symconv").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Assert)
    ]
    assert found == []


BROKEN = """
import sys
import symconv.indexmap as indexmap
position = indexmap.input_position
if sys.argv[1] == "broken":  # the input position off by one when the dilation is > 1
    def off_by_one(o, k, s=1, p=0, d=1):
        return position(o, k, s, p, d) + (1 if not hasattr(d, "free_symbols") and d > 1 else 0)
    indexmap.input_position = off_by_one
from symconv.cli.main import main
sys.exit(main(["prove", *sys.argv[2:]]))
"""


def test_a_broken_library_fails_under_python_optimize():
    """Under PYTHONOPTIMIZE=1 an assert vanishes; the checks must not."""
    env = {**os.environ, "PYTHONOPTIMIZE": "1"}
    names = ["conv-matrix-1d", "im2col-1d"]

    def prove(mode):
        command = [sys.executable, "-c", BROKEN, mode, *names]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)

    intact = prove("intact")
    assert intact.returncode == 0, intact.stdout + intact.stderr
    broken = prove("broken")
    assert broken.returncode == 1 and "FAIL" in broken.stdout, broken.stdout + broken.stderr
    assert "0 of 2 derivations verified" in broken.stderr
