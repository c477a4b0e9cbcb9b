"""Every rule refuses a false statement: one for each side condition, written with the public
proof API, refused at each of 20 seeds with a message that names the rule and the condition.

Most of these statements were reported verified before the rules checked their conditions
(issue 12): bound-variable capture through SUMS, split_sum, reindex and COLLAPSE; range
arguments taken on the user's word or checked only at the ends of a non-linear condition;
euclid and residues without integer, quotient and residue checks; ``x > 0`` rewritten as
``x >= 1`` for a real ``x``; SymPy's delta summation dropping a divisibility condition; arrays
compared flat. The correct instances at the end must still verify.
"""

from __future__ import annotations

import pytest
import sympy
from sympy import Abs, Array, Eq, Function, IndexedBase, KroneckerDelta, Lambda, Mod, Piecewise, Sum, floor

from symconv.proof import (
    COLLAPSE,
    DOIT,
    DOIT_EXPAND,
    EXPAND,
    LINEAR,
    STRUCTURAL,
    SUMS,
    WRITTEN_OUT,
    Derivation,
    LinearMap,
    Step,
    Transformation,
    euclid,
    integer_parts,
    reindex,
    residues,
    split_sum,
    within,
    zero_extension,
)
from symconv.proof.arithmetic import KnownSigns
from symconv.proof.sums import ExtendSum

SEEDS = range(20)
X, Y, W = IndexedBase("X"), IndexedBase("Y"), IndexedBase("W")
i, j, k, m, n, o, u, c, t, y = sympy.symbols("i j k m n o u c t y", integer=True)
h, q, s, positive_m, positive_k = sympy.symbols("h q s m k", integer=True, positive=True)
a, r = sympy.symbols("a r", integer=True, nonnegative=True)
x = sympy.Symbol("x", real=True)
unsigned = sympy.Symbol("s", integer=True)  # an integer of unknown sign


def _between(v, low, high):
    return (v >= low) & (v <= high)


def _indicator(value, modulus):
    return Piecewise((1, Eq(Mod(value, modulus), 0)), (0, True))


def _statement(lhs, rhs, rule: Transformation, where=sympy.true, hypotheses=sympy.true, numeric=True) -> Derivation:
    step = Step(lhs, rhs, "claimed", rule, where=where, numeric=numeric)
    return Derivation("false", "a false statement", "", steps=(step,), hypotheses=hypotheses)


