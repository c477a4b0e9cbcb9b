r"""Exact evaluation of an expression at a point: the arithmetic of the numeric checks.

Every free parameter has a value (an ``int`` or a ``Fraction``); every indexed symbol
(``W[1, 2]``, ``X[5]``) gets a random non-zero rational, the same wherever it occurs. Finite
sums are added term by term (SymPy's convention for reversed limits), Kronecker deltas,
piecewise conditions, ``Mod`` and ``floor`` are decided on numbers. Nothing here calls SymPy's
summation, so the numeric check does not share its mistakes (a delta whose variable has a
coefficient other than 1, say). An infinite sum is evaluated only against a Kronecker delta
linear in its variable, the one term the delta picks.

Anything that has no number as its value raises :class:`Unevaluable` with the reason: an
index that is not an integer, a parameter without a value, an undefined function, a sum
that is too long. So a check cannot pass because a side was left unevaluated.

>>> import random, sympy
>>> i, n = sympy.symbols("i n", integer=True)
>>> Evaluator(random.Random(0)).value(sympy.Sum(i**2, (i, 1, n)), {n: 3})
14
>>> Evaluator(random.Random(0)).value(sympy.IndexedBase("X")[n / 2], {n: 3})
Traceback (most recent call last):
...
symconv.proof.evaluation.Unevaluable: X[n/2]: the index 3/2 is not an integer
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any, Union

import sympy
from sympy import Basic
from sympy.core.relational import Relational

__all__ = ["Evaluator", "Unevaluable", "TooCostly", "Number"]

#: The values of the arithmetic: exact integers and fractions (and truth values of conditions).
Number = Union[int, Fraction, bool]


class Unevaluable(Exception):
    """An expression that has no number as its value at the point (the message says why)."""


class TooCostly(Exception):
    """The evaluation at this point needs more than the allowed number of operations."""


def _sympy_number(value: Number) -> Any:
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    return sympy.Integer(value)


def _integer(value: Number, what: Any) -> int:
    if isinstance(value, bool) or not (isinstance(value, int) or value.denominator == 1):
        raise Unevaluable(f"{sympy.sstr(what)}: {value} is not an integer")
    return int(value)


class Evaluator:
    """Evaluates SymPy expressions at points exactly, counting its operations.

    ``values`` keeps the random value of each indexed entry (``(label, indices)``), so that
    both sides of a step see the same numbers; :meth:`reset` draws new ones. ``limit`` bounds
    the operations of one evaluation (:class:`TooCostly` beyond it); ``work`` counts them all.
    """

    def __init__(self, rng: random.Random, limit: int = 10**7) -> None:
        self.rng = rng
        self.limit = limit
        self.work = 0
        self._budget = limit
        self.values: dict[tuple[Any, tuple[int, ...]], Fraction] = {}

    def reset(self) -> None:
        """New random values for the indexed entries (a new point)."""
        self.values = {}

    def begin(self) -> None:
        """Start counting towards ``limit`` afresh (a new point)."""
        self._budget = self.work + self.limit

    def value(self, expr: Any, point: dict[Any, Number]) -> Number:
        """The exact value of ``expr`` when each symbol of ``point`` has its value."""
        return self._eval(sympy.sympify(expr), dict(point))

    def _entry(self, label: Any, index: tuple[int, ...]) -> Fraction:
        key = (label, index)
        if key not in self.values:
            self.values[key] = self.rng.choice((-1, 1)) * Fraction(self.rng.randint(1, 9), self.rng.randint(1, 4))
        return self.values[key]

    def _eval(self, e: Any, env: dict[Any, Number]) -> Number:  # noqa: C901 - one case per kind of node
        self.work += 1
        if self.work > self._budget:
            raise TooCostly(f"more than {self.limit} operations")
        if isinstance(e, sympy.Integer):
            return int(e)
        if isinstance(e, sympy.Rational):
            return Fraction(int(e.p), int(e.q))
        if isinstance(e, sympy.Symbol):
            if e not in env:
                raise Unevaluable(f"{e} has no value")
            return env[e]
        if e is sympy.true or e is sympy.false:
            return bool(e)
        if isinstance(e, sympy.Add):
            return sum((self._eval(a, env) for a in e.args), 0)
        if isinstance(e, sympy.Mul):
            return self._product(e.args, env)
        if isinstance(e, sympy.Pow):
            return self._power(e, env)
        if isinstance(e, sympy.Indexed):
            indices = tuple(self._eval(i, env) for i in e.indices)
            for index in indices:
                if isinstance(index, bool) or not (isinstance(index, int) or index.denominator == 1):
                    raise Unevaluable(f"{sympy.sstr(e)}: the index {index} is not an integer")
            return self._entry(e.base.label, tuple(int(i) for i in indices))
        if isinstance(e, sympy.KroneckerDelta):
            return int(self._eval(e.args[0], env) == self._eval(e.args[1], env))
        if isinstance(e, sympy.Piecewise):
            for value, condition in e.args:
                if self._truth(condition, env):
                    return self._eval(value, env)
            raise Unevaluable(f"{sympy.sstr(e)}: no condition holds")
        if isinstance(e, Relational):
            return self._relation(e, env)
        if isinstance(e, sympy.And):
            return all(self._truth(a, env) for a in e.args)
        if isinstance(e, sympy.Or):
            return any(self._truth(a, env) for a in e.args)
        if isinstance(e, sympy.Not):
            return not self._truth(e.args[0], env)
        if isinstance(e, sympy.Mod):
            a, m = (self._eval(x, env) for x in e.args)
            if m == 0:
                raise Unevaluable(f"{sympy.sstr(e)}: modulus 0")
            return a % m  # a - m floor(a/m), as SymPy's Mod
        if isinstance(e, sympy.floor):
            return math.floor(self._eval(e.args[0], env))
        if isinstance(e, sympy.ceiling):
            return math.ceil(self._eval(e.args[0], env))
        if isinstance(e, sympy.Abs):
            value = self._eval(e.args[0], env)
            return -value if value < 0 else value
        if isinstance(e, (sympy.Max, sympy.Min)):
            values = [self._eval(a, env) for a in e.args]
            return max(values) if isinstance(e, sympy.Max) else min(values)
        if isinstance(e, sympy.Sum):
            return self._sum(e.function, list(e.limits), env)
        if isinstance(e, sympy.Derivative):
            return self._derivative(e, env)
        if isinstance(e, sympy.UnevaluatedExpr):
            return self._eval(e.args[0], env)
        return self._fallback(e, env)

    def _truth(self, condition: Any, env: dict[Any, Number]) -> bool:
        value = self._eval(condition, env)
        if not isinstance(value, bool):
            raise Unevaluable(f"{sympy.sstr(condition)} is not a condition")
        return value

    def _relation(self, e: Any, env: dict[Any, Number]) -> bool:
        a, b = self._eval(e.lhs, env), self._eval(e.rhs, env)
        if isinstance(e, sympy.Eq):
            return a == b
        if isinstance(e, sympy.Ne):
            return a != b
        if isinstance(e, sympy.StrictLessThan):
            return a < b
        if isinstance(e, sympy.LessThan):
            return a <= b
        if isinstance(e, sympy.StrictGreaterThan):
            return a > b
        if isinstance(e, sympy.GreaterThan):
            return a >= b
        raise Unevaluable(f"{sympy.sstr(e)}: an unknown relation")

    def _product(self, factors: Any, env: dict[Any, Number]) -> Number:
        # cheap factors first; a zero factor ends the product (all values are finite)
        ordered = sorted(factors, key=lambda f: isinstance(f, (sympy.Sum, sympy.Derivative)))
        result: Number = 1
        for factor in ordered:
            value = self._eval(factor, env)
            if value == 0:
                return 0
            result = result * value
        return result

    def _power(self, e: Any, env: dict[Any, Number]) -> Number:
        base, exponent = self._eval(e.base, env), self._eval(e.exp, env)
        if not (isinstance(exponent, int) or exponent.denominator == 1):
            raise Unevaluable(f"{sympy.sstr(e)}: a fractional power")
        if base == 0 and exponent < 0:
            raise Unevaluable(f"{sympy.sstr(e)}: division by zero")
        return Fraction(base) ** int(exponent) if exponent < 0 else base ** int(exponent)

    def _sum(self, body: Any, limits: list[Any], env: dict[Any, Number]) -> Number:
        """The sum over the last (outermost) limit of the sum over the others."""
        variable, low, high = limits[-1]
        inner = sympy.Sum(body, *limits[:-1]) if len(limits) > 1 else body
        if low.is_infinite or high.is_infinite:
            return self._infinite_sum(inner, variable, low, high, env)
        a = _integer(self._eval(low, env), low)
        b = _integer(self._eval(high, env), high)
        sign, values = 1, range(a, b + 1)
        if b < a - 1:  # SymPy's (Karr's) convention: sum_{a..b} = -sum_{b+1..a-1}
            sign, values = -1, range(b + 1, a)
        total: Number = 0
        scope = dict(env)
        for v in values:
            scope[variable] = v
            total += self._eval(inner, scope)
        return sign * total

    def _infinite_sum(self, body: Any, variable: Any, low: Any, high: Any, env: dict[Any, Number]) -> Number:
        """``sum_v delta(c v + e, 0) f(v)``: the one term ``v = -e/c`` (if an integer in range)."""
        terms = sympy.Add.make_args(body)
        if len(terms) > 1:
            return sum((self._infinite_sum(t, variable, low, high, env) for t in terms), 0)
        known = {k: _sympy_number(v) for k, v in env.items()}
        for factor in sympy.Mul.make_args(body):
            if not isinstance(factor, sympy.KroneckerDelta):
                continue
            difference = sympy.expand((factor.args[0] - factor.args[1]).xreplace(known))
            if variable not in difference.free_symbols or not difference.is_polynomial(variable):
                continue
            if sympy.degree(difference, variable) != 1 or difference.free_symbols != {variable}:
                continue
            c = difference.coeff(variable)
            root = -(difference - c * variable) / c
            if not root.is_Integer:
                return 0
            bounds_hold = (low.is_infinite or self._eval(low, env) <= root) and (
                high.is_infinite or root <= self._eval(high, env)
            )
            return self._eval(body, {**env, variable: int(root)}) if bounds_hold else 0
        raise Unevaluable(f"{sympy.sstr(sympy.Sum(body, (variable, low, high)))}: an infinite sum without a delta")

    def _derivative(self, e: Any, env: dict[Any, Number]) -> Number:
        """A derivative with respect to symbols or indexed entries, taken by SymPy with the other
        values put in (no summation), then evaluated."""
        by_symbol = {v for v, _ in e.variable_count if isinstance(v, sympy.Symbol)}
        known = {k: _sympy_number(v) for k, v in env.items() if k not in by_symbol}
        variables = [(v.xreplace(known), n) for v, n in e.variable_count]
        for v, _ in variables:
            indexed = isinstance(v, sympy.Indexed) and all(i.is_Integer for i in v.indices)
            if not (indexed or isinstance(v, sympy.Symbol)):
                raise Unevaluable(f"{sympy.sstr(e)}: a derivative with respect to {sympy.sstr(v)}")
        derivative = sympy.diff(e.expr.xreplace(known), *[x for v, n in variables for x in [v] * int(n)])
        if derivative.has(sympy.Derivative):
            raise Unevaluable(f"{sympy.sstr(e)}: the derivative is not evaluated")
        return self._eval(derivative, env)

    def _fallback(self, e: Any, env: dict[Any, Number]) -> Number:
        """Anything else (a determinant of numbers, say): SymPy evaluates it at the point."""
        if isinstance(e, sympy.core.function.AppliedUndef):
            raise Unevaluable(f"{sympy.sstr(e)}: an undefined function")
        known = {k: _sympy_number(v) for k, v in env.items()}
        done = e.xreplace(known).doit() if isinstance(e, Basic) else e
        if isinstance(done, Basic) and done.is_Rational:
            return self._eval(done, env)
        if isinstance(done, Basic) and done != e and not isinstance(done, type(e)):
            return self._eval(done, env)
        raise Unevaluable(f"{sympy.sstr(e)}: not evaluable to a number")
