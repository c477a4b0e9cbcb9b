r"""A checked derivation in LaTeX: what :func:`~symconv.latex` and Jupyter show for a
:class:`~.derivation.Report`.

Unlike the derivation itself (its steps as an ``aligned`` block), the report states what is
proved, under which hypotheses, marks every step and every numeric check with ``\checkmark``
or ``\times``, and ends with the verdict.

>>> import sympy
>>> from symconv.proof import EXPAND, Derivation, Step
>>> x = sympy.Symbol("x")
>>> square = Derivation("square", "A square", "expanding $(x + 1)^2$",
...                     steps=(Step((x + 1)**2, x**2 + 2*x + 1, "binomial formula", EXPAND),))
>>> print(sympy.latex(square.report()))
\begin{aligned}
&\text{expanding $(x + 1)^2$} \\
\left(x + 1\right)^{2} &= x^{2} + 2 x + 1 && \text{binomial formula} && \checkmark \\
&&& \text{verified: 1 step}
\end{aligned}
"""

from __future__ import annotations

from typing import Any

import sympy

from ..printing.text import text_latex

__all__ = ["report_latex", "MARKS"]

#: The marks of a step or check that passed and of one that failed.
MARKS = {True: r"\checkmark", False: r"\times"}


def report_latex(report: Any, printer: Any) -> str:
    """The report as an ``aligned`` block: the statement, the hypotheses, each step with its
    justification and mark, each numeric check with its mark, the verdict."""
    derivation = report.derivation
    lines = [r"&\text{%s}" % text_latex(derivation.statement)] if derivation.statement else []
    if derivation.hypotheses is not sympy.true:
        lines.append(r"&& \text{assuming } %s" % printer._print(derivation.hypotheses))
    for result in report.steps:
        lines.append(result.step._latex_line(printer) + " && " + MARKS[bool(result.ok)])
    for check, ok, _ in report.checks:
        lines.append(r"&& \text{check: %s} && %s" % (text_latex(check.description), MARKS[bool(ok)]))
    n, checks = len(report.steps), len(report.checks)
    verdict = ("verified: " if report.ok else "FAILED: ") + f"{n} step{'s' * (n != 1)}"
    if checks:
        verdict += f", {checks} numeric check{'s' * (checks != 1)}"
    lines.append(r"&&& \text{%s}" % verdict)
    return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"