# (identifier, the derivation, words the refusal must contain besides the rule's name)
FALSE = [
    # SUMS: a factor moved into a sum binding its letter; the order of dependent limits
    (
        "sums-capture",
        _statement(k * Sum(X[k], (k, 0, n)), Sum(k * X[k], (k, 0, n)), SUMS),
        ["bound variables are fresh", "k is both a free letter and a summation variable"],
    ),
    (
        "sums-dependent-limits",
        _statement(Sum(W[k] * Sum(X[i], (i, 0, k)), (k, 0, n)), Sum(W[k] * X[i], (k, 0, n), (i, 0, k)), SUMS),
        ["bound variables are fresh", "k is both"],
    ),
    (
        "sums-two-series",  # sum over j of the sums over i is 0, over i of the sums over j is 1
        _statement(
            Sum(KroneckerDelta(i, j) - KroneckerDelta(i, j + 1), (i, 0, sympy.oo), (j, 0, sympy.oo)),
            Sum(KroneckerDelta(i, j) - KroneckerDelta(i, j + 1), (j, 0, sympy.oo), (i, 0, sympy.oo)),
            SUMS,
        ),
        ["two infinite sums are not exchanged"],
    ),
    # split_sum: the new letters captured (outside and inside the sum), the modulus and the count
    (
        "split-capture-outside",
        _statement(
            t * Sum(X[k], (k, 0, s * positive_m - 1)),
            Sum(t * X[s * t + c], (c, 0, s - 1), (t, 0, positive_m - 1)),
            split_sum(k, s, t, c, positive_m),
        ),
        ["bound variables are fresh", "t is both"],
    ),
    (
        "split-capture-inside",
        _statement(
            Sum(t * X[k], (k, 0, s * positive_m - 1)),
            Sum(t * X[s * t + c], (c, 0, s - 1), (t, 0, positive_m - 1)),
            split_sum(k, s, t, c, positive_m),
        ),
        ["bound variables are fresh", "t is both"],
    ),
    (
        "split-modulus-sign",
        _statement(
            Sum(X[k], (k, 0, unsigned * m - 1)),
            Sum(X[unsigned * t + c], (c, 0, unsigned - 1), (t, 0, m - 1)),
            split_sum(k, unsigned, t, c, m),
        ),
        ["the modulus s is not shown to be a positive integer"],
    ),
    (
        "split-range",  # one term more than s m: the split would drop it
        _statement(
            Sum(X[k], (k, 0, s * positive_m)),
            Sum(X[s * t + c], (c, 0, s - 1), (t, 0, positive_m - 1)),
            split_sum(k, s, t, c, positive_m),
        ),
        ["the sum over k runs from 0 to m*s, not from 0 to m*s - 1"],
    ),
    (
        "split-count-integer",
        _statement(
            Sum(X[k], (k, 0, 2 * sympy.Symbol("m", positive=True) - 1)),
            Sum(X[2 * t + c], (c, 0, 1), (t, 0, sympy.Symbol("m", positive=True) - 1)),
            split_sum(k, 2, t, c, sympy.Symbol("m", positive=True)),
        ),
        ["the count m is not shown to be an integer"],
    ),
    # reindex: the new letter captured; a substitution that is not a bijection of the range
    (
        "reindex-capture",
        _statement(Sum(k * W[m], (m, 0, q - 1)), Sum(k * W[q - 1 - k], (k, 0, q - 1)), reindex(m, q - 1 - k, k)),
        ["bound variables are fresh", "k is both"],
    ),
    (
        "reindex-slope",
        _statement(Sum(W[m], (m, 0, q - 1)), Sum(W[k / q], (k, q * (q - 1), 0)), reindex(m, q * k, k)),
        ["not a bijection of the summation range"],
    ),
    (
        "reindex-offset",
        _statement(Sum(W[m], (m, 0, q - 1)), Sum(W[k + 1], (k, 0, q - 1)), reindex(m, k + sympy.Rational(1, 2), k)),
        ["must be an integer"],
    ),
    # COLLAPSE: dependent limits, capture in the body, a fractional solution, a reversed range
    (
        "collapse-dependent-limit",
        _statement(
            Sum(KroneckerDelta(k, j) * X[i], (i, 0, k), (k, 0, q)),
            Sum(Piecewise((X[i], (j >= 0) & (j <= q)), (0, True)), (i, 0, k)),
            COLLAPSE,
        ),
        ["bound variables are fresh", "k is both"],
    ),
    (
        "collapse-capture",
        _statement(
            Sum(KroneckerDelta(k, i) * Sum(X[i] * Y[k], (i, 0, q)), (k, 0, q)),
            Piecewise((Sum(X[i] * Y[i], (i, 0, q)), (i >= 0) & (i <= q)), (0, True)),
            COLLAPSE,
        ),
        ["bound variables are fresh", "i is both"],
    ),
    (
        "collapse-fractional-solution",
        _statement(
            Sum(KroneckerDelta(k, x) * X[k], (k, 0, n)), Piecewise((X[x], (x >= 0) & (x <= n)), (0, True)), COLLAPSE
        ),
        ["the solution k = x", "is not shown to be an integer"],
    ),
    (
        "collapse-reversed-range",
        _statement(
            Sum(KroneckerDelta(k, j) * X[k], (k, 0, n)), Piecewise((X[j], (j >= 0) & (j <= n)), (0, True)), COLLAPSE
        ),
        ["not to be reversed"],
    ),
    (
        "collapse-coefficient",
        _statement(
            Sum(KroneckerDelta(2 * k, j) * X[k], (k, 0, h)),
            Piecewise((X[j / 2], (j >= 0) & (j <= 2 * h)), (0, True)),
            COLLAPSE,
        ),
        ["not shown, left as they are", "KroneckerDelta"],
    ),
    (
        "collapse-variable-on-both-sides",  # k = k**2 has two solutions, 0 and 1: the sum is 2
        _statement(Sum(KroneckerDelta(k, k**2), (k, -sympy.oo, sympy.oo)), 1, COLLAPSE),
        ["not shown, left as they are", "KroneckerDelta(k, k**2)"],
    ),
    # DOIT / DOIT_EXPAND: SymPy's delta summation
    (
        "doit-divisibility",
        _statement(Sum(KroneckerDelta(2 * k, j), (k, 0, h)), Piecewise((1, (j >= 0) & (h >= j / 2)), (0, True)), DOIT),
        ["drops a divisibility condition", "use COLLAPSE or euclid"],
    ),
    (
        "doit-symbolic-stride",
        _statement(
            Sum(KroneckerDelta(s * k, j), (k, 0, h)), Piecewise((1, (h >= j / s) & (j / s >= 0)), (0, True)), DOIT
        ),
        ["drops a divisibility condition"],
    ),
    (
        "doit-expand-divisibility",
        _statement(
            Sum(KroneckerDelta(2 * k, j), (k, 0, h)), Piecewise((1, (j >= 0) & (h >= j / 2)), (0, True)), DOIT_EXPAND
        ),
        ["drops a divisibility condition"],
    ),
    (
        "doit-fractional-solution",
        _statement(Sum(KroneckerDelta(k, x), (k, 0, h)), Piecewise((1, (x >= 0) & (x <= h)), (0, True)), DOIT),
        ["is not shown to be an integer"],
    ),
    (
        "doit-reversed-range",
        _statement(Sum(KroneckerDelta(k, j), (k, 0, n)), Piecewise((1, (j >= 0) & (j <= n)), (0, True)), DOIT),
        ["not to be reversed"],
    ),
    # within: a cubic condition (false from h = 13), bounds on the user's word, a real x > 0
    (
        "within-cubic",
        _statement(
            Piecewise((X[m], 13 * h**2 - 8 * m * (h - 1 - m) * (m + 1) >= 0), (0, True)),
            X[m],
            within((m, 0, h - 1)),
            where=_between(m, 0, h - 1),
        ),
        ["is not of degree <= 1 in m"],
    ),
    (
        "within-unstated-bounds",
        _statement(Piecewise((X[m], _between(m, 0, h - 1)), (0, True)), X[m], within((m, 0, h - 1))),
        ["the bound 0 <= m does not follow from the hypotheses, the step's where"],
    ),
    (
        "within-wider-where",
        _statement(
            Piecewise((X[m], _between(m, 0, h - 1)), (0, True)), X[m], within((m, 0, h - 1)), where=_between(m, 0, h)
        ),
        ["the bound m <= h - 1 does not follow"],
    ),
    (
        "within-empty-range-forgotten",  # 0 <= m <= a allows a = 0: a >= 1 does not follow
        _statement(Piecewise((X[m], a >= 1), (0, True)), X[m], within((m, 0, a)), where=_between(m, 0, a)),
        ["not shown, left as they are", "a >= 1"],
    ),
    (
        "within-reversed-sum",
        _statement(Sum(Piecewise((X[k], k >= 0), (0, True)), (k, 0, n)), Sum(X[k], (k, 0, n)), within()),
        ["not shown, left as they are", "k >= 0"],
    ),
    (
        "within-declared-positive-summed-from-0",  # k is declared positive, but the sum starts at 0
        _statement(
            Sum(Piecewise((X[positive_k], positive_k * q >= q), (0, True)), (positive_k, 0, q)),
            Sum(X[positive_k], (positive_k, 0, q)),
            within(),
        ),
        ["not shown, left as they are", "k*q - q >= 0"],
    ),
    (
        "strict-real-within",
        _statement(Piecewise((1, x > 0), (0, True)), Piecewise((1, x >= 1), (0, True)), within()),
        ["x > 0 (strict: it becomes e - 1 >= 0 only between integers)"],
    ),
    (
        "strict-real-collapse",
        _statement(Piecewise((X[0], x > 0), (0, True)), Piecewise((X[0], x >= 1), (0, True)), COLLAPSE),
        ["x > 0 (strict"],
    ),
    # integer_parts: a quadratic argument (false from s = 19), bounds on the user's word, Mod(x, 0)
    (
        "integer-parts-quadratic",
        Derivation(
            "false",
            "",
            "",
            steps=(Step(floor(a * (s - 1 - a) / (4 * s)), 0, "claimed", integer_parts((a, 0, s - 1))),),
            hypotheses=a < s,
        ),
        ["is not of degree <= 1 in a"],
    ),
    (
        "integer-parts-weakened-hypothesis",  # size-inverse with a < s weakened to a <= s: false at a = s
        _statement(floor(((h - 1) * s + a) / s) + 1, h, integer_parts((a, 0, s - 1)), hypotheses=a <= s),
        ["the bound a <= s - 1 does not follow"],
    ),
    (
        "integer-parts-unstated-bounds",
        _statement(floor((s + a) / s), 1, integer_parts((a, 0, s - 1))),
        ["the bound a <= s - 1 does not follow"],
    ),
    (
        "integer-parts-zero-modulus",
        # declared not numeric: only the exact check (the rule) is under test here
        _statement(
            Mod(y, unsigned),
            y - unsigned * floor(y / unsigned),
            integer_parts(),
            numeric="the exact check is what is tested here",
        ),
        ["needs s != 0"],
    ),
    (
        "integer-parts-undecided",
        _statement(floor((s + a) / s), 1, integer_parts((a, 0, s)), hypotheses=a <= s),
        ["not shown, left as they are", "floor"],
    ),
    # euclid: a real symbol, a fractional quotient, residues out of range, a modulus of unknown sign
    (
        "euclid-real-symbol",
        _statement(KroneckerDelta(2 * x + 1, 0), 0, euclid(2)),
        ["is 0 only for integer x"],
    ),
    (
        "euclid-coefficient-not-divisible",  # y + 1 = 0 at y = -1: 2 divides neither 1 nor the coefficient of y
        _statement(KroneckerDelta(y + 1, 0), 0, euclid(2)),
        ["not shown, left as they are", "KroneckerDelta"],
    ),
    (
        "euclid-fractional-quotient",
        _statement(
            KroneckerDelta(s * u + r, s * o / 2 + c),
            KroneckerDelta(o / 2 - u, 0) * KroneckerDelta(c, r),
            euclid(s, (c, r)),
            where=_between(r, 0, s - 1) & _between(c, 0, s - 1),
        ),
        ["the quotient", "is not shown to be an integer"],
    ),
    (
        "euclid-residue-range",
        _statement(
            KroneckerDelta(s * u + r, s * o + c),
            KroneckerDelta(o - u, 0) * KroneckerDelta(c, r),
            euclid(s, (c, r)),
            where=_between(r, 0, s) & _between(c, 0, s - 1),
        ),
        ["the residue r is not shown to lie in 0..s - 1"],
    ),
    (
        "euclid-modulus-sign",
        _statement(
            KroneckerDelta(unsigned * u + r, unsigned * o + c),
            KroneckerDelta(o - u, 0) * KroneckerDelta(c, r),
            euclid(unsigned, (c, r)),
            where=_between(r, 0, 1) & _between(c, 0, 1),
        ),
        ["the modulus s is not shown to be a positive integer"],
    ),
    (
        "euclid-remainder-not-divisible",  # s a + r + 1 = s b + c does not split: s does not divide 1
        _statement(
            KroneckerDelta(s * u + r + 1, s * o + c),
            KroneckerDelta(o - u, 0) * KroneckerDelta(c, r),
            euclid(s, (c, r)),
            where=_between(r, 0, s - 1) & _between(c, 0, s - 1),
        ),
        ["not shown, left as they are", "KroneckerDelta"],
    ),
    (
        "euclid-relation-not-in-range",  # r <= s - 2 does not follow from 0 <= r <= s - 1
        _statement(
            Piecewise((1, r <= s - 2), (0, True)),
            1,
            euclid(s, (c, r)),
            where=_between(r, 0, s - 1) & _between(c, 0, s - 1),
        ),
        ["not shown, left as they are", "r <= s - 2"],
    ),
    # residues: the wrong end of the range, a residue out of range, a real x, the modulus, a square
    (
        "residues-wrong-end",
        _statement(Piecewise((1, a * Mod(y, s) >= a * (s - 1)), (0, True)), 1, residues(s)),
        ["not shown, left as they are", "Mod(y, s)"],
    ),
    (
        "residues-other-end",  # true at Mod(y, s) = 0 only
        _statement(Piecewise((1, Mod(y, s) <= 0), (0, True)), 1, residues(s)),
        ["not shown, left as they are", "Mod(y, s)"],
    ),
    (
        "residues-residue-range",
        _statement(Sum(_indicator(y - c, s), (c, 0, s)), 1, residues(s, c)),
        ["the residue c is not shown to lie in 0..s - 1"],
    ),
    (
        "residues-real-argument",
        _statement(Sum(_indicator(x - c, s), (c, 0, s - 1)), 1, residues(s, c)),
        ["x is not shown to be an integer"],
    ),
    (
        "residues-modulus-sign",
        _statement(
            Sum(_indicator(y - c, unsigned), (c, 0, unsigned - 1)),
            1,
            residues(unsigned, c),
            numeric="the exact check is what is tested here",
        ),
        ["the modulus s is not shown to be a positive integer"],
    ),
    (
        "residues-square",
        _statement(Piecewise((1, (2 * Mod(y, s + 1) - s) ** 2 >= 1), (0, True)), 1, residues(s + 1)),
        ["is not of degree <= 1 in Mod(y, s + 1)"],
    ),
    # definitions: a known function cannot be redefined
    (
        "zero-extension-known-function",
        _statement(floor(x / 2), x / 2, zero_extension((floor, Lambda(x, x)))),
        ["floor is not a new function"],
    ),
    # arrays: a 2x3 array is not a 3x2 one
    (
        "array-shapes",
        _statement(Array([[1, 2, 3], [4, 5, 6]]), Array([[1, 2], [3, 4], [5, 6]]), STRUCTURAL),
        ["shapes differ: (2, 3) != (3, 2)"],
    ),
    # the rules the bilinear derivations brought (symconv.proof.arithmetic, ExtendSum)
    (
        "known-signs-range",
        _statement(Abs(a - positive_k), positive_k - a, KnownSigns((a, 0, positive_k + 1)), where=a <= positive_k + 1),
        ["the sign of a - k does not follow from the bounds"],
    ),
    (
        "known-signs-unstated-bound",
        _statement(Abs(a - positive_k), positive_k - a, KnownSigns((a, 0, positive_k - 1))),
        ["its condition a <= k - 1 does not follow"],
    ),
    (
        "known-signs-not-linear",
        _statement(
            Abs(a**2 - positive_k), positive_k - a**2, KnownSigns((a, 0, positive_k - 1)), where=a <= positive_k - 1
        ),
        ["the sign of a**2 - k does not follow from the bounds"],
    ),
    (
        "extend-sum-nonzero-terms",
        _statement(
            Sum(k, (k, 0, positive_m)), Sum(k, (k, 0, positive_m + 1)), ExtendSum(k, positive_m, positive_m + 1)
        ),
        ["the added terms are not shown to be 0"],
    ),
    (
        "written-out-wrong-arithmetic",
        _statement(W[sympy.Add(2, 1, evaluate=False)], W[4], WRITTEN_OUT),
        ["W[1 + 2] != W[4]"],
    ),
    # LINEAR: the variables must be distinct
    (
        "linear-repeated-variables",
        _statement(LinearMap(sympy.Matrix([[1, 1]]), [X[0], X[0]]), [X[0]], LINEAR),
        ["the entries of X are not distinct"],
    ),
]


