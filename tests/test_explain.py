"""Failures that say why: one deliberately wrong step per kind of failure, and its message pinned
(the numbers of a counterexample by pattern: they come from the seeded random points)."""

import re
import time

import pytest
import sympy
from sympy import Array, IndexedBase, KroneckerDelta, Piecewise, Sum

from symconv import ConvSpec, VerificationError, conv_matrix, input_symbols, latex, sliding_window
from symconv.errors import SymconvError
from symconv.proof import (
    EXPAND,
    STRUCTURAL,
    SUMS,
    Derivation,
    Step,
    Transformation,
    reindex,
    within,
)
from symconv.proof import suggest as suggest_module

i, k, m = sympy.symbols("i k m", integer=True)
h, q, n = sympy.symbols("h q n", integer=True, positive=True)
W, X = IndexedBase("W"), IndexedBase("X")


def why(*steps, **options):
    report = Derivation("wrong", "A wrong step", "", steps=steps, **options).report()
    assert not report.ok
    return report, report.failure()


def test_a_wrong_equation_names_its_counterexample_and_suggests_nothing():
    _, message = why(Step((k + 1) ** 2, k**2 + 2 * k, "binomial formula", EXPAND))
    lines = message.splitlines()
    assert lines[0] == "step 1 (binomial formula) fails exactly: (k + 1)**2 != k**2 + 2*k"
    assert re.fullmatch(
        r"why step 1 \(binomial formula\) fails: the equation is false: (\d+) != (\d+) at k=-?\d+", lines[1]
    )
    assert lines[2:] == [
        "  left after the rule:  k**2 + 2*k + 1",
        "  right after the rule: k**2 + 2*k",
        "  first difference: 1 (left) where the right has 0",
        "  no transformation can close it: correct the equation",
    ]


def test_a_right_equation_under_the_wrong_rule_names_the_rules_that_close_it():
    """The issue's case: ``within`` does not merge nested sums, SUMS does."""
    nested = Sum(W[k] * Sum(X[i], (i, 0, h - 1)), (k, 0, q - 1))
    exchanged = Sum(Sum(W[k] * X[i], (k, 0, q - 1)), (i, 0, h - 1))
    _, message = why(Step(nested, exchanged, "exchange the finite sums", within()))
    lines = message.splitlines()[1:]
    assert re.fullmatch(
        r"why step 1 \(exchange the finite sums\) fails: the rule 'conditions that hold in the sums' ranges' does "
        r"not show it, but the sides are equal at \d+ points \(.*\)",
        lines[0],
    )
    assert lines[1:] == [
        "  left after the rule:  sum[k=0..q - 1](W[k]*sum[i=0..h - 1](X[i]))",
        "  right after the rule: sum[k=0..q - 1, i=0..h - 1](W[k]*X[i])",
        "  would close the step (tried, not verified: state it as the step's transformation and run again): SUMS",
    ]


def test_an_unmet_side_condition_names_the_rule_the_condition_and_what_is_known():
    inside = Piecewise((X[m], (m >= 0) & (m <= h - 1)), (0, True))
    _, message = why(Step(inside, X[m], "$m$ is inside the input", within((m, 0, h - 1))))
    lines = message.splitlines()[1:]
    assert lines[0] == (
        "why step 1 (m is inside the input) fails: a side condition is not met: conditions that hold for "
        "0 <= m <= h - 1: the bound 0 <= m does not follow from the hypotheses, the step's where or the "
        "assumptions (state it there)"
    )
    assert lines[1] == (
        "  known here: no hypotheses and no where-condition, the symbols' assumptions, the sums' ranges; "
        "state the condition there if it holds"
    )
    assert re.fullmatch(r"  numeric: -?\d+ != -?\d+ at h=\d+, m=-?\d+", lines[2])
    # stated where it holds, the same step verifies
    assert (
        Derivation(
            "ok", "", "", steps=(Step(inside, X[m], "inside", within((m, 0, h - 1)), where=(m >= 0) & (m <= h - 1)),)
        )
        .report()
        .ok
    )


def test_a_numeric_counterexample_after_an_exact_pass_blames_the_rule():
    """A rule of one's own that trusts SymPy's delta summation: exact passes, the numbers do not."""
    sympy_doit = Transformation("SymPy's doit", lambda e: e.doit())
    count = Sum(KroneckerDelta(2 * m, k), (m, 0, n))
    _, message = why(Step(count, count.doit(), "SymPy sums the delta", sympy_doit))
    lines = message.splitlines()
    assert re.fullmatch(r"step 1 \(SymPy sums the delta\) fails numerically: 0 != 1 at k=\d+, n=\d+", lines[0])
    assert re.fullmatch(
        r"why step 1 \(SymPy sums the delta\) fails: the numbers disagree: the rule 'SymPy's doit' shows it "
        r"exactly, but 0 != 1 at k=\d+, n=\d+",
        lines[1],
    )
    assert lines[2] == (
        "  the rule's rewrite, the step's where-condition or the derivation's hypotheses do not fit the statement "
        "(a rule of your own must not change the value of what it rewrites)"
    )


