r"""Integers in ranges: relations that hold for bounded variables (:class:`Within`), residues
modulo ``s`` (:class:`Residues`), uniqueness of division with remainder (:class:`Euclid`),
integer parts (:class:`IntegerParts`).

Each rule rewrites a fact about integer variables with known bounds, written with the
canonical conditions of :mod:`.conditions`, and then compares structurally.

>>> import sympy
>>> m, h = sympy.Symbol("m", integer=True), sympy.Symbol("h", integer=True, positive=True)
>>> Within((m, 0, h - 1)).apply(sympy.Piecewise((m, (m >= 0) & (m <= h - 1)), (0, True)))
m
"""

from __future__ import annotations

import itertools
from typing import Any

import sympy
from sympy.core.relational import Relational

from .conditions import (
    canonical_deltas,
    canonical_relation,
    canonical_zero_extension,
    corners,
    indicators_as_deltas,
    provably_nonnegative,
    strictly_below,
)
from .deltas import collapse_deltas
from .sums import merge_sums
from .transformations import Transformation, ZeroDifference, doit

__all__ = [
    "Within",
    "within",
    "Residues",
    "residues",
    "Euclid",
    "euclid",
    "IntegerParts",
    "integer_parts",
]

Bounds = tuple[tuple[Any, Any, Any], ...]


def _bounds(bounds: Any) -> tuple[Any, ...]:
    """``low <= v`` and ``v <= high`` for each ``(v, low, high)``: what a rule takes as given."""
    return tuple(r for v, low, high in bounds for r in (sympy.LessThan(low, v), sympy.LessThan(v, high)))


def _simplified_piecewise(expr: Any) -> Any:
    """Every ``Piecewise`` built again, so that conditions made true or false take effect."""
    return expr.replace(lambda e: isinstance(e, sympy.Piecewise), lambda p: p.func(*p.args))


class Within(Transformation):
    """Conditions that hold for every value of the bounded variables ``(v, low, high)`` become
    true (an integer relation ``e >= 0``, linear in each variable, checked at both ends, using
    that the ranges are not empty); deltas collapse first and zero extensions compare
    canonically.

    >>> import sympy
    >>> m, h = sympy.Symbol("m", integer=True), sympy.Symbol("h", integer=True, positive=True)
    >>> Within((m, 0, h - 1)).apply(sympy.Piecewise((m, (m >= 0) & (m <= h - 1)), (0, True)))
    m
    """

    def __init__(self, *bounds: tuple[Any, Any, Any]) -> None:
        names = ", ".join(
            f"${sympy.latex(low)} \\le {sympy.latex(v)} \\le {sympy.latex(high)}$" for v, low, high in bounds
        )
        super().__init__(f"conditions that hold for {names}")
        self.bounds: Bounds = bounds
        # the ranges are not empty: high - low >= 0 may be used (with weight 0 or 1)
        widths = [sympy.expand(high - low) for _, low, high in bounds]
        self.slack = [
            sum(w * chosen for w, chosen in zip(widths, choice))
            for choice in itertools.product((0, 1), repeat=len(widths))
        ]

    def holds(self, relation: Any) -> Any:
        """``true`` when the integer relation holds at every corner of the bounds, else its canonical form."""
        canonical = canonical_relation(relation)
        if isinstance(canonical, sympy.GreaterThan) and all(
            any(provably_nonnegative(c - extra) for extra in self.slack) for c in corners(canonical.lhs, self.bounds)
        ):
            return sympy.true
        return canonical

    def conditions(self) -> tuple[Any, ...]:
        return _bounds(self.bounds)

    def apply(self, expr: Any) -> Any:
        expr = canonical_zero_extension(collapse_deltas(sympy.sympify(expr)))
        expr = expr.replace(lambda e: isinstance(e, Relational), self.holds)
        return sympy.expand(_simplified_piecewise(expr))


#: :class:`Within`, spelled as the derivations use it.
within = Within


