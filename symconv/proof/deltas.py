r"""Kronecker deltas: a sum against a delta collapses (:data:`COLLAPSE`), leaving a zero
extension; zero-padded arrays are compared through their definitions (:class:`ZeroExtension`).

``sum_v delta(v, e) f(v) = f(e)`` when ``e`` is in the range of ``v``, 0 otherwise. Only a
coefficient +-1 of ``v`` in the delta is collapsed: SymPy's own delta summation divides by the
coefficient and drops the divisibility condition. The value ``e`` is put in everywhere ``v``
was bound, the limits of inner sums included, and never captured (bound variables are renamed
apart first). The canonical forms of deltas and of zero extensions are those of :mod:`.conditions`.

>>> import sympy
>>> i, j = sympy.symbols("i j", integer=True)
>>> X = sympy.IndexedBase("X")
>>> COLLAPSE.apply(sympy.Sum(sympy.KroneckerDelta(i, j + 1) * X[i], (i, 0, 9)))
Piecewise((X[j + 1], (j >= -1) & (j <= 8)), (0, True))
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import sympy
from sympy import Basic, Mul
from sympy.core.function import UndefinedFunction
from sympy.core.relational import Relational

from ..errors import SideConditionError
from ..notation import DEFINITIONS
from .binders import rename_apart, shown, substitute
from .bounds import implied, is_integer_range
from .conditions import canonical_zero_extension
from .sums import merge_sums
from .transformations import Transformation, explained

__all__ = ["Collapse", "COLLAPSE", "ZeroExtension", "zero_extension", "collapse_deltas", "derivatives_as_deltas"]


COLLAPSE_NAME = "sum against a Kronecker delta, zero outside the range"


def collapse_deltas(
    expr: Any, only: Collection[Any] | None = None, facts: tuple[Any, ...] = (), rule: str = COLLAPSE_NAME
) -> Any:
    """Sum a Kronecker delta against its summation variable: ``sum_v delta(v, e) f(v) = f(e)``
    when ``a <= e <= b`` (a ``Piecewise`` inside the remaining sums), 0 otherwise; only for the
    summation variables named in ``only`` when given.

    Only deltas whose argument difference has coefficient +-1 in ``v`` are collapsed (a
    coefficient ``d`` would need ``d | e``), and only when the sum over ``v`` can be taken
    innermost (no inner limit depends on ``v``, or ``e`` contains no inner summation variable);
    everything else is left as it is. A delta that is collapsed must satisfy the side conditions,
    else :class:`~symconv.errors.SideConditionError` (naming ``rule``): ``e`` is an integer and the
    range of ``v`` has integer ends and is not reversed (``b >= a - 1``, from the assumptions or
    ``facts``); SymPy sums a reversed range backwards, over values outside it.
    """
    names = None if only is None else {v.name for v in only}
    return _collapse(rename_apart(sympy.sympify(expr)), names, tuple(facts), rule)


def _collapse(expr: Any, names: set[str] | None, facts: tuple[Any, ...], rule: str) -> Any:
    if not isinstance(expr, Basic) or not expr.args or isinstance(expr, sympy.Indexed):
        return expr
    args = [_collapse(a, names, facts, rule) for a in expr.args]
    expr = expr.func(*args) if args != list(expr.args) else expr
    if not isinstance(expr, sympy.Sum):
        return expr
    if isinstance(sympy.expand(expr.function), sympy.Add):  # a sum of terms: each term on its own
        return sympy.Add(
            *[_collapse(sympy.Sum(term, *expr.limits), names, facts, rule) for term in sympy.expand(expr.function).args]
        )
    body, limits = expr.function, list(expr.limits)
    conditions: list[Any] = []
    progress = True
    while progress:
        progress = False
        for position, (variable, low, high) in enumerate(limits):
            if names is not None and variable.name not in names:
                continue
            factors = Mul.make_args(body)
            for factor in factors:
                value = _solution(factor, variable)
                if value is None:
                    continue
                inner = limits[:position]
                if value.free_symbols & {v for v, *_ in inner} and any(
                    variable in sympy.Tuple(*ends).free_symbols for _, *ends in inner
                ):
                    continue  # the sum over the variable cannot be moved inside: leave it
                if value.is_integer is not True:
                    raise SideConditionError(
                        rule,
                        f"the solution {variable.name} = {shown(value)} of {shown(factor)} is not shown to be "
                        "an integer",
                    )
                if not is_integer_range(low, high) or not implied(high - low + 1, facts):
                    raise SideConditionError(
                        rule,
                        f"the range {shown(low)} <= {variable.name} <= {shown(high)} is not shown to have integer "
                        f"ends and not to be reversed ({shown(high)} >= {shown(low)} - 1)",
                    )
                put = {variable: value}
                body = Mul(*[f for f in factors if f is not factor]).xreplace(put)
                conditions = [c.xreplace(put) for c in conditions]
                conditions += [value >= low] if low != -sympy.oo else []
                conditions += [value <= high] if high != sympy.oo else []
                limits = [(v, *(e.xreplace(put) for e in ends)) for v, *ends in inner] + limits[position + 1 :]
                progress = True
                break
            if progress:
                break
    if conditions:
        body = sympy.Piecewise((body, sympy.And(*conditions)), (0, True))
    return sympy.Sum(body, *limits) if limits else body


def _solution(factor: Any, variable: Any) -> Any:
    """``e`` when ``factor`` is a Kronecker delta of ``variable - e`` (coefficient +-1), else ``None``."""
    if not isinstance(factor, sympy.KroneckerDelta):
        return None
    difference = sympy.expand(factor.args[0] - factor.args[1])
    coefficient = difference.coeff(variable)
    rest = sympy.expand(difference - coefficient * variable)
    if coefficient not in (1, -1) or variable in rest.free_symbols:
        return None
    return sympy.expand(-rest / coefficient)


def derivatives_as_deltas(expr: Any) -> Any:
    """Evaluate derivatives one level (``d X_i / d X_j = delta(i, j)``), leaving the sums to
    :func:`collapse_deltas`."""
    return sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Derivative), lambda e: e.doit(deep=False))


class Collapse(Transformation):
    """A sum against a Kronecker delta collapses (derivatives evaluated first to deltas), zero
    outside the range; zero extensions compared canonically.

    Rewrites ``sum_{v=a}^{b} delta(v, e) f(v) = [a <= e <= b] f(e)``, ``e`` put in for ``v`` in the
    body and in the limits of inner sums. Side conditions (:func:`collapse_deltas`): coefficient
    +-1 of ``v`` in the delta (otherwise the delta is not collapsed); ``e`` does not contain a
    variable of an inner sum whose limits depend on ``v`` (otherwise not collapsed); ``e`` is an
    integer and the range has integer ends and is not reversed (checked, refused otherwise); no
    capture (ensured: bound variables are renamed apart).
    """

    def __init__(self) -> None:
        super().__init__(COLLAPSE_NAME)

    def apply(self, expr: Any) -> Any:
        return canonical_zero_extension(collapse_deltas(derivatives_as_deltas(expr), facts=self.facts, rule=self.name))

    def compare(self, lhs: Any, rhs: Any) -> str:
        return explained(self, super().compare(lhs, rhs), lhs, rhs, (sympy.KroneckerDelta, Relational))


#: A sum against a Kronecker delta collapses; zero extensions compared canonically.
COLLAPSE = Collapse()


def _library_definition(function: Any, definition: Any) -> bool:
    """Whether ``(function, definition)`` is one of the library's named objects with its own definition."""
    return any(function is cls and definition is own for cls, own in DEFINITIONS)


