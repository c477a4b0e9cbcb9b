r"""Random points for the numeric checks: values on a logarithmic scale, steered where a step
is non-zero.

A parameter gets a random value respecting its assumptions (an integer for an integer
symbol, positive where positive), its magnitude drawn on a logarithmic scale up to ``top``:
small values are frequent (strides and dilations up to 5 in about half the draws), large ones
occur. A random point of a convolution identity is mostly zero, though: the output position
reads outside the input. So points are *steered* (while most points so far were zero): the
guards under which the step's sides are non-zero (each Kronecker delta as an equation, each
piecewise condition) are made true by solving them for one integer parameter at a time, for
random values of the summation variables in their ranges (:func:`steer`). Steering only
chooses which points are drawn; every point is checked the same way.

>>> import random, sympy
>>> o, i = sympy.symbols("o i", integer=True)
>>> s, h = sympy.symbols("s h", integer=True, positive=True)
>>> p = sympy.Symbol("p", integer=True, nonnegative=True)
>>> guards = guard_groups([sympy.Sum(sympy.KroneckerDelta(i, s * o - p), (i, 0, h - 1))])
>>> point = steer({o: 2, s: 3, h: 4, p: 0}, guards, sum_limits([sympy.Sum(i, (i, 0, h - 1))]), random.Random(0))
>>> 0 <= 3 * 2 - point[p] <= 3
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import sympy
from sympy import Basic, Symbol
from sympy.core.relational import Relational

from .evaluation import Evaluator, Number, Unevaluable

__all__ = ["magnitude", "sample", "random_point", "guard_groups", "hypotheses_group", "sum_limits", "steer"]

#: Random draws per point before the conditions count as unsatisfiable there.
TRIES = 200


def magnitude(rng: random.Random, top: int) -> int:
    """An integer in ``0..top``, logarithmically distributed: small values often, ``top`` sometimes."""
    return min(top, int(math.exp(rng.random() * math.log(top + 1))) - 1)


def sample(symbol: Symbol, rng: random.Random, top: int) -> Number:
    """A random value for ``symbol``: an integer for an integer symbol, else a fraction; with
    the sign the symbol is declared with, magnitude up to ``top``."""
    below = max(top - 1, 0)
    if symbol.is_positive:
        numerator = 1 + magnitude(rng, below)
    elif symbol.is_nonnegative:
        numerator = magnitude(rng, top)
    elif symbol.is_negative:
        numerator = -1 - magnitude(rng, below)
    elif symbol.is_nonpositive:
        numerator = -magnitude(rng, top)
    elif rng.random() < 0.25:
        numerator = -1 - magnitude(rng, below)
    else:
        numerator = magnitude(rng, top)
    if symbol.is_integer:
        return numerator
    return Fraction(numerator, rng.randint(1, 6))


def _holds(hypotheses: Any, point: dict[Any, Number], evaluator: Evaluator) -> bool:
    evaluator.begin()
    return hypotheses is sympy.true or evaluator.value(hypotheses, point) is True


def random_point(
    symbols: list[Symbol],
    rng: random.Random,
    hypotheses: Any = sympy.true,
    *,
    top: int = 30,
    tries: int = TRIES,
    evaluator: Evaluator | None = None,
) -> dict[Symbol, Number] | None:
    """Random values for ``symbols`` (magnitudes up to ``top``) satisfying ``hypotheses``;
    ``None`` if ``tries`` draws found none. Raises :class:`~.evaluation.Unevaluable` when the
    hypotheses cannot be decided at a point.

    >>> import random, sympy
    >>> a, s = sympy.symbols("a s", integer=True, positive=True)
    >>> point = random_point([a, s], random.Random(1), a < s)
    >>> point[a] < point[s]
    True
    """
    evaluator = evaluator or Evaluator(rng)
    hypotheses = sympy.sympify(hypotheses)
    for _ in range(tries):
        point = {s: sample(s, rng, top) for s in symbols}
        if _holds(hypotheses, point, evaluator):
            return point
    return None


def _conjuncts(condition: Any) -> list[Any]:
    if isinstance(condition, sympy.And):
        return [c for part in condition.args for c in _conjuncts(part)]
    return [condition] if isinstance(condition, Relational) else []


def guard_groups(expressions: Iterable[Any]) -> list[tuple[Any, ...]]:
    """The conditions under which the expressions are non-zero, in groups that must hold
    together: a Kronecker delta as an equation, a piecewise condition as its relations."""
    groups: set[tuple[Any, ...]] = set()
    for expr in expressions:
        if not isinstance(expr, Basic):
            continue
        for delta in expr.atoms(sympy.KroneckerDelta):
            groups.add((sympy.Eq(*delta.args, evaluate=False),))
        for piecewise in expr.atoms(sympy.Piecewise):
            for _, condition in piecewise.args:
                relations = tuple(_conjuncts(condition))
                if relations:
                    groups.add(relations)
    return sorted(groups, key=str)


def hypotheses_group(hypotheses: Any) -> tuple[Any, ...]:
    """The relations of a conjunction of hypotheses, as one guard group (kept while steering)."""
    return tuple(_conjuncts(sympy.sympify(hypotheses)))


def sum_limits(expressions: Iterable[Any]) -> dict[Any, tuple[Any, Any]]:
    """The range of each summation variable (the first sum that binds it)."""
    limits: dict[Any, tuple[Any, Any]] = {}
    for expr in expressions:
        if isinstance(expr, Basic):
            for s in expr.atoms(sympy.Sum):
                for v, low, high in s.limits:
                    limits.setdefault(v, (low, high))
    return limits


def _linear(relation: Any, v: Any) -> tuple[Any, Any] | None:
    """``(c, rest)`` with ``lhs - rhs = c v + rest``, ``c`` and ``rest`` free of ``v``."""
    difference = sympy.expand(relation.lhs - relation.rhs)
    c = difference.coeff(v, 1)
    rest = sympy.expand(difference - c * v)
    if c == 0 or c.has(v) or rest.has(v):
        return None
    return c, rest


def _interval(relation: Any, c: Number, rest: Number) -> tuple[float, float]:
    """The integers ``v`` with ``c v + rest  (relation)  0``, as ``(lowest, highest)``."""
    value = Fraction(-rest) / Fraction(c)  # c v + rest = 0 at v = value
    inf = math.inf
    if isinstance(relation, sympy.Eq):
        return (int(value), int(value)) if value.denominator == 1 else (1, 0)
    # c v + rest >= 0 (> 0): v >= value when c > 0, v <= value when c < 0; reversed for <=, <
    greater = isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan))
    strict = isinstance(relation, (sympy.StrictGreaterThan, sympy.StrictLessThan))
    if greater == (c > 0):  # v >= value (v > value)
        return (math.floor(value) + 1 if strict else math.ceil(value), inf)
    return (-inf, math.ceil(value) - 1 if strict else math.floor(value))


def _sign_range(v: Any) -> tuple[float, float]:
    if v.is_positive:
        return (1, math.inf)
    if v.is_nonnegative:
        return (0, math.inf)
    if v.is_negative:
        return (-math.inf, -1)
    if v.is_nonpositive:
        return (-math.inf, 0)
    return (-math.inf, math.inf)


def steer(
    point: dict[Any, Number],
    groups: list[tuple[Any, ...]],
    limits: dict[Any, tuple[Any, Any]],
    rng: random.Random,
    evaluator: Evaluator | None = None,
    top: int = 30,
) -> dict[Any, Number]:
    """``point`` changed so that guard groups hold: for each group (in random order) and each
    relation of it that fails, one integer parameter linear in it is set to a random value
    satisfying the group's relations that contain it (summation variables take random values
    in their ranges). A parameter is set at most once; groups that cannot be satisfied so are
    left alone."""
    evaluator = evaluator or Evaluator(rng)
    point = dict(point)
    solved: set[Any] = set()
    for group in rng.sample(groups, len(groups)):
        local = dict(point)
        for relation in rng.sample(group, len(group)):
            try:
                if not _assign_bound(relation, local, limits, rng, evaluator, top):
                    continue
                evaluator.begin()
                if evaluator.value(relation, local) is True:
                    continue
            except (Unevaluable, ZeroDivisionError, TypeError):
                continue
            candidates = [v for v in sorted(relation.free_symbols & set(point) - solved, key=str) if v.is_integer]
            for v in rng.sample(candidates, len(candidates)):
                value = _solve(v, group, local, limits, rng, evaluator, top)
                if value is not None:
                    local[v] = point[v] = value
                    solved.add(v)
                    break
    return point


def _solve(
    v: Any,
    group: tuple[Any, ...],
    local: dict[Any, Number],
    limits: dict[Any, tuple[Any, Any]],
    rng: random.Random,
    evaluator: Evaluator,
    top: int,
) -> int | None:
    """A random integer value of ``v`` that satisfies the relations of ``group`` linear in
    ``v`` (the other values as in ``local``), with ``v``'s sign; ``None`` if there is none."""
    low, high = _sign_range(v)
    found = False
    for relation in group:
        linear = _linear(relation, v) if v in relation.free_symbols else None
        if linear is None:
            continue
        try:
            if not _assign_bound(relation, local, limits, rng, evaluator, top):
                continue
            evaluator.begin()
            c, rest = (evaluator.value(x, local) for x in linear)
        except (Unevaluable, ZeroDivisionError, TypeError):
            continue
        if isinstance(c, bool) or c == 0:
            continue
        a, b = _interval(relation, c, rest)
        low, high, found = max(low, a), min(high, b), True
    if not found or low > high:
        return None
    if math.isinf(low) and math.isinf(high):
        return int(sample(v, rng, top))
    if math.isinf(high):
        return int(low) + magnitude(rng, top)
    if math.isinf(low):
        return int(high) - magnitude(rng, top)
    return rng.randint(int(low), int(high))


def _assign_bound(
    relation: Any,
    local: dict[Any, Number],
    limits: dict[Any, tuple[Any, Any]],
    rng: random.Random,
    evaluator: Evaluator,
    top: int,
) -> bool:
    """Random values in their ranges for the summation variables of ``relation`` that have
    none yet; ``False`` when a variable has neither a value nor a range."""
    for v in sorted(relation.free_symbols - set(local), key=str):
        if v not in limits:
            return False
        low, high = limits[v]
        evaluator.begin()
        a = -top if low.is_infinite else evaluator.value(low, local)
        b = top if high.is_infinite else evaluator.value(high, local)
        if a > b or int(a) != a or int(b) != b:
            return False
        local[v] = rng.randint(int(a), int(b))
    return True