@pytest.mark.parametrize("derivation, words", [(d, w) for _, d, w in FALSE], ids=[name for name, _, _ in FALSE])
def test_a_false_statement_is_refused_at_every_seed(derivation, words):
    step = derivation.steps[0]
    for seed in SEEDS:
        report = derivation.check(seed=seed)
        assert not report.ok, f"seed {seed}: {report}"
        result = report.steps[0]
        assert not result.exact, f"seed {seed}: the exact check must refuse it"
    detail = report.steps[0].exact_detail
    named = step.via.name if not words[0].startswith("shapes differ") else ""
    assert named in detail, detail
    for word in words:
        assert word in detail, detail


def test_every_rule_has_a_false_statement():
    rules = {type(d.steps[0].via).__name__ for _, d, _ in FALSE}
    expected = {
        "Sums",
        "SplitSum",
        "Reindex",
        "Collapse",
        "Doit",
        "DoitExpand",
        "Within",
        "IntegerParts",
        "Euclid",
        "Residues",
        "ZeroExtension",
        "Transformation",
        "Linear",
        "KnownSigns",
        "ExtendSum",
        "WrittenOut",
    }
    assert expected <= rules, expected - rules


def _true(lhs, rhs, rule, where=sympy.true, hypotheses=sympy.true, numeric=True):
    step = Step(lhs, rhs, "true", rule, where=where, numeric=numeric)
    return Derivation("true", "a true statement", "", steps=(step,), hypotheses=hypotheses)


