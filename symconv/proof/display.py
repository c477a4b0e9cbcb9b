r"""Display forms: a step's sides written as the seminar and the textbooks write them, and the
rule that makes what is shown equal to what is checked.

A step is checked in the form its transformation needs (``-2 p + q + s (h - 1)``, SymPy's
canonical order); it may carry a *display form* of either side, written in the seminar's order
and grouping (``(h - 1) s - 2 p + q``). The tools, and why:

- :func:`written` parses the text as written with ``evaluate=False``: SymPy keeps the terms and
  factors in the order and grouping of the text (an evaluated ``Add`` would sort them), and the
  text reads like the formula on the blackboard. ``UnevaluatedExpr`` would freeze a part for
  every later operation as well, which the checks do not want.
- :func:`~symconv.printing.chains.as_written` prints a display form with the printer's ``order="none"``: SymPy's
  printers sort the terms of a sum unless told not to, even when the sum was built unevaluated.
  Only display forms print this way; an evaluated expression keeps the printer's order.

**The rule** (:func:`display_mismatch`): a display form is accepted exactly when it and the
checked form are *structurally identical after SymPy's automatic evaluation*: both are rebuilt
bottom-up with evaluation on (:func:`rebuilt`: every node constructed again by its class,
``UnevaluatedExpr`` removed) and compared with ``==``. Automatic evaluation only flattens,
orders, collects equal terms and numbers and distributes a number over a sum; it never
expands a product of sums, applies an identity or evaluates a sum, so a display form can
regroup and reorder what was proved but cannot state anything else. A step whose display
form differs fails (:meth:`~.derivation.Derivation.report` reports it).

>>> import sympy
>>> h, s, p, q = sympy.symbols("h s p q", integer=True)
>>> shown = written("(h - 1)*s - 2*p + q", h=h, s=s, p=p, q=q)
>>> print(sympy.latex(shown, order="none"))
\left(h - 1\right) s - 2 p + q
>>> display_mismatch(shown, -2*p + q + s*(h - 1))
''
>>> display_mismatch(written("2*(q - 1 - p)", p=p, q=q), 2*q - 2*p - 2)
''
>>> display_mismatch(written("(h - 1)*s + 2*p + q", h=h, s=s, p=p, q=q), -2*p + q + s*(h - 1))
'the display form (h - 1)*s + 2*p + q is not the checked form -2*p + q + s*(h - 1) (after evaluation: ...)'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sympy
from sympy import Basic, MatrixBase, UnevaluatedExpr
from sympy.concrete.expr_with_limits import ExprWithLimits
from sympy.parsing.sympy_parser import parse_expr

from ..errors import SpecError
from ..printing.chains import Chained, as_written

__all__ = [
    "written",
    "rebuilt",
    "display_mismatch",
    "written_text",
    "AsWritten",
    "LARGE",
    "Chained",
    "written_condition",
    "unevaluated",
    "as_built",
    "zero_elsewhere",
]

#: A matrix with more entries than this is never printed to be compared with another one: a
#: step shows it by its name (``named=``), its structure or an entry.
LARGE = 64


def written(text: str, **symbols: Any) -> Any:
    """``text`` as a SymPy expression in the order and grouping it is written in (``evaluate=False``).

    Every name in ``text`` must be given (so a display form uses the derivation's symbols,
    with their assumptions), except SymPy's functions (``floor``, ``Mod``, ...).

    >>> import sympy
    >>> s, o, p, d, k = sympy.symbols("s o p d k", integer=True)
    >>> sympy.latex(written("s*o - p + d*k", s=s, o=o, p=p, d=d, k=k), order="none")
    's o - p + d k'
    >>> written("s*o - x", s=s, o=o)
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: text: written 's*o - x' uses x, which is not given; pass every symbol it uses
    """
    expr = parse_expr(text, local_dict=dict(symbols), evaluate=False)
    if isinstance(expr, tuple):  # several expressions, separated by commas
        expr = sympy.Tuple(*expr)
    expr = _tidy(expr)
    unknown = sorted(str(symbol) for symbol in expr.free_symbols if not _given(symbol, symbols))
    if unknown:
        raise SpecError(
            "text", f"written {text!r} uses {', '.join(unknown)}, which is not given; pass every symbol it uses"
        )
    return expr


def _given(symbol: Any, symbols: dict[str, Any]) -> bool:
    """Whether a free symbol of a written text is one of the given ones (an entry ``W[k]`` of a
    given ``IndexedBase`` too: its indices are free symbols of their own)."""
    if isinstance(symbol, sympy.Indexed):
        symbol = symbol.base
    given = symbols.get(str(symbol.label if isinstance(symbol, sympy.IndexedBase) else symbol))
    if isinstance(given, sympy.IndexedBase):  # the base itself (rebuilt as written) or its label
        return bool(given == symbol or given.label == symbol)
    # equal, not identical: a symbol equals another of its name only with the same assumptions (and
    # SymPy's cache, cleared by unevaluated(), is what makes equal symbols identical)
    return isinstance(given, sympy.Symbol) and bool(given == symbol)


def _tidy(expr: Any) -> Any:
    """The parser's ``-1*2`` (a number negated) as the number ``-2``, nothing else evaluated."""
    if not isinstance(expr, Basic) or not expr.args:
        return expr
    if isinstance(expr, sympy.Mul) and len(expr.args) == 2 and expr.args[0] == -1 and expr.args[1].is_Number:
        return -expr.args[1]
    args = [_tidy(arg) for arg in expr.args]
    if all(new is old for new, old in zip(args, expr.args)):
        return expr  # nothing tidied: the node as parsed
    if isinstance(expr, (sympy.core.operations.AssocOp, sympy.core.relational.Relational, sympy.Pow, sympy.Function)):
        return expr.func(*args, evaluate=False)
    # any other node as parsed with its parts tidied, not built again (a Sum's constructor would add a factor 1)
    node = Basic.__new__(type(expr), *args)
    if isinstance(node, ExprWithLimits):  # what its constructor sets (a sum from -oo to oo is tidied)
        node.is_commutative = args[0].is_commutative
    return node


