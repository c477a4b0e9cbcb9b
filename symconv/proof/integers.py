r"""Integers in ranges: relations that hold for bounded variables (:class:`Within`), residues
modulo ``s`` (:class:`Residues`), uniqueness of division with remainder (:class:`Euclid`),
integer parts (:class:`IntegerParts`).

Each rule rewrites a fact about integer variables with known bounds, written with the
canonical conditions of :mod:`.conditions`, and then compares structurally. The bounds are
never taken on the user's word: a bound stated for a free variable must follow from the
derivation's hypotheses or the step's ``where`` (given to the rule by
:meth:`~.transformations.Transformation.given`), and a summation variable is bounded by its
sum's limits (:mod:`.bounds`). A condition decided at the ends of a range must have degree <= 1
in each bounded variable. A rule whose side condition fails raises
:class:`~symconv.errors.SideConditionError`, naming itself and the condition.

>>> import sympy
>>> m, h = sympy.Symbol("m", integer=True), sympy.Symbol("h", integer=True, positive=True)
>>> rule = Within((m, 0, h - 1)).given((m >= 0) & (m <= h - 1))
>>> rule.apply(sympy.Piecewise((m, (m >= 0) & (m <= h - 1)), (0, True)))
m
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy.core.relational import Relational

from ..errors import SideConditionError
from ..printing.reading import reading_latex
from .binders import rename_apart, shown
from .bounds import Scope, bound_relations, extremes, implied, is_relation, scoped_replace
from .conditions import (
    canonical_deltas,
    canonical_relation,
    canonical_zero_extension,
    indicators_as_deltas,
)
from .deltas import collapse_deltas
from .sums import merge_sums
from .transformations import Transformation, ZeroDifference, doit, explained, refuse_unsafe_delta_sums

__all__ = [
    "Within",
    "within",
    "Residues",
    "residues",
    "Euclid",
    "euclid",
    "IntegerParts",
    "integer_parts",
    "stated_scope",
    "decide",
]

Bounds = tuple[tuple[Any, Any, Any], ...]


def _simplified_piecewise(expr: Any) -> Any:
    """Every ``Piecewise`` built again, so that conditions made true or false take effect."""
    return expr.replace(lambda e: isinstance(e, sympy.Piecewise), lambda p: p.func(*p.args))


def stated_scope(rule: str, bounds: Bounds, facts: tuple[Any, ...]) -> Scope:
    """The scope of a rule's stated bounds ``(v, low, high)``: each must follow from the facts (the
    hypotheses and the step's ``where``) and the assumptions, else :class:`SideConditionError`.

    >>> import sympy
    >>> m, h = sympy.symbols("m h", integer=True)
    >>> stated_scope("within", ((m, 0, h),), ())
    Traceback (most recent call last):
    ...
    symconv.errors.SideConditionError: within: the bound 0 <= m does not follow from ...
    """
    for variable, low, high in bounds:
        for claim, needed in ((f"{low} <= {variable}", variable - low), (f"{variable} <= {high}", high - variable)):
            if not implied(needed, facts):
                raise SideConditionError(
                    rule,
                    f"the bound {claim} does not follow from the hypotheses, the step's where or the "
                    "assumptions (state it there)",
                )
    known = [sympy.expand(e) for variable, low, high in bounds for e in (variable - low, high - variable, high - low)]
    return Scope((*facts, *known), tuple(bounds))


def decide(relation: Any, scope: Scope, rule: str) -> Any:
    """``true`` when the relation ``e >= 0`` holds at every combination of the ends of the bounded
    variables of ``scope`` (:func:`~.bounds.extremes`: degree <= 1 in each, else refused), by the
    scope's facts; otherwise its canonical form."""
    canonical = canonical_relation(relation)
    if isinstance(canonical, sympy.GreaterThan) and canonical.rhs == 0:
        values = extremes(canonical.lhs, scope.bounds, rule, relation)
        if all(implied(value, scope.facts) for value in values):
            return sympy.true
    return canonical


