"""symconv's pytest plugin, run with pytester: derivation files as items, the Hypothesis profile."""

import textwrap

import pytest

pytest_plugins = ["pytester"]

GOOD = textwrap.dedent(
    '''
    """Squares, for my course."""
    import sympy
    from symconv.proof import EXPAND, Derivation, Step

    x = sympy.Symbol("x")

    def derivations():
        return [
            Derivation("square", "A square", "expanding a square",
                       steps=(Step((x + 1)**2, x**2 + 2*x + 1, "binomial formula", EXPAND),)),
            Derivation("cube", "A cube", "expanding a cube",
                       steps=(Step((x + 1)**3, x**3 + 3*x**2 + 3*x + 1, "binomial formula", EXPAND),)),
        ]
    '''
)

WRONG = textwrap.dedent(
    '''
    import sympy
    from symconv.proof import EXPAND, Derivation, Step

    x = sympy.Symbol("x")
    WRONG = Derivation("wrong-square", "A wrong square", "forgetting the middle term",
                       steps=(Step((x + 1)**2, x**2 + 1, "a student's binomial formula", EXPAND),))
    '''
)


def test_derivation_files_become_items(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(my_proofs=GOOD)
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*my_proofs.py::square PASSED*", "*my_proofs.py::cube PASSED*"])


def test_a_failing_derivation_shows_its_failing_step(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(wrong_proofs=WRONG)
    result = pytester.runpytest("--symconv-seed", "3")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*[[]FAIL[]]*a student's binomial formula*",
            "why step 1 (a student's binomial formula) fails: the equation is false: * at x=*",
            "  first difference: 2*x (left) where the right has 0",
            "first failure: step 1*",
        ]
    )


def test_a_conftest_next_to_the_tests_selects_the_profile(pytester: pytest.Pytester) -> None:
    """The plugin registers the profile on import: a conftest read before ``pytest_configure`` finds it."""
    pytest.importorskip("hypothesis")
    pytester.makeconftest("import hypothesis\nhypothesis.settings.load_profile('symconv')\n")
    pytester.makepyfile(
        test_profile="import hypothesis\n\ndef test_no_deadline():\n    assert hypothesis.settings().deadline is None\n"
    )
    result = pytester.runpytest(pytester.path)
    result.assert_outcomes(passed=1)


def test_the_pattern_is_configurable(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(my_proofs=GOOD)
    pytester.mkdir("course")
    (pytester.path / "course" / "squares.py").write_text(GOOD)
    pytester.makeini("[pytest]\nsymconv_derivations = course/*.py\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)  # course/squares.py only; my_proofs.py no longer matches


def test_a_file_without_derivations_is_a_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(empty_proofs="x = 1\n")
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*defines no derivations*"])


def test_ordinary_test_files_are_left_to_pytest(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_one():\n    assert 1 + 1 == 2\n")
    pytester.runpytest().assert_outcomes(passed=1)


def test_the_hypothesis_profile(pytester: pytest.Pytester) -> None:
    pytester.makeconftest("from hypothesis import settings\nsettings.load_profile('symconv')\n")
    pytester.makepyfile(
        test_profile=textwrap.dedent(
            """
            from hypothesis import HealthCheck, settings

            def test_profile():
                assert settings().deadline is None
                assert HealthCheck.too_slow in settings().suppress_health_check
            """
        )
    )
    pytester.runpytest().assert_outcomes(passed=1)
