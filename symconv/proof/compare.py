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

__all__ = ["LinearMap", "Transformation", "STRUCTURAL", "EXPAND", "DOIT", "DOIT_EXPAND", "COLLAPSE", "SUMS", "LINEAR", "zero_extension", "reindex", "same", "linear_coefficients",
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


def _canonical_deltas(expr: Any) -> Any:
    """``KroneckerDelta(a, b)`` depends on ``a - b`` only: rewrite it ``KroneckerDelta(a - b, 0)``,
    the difference expanded and its sign fixed."""
    def canonical(delta: Any) -> Any:
        difference = sympy.expand(delta.args[0] - delta.args[1])
        if difference.could_extract_minus_sign():
            difference = -difference
        return sympy.KroneckerDelta(difference, 0, evaluate=False)
    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.KroneckerDelta), canonical)


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
    if isinstance(expr, sympy.Indexed):
        return expr.base[tuple(sympy.expand(i) for i in expr.indices)]
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
    if isinstance(expr, Basic) and expr.args and not isinstance(expr, sympy.core.relational.Relational):
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


def _collapse_deltas(expr: Any, only: Any = None) -> Any:
    """Sum a Kronecker delta against its summation variable: ``sum_v delta(v, e) f(v) = f(e)``
    when ``a <= e <= b`` (a ``Piecewise`` inside the remaining sums), 0 otherwise.

    Only deltas whose argument difference has coefficient +-1 in ``v`` are collapsed (a
    coefficient ``d`` would need ``d | e``); everything else is left as it is.
    """
    expr = sympy.sympify(expr)
    if not isinstance(expr, Basic) or not expr.args or isinstance(expr, sympy.Indexed):
        return expr
    expr = expr.func(*[_collapse_deltas(a, only) for a in expr.args])
    if not isinstance(expr, sympy.Sum):
        return expr
    body, limits, conditions = expr.function, list(expr.limits), []
    progress = True
    while progress:
        progress = False
        for limit in limits:
            variable, low, high = limit
            if only is not None and variable not in only:
                continue
            factors = Mul.make_args(body)
            for factor in factors:
                if not isinstance(factor, sympy.KroneckerDelta):
                    continue
                difference = sympy.expand(factor.args[0] - factor.args[1])
                coefficient = difference.coeff(variable)
                rest = sympy.expand(difference - coefficient * variable)
                if coefficient not in (1, -1) or variable in rest.free_symbols:
                    continue
                value = -rest / coefficient
                body = Mul(*[f for f in factors if f is not factor]).xreplace({variable: value})
                conditions += [value >= low] if low != -sympy.oo else []
                conditions += [value <= high] if high != sympy.oo else []
                limits.remove(limit)
                progress = True
                break
            if progress:
                break
    if conditions:
        body = sympy.Piecewise((body, sympy.And(*conditions)), (0, True))
    return sympy.Sum(body, *limits) if limits else body


def _derivatives(expr: Any) -> Any:
    """Evaluate derivatives one level (``d X_i / d X_j = delta(i, j)``), leaving sums to :func:`_collapse_deltas`."""
    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Derivative), lambda e: e.doit(deep=False))


def _collapse(expr: Any) -> Any:
    return _zero_extension(_collapse_deltas(_derivatives(expr)))


def split_sum(variable: Any, modulus: Any, quotient: Any, remainder: Any, count: Any) -> Transformation:
    """Division with remainder: ``sum_{k=0}^{s m - 1} f(k) = sum_{t=0}^{m-1} sum_{c=0}^{s-1} f(s t + c)``
    (``k <-> (t, c)`` is a bijection), applied to sums over ``variable``; then :data:`SUMS`."""
    def change(s: Any) -> Any:
        limits = list(s.limits)
        for n, (v, low, high) in enumerate(limits):
            if v == variable and low == 0 and sympy.expand(high - (modulus * count - 1)) == 0:
                body = s.function.xreplace({variable: modulus * quotient + remainder})
                rest = limits[:n] + limits[n + 1:]
                return sympy.Sum(body, (remainder, 0, modulus - 1), (quotient, 0, count - 1), *rest)
        return s

    def apply(expr: Any) -> Any:
        changed = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), change)
        return _canonical_deltas(_merge_sums(_indicators(changed)))
    return Transformation(f"division with remainder: ${sympy.latex(variable)} = {sympy.latex(modulus)} "
                          f"{sympy.latex(quotient)} + {sympy.latex(remainder)}$", apply)


def _indicators(expr: Any) -> Any:
    """``Piecewise((1, Eq(a, b)), (0, True))`` is ``KroneckerDelta(a, b)``."""
    def rewrite(p: Any) -> Any:
        if len(p.args) == 2 and p.args[0][0] == 1 and isinstance(p.args[0][1], sympy.Eq) and p.args[1] == (0, True):
            return sympy.KroneckerDelta(*p.args[0][1].args)
        return p
    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Piecewise), rewrite)