@contextmanager
def unevaluated() -> Iterator[None]:
    """SymPy's ``evaluate(False)`` for building display forms, with SymPy's cache cleared on the way
    in and out: the cache keys a constructor's arguments, not the global flag, so without this an
    unevaluated ``Add`` built here would be returned later where an evaluated one is asked for (and
    an evaluated one here). Every display form built under the global flag is built inside this.

    >>> import sympy
    >>> q, m = sympy.symbols("q m")
    >>> with unevaluated():
    ...     shown = sympy.Add(q, -1, -m)
    >>> shown.args, sympy.Add(q, -1, -m).args
    ((q, -1, -m), (-1, q, -m))
    """
    sympy.core.cache.clear_cache()
    try:
        with sympy.evaluate(False):
            yield
    finally:
        sympy.core.cache.clear_cache()


def rebuilt(expr: Any) -> Any:
    """``expr`` rebuilt bottom-up with SymPy's automatic evaluation: every node constructed again
    by its class from its rebuilt arguments, ``UnevaluatedExpr`` removed; matrices entry by entry.

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> rebuilt(sympy.Add(x, x, evaluate=False)), rebuilt(sympy.UnevaluatedExpr(x) + x)
    (2*x, 2*x)
    >>> rebuilt(sympy.Sum(x, (x, 0, 2)))  # a sum is not evaluated: that is not automatic
    Sum(x, (x, 0, 2))
    >>> rebuilt(x >= 0) == rebuilt(sympy.Le(0, x, evaluate=False))  # one relation, read either way
    True
    """
    if isinstance(expr, MatrixBase):
        return sympy.ImmutableMatrix(expr.rows, expr.cols, [rebuilt(entry) for entry in expr])
    if isinstance(expr, UnevaluatedExpr):
        return rebuilt(expr.args[0])
    if isinstance(expr, Chained):  # a condition as written is the conjunction of its links
        return sympy.And(*[rebuilt(arg) for arg in expr.args])
    if not isinstance(expr, Basic) or not expr.args or (expr.is_Atom and not isinstance(expr, sympy.Indexed)):
        return expr  # an Indexed is an atom with arguments: its indices are rebuilt too
    if isinstance(expr, (sympy.GreaterThan, sympy.StrictGreaterThan)):  # b >= a is written a <= b
        return rebuilt(expr.reversed)
    return expr.func(*[rebuilt(arg) for arg in expr.args])


def display_mismatch(display: Any, checked: Any) -> str:
    """Why ``display`` may not stand for ``checked`` (``""`` when it may): the two must be
    structurally identical after :func:`rebuilt`. A comparison that cannot run refuses."""
    try:
        shown, proved = rebuilt(display), rebuilt(checked)
        if bool(shown == proved):
            return ""
    except Exception as error:  # a check that cannot run fails
        return f"the display form could not be compared with the checked form: {type(error).__name__}: {error}"
    return (
        f"the display form {written_text(display)} is not the checked form {sympy.sstr(checked)} "
        f"(after evaluation: {sympy.sstr(shown)} and {sympy.sstr(proved)})"
    )


def written_text(expr: Any) -> str:
    """``expr`` as one line of text in the order it is written (``order="none"``)."""
    return sympy.sstr(expr, order="none")


