r"""A checked derivation for a terminal, as mathematics: what ``symconv prove`` prints.

Each step is drawn by SymPy's pretty printer (sums with their limits, fractions, floors) in the
order its display forms are written (:meth:`~.derivation.Step.displayed`: the same sides the
notes show), with its justification above it and the checker's words on their own indented line
under it; a large matrix is named by its shape. The report's one-line text (``str(report)``)
stays for logs and failure messages.

>>> import sympy
>>> from symconv.proof import EXPAND, Derivation, Step, written
>>> q, p = sympy.symbols("q p", integer=True)
>>> step = Step(2*q - 2*p - 2, 2*q - 2 - 2*p, "total padding", EXPAND, display_lhs=written("2*(q - 1 - p)", q=q, p=p))
>>> print(pretty_report(Derivation("padding", "The total padding", "", steps=(step,)).report()))
padding: The total padding
  (1) total padding
      2⋅(q - 1 - p) = -2⋅p + 2⋅q - 2
      ✓ exact: expand; numeric: equal at 24 points (...)
verified: 1 step
"""

from __future__ import annotations

import re
from typing import Any

import sympy
from sympy.printing.pretty.pretty import PrettyPrinter
from sympy.printing.pretty.stringpict import prettyForm
from sympy.printing.str import StrPrinter

from ..printing.chains import condition_chains
from ..printing.text import sized, text_plain
from .display import LARGE

__all__ = ["pretty_report", "pretty_step"]

_INDENT = "      "


class _Pretty(PrettyPrinter):
    """SymPy's pretty printer; a part kept as written (``UnevaluatedExpr``) that is a sum in parentheses."""

    def _print_Indexed(self, expr: Any) -> prettyForm:
        """``W[q - 1 - m]``: the label, then the indices drawn by this printer (in its order)."""
        indices = ", ".join(self._print(index).render(wrap_line=False) for index in expr.indices)
        return prettyForm(f"{self._print(expr.base.label).render(wrap_line=False)}[{indices}]")

    def emptyPrinter(self, expr: Any) -> Any:
        """An object without a picture (``Y_ins[j + d m]``): its text, products as ``⋅``, in this printer's order."""
        if isinstance(expr, sympy.Basic) and hasattr(expr, "_sympystr"):
            text = StrPrinter({"order": self._settings.get("order")}).doprint(expr)
            return prettyForm(re.sub(r"(?<!\*)\*(?!\*)", "⋅", text))
        return super().emptyPrinter(expr)

    def _print_UnevaluatedExpr(self, expr: Any) -> prettyForm:
        inner = self._print(expr.args[0])
        return prettyForm(*inner.parens()) if isinstance(expr.args[0], sympy.Add) else inner


def _side(obj: Any, printer: PrettyPrinter, written: bool) -> prettyForm:
    if isinstance(obj, (sympy.MatrixBase, sympy.NDimArray)) and sympy.prod(obj.shape) > LARGE:
        return prettyForm(sized(obj, sympy.printing.str.StrPrinter()))
    if hasattr(obj, "matrix") and hasattr(obj, "vector"):  # a LinearMap: C X
        return prettyForm(*_side(obj.matrix, printer, False).right(" ", _side(obj.vector, printer, False)))
    saved = printer._settings.get("order")
    printer._settings["order"] = "none" if written else saved
    try:
        return printer._print(obj)
    finally:
        printer._settings["order"] = saved


def pretty_step(step: Any, width: int = 100) -> str:
    """The shown sides of ``step`` drawn by SymPy's pretty printer (``= rhs`` in a chain); a relation
    wider than ``width`` columns puts ``= rhs`` on the lines under its left side."""
    shown = step.displayed()
    printer = _Pretty({"use_unicode": True, "wrap_line": False, "num_columns": width})
    parts: list[prettyForm] = []
    if shown.lhs is not None:
        parts.append(_side(shown.lhs, printer, shown.written[0]))
    if shown.rhs is not None:
        if shown.lhs is not None or shown.chained:
            parts.append(prettyForm(f" {shown.relation} " if parts else f"{shown.relation} "))
        parts.append(_side(shown.rhs, printer, shown.written[1]))
    form = parts[0]
    for part in parts[1:]:
        form = prettyForm(*form.right(part))
    if form.width() > width and len(parts) == 3:  # too wide for one line: "= rhs" under the left side
        below = prettyForm(*prettyForm(f"{shown.relation} ").right(parts[2]))
        text = parts[0].render(wrap_line=False) + "\n" + below.render(wrap_line=False)
    else:
        text = form.render(wrap_line=False)
    if shown.where is not None:
        text += "\n" + _condition(shown, printer).render(wrap_line=False)
    return text


_RELATIONS = {"<=": " ≤ ", "<": " < ", ">=": " ≥ ", ">": " > ", "!=": " ≠ ", "==": " = "}


def _condition(shown: Any, printer: PrettyPrinter) -> prettyForm:
    """``where`` and the condition as chains of inequalities (``0 ≤ j ≤ x``), separated by commas."""
    form = prettyForm("where ")
    for n, chain in enumerate(condition_chains(shown.where)):
        if n:
            form = prettyForm(*form.right(", "))
        for part in chain:
            piece = prettyForm(_RELATIONS[part]) if isinstance(part, str) else _side(part, printer, shown.written_where)
            form = prettyForm(*form.right(piece))
    return form


def pretty_report(report: Any) -> str:
    """The report for a terminal: each step's justification, its formula, how it was checked."""
    derivation = report.derivation
    lines = [f"{derivation.name}: {text_plain(derivation.title)}"]
    if derivation.hypotheses is not sympy.true:
        lines.append(f"  assuming {sympy.pretty(derivation.hypotheses, use_unicode=True, wrap_line=False)}")
    for n, result in enumerate(report.steps, 1):
        mark = "✓" if result.ok else "✗ FAILED"
        lines.append(f"  ({n}) {text_plain(result.step.justification)}")
        lines += [_INDENT + line for line in pretty_step(result.step).splitlines()]
        numeric = f"; numeric: {result.numeric_detail}"
        lines.append(f"{_INDENT}{mark} exact: {text_plain(result.exact_detail)}{numeric}")
    for check, ok, detail in report.checks:
        lines.append(f"  {'✓' if ok else '✗ FAILED'} check: {text_plain(check.description)}: {text_plain(detail)}")
    n, checks = len(report.steps), len(report.checks)
    verdict = ("verified: " if report.ok else "FAILED: ") + f"{n} step{'s' * (n != 1)}"
    if checks:
        verdict += f", {checks} numeric check{'s' * (checks != 1)}"
    lines.append(verdict)
    if not report.ok:
        lines.append(report.failure())
    return "\n".join(lines)
