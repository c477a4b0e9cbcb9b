r"""Checks by random numeric substitution.

Every free parameter gets a random value respecting its assumptions (integers for
integer symbols, positive where positive) and the derivation's hypotheses; sums and
deltas are evaluated; every remaining indexed symbol (``W[1, 2]``, ``X[5]``) gets a
random rational, the same on both sides. The two sides must then be equal numbers.

>>> import random, sympy
>>> x = sympy.Symbol("x")
>>> compare_numerically((x + 1)**2, x**2 + 2*x + 1, random.Random(0))
(True, 'equal at 3 random points')
"""

from __future__ import annotations

import random
from typing import Any

import sympy
from sympy import Basic, Indexed, MatrixBase, NDimArray, Rational, Symbol

from ..sparse import nonzero_rows
from .compare import flat_entries
from .linear import LinearMap

__all__ = ["compare_numerically", "random_point"]

_MAX_ENTRIES = 5000  # larger objects are checked by the derivations' own numeric checks


def _parts(obj: Any) -> list[Any]:
    if obj is None:
        return []
    if isinstance(obj, LinearMap):
        return list(obj.matrix.values()) + flat_entries(obj.vector)
    if isinstance(obj, MatrixBase):
        return list(obj.values())
    if isinstance(obj, NDimArray):
        return flat_entries(obj)
    if isinstance(obj, (tuple, list)):
        return [p for item in obj for p in _parts(item)]
    return [obj]


def _size(obj: Any) -> int:
    if isinstance(obj, LinearMap):
        return obj.matrix.rows * obj.matrix.cols
    if isinstance(obj, (MatrixBase, NDimArray)):
        return len(obj) if isinstance(obj, NDimArray) else obj.rows * obj.cols
    return 1


def parameters(*objects: Any) -> list[Symbol]:
    """The free scalar symbols of the objects (not the labels of indexed bases)."""
    found: set[Symbol] = set()
    labels: set[Basic] = set()
    for obj in objects:
        for part in _parts(obj):
            if isinstance(part, Basic):
                labels |= {i.base.label for i in part.atoms(Indexed)}
                found |= {s for s in part.free_symbols if isinstance(s, Symbol)}
    return sorted(found - labels, key=str)


def _sample(symbol: Symbol, rng: random.Random) -> Basic:
    if symbol.is_integer:
        low = 1 if symbol.is_positive else 0 if symbol.is_nonnegative else -4
        return sympy.Integer(rng.randint(low, low + 6))
    numerator = rng.randint(-9, 9)
    if symbol.is_positive:
        numerator = abs(numerator) + 1
    return Rational(numerator, rng.randint(1, 5))


def random_point(
    symbols: list[Symbol], rng: random.Random, hypotheses: Any = sympy.true, tries: int = 500
) -> dict[Symbol, Basic] | None:
    """Random values for ``symbols`` satisfying ``hypotheses`` (``None`` if none found)."""
    for _ in range(tries):
        point = {s: _sample(s, rng) for s in symbols}
        holds = sympy.sympify(hypotheses).xreplace(point) if hypotheses is not sympy.true else sympy.true
        if holds == sympy.true:
            return point
    return None


class _Values:
    """Random rationals for indexed symbols, the same for the same entry on both sides."""

    def __init__(self, rng: random.Random, prepare: Any = None) -> None:
        self.rng = rng
        self.prepare = prepare or (lambda e: e)
        self.values: dict[Basic, Basic] = {}

    def __call__(self, expr: Any, point: dict[Symbol, Basic]) -> Any:
        expr = _unroll(self.prepare(sympy.sympify(expr)).xreplace(point))
        atoms = expr.atoms(Indexed)
        for atom in atoms:
            if atom not in self.values:
                if not all(i.is_Integer for i in atom.indices):
                    raise _NotNumeric(f"{atom} has a symbolic index")
                self.values[atom] = Rational(self.rng.randint(-9, 9), self.rng.randint(1, 4))
        value = expr.xreplace({a: self.values[a] for a in atoms}) if atoms else expr
        value = value.doit() if isinstance(value, Basic) else value
        if isinstance(value, Basic) and value.free_symbols:
            raise _NotNumeric(f"{sympy.sstr(value)} is not a number")
        return value


class _NotNumeric(Exception):
    pass


#: Sums with more terms than this (all their variables together) are not written out.
_MAX_TERMS = 200_000


def _unroll(expr: Any) -> Any:
    """Finite sums with numeric limits written out term by term (deltas and piecewise
    conditions then evaluate to numbers): independent of SymPy's delta summation.

    A sum over several variables is written out in one pass: every point of its range
    (outer variables first, since inner limits may depend on them) is put into the body at
    once. Subexpressions without a sum are returned as they are, not rebuilt.

    >>> import sympy
    >>> i, n = sympy.symbols("i n", integer=True)
    >>> _unroll(sympy.Sum(i**2, (i, 1, 3)) + n)
    n + 14
    """
    if isinstance(expr, sympy.Sum):
        return _unroll_sum(expr.function, list(expr.limits))
    if isinstance(expr, Basic) and expr.args and not isinstance(expr, Indexed):
        args = [_unroll(a) for a in expr.args]
        if all(new is old for new, old in zip(args, expr.args)):
            return expr
        return expr.func(*args)
    return expr