def _named(expr: Any, letter: Any, rule: str) -> Any:
    """The variable of ``expr`` named like ``letter`` (summation variables are renamed apart, so the
    rules find a declared residue by its name), ``None`` when there is none."""
    found = [v for v in expr.free_symbols if getattr(v, "name", None) == letter.name]
    if len(found) > 1:
        raise SideConditionError(rule, f"the letter {letter.name} names two different variables here: rename one")
    return found[0] if found else None


def _positive_integer(rule: str, modulus: Any, facts: tuple[Any, ...]) -> Any:
    modulus = sympy.sympify(modulus)
    if modulus.is_integer is not True or not implied(modulus - 1, facts):
        raise SideConditionError(rule, f"the modulus {modulus} is not shown to be a positive integer")
    return modulus


def _in_residue_range(rule: str, residue: Any, modulus: Any, scope: Scope) -> None:
    if residue.is_integer is not True:
        raise SideConditionError(rule, f"the residue {shown(residue)} is not an integer")
    if not (implied(residue, scope.facts) and implied(modulus - 1 - residue, scope.facts)):
        raise SideConditionError(
            rule,
            f"the residue {shown(residue)} is not shown to lie in 0..{shown(modulus)} - 1 (by an enclosing sum, the "
            "hypotheses or the step's where)",
        )


class Within(Transformation):
    """Conditions that hold for every value of the bounded variables become true; deltas collapse
    first (:func:`~.deltas.collapse_deltas`) and zero extensions compare canonically.

    The bounded variables are the stated ``(v, low, high)`` and the summation variables of the
    sums around a condition. Side conditions (checked, refused otherwise): each stated bound
    follows from the hypotheses, the step's ``where`` or the assumptions; a condition is decided
    at the ends of the ranges only when it has degree <= 1 in each bounded variable; a sum's
    range is used only when it is not reversed; strict relations become ``e - 1 >= 0`` only
    between integers. Those of :data:`~.deltas.COLLAPSE` for the deltas.

    >>> import sympy
    >>> m, h = sympy.Symbol("m", integer=True), sympy.Symbol("h", integer=True, positive=True)
    >>> rule = Within((m, 0, h - 1)).given((m >= 0) & (m <= h - 1))
    >>> rule.apply(sympy.Piecewise((m, (m >= 0) & (m <= h - 1)), (0, True)))
    m
    """

    def __init__(self, *bounds: tuple[Any, Any, Any]) -> None:
        names = ", ".join(
            f"${reading_latex(low)} \\le {reading_latex(v)} \\le {reading_latex(high)}$" for v, low, high in bounds
        )
        super().__init__(f"conditions that hold for {names}" if bounds else "conditions that hold in the sums' ranges")
        self.bounds: Bounds = bounds

    def holds(self, relation: Any, scope: Scope) -> Any:
        """``true`` when the relation holds for every value in the scope's bounds, else its canonical form."""
        return decide(relation, scope, self.name)

    def conditions(self) -> tuple[Any, ...]:
        return bound_relations(self.bounds)

    def apply(self, expr: Any) -> Any:
        scope = stated_scope(self.name, self.bounds, self.facts)
        expr = canonical_zero_extension(collapse_deltas(sympy.sympify(expr), facts=scope.facts, rule=self.name))
        expr = scoped_replace(expr, is_relation, self.holds, scope)
        return sympy.expand(_simplified_piecewise(expr))

    def compare(self, lhs: Any, rhs: Any) -> str:
        return explained(self, super().compare(lhs, rhs), lhs, rhs, (Relational,))


#: :class:`Within`, spelled as the derivations use it.
within = Within


