r"""Bound variables: summation variables renamed apart, substitution that never captures a free
letter, and comparison up to the names of bound variables (alpha-equivalence).

A rule that moves a factor into a sum, substitutes a value for a variable, or introduces new
summation variables must never let a free letter be captured by a sum that binds the same
letter: ``k * Sum(X[k], (k, 0, n))`` is not ``Sum(k * X[k], (k, 0, n))``. The rules of
:mod:`.sums` and :mod:`.deltas` first rename every bound variable to a fresh ``Dummy`` of the
same name and assumptions (:func:`rename_apart`) or substitute with :func:`substitute`; the
transformations then compare both sides with their bound variables renamed canonically, by
depth (:func:`alpha_canonical`), so that ``Sum(X[i], (i, 0, n))`` equals ``Sum(X[j], (j, 0, n))``.

>>> import sympy
>>> c, k, n = sympy.symbols("c k n", integer=True)
>>> X = sympy.IndexedBase("X")
>>> moved = substitute(sympy.Sum(c * X[k], (k, 0, n)), {c: k})  # k * Sum(X[k]) moved inside
>>> k in moved.free_symbols  # the free k stays free: the bound k was renamed
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sympy
from sympy import Basic, Dummy, Symbol
from sympy.concrete.expr_with_limits import ExprWithLimits

__all__ = [
    "is_binder",
    "fresh",
    "range_assumptions",
    "bound_variable",
    "bound_symbols",
    "substitute",
    "rename_apart",
    "alpha_canonical",
    "free_and_bound",
    "shown",
]

#: dummy indices of the canonical bound variables (one per depth); far above SymPy's counter
_CANONICAL = 2**48


def is_binder(expr: Any) -> bool:
    """Whether ``expr`` binds variables in its limits (``Sum``, ``Product``, ``Integral``)."""
    return isinstance(expr, ExprWithLimits)


def fresh(symbol: Symbol) -> Dummy:
    """A new ``Dummy`` with the name and the assumptions of ``symbol``."""
    return Dummy(symbol.name, **symbol.assumptions0)


def range_assumptions(*ends: Any) -> dict[str, bool]:
    """What a summation range guarantees of its variable: an integer when its ends are integers
    (or infinite), nothing else (a variable declared positive may still be summed from 0)."""
    integer = all(getattr(e, "is_integer", False) or getattr(e, "is_infinite", False) for e in map(sympy.sympify, ends))
    return {"integer": True} if ends and integer else {}


def bound_variable(variable: Any, *ends: Any) -> Dummy:
    """A fresh summation variable named like ``variable``, with only the assumptions its range
    ``ends`` guarantees (:func:`range_assumptions`), not the user's declaration."""
    return Dummy(getattr(variable, "name", str(variable)), **range_assumptions(*ends))


def shown(expr: Any) -> str:
    """``expr`` as text for a message, renamed summation variables shown by their names (``k``, not ``_k``).

    >>> import sympy
    >>> shown(sympy.Dummy("k") + 1)
    'k + 1'
    """
    if not isinstance(expr, Basic):
        return str(expr)
    return sympy.sstr(expr.xreplace({d: Symbol(d.name) for d in expr.atoms(Dummy)}))


def bound_symbols(expr: Any) -> set[Basic]:
    """Every variable bound by a sum (or product, integral) somewhere in ``expr``.

    >>> import sympy
    >>> k, n = sympy.symbols("k n", integer=True)
    >>> bound_symbols(k * sympy.Sum(k, (k, 0, n)))
    {k}
    """
    if not isinstance(expr, Basic):
        return set()
    return {limit[0] for binder in expr.atoms(ExprWithLimits) for limit in binder.limits}


def free_and_bound(*exprs: Any) -> set[Basic]:
    """The letters that are free somewhere in ``exprs`` and bound by a sum somewhere in them."""
    basics = [e for e in exprs if isinstance(e, Basic)]
    free = set().union(*(e.free_symbols for e in basics)) if basics else set()
    bound = set().union(*(bound_symbols(e) for e in basics)) if basics else set()
    return free & bound


def substitute(expr: Any, mapping: Mapping[Any, Any], *, rename_all: bool = False) -> Any:
    """``expr`` with the free occurrences of the symbols in ``mapping`` replaced, never capturing:
    a bound variable that occurs in a substituted value is renamed to a fresh ``Dummy`` first.
    With ``rename_all`` every bound variable is renamed (see :func:`rename_apart`).

    >>> import sympy
    >>> i, j, n = sympy.symbols("i j n", integer=True)
    >>> substitute(sympy.Sum(i * j, (i, 0, n)), {j: 2}) == sympy.Sum(2 * i, (i, 0, n))
    True
    >>> substitute(sympy.Sum(i, (i, 0, j)), {i: 5}) == sympy.Sum(i, (i, 0, j))  # i is bound: untouched
    True
    """
    if not isinstance(expr, Basic):
        return expr
    values = {key: sympy.sympify(value) for key, value in mapping.items() if key != value}
    if not values and not rename_all:
        return expr
    return _substitute(expr, values, rename_all)