class Residues(Transformation):
    r"""Two facts about residues modulo ``s``, for ``variables`` ranging over ``0..s-1``:
    ``s | x - c  <=>  c = Mod(x, s)`` and ``0 <= Mod(x, s) <= s - 1``. Integer relations that
    hold at the bounds of every ``Mod`` become true; then deltas collapse as :data:`~.deltas.COLLAPSE`.
    """

    def __init__(self, modulus: Any, *variables: Any) -> None:
        super().__init__(
            f"residues modulo ${sympy.latex(modulus)}$: exactly one residue class, "
            f"$0 \\le x \\bmod {sympy.latex(modulus)} < {sympy.latex(modulus)}$"
        )
        self.modulus = modulus
        self.variables = set(variables)

    def divisibility(self, equation: Any) -> Any:
        """``Eq(Mod(x - c, s), 0)`` with ``c`` a declared residue: ``c = Mod(x, s)``."""
        if (
            isinstance(equation, sympy.Eq)
            and equation.args[1] == 0
            and isinstance(equation.args[0], sympy.Mod)
            and equation.args[0].args[1] == self.modulus
        ):
            argument = equation.args[0].args[0]
            for c in self.variables:
                coefficient = sympy.expand(argument).coeff(c)
                if coefficient == -1:
                    return sympy.Eq(c, sympy.Mod(sympy.expand(argument + c), self.modulus))
        return equation

    def bounded(self, relation: Any) -> Any:
        """``true`` when the integer relation holds for every value ``0..s-1`` of each ``Mod(x, s)``."""
        canonical = canonical_relation(relation)
        if not isinstance(canonical, sympy.GreaterThan):
            return canonical
        e = canonical.lhs
        mods = [m for m in e.atoms(sympy.Mod) if m.args[1] == self.modulus]
        if not mods:
            return canonical
        lowest = e
        for m in mods:
            lowest = lowest.xreplace({m: 0 if sympy.expand(e).coeff(m).is_positive else self.modulus - 1})
        return sympy.true if sympy.expand(lowest).is_nonnegative else canonical

    def conditions(self) -> tuple[Any, ...]:
        return _bounds([(v, 0, self.modulus - 1) for v in sorted(self.variables, key=str)])

    def apply(self, expr: Any) -> Any:
        expr = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.Eq), self.divisibility)
        expr = collapse_deltas(indicators_as_deltas(expr))
        expr = expr.replace(lambda e: isinstance(e, Relational), self.bounded)
        expr = _simplified_piecewise(expr)
        return sympy.expand(doit(canonical_deltas(expr)))


#: :class:`Residues`, spelled as the derivations use it.
residues = Residues