class Residues(Transformation):
    r"""Two facts about residues modulo ``s``, for the ``variables`` (residues in ``0..s-1``):
    ``s | x - c  <=>  c = Mod(x, s)`` and ``0 <= Mod(x, s) <= s - 1``. Integer relations that
    hold at both ends of every ``Mod`` become true; then deltas collapse as
    :data:`~.deltas.COLLAPSE`, and sums are evaluated (``doit``).

    Side conditions (checked, refused otherwise): ``s`` is a positive integer; a residue ``c``
    used in the first fact is an integer in ``0..s-1`` by an enclosing sum, the hypotheses or the
    step's ``where``; ``Mod(x, s) <= s - 1`` needs an integer ``x``; a relation is decided at
    ``Mod(x, s) = 0`` and ``s - 1`` only when it has degree <= 1 in each ``Mod`` (both ends are
    tried, so the sign of its coefficient does not matter); ``doit`` sums no delta unsafely
    (:func:`~.transformations.refuse_unsafe_delta_sums`).
    """

    def __init__(self, modulus: Any, *variables: Any) -> None:
        super().__init__(
            f"residues modulo ${reading_latex(modulus)}$: exactly one residue class, "
            f"$0 \\le x \\bmod {reading_latex(modulus)} < {reading_latex(modulus)}$"
        )
        self.modulus = modulus
        self.variables = set(variables)

    def divisibility(self, equation: Any, scope: Scope) -> Any:
        """``Eq(Mod(x - c, s), 0)`` with ``c`` a declared residue: ``c = Mod(x, s)``."""
        if (
            isinstance(equation, sympy.Eq)
            and equation.args[1] == 0
            and isinstance(equation.args[0], sympy.Mod)
            and equation.args[0].args[1] == self.modulus
        ):
            argument = sympy.expand(equation.args[0].args[0])
            for declared in sorted(self.variables, key=str):
                c = _named(argument, declared, self.name)
                if c is None or argument.coeff(c) != -1 or c in (argument + c).free_symbols:
                    continue
                _in_residue_range(self.name, c, self.modulus, scope)
                if (argument + c).is_integer is not True:
                    raise SideConditionError(self.name, f"{shown(argument + c)} is not shown to be an integer")
                return sympy.Eq(c, sympy.Mod(argument + c, self.modulus))
        return equation

    def bounded(self, relation: Any, scope: Scope) -> Any:
        """``true`` when the integer relation holds for every value ``0..s-1`` of each ``Mod(x, s)``
        (and every value of the summation variables around it)."""
        canonical = canonical_relation(relation)
        if not isinstance(canonical, sympy.GreaterThan) or canonical.rhs != 0:
            return canonical
        mods = sorted((m for m in canonical.lhs.atoms(sympy.Mod) if m.args[1] == self.modulus), key=str)
        if not mods:
            return canonical
        for m in mods:
            if m.args[0].is_integer is not True:
                raise SideConditionError(
                    self.name, f"{shown(m)} <= {shown(self.modulus)} - 1 needs an integer {shown(m.args[0])}"
                )
        placeholders = {m: sympy.Dummy(sympy.sstr(m), integer=True) for m in mods}
        ranges = tuple((placeholder, 0, self.modulus - 1) for placeholder in placeholders.values())
        values = extremes(canonical.lhs.xreplace(placeholders), scope.bounds + ranges, self.name, relation)
        return sympy.true if all(implied(v, scope.facts) for v in values) else canonical

    def conditions(self) -> tuple[Any, ...]:
        return bound_relations([(v, 0, self.modulus - 1) for v in sorted(self.variables, key=str)])

    def apply(self, expr: Any) -> Any:
        facts = self.facts
        _positive_integer(self.name, self.modulus, facts)
        scope = Scope(facts)
        expr = rename_apart(sympy.sympify(expr))
        expr = scoped_replace(expr, lambda e: isinstance(e, sympy.Eq), self.divisibility, scope)
        expr = collapse_deltas(indicators_as_deltas(expr), facts=facts, rule=self.name)
        expr = scoped_replace(expr, is_relation, self.bounded, scope)
        expr = canonical_deltas(_simplified_piecewise(expr))
        refuse_unsafe_delta_sums(expr, self.name, facts)
        return sympy.expand(doit(expr))

    def compare(self, lhs: Any, rhs: Any) -> str:
        return explained(self, super().compare(lhs, rhs), lhs, rhs, (Relational,))