padded = Function("P")
TRUE = [
    ("sums-alpha", _true(Sum(X[i] * W[k], (i, 0, n), (k, 0, q)), Sum(Sum(W[j] * X[m], (m, 0, n)), (j, 0, q)), SUMS)),
    ("sums-factor", _true(W[0] * Sum(X[k], (k, 0, n)), Sum(W[0] * X[k], (k, 0, n)), SUMS)),
    (
        "sums-dependent-limits",
        # a factor moved into sums whose limits depend on each other (their order kept)
        _true(h * Sum(Sum(X[i], (i, 0, k)), (k, 0, n)), Sum(h * X[i], (i, 0, k), (k, 0, n)), SUMS),
    ),
    (
        "split",
        _true(
            Sum(X[k], (k, 0, s * positive_m - 1)),
            Sum(X[s * t + c], (c, 0, s - 1), (t, 0, positive_m - 1)),
            split_sum(k, s, t, c, positive_m),
        ),
    ),
    ("reindex", _true(Sum(W[q - 1 - m], (m, 0, q - 1)), Sum(W[k], (k, 0, q - 1)), reindex(m, q - 1 - k, k))),
    (
        "collapse-dependent-limit",
        _true(
            Sum(KroneckerDelta(k, j) * X[i], (i, 0, k), (k, 0, q)),
            Sum(Piecewise((X[i], (j >= 0) & (j <= q)), (0, True)), (i, 0, j)),
            COLLAPSE,
        ),
    ),
    (
        "collapse-no-capture",
        _true(
            Sum(KroneckerDelta(k, i) * Sum(X[i] * Y[k], (i, 0, q)), (k, 0, q)),
            Piecewise((Sum(X[j] * Y[i], (j, 0, q)), (i >= 0) & (i <= q)), (0, True)),
            COLLAPSE,
        ),
    ),
    (
        "doit-unit-coefficient",
        _true(Sum(KroneckerDelta(k, j) * X[k], (k, 0, h)), Piecewise((X[j], (j >= 0) & (j <= h)), (0, True)), DOIT),
    ),
    ("doit-one-term", _true(Sum(KroneckerDelta(s * k, j), (k, 0, 0)), KroneckerDelta(0, j), DOIT)),
    (
        "within-linear",
        _true(
            Piecewise((X[m], _between(m, 0, h - 1)), (0, True)),
            X[m],
            within((m, 0, h - 1)),
            where=_between(m, 0, h - 1),
        ),
    ),
    (
        "within-sum-bounds",
        _true(
            Sum(Piecewise((X[k], (k >= 0) & (k <= q - 1)), (0, True)), (k, 0, q - 1)),
            Sum(X[k], (k, 0, q - 1)),
            within(),
        ),
    ),
    ("strict-integers", _true(Piecewise((1, j > 0), (0, True)), Piecewise((1, j >= 1), (0, True)), within())),
    (
        "integer-parts",
        Derivation(
            "t", "", "", steps=(Step(floor((s + a) / s), 1, "t", integer_parts((a, 0, s - 1))),), hypotheses=a < s
        ),
    ),
    (
        "euclid-pairs",
        _true(
            KroneckerDelta(s * u + r, s * o + c),
            KroneckerDelta(u, o) * KroneckerDelta(r, c),
            euclid(s, (r, c)),
            where=_between(r, 0, s - 1) & _between(c, 0, s - 1),
        ),
    ),
    (
        "euclid-numeric",
        # both sides are 0 at every point: a numeric check would see only zeros, so it is declared
        _true(
            KroneckerDelta(2 * u + 1, 2 * o, evaluate=False),
            0,
            euclid(2),
            numeric="both sides are 0 at every integer point",
        ),
    ),
    ("residues-one-class", _true(Sum(_indicator(y - c, s), (c, 0, s - 1)), 1, residues(s, c))),
    (
        "residues-nonnegative-coefficient",
        _true(
            Piecewise((1, sympy.GreaterThan(a * Mod(y, s), 0, evaluate=False)), (0, True), evaluate=False),
            1,
            residues(s),
        ),
    ),
    (
        "zero-extension",
        _true(
            padded(m + 1),
            Piecewise((X[m + 1], (m >= -1) & (m <= h - 2)), (0, True)),
            zero_extension((padded, Lambda(i, Piecewise((X[i], (i >= 0) & (i <= h - 1)), (0, True))))),
        ),
    ),
    (
        "array-same-shape",
        _true(Array([[(y + 1) ** 2, 2, 3], [4, 5, 6]]), Array([[y**2 + 2 * y + 1, 2, 3], [4, 5, 6]]), EXPAND),
    ),
]


