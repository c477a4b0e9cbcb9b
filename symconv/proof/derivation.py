r"""Derivations: sequences of steps that are checked and rendered.

A :class:`Step` states ``lhs = rhs`` (or continues a chain from the previous
right-hand side, or states a relation that must hold) with a one-line
justification and the transformation under which SymPy checks it exactly; the
side conditions the transformation states must follow from the derivation's
``hypotheses``, the step's ``where``, the symbols' assumptions and the enclosing
sums. Every step is also checked by random substitution (:mod:`.numeric`), which
fails when it cannot be evaluated, unless the step declares why it has no numeric
check (:class:`NotNumeric`, shown in the report). A :class:`Check` adds a numeric
comparison with an independent implementation. Failures raise
:class:`~symconv.VerificationError` (:func:`require`), never rely on ``assert``.

>>> import sympy
>>> from symconv.proof import EXPAND
>>> x = sympy.Symbol("x")
>>> d = Derivation("square", "A square", "expanding a square", steps=(
...     Step((x + 1)**2, x**2 + 2*x + 1, "binomial formula", EXPAND),))
>>> print(d.verify())
square: A square
  [ok] (x + 1)**2 = x**2 + 2*x + 1    binomial formula
        exact: expand; numeric: equal at 24 points (...)
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
from sympy.printing.str import StrPrinter

from ..errors import SpecError, VerificationError
from ..printing.chains import as_written, print_condition
from ..printing.text import sized, text_latex, text_plain
from .display import display_mismatch
from .explain import explanation
from .numeric import compare_numerically
from .premises import unproved
from .rendering import report_latex
from .transformations import STRUCTURAL, Transformation

__all__ = [
    "Step",
    "Check",
    "Derivation",
    "Report",
    "StepResult",
    "NotNumeric",
    "require",
    "STEP_KINDS",
    "identical",
    "Shown",
]


def require(condition: Any, message: Any) -> None:
    """Raise :class:`~symconv.VerificationError` with ``message`` unless ``condition`` holds:
    the checks of derivations, which must not vanish under ``python -O`` as ``assert`` does.

    >>> require(1 + 1 == 2, "arithmetic")
    >>> require(1 + 1 == 3, "arithmetic")
    Traceback (most recent call last):
    ...
    symconv.errors.VerificationError: arithmetic
    """
    if not condition:
        raise VerificationError(str(message))


@dataclass(frozen=True)
class NotNumeric:
    """Why a step has no numeric check: a step that cannot be evaluated at random points must
    say so (the report shows the reason). ``check`` names the derivation's :class:`Check` that
    covers the step instead, when there is one; the derivation must have it.

    >>> NotNumeric("a statement about every factor", check="factors 2-8")
    NotNumeric(reason='a statement about every factor', check='factors 2-8')
    """

    reason: str
    check: str = ""

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise VerificationError("NotNumeric: give the reason why the step has no numeric check")

    def __str__(self) -> str:
        covered = f" (covered by the check '{self.check}')" if self.check else ""
        return f"not numeric: {self.reason}{covered}"


#: What a step is: a claim its transformation checks, a definition (a name introduced for an
#: expression), or a specialisation (a general result with numbers put in, both sides computed).
#: Only definitions and specialisations may have identical sides.
STEP_KINDS = ("step", "definition", "specialisation")


def identical(lhs: Any, rhs: Any) -> bool:
    """Whether two sides are structurally identical as built (so a step between them shows nothing).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> identical(x + x, 2 * x), identical(sympy.Add(x, x, evaluate=False), 2 * x)
    (True, False)
    >>> identical(sympy.Matrix([[x]]), sympy.ImmutableMatrix([[x]]))
    True
    """
    if lhs is None or rhs is None:
        return False
    try:
        return bool(lhs == rhs)
    except Exception:  # objects that cannot be compared are not identical
        return False


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
        return sized(obj, printer)
    return printer._print(obj)


def _shape(obj: Any) -> tuple[Any, ...] | None:
    if not isinstance(obj, (sympy.MatrixBase, sympy.NDimArray, sympy.MatrixExpr)):
        return None
    return tuple(obj.shape)


def _same_text(lhs: Any, rhs: Any) -> bool:
    """Whether two sides say the same: identical as built, or the same text as written."""
    if identical(lhs, rhs):
        return True
    try:
        return sympy.sstr(lhs, order="none") == sympy.sstr(rhs, order="none")
    except Exception:  # sides that cannot be printed as text are compared structurally only
        return False


@dataclass(frozen=True)
class Shown:
    """What a document shows of a step (:meth:`Step.displayed`): the one answer every renderer uses.

    ``lhs``/``rhs`` are the sides to print, ``None`` for a side not shown: ``lhs`` is ``None`` in
    a chain (``= rhs``, continuing the previous line) and for a specialisation or a definition
    whose sides would say the same (only its result is shown); ``rhs`` is ``None`` for a
    statement. ``written`` says, per side, whether it is a display form (printed in the order it
    is written, :func:`~.display.as_written`). ``kind`` is the step's kind, or ``"statement"``.
    """

    kind: str
    lhs: Any
    rhs: Any
    relation: str
    justification: str
    chained: bool = False
    written: tuple[bool, bool] = (False, False)
    #: the condition to print (the step's ``where``, or its display form), ``None`` when there is none
    where: Any = None
    written_where: bool = False

    def print_where(self, printer: Any) -> str:
        """The condition printed by ``printer`` (LaTeX or text) as a person writes it: chains of
        inequalities (``0 \\le j \\le x``) separated by commas (:func:`~symconv.printing.chains.print_condition`)."""
        return "" if self.where is None else print_condition(self.where, printer, self.written_where)

    def print_side(self, side: str, printer: Any, printing: Callable[[Any], str] | None = None) -> str:
        """The side ``"lhs"`` or ``"rhs"`` printed by ``printer`` (through ``printing``, default
        ``printer._print``), in the order it is written when it is a display form."""
        obj = getattr(self, side)
        printing = printing or printer._print
        if self.written[side == "rhs"]:
            with as_written(printer):
                return printing(obj)
        return printing(obj)


@dataclass(frozen=True)
class Step(Printable):
    """One step: ``lhs = rhs`` checked after ``via``.

    ``lhs=None`` continues from the previous step's right-hand side (an ``align*``
    chain); ``rhs=None`` makes ``lhs`` a statement (a relation) that must become true
    after ``via``. ``where`` (a SymPy Boolean, e.g. ``0 <= m <= h - 2``) is where the
    step holds: the random points are drawn there, ``via``'s side conditions may use it,
    and the report prints it. ``numeric=NotNumeric(reason)`` (or the reason as a string)
    declares that the step has no numeric check and why; ``numeric=False`` is refused.

    A step whose sides are identical as built shows nothing (SymPy evaluated the claim away
    while building it) and is refused: build the sides unevaluated (``evaluate=False``,
    ``MatMul(..., evaluate=False)``, ``UnevaluatedExpr``), or declare the step a
    :meth:`definition` or a :meth:`specialisation` (``kind``), shown as such.

    ``display_lhs``/``display_rhs`` are the sides as the seminar writes them (:mod:`.display`:
    :func:`~.display.written`); the report fails the step unless each equals its checked side
    structurally after SymPy's automatic evaluation (:func:`~.display.display_mismatch`).
    ``display_where`` is the condition as the seminar writes it, checked the same way against
    ``where``. ``named`` gives names printed instead of the sides (``(o, None)``: a specialisation's general
    formula by the quantity it computes; ``(T, C_F^T)``: matrices too large to print); a name
    must have its side's shape. What a document shows of a step is :meth:`displayed`.

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> Step(x + x, 2 * x, "collect")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: Step 'collect': both sides are 2*x as built, so the step shows nothing (...)
    >>> print(Step.definition(sympy.Symbol("y"), x + 1, "name the shifted variable"))
    y := x + 1    definition: name the shifted variable
    """

    lhs: Any
    rhs: Any
    because: str
    via: Transformation = STRUCTURAL
    numeric: bool | str | NotNumeric = True
    where: Any = sympy.true
    #: one of :data:`STEP_KINDS`; see :meth:`definition` and :meth:`specialisation`
    kind: str = "step"
    #: the left side as the seminar writes it (checked equal to ``lhs``), or None
    display_lhs: Any = None
    #: the right side as the seminar writes it (checked equal to ``rhs``), or None
    display_rhs: Any = None
    #: names printed instead of the sides (None: the side itself)
    named: tuple[Any, Any] = (None, None)
    #: the condition ``where`` as the seminar writes it (checked equal to ``where``), or None
    display_where: Any = None

    def __post_init__(self) -> None:
        if self.kind not in STEP_KINDS:
            raise SpecError("kind", f"must be one of {', '.join(STEP_KINDS)}, got {self.kind!r}")
        if self.lhs is None and (self.display_lhs is not None or self.named[0] is not None):
            raise SpecError("display_lhs", "a step continuing a chain (lhs=None) shows no left side of its own")
        if self.rhs is None and (self.display_rhs is not None or self.named[1] is not None):
            raise SpecError("display_rhs", "a statement (rhs=None) has no right side to display")
        if self.kind == "step":  # what is shown must say something (display forms may regroup equal sides)
            shown_lhs = self.lhs if self.display_lhs is None else self.display_lhs
            refuse_identical(shown_lhs, self.rhs if self.display_rhs is None else self.display_rhs, self.because)
        if isinstance(self.numeric, str):
            object.__setattr__(self, "numeric", NotNumeric(self.numeric))
        elif self.numeric is not True and not isinstance(self.numeric, NotNumeric):
            raise VerificationError(
                f"step '{self.because}': numeric={self.numeric!r}; a step without a numeric check "
                "must say why: numeric=NotNumeric('reason')"
            )
        object.__setattr__(self, "where", sympy.sympify(self.where))

    @classmethod
    def definition(cls, lhs: Any, rhs: Any, because: str, via: Transformation = STRUCTURAL, **options: Any) -> Step:
        """``lhs := rhs``: a name introduced for an expression (its sides may be identical as built)."""
        return cls(lhs, rhs, because, via, kind="definition", **options)

    @classmethod
    def specialisation(cls, lhs: Any, rhs: Any, because: str, via: Transformation = STRUCTURAL, **options: Any) -> Step:
        """A general result with numbers put in, both sides computed (they may be identical as built)."""
        return cls(lhs, rhs, because, via, kind="specialisation", **options)

    def display_problem(self, lhs: Any) -> str:
        """Why the step's display forms or names may not stand for its sides (``""`` when they may);
        ``lhs`` is the checked left side (the previous right side in a chain)."""
        for display, checked, side in (
            (self.display_lhs, lhs, "left side"),
            (self.display_rhs, self.rhs, "right side"),
            (self.display_where, self.where, "condition"),
        ):
            if display is not None:
                mismatch = display_mismatch(display, checked)
                if mismatch:
                    return f"{side}: {mismatch}"
        for name, checked, side in ((self.named[0], lhs, "left"), (self.named[1], self.rhs, "right")):
            if name is not None and _shape(name) != _shape(checked):
                return (
                    f"{side} side: the name {sympy.sstr(name)} has shape {_shape(name)}, "
                    f"the side it names {_shape(checked)}"
                )
        return ""

    def displayed(self) -> Shown:
        """What a document shows of this step: the one answer the LaTeX, the text and the notes use.

        A side is shown by its name, else its display form, else itself. A specialisation or a
        definition whose two shown sides say the same shows its result only (``lhs=None``).

        >>> import sympy
        >>> i, k, o = sympy.symbols("i k o")
        >>> shown = Step.specialisation(i - k + 1, i - k + 1, "$s = 1$, $p = 0$", named=(o, None)).displayed()
        >>> shown.lhs, shown.rhs, shown.kind
        (o, i - k + 1, 'specialisation')
        >>> Step.specialisation(i - k + 1, i - k + 1, "$s = 1$, $p = 0$").displayed().lhs is None
        True
        """
        relation = ":=" if self.kind == "definition" else "="
        written = (
            self.named[0] is None and self.display_lhs is not None,
            self.named[1] is None and self.display_rhs is not None,
        )
        lhs = self.named[0] if self.named[0] is not None else self.display_lhs if written[0] else self.lhs
        rhs = self.named[1] if self.named[1] is not None else self.display_rhs if written[1] else self.rhs
        condition: dict[str, Any] = {
            "written": written,
            "where": None if self.where is sympy.true else self.where,
        }
        if self.display_where is not None:
            condition.update(where=self.display_where, written_where=True)
        if self.rhs is None:
            return Shown("statement", lhs, None, relation, self.justification, **condition)
        if self.lhs is None:
            return Shown(self.kind, None, rhs, relation, self.justification, chained=True, **condition)
        if self.kind != "step" and _same_text(lhs, rhs):
            return Shown(self.kind, None, rhs, relation, self.justification, **condition)
        return Shown(self.kind, lhs, rhs, relation, self.justification, **condition)

    @property
    def relation(self) -> str:
        """``:=`` for a definition, ``=`` otherwise."""
        return ":=" if self.kind == "definition" else "="

    @property
    def justification(self) -> str:
        """``because``, marked with the step's kind when it is a definition or a specialisation."""
        label = {"definition": "definition: ", "specialisation": "special case: "}.get(self.kind, "")
        return label + self.because

    def _sympystr(self, printer: Any) -> str:
        shown = self.displayed()
        condition = "" if shown.where is None else f"    [where {shown.print_where(printer)}]"
        because = f"    {text_plain(shown.justification)}{condition}"
        text = lambda obj: _brief(obj, printer)  # noqa: E731
        left = "" if shown.lhs is None else shown.print_side("lhs", printer, text)
        if shown.rhs is None:
            return left + because
        if shown.lhs is None and not shown.chained:
            return shown.print_side("rhs", printer, text) + because
        return f"{left} {shown.relation} {shown.print_side('rhs', printer, text)}{because}"

    def _latex_line(self, printer: Any) -> str:
        shown = self.displayed()
        because = r" && \text{%s}" % text_latex(shown.justification)
        if shown.where is not None:
            because += r" \quad (%s)" % shown.print_where(printer)
        if shown.rhs is None:
            return "& " + shown.print_side("lhs", printer) + because
        if shown.lhs is None and not shown.chained:
            return "& " + shown.print_side("rhs", printer) + because
        left = "" if shown.lhs is None else shown.print_side("lhs", printer) + " "
        relation = "&\\mathrel{:=} " if shown.relation == ":=" else "&= "
        return left + relation + shown.print_side("rhs", printer) + because

    def _latex(self, printer: Any) -> str:
        return "\\begin{aligned}" + self._latex_line(printer) + "\\end{aligned}"


