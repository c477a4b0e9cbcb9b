r"""Transformations: the stated, cheap rewrites under which a step is checked, each an object.

A :class:`Transformation` rewrites both sides of a step (:meth:`~Transformation.apply`) and
compares the results structurally, entry by entry, up to the names of bound summation
variables (:meth:`~Transformation.compare`). A rule is a small subclass: its docstring states
what it rewrites and its side conditions, and whether each is checked; it overrides the
comparison when it compares differently (:class:`ZeroDifference` rewrites ``lhs - rhs``
instead; the linear forms of :mod:`.linear` compare coefficients). The checker only calls
these methods, with the step's hypotheses given by :meth:`~Transformation.given`: it never
looks a rule up by its name. None calls ``simplify``.

A rule whose side condition is not met, or cannot be shown, refuses: it raises
:class:`~symconv.errors.SideConditionError`, naming itself and the condition, and the step
fails. A comparison that fails while a letter is both free and bound by a sum also refuses,
naming the letter (bound variables are renamed apart before any factor moves, so the letter
was not captured).

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

import copy
import inspect
from collections.abc import Callable
from typing import Any

import sympy
from sympy import Basic, MatrixBase, NDimArray

from ..errors import SideConditionError
from .binders import alpha_canonical, free_and_bound, shown
from .bounds import facts_of, implied, is_integer_range
from .compare import first_difference

__all__ = [
    "Transformation",
    "ZeroDifference",
    "Composition",
    "chain",
    "describe",
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
    "refuse_unsafe_delta_sums",
    "refuse_capture",
    "explained",
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

    ``doc`` gives a rule of your own its description (what it rewrites, its side conditions),
    which ``help(rule)``, :attr:`description` and the catalogue show.

    Side conditions: ``function`` must not change the value of what it rewrites (not checked: a
    rule of your own is as sound as its function, and the numeric check is what can catch it);
    both sides are rewritten by the same function; bound variables are compared up to their names.
    """

    def __init__(
        self, name: str = "structural equality", function: Callable[[Any], Any] | None = None, doc: str = ""
    ) -> None:
        #: what a report says the step was checked by
        self.name = name
        self.function = function
        #: what the step may assume: the derivation's hypotheses and the step's ``where``
        self.context: Any = sympy.true
        if doc:  # this rule's own description: help(rule) and the catalogue show it
            self.__doc__ = doc

    @property
    def description(self) -> str:
        """What the rule rewrites and its side conditions: its own ``__doc__`` when it was given one
        (``doc=``, or a composition's), else its class's docstring, without the examples.

        >>> print(EXPAND.description)
        ``expand`` of the difference of two entries (arithmetic written unevaluated is evaluated first).
        <BLANKLINE>
        Side conditions: none.
        """
        return describe(self.__doc__ or type(self).__doc__ or "")

    def __rshift__(self, other: Transformation) -> Transformation:
        """``a >> b``: ``a``'s rewrite, then ``b``'s comparison (:class:`Composition`)."""
        if not isinstance(other, Transformation):
            return NotImplemented
        return Composition(self, other)

    def given(self, context: Any) -> Transformation:
        """This rule for a step that may assume ``context`` (a SymPy Boolean: the derivation's
        hypotheses and the step's ``where``); rules that take bounds or signs from it use it.

        >>> import sympy
        >>> a = sympy.Symbol("a", integer=True)
        >>> STRUCTURAL.given(a >= 0).facts
        (a,)
        """
        clone = copy.copy(self)
        clone.context = sympy.sympify(context)
        return clone

    @property
    def facts(self) -> tuple[Any, ...]:
        """The relations of :attr:`context`, each as ``e`` with ``e >= 0``."""
        return facts_of(self.context)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    def apply(self, expr: Any) -> Any:
        """The rewritten expression (the object itself for structural equality)."""
        return expr if self.function is None else self.function(expr)

    def equal(self, lhs: Any, rhs: Any) -> bool:
        """Whether two scalars are equal after the rewrite, up to the names of bound variables."""
        return bool(lhs == rhs or alpha_canonical(self.apply(lhs)) == alpha_canonical(self.apply(rhs)))

    def compare(self, lhs: Any, rhs: Any) -> str:
        """``''`` when ``lhs`` equals ``rhs`` after the rewrite (entry by entry for matrices and
        arrays, with :meth:`equal`), else a description of the first difference; refuses
        (:class:`~symconv.errors.SideConditionError`) when they differ and a letter is both free and
        bound."""
        difference = first_difference(lhs, rhs, self.equal)
        if difference:
            refuse_capture(self.name, difference, lhs, rhs)
        return difference

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
        """This rewrite, then ``other``'s comparison (a :class:`Composition`, also ``self >> other``),
        reported as ``name`` when given."""
        return Composition(self, other, name)


