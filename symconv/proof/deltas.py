r"""Kronecker deltas, zero extension and integer arithmetic: the rewrites of index proofs.

- :data:`COLLAPSE`: ``sum_v delta(v, e) f(v) = f(e)`` inside the range, 0 outside (only for a
  coefficient +-1 of ``v``: SymPy's own delta summation divides by the coefficient and drops the
  divisibility condition);
- :func:`zero_extension`: substitute definitions of zero-padded arrays and compare canonically;
- :func:`residues`, :func:`euclid`: facts about division with remainder.

>>> import sympy
>>> i, j = sympy.symbols("i j", integer=True)
>>> X = sympy.IndexedBase("X")
>>> COLLAPSE.apply(sympy.Sum(sympy.KroneckerDelta(i, j + 1) * X[i], (i, 0, 9)))
Piecewise((X[j + 1], (j >= -1) & (j <= 8)), (0, True))
"""

from __future__ import annotations

import itertools
from typing import Any

import sympy
from sympy import Basic, Mul

from .transformations import Transformation, _canonical_deltas, _doit, _indicators, _merge_sums

__all__ = ["COLLAPSE", "zero_extension", "residues", "euclid", "integer_parts", "within"]


def _integer_relation(rel: Any) -> Any:
    """``a >= b``, ``a > b``, ``a <= b``, ``a < b`` over the integers as ``e >= 0`` with ``e`` expanded."""
    if isinstance(rel, (sympy.GreaterThan, sympy.StrictGreaterThan, sympy.LessThan, sympy.StrictLessThan)):
        big, small = (
            (rel.lhs, rel.rhs) if isinstance(rel, (sympy.GreaterThan, sympy.StrictGreaterThan)) else (rel.rhs, rel.lhs)
        )
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

    return Transformation(
        "definitions substituted, zero extension compared",
        lambda e: _zero_extension(_merge_sums(substitute(e))),
        definitions=substitute,
    )


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
    if isinstance(sympy.expand(expr.function), sympy.Add):  # a sum of terms: each term on its own
        return sympy.Add(
            *[_collapse_deltas(sympy.Sum(term, *expr.limits), only) for term in sympy.expand(expr.function).args]
        )
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


def residues(modulus: Any, *variables: Any) -> Transformation:
    r"""Two facts about residues modulo ``s``, for ``variables`` ranging over ``0..s-1``:
    ``s | x - c  <=>  c = Mod(x, s)`` and ``0 <= Mod(x, s) <= s - 1``. Integer relations that
    hold at the bounds of every ``Mod`` become true; then deltas collapse as :data:`COLLAPSE`."""
    declared = set(variables)

    def divisibility(e: Any) -> Any:
        # Eq(Mod(x - c, s), 0) with c a declared residue: c = Mod(x, s)
        if (
            isinstance(e, sympy.Eq)
            and e.args[1] == 0
            and isinstance(e.args[0], sympy.Mod)
            and e.args[0].args[1] == modulus
        ):
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

    return Transformation(
        f"residues modulo ${sympy.latex(modulus)}$: exactly one residue class, "
        f"$0 \\le x \\bmod {sympy.latex(modulus)} < {sympy.latex(modulus)}$",
        apply,
    )


def euclid(modulus: Any, *pairs: tuple[Any, Any], eliminate: Any = None) -> Transformation:
    modulus = sympy.sympify(modulus)
    """Uniqueness of division with remainder: ``delta(s A + r, s B + c) = delta(A, B) delta(r, c)``
    for residues ``0 <= r, c < s`` (given as ``(r, c)`` pairs; with a numeric ``s`` and no pairs,
    ``delta(s Q + c0, 0)`` is 0 unless ``s | c0``); then the deltas are summed against the
    variables in ``eliminate`` (all summation variables by default)."""

    def split(delta: Any) -> Any:
        difference = sympy.expand(delta.args[0] - delta.args[1])
        if modulus.is_Integer and not pairs:
            # s Q + c0 with Q an integer polynomial: zero unless s | c0
            constant, rest = difference.as_coeff_Add()
            symbols_ = sorted(rest.free_symbols, key=str)
            if symbols_ and all(c % modulus == 0 for c in sympy.Poly(rest, *symbols_).coeffs()):
                if constant % modulus:
                    return sympy.S.Zero
                return sympy.KroneckerDelta(sympy.expand((rest + constant) / modulus), 0)
            return delta
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


#: A sum against a Kronecker delta collapses (derivatives evaluated first); zero extensions
#: compared canonically.
COLLAPSE = Transformation("sum against a Kronecker delta, zero outside the range", _collapse)


