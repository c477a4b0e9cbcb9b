r"""Derivations: sequences of steps that are checked and rendered.

A :class:`Step` states ``lhs = rhs`` (or continues a chain from the previous
right-hand side, or states a relation that must hold) with a one-line
justification and the transformation under which SymPy checks it exactly. Where
numbers make sense each step is also checked by random substitution. A
:class:`Check` adds a numeric comparison with an independent implementation.

>>> import sympy
>>> from symconv.proof import EXPAND
>>> x = sympy.Symbol("x")
>>> d = Derivation("square", "A square", "expanding a square", steps=(
...     Step((x + 1)**2, x**2 + 2*x + 1, "binomial formula", EXPAND),))
>>> print(d.verify())
square: A square
  [ok] (x + 1)**2 = x**2 + 2*x + 1    binomial formula  (exact: expand; numeric: equal at 3 random points)
verified: 1 step
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from math import prod
from typing import Any

import sympy
from sympy.printing.defaults import Printable

from ..errors import VerificationError
from ..printing.text import text_latex, text_plain
from .numeric import compare_numerically
from .transformations import STRUCTURAL, Transformation

__all__ = ["Step", "Check", "Derivation", "Report", "StepResult"]


def _brief(obj: Any, printer: Any) -> str:
    """Text of an object for one report line: large matrices and arrays by their shape."""
    shape = (
        getattr(obj, "shape", None) if isinstance(obj, (sympy.MatrixBase, sympy.NDimArray, sympy.MatrixExpr)) else None
    )
    if shape is None and hasattr(obj, "matrix"):  # LinearMap
        return f"{_brief(obj.matrix, printer)}*{_brief(obj.vector, printer)}"
    if isinstance(obj, sympy.MatMul):
        return "*".join(_brief(factor, printer) for factor in obj.args)
    if shape is not None and len(shape) and prod(shape) > 1:
        return f"<{type(obj).__name__} {'x'.join(map(str, shape))}>"
    return printer._print(obj)


@dataclass(frozen=True)
class Step(Printable):
    """One step: ``lhs = rhs`` checked after ``via``.

    ``lhs=None`` continues from the previous step's right-hand side (an ``align*``
    chain); ``rhs=None`` makes ``lhs`` a statement (a relation) that must become true
    after ``via``. ``numeric=False`` skips the substitution check (say why in
    ``because``).
    """

    lhs: Any
    rhs: Any
    because: str
    via: Transformation = STRUCTURAL
    numeric: bool = True
    #: where the step holds (a SymPy Boolean, e.g. ``0 <= m <= h - 2``): random points are drawn there
    where: Any = sympy.true

    def _sympystr(self, printer: Any) -> str:
        left = "" if self.lhs is None else _brief(self.lhs, printer)
        if self.rhs is None:
            return f"{left}    {text_plain(self.because)}"
        return f"{left} = {_brief(self.rhs, printer)}    {text_plain(self.because)}"

    def _latex_line(self, printer: Any) -> str:
        because = r" && \text{%s}" % text_latex(self.because)
        if self.rhs is None:
            return "& " + printer._print(self.lhs) + because
        left = "" if self.lhs is None else printer._print(self.lhs) + " "
        return left + "&= " + printer._print(self.rhs) + because

    def _latex(self, printer: Any) -> str:
        return "\\begin{aligned}" + self._latex_line(printer) + "\\end{aligned}"


@dataclass(frozen=True)
class Check:
    """A numeric check against an independent implementation.

    ``run(rng)`` raises ``AssertionError`` on a disagreement and returns what it
    checked (for the report), e.g. ``"120 random specs agree with numpy"``.
    """

    description: str
    run: Callable[[random.Random], str]


@dataclass(frozen=True)
class StepResult:
    """The outcome of one step: the exact check and the numeric check."""

    step: Step
    exact: bool
    exact_detail: str
    numeric: bool | None
    numeric_detail: str

    @property
    def ok(self) -> bool:
        return self.exact and self.numeric is not False


@dataclass(frozen=True)
class Derivation(Printable):
    """A named derivation: a statement, its steps and its numeric checks.

    ``hypotheses`` (a SymPy Boolean) restricts the random points of the numeric
    checks to the cases the statement is about (for example ``a < s``).
    """

    name: str
    title: str
    statement: str
    steps: tuple[Step, ...]
    checks: tuple[Check, ...] = ()
    hypotheses: Any = sympy.true
    fact: str = ""

    def check(self, *, seed: int = 0, trials: int = 3) -> "Report":
        """Check every step (exactly, then numerically) and every numeric check; never raises."""
        rng = random.Random(seed)
        results: list[StepResult] = []
        previous = None
        for step in self.steps:
            lhs = previous if step.lhs is None else step.lhs
            try:
                via = step.via.given(sympy.And(self.hypotheses, step.where))  # the rule may use what the step assumes
                if step.rhs is None:
                    exact_detail = via.confirm(lhs)
                else:
                    exact_detail = via.compare(lhs, step.rhs)
            except Exception as error:  # a failing step must be reported, not crash the report
                exact_detail = f"{type(error).__name__}: {error}"
            if step.numeric:
                numeric, numeric_detail = compare_numerically(
                    lhs,
                    step.rhs,
                    rng,
                    hypotheses=sympy.And(self.hypotheses, step.where),
                    trials=trials,
                    prepare=step.via.unfold,
                )
            else:
                numeric, numeric_detail = None, "not applicable"
            results.append(StepResult(step, not exact_detail, exact_detail or step.via.name, numeric, numeric_detail))
            previous = step.rhs if step.rhs is not None else previous
        checks: list[tuple[Check, bool, str]] = []
        for check in self.checks:
            try:
                checks.append((check, True, check.run(rng)))
            except AssertionError as error:
                checks.append((check, False, str(error) or "failed"))
        return Report(self, tuple(results), tuple(checks))

    def verify(self, *, seed: int = 0, trials: int = 3) -> "Report":
        """Like :meth:`check`, but raise :class:`~symconv.VerificationError` if anything fails."""
        report = self.check(seed=seed, trials=trials)
        if not report.ok:
            raise VerificationError(f"{self.name}: {report.failure()}")
        return report

    def _sympystr(self, printer: Any) -> str:
        lines = [f"{self.name}: {self.title}", f"  {text_plain(self.statement)}"]
        previous_lhs = ""
        for step in self.steps:
            text = printer._print(step)
            lines.append("  " + (" " * len(previous_lhs) + text if step.lhs is None else text))
        return "\n".join(lines)

    def _latex(self, printer: Any) -> str:
        lines = [step._latex_line(printer) for step in self.steps]
        return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"

    def align(self, printer: Any = None) -> str:
        """The steps as an ``align*`` environment (for documents); ``printer`` defaults to SymPy's."""
        if printer is None:
            from sympy.printing.latex import LatexPrinter

            printer = LatexPrinter()
        lines = [step._latex_line(printer) for step in self.steps]
        return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}"