def explained(rule: Transformation, difference: str, lhs: Any, rhs: Any, kinds: tuple[type, ...]) -> str:
    """A failed comparison's ``difference``, with the rule's name and what its rewrite of either
    side left as it was (the conditions of ``kinds`` it could not show: relations, integer parts,
    deltas), so that the message names the rule and the unmet conditions."""
    if not difference:
        return difference
    lhs, rhs = (sympy.sympify(side) if isinstance(side, (int, float)) else side for side in (lhs, rhs))
    if not all(isinstance(side, Basic) and not isinstance(side, MatrixBase) for side in (lhs, rhs)):
        return difference
    left: set[Any] = set()
    for side in (lhs, rhs):
        try:
            result = rule.apply(side)
        except Exception:  # the comparison itself already failed; only the explanation is lost
            continue
        left |= result.atoms(*kinds) if isinstance(result, Basic) else set()
    if not left:
        return f"{rule.name}: {difference}"
    items = []
    for item in sorted(left, key=sympy.default_sort_key):
        note = ""
        if isinstance(item, sympy.StrictGreaterThan):
            note = " (strict: it becomes e - 1 >= 0 only between integers)"
        items.append(shown(item) + note)
    return f"{rule.name}: {difference}; not shown, left as they are: {'; '.join(items)}"


def refuse_capture(rule: str, difference: str, lhs: Any, rhs: Any) -> None:
    """Raise :class:`~symconv.errors.SideConditionError` when a letter is both free and bound in the
    two sides of a comparison that failed: the statement relied on capturing it."""
    lhs, rhs = (sympy.sympify(side) if isinstance(side, (int, float)) else side for side in (lhs, rhs))
    if not all(isinstance(side, Basic) and not isinstance(side, MatrixBase) for side in (lhs, rhs)):
        return
    letters = free_and_bound(lhs, rhs)
    if letters:
        names = ", ".join(sorted(map(str, letters)))
        raise SideConditionError(
            rule,
            f"bound variables are fresh: {names} is both a free letter and a summation variable here; with "
            f"the summation variable renamed apart (no capture) the sides differ: {difference}",
        )


class ZeroDifference(Transformation):
    """A rewrite of the difference: ``lhs - rhs`` must become 0 (a zero matrix for matrices).

    Side conditions: those of the rewrite; a plain function must not change the value of what it
    rewrites (not checked, as for :class:`Transformation`).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> ZeroDifference("factor", sympy.factor).equal(x**2 - 1, (x - 1) * (x + 1))
    True
    """

    def equal(self, lhs: Any, rhs: Any) -> bool:
        if lhs == rhs:
            return True
        value = self.apply(alpha_canonical(sympy.sympify(lhs)) - alpha_canonical(sympy.sympify(rhs)))
        return bool(value == 0 or getattr(value, "is_zero_matrix", False) is True)


