"""Running derivations from scripts and from the CLI."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, TextIO

import sympy

__all__ = ["run"]


def run(derivations: Iterable[Any], stream: TextIO | None = None, *, seed: int = 0) -> int:
    """Check each derivation, print its report; 0 if all verify, 1 otherwise.

    Each derivation script ends with ``raise SystemExit(run(derivations()))``.
    """
    stream = stream or sys.stdout
    failed = 0
    for derivation in derivations:
        report = derivation.check(seed=seed)
        print(sympy.sstr(report), file=stream)
        print(file=stream)
        failed += not report.ok
    return 1 if failed else 0