@pytest.mark.parametrize("derivation", [d for _, d in TRUE], ids=[name for name, _ in TRUE])
def test_a_correct_instance_still_verifies(derivation):
    report = derivation.check(seed=0)
    assert report.ok, report.failure()


# A condition's display form (Step.display_where) is checked like a side's: a false one fails the step.
_j, _x = sympy.symbols("j x", integer=True)
_WHERE = sympy.And(_j >= 0, _j <= _x - 1)
_FALSE_CONDITIONS = {
    "bound-off-by-one": "0 <= j <= x",
    "strict-for-non-strict": "0 < j <= x - 1",
    "a-conjunct-dropped": "j <= x - 1",
    "a-conjunct-added": "0 <= j <= x - 1, 0 <= x",
}


def _conditioned(display_where):
    from symconv.proof import EXPAND, Derivation, Step

    step = Step(
        (_j + 1) ** 2, _j**2 + 2 * _j + 1, "binomial formula", EXPAND, where=_WHERE, display_where=display_where
    )
    return Derivation("condition", "A condition as written", "", steps=(step,))


@pytest.mark.parametrize("text", _FALSE_CONDITIONS.values(), ids=_FALSE_CONDITIONS.keys())
def test_a_false_condition_as_written_fails_the_step(text):
    from symconv.proof import written_condition

    for seed in SEEDS:
        report = _conditioned(written_condition(text, j=_j, x=_x)).check(seed=seed)
        assert not report.ok and not report.steps[0].exact, f"seed {seed}: {report}"
    assert "condition: the display form" in report.steps[0].exact_detail


