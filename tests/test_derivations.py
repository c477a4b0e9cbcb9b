import subprocess
import sys
from pathlib import Path

import pytest

from symconv import derivations
from symconv.errors import SpecError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reports(verified_once):
    """Every derivation checked once per test session (shared with the notes and CLI tests).

    Each derivation is also a test item of its own (``derivations/*.py``, collected by
    symconv's pytest plugin); these tests look at all of them together.
    """
    with verified_once.shared():
        return {topic: [d.check() for d in derivations.topic_derivations(topic)] for topic in derivations.TOPICS}


@pytest.mark.parametrize("topic", derivations.TOPICS)
def test_every_topic_has_checked_steps(reports, topic):
    assert reports[topic]
    for report in reports[topic]:
        assert report.ok, report.failure()
        assert len(report.steps) + len(report.checks) > 0
        # every step was checked numerically, or declares why not
        assert all(
            r.numeric is True or (r.numeric is None and "not numeric: " in r.numeric_detail) for r in report.steps
        )


def test_every_topic_runs_through_the_plugin():
    """``derivations/`` holds one script per topic, each collected by the plugin."""
    scripts = sorted(p.stem for p in (ROOT / "derivations").glob("*.py"))
    assert scripts == sorted(derivations.TOPICS)


def test_the_numeric_checks_saw_non_zero_values(reports):
    """At least 3 points with non-zero values per numerically checked step, and most steps checked so."""
    results = [r for found in reports.values() for report in found for r in report.steps]
    checked = [r for r in results if r.numeric is True]
    assert all(r.nonzero >= 3 for r in checked), [r.step.because for r in checked if r.nonzero < 3]
    assert len(checked) >= 0.9 * len(results)


def test_scripts_run_standalone():
    script = ROOT / "derivations" / "im2col.py"
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "verified" in result.stdout and "FAIL" not in result.stdout


def test_the_cache_shares_reports_and_checks_new_derivations(verified_once, reports):
    """Verify once: a derivation from the shared topics is not checked again; a new object is."""
    import sympy

    from symconv.proof import EXPAND, Derivation, Step

    with verified_once.shared():
        before = verified_once.checked
        first = derivations.topic_derivations("sizes")[0]
        assert first.check() is first.check() and verified_once.checked == before
        x = sympy.Symbol("x")
        broken = Derivation(first.name, "same name", "", steps=(Step(x + 1, x, "false", EXPAND),))
        assert not broken.check().ok and verified_once.checked == before + 1
    assert derivations.topic_derivations("sizes")[0] is not first  # outside the block: built anew


def test_names_are_unique_and_found(shared_reports):
    names = [d.name for _, d in derivations.all_derivations()]
    assert len(names) == len(set(names))
    assert [d.name for d in derivations.find("seminar-4x4")] == ["seminar-4x4"]
    assert derivations.find("conv-matrix") and derivations.find("conv_matrix")
    with pytest.raises(SpecError, match="no derivation"):
        derivations.find("nothing")


def test_a_wrong_index_map_would_fail():
    """The S3 derivation is not vacuous: with the padding added instead of subtracted it fails."""
    import sympy
    from sympy import IndexedBase, KroneckerDelta, Piecewise, Sum

    from symconv.proof import COLLAPSE, Derivation, Step

    W, X = IndexedBase("W"), IndexedBase("X")
    o, k, i = sympy.symbols("o k i", integer=True)
    s, d, h, q = sympy.symbols("s d h q", integer=True, positive=True)
    p = sympy.Symbol("p", integer=True, nonnegative=True)
    start = Sum(W[k] * Sum(KroneckerDelta(i, s * o - p + d * k) * X[i], (i, 0, h - 1)), (k, 0, q - 1))
    wrong = Sum(
        W[k] * Piecewise((X[s * o + p + d * k], (s * o + p + d * k >= 0) & (s * o + p + d * k < h)), (0, True)),
        (k, 0, q - 1),
    )
    report = Derivation("w", "w", "", steps=(Step(start, wrong, "wrong sign of p", COLLAPSE),)).check()
    assert not report.ok


def _resolved(derivation):
    """``(step, left-hand side)`` of every step, a chained step's left side being the previous right side."""
    previous = None
    for step in derivation.steps:
        yield step, previous if step.lhs is None else step.lhs
        previous = step.rhs if step.rhs is not None else previous


def test_no_shipped_step_has_identical_sides():
    """A step whose sides are identical as built shows nothing; only declared definitions and
    specialisations may have them (and the Step constructor refuses the rest)."""
    from symconv.proof.derivation import identical

    found = [
        (d.name, step.because)
        for _, d in derivations.all_derivations()
        for step, lhs in _resolved(d)
        if step.kind == "step" and identical(lhs, step.rhs)
    ]
    assert found == []


def test_exhaustive_checks_are_declared():
    """Statements not proved for general parameters say so: their checks are exhaustive over stated ranges."""
    checks = {d.name: [c for c in d.checks if c.kind == "exhaustive"] for _, d in derivations.all_derivations()}
    assert {name for name, found in checks.items() if found} >= {"checkerboard", "size-ambiguity"}
    assert all(c.description.startswith("every case of ") for found in checks.values() for c in found)


def test_text_reports_show_no_latex(reports):
    """Titles, justifications and the rules' names are written with ``$...$``; the text shows none of it."""
    import re

    leaks = [
        line
        for found in reports.values()
        for report in found
        for line in str(report).splitlines()
        if re.search(r"[$\\]|_\{|\^\{", line)
    ]
    assert leaks == []
