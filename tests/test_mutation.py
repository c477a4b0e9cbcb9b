"""Mutation testing (tests/mutation): the runner's own logic here, and, in CI's slow part, that
every mutant of the catalogue still applies and that a representative subset is killed."""

import pytest
from mutation.catalogue import MUTANTS, REPRESENTATIVE, Edit, Mutant, find
from mutation.runner import _failed_derivations, _failed_tests, applicability, exit_status, run, table


def _mutant(*edits):
    return Mutant("m", "library:test", "a test mutant", tuple(edits))


def test_a_mutant_applies_only_where_its_text_occurs_as_often_as_stated(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "f.py").write_text("def f(s, o):\n    return s * o + 1 + s * o\n")
    assert applicability(_mutant(Edit("pkg/f.py", "+ 1", "- 1")), tmp_path) == ("", "")
    assert applicability(_mutant(Edit("pkg/f.py", "s * o", "o", count=2)), tmp_path) == ("", "")
    status, why = applicability(_mutant(Edit("pkg/f.py", "s * o", "o")), tmp_path)
    assert status == "not applicable" and "occurs 2 times, not 1" in why
    status, why = applicability(_mutant(Edit("pkg/f.py", "s * p", "p")), tmp_path)
    assert status == "not applicable" and "occurs 0 times" in why
    assert applicability(_mutant(Edit("pkg/g.py", "x", "y")), tmp_path)[0] == "not applicable"
    assert applicability(_mutant(Edit("pkg/f.py", "+ 1", "+ 1")), tmp_path)[0] == "invalid"
    status, why = applicability(_mutant(Edit("pkg/f.py", "return", "return (")), tmp_path)
    assert status == "invalid" and "does not compile" in why
    # the edits of one mutant apply in order, to the text already edited
    chained = _mutant(Edit("pkg/f.py", "+ 1", "+ 2"), Edit("pkg/f.py", "+ 2 +", "-"))
    assert applicability(chained, tmp_path) == ("", "")


def test_a_variant_applies_when_the_sources_were_rewritten(tmp_path):
    """After a merge rewrites a function, the same fault is found through a variant, else reported."""
    from mutation.runner import chosen_edits

    (tmp_path / "f.py").write_text("def f(s):\n    return s - 1\n")
    old, new = (Edit("f.py", "s + 1", "s + 2"),), (Edit("f.py", "s - 1", "s - 2"),)
    mutant = Mutant("m", "library:test", "d", old, variants=(new,))
    assert chosen_edits(mutant, tmp_path) == (new, "", "")
    status, why = applicability(Mutant("m", "library:test", "d", old, variants=(old,)), tmp_path)
    assert status == "not applicable" and "none of its 1 variants applies" in why


def test_the_runner_reads_which_derivation_or_test_failed():
    output = (
        "conv-matrix-1d: The matrix\n  [ok] a = a    x\nverified: 1 step\n\n"
        "transposed-recipe-1d: The recipe\n  [FAIL] a = b    y\nFAILED: 2 steps\n\n1 of 2 derivations verified\n"
    )
    assert _failed_derivations(output) == ["transposed-recipe-1d"]
    assert _failed_tests("...F\nFAILED tests/test_a.py::test_b - assert 1 == 2\n") == ["tests/test_a.py::test_b"]


def test_the_catalogue_names_are_unique_and_cover_library_and_checker():
    names = [m.name for m in MUTANTS]
    assert len(names) == len(set(names)) >= 40
    areas = {m.area.split(":")[0] for m in MUTANTS}
    assert areas == {"library", "checker"}
    assert all(m.killers for m in find(REPRESENTATIVE))
    with pytest.raises(KeyError, match="no-such-mutant"):
        find(["no-such-mutant"])


def test_the_table_counts_and_explains():
    from mutation.runner import Result

    killed = Result(_mutant(), "killed", ["prove all: x"])
    survived = Result(Mutant("s", "checker:x", "d", (), survivor="equivalent: because"), "survived")
    unexplained = Result(Mutant("u", "checker:x", "d", ()), "survived")
    text = table([killed, survived, unexplained])
    assert "**Kill rate 1/3 (33%)**" in text and "equivalent: because" in text and "**no reason recorded**" in text
    assert exit_status([killed, survived]) == 0
    assert exit_status([killed, unexplained]) == 1
    assert exit_status([Result(_mutant(), "not applicable")]) == 1


@pytest.mark.slow
def test_every_mutant_still_applies():
    """After a change of the sources, a mutant whose text is gone must be updated, not dropped."""
    problems = {m.name: applicability(m) for m in MUTANTS}
    assert {name: why for name, (status, why) in problems.items() if status} == {}


@pytest.mark.slow
def test_representative_mutants_are_killed():
    """One mutant of each kind, each killed by its own killer tests (after a run without mutants passes)."""
    results = run(find(REPRESENTATIVE), jobs=2, timeout=600, killers=True)
    assert [r.status for r in results] == ["killed"] * len(results), table(results, killers=True)
