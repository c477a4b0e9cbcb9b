"""What the notes show of a derivation's steps: nothing that says nothing, no Python reprs, and
display forms that are the checked forms (a false display form fails the step)."""

from __future__ import annotations

import re

import pytest
import sympy

from symconv import ConvSpec, derivations
from symconv.derivations.sliding_window import example_case
from symconv.notes.layout import ARTICLE, SLIDES
from symconv.printing.text import text_latex
from symconv.proof import EXPAND, Derivation, Step, written
from symconv.proof.display import LARGE, display_mismatch, rebuilt
from symconv.proof.terminal import pretty_report

#: Python and SymPy text that must not reach a document: a tuple of one, SymPy's function names
#: outside math commands, Python's power.
REPRS = (
    (re.compile(r"\(\d+,\)"), "a Python tuple of one"),
    (re.compile(r"(?<![\\a-zA-Z])Mod\("), "SymPy's Mod("),
    (re.compile(r"(?<![\\a-zA-Z])floor\("), "SymPy's floor("),
    (re.compile(r"(?<![\\a-zA-Z])ceiling\("), "SymPy's ceiling("),
    (re.compile(r"\*\*"), "Python's **"),
    (re.compile(r"\b1 zeros\b"), "'1 zeros'"),
    (re.compile(r"\b(?:hold for|where|assuming)\s*(?:[;,.)]|$)"), "an empty condition"),
    (re.compile(r"\$\s*\$"), "empty mathematics"),
    (re.compile(r"(?:Sum|KroneckerDelta|Piecewise|Indexed|ImmutableDenseNDimArray)\("), "a SymPy repr"),
)


def _derivations() -> list[Derivation]:
    every = [d for _, d in derivations.all_derivations()]
    # the worked example of the default notes and of --input 5x5 --kernel 3x3 --stride 2 --padding 1
    every += [example_case(ConvSpec((4, 4), (3, 3))), example_case(ConvSpec((5, 5), (3, 3), stride=2, padding=1))]
    return every


DERIVATIONS = _derivations()


def _large(obj: object) -> bool:
    return isinstance(obj, (sympy.MatrixBase, sympy.NDimArray)) and sympy.prod(obj.shape) > LARGE


def shown_problems(derivation: Derivation, printer: object) -> list[str]:
    """What is wrong with the steps of ``derivation`` as the notes print them."""
    problems = []
    previous = None
    for n, step in enumerate(derivation.steps, 1):
        shown = step.displayed()
        where = f"{derivation.name} step {n} ({step.because[:50]})"
        printed = {side: shown.print_side(side, printer) for side in ("lhs", "rhs") if getattr(shown, side) is not None}
        left = printed.get("lhs", previous if shown.chained else None)
        if left is not None and "rhs" in printed and left == printed["rhs"]:
            problems.append(f"{where}: both sides print as {left[:80]}")
        if shown.lhs is not None and shown.rhs is not None and _large(shown.lhs) and _large(shown.rhs):
            problems.append(f"{where}: two large matrices printed to be compared")
        text = text_latex(shown.justification) + " " + " ".join(printed.values())
        problems += [f"{where}: {what} in {text[:120]!r}" for pattern, what in REPRS if pattern.search(text)]
        if step.where is not sympy.true and not printer._print(step.where).strip():
            problems.append(f"{where}: an empty condition")
        previous = printed.get("rhs", previous)
    for text in (derivation.title, derivation.statement):
        problems += [f"{derivation.name}: {what} in {text!r}" for pattern, what in REPRS if pattern.search(text)]
    return problems


@pytest.mark.parametrize("medium", [ARTICLE, SLIDES], ids=["article", "slides"])
@pytest.mark.parametrize("derivation", DERIVATIONS, ids=lambda d: d.name)
def test_no_displayed_step_says_nothing_or_shows_python(derivation, medium):
    assert shown_problems(derivation, medium.printer()) == []


def test_titles_are_typeset_and_not_bare_fact_codes():
    for derivation in DERIVATIONS:
        title = derivation.title
        assert not re.fullmatch(r"[A-Z]\d(, [A-Z]\d)*", title.strip()), title
        outside_math = "".join(title.split("$")[::2])
        ascii_math = re.search(r"\^|\b[A-Za-z]_[A-Za-z0-9{]|\bfloor\(", outside_math)
        assert not ascii_math, f"{derivation.name}: ASCII math in {title!r}"


def test_the_checks_words_name_their_conditions(shared_reports):
    """No report detail states an empty condition ("conditions that hold for ;")."""
    for derivation in [d for _, d in derivations.all_derivations()]:
        report = derivation.check()
        for result in report.steps:
            for text in (result.exact_detail, result.numeric_detail):
                assert not re.search(r"hold for\s*(?:[;:,.]|$)", text), (derivation.name, text)


