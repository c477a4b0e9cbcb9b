r"""Why a step fails: its sides after its transformation, the first difference, a numeric
counterexample, and the transformations of the catalogue that would close it.

A failing report ends with the explanation of its first failing step (the text of the report,
:meth:`~.derivation.Report.failure`, a failing pytest item). It names the kind of failure:

- **the equation is false**: the exact comparison fails and the numeric check found a point
  where the sides differ (its parameters are named); no transformation can close the step;
- **the transformation does not show it**: the exact comparison fails, but the sides are equal
  at the random points; the rules of the catalogue that close the comparison are named;
- **a side condition is not met**: the rule refused, naming its condition; state it in the
  derivation's ``hypotheses`` or the step's ``where`` (if it holds there);
- **the numbers disagree**: the exact comparison passed but the numeric check found a point
  where the sides differ: the rule's rewrite, the step's ``where`` or the hypotheses do not fit
  the statement.

The sides are shown after the step's transformation, in the seminar's plain-text notation
(:func:`~symconv.printing.text.plain`), and entries of matrices and arrays by their index
``(i, j, ...)``. Suggestions are tried, never trusted: a rule that closes the exact comparison
is named for you to state and run again; it never makes the step pass. They are tried cheaply:
within a size and a time limit (:mod:`.suggest`).

>>> import sympy
>>> from symconv.proof import STRUCTURAL, Derivation, Step
>>> i, k, n = sympy.symbols("i k n", integer=True)
>>> W, X = sympy.IndexedBase("W"), sympy.IndexedBase("X")
>>> step = Step(W[k] * sympy.Sum(X[i], (i, 0, n)), sympy.Sum(W[k] * X[i], (i, 0, n)), "move W_k in", STRUCTURAL)
>>> print(explanation(Derivation("inside", "Inside", "", steps=(step,)).report()))
why step 1 (move W_k in) fails: the rule 'structural equality' does not show it, but the sides are equal at ...
  left after the rule:  W[k]*sum[i=0..n](X[i])
  right after the rule: sum[i=0..n](W[k]*X[i])
  would close the step (tried, not verified: state it as the step's transformation and run again): SUMS
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Add, Basic, Dummy, Mul, Symbol

from ..printing.text import plain, text_plain
from .compare import entries, shape
from .suggest import MAX_NODES, attempt, size, suggestions

__all__ = ["explanation", "explain", "after_rule"]

#: Text of a side longer than this is cut.
WIDTH = 300


def explanation(report: Any) -> str:
    """Why the first failing step or check of ``report`` fails (``''`` when it verified), in
    lines; computed once per report."""
    cached = report.__dict__.get("_explanation")
    if cached is None:
        cached = _first(report)
        object.__setattr__(report, "_explanation", cached)
    return str(cached)


def _first(report: Any) -> str:
    for index, result in enumerate(report.steps):
        if not result.ok:
            return "\n".join(explain(report.derivation, index, result))
    for check, ok, detail in report.checks:
        if not ok:
            return f"why the check '{text_plain(check.description)}' fails: {text_plain(detail)}"
    return ""


def explain(derivation: Any, index: int, result: Any) -> list[str]:
    """The lines explaining why step ``index`` (from 0) of ``derivation``, whose outcome is
    ``result`` (a :class:`~.derivation.StepResult`), fails."""
    step = result.step
    lhs = _lhs(derivation, index)
    given = sympy.And(derivation.hypotheses, step.where)
    rule = _told(step.via, given)
    head = f"why step {index + 1} ({text_plain(step.because)}) fails: "
    numeric = f"numeric: {result.numeric_detail}"
    if result.exact:
        return [
            head + f"the numbers disagree: the rule '{_name(rule)}' shows it exactly, but {result.numeric_detail}",
            "  the rule's rewrite, the step's where-condition or the derivation's hypotheses do not fit "
            "the statement (a rule of your own must not change the value of what it rewrites)",
        ]
    detail = text_plain(result.exact_detail)
    if detail.startswith("SideConditionError: ") or "does not follow from the hypotheses" in detail:
        lines = [head + f"a side condition is not met: {detail.removeprefix('SideConditionError: ')}"]
        lines.append(f"  known here: {_known(derivation, step)}; state the condition there if it holds")
        lines.append(f"  {numeric}")
    elif result.numeric is False and " at " in result.numeric_detail and "not evaluable" not in result.numeric_detail:
        lines = [head + f"the equation is false: {result.numeric_detail}"]
        lines += [f"  {line}" for line in after_rule(rule, lhs, step.rhs)]
        return lines + ["  no transformation can close it: correct the equation"]
    elif result.numeric is True:
        lines = [head + f"the rule '{_name(rule)}' does not show it, but the sides are equal at {_points(result)}"]
        lines += [f"  {line}" for line in after_rule(rule, lhs, step.rhs)]
    else:
        lines = [head + f"the rule '{_name(rule)}' does not show it: {detail}"]
        lines += [f"  {line}" for line in after_rule(rule, lhs, step.rhs)]
        lines.append(f"  {numeric}")
    if result.numeric is not False:
        lines.append("  " + suggestions(step, lhs, given))
    return lines


def _points(result: Any) -> str:
    detail = str(result.numeric_detail)
    return detail.removeprefix("equal at ") if detail.startswith("equal at ") else detail


def _lhs(derivation: Any, index: int) -> Any:
    """The left-hand side of step ``index``: its own, or the right-hand side it continues from."""
    previous = None
    for n, step in enumerate(derivation.steps):
        lhs = previous if step.lhs is None else step.lhs
        if n == index:
            return lhs
        previous = step.rhs if step.rhs is not None else previous
    raise IndexError(index)


def _told(rule: Any, given: Any) -> Any:
    tell = getattr(rule, "given", None)
    return tell(given) if callable(tell) else rule


def _known(derivation: Any, step: Any) -> str:
    parts = []
    if derivation.hypotheses is not sympy.true:
        parts.append(f"the hypotheses {plain(derivation.hypotheses)}")
    if step.where is not sympy.true:
        parts.append(f"where {plain(step.where)}")
    return (", ".join(parts) or "no hypotheses and no where-condition") + ", the symbols' assumptions, the sums' ranges"


def _name(rule: Any) -> str:
    return text_plain(getattr(rule, "name", str(rule)))


def _text(obj: Any) -> str:
    text = plain(_named(obj))
    return text if len(text) <= WIDTH else f"{text[:WIDTH]}... ({len(text)} characters)"


def _named(expr: Any) -> Any:
    """Summation variables renamed apart, back to their names (for display and for the difference)."""
    if not isinstance(expr, Basic):
        return expr
    return expr.xreplace({d: Symbol(d.name, **d.assumptions0) for d in expr.atoms(Dummy)})


def after_rule(rule: Any, lhs: Any, rhs: Any) -> list[str]:
    """The sides after ``rule`` (the first differing entry for matrices and arrays) and the first
    difference between them."""
    if rhs is None:
        ok, after = attempt(lambda: rule.apply(lhs)) if size(lhs) <= MAX_NODES else (False, "too large")
        return [f"the statement after the rule: {_text(after)}" if ok else f"the statement after the rule: ({after})"]
    if size(lhs) + size(rhs) > MAX_NODES:
        return ["(the sides are too large to show after the rule)"]
    left, right = entries(lhs), entries(rhs)
    if left is not None and right is not None:
        if shape(lhs) != shape(rhs):
            return [f"shapes differ: {shape(lhs)} != {shape(rhs)}"]
        ok, key = attempt(lambda: _first_key(rule, left, right))
        if not ok or key is None:
            return [] if ok else [f"(the entries could not be compared again: {key})"]
        zero = sympy.S.Zero
        lhs, rhs = left.get(key, zero), right.get(key, zero)
        where = f"entry {key}, "
    elif left is not None or right is not None:
        return [f"cannot compare a {type(lhs).__name__} with a {type(rhs).__name__}"]
    else:
        where = ""
    ok, pair = attempt(lambda: (rule.apply(lhs), rule.apply(rhs)))
    if not ok:
        return [f"{where}the sides after the rule: ({pair})"]
    after_left, after_right = (_named(side) for side in pair)
    lines = [f"{where}left after the rule:  {_text(after_left)}", f"{where}right after the rule: {_text(after_right)}"]
    if isinstance(after_left, Basic) and isinstance(after_right, Basic):
        a, b = _difference(after_left, after_right)
        if (a, b) != (after_left, after_right):
            lines.append(f"first difference: {_text(a)} (left) where the right has {_text(b)}")
    return lines


def _first_key(rule: Any, left: dict[Any, Any], right: dict[Any, Any]) -> Any:
    for key in sorted(set(left) | set(right)):
        if not rule.equal(left.get(key, sympy.S.Zero), right.get(key, sympy.S.Zero)):
            return key
    return None


def _difference(a: Basic, b: Basic, depth: int = 0) -> tuple[Basic, Basic]:
    """The innermost parts where ``a`` and ``b`` differ: the terms (factors) only on one side of
    a sum (product), or the one argument that differs, down to indexed symbols and atoms."""
    if a == b or depth > 12:
        return a, b
    if a.func is b.func and a.func in (Add, Mul):
        only_a = [t for t in a.args if t not in b.args]
        only_b = [t for t in b.args if t not in a.args]
        if len(only_a) == 1 and len(only_b) == 1:
            if only_a[0].is_Number and only_b[0].is_Number:
                return a, b  # q - 1 against q - 2: the whole terms say more than -1 against -2
            return _difference(only_a[0], only_b[0], depth + 1)
        return a.func(*only_a), b.func(*only_b)
    stop = (sympy.Indexed, sympy.KroneckerDelta, sympy.core.relational.Relational)
    if a.func is b.func and len(a.args) == len(b.args) and a.args and not isinstance(a, stop):
        differing = [(x, y) for x, y in zip(a.args, b.args) if x != y]
        if len(differing) == 1 and all(isinstance(part, Basic) for part in differing[0]):
            return _difference(*differing[0], depth + 1)
    return a, b