class ZeroExtension(Transformation):
    """Substitute ``(function, Lambda)`` definitions (a zero-padded input, say), merge finite
    sums, then compare zero extensions canonically; the numeric check substitutes the
    definitions too.

    Side conditions: each defined function is a new, undefined function (``Function("P")``), so
    that a definition cannot change the meaning of a known one such as ``floor``, or one of the
    library's own named objects with its own definition (:data:`symconv.notation.DEFINITIONS`:
    ``X^pad``, ``C_{o,i}``, ``Y^ins``, ``W^rot``, unfolded by their class) (checked, refused
    otherwise); substitution never captures (ensured); those of :data:`~.sums.SUMS`.

    >>> import sympy
    >>> i, m = sympy.symbols("i m", integer=True)
    >>> h = sympy.Symbol("h", integer=True, positive=True)
    >>> X, padded = sympy.IndexedBase("X"), sympy.Function("P")
    >>> rule = ZeroExtension((padded, sympy.Lambda(i, sympy.Piecewise((X[i], (i >= 0) & (i < h)), (0, True)))))
    >>> rule.equal(padded(m + 1), sympy.Piecewise((X[m + 1], (m >= -1) & (m < h - 1)), (0, True)))
    True
    >>> rule.equal(padded(m + 1), sympy.Piecewise((X[m + 1], (m >= 0) & (m < h - 1)), (0, True)))
    False
    """

    def __init__(self, *definitions: tuple[Any, Any]) -> None:
        super().__init__("definitions substituted, zero extension compared")
        self.definitions = definitions

    def unfold(self, expr: Any) -> Any:
        """``expr`` with the definitions of new functions put in (others are left: :meth:`apply` refuses them)."""
        expr = sympy.sympify(expr)
        for function, definition in self.definitions:
            if _library_definition(function, definition):
                expr = expr.replace(lambda e, cls=function: isinstance(e, cls), lambda e: e.unfold())
                continue
            if not isinstance(function, UndefinedFunction):
                continue
            variables = definition.variables
            expr = expr.replace(
                function, lambda *args, v=variables, e=definition.expr: substitute(e, dict(zip(v, args)))
            )
        return expr

    def apply(self, expr: Any) -> Any:
        for function, definition in self.definitions:
            if not isinstance(function, UndefinedFunction) and not _library_definition(function, definition):
                raise SideConditionError(self.name, f"{function} is not a new function: it cannot be defined")
        return canonical_zero_extension(merge_sums(self.unfold(expr)))

    def compare(self, lhs: Any, rhs: Any) -> str:
        return explained(self, super().compare(lhs, rhs), lhs, rhs, (Relational,))


#: :class:`ZeroExtension`, spelled as the derivations use it.
zero_extension = ZeroExtension