class Composition(Transformation):
    """``first``'s rewrite on both sides, then ``second``'s comparison of the results (entry by
    entry for matrices and arrays); the definitions of both are unfolded for the numeric check.
    Written ``first >> second``, ``first.then(second)`` or ``chain(first, second, ...)``; its
    description (``help``, :attr:`~Transformation.description`) is both rules' in turn.

    Side conditions: those of both rules, each checked by its rule (both are given the step's
    hypotheses).

    >>> (DOIT >> EXPAND).name
    'doit, then expand'
    """

    def __init__(self, first: Transformation, second: Transformation, name: str = "") -> None:
        super().__init__(name or f"{first.name}, then {second.name}")
        self.first, self.second = first, second
        self.__doc__ = (
            f"{first.name}, then {second.name}: the first rule's rewrite on both sides, then the second "
            "rule's comparison of the results.\n\nSide conditions: those of both rules, each checked by "
            "its rule.\n\n"
            f"First, {first.name}: {first.description}\n\nThen, {second.name}: {second.description}"
        )

    def given(self, context: Any) -> Transformation:
        clone = Composition(self.first.given(context), self.second.given(context), self.name)
        clone.context = sympy.sympify(context)
        return clone

    def apply(self, expr: Any) -> Any:
        return self.second.apply(self.first.apply(expr))

    def rewritten(self, side: Any) -> Any:
        """``side`` after the first rule's rewrite (entry by entry for matrices and arrays)."""
        if isinstance(side, (MatrixBase, NDimArray)):
            return side.applyfunc(self.first.apply)
        return self.first.apply(side)

    def equal(self, lhs: Any, rhs: Any) -> bool:
        return bool(lhs == rhs or self.second.equal(self.first.apply(lhs), self.first.apply(rhs)))

    def compare(self, lhs: Any, rhs: Any) -> str:
        difference = self.second.compare(self.rewritten(lhs), self.rewritten(rhs))
        if difference:
            refuse_capture(self.name, difference, lhs, rhs)
        return difference

    def confirm(self, statement: Any) -> str:
        return self.second.confirm(self.rewritten(statement))

    def unfold(self, expr: Any) -> Any:
        return self.second.unfold(self.first.unfold(expr))

    def conditions(self) -> tuple[Any, ...]:
        return self.first.conditions() + self.second.conditions()


def chain(*rules: Transformation, name: str = "") -> Transformation:
    """The rules' rewrites in turn, the last one's comparison: ``chain(a, b, c)`` is ``a >> b >> c``
    (reported as ``name`` when given).

    >>> chain(DOIT, EXPAND).name
    'doit, then expand'
    >>> print(chain(STRUCTURAL))
    structural equality
    """
    if not rules or not all(isinstance(rule, Transformation) for rule in rules):
        raise TypeError("chain: give one or more transformations")
    first, *rest = rules
    if not rest:
        return first
    for rule in rest[:-1]:
        first = Composition(first, rule)
    return Composition(first, rest[-1], name)


def describe(docstring: str) -> str:
    """A docstring without its examples (doctest blocks), dedented: what a rule rewrites and its
    side conditions.

    >>> ">>>" in Transformation.__doc__, ">>>" in describe(Transformation.__doc__)
    (True, False)
    """
    paragraphs = inspect.cleandoc(docstring).split("\n\n")
    kept = [p for p in paragraphs if not p.lstrip().startswith(">>>")]
    return "\n\n".join(p.strip() for p in kept if p.strip())


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


def refuse_unsafe_delta_sums(expr: Any, rule: str, facts: tuple[Any, ...] = ()) -> None:
    """Refuse (:class:`~symconv.errors.SideConditionError`) to let SymPy sum a Kronecker delta over a
    summation variable unless its coefficient is +-1, the delta's solution is an integer and the
    range is not reversed: SymPy turns ``Sum(KroneckerDelta(2*k, j), (k, 0, n))`` into
    ``[0 <= j <= 2 n]``, dropping ``2 | j``. A sum of one term (``low == high``) is only a
    substitution and always allowed.

    >>> import sympy
    >>> k, j, n = sympy.symbols("k j n", integer=True)
    >>> refuse_unsafe_delta_sums(sympy.Sum(sympy.KroneckerDelta(2 * k, j), (k, 0, n)), "doit")
    Traceback (most recent call last):
    ...
    symconv.errors.SideConditionError: doit: SymPy's delta summation over k drops a divisibility condition: ...
    """
    parts = list(expr) if isinstance(expr, MatrixBase) else [expr]
    for part in parts:
        if not isinstance(part, Basic):
            continue
        for total in part.atoms(sympy.Sum):
            deltas = total.function.atoms(sympy.KroneckerDelta)
            for variable, low, high in total.limits:
                if low != high:  # one term is a substitution
                    for delta in deltas:
                        _refuse_unsafe_delta(delta, variable, low, high, rule, facts)