def refuse_identical(lhs: Any, rhs: Any, because: str = "") -> None:
    """Raise :class:`~symconv.SpecError` when a step's sides are identical as built, or its
    statement is already true: such a step shows nothing."""
    if rhs is None and lhs is not None and lhs is sympy.true:
        raise SpecError(
            f"Step {because!r}" if because else "Step", "the statement is already true as built, so it shows nothing"
        )
    if identical(lhs, rhs):
        shown = _brief(lhs, StrPrinter())
        raise SpecError(
            f"Step {because!r}" if because else "Step",
            f"both sides are {shown} as built, so the step shows nothing (build them unevaluated, "
            "or declare the step Step.definition(...) or Step.specialisation(...))",
        )


@dataclass(frozen=True)
class Check:
    """A numeric check against an independent implementation.

    ``run(rng)`` raises :class:`~symconv.VerificationError` on a disagreement (see
    :func:`require`) and returns what it checked (for the report), e.g. ``"120 random
    specs agree with numpy"``. Any other exception fails the check too.

    ``kind="exhaustive"`` (:meth:`exhaustive`) declares a check that runs every case in stated
    ranges: where a statement is not proved for general parameters, that is what stands for it.
    """

    description: str
    run: Callable[[random.Random], str]
    #: ``"numeric"`` (random cases) or ``"exhaustive"`` (every case in the stated ranges)
    kind: str = "numeric"

    @classmethod
    def exhaustive(cls, description: str, ranges: str, run: Callable[[random.Random], str]) -> Check:
        """A check of every case in ``ranges`` (say them in the seminar's letters: ``"s, d <= 6, q <= 12"``).

        >>> Check.exhaustive("constant overlap", "s <= 3", lambda rng: "3 cases").description
        'every case of s <= 3: constant overlap'
        """
        return cls(f"every case of {ranges}: {description}", run, kind="exhaustive")


