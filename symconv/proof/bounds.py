r"""What is known about the variables of a step: facts ``e >= 0`` and bounds ``low <= v <= high``.

The facts come from three places, and from nowhere else: the derivation's hypotheses and the
step's ``where`` (:func:`facts_of`), the limits of the sums that enclose an expression
(:meth:`Scope.inside`), and the symbols' assumptions (``positive``, ``nonnegative``). Whether
``e >= 0`` follows is decided by :func:`implied`: ``e`` minus at most two facts must be
non-negative by the assumptions alone (:func:`provably_nonnegative`).

A condition that must hold for every value of bounded variables is checked at the ends of the
ranges (:func:`extremes`); that is valid only when it has degree <= 1 in each bounded variable,
so anything else is refused with a :class:`~symconv.errors.SideConditionError`.

>>> import sympy
>>> c, r, s = sympy.symbols("c r s", integer=True)
>>> facts = facts_of((r >= 1) & (r < s)) + (c, r - 1 - c)  # 0 <= c <= r - 1 < s
>>> implied(s - 1 - c, facts)
True
>>> implied(s - 3 - c, facts)
False
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sympy
from sympy import Basic
from sympy.core.relational import Relational

from ..errors import SideConditionError
from .binders import is_binder, shown
from .conditions import canonical_relation

__all__ = [
    "facts_of",
    "implied",
    "provably_nonnegative",
    "strictly_below",
    "extremes",
    "Scope",
    "scoped_replace",
    "is_integer_range",
    "is_relation",
]

Bound = tuple[Any, Any, Any]


def facts_of(statement: Any) -> tuple[Any, ...]:
    """The conjuncts of ``statement`` that are relations, each as an expression ``e`` with ``e >= 0``
    (an equation gives two); other conjuncts are ignored.

    >>> import sympy
    >>> a, s = sympy.symbols("a s", integer=True)
    >>> facts_of((a >= 0) & (a < s))
    (a, -a + s - 1)
    """
    statement = sympy.sympify(statement)
    conjuncts = statement.args if isinstance(statement, sympy.And) else (statement,)
    facts: list[Any] = []
    for conjunct in conjuncts:
        if isinstance(conjunct, sympy.Eq):
            difference = sympy.expand(conjunct.lhs - conjunct.rhs)
            facts += [difference, -difference]
            continue
        canonical = canonical_relation(conjunct)
        if isinstance(canonical, (sympy.GreaterThan, sympy.StrictGreaterThan)) and canonical.rhs == 0:
            facts.append(canonical.lhs)
    return tuple(facts)


@lru_cache(maxsize=8192)
def _provably(expr: Any, strict: bool) -> bool:
    """Whether ``expr`` is >= 0 (> 0 when ``strict``) for all values of its symbols, by their
    assumptions, positive integers being >= 1."""
    expr = sympy.together(sympy.expand(expr))
    if (expr.is_positive if strict else expr.is_nonnegative) is True:
        return True
    shifted = {v for v in expr.free_symbols if v.is_integer and v.is_positive}
    if not shifted:
        return False
    moved = sympy.together(
        sympy.expand(expr.xreplace({v: sympy.Dummy(v.name, integer=True, nonnegative=True) + 1 for v in shifted}))
    )
    return bool(moved.is_positive if strict else moved.is_nonnegative)


def provably_nonnegative(expr: Any) -> bool:
    """Whether ``expr`` is >= 0 for all values of its symbols, positive integers being >= 1.

    >>> import sympy
    >>> s = sympy.Symbol("s", integer=True, positive=True)
    >>> provably_nonnegative(s - 1), provably_nonnegative(s - 2)
    (True, False)
    """
    return _provably(sympy.sympify(expr), False)


def strictly_below(expr: Any, bound: Any) -> bool:
    """``expr < bound`` for all values of the symbols: ``bound - expr`` is positive, positive
    integers being >= 1.

    >>> import sympy
    >>> s = sympy.Symbol("s", integer=True, positive=True)
    >>> strictly_below((2 * s - 1) / s, 2), strictly_below(s / s, 1)
    (True, False)
    """
    return _provably(sympy.sympify(bound - expr), True)


def implied(target: Any, facts: Iterable[Any] = (), *, strict: bool = False) -> bool:
    """Whether ``target >= 0`` (``> 0`` when ``strict``) follows from the facts (each ``>= 0``) and
    the assumptions: ``target`` minus the sum of at most two facts is non-negative (positive) for
    all values of its symbols."""
    target = sympy.expand(target)
    if target.is_number:
        return bool(target > 0) if strict else bool(target >= 0)
    if _provably(target, strict):
        return True
    facts = [f for f in dict.fromkeys(sympy.expand(f) for f in facts) if not f.is_number]
    for size in (1, 2):
        for chosen in itertools.combinations(facts, size):
            if _provably(sympy.expand(target - sum(chosen)), strict):
                return True
    return False


def extremes(expr: Any, bounds: Iterable[Bound], rule: str, condition: Any) -> list[Any]:
    """``expr`` at every combination of the ends of the bounded variables, innermost bound first
    (a bound may depend on the variables of the bounds before it).

    The minimum of ``expr`` over the ranges is among these values only if ``expr`` has degree
    <= 1 in each bounded variable at each stage; otherwise :class:`SideConditionError` names the
    ``condition`` and the ``rule``.

    >>> import sympy
    >>> a, b, h = sympy.symbols("a b h", integer=True)
    >>> extremes(a + b, ((a, 0, h), (b, 1, 2)), "rule", "a + b >= 0")
    [1, 2, h + 1, h + 2]
    >>> extremes(a**2, ((a, 0, h),), "rule", "a**2 >= 1")
    Traceback (most recent call last):
    ...
    symconv.errors.SideConditionError: rule: the condition a**2 >= 1 is not of degree <= 1 in a, ...
    """
    values = [sympy.expand(expr)]
    for variable, low, high in reversed(tuple(bounds)):
        if not any(variable in v.free_symbols for v in values):
            continue
        for value in values:
            poly = value.as_poly(variable)
            if poly is None or poly.degree() > 1:
                name = getattr(variable, "name", variable)
                raise SideConditionError(
                    rule,
                    f"the condition {shown(condition)} is not of degree <= 1 in {name}, so its values "
                    f"at the ends of {shown(low)} <= {name} <= {shown(high)} do not bound it",
                )
        values = [sympy.expand(v.xreplace({variable: end})) for end in (low, high) for v in values]
    return values


def is_integer_range(low: Any, high: Any) -> bool:
    """Whether both ends of a summation range are integers or infinite (a sum then runs over
    integers)."""
    return all(e.is_integer or e.is_infinite for e in (sympy.sympify(low), sympy.sympify(high)))


@dataclass(frozen=True)
class Scope:
    """The facts (``e >= 0``) and the bounds ``(v, low, high)`` (outermost first) valid at a place
    in an expression."""

    facts: tuple[Any, ...] = ()
    bounds: tuple[Bound, ...] = ()

    def forget(self, variable: Any) -> Scope:
        """Without what was known about ``variable`` (it is bound again, a different variable)."""
        return Scope(
            tuple(f for f in self.facts if variable not in f.free_symbols),
            tuple(b for b in self.bounds if b[0] != variable and variable not in sympy.Tuple(*b[1:]).free_symbols),
        )

    def inside(self, variable: Any, low: Any, high: Any) -> Scope:
        """Inside a sum over ``low <= variable <= high``: the bounds are known when the range is
        not reversed (``high >= low - 1``; SymPy sums a reversed range backwards, over values
        outside it), and an empty range makes the body irrelevant, so ``high >= low`` may be used."""
        scope = self.forget(variable)
        if not is_integer_range(low, high):
            return scope
        facts = list(scope.facts)
        if low.is_finite is not False:
            facts.append(sympy.expand(variable - low))
        if high.is_finite is not False:
            facts.append(sympy.expand(high - variable))
        if low.is_infinite or high.is_infinite:
            reversed_ = low == sympy.oo or high == -sympy.oo
            return scope if reversed_ else Scope(tuple(facts), scope.bounds)
        if not implied(high - low + 1, scope.facts):
            return scope
        facts.append(sympy.expand(high - low))
        return Scope(tuple(facts), (*scope.bounds, (variable, low, high)))


def scoped_replace(
    expr: Any,
    query: Callable[[Any], bool],
    rewrite: Callable[[Any, Scope], Any],
    scope: Scope,
) -> Any:
    """Like ``expr.replace(query, rewrite)`` (bottom up), but ``rewrite`` also receives the
    :class:`Scope` of the node: the given one, with the limits of the enclosing sums."""
    if not isinstance(expr, Basic):
        return expr
    if not expr.args or isinstance(expr, sympy.Indexed):
        return rewrite(expr, scope) if query(expr) else expr
    if is_binder(expr):
        inner = scope
        limits = []
        for variable, *ends in reversed(expr.limits):  # outermost first
            ends = [scoped_replace(e, query, rewrite, inner) for e in ends]
            is_sum = isinstance(expr, (sympy.Sum, sympy.Product)) and len(ends) == 2
            inner = inner.inside(variable, *ends) if is_sum else inner.forget(variable)
            limits.append((variable, *ends))
        function = scoped_replace(expr.function, query, rewrite, inner)
        node = expr.func(function, *reversed(limits))
    else:
        args = [scoped_replace(a, query, rewrite, scope) for a in expr.args]
        node = expr.func(*args) if args != list(expr.args) else expr
    return rewrite(node, scope) if query(node) else node


def is_relation(expr: Any) -> bool:
    """Whether ``expr`` is a relation (``>=``, ``<``, ``=``, ...)."""
    return isinstance(expr, Relational)


def bound_relations(bounds: Iterable[Bound]) -> tuple[Any, ...]:
    """``low <= v`` and ``v <= high`` for each ``(v, low, high)``: what a rule takes as given (its
    :meth:`~.transformations.Transformation.conditions`, which the checker proves from the step's premises)."""
    return tuple(r for v, low, high in bounds for r in (sympy.LessThan(low, v), sympy.LessThan(v, high)))