@dataclass(frozen=True)
class Report(Printable):
    """The result of checking a derivation: one line per step and per numeric check."""

    derivation: Derivation
    steps: tuple[StepResult, ...]
    checks: tuple[tuple[Check, bool, str], ...] = field(default=())

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.steps) and all(ok for _, ok, _ in self.checks)

    def failure(self) -> str:
        """The first failing step or check, in one line."""
        for n, r in enumerate(self.steps, 1):
            if not r.exact:
                return f"step {n} ({text_plain(r.step.because)}) fails exactly: {r.exact_detail}"
            if r.numeric is False:
                return f"step {n} ({text_plain(r.step.because)}) fails numerically: {r.numeric_detail}"
        for check, ok, detail in self.checks:
            if not ok:
                return f"check '{check.description}' fails: {detail}"
        return ""

    def _sympystr(self, printer: Any) -> str:
        d = self.derivation
        lines = [f"{d.name}: {d.title}"]
        for r in self.steps:
            mark = "ok" if r.ok else "FAIL"
            lines.append(
                f"  [{mark}] {printer._print(r.step)}  (exact: {text_plain(r.exact_detail)}; "
                f"numeric: {r.numeric_detail})"
            )
        for check, ok, detail in self.checks:
            lines.append(f"  [{'ok' if ok else 'FAIL'}] check: {check.description}: {detail}")
        n = len(self.steps)
        lines.append(
            ("verified: " if self.ok else "FAILED: ")
            + f"{n} step{'s' * (n != 1)}"
            + (f", {len(self.checks)} numeric check{'s' * (len(self.checks) != 1)}" if self.checks else "")
        )
        return "\n".join(lines)

    def _latex(self, printer: Any) -> str:
        return printer._print(self.derivation)
