r"""Transformations: the stated, cheap rewrites under which a step is checked, each an object.

A :class:`Transformation` rewrites both sides of a step (:meth:`~Transformation.apply`) and
compares the results structurally, entry by entry (:meth:`~Transformation.compare`). A rule
is a small subclass: its docstring states what it rewrites, and it overrides the comparison
when it compares differently (:class:`ZeroDifference` rewrites ``lhs - rhs`` instead; the
linear forms of :mod:`.linear` compare coefficients). The checker only calls these methods:
it never looks a rule up by its name. None calls ``simplify``.

Here the base class and the simple rules; the rules about sums, Kronecker deltas, integers
and linear forms live in the modules named after them.

>>> import sympy
>>> x = sympy.Symbol("x")
>>> EXPAND.equal((x + 1)**2, x**2 + 2*x + 1)
True
>>> same((x + 1)**2, x**2 + 2*x + 1, STRUCTURAL)
(False, '(x + 1)**2 != x**2 + 2*x + 1')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy
from sympy import Basic, MatrixBase

from .compare import first_difference

__all__ = [
    "Transformation",
    "ZeroDifference",
    "Composition",
    "Expand",
    "Doit",
    "DoitExpand",
    "STRUCTURAL",
    "EXPAND",
    "DOIT",
    "DOIT_EXPAND",
    "same",
    "doit",
    "evaluated",
]


class Transformation:
    r"""Structural equality, or a one-off rewrite given by a function: the base of every rule.

    ``Transformation()`` compares the SymPy objects as they are (:data:`STRUCTURAL`);
    ``Transformation(name, function)`` applies ``function`` to both sides first. A rule with
    parameters, conditions or its own comparison is a subclass that overrides :meth:`apply`
    and, where it compares differently, :meth:`equal` (scalars) or :meth:`compare` (whole
    objects).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> cancel = Transformation("cancel", sympy.cancel)
    >>> cancel.compare((x**2 - 1) / (x - 1), x + 1)
    ''
    >>> STRUCTURAL.compare((x**2 - 1) / (x - 1), x + 1)
    '(x**2 - 1)/(x - 1) != x + 1'
    """

    def __init__(self, name: str = "structural equality", function: Callable[[Any], Any] | None = None) -> None:
        #: what a report says the step was checked by
        self.name = name
        self.function = function

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    def apply(self, expr: Any) -> Any:
        """The rewritten expression (the object itself for structural equality)."""
        return expr if self.function is None else self.function(expr)

    def equal(self, lhs: Any, rhs: Any) -> bool:
        """Whether two scalars are equal after the rewrite."""
        return bool(lhs == rhs or self.apply(lhs) == self.apply(rhs))

    def compare(self, lhs: Any, rhs: Any) -> str:
        """``''`` when ``lhs`` equals ``rhs`` after the rewrite (entry by entry for matrices and
        arrays, with :meth:`equal`), else a description of the first difference."""
        return first_difference(lhs, rhs, self.equal)

    def confirm(self, statement: Any) -> str:
        """``''`` when ``statement`` (a relation) becomes true after the rewrite, else why not."""
        return "" if self.apply(statement) == sympy.true else f"{sympy.sstr(statement)} is not shown true"

    def unfold(self, expr: Any) -> Any:
        """``expr`` with the definitions this rule relies on substituted, for the numeric check
        (none here)."""
        return expr

    def conditions(self) -> tuple[Any, ...]:
        """The relations this rule takes as given (bounds of its variables; none here). The
        checker proves that they follow from the step's hypotheses, ``where``, the symbols'
        assumptions and the enclosing sums (:func:`~.premises.unproved`)."""
        return ()

    def then(self, other: Transformation, name: str = "") -> Transformation:
        """This rewrite, then ``other``'s (a :class:`Composition`)."""
        return Composition(self, other, name)