def test_a_true_condition_as_written_verifies_and_is_shown():
    from sympy.printing.latex import LatexPrinter

    from symconv.proof import written_condition

    derivation = _conditioned(written_condition("0 <= j < x", j=_j, x=_x))
    assert derivation.check().ok is False  # j < x is not written j <= x - 1: structure, not integers
    derivation = _conditioned(written_condition("0 <= j <= x - 1", j=_j, x=_x))
    assert derivation.check().ok
    assert derivation.steps[0].displayed().print_where(LatexPrinter()) == r"0 \le j \le x - 1"


def test_a_piecewise_as_built_with_a_false_condition_fails_the_step():
    from sympy.functions.elementary.piecewise import ExprCondPair

    from symconv.proof import EXPAND, Derivation, Step, as_built, written_condition

    checked = Piecewise((_j, (_j >= 0) & (_j <= _x - 1)), (0, True))
    for text, ok in (("0 <= j <= x - 1", True), ("0 <= j <= x", False), ("0 < j <= x - 1", False)):
        shown = as_built(
            Piecewise, as_built(ExprCondPair, _j, written_condition(text, j=_j, x=_x)), ExprCondPair(0, True)
        )
        step = Step(sympy.Add(checked, 0, evaluate=False), checked, "as built", EXPAND, display_rhs=shown)
        report = Derivation("piecewise", "A condition inside a Piecewise", "", steps=(step,)).check()
        assert report.ok is ok, (text, report)