def residues(modulus: Any, *variables: Any) -> Transformation:
    r"""Two facts about residues modulo ``s``, for ``variables`` ranging over ``0..s-1``:
    ``s | x - c  <=>  c = Mod(x, s)`` and ``0 <= Mod(x, s) <= s - 1``. Integer relations that
    hold at the bounds of every ``Mod`` become true; then deltas collapse as :data:`COLLAPSE`."""
    declared = set(variables)

    def divisibility(e: Any) -> Any:
        # Eq(Mod(x - c, s), 0) with c a declared residue: c = Mod(x, s)
        if isinstance(e, sympy.Eq) and e.args[1] == 0 and isinstance(e.args[0], sympy.Mod) \
                and e.args[0].args[1] == modulus:
            argument = e.args[0].args[0]
            for c in declared:
                coefficient = sympy.expand(argument).coeff(c)
                if coefficient == -1:
                    return sympy.Eq(c, sympy.Mod(sympy.expand(argument + c), modulus))
        return e

    def bounded(rel: Any) -> Any:
        canonical = _integer_relation(rel)
        if not isinstance(canonical, sympy.GreaterThan):
            return canonical
        e = canonical.lhs
        mods = [m for m in e.atoms(sympy.Mod) if m.args[1] == modulus]
        if not mods:
            return canonical
        lowest = e
        for m in mods:
            lowest = lowest.xreplace({m: 0 if sympy.expand(e).coeff(m).is_positive else modulus - 1})
        return sympy.true if sympy.expand(lowest).is_nonnegative else canonical

    def apply(expr: Any) -> Any:
        expr = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Eq), divisibility)
        expr = _collapse_deltas(_indicators(expr))
        expr = expr.replace(lambda e: isinstance(e, sympy.core.relational.Relational), bounded)
        expr = expr.replace(lambda e: isinstance(e, sympy.Piecewise), lambda p: p.func(*p.args))
        return sympy.expand(_doit(_canonical_deltas(expr)))
    return Transformation(f"residues modulo ${sympy.latex(modulus)}$: exactly one residue class, "
                          f"$0 \\le x \\bmod {sympy.latex(modulus)} < {sympy.latex(modulus)}$", apply)


def euclid(modulus: Any, *pairs: tuple[Any, Any], eliminate: Any = None) -> Transformation:
    """Uniqueness of division with remainder: ``delta(s A + r, s B + c) = delta(A, B) delta(r, c)``
    for residues ``0 <= r, c < s`` (given as ``(r, c)`` pairs); then the deltas are summed
    against the variables in ``eliminate`` (all summation variables by default)."""
    def split(delta: Any) -> Any:
        difference = sympy.expand(delta.args[0] - delta.args[1])
        for r, c in pairs:
            if difference.coeff(r) == 1 and difference.coeff(c) == -1:
                rest = sympy.expand(difference - r + c)
                quotient, remainder = sympy.div(rest, modulus) if rest.is_polynomial() else (None, rest)
                if quotient is not None and remainder == 0:
                    return sympy.KroneckerDelta(quotient, 0) * sympy.KroneckerDelta(r, c)
        return delta

    declared = {v for pair in pairs for v in pair}

    def in_range(rel: Any) -> Any:
        canonical = _integer_relation(rel)  # a residue r satisfies r >= 0 and s - 1 - r >= 0
        if isinstance(canonical, sympy.GreaterThan):
            e = sympy.expand(canonical.lhs)
            if e in declared or any(sympy.expand(e - (modulus - 1 - v)) == 0 for v in declared):
                return sympy.true
        return canonical

    def apply(expr: Any) -> Any:
        expr = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.KroneckerDelta), split)
        expr = _zero_extension(_collapse_deltas(_merge_sums(expr), eliminate))
        expr = expr.replace(lambda e: isinstance(e, sympy.core.relational.Relational), in_range)
        return expr.replace(lambda e: isinstance(e, sympy.Piecewise), lambda p: p.func(*p.args))
    return Transformation(f"division with remainder is unique (residues below ${sympy.latex(modulus)}$)", apply)


#: Structural equality of the canonical SymPy forms.
STRUCTURAL = Transformation("structural equality", lambda e: e)
#: ``expand`` of the difference of two entries.
EXPAND = Transformation("expand", sympy.expand, difference=True)
#: ``doit`` (evaluate sums, deltas and products) on both sides.
DOIT = Transformation("doit", _doit)
#: ``doit``, fold piecewise, ``expand`` on the difference.
DOIT_EXPAND = Transformation("doit and expand", _doit_expand, difference=True)


#: A sum against a Kronecker delta collapses (derivatives evaluated first); zero extensions
#: compared canonically.
COLLAPSE = Transformation("sum against a Kronecker delta, zero outside the range", _collapse)

#: Interchange and merge finite sums (constant factors moved inside), expand the bodies;
#: Kronecker deltas compared through the difference of their arguments.
SUMS = Transformation("interchange of finite sums", lambda e: _canonical_deltas(_merge_sums(e)))


def reindex(old: Any, substitution: Any, new: Any) -> Transformation:
    """Change the summation variable ``old`` to ``new`` with ``old = substitution(new)``
    (a linear bijection of the range, e.g. ``m = q - 1 - k``), then compare as :data:`SUMS`."""
    def apply(expr: Any) -> Any:
        def change(s: Any) -> Any:
            if any(limit[0] == old for limit in s.limits):
                return s.change_index(old, substitution.subs(new, old), new)
            return s
        changed = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Sum), change)
        return _canonical_deltas(_merge_sums(changed))
    return Transformation(f"substitute ${sympy.latex(old)} = {sympy.latex(substitution)}$ in the sum", apply)


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