class AsWritten:
    r"""A display form that prints in the order it is written with any printer (``order="none"``),
    for the places that print an object directly (a table's cell); ``checked``, when given, is what
    it stands for, and it is refused unless the two agree (:func:`display_mismatch`).

    >>> import sympy
    >>> from sympy.printing.latex import LatexPrinter
    >>> h, s, p, q = sympy.symbols("h s p q", integer=True)
    >>> shown = written("(h - 1)*s - 2*p + q", h=h, s=s, p=p, q=q)
    >>> sympy.latex(AsWritten(shown, -2*p + q + s*(h - 1)))
    '\\left(h - 1\\right) s - 2 p + q'
    >>> AsWritten(shown, 2*p + q + s*(h - 1))
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: display: the display form (h - 1)*s - 2*p + q is not the checked form ...
    """

    def __init__(self, expr: Any, checked: Any = None) -> None:
        if checked is not None:
            mismatch = display_mismatch(expr, checked)
            if mismatch:
                raise SpecError("display", mismatch)
        self.expr = expr

    def _print_as_written(self, printer: Any) -> str:
        with as_written(printer):
            if isinstance(self.expr, sympy.Equality):  # both sides as written, one equals sign
                return f"{printer._print(self.expr.lhs)} = {printer._print(self.expr.rhs)}"
            return str(printer._print(self.expr))

    def _latex(self, printer: Any) -> str:
        return self._print_as_written(printer)

    def _sympystr(self, printer: Any) -> str:
        return self._print_as_written(printer)

    def __str__(self) -> str:
        return written_text(self.expr)


def written_condition(text: str, **symbols: Any) -> Chained:
    """A condition as written (:class:`Chained`): chains of inequalities separated by commas,
    ``"0 <= j <= (h - 1)*s - 2*p, 0 <= b < x"``; each expression is parsed by :func:`written` and
    each relation built unevaluated, so ``0 <= u - n`` stays as written.

    >>> import sympy
    >>> a, b, x, u, n = sympy.symbols("a b x u n", integer=True)
    >>> written_condition("0 <= a < x, 0 <= b < x", a=a, b=b, x=x).args
    (0 <= a, a < x, 0 <= b, b < x)
    >>> print(written_condition("0 <= u - n <= x - 1", u=u, n=n, x=x))
    0 <= u - n <= x - 1
    >>> written_condition("0 <= a, a", a=a)
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: text: written condition '0 <= a, a' has a chain without a relation (0 <= j < h)
    """
    relations = {"<=": sympy.LessThan, "<": sympy.StrictLessThan, ">=": sympy.GreaterThan, ">": sympy.StrictGreaterThan}
    conjuncts: list[Any] = []
    for chain in _top_level_split(text, ","):
        parts = re.split(r"(<=|>=|<|>)", chain)
        if len(parts) < 3:
            raise SpecError("text", f"written condition {text!r} has a chain without a relation (0 <= j < h)")
        exprs = [written(part.strip(), **symbols) for part in parts[::2]]
        for left, op, right in zip(exprs, parts[1::2], exprs[1:]):
            conjuncts.append(relations[op](left, right, evaluate=False))
    return Chained(*conjuncts)


def _top_level_split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside parentheses and brackets."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if char == separator and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def as_built(cls: type, *args: Any) -> Any:
    """``cls(*args)`` built without its constructor's rewriting: a display form whose parts stay as
    written where even ``evaluate=False`` rewrites them (``Piecewise`` puts its conditions in a
    canonical form, ``Sum`` folds a ``Piecewise``). Like every display form it is only printed and
    compared after :func:`rebuilt`, which builds it again with its constructor.

    >>> import sympy
    >>> u, n, h = sympy.symbols("u n h", integer=True)
    >>> condition = written_condition("0 <= u - n <= h - 1", u=u, n=n, h=h)
    >>> pair = as_built(sympy.functions.elementary.piecewise.ExprCondPair, u, condition)
    >>> shown = as_built(sympy.Piecewise, pair, sympy.functions.elementary.piecewise.ExprCondPair(0, True))
    >>> print(sympy.latex(shown))
    \\begin{cases} u & \\text{for}\\: 0 \\le u - n \\le h - 1 \\\\0 & \\text{otherwise} \\end{cases}
    """
    return Basic.__new__(cls, *args)


def zero_elsewhere(value: Any, condition: Any) -> Any:
    """``value`` where ``condition`` holds, 0 elsewhere (a ``Piecewise``), built as written
    (:func:`as_built`): the display form of a zero extension or an indicator.

    >>> import sympy
    >>> u, n, h = sympy.symbols("u n h", integer=True)
    >>> shown = zero_elsewhere(u, written_condition("0 <= u - n <= h - 1", u=u, n=n, h=h))
    >>> print(sympy.latex(shown))
    \\begin{cases} u & \\text{for}\\: 0 \\le u - n \\le h - 1 \\\\0 & \\text{otherwise} \\end{cases}
    """
    pair = sympy.functions.elementary.piecewise.ExprCondPair
    return as_built(sympy.Piecewise, as_built(pair, value, condition), pair(0, sympy.true))