@dataclass(frozen=True)
class StepResult:
    """The outcome of one step: the exact check and the numeric check.

    ``numeric`` is ``True`` or ``False``, or ``None`` when the step declared that it has no
    numeric check (``numeric_detail`` then gives the declaration). ``points`` is the number of
    random points where both sides were evaluated, ``nonzero`` how many were not all zero.
    """

    step: Step
    exact: bool
    exact_detail: str
    numeric: bool | None
    numeric_detail: str
    points: int = 0
    nonzero: int = 0

    @property
    def ok(self) -> bool:
        return self.exact and self.numeric is not False


@dataclass(frozen=True)
class Derivation(Printable):
    """A named derivation: a statement, its steps and its numeric checks.

    ``hypotheses`` (a SymPy Boolean) states the cases the statement is about (for example
    ``a < s``): the random points of the numeric checks are drawn there, the side conditions
    of the steps' rules may use it, and the text and LaTeX print it.
    """

    name: str
    title: str
    statement: str
    steps: tuple[Step, ...]
    checks: tuple[Check, ...] = ()
    hypotheses: Any = sympy.true
    fact: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "hypotheses", sympy.sympify(self.hypotheses))
        previous = None
        for step in self.steps:  # a chained step continues from the previous right-hand side
            if step.lhs is None and step.kind == "step":
                refuse_identical(previous, step.rhs, step.because)
            previous = step.rhs if step.rhs is not None else previous

    def check(self, *, seed: int = 0) -> "Report":
        """Check every step (exactly, then numerically) and every numeric check; never raises."""
        rng = random.Random(seed)
        results: list[StepResult] = []
        previous = None
        for step in self.steps:
            lhs = previous if step.lhs is None else step.lhs
            results.append(self._check_step(step, lhs, rng))
            previous = step.rhs if step.rhs is not None else previous
        checks: list[tuple[Check, bool, str]] = []
        for check in self.checks:
            try:
                checks.append((check, True, check.run(rng)))
            except AssertionError as error:
                checks.append((check, False, str(error) or "failed"))
            except Exception as error:  # a check that crashes fails; it must not end the report
                checks.append((check, False, f"{type(error).__name__}: {error}"))
        return Report(self, tuple(results), tuple(checks))

    def _check_step(self, step: Step, lhs: Any, rng: random.Random) -> StepResult:
        given = sympy.And(self.hypotheses, step.where)
        # a rule that can use what the step assumes is told it (rules with a ``given`` method)
        tell = getattr(step.via, "given", None)
        via = tell(given) if callable(tell) else step.via
        try:
            exact_detail = step.display_problem(lhs)
            if exact_detail:
                pass  # what would be shown is not what is checked: the step fails
            elif step.rhs is None:
                exact_detail = via.confirm(lhs)
            else:
                exact_detail = via.compare(lhs, step.rhs)
            if not exact_detail:  # the conditions the rule states must follow from what the step assumes
                missing = unproved(via.conditions(), given, (lhs, step.rhs))
                if missing:
                    exact_detail = (
                        f"{step.via.name}: its condition {sympy.sstr(missing[0])} does not follow from the "
                        "hypotheses, the where-condition, the symbols' assumptions or the enclosing sums"
                    )
        except Exception as error:  # a failing step must be reported, not crash the report
            exact_detail = f"{type(error).__name__}: {error}"
        exact = (not exact_detail, exact_detail or via.name)
        if isinstance(step.numeric, NotNumeric):
            if step.numeric.check and step.numeric.check not in [c.description for c in self.checks]:
                detail = f"declared covered by the check '{step.numeric.check}', which {self.name} does not have"
                return StepResult(step, *exact, False, detail)
            return StepResult(step, *exact, None, str(step.numeric))
        result = compare_numerically(lhs, step.rhs, rng, hypotheses=given, prepare=via.unfold)
        return StepResult(step, *exact, result.ok, result.detail, result.points, result.nonzero)

    def report(self, *, seed: int = 0) -> "Report":
        """Check every step (exactly, then numerically) and run every :class:`Check`: the
        :class:`Report`, which says why a step fails; never raises. (``check()`` is its former
        name, kept: in symconv a *check* is a :class:`Check`.)"""
        return self.check(seed=seed)

    def verify(self, *, seed: int = 0) -> "Report":
        """Like :meth:`report`, but raise :class:`~symconv.VerificationError` if anything fails."""
        report = self.check(seed=seed)
        if not report.ok:
            raise VerificationError(f"{self.name}: {report.failure()}")
        return report

    def _assuming(self, printer: Any) -> list[str]:
        return [] if self.hypotheses is sympy.true else [f"  assuming {printer._print(self.hypotheses)}"]

    def _latex_assuming(self, printer: Any) -> list[str]:
        return [] if self.hypotheses is sympy.true else [r"&& \text{assuming } %s" % printer._print(self.hypotheses)]

    def _sympystr(self, printer: Any) -> str:
        lines = [f"{self.name}: {text_plain(self.title)}", f"  {text_plain(self.statement)}", *self._assuming(printer)]
        previous_lhs = ""
        for step in self.steps:
            text = printer._print(step)
            lines.append("  " + (" " * len(previous_lhs) + text if step.lhs is None else text))
        return "\n".join(lines)

    def _latex(self, printer: Any) -> str:
        lines = self._latex_assuming(printer) + [step._latex_line(printer) for step in self.steps]
        return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"

    def align(self, printer: Any = None) -> str:
        """The steps as an ``align*`` environment (for documents); ``printer`` defaults to SymPy's."""
        if printer is None:
            from sympy.printing.latex import LatexPrinter

            printer = LatexPrinter()
        lines = self._latex_assuming(printer) + [step._latex_line(printer) for step in self.steps]
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
        """The first failing step or check in one line, then why it fails (:mod:`.explain`)."""
        first = self._first_failure()
        return first + "\n" + explanation(self) if first else ""

    def _first_failure(self) -> str:
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
        lines = [f"{d.name}: {text_plain(d.title)}", *d._assuming(printer)]
        for r in self.steps:
            mark = "ok" if r.ok else "FAIL"
            lines.append(f"  [{mark}] {printer._print(r.step)}")
            lines.append(f"        exact: {text_plain(r.exact_detail)}; numeric: {r.numeric_detail}")
        for check, ok, detail in self.checks:
            lines.append(f"  [{'ok' if ok else 'FAIL'}] check: {text_plain(check.description)}: {text_plain(detail)}")
        n = len(self.steps)
        lines.append(
            ("verified: " if self.ok else "FAILED: ")
            + f"{n} step{'s' * (n != 1)}"
            + (f", {len(self.checks)} numeric check{'s' * (len(self.checks) != 1)}" if self.checks else "")
        )
        return "\n".join(lines + ([explanation(self)] if not self.ok else []))

    def _latex(self, printer: Any) -> str:
        return report_latex(self, printer)