def _substitute(expr: Basic, mapping: dict[Any, Any], rename_all: bool) -> Basic:
    if expr in mapping:
        return mapping[expr]
    if not expr.args:
        return expr
    if not rename_all and not (expr.free_symbols & set(mapping)):
        return expr
    if is_binder(expr):
        function, limits = _substitute_limits(expr.function, list(expr.limits), mapping, rename_all)
        return expr.func(function, *limits)
    if isinstance(expr, sympy.Lambda):
        variables = expr.variables
        inner = {k: v for k, v in mapping.items() if k not in variables}
        if rename_all or any(set(variables) & v.free_symbols for v in inner.values()):
            renamed = {v: fresh(v) for v in variables}
            return sympy.Lambda(
                tuple(renamed[v] for v in variables), _substitute(expr.expr, {**inner, **renamed}, rename_all)
            )
        return sympy.Lambda(variables, _substitute(expr.expr, inner, rename_all))
    args = [_substitute(a, mapping, rename_all) if isinstance(a, Basic) else a for a in expr.args]
    return expr.func(*args) if args != list(expr.args) else expr


def _substitute_limits(
    function: Basic, limits: list[Any], mapping: dict[Any, Any], rename_all: bool
) -> tuple[Basic, list[Any]]:
    """The limits are listed innermost first (SymPy's order); the ends of a limit lie in the scope
    of the limits after it, the function in the scope of all."""
    if not limits:
        return _substitute(function, mapping, rename_all), []
    *inner, outer = limits
    variable, *ends = outer
    ends = [_substitute(e, mapping, rename_all) if isinstance(e, Basic) else e for e in ends]
    scoped = {k: v for k, v in mapping.items() if k != variable}
    if rename_all or any(variable in v.free_symbols for v in scoped.values()):
        renamed = bound_variable(variable, *ends) if isinstance(variable, Symbol) else fresh(variable)
        scoped[variable] = renamed
        variable = renamed
    function, inner = _substitute_limits(function, inner, scoped, rename_all)
    return function, [*inner, (variable, *ends)]


def rename_apart(expr: Any) -> Any:
    """Every bound variable renamed to a fresh ``Dummy`` of the same name, with only the assumptions
    its range guarantees (:func:`bound_variable`): afterwards no letter is bound twice, no bound
    letter equals a free one, and no rule infers from a summation variable's declaration what its
    range does not give (``k`` declared positive but summed from 0).

    >>> import sympy
    >>> k, n = sympy.symbols("k n", integer=True)
    >>> renamed = rename_apart(k * sympy.Sum(k, (k, 0, n)))
    >>> renamed.free_symbols == {k, n} and bound_symbols(renamed) != {k}
    True
    """
    return substitute(expr, {}, rename_all=True)


def alpha_canonical(expr: Any) -> Any:
    """``expr`` with each bound variable renamed to a canonical ``Dummy`` given by its depth: two
    expressions equal up to the names of their bound variables become equal.

    >>> import sympy
    >>> i, j, n = sympy.symbols("i j n", integer=True)
    >>> X = sympy.IndexedBase("X")
    >>> alpha_canonical(sympy.Sum(X[i], (i, 0, n))) == alpha_canonical(sympy.Sum(X[j], (j, 0, n)))
    True
    >>> alpha_canonical(sympy.Sum(X[i] * i, (i, 0, n))) == alpha_canonical(sympy.Sum(X[j] * i, (j, 0, n)))
    False
    """
    if not isinstance(expr, Basic) or not expr.has(ExprWithLimits):
        return expr
    return _canonical(expr, 0)


def _canonical(expr: Basic, depth: int) -> Basic:
    if not expr.args or not expr.has(ExprWithLimits):
        return expr
    if is_binder(expr):
        mapping: dict[Any, Any] = {}
        renamed = []
        for position, (variable, *ends) in enumerate(reversed(expr.limits)):  # outermost first
            ends = [_canonical(e.xreplace(mapping), depth) for e in ends]
            canonical = Dummy("bound", dummy_index=_CANONICAL + depth + position, **range_assumptions(*ends))
            mapping[variable] = canonical
            renamed.append((canonical, *ends))
        function = _canonical(expr.function.xreplace(mapping), depth + len(renamed))
        return expr.func(function, *reversed(renamed))
    return expr.func(*[_canonical(a, depth) if isinstance(a, Basic) else a for a in expr.args])
