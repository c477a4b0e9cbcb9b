r"""Which rules of the catalogue close a failing step: tried cheaply, named, never trusted.

A failing step's explanation (:mod:`.explain`) names the rules that close its exact comparison:
each parameterless rule of the catalogue, then, when none does, the step's own rule after or
before one of them. A rule is tried only while the sides have at most :data:`MAX_NODES` nodes,
within :data:`TIME_LIMIT` seconds, and all of them within :data:`BUDGET` seconds (where the
platform has a timer: the main thread on Unix with no other timer running; elsewhere the size
limit alone applies). A suggestion is text for the author: it never makes a step pass.

>>> import sympy
>>> from symconv.proof import STRUCTURAL, Step
>>> i, k, n = sympy.symbols("i k n", integer=True)
>>> W, X = sympy.IndexedBase("W"), sympy.IndexedBase("X")
>>> step = Step(W[k] * sympy.Sum(X[i], (i, 0, n)), sympy.Sum(W[k] * X[i], (i, 0, n)), "move W_k in", STRUCTURAL)
>>> suggestions(step, step.lhs, sympy.true)
"would close the step (tried, not verified: state it as the step's transformation and run again): SUMS"
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

import sympy
from sympy import Basic, MatrixBase, NDimArray

from ..printing.text import text_plain
from .catalogue import CATALOGUE, candidates
from .compare import entries
from .integers import IntegerParts, Within
from .premises import unproved
from .transformations import Composition, Transformation

__all__ = ["suggestions", "attempt", "size", "TIME_LIMIT", "BUDGET", "MAX_NODES"]

#: Seconds one rule may take on a failing step (rewriting its sides, or trying a suggestion).
TIME_LIMIT = 1.0
#: Seconds all suggestions for one step may take.
BUDGET = 4.0
#: Sides with more nodes than this (all entries of a matrix together) are not rewritten again.
MAX_NODES = 4000


class _TimeUp(BaseException):
    """Raised by the timer: a BaseException, so that no ``except Exception`` inside SymPy swallows it."""


@contextmanager
def _limited(seconds: float) -> Iterator[None]:
    """Interrupt the body after ``seconds`` (main thread on Unix, no other timer running); elsewhere
    it runs unlimited (the size limit :data:`MAX_NODES` still applies)."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def attempt(function: Callable[[], Any], seconds: float | None = None) -> tuple[bool, Any]:
    """``(True, value)``, or ``(False, why)`` when ``function`` raised or ran out of time."""
    try:
        with _limited(TIME_LIMIT if seconds is None else seconds):
            return True, function()
    except _TimeUp:
        return False, "ran out of time"
    except Exception as error:  # the explanation must not fail where the step did
        return False, f"{type(error).__name__}: {error}"


def size(obj: Any) -> int:
    """The size of a side: nodes of its expression trees, entries of a matrix together (capped)."""
    if isinstance(obj, (MatrixBase, NDimArray)):
        found = entries(obj) or {}
        return sum(size(v) for v in list(found.values())[:MAX_NODES]) + len(found)
    if isinstance(obj, Basic):
        count = 0
        for _ in sympy.preorder_traversal(obj):
            count += 1
            if count > MAX_NODES:
                break
        return count
    return 1


def suggestions(step: Any, lhs: Any, given: Any) -> str:
    """The rules of the catalogue (and the step's rule after or before one of them) that close
    the exact comparison of ``lhs`` with the step's right-hand side: tried within the limits of
    the module, named, never trusted."""
    if size(lhs) + size(step.rhs) > MAX_NODES:
        return "no transformations tried: the sides are too large"
    own = step.via
    singles = [(rule, _usage(rule)) for rule in candidates() if not _same_rule(rule, own)]
    composed = [
        pair
        for rule, usage in singles
        for pair in (
            (Composition(rule, own), f"{usage} >> {_usage(own)}"),
            (Composition(own, rule), f"{_usage(own)} >> {usage}"),
        )
    ]
    tries = singles + composed
    closing: list[str] = []
    tried, start = 0, time.monotonic()
    for rule, usage in tries:
        left = BUDGET - (time.monotonic() - start)
        if left <= 0 or (closing and tried >= len(singles)) or len(closing) >= 3:
            break  # out of time, or a single rule closes it (no composition needed), or enough found
        tried += 1
        ok, closes = attempt(partial(_closes, _told(rule, given), lhs, step.rhs, given), min(TIME_LIMIT, left))
        if ok and closes:
            closing.append(usage)
    note = "" if tried == len(tries) or closing else f" ({tried} of {len(tries)} tried within {BUDGET:g} s)"
    if not closing:
        return f"no transformation of the catalogue closes the step{note}"
    return (
        "would close the step (tried, not verified: state it as the step's transformation and run again): "
        + "; ".join(closing)
        + note
    )


def _closes(rule: Any, lhs: Any, rhs: Any, given: Any) -> bool:
    detail = rule.confirm(lhs) if rhs is None else rule.compare(lhs, rhs)
    return not detail and not unproved(rule.conditions(), given, (lhs, rhs))


def _same_rule(a: Any, b: Any) -> bool:
    return type(a) is type(b) and getattr(a, "name", None) == getattr(b, "name", None)


def _usage(rule: Transformation) -> str:
    """How a derivation writes ``rule``: ``SUMS``, ``within()``, or its name."""
    for entry in CATALOGUE:
        if entry.rule is rule:
            return entry.usage
    if isinstance(rule, Within) and not rule.bounds:
        return "within()"
    if isinstance(rule, IntegerParts) and not rule.bounds:
        return "integer_parts()"
    if isinstance(rule, Composition):
        return f"{_usage(rule.first)} >> {_usage(rule.second)}"
    return f"the step's rule ({_name(rule)})"


def _told(rule: Any, given: Any) -> Any:
    tell = getattr(rule, "given", None)
    return tell(given) if callable(tell) else rule


def _name(rule: Any) -> str:
    return text_plain(getattr(rule, "name", str(rule)))