def test_entries_are_named_by_their_index_and_shown_after_the_rule():
    C = conv_matrix(ConvSpec((4, 4), (3, 3)))
    wrong = C.copy()
    wrong[1, 2] = W[2, 2]
    report, message = why(Step(C, wrong, "the slide's matrix", EXPAND))
    assert (
        "  [FAIL] Matrix 4x16 = Matrix 4x16    the slide's matrix\n        exact: entry (1, 2): W[0, 1] != W[2, 2]"
        in str(report)
    )
    assert "(entry (1, 2)) at" in message
    assert "  entry (1, 2), left after the rule:  W[0, 1]\n  entry (1, 2), right after the rule: W[2, 2]" in message


def test_a_suggestion_never_counts_as_verification():
    step = Step(W[k] * Sum(X[i], (i, 0, n)), Sum(W[k] * X[i], (i, 0, n)), "move W_k in", STRUCTURAL)
    derivation = Derivation("inside", "", "", steps=(step,))
    report = derivation.report()
    assert "would close the step" in report.failure() and "SUMS" in report.failure()
    assert not report.ok and not report.steps[0].exact
    with pytest.raises(VerificationError, match="move W_k in"):
        derivation.verify()
    fixed = Derivation("inside", "", "", steps=(Step(step.lhs, step.rhs, "move W_k in", SUMS),))
    assert fixed.report().ok


def test_suggestions_are_tried_within_the_time_limit(monkeypatch):
    monkeypatch.setattr(suggest_module, "TIME_LIMIT", 0.2)
    monkeypatch.setattr(suggest_module, "BUDGET", 0.3)

    class Slow(Transformation):
        def equal(self, lhs, rhs):  # never finishes in time, and never closes anything
            time.sleep(5)
            return False

    monkeypatch.setattr(suggest_module, "candidates", lambda: (Slow("slow one"), Slow("slow two"), SUMS))
    step = Step(W[k] * Sum(X[i], (i, 0, n)), Sum(W[k] * X[i], (i, 0, n)), "move W_k in", STRUCTURAL)
    start = time.monotonic()
    message = Derivation("slow", "", "", steps=(step,)).report().failure()
    assert time.monotonic() - start < 3
    assert "no transformation of the catalogue closes the step (" in message and "tried within 0.3 s)" in message


def test_the_explanation_is_computed_once():
    report, _ = why(Step((k + 1) ** 2, k**2 + 2 * k, "binomial formula", EXPAND))
    assert report.failure() is not None and report.__dict__["_explanation"] in str(report)


def test_a_failing_check_says_why():
    from symconv.proof import Check, require

    def disagree(rng):
        require(False, "numpy gives 3, the matrix 4")
        return ""

    report = Derivation("c", "", "", steps=(), checks=(Check("against numpy", disagree),)).report()
    assert report.failure().splitlines()[1] == "why the check 'against numpy' fails: numpy gives 3, the matrix 4"


def test_the_latex_of_a_report_marks_the_steps_and_states_the_statement():
    x = sympy.Symbol("x")
    derivation = Derivation(
        "square", "A square", "expanding $(x + 1)^2$", steps=(Step((x + 1) ** 2, x**2 + 2 * x + 1, "binomial", EXPAND),)
    )
    report = derivation.report()
    assert latex(report) != latex(derivation)
    assert r"\text{expanding $(x + 1)^2$}" in latex(report) and r"\checkmark" in latex(report)
    assert r"\text{verified: 1 step}" in latex(report)
    wrong = Derivation("w", "W", "", steps=(Step((x + 1) ** 2, x**2 + 1, "binomial", EXPAND),)).report()
    assert r"\times" in latex(wrong) and "FAILED" in latex(wrong)


def test_an_array_step_prints_its_entries_in_text():
    Y = input_symbols((3,))
    window = sliding_window(ConvSpec(3, 1), Y, [1])
    step = Step.specialisation(window, Array([Y[0], Y[1], Y[2]]), "identity kernel", EXPAND)
    text = str(Derivation("a", "A", "", steps=(step,)).report())
    # a specialisation whose sides say the same shows its result once
    assert "[X[0], X[1], X[2]]    special case" in text and "ImmutableDenseNDimArray" not in text
    assert "= [X[0]" not in text
    big = Step(sympy.Array([[X[5 * r + c] for c in range(5)] for r in range(5)]), None, "", EXPAND, numeric="an array")
    assert str(big).startswith("Array 5x5")


def test_text_reports_never_show_latex():
    q1 = sympy.Symbol("q1", integer=True, positive=True)
    step = Step(
        Sum(W[q1 - 1 - m], (m, 0, q1 - 1)),
        Sum(W[k], (k, 0, q1 - 1)),
        "reindex $m = q_1 - 1 - k$",
        reindex(m, q1 - 1 - k, k),
    )
    report = Derivation("re", "T1: $C^T$ in $\\mathbb{R}^{q_{1}}$", "s", steps=(step,)).report()
    assert report.ok
    text = str(report)
    assert "substitute m = q_1 - k - 1 in the sum" in text and "T1: C^T in R^q_1" in text
    assert not re.search(r"[$\\{}]", text), text


def test_an_error_is_one_family():
    assert issubclass(VerificationError, SymconvError)
