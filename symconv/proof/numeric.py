r"""Checks by random numeric substitution, failing closed.

Every free parameter gets a random value respecting its assumptions (integers for integer
symbols, positive where positive) and the step's conditions (the derivation's hypotheses
and the step's ``where``); every indexed symbol (``W[1, 2]``, ``X[5]``) gets a random
non-zero rational, the same on both sides; then both sides are evaluated exactly
(:mod:`.evaluation`) and must be equal numbers, entry by entry, with equal shapes.

Values are drawn on a logarithmic scale up to :data:`TOP` (30): small values are frequent
(so that strides and dilations up to 5 are common) and large ones occur; while at most half
of the points so far were non-zero, the next one is steered to where the sides are not zero
(:mod:`.sampling`). A step is checked at up to
:data:`MAX_POINTS` points while its cost stays within :data:`BUDGET` operations; an
expensive step gets fewer points and smaller values, never fewer than :data:`MIN_POINTS`
with non-zero values. A statement (``rhs=None``) is never steered: that would steer it
towards its truth.

The check fails, never passes by default, when

- the sides differ at a point (the point is named);
- a side cannot be evaluated (a fractional or symbolic index, an infinite sum other than
  against a Kronecker delta, an undefined function, a single point too costly even with the
  smallest values), or the sides have different shapes;
- fewer than :data:`MIN_POINTS` points satisfy the conditions with at least one non-zero
  value on either side: a check that saw only zeros proved nothing.

>>> import random, sympy
>>> x = sympy.Symbol("x")
>>> result = compare_numerically((x + 1)**2, x**2 + 2*x + 1, random.Random(0))
>>> result.ok, result.points
(True, 24)
>>> compare_numerically(x - x, 0, random.Random(0)).detail
'saw only zeros (at 96 points)'
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Basic, Indexed, MatrixBase, NDimArray, Symbol

from .compare import flat_entries
from .evaluation import Evaluator, Number, TooCostly, Unevaluable
from .linear import LinearMap
from .sampling import guard_groups, hypotheses_group, random_point, steer, sum_limits

__all__ = [
    "compare_numerically",
    "random_point",
    "parameters",
    "NumericResult",
    "MIN_POINTS",
    "MAX_POINTS",
    "BUDGET",
    "TOP",
]

#: A step's numeric check needs at least this many points where its conditions hold and its
#: sides are not all zero.
MIN_POINTS = 3
#: At most this many points per step (cheap steps get them all).
MAX_POINTS = 24
#: Operations of exact arithmetic one step may use before it stops drawing points (once it
#: has :data:`MIN_POINTS`); up to four times as many to reach :data:`MIN_POINTS`.
BUDGET = 60_000
#: The largest magnitude of a random integer (halved when one point costs too much).
TOP = 30
#: Draws per step in all (points that fail the conditions or cost too much included).
_DRAWS = 1000


@dataclass(frozen=True)
class NumericResult:
    """The outcome of a numeric check: ``ok``, a one-line ``detail``, the number of ``points``
    where both sides were evaluated, how many of them were not all zero (``nonzero``) and the
    largest magnitude of a parameter there (``largest``)."""

    ok: bool
    detail: str
    points: int = 0
    nonzero: int = 0
    #: the largest magnitude of a parameter at the points evaluated
    largest: int = 0


def _parts(obj: Any) -> list[Any]:
    if obj is None:
        return []
    if isinstance(obj, LinearMap):
        return list(obj.matrix.values()) + flat_entries(obj.vector)
    if isinstance(obj, MatrixBase):
        return list(obj.values())
    if isinstance(obj, NDimArray):
        return flat_entries(obj)
    if isinstance(obj, (tuple, list, sympy.Tuple)):
        return [p for item in obj for p in _parts(item)]
    return [obj]


def parameters(*objects: Any) -> list[Symbol]:
    """The free scalar symbols of the objects (not the labels of indexed bases), by name."""
    found: set[Symbol] = set()
    labels: set[Basic] = set()
    for obj in objects:
        for part in _parts(obj):
            if isinstance(part, Basic):
                labels |= {i.base.label for i in part.atoms(Indexed)}
                found |= {s for s in part.free_symbols if isinstance(s, Symbol)}
    return sorted(found - labels, key=str)


class _Object:
    """A side of a step prepared once: its shape and its entries (definitions substituted)."""

    def __init__(self, obj: Any, prepare: Callable[[Any], Any]) -> None:
        self.linear: tuple[dict[tuple[int, int], Any], list[Any], int] | None = None
        if isinstance(obj, LinearMap):
            matrix = {key: prepare(v) for key, v in obj.matrix.todok().items()}
            self.linear = (matrix, [prepare(x) for x in flat_entries(obj.vector)], obj.matrix.rows)
            self.shape: tuple[Any, ...] = (obj.matrix.rows, 1)
            self.entries: list[Any] = []
            return
        if isinstance(obj, sympy.MatrixExpr) and not isinstance(obj, MatrixBase):
            obj = obj.doit()  # an unevaluated product of small matrices
        if isinstance(obj, (tuple, list, sympy.Tuple)):
            items = [_Object(item, prepare) for item in obj]
            self.shape = ("sequence", *[item.shape for item in items])
            self.entries = [e for item in items for e in item.entries]
            if any(item.linear is not None for item in items):
                raise Unevaluable("a linear map inside a sequence")
        elif isinstance(obj, MatrixBase):
            self.shape, self.entries = tuple(obj.shape), [prepare(v) for v in flat_entries(obj)]
        elif isinstance(obj, NDimArray):
            self.shape, self.entries = tuple(obj.shape), [prepare(v) for v in flat_entries(obj)]
        else:
            self.shape, self.entries = (), [prepare(sympy.sympify(obj))]

    def expressions(self) -> list[Any]:
        """Every expression of this side (for the guards and sums that steer the points)."""
        if self.linear is not None:
            matrix, vector, _ = self.linear
            return list(matrix.values()) + vector
        return list(self.entries)

    def values(self, evaluator: Evaluator, point: dict[Symbol, Number]) -> list[Number]:
        if self.linear is not None:
            matrix, vector, rows = self.linear
            xs = [evaluator.value(x, point) for x in vector]
            result: list[Number] = [0] * rows
            for (r, c), v in matrix.items():
                result[r] += evaluator.value(v, point) * xs[c]
            return result
        return [evaluator.value(e, point) for e in self.entries]


def _index(n: int, shape: tuple[Any, ...]) -> Any:
    """The ``n``-th entry (row-major) by its index in ``shape``: ``(2, 3)``, not ``13``."""
    if shape and all(isinstance(size, int) for size in shape) and math.prod(shape) > n:
        index = []
        for size in reversed(shape):
            n, position = divmod(n, size)
            index.append(position)
        return tuple(reversed(index))
    return n


def _show(point: dict[Symbol, Number]) -> str:
    return ", ".join(f"{k}={v}" for k, v in point.items()) or "the given values"


def compare_numerically(
    lhs: Any,
    rhs: Any,
    rng: random.Random,
    *,
    hypotheses: Any = sympy.true,
    prepare: Callable[[Any], Any] | None = None,
    minimum: int = MIN_POINTS,
    maximum: int = MAX_POINTS,
    budget: int = BUDGET,
) -> NumericResult:
    """Compare ``lhs`` and ``rhs`` at random points satisfying ``hypotheses`` (see the module).

    ``rhs=None`` means ``lhs`` is a statement (a relation) that must hold at every point.
    ``prepare`` is applied to both sides first (to substitute definitions).
    """
    prepare = prepare or (lambda e: e)
    try:
        left = _Object(lhs, prepare)
        right = _Object(rhs, prepare) if rhs is not None else None
    except Unevaluable as reason:
        return NumericResult(False, f"not evaluable: {reason}")
    if right is not None and left.shape != right.shape:
        return NumericResult(False, f"shapes differ: {left.shape} != {right.shape}")
    symbols = sorted(set(parameters(lhs, rhs)) | set(parameters(hypotheses)), key=str)
    hypotheses = sympy.sympify(hypotheses)
    expressions = left.expressions() + (right.expressions() if right is not None else [])
    # steered towards non-zero values (never for a statement: that would steer towards its truth),
    # keeping the hypotheses
    groups = [g for g in (*guard_groups(expressions), hypotheses_group(hypotheses)) if g] if right is not None else []
    limits = sum_limits(expressions)
    evaluator = Evaluator(rng, limit=max(budget // minimum, 1))
    top, points, nonzero, unsatisfied, largest = TOP, 0, 0, 0, 0
    for _ in range(_DRAWS):
        spent = evaluator.work
        if nonzero >= minimum and (points >= maximum or spent >= budget):
            break
        if spent >= 4 * budget or points >= 4 * maximum:
            break
        try:
            point = random_point(symbols, rng, hypotheses, top=top, evaluator=evaluator)
            if point is not None and groups and 2 * nonzero <= points:  # steered while most points were zero
                steered = steer(point, groups, limits, rng, evaluator, top)
                evaluator.begin()
                if hypotheses is sympy.true or evaluator.value(hypotheses, steered) is True:
                    point = steered
        except Unevaluable as reason:
            return NumericResult(False, f"the conditions cannot be decided: {reason}", points, nonzero)
        if point is None:
            unsatisfied += 1
            if unsatisfied >= 3:
                break
            continue
        evaluator.reset()
        evaluator.begin()
        try:
            a = left.values(evaluator, point)
            b = right.values(evaluator, point) if right is not None else None
        except TooCostly:
            if top == 1:
                return NumericResult(False, "not evaluable: too costly even with the smallest values", points, nonzero)
            top = max(1, top // 2)
            continue
        except Unevaluable as reason:
            return NumericResult(False, f"not evaluable at {_show(point)}: {reason}", points, nonzero)
        except (ZeroDivisionError, TypeError, ValueError) as error:
            return NumericResult(False, f"not evaluable at {_show(point)}: {type(error).__name__}: {error}")
        if b is None:
            if not all(v is True for v in a):
                return NumericResult(False, f"false at {_show(point)}", points, nonzero)
            points, nonzero = points + 1, nonzero + 1
            largest = max([largest, *(abs(math.floor(v)) for v in point.values())])
            continue
        for n, (x, y) in enumerate(zip(a, b)):
            if isinstance(x, bool) != isinstance(y, bool) or x != y:
                where = f" (entry {_index(n, left.shape)})" if len(a) > 1 else ""
                return NumericResult(False, f"{x} != {y}{where} at {_show(point)}", points, nonzero)
        points += 1
        nonzero += any(v != 0 for v in a + b)
        largest = max([largest, *(abs(math.floor(v)) for v in point.values())])
    return _verdict(points, nonzero, largest if symbols else None, minimum, statement=rhs is None)


def _verdict(points: int, nonzero: int, largest: int | None, minimum: int, *, statement: bool) -> NumericResult:
    if statement and 0 < points < minimum:
        return NumericResult(
            False, f"only {points} points satisfy the conditions (at least {minimum} needed)", points, nonzero
        )
    if nonzero >= minimum:
        values = "no parameters" if largest is None else f"values up to {largest}"
        if statement:
            return NumericResult(True, f"holds at {points} points ({values})", points, nonzero, largest or 0)
        detail = f"equal at {points} points ({nonzero} not all zero, {values})"
        return NumericResult(True, detail, points, nonzero, largest or 0)
    if points == 0:
        return NumericResult(False, "no random point satisfies the conditions", points, nonzero)
    if nonzero == 0:
        return NumericResult(False, f"saw only zeros (at {points} points)", points, nonzero)
    return NumericResult(
        False, f"only {nonzero} of {points} points not all zero (at least {minimum} needed)", points, nonzero
    )