def _provably_nonnegative(expr: Any) -> bool:
    """Whether ``expr`` is >= 0 for all values of its symbols, positive integers being >= 1."""
    expr = sympy.together(sympy.expand(expr))
    if expr.is_nonnegative:
        return True
    shifted = {v: v + 1 for v in expr.free_symbols if v.is_integer and v.is_positive}
    fresh = {v: sympy.Dummy(v.name, integer=True, nonnegative=True) for v in shifted}
    moved = sympy.together(sympy.expand(expr.xreplace({v: fresh[v] + 1 for v in shifted})))
    return bool(moved.is_nonnegative)


def integer_parts(*bounds: tuple[Any, Any, Any]) -> Transformation:
    r"""Integer parts: ``Mod(x, s) = x - s floor(x/s)``; integers leave a ``floor``; and
    ``floor(e) = n`` when ``n <= e < n + 1`` follows from the bounds ``(v, low, high)`` of its
    variables (``e`` linear in each bounded variable, checked at both ends).

    >>> import sympy
    >>> a, s = sympy.Symbol("a", integer=True, nonnegative=True), sympy.Symbol("s", integer=True, positive=True)
    >>> integer_parts((a, 0, s - 1)).apply(sympy.floor((s + a) / s))
    1
    """

    def value(floor: Any) -> Any:
        corners = _corners(floor.args[0], bounds)
        for n in (0, -1, 1):
            if all(_provably_nonnegative(c - n) and _strictly_below(c, n + 1) for c in corners):
                return sympy.Integer(n)
        return floor

    def apply(expr: Any) -> Any:
        expr = sympy.sympify(expr).replace(
            lambda e: isinstance(e, sympy.Mod), lambda m: m.args[0] - m.args[1] * sympy.floor(m.args[0] / m.args[1])
        )
        expr = expr.replace(lambda e: isinstance(e, sympy.floor), lambda f: sympy.floor(sympy.expand(f.args[0])))
        expr = expr.replace(lambda e: isinstance(e, sympy.floor), value)
        return sympy.expand(expr)

    return Transformation(
        "integer parts: $x \\bmod s = x - s \\lfloor x/s \\rfloor$, bounds of $\\lfloor \\cdot \\rfloor$",
        apply,
        difference=True,
    )


def _corners(expr: Any, bounds: tuple[tuple[Any, Any, Any], ...]) -> list[Any]:
    """``expr`` (linear in each bounded variable) at every combination of the variables' ends."""
    corners = [sympy.expand(expr)]
    for variable, low, high in bounds:
        corners = [c.xreplace({variable: end}) for c in corners for end in (low, high)]
    return corners


def within(*bounds: tuple[Any, Any, Any]) -> Transformation:
    """Conditions that hold for every value of the bounded variables ``(v, low, high)`` become true
    (an integer relation ``e >= 0``, linear in each variable, checked at both ends); then
    zero extensions compare canonically.

    >>> import sympy
    >>> m, h = sympy.Symbol("m", integer=True), sympy.Symbol("h", integer=True, positive=True)
    >>> within((m, 0, h - 1)).apply(sympy.Piecewise((m, (m >= 0) & (m <= h - 1)), (0, True)))
    m
    """
    # the ranges are not empty: high - low >= 0 may be used (with weight 0 or 1)
    widths = [sympy.expand(high - low) for _, low, high in bounds]
    slack = [
        sum(w * chosen for w, chosen in zip(widths, choice)) for choice in itertools.product((0, 1), repeat=len(widths))
    ]

    def holds(rel: Any) -> Any:
        canonical = _integer_relation(rel)
        if isinstance(canonical, sympy.GreaterThan) and all(
            any(_provably_nonnegative(c - extra) for extra in slack) for c in _corners(canonical.lhs, bounds)
        ):
            return sympy.true
        return canonical

    def apply(expr: Any) -> Any:
        expr = _zero_extension(_collapse_deltas(sympy.sympify(expr)))
        expr = expr.replace(lambda e: isinstance(e, sympy.core.relational.Relational), holds)
        return sympy.expand(expr.replace(lambda e: isinstance(e, sympy.Piecewise), lambda q: q.func(*q.args)))

    names = ", ".join(f"${sympy.latex(low)} \\le {sympy.latex(v)} \\le {sympy.latex(high)}$" for v, low, high in bounds)
    return Transformation(f"conditions that hold for {names}", apply)


def _strictly_below(expr: Any, bound: Any) -> bool:
    """``expr < bound`` for all values: ``bound - expr`` is positive."""
    difference = sympy.together(sympy.expand(bound - expr))
    if difference.is_positive:
        return True
    shifted = {v for v in difference.free_symbols if v.is_integer and v.is_positive}
    moved = sympy.together(
        sympy.expand(difference.xreplace({v: sympy.Dummy(v.name, integer=True, nonnegative=True) + 1 for v in shifted}))
    )
    return bool(moved.is_positive)