class Euclid(Transformation):
    """Uniqueness of division with remainder: ``delta(s A + r, s B + c) = delta(A, B) delta(r, c)``
    for residues ``0 <= r, c < s`` (given as ``(r, c)`` pairs; with a numeric ``s`` and no pairs,
    ``delta(s Q + c0, 0)`` is 0 unless ``s | c0``); then the deltas are summed against the
    variables in ``eliminate`` (all summation variables by default), and relations that say a
    residue is in ``0..s-1`` become true.

    >>> import sympy
    >>> a, b = sympy.symbols("a b", integer=True)
    >>> Euclid(2).apply(sympy.KroneckerDelta(2 * a + 1, 2 * b))
    0
    """

    def __init__(self, modulus: Any, *pairs: tuple[Any, Any], eliminate: Any = None) -> None:
        self.modulus = sympy.sympify(modulus)
        super().__init__(f"division with remainder is unique (residues below ${sympy.latex(self.modulus)}$)")
        self.pairs = pairs
        self.eliminate = eliminate
        self.residues = {v for pair in pairs for v in pair}

    def split(self, delta: Any) -> Any:
        """One delta split into the deltas of quotients and of residues (or 0)."""
        modulus = self.modulus
        difference = sympy.expand(delta.args[0] - delta.args[1])
        if modulus.is_Integer and not self.pairs:
            # s Q + c0 with Q an integer polynomial: zero unless s | c0
            constant, rest = difference.as_coeff_Add()
            symbols_ = sorted(rest.free_symbols, key=str)
            if symbols_ and all(c % modulus == 0 for c in sympy.Poly(rest, *symbols_).coeffs()):
                if constant % modulus:
                    return sympy.S.Zero
                return sympy.KroneckerDelta(sympy.expand((rest + constant) / modulus), 0)
            return delta
        for r, c in self.pairs:
            if difference.coeff(r) == 1 and difference.coeff(c) == -1:
                rest = sympy.expand(difference - r + c)
                quotient, remainder = sympy.div(rest, modulus) if rest.is_polynomial() else (None, rest)
                if quotient is not None and remainder == 0:
                    return sympy.KroneckerDelta(quotient, 0) * sympy.KroneckerDelta(r, c)
        return delta

    def in_range(self, relation: Any) -> Any:
        """``true`` for ``r >= 0`` and ``s - 1 - r >= 0``, ``r`` a declared residue."""
        canonical = canonical_relation(relation)
        if isinstance(canonical, sympy.GreaterThan):
            e = sympy.expand(canonical.lhs)
            if e in self.residues or any(sympy.expand(e - (self.modulus - 1 - v)) == 0 for v in self.residues):
                return sympy.true
        return canonical

    def conditions(self) -> tuple[Any, ...]:
        return _bounds([(v, 0, self.modulus - 1) for v in sorted(self.residues, key=str)])

    def apply(self, expr: Any) -> Any:
        expr = sympy.sympify(expr).replace(lambda e: isinstance(e, sympy.KroneckerDelta), self.split)
        expr = canonical_zero_extension(collapse_deltas(merge_sums(expr), self.eliminate))
        expr = expr.replace(lambda e: isinstance(e, Relational), self.in_range)
        return _simplified_piecewise(expr)


#: :class:`Euclid`, spelled as the derivations use it.
euclid = Euclid


class IntegerParts(ZeroDifference):
    r"""Integer parts, on the difference of the two sides: ``Mod(x, s) = x - s floor(x/s)``;
    integers leave a ``floor``; and ``floor(e) = n`` when ``n <= e < n + 1`` follows from the
    bounds ``(v, low, high)`` of its variables (``e`` linear in each bounded variable, checked
    at both ends).

    >>> import sympy
    >>> a, s = sympy.Symbol("a", integer=True, nonnegative=True), sympy.Symbol("s", integer=True, positive=True)
    >>> IntegerParts((a, 0, s - 1)).apply(sympy.floor((s + a) / s))
    1
    """

    def __init__(self, *bounds: tuple[Any, Any, Any]) -> None:
        super().__init__(
            "integer parts: $x \\bmod s = x - s \\lfloor x/s \\rfloor$, bounds of $\\lfloor \\cdot \\rfloor$"
        )
        self.bounds: Bounds = bounds

    def value(self, floor: Any) -> Any:
        """``n`` when ``n <= e < n + 1`` at every corner of the bounds (``n`` in -1, 0, 1), else ``floor(e)``."""
        values = corners(floor.args[0], self.bounds)
        for n in (0, -1, 1):
            if all(provably_nonnegative(c - n) and strictly_below(c, n + 1) for c in values):
                return sympy.Integer(n)
        return floor

    def conditions(self) -> tuple[Any, ...]:
        return _bounds(self.bounds)

    def apply(self, expr: Any) -> Any:
        expr = sympy.sympify(expr).replace(
            lambda e: isinstance(e, sympy.Mod), lambda m: m.args[0] - m.args[1] * sympy.floor(m.args[0] / m.args[1])
        )
        expr = expr.replace(lambda e: isinstance(e, sympy.floor), lambda f: sympy.floor(sympy.expand(f.args[0])))
        expr = expr.replace(lambda e: isinstance(e, sympy.floor), self.value)
        return sympy.expand(expr)


#: :class:`IntegerParts`, spelled as the derivations use it.
integer_parts = IntegerParts
