import subprocess
import sys
from pathlib import Path

import pytest

from symconv import derivations
from symconv.errors import SpecError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reports(verified_once):
    """Every derivation checked once per test session (shared with the notes and CLI tests)."""
    with verified_once.shared():
        return {topic: [d.check() for d in derivations.topic_derivations(topic)] for topic in derivations.TOPICS}


@pytest.mark.parametrize("topic", derivations.TOPICS)
def test_every_derivation_verifies(reports, topic):
    assert reports[topic]
    for report in reports[topic]:
        assert report.ok, report.failure()
        assert len(report.steps) + len(report.checks) > 0
        # where numbers make sense, every step was also checked numerically
        assert all(r.numeric is not False for r in report.steps)


def test_most_steps_are_also_checked_numerically(reports):
    results = [r for found in reports.values() for report in found for r in report.steps]
    assert sum(r.numeric is True for r in results) >= 0.8 * len(results)


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