def _unroll_sum(body: Basic, limits: list[Any]) -> Any:
    """The sum of ``body`` over ``limits`` (SymPy's order: innermost first), term by term.

    An empty range (upper limit below the lower one) gives no terms. A product is
    substituted factor by factor, deltas and conditions first: a term with a factor that is
    zero at the point is dropped without substituting the rest, when the rest is finite at
    every point (built from sums, products, powers with natural exponents, deltas and
    conditions), so that ``0 * (a finite value) = 0`` is all that is used.
    """
    points: list[dict[Basic, Basic]] = [{}]
    for variable, low, high in reversed(limits):
        expanded: list[dict[Basic, Basic]] = []
        for point in points:
            first, last = low.xreplace(point), high.xreplace(point)
            if not (first.is_Integer and last.is_Integer):
                raise _NotNumeric(f"{sympy.sstr(sympy.Sum(body, *limits))} has symbolic limits")
            expanded.extend({**point, variable: sympy.Integer(v)} for v in range(int(first), int(last) + 1))
            if len(expanded) > _MAX_TERMS:
                raise _NotNumeric("a sum with too many terms")
        points = expanded
    factors = sorted(sympy.Mul.make_args(body), key=lambda f: not isinstance(f, _SELECTORS))
    if len(factors) == 1 or not all(_finite_everywhere(f) for f in factors):
        return sympy.Add(*[_unroll(body.xreplace(point)) for point in points])
    terms = []
    for point in points:
        values = []
        for factor in factors:
            value = factor.xreplace(point)
            if value is sympy.S.Zero:
                break
            values.append(value)
        else:
            terms.append(_unroll(sympy.Mul(*values)))
    return sympy.Add(*terms)


#: Factors that select terms: substituted first, since they are often zero.
_SELECTORS = (sympy.KroneckerDelta, sympy.Piecewise)


def _finite_everywhere(expr: Basic) -> bool:
    """Whether ``expr`` has a finite value wherever its symbols are finite numbers (a
    sufficient test: sums, products, natural powers, deltas, conditions and finite sums)."""
    if expr.is_Atom or isinstance(expr, Indexed):
        return bool(expr.is_finite is not False) and expr not in (sympy.nan, sympy.zoo)
    if isinstance(expr, sympy.Pow):
        return bool(expr.exp.is_Integer and expr.exp >= 0) and _finite_everywhere(expr.base)
    if isinstance(expr, (sympy.Add, sympy.Mul, sympy.KroneckerDelta, sympy.Sum)):
        return all(_finite_everywhere(a) for a in expr.args)
    if isinstance(expr, sympy.Piecewise):
        return all(_finite_everywhere(e) for e, _ in expr.args)
    if isinstance(expr, (sympy.Tuple, sympy.logic.boolalg.Boolean)):
        return True
    return False


def _evaluate(obj: Any, point: dict[Symbol, Basic], values: _Values) -> Any:
    if isinstance(obj, LinearMap):
        xs = [values(x, point) for x in flat_entries(obj.vector)]
        rows = nonzero_rows(obj.matrix)
        return [
            sympy.Add(*[values(v, point) * xs[c] for c, v in rows[r].items()]) if r in rows else sympy.S.Zero
            for r in range(obj.matrix.rows)
        ]
    if isinstance(obj, (sympy.Tuple, tuple, list)):
        result: list[Any] = []
        for item in obj:
            value = _evaluate(item, point, values)
            result.extend(value if isinstance(value, list) else [value])
        return result
    if isinstance(obj, sympy.MatrixExpr) and not isinstance(obj, MatrixBase):
        obj = obj.doit()  # an unevaluated product of small matrices
    if isinstance(obj, (MatrixBase, NDimArray)):
        return [values(v, point) for v in flat_entries(obj)]
    return values(obj, point)


def compare_numerically(
    lhs: Any, rhs: Any, rng: random.Random, *, hypotheses: Any = sympy.true, trials: int = 3, prepare: Any = None
) -> tuple[bool | None, str]:
    """``(True, detail)`` if equal at ``trials`` random points, ``(False, detail)`` at the
    first point where not, ``(None, reason)`` when numbers make no sense here.

    ``rhs=None`` means ``lhs`` is a statement (a relation) that must hold at every point.
    ``prepare`` is applied to both sides first (to substitute definitions).
    """
    if max(_size(lhs), _size(rhs)) > _MAX_ENTRIES:
        return None, "too large for substitution (checked by the derivation's numeric checks)"
    symbols = parameters(lhs, rhs)
    if hypotheses is not sympy.true:  # the hypotheses' symbols are sampled too, so that they can be decided
        symbols = sorted(set(symbols) | set(parameters(hypotheses)), key=str)
    for _ in range(trials):
        point = random_point(symbols, rng, hypotheses)
        if point is None:
            return None, "no random point satisfies the hypotheses"
        values = _Values(rng, prepare)
        try:
            if rhs is None:
                holds = _evaluate(lhs, point, values)
                if holds != sympy.true:
                    return False, f"false at {_show(point)}"
                continue
            left, right = _evaluate(lhs, point, values), _evaluate(rhs, point, values)
        except _NotNumeric as reason:
            return None, str(reason)
        except (TypeError, ValueError) as error:
            return None, f"not evaluable at random points ({type(error).__name__})"
        left_list = left if isinstance(left, list) else [left]
        right_list = right if isinstance(right, list) else [right]
        if len(left_list) != len(right_list):
            return False, f"sizes differ at {_show(point)}"
        for n, (a, b) in enumerate(zip(left_list, right_list)):
            if sympy.sympify(a - b) != 0:
                where = f" (entry {n})" if len(left_list) > 1 else ""
                return False, f"{a} != {b}{where} at {_show(point)}"
    return True, f"equal at {trials} random points" if rhs is not None else f"holds at {trials} random points"


def _show(point: dict[Symbol, Basic]) -> str:
    return ", ".join(f"{k}={v}" for k, v in point.items()) or "the given values"
