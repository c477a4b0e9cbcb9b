"""A wrong library fails a general step, not only a concrete example or a numeric check.

Each mutant below replaces the code of one of the library's definitions (as a mutation tool
would edit its source: every caller, numeric or symbolic, sees the change) and rebuilds the
derivations: at least one step whose sides hold symbolic parameters must then fail.
"""

import pytest
import sympy

from symconv import derivations, indexmap, recipe
from symconv.proof.numeric import parameters

TOPICS = {"conv-matrix-1d": "conv_matrix", "transposed-recipe-1d": "transposed", "transposed-size": "sizes"}


def _failing_general_steps(names):
    failed = []
    for name in names:  # only the topic is built: examples elsewhere may not even build with a mutant
        for derivation in [d for d in derivations.topic_derivations(TOPICS[name]) if d.name == name]:
            report = derivation.check()
            previous = None
            for result in report.steps:
                lhs = previous if result.step.lhs is None else result.step.lhs
                previous = result.step.rhs if result.step.rhs is not None else previous
                if not result.ok and parameters(lhs, result.step.rhs):
                    failed.append((derivation.name, result.step.because))
    return failed


def _index_map_off_when_stride_above_one(o, k, s=1, p=0, d=1):
    return s * o - p + d * k + __import__("sympy").Min(1, s - 1)


def _index_map_off_when_dilation_above_one(o, k, s=1, p=0, d=1):
    return s * o - p + d * k + __import__("sympy").Min(1, d - 1)


def _flipped_kernel(m, q):
    return m


def _one_zero_too_many_each_side(q, p, d=1):
    return d * (q - 1) - p + 1


def _pad_q_minus_p(q, p, d=1):
    return d * q - p


def _one_zero_too_many_at_the_end(h, q, s, p, d=1, a=0):
    return (h - 1) * s + 1 + 2 * (d * (q - 1) - p) + a + 1


MUTANTS = {
    "index map off by one when s > 1": (
        indexmap.input_position,
        _index_map_off_when_stride_above_one,
        ["conv-matrix-1d", "transposed-recipe-1d"],
    ),
    "index map off by one when d > 1": (
        indexmap.input_position,
        _index_map_off_when_dilation_above_one,
        ["conv-matrix-1d", "transposed-recipe-1d"],
    ),
    "flipped kernel": (recipe.rotated_tap, _flipped_kernel, ["transposed-recipe-1d"]),
    "one zero too many on each side": (
        recipe.recipe_padding,
        _one_zero_too_many_each_side,
        ["transposed-recipe-1d", "transposed-size"],
    ),
    "pad q - p": (recipe.recipe_padding, _pad_q_minus_p, ["transposed-recipe-1d", "transposed-size"]),
    "one zero too many at the end": (recipe.padded_length, _one_zero_too_many_at_the_end, ["transposed-size"]),
}


@pytest.mark.parametrize("mutant", MUTANTS)
def test_a_wrong_library_fails_a_general_step(monkeypatch, mutant):
    function, replacement, names = MUTANTS[mutant]
    monkeypatch.setattr(function, "__code__", replacement.__code__)
    failed = _failing_general_steps(names)
    assert {name for name, _ in failed} == set(names), failed


def test_the_unmutated_library_passes_the_same_steps():
    assert _failing_general_steps(["conv-matrix-1d", "transposed-recipe-1d", "transposed-size"]) == []


def test_the_mutants_change_the_numbers_too(monkeypatch):
    """The definitions are the ones the numeric code uses: a mutant changes conv_transpose as well."""
    from symconv import TransposedConvSpec, conv_transpose

    tspec = TransposedConvSpec(2, 2)
    right = conv_transpose(tspec, [1, 2], [1, 10])
    monkeypatch.setattr(recipe.rotated_tap, "__code__", _flipped_kernel.__code__)
    assert conv_transpose(tspec, [1, 2], [1, 10]) != right
    assert sympy.sympify(right) == sympy.Array([1, 12, 20])  # W_0 Y_0, W_1 Y_0 + W_0 Y_1, W_1 Y_1
