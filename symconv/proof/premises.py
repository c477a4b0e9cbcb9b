r"""A rule's stated side conditions, proved from what a step is given.

A rule that relies on bounds (``0 <= a <= s - 1`` for :class:`~.integers.IntegerParts`, a
residue in ``0..s-1`` for :class:`~.integers.Residues`) states them
(:meth:`~.transformations.Transformation.conditions`); the checker does not take them on the
rule's word but proves that each follows from what the step is given:

- the derivation's ``hypotheses`` and the step's ``where``;
- the assumptions of the symbols (``s`` a positive integer: ``s >= 1``);
- for a summation variable, the limits of every sum that binds it (and nothing said about a
  free symbol of the same name).

A condition ``e >= 0`` follows when ``e`` minus at most two of the given facts is
non-negative for every value of the symbols, by their assumptions. A strict relation becomes
``e - 1 >= 0`` only between integers.

>>> import sympy
>>> a, s = sympy.symbols("a s", integer=True, positive=True)
>>> unproved([a <= s - 1], given=a < s)
[]
>>> unproved([a <= s - 1], given=a <= s)
[a <= s - 1]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import sympy
from sympy import Basic
from sympy.core.relational import Relational

__all__ = ["nonnegative_forms", "facts", "follows", "unproved", "bindings"]


def _nonnegative(expr: Any) -> bool:
    """Whether ``expr`` is >= 0 for all values of its symbols, by their assumptions (positive
    integers being >= 1)."""
    expr = sympy.together(sympy.expand(expr))
    if expr.is_nonnegative:
        return True
    shifted = {
        v: sympy.Dummy(v.name, integer=True, nonnegative=True) + 1
        for v in expr.free_symbols
        if v.is_integer and v.is_positive
    }
    return bool(shifted) and bool(sympy.together(sympy.expand(expr.xreplace(shifted))).is_nonnegative)


def _integer_valued(expr: Any) -> bool:
    return bool(sympy.sympify(expr).is_integer)


def nonnegative_forms(relation: Any) -> list[Any]:
    """The relation as expressions that must be ``>= 0`` (two for an equation; none when it is
    not a relation of these kinds). ``a < b`` is ``b - a - 1 >= 0`` only when ``b - a`` is an
    integer, else the weaker ``b - a >= 0``.

    >>> import sympy
    >>> i = sympy.Symbol("i", integer=True); x = sympy.Symbol("x", real=True)
    >>> nonnegative_forms(i < 3), nonnegative_forms(x < 3)
    ([2 - i], [3 - x])
    """
    if isinstance(relation, sympy.Eq):
        difference = sympy.expand(relation.lhs - relation.rhs)
        return [difference, -difference]
    if isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan, sympy.LessThan, sympy.StrictLessThan)):
        greater = isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan))
        big, small = (relation.lhs, relation.rhs) if greater else (relation.rhs, relation.lhs)
        difference = sympy.expand(big - small)
        if isinstance(relation, (sympy.StrictGreaterThan, sympy.StrictLessThan)) and _integer_valued(difference):
            difference -= 1
        return [difference]
    return []


def _conjuncts(condition: Any) -> list[Any]:
    condition = sympy.sympify(condition)
    if isinstance(condition, sympy.And):
        return [c for part in condition.args for c in _conjuncts(part)]
    return [condition] if isinstance(condition, Relational) else []


def facts(given: Any, symbols: Iterable[Any] = ()) -> list[Any]:
    """Expressions known to be ``>= 0``: the relations of ``given`` (a conjunction) and the
    signs the ``symbols`` are declared with."""
    found = [form for relation in _conjuncts(given) for form in nonnegative_forms(relation)]
    for v in symbols:
        if v.is_positive:
            found.append(v - 1 if v.is_integer else v)
        elif v.is_nonnegative:
            found.append(v)
        elif v.is_negative:
            found.append(-v - 1 if v.is_integer else -v)
        elif v.is_nonpositive:
            found.append(-v)
    return found


def follows(condition: Any, known: list[Any]) -> bool:
    """Whether the relation ``condition`` follows from the facts ``known`` (each ``>= 0``)."""
    forms = nonnegative_forms(condition)
    if not forms:
        return bool(sympy.sympify(condition) is sympy.true)
    return all(
        any(
            _nonnegative(form - sum(chosen, sympy.S.Zero))
            for size in range(3)
            for chosen in itertools.combinations(known, size)
        )
        for form in forms
    )


def bindings(obj: Any, variable: Any) -> list[tuple[Any, Any]]:
    """The limits ``(low, high)`` of every sum in ``obj`` that binds ``variable``."""
    found: list[tuple[Any, Any]] = []
    parts = obj if isinstance(obj, (list, tuple)) else [obj]
    for part in parts:
        if isinstance(part, (sympy.MatrixBase, sympy.NDimArray)):
            found += bindings(list(part), variable)
        elif isinstance(part, Basic):
            for s in part.atoms(sympy.Sum):
                found += [(low, high) for v, low, high in s.limits if v == variable]
    return found


def _free(objects: list[Any]) -> set[Any]:
    free: set[Any] = set()
    for obj in objects:
        if isinstance(obj, (list, tuple)):
            free |= _free(list(obj))
        elif isinstance(obj, (sympy.MatrixBase, sympy.NDimArray)):
            free |= _free(list(obj))
        elif isinstance(obj, Basic):
            free |= obj.free_symbols
        elif hasattr(obj, "matrix"):  # a LinearMap
            free |= _free([obj.matrix, obj.vector])
    return free


def unproved(conditions: Iterable[Any], given: Any = sympy.true, objects: Iterable[Any] = ()) -> list[Any]:
    """The conditions that do not follow from ``given``, the symbols' assumptions and, for a
    variable bound by sums in ``objects``, the limits of each of those sums.

    A summation variable is replaced by a fresh integer without assumptions, and nothing
    ``given`` says about a free symbol of the same name is used for it.
    """
    objects = [o for o in objects if o is not None]
    given = sympy.sympify(given)
    free = _free(objects)
    missing = []
    for condition in conditions:
        condition = sympy.sympify(condition)
        symbols = condition.free_symbols
        known = symbols | given.free_symbols
        bound = {v for v in symbols if bindings(objects, v)}
        if len(bound) > 1:
            missing.append(condition)
            continue
        ok = True
        if not bound or bound & free:  # the free occurrences: the given facts and the assumptions
            ok = follows(condition, facts(given, known))
        for v in bound:  # the bound occurrences: each sum's limits
            fresh = sympy.Dummy(v.name, integer=True)
            others = [f for f in facts(given, known - {v}) if v not in f.free_symbols]
            for low, high in bindings(objects, v):
                ok = ok and follows(condition.xreplace({v: fresh}), [*others, fresh - low, high - fresh])
        if not ok:
            missing.append(condition)
    return missing
