r"""Exact comparison: apply a stated transformation, then compare structurally.

Matrices and arrays are compared entry by entry over their non-zeros only (a sparse
matrix is never made dense), and never with ``simplify``: each transformation is
cheap and says what it does (``expand`` the difference of two entries, ``doit`` the
sums, or collect the coefficients of linear forms).

>>> import sympy
>>> x, y = sympy.symbols("x y")
>>> same((x + y)**2, x**2 + 2*x*y + y**2, EXPAND)
(True, '')
>>> same(x, y, STRUCTURAL)[0]
False
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Add, Basic, Mul, MatrixBase, NDimArray
from sympy.printing.defaults import Printable

from ..sparse import nonzero_rows

__all__ = ["LinearMap", "Transformation", "STRUCTURAL", "EXPAND", "DOIT", "DOIT_EXPAND", "COLLAPSE", "SUMS", "LINEAR", "zero_extension", "same", "linear_coefficients",
           "first_difference"]


@dataclass(frozen=True)
class Transformation:
    """A named, cheap transformation applied to both sides before structural comparison.

    ``difference=True`` applies it to ``lhs - rhs`` and expects ``0`` instead.
    """

    name: str
    apply: Callable[[Any], Any]
    difference: bool = False
    #: definitions to substitute before a numeric check (``expr -> expr``)
    definitions: Callable[[Any], Any] | None = None

    def equal(self, lhs: Any, rhs: Any) -> bool:
        """Whether two scalar SymPy objects are equal after the transformation."""
        if lhs == rhs:
            return True
        if self.difference:
            value = self.apply(sympy.sympify(lhs) - sympy.sympify(rhs))
            return bool(value == 0 or getattr(value, "is_zero_matrix", False) is True)
        return bool(self.apply(lhs) == self.apply(rhs))


def _doit(expr: Any) -> Any:
    return expr.doit() if isinstance(expr, Basic) else expr


def _doit_expand(expr: Any) -> Any:
    value = _doit(expr)
    if isinstance(value, MatrixBase):
        return value.applyfunc(sympy.expand)
    return sympy.expand(value)


def _merge_sums(expr: Any) -> Any:
    """One ``Sum`` over all (rectangular) limits, in a fixed order, of an expanded body.

    Valid for finite sums whose limits do not depend on other summation variables:
    constant factors move inside, nested sums merge, and their order is irrelevant.
    """
    if isinstance(expr, sympy.Sum):
        body = _merge_sums(expr.function)
        limits = list(expr.limits)
        if isinstance(body, sympy.Sum):
            limits += list(body.limits)
            body = body.function
        variables = {limit[0] for limit in limits}
        if any(set(limit[1:]).__len__() and sympy.Tuple(*limit[1:]).free_symbols & variables for limit in limits):
            return sympy.Sum(body, *limits)  # not rectangular: keep the order
        return sympy.Sum(sympy.expand(body), *sorted(limits, key=lambda limit: str(limit[0])))
    if isinstance(expr, Mul):
        factors = [_merge_sums(f) for f in expr.args]
        sums = [f for f in factors if isinstance(f, sympy.Sum)]
        if len(sums) == 1:
            rest = Mul(*[f for f in factors if f is not sums[0]])
            return _merge_sums(sympy.Sum(rest * sums[0].function, *sums[0].limits))
        return Mul(*factors)
    if isinstance(expr, Basic) and expr.args and not isinstance(expr, sympy.Indexed):
        return expr.func(*[_merge_sums(a) for a in expr.args])
    return expr


def _integer_relation(rel: Any) -> Any:
    """``a >= b``, ``a > b``, ``a <= b``, ``a < b`` over the integers as ``e >= 0`` with ``e`` expanded."""
    if isinstance(rel, (sympy.GreaterThan, sympy.StrictGreaterThan, sympy.LessThan, sympy.StrictLessThan)):
        big, small = (rel.lhs, rel.rhs) if isinstance(rel, (sympy.GreaterThan, sympy.StrictGreaterThan)) \
            else (rel.rhs, rel.lhs)
        strict = isinstance(rel, (sympy.StrictGreaterThan, sympy.StrictLessThan))
        difference = sympy.expand(big - small - (1 if strict else 0))
        if difference.is_number:
            return sympy.true if difference >= 0 else sympy.false
        return sympy.GreaterThan(difference, 0, evaluate=False)
    return rel


def _zero_extension(expr: Any) -> Any:
    """Canonical zero-extended expressions: ``Piecewise((A, c), (0, True))`` with nested
    conditions merged by ``And`` and integer relations written ``e >= 0``."""
    expr = sympy.sympify(expr)
    if _is_zero_extension(expr):
        value, condition = expr.args[0]
        value = _zero_extension(value)
        condition = condition.replace(lambda e: isinstance(e, sympy.core.relational.Relational), _integer_relation)
        if _is_zero_extension(value):
            value, inner = value.args[0]
            condition = sympy.And(condition, inner)
        return sympy.Piecewise((value, condition), (0, True))
    if isinstance(expr, Mul):
        factors = [_zero_extension(a) for a in expr.args]
        extended = [f for f in factors if _is_zero_extension(f)]
        if len(extended) == 1:  # c * Piecewise((A, cond), (0, True)) = Piecewise((c A, cond), (0, True))
            (value, condition), _ = extended[0].args
            rest = Mul(*[f for f in factors if f is not extended[0]])
            return sympy.Piecewise((rest * value, condition), (0, True))
        return Mul(*factors)
    if isinstance(expr, Basic) and expr.args and not isinstance(expr, (sympy.Indexed, sympy.core.relational.Relational)):
        return expr.func(*[_zero_extension(a) for a in expr.args])
    return expr


def _is_zero_extension(expr: Any) -> bool:
    return isinstance(expr, sympy.Piecewise) and len(expr.args) == 2 and expr.args[1] == (0, True)


def zero_extension(*definitions: tuple[Any, Any]) -> "Transformation":
    """Substitute ``(function, Lambda)`` definitions (a zero-padded input, say), then
    compare zero-extended expressions canonically (:func:`_zero_extension`)."""
    def substitute(expr: Any) -> Any:
        expr = sympy.sympify(expr)
        for function, definition in definitions:
            expr = expr.replace(function, definition)
        return expr

    return Transformation("definitions substituted, zero extension compared",
                          lambda e: _zero_extension(_merge_sums(substitute(e))), definitions=substitute)


def _collapse(expr: Any) -> Any:
    return _zero_extension(_doit(expr))


#: Structural equality of the canonical SymPy forms.
STRUCTURAL = Transformation("structural equality", lambda e: e)
#: ``expand`` of the difference of two entries.
EXPAND = Transformation("expand", sympy.expand, difference=True)
#: ``doit`` (evaluate sums, deltas and products) on both sides.
DOIT = Transformation("doit", _doit)
#: ``doit``, fold piecewise, ``expand`` on the difference.
DOIT_EXPAND = Transformation("doit and expand", _doit_expand, difference=True)


#: ``doit`` (a sum against a Kronecker delta collapses), zero extensions compared canonically.
COLLAPSE = Transformation("sum over a Kronecker delta (doit), zero outside the range", _collapse)

#: Interchange and merge finite sums (constant factors moved inside), expand the bodies.
SUMS = Transformation("interchange of finite sums", _merge_sums)


def linear_coefficients(expr: Any, variables: dict[Basic, int]) -> dict[int, Any] | None:
    """The coefficients of a linear form in ``variables`` (``{variable: position}``).

    Walks the terms of ``expr`` once; returns ``None`` when a term is not linear in
    exactly one variable. No products are built when a term is ``coefficient*variable``.

    >>> import sympy
    >>> X = sympy.IndexedBase("X"); w = sympy.Symbol("w")
    >>> sorted(linear_coefficients(w*X[0] + 2*X[1] + w*X[1], {X[0]: 0, X[1]: 1}).items())
    [(0, w), (1, w + 2)]
    """
    result: dict[int, Any] = {}
    for term in Add.make_args(sympy.sympify(expr)):
        if term == 0:
            continue
        factors = Mul.make_args(term)
        found = [f for f in factors if f in variables]
        if len(found) != 1:
            return None
        rest = [f for f in factors if f is not found[0]]
        coefficient = rest[0] if len(rest) == 1 else Mul(*rest)
        position = variables[found[0]]
        result[position] = result[position] + coefficient if position in result else coefficient
    return {k: v for k, v in result.items() if v != 0}


def _entries(obj: Any) -> dict[Any, Any] | None:
    """Non-zero entries keyed by index, for matrices and arrays; ``None`` for scalars."""
    if isinstance(obj, MatrixBase):
        return {(r, c): v for r, row in nonzero_rows(obj).items() for c, v in row.items()}
    if isinstance(obj, NDimArray):
        return {k: v for k, v in enumerate(_flat(obj)) if v != 0}
    return None


def _shape(obj: Any) -> tuple[int, ...]:
    if isinstance(obj, MatrixBase):
        return tuple(obj.shape)
    return (len(obj),) if isinstance(obj, NDimArray) else ()


def first_difference(lhs: Any, rhs: Any, transformation: Transformation = STRUCTURAL) -> str:
    """'' when ``lhs`` equals ``rhs`` after the transformation, else a description of the first difference."""
    if transformation.name == LINEAR.name:
        return _linear_difference(lhs, rhs)
    if transformation.name in (DOIT.name, DOIT_EXPAND.name):
        lhs, rhs = _doit(lhs), _doit(rhs)  # unevaluated matrix products become matrices
    left, right = _entries(lhs), _entries(rhs)
    if left is None or right is None:
        if left is not None or right is not None:
            return f"cannot compare a {type(lhs).__name__} with a {type(rhs).__name__}"
        return "" if transformation.equal(lhs, rhs) else f"{sympy.sstr(lhs)} != {sympy.sstr(rhs)}"
    if _shape(lhs) != _shape(rhs):
        return f"shapes differ: {_shape(lhs)} != {_shape(rhs)}"
    for key in sorted(set(left) | set(right)):
        a, b = left.get(key, sympy.S.Zero), right.get(key, sympy.S.Zero)
        if not transformation.equal(a, b):
            return f"entry {key}: {sympy.sstr(a)} != {sympy.sstr(b)}"
    return ""


@dataclass(frozen=True, eq=False)
class LinearMap(Printable):
    """The product ``matrix * vector``, left unevaluated (``vector`` holds distinct variables).

    Compared with :data:`LINEAR` against expressions, it is never multiplied out.
    """

    matrix: MatrixBase
    vector: Any

    def doit(self, **hints: Any) -> MatrixBase:
        """The product itself (dense; only for small examples)."""
        return self.matrix * sympy.Matrix(_flat(self.vector))

    def _latex(self, printer: Any) -> str:
        return printer._print(self.matrix) + printer._print(sympy.Matrix(_flat(self.vector)))

    def _sympystr(self, printer: Any) -> str:
        return f"{printer._print(self.matrix)}*{printer._print(sympy.Matrix(_flat(self.vector)))}"


def _flat(values: Any) -> list[Any]:
    if isinstance(values, NDimArray) and values.rank() > 1:
        return list(values.reshape(len(values)))
    return list(values)


def _linear_difference(lhs: Any, rhs: Any) -> str:
    """Is ``rhs`` (expressions) equal to ``lhs`` (a :class:`LinearMap` ``C X``), coefficient by coefficient?"""
    if not isinstance(lhs, LinearMap):
        lhs, rhs = rhs, lhs
    if not isinstance(lhs, LinearMap):
        return "the linear-form comparison needs a LinearMap on one side"
    ys, xs = _flat(rhs), _flat(lhs.vector)
    if lhs.matrix.shape != (len(ys), len(xs)):
        return f"shapes differ: C is {lhs.matrix.shape}, Y has {len(ys)} and X has {len(xs)} entries"
    positions = {x: n for n, x in enumerate(xs)}
    rows = nonzero_rows(lhs.matrix)
    for r, y in enumerate(ys):
        coefficients = linear_coefficients(y, positions)
        if coefficients is None:
            return f"entry {r}: {sympy.sstr(y)} is not linear in the inputs"
        row = rows.get(r, {})
        for c in sorted(set(row) | set(coefficients)):
            a, b = row.get(c, sympy.S.Zero), coefficients.get(c, sympy.S.Zero)
            if not EXPAND.equal(a, b):
                return f"row {r}, coefficient of {sympy.sstr(xs[c])}: {sympy.sstr(a)} != {sympy.sstr(b)}"
    return ""


#: ``LinearMap(C, X) = Y``: the rows of ``C`` are the coefficients of the linear forms ``Y`` in ``X``.
LINEAR = Transformation("coefficients of the linear forms", lambda e: e)


def same(lhs: Any, rhs: Any, transformation: Transformation = STRUCTURAL) -> tuple[bool, str]:
    """``(True, '')`` when equal after the transformation, else ``(False, first difference)``."""
    detail = first_difference(lhs, rhs, transformation)
    return (not detail, detail)