def _refuse_unsafe_delta(delta: Any, variable: Any, low: Any, high: Any, rule: str, facts: tuple[Any, ...]) -> None:
    difference = sympy.expand(delta.args[0] - delta.args[1])
    if variable not in difference.free_symbols:
        return
    poly = difference.as_poly(variable)
    coefficient = poly.coeff_monomial(variable) if poly is not None and poly.degree() == 1 else None
    if coefficient not in (1, -1):
        raise SideConditionError(
            rule,
            f"SymPy's delta summation over {variable} drops a divisibility condition: in "
            f"{sympy.sstr(delta)} the coefficient of {variable} is not +-1 (use COLLAPSE or euclid)",
        )
    solution = sympy.expand(variable - difference / coefficient)
    if solution.is_integer is not True:
        raise SideConditionError(
            rule, f"the solution {variable} = {sympy.sstr(solution)} of {delta} is not shown to be an integer"
        )
    if not is_integer_range(low, high) or not implied(high - low + 1, facts):
        raise SideConditionError(
            rule,
            f"the range {low} <= {variable} <= {high} of a sum against {sympy.sstr(delta)} is not "
            f"shown to have integer ends and not to be reversed ({high} >= {low} - 1)",
        )


class Expand(ZeroDifference):
    """``expand`` of the difference of two entries (arithmetic written unevaluated is evaluated first).

    Side conditions: none.
    """

    def __init__(self) -> None:
        super().__init__("expand")

    def apply(self, expr: Any) -> Any:
        return sympy.expand(evaluated(expr))


class Doit(Transformation):
    """``doit`` on both sides: sums, deltas and products evaluated; an unevaluated product of
    matrices becomes a matrix before the entries are compared.

    Side conditions (checked, refused otherwise): a sum against a Kronecker delta is evaluated
    only when the summation variable has coefficient +-1 in the delta, the delta's solution is an
    integer and the range is not reversed (:func:`refuse_unsafe_delta_sums`); SymPy's other
    evaluations are trusted.
    """

    def __init__(self) -> None:
        super().__init__("doit")

    def apply(self, expr: Any) -> Any:
        refuse_unsafe_delta_sums(expr, self.name, self.facts)
        return doit(expr)

    def compare(self, lhs: Any, rhs: Any) -> str:
        refuse_unsafe_delta_sums(lhs, self.name, self.facts)
        refuse_unsafe_delta_sums(rhs, self.name, self.facts)
        return super().compare(doit(lhs), doit(rhs))


class DoitExpand(ZeroDifference):
    """``doit``, then ``expand`` of the difference; an unevaluated product of matrices becomes a
    matrix before the entries are compared.

    Side conditions: those of :class:`Doit` (checked, refused otherwise).
    """

    def __init__(self) -> None:
        super().__init__("doit and expand")

    def apply(self, expr: Any) -> Any:
        refuse_unsafe_delta_sums(expr, self.name, self.facts)
        value = doit(expr)
        if isinstance(value, MatrixBase):
            return value.applyfunc(sympy.expand)
        return sympy.expand(value)

    def compare(self, lhs: Any, rhs: Any) -> str:
        refuse_unsafe_delta_sums(lhs, self.name, self.facts)
        refuse_unsafe_delta_sums(rhs, self.name, self.facts)
        return super().compare(doit(lhs), doit(rhs))


#: Structural equality of the canonical SymPy forms.
STRUCTURAL = Transformation(
    doc="""Structural equality: both sides are the same SymPy object in SymPy's canonical form (bound
    summation variables compared up to their names); nothing is rewritten.

    Side conditions: none."""
)
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
