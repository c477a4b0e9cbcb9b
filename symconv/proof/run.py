"""Running derivations from scripts and from the CLI, and counting what their checks saw."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

import sympy

__all__ = ["run", "Tally", "tally"]


@dataclass(frozen=True)
class Tally:
    """What the reports of several derivations checked, for a summary line or the notes.

    ``numeric`` counts the steps whose numeric check passed having seen non-zero values;
    ``declared`` holds the reasons of the steps declared not numeric (one per step).
    """

    derivations: int
    verified: int
    steps: int
    numeric: int
    declared: tuple[str, ...]
    checks: int

    def __str__(self) -> str:
        return (
            f"{self.verified} of {self.derivations} derivations verified; {self.steps} steps: "
            f"{self.numeric} checked numerically with non-zero values, {len(self.declared)} declared not numeric; "
            f"{self.checks} numeric checks"
        )


def tally(reports: Iterable[Any]) -> Tally:
    """Count the steps, the numeric checks that saw non-zero values and the declarations.

    >>> import sympy
    >>> from symconv.proof import EXPAND, Derivation, Step
    >>> x = sympy.Symbol("x")
    >>> square = Step((x + 1)**2, x**2 + 2*x + 1, "square", EXPAND)
    >>> declared = Step(x*(x + 1), x**2 + x, "expand", EXPAND, numeric="a test")
    >>> counts = tally([Derivation("d", "d", "", steps=(square, declared)).report()])
    >>> counts.steps, counts.numeric, counts.declared
    (2, 1, ('not numeric: a test',))
    """
    reports = list(reports)
    results = [r for report in reports for r in report.steps]
    return Tally(
        derivations=len(reports),
        verified=sum(report.ok for report in reports),
        steps=len(results),
        numeric=sum(r.numeric is True and r.nonzero > 0 for r in results),
        declared=tuple(r.numeric_detail for r in results if r.numeric is None),
        checks=sum(len(report.checks) for report in reports),
    )


def run(derivations: Iterable[Any], stream: TextIO | None = None, *, seed: int = 0) -> int:
    """Check each derivation, print its report and a summary; 0 if all verify, 1 otherwise.

    Each derivation script ends with ``raise SystemExit(run(derivations()))``.

    >>> import io, sympy
    >>> from symconv.proof import EXPAND, Derivation, Step
    >>> x = sympy.Symbol("x")
    >>> run([Derivation("square", "A square", "", steps=(Step((x + 1)**2, x**2 + 2*x + 1, "expand", EXPAND),))],
    ...     io.StringIO())
    0
    """
    stream = stream or sys.stdout
    reports = []
    for derivation in derivations:
        report = derivation.report(seed=seed)
        print(sympy.sstr(report), file=stream)
        print(file=stream)
        reports.append(report)
    summary = tally(reports)
    print(summary, file=stream)
    return 0 if summary.verified == summary.derivations else 1