# -- display forms are checked: a false one fails the step --------------------------------------

h, s, p, q = sympy.symbols("h s p q", integer=True, positive=True)
LETTERS = dict(h=h, s=s, p=p, q=q)
T6 = -2 * p + q + s * (h - 1)


def _report(step: Step):
    return Derivation("display", "Display forms", "", steps=(step,)).report()


def test_a_true_display_form_is_accepted_and_printed_as_written():
    step = Step(
        sympy.Add(sympy.Mul(sympy.Add(h, -1, evaluate=False), s, evaluate=False), 1, -2 * p, q - 1, evaluate=False),
        T6,
        "T6",
        EXPAND,
        display_rhs=written("(h - 1)*s - 2*p + q", **LETTERS),
    )
    report = _report(step)
    assert report.ok, report.failure()
    assert "= \\left(h - 1\\right) s - 2 p + q" in sympy.latex(step)
    assert "(h - 1)⋅s - 2⋅p + q" in pretty_report(report)


@pytest.mark.parametrize(
    "false",
    [
        "(h - 1)*s + 2*p + q",  # a sign
        "(h - 1)*s - 2*p + q + 1",  # a term more
        "h*s - 2*p + q",  # a factor dropped
        "(h - 1)*s - 2*p + q - 0*h + s - s + 1",  # equal terms cancel, a 1 remains
    ],
)
def test_a_false_display_form_fails_the_step(false):
    report = _report(Step(T6, T6 + 0 * h, "T6", EXPAND, display_lhs=written(false, **LETTERS), kind="definition"))
    assert not report.ok
    assert "display form" in report.steps[0].exact_detail


def test_a_display_form_equal_only_after_expanding_is_refused():
    """The rule is SymPy's automatic evaluation, not algebra: ``(h-1)(s+1)`` is not ``hs + h - s - 1`` as written."""
    product = written("(h - 1)*(s + 1)", **LETTERS)
    assert display_mismatch(product, sympy.expand(product))
    expanded = written("h*s + h - s - 1", **LETTERS)
    report = _report(Step(sympy.expand(product), expanded, "expand", EXPAND, display_lhs=product))
    assert not report.ok and "display form" in report.steps[0].exact_detail


def test_a_false_display_form_on_the_right_and_a_wrong_name_fail():
    wrong_rhs = _report(
        Step(
            written("2*(q - 1 - p)", **LETTERS),
            2 * q - 2 - 2 * p,
            "total",
            EXPAND,
            display_rhs=written("2*q - 2 + 2*p", **LETTERS),
        )
    )
    assert not wrong_rhs.ok and "right side" in wrong_rhs.steps[0].exact_detail
    C = sympy.Matrix([[1, 2], [3, 4]])
    wrong_shape = _report(Step.specialisation(C, C.T.T, "a matrix", named=(sympy.MatrixSymbol("C", 2, 3), None)))
    assert not wrong_shape.ok and "shape" in wrong_shape.steps[0].exact_detail


def test_rebuilding_keeps_what_automatic_evaluation_keeps():
    assert rebuilt(written("2*(q - 1 - p)", **LETTERS)) == 2 * q - 2 - 2 * p
    assert rebuilt(sympy.Sum(sympy.Symbol("k"), (sympy.Symbol("k"), 0, q))) != (q**2 + q) / 2


def test_a_display_form_needs_a_side_to_stand_for():
    with pytest.raises(Exception, match="display_lhs"):
        Step(None, T6, "chained", EXPAND, display_lhs=T6)


def test_a_sum_over_all_integers_is_written_and_checked():
    """``-oo`` parses as ``-1*oo``; tidied, the sum around it is still a sum (it once had no
    ``is_commutative`` and could not be multiplied), and a wrong sign inside it is refused."""
    o, o1, i, k = sympy.symbols("o o1 i k", integer=True)
    d = sympy.Symbol("d", integer=True, positive=True)
    W = sympy.IndexedBase("W")
    names = dict(o=o, o1=o1, i=i, k=k, d=d, W=W, **LETTERS)
    checked = sympy.Sum(
        sympy.KroneckerDelta(o1, s * o) * sympy.Sum(sympy.KroneckerDelta(i, o1 - p + d * k) * W[k], (k, 0, q - 1)),
        (o1, -sympy.oo, sympy.oo),
    )
    text = "Sum(KroneckerDelta(o1, s*o) * Sum(KroneckerDelta(i, o1 {} p + d*k) * W[k], (k, 0, q - 1)), (o1, -oo, oo))"
    shown = written(text.format("-"), **names)
    assert display_mismatch(shown, checked) == ""
    assert "\\delta_{o_{1}, s o}" in sympy.latex(shown, order="none")
    assert display_mismatch(written(text.format("+"), **names), checked)
