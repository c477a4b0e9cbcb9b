r"""Conditions as people write them: chains of inequalities (``0 <= j < h``) separated by commas,
and expressions printed in the order they are written.

:func:`condition_chains` reads a condition as chains, :func:`print_condition` prints them with any
printer (LaTeX or text), :class:`Chained` is a condition kept in the order written (a display form
of the proof layer, :func:`symconv.proof.written_condition`), and :func:`as_written` makes a
printer keep the order of the terms as built (``order="none"``).

>>> import sympy
>>> from sympy.printing.latex import LatexPrinter
>>> j, h = sympy.symbols("j h", integer=True)
>>> print_condition(sympy.And(j >= 0, j < h), LatexPrinter())
'0 \\le j < h'
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sympy
from sympy import Basic

__all__ = ["as_written", "condition_chains", "print_condition", "Chained"]


@contextmanager
def as_written(printer: Any) -> Iterator[Any]:
    """``printer`` printing sums in the order their terms were written (``order="none"``), restored after.

    >>> import sympy
    >>> from sympy.printing.latex import LatexPrinter
    >>> q, p = sympy.symbols("q p")
    >>> printer = LatexPrinter()
    >>> with as_written(printer):
    ...     printer.doprint(sympy.Add(q, -1, -p, evaluate=False))
    'q - 1 - p'
    >>> printer.doprint(sympy.Add(q, -1, -p, evaluate=False))
    '- p + q - 1'
    """
    settings = printer._settings
    saved = settings.get("order", None)
    settings["order"] = "none"
    try:
        yield printer
    finally:
        settings["order"] = saved


_ASCENDING = {sympy.LessThan: "<=", sympy.StrictLessThan: "<"}
_DESCENDING = {sympy.GreaterThan: "<=", sympy.StrictGreaterThan: "<"}


def condition_chains(condition: Any) -> list[list[Any]]:
    """``condition`` as chains of inequalities, the way a person writes a condition: each chain
    alternates expressions and the relations ``"<="``, ``"<"`` (``[0, "<=", j, "<", h]``); the
    conjuncts of an ``And`` that share an end are joined (``j >= 0`` and ``j <= x`` give
    ``0 <= j <= x``), in the order they are written; any other relation is a chain of its own
    (``[j, "!=", 0]``), any other condition a chain of one element. Nothing is dropped: every
    conjunct is one link of one chain.

    >>> import sympy
    >>> j, x, a, b = sympy.symbols("j x a b", integer=True)
    >>> condition_chains(sympy.And(j >= 0, j <= x))
    [[0, '<=', j, '<=', x]]
    >>> condition_chains(sympy.And(0 <= a, a < x, 0 <= b, b < x, evaluate=False))
    [[0, '<=', a, '<', x], [0, '<=', b, '<', x]]
    >>> condition_chains(sympy.Ne(j, 0))
    [[j, '!=', 0]]
    """
    conjuncts = condition.args if isinstance(condition, (sympy.And, Chained)) else (condition,)
    chains: list[list[Any]] = []
    for conjunct in conjuncts:
        link: list[Any]
        if type(conjunct) in _ASCENDING:
            link = [conjunct.lhs, _ASCENDING[type(conjunct)], conjunct.rhs]
        elif type(conjunct) in _DESCENDING:
            link = [conjunct.rhs, _DESCENDING[type(conjunct)], conjunct.lhs]
        elif isinstance(conjunct, sympy.core.relational.Relational):
            chains.append([conjunct.lhs, conjunct.rel_op, conjunct.rhs])
            continue
        else:
            chains.append([conjunct])
            continue
        for chain in chains:
            if len(chain) < 3 or chain[1] not in ("<=", "<"):
                continue
            if chain[-1] == link[0]:
                chain.extend(link[1:])
                break
            if chain[0] == link[-1]:
                chain[:0] = link[:-1]
                break
        else:
            chains.append(link)
    return chains


_RELATIONS = {
    "_latex": {"<=": r"\le", "<": "<", ">=": r"\ge", ">": ">", "!=": r"\ne", "==": "="},
    "_sympystr": {"<=": "<=", "<": "<", ">=": ">=", ">": ">", "!=": "!=", "==": "="},
}


def print_condition(condition: Any, printer: Any, written: bool = False) -> str:
    r"""``condition`` printed by ``printer`` (LaTeX or text) as :func:`condition_chains`, the chains
    separated by commas; ``written`` prints the expressions in the order they are written.

    >>> import sympy
    >>> from sympy.printing.latex import LatexPrinter
    >>> j, h, s, p = sympy.symbols("j h s p", integer=True)
    >>> last = sympy.Add(sympy.Mul(sympy.Add(h, -1, evaluate=False), s, evaluate=False), -2 * p, evaluate=False)
    >>> shown = sympy.And(sympy.Le(0, j, evaluate=False), sympy.Le(j, last, evaluate=False), evaluate=False)
    >>> print_condition(shown, LatexPrinter(), written=True)
    '0 \\le j \\le \\left(h - 1\\right) s - 2 p'
    """
    relations = _RELATIONS["_latex" if getattr(printer, "printmethod", "") == "_latex" else "_sympystr"]

    def chain_text(chain: list[Any]) -> str:
        return " ".join(relations[part] if isinstance(part, str) else str(printer._print(part)) for part in chain)

    if written:
        with as_written(printer):
            return ", ".join(chain_text(chain) for chain in condition_chains(condition))
    return ", ".join(chain_text(chain) for chain in condition_chains(condition))


class Chained(sympy.logic.boolalg.Boolean):
    r"""A condition as written: its conjuncts in the order written, printed as chains of
    inequalities separated by commas by every printer (:func:`condition_chains`). The proof layer
    lets it stand for ``And`` of its conjuncts (:func:`symconv.proof.display.rebuilt`), so it can
    be a display form of a condition (:func:`symconv.proof.written_condition`), also inside a
    ``Piecewise``. It is only printed and compared, never evaluated.

    >>> import sympy
    >>> t, x = sympy.symbols("t x", integer=True)
    >>> last = sympy.Add(x, -1, evaluate=False)  # x - 1 as written
    >>> shown = Chained(sympy.Le(0, t, evaluate=False), sympy.Le(t, last, evaluate=False))
    >>> sympy.latex(shown), sympy.sstr(shown)
    ('0 \\le t \\le x - 1', '0 <= t <= x - 1')
    """

    def __new__(cls, *conjuncts: Any) -> Chained:
        return Basic.__new__(cls, *conjuncts)

    def _latex(self, printer: Any) -> str:
        return print_condition(self, printer, written=True)

    def _sympystr(self, printer: Any) -> str:
        return print_condition(self, printer, written=True)

    def _pretty(self, printer: Any) -> Any:
        from sympy.printing.pretty.stringpict import prettyForm

        relations = {"<=": " ≤ ", "<": " < ", ">=": " ≥ ", ">": " > ", "!=": " ≠ ", "==": " = "}
        form = None
        with as_written(printer):
            for chain in condition_chains(self):
                for n, part in enumerate(chain):
                    piece = prettyForm(relations[part]) if isinstance(part, str) else printer._print(part)
                    if form is None:
                        form = piece
                    else:
                        form = prettyForm(*form.right(", " if n == 0 else "", piece))
        return form