#: :class:`Residues`, spelled as the derivations use it.
residues = Residues


class Euclid(Transformation):
    """Uniqueness of division with remainder: ``delta(s A + r, s B + c) = delta(A, B) delta(r, c)``
    for residues ``0 <= r, c < s`` (given as ``(r, c)`` pairs; with a numeric ``s`` and no pairs,
    ``delta(s Q + c0, 0)`` is 0 unless ``s | c0``, and ``delta(Q + c0/s, 0)`` if it does); then the
    deltas are summed against the variables in ``eliminate`` (all summation variables by
    default), relations that follow from the bounds become true, and the deltas left are written
    canonically.

    Side conditions (checked, refused otherwise): ``s`` is a positive integer; for a pair, the
    quotient ``A - B`` is an integer and ``r``, ``c`` are integers in ``0..s-1`` (by an enclosing
    sum, the hypotheses or the step's ``where``); without pairs, the symbols of ``Q`` are
    integers when the delta becomes 0. Those of :data:`~.deltas.COLLAPSE` and of :class:`Within`
    (without stated bounds) for the rest.

    >>> import sympy
    >>> a, b = sympy.symbols("a b", integer=True)
    >>> Euclid(2).apply(sympy.KroneckerDelta(2 * a + 1, 2 * b))
    0
    """

    def __init__(self, modulus: Any, *pairs: tuple[Any, Any], eliminate: Any = None) -> None:
        self.modulus = sympy.sympify(modulus)
        super().__init__(f"division with remainder is unique (residues below ${reading_latex(self.modulus)}$)")
        self.pairs = pairs
        self.eliminate = eliminate

    def split(self, delta: Any, scope: Scope) -> Any:
        """One delta split into the deltas of quotients and of residues (or 0)."""
        modulus = self.modulus
        difference = sympy.expand(delta.args[0] - delta.args[1])
        if modulus.is_Integer and not self.pairs:
            # s Q + c0 with Q an integer polynomial: zero unless s | c0
            constant, rest = difference.as_coeff_Add()
            variables = sorted(rest.free_symbols, key=str)
            if (
                variables
                and rest.is_polynomial(*variables)
                and all(c % modulus == 0 for c in sympy.Poly(rest, *variables).coeffs())
            ):
                if constant % modulus == 0:
                    return sympy.KroneckerDelta(sympy.expand((rest + constant) / modulus), 0)
                not_integer = [shown(v) for v in variables if v.is_integer is not True]
                if not_integer:
                    raise SideConditionError(
                        self.name,
                        f"{shown(delta)} is 0 only for integer {', '.join(not_integer)}: not shown to be integers",
                    )
                return sympy.S.Zero
            return delta
        for first, second in self.pairs:
            r, c = _named(difference, first, self.name), _named(difference, second, self.name)
            if r is None or c is None:
                continue
            if difference.coeff(r) == -1 and difference.coeff(c) == 1:  # delta(a, b) = delta(b, a)
                difference = -difference
            if difference.coeff(r) == 1 and difference.coeff(c) == -1:
                rest = sympy.expand(difference - r + c)
                if {r, c} & rest.free_symbols or not rest.is_polynomial():
                    continue
                quotient, remainder = sympy.div(rest, modulus)
                if remainder != 0:
                    continue
                if quotient.is_integer is not True:
                    raise SideConditionError(
                        self.name, f"the quotient {shown(quotient)} of {shown(delta)} is not shown to be an integer"
                    )
                _in_residue_range(self.name, r, modulus, scope)
                _in_residue_range(self.name, c, modulus, scope)
                return sympy.KroneckerDelta(quotient, 0) * sympy.KroneckerDelta(r, c)
        return delta

    def in_range(self, relation: Any, scope: Scope) -> Any:
        """``true`` for a relation that holds in the bounds of the scope (a residue in ``0..s-1``, say)."""
        return decide(relation, scope, self.name)

    def conditions(self) -> tuple[Any, ...]:
        return bound_relations(
            [(v, 0, self.modulus - 1) for v in sorted({v for pair in self.pairs for v in pair}, key=str)]
        )

    def apply(self, expr: Any) -> Any:
        facts = self.facts
        _positive_integer(self.name, self.modulus, facts)
        scope = Scope(facts)
        expr = rename_apart(sympy.sympify(expr))
        expr = scoped_replace(expr, lambda e: isinstance(e, sympy.KroneckerDelta), self.split, scope)
        expr = canonical_zero_extension(collapse_deltas(merge_sums(expr), self.eliminate, facts, self.name))
        expr = scoped_replace(expr, is_relation, self.in_range, scope)
        return canonical_deltas(_simplified_piecewise(expr))

    def compare(self, lhs: Any, rhs: Any) -> str:
        return explained(self, super().compare(lhs, rhs), lhs, rhs, (Relational, sympy.KroneckerDelta))