class ZeroDifference(Transformation):
    """A rewrite of the difference: ``lhs - rhs`` must become 0 (a zero matrix for matrices).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> ZeroDifference("factor", sympy.factor).equal(x**2 - 1, (x - 1) * (x + 1))
    True
    """

    def equal(self, lhs: Any, rhs: Any) -> bool:
        if lhs == rhs:
            return True
        value = self.apply(sympy.sympify(lhs) - sympy.sympify(rhs))
        return bool(value == 0 or getattr(value, "is_zero_matrix", False) is True)


class Composition(Transformation):
    """``first``'s rewrite, then ``second``'s, on both sides, compared structurally; the
    definitions of both are unfolded for the numeric check.

    >>> DOIT.then(EXPAND).name
    'doit; expand'
    """

    def __init__(self, first: Transformation, second: Transformation, name: str = "") -> None:
        super().__init__(name or f"{first.name}; {second.name}")
        self.first, self.second = first, second

    def apply(self, expr: Any) -> Any:
        return self.second.apply(self.first.apply(expr))

    def unfold(self, expr: Any) -> Any:
        return self.second.unfold(self.first.unfold(expr))

    def conditions(self) -> tuple[Any, ...]:
        return self.first.conditions() + self.second.conditions()


def doit(expr: Any) -> Any:
    """``expr.doit()`` for SymPy objects: sums, products, deltas and derivatives evaluated."""
    return expr.doit() if isinstance(expr, Basic) else expr


def evaluated(expr: Any) -> Any:
    """Arithmetic built with ``evaluate=False`` (to show it as written), evaluated again.

    >>> import sympy
    >>> evaluated(sympy.Add(1, 2, evaluate=False))
    3
    """
    if not isinstance(expr, Basic):
        return expr
    return expr.replace(lambda e: isinstance(e, (sympy.Add, sympy.Mul, sympy.Pow)), lambda e: e.func(*e.args))


class Expand(ZeroDifference):
    """``expand`` of the difference of two entries (arithmetic written unevaluated is evaluated first)."""

    def __init__(self) -> None:
        super().__init__("expand")

    def apply(self, expr: Any) -> Any:
        return sympy.expand(evaluated(expr))


class Doit(Transformation):
    """``doit`` on both sides: sums, deltas and products evaluated; an unevaluated product of
    matrices becomes a matrix before the entries are compared."""

    def __init__(self) -> None:
        super().__init__("doit")

    def apply(self, expr: Any) -> Any:
        return doit(expr)

    def compare(self, lhs: Any, rhs: Any) -> str:
        return super().compare(doit(lhs), doit(rhs))


class DoitExpand(ZeroDifference):
    """``doit``, then ``expand`` of the difference; an unevaluated product of matrices becomes a
    matrix before the entries are compared."""

    def __init__(self) -> None:
        super().__init__("doit and expand")

    def apply(self, expr: Any) -> Any:
        value = doit(expr)
        if isinstance(value, MatrixBase):
            return value.applyfunc(sympy.expand)
        return sympy.expand(value)

    def compare(self, lhs: Any, rhs: Any) -> str:
        return super().compare(doit(lhs), doit(rhs))


#: Structural equality of the canonical SymPy forms.
STRUCTURAL = Transformation()
#: ``expand`` of the difference of two entries.
EXPAND = Expand()
#: ``doit`` on both sides.
DOIT = Doit()
#: ``doit``, then ``expand`` of the difference.
DOIT_EXPAND = DoitExpand()


def same(lhs: Any, rhs: Any, transformation: Transformation = STRUCTURAL) -> tuple[bool, str]:
    """``(True, '')`` when equal after the transformation, else ``(False, first difference)``.

    >>> import sympy
    >>> x, y = sympy.symbols("x y")
    >>> same((x + y)**2, x**2 + 2*x*y + y**2, EXPAND)
    (True, '')
    >>> same(x, y)
    (False, 'x != y')
    """
    detail = transformation.compare(lhs, rhs)
    return (not detail, detail)