#: :class:`Euclid`, spelled as the derivations use it.
euclid = Euclid


class IntegerParts(ZeroDifference):
    r"""Integer parts, on the difference of the two sides: ``Mod(x, s) = x - s floor(x/s)``;
    integers leave a ``floor``; and ``floor(e) = n`` when ``n <= e < n + 1`` follows from the
    bounds ``(v, low, high)`` of its variables (and of the summation variables around it).

    Side conditions (checked, refused otherwise): ``s != 0`` in ``Mod(x, s)``; each stated bound
    follows from the hypotheses, the step's ``where`` or the assumptions; ``e`` has degree <= 1
    in each bounded variable (it is checked at the ends of the ranges only).

    >>> import sympy
    >>> a, s = sympy.Symbol("a", integer=True, nonnegative=True), sympy.Symbol("s", integer=True, positive=True)
    >>> IntegerParts((a, 0, s - 1)).given(a < s).apply(sympy.floor((s + a) / s))
    1
    """

    def __init__(self, *bounds: tuple[Any, Any, Any]) -> None:
        super().__init__(
            "integer parts: $x \\bmod s = x - s \\lfloor x/s \\rfloor$, bounds of $\\lfloor \\cdot \\rfloor$"
        )
        self.bounds: Bounds = bounds

    def value(self, floor: Any, scope: Scope) -> Any:
        """``n`` when ``n <= e < n + 1`` at every end of the bounds (``n`` in -1, 0, 1), else ``floor(e)``."""
        values = extremes(floor.args[0], scope.bounds, self.name, floor)
        for n in (0, -1, 1):
            if all(implied(v - n, scope.facts) and implied(n + 1 - v, scope.facts, strict=True) for v in values):
                return sympy.Integer(n)
        return floor

    def remainder(self, mod: Any) -> Any:
        """``Mod(x, s) = x - s floor(x/s)``, for ``s != 0``."""
        x, s = mod.args
        if not (s.is_nonzero or implied(s - 1, self.facts) or implied(-s - 1, self.facts)):
            raise SideConditionError(self.name, f"{mod} = x - s floor(x/s) needs {s} != 0: not shown")
        return x - s * sympy.floor(x / s)

    def conditions(self) -> tuple[Any, ...]:
        return bound_relations(self.bounds)

    def apply(self, expr: Any) -> Any:
        scope = stated_scope(self.name, self.bounds, self.facts)
        expr = rename_apart(sympy.sympify(expr)).replace(lambda e: isinstance(e, sympy.Mod), self.remainder)
        expr = expr.replace(lambda e: isinstance(e, sympy.floor), lambda f: sympy.floor(sympy.expand(f.args[0])))
        expr = scoped_replace(expr, lambda e: isinstance(e, sympy.floor), self.value, scope)
        return sympy.expand(expr)

    def compare(self, lhs: Any, rhs: Any) -> str:
        return explained(self, super().compare(lhs, rhs), lhs, rhs, (sympy.floor, Relational))


#: :class:`IntegerParts`, spelled as the derivations use it.
integer_parts = IntegerParts
