"""The cost model: closed-form counts that agree with enumeration, the limit validated wherever it is
given, and every hostile request of the issue's classes refused (or done) under a memory cap, fast."""

import itertools
import json
import os
import subprocess
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import symconv
from symconv import ConvSpec, SpecError, TooLargeError, TransposedConvSpec
from symconv.indexmap import axis_taps, index_map_work
from symconv.limits import (
    DEFAULT_MAX_NONZEROS,
    UNITS,
    axis_nonzeros,
    bounded_power,
    bounded_product,
    check_work,
    floor_sum,
    limit_in_force,
    points_below,
    resolve_limit,
)
from symconv.ops.sliding_window import sliding_window_work
from symconv.ops.subpixel import subpixel_work
from symconv.ops.transposed import recipe_work

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import limits_probes  # noqa: E402
from sequences import first_difference  # noqa: E402

#: The address-space cap of the probing process: about 8 times what importing symconv takes, far
#: below what the old paths allocated (1.5 to 7.5 GB).
MEMORY_CAP = 1 << 30
#: A refusal may use this much CPU time (the issue's bound).
REFUSAL_SECONDS = 0.1


@given(st.integers(0, 30), st.integers(1, 12), st.integers(0, 20), st.integers(0, 40))
def test_floor_sum_is_the_sum(n, m, a, b):
    assert floor_sum(n, m, a, b) == sum((a * i + b) // m for i in range(n))


@given(st.integers(0, 12), st.integers(0, 8), st.integers(1, 6), st.integers(1, 6), st.integers(-5, 60))
def test_points_below_counts_the_lattice_points(n, q, s, d, t):
    assert points_below(n, q, s, d, t) == sum(1 for o in range(n) for k in range(q) if s * o + d * k <= t)


@given(
    st.integers(1, 9), st.integers(1, 6), st.integers(1, 5), st.integers(0, 8), st.integers(1, 4), st.integers(0, 12)
)
def test_axis_nonzeros_is_the_enumeration(h, q, s, before, d, outputs):
    expected = sum(1 for o in range(outputs) for k in range(q) if 0 <= s * o - before + d * k < h)
    assert axis_nonzeros(h, q, s, before, d, outputs) == expected


def brute_force(spec):
    """The (output, tap) pairs inside the input, by enumeration (the old dense mask, in its order)."""
    outputs = itertools.product(*[range(w) for w in spec.out_shape])
    return [
        (o, k)
        for o in outputs
        for k in itertools.product(*[range(q) for q in spec.kernel_shape])
        if all(
            0 <= s * oj - p + d * kj < h
            for oj, kj, s, p, d, h in zip(o, k, spec.stride, spec.padding_before, spec.dilation, spec.input_shape)
        )
    ]


@st.composite
def awkward_specs(draw):
    """Specs where windows skip over the input (dilation larger than the input), asymmetric padding."""
    n = draw(st.integers(1, 3))
    h = [draw(st.integers(1, 4)) for _ in range(n)]
    q = [draw(st.integers(1, 4)) for _ in range(n)]
    d = [draw(st.integers(1, 6)) for _ in range(n)]
    before = [draw(st.integers(0, 6)) for _ in range(n)]
    after = [max(draw(st.integers(0, 6)), dj * (qj - 1) + 1 - hj - bj) for hj, qj, dj, bj in zip(h, q, d, before)]
    s = [draw(st.integers(1, 4)) for _ in range(n)]
    return ConvSpec(h, q, stride=s, padding=list(zip(before, after)), dilation=d)


@given(awkward_specs())
def test_index_map_is_built_per_tap_range_in_the_old_order(spec):
    m = symconv.index_map(spec)
    got = [(tuple(o), tuple(k)) for o, k in zip(m.output.tolist(), m.tap.tolist())]
    assert (difference := first_difference(got, brute_force(spec))) is None, difference
    assert len(m) == symconv.nonzero_count(spec)
    expected_input = m.output * np.array(spec.stride) - np.array(spec.padding_before) + m.tap * np.array(spec.dilation)
    assert np.array_equal(m.input, expected_input)


def test_one_nonzero_with_a_huge_padding_is_built_at_once():
    spec = ConvSpec((1, 1, 1), (1, 1, 1), padding=1000)  # the 3-D case: 7.5 GiB before
    assert index_map_work(spec) == {"non-zeros": 1, "cells": 3}
    C = symconv.conv_matrix(spec)
    assert (
        C.shape == (2001**3, 1)
        and C[(1000 * 2001 + 1000) * 2001 + 1000, 0] == symconv.kernel_symbols((1,) * 3)[0, 0, 0]
    )
    outputs, first, counts = axis_taps(ConvSpec(1, 1, padding=10**9), 0)
    assert outputs.tolist() == [10**9] and first.tolist() == [0] and counts.tolist() == [1]


def test_works_are_closed_forms_that_bound_what_is_built():
    tspec = TransposedConvSpec((2, 3), (3, 2), stride=(2, 3), padding=1, dilation=(1, 2))
    stages = symconv.recipe_stages(tspec, symconv.input_symbols((2, 3), "Y"))
    assert sum(len(stage.array) for stage in stages) * 2 == recipe_work(tspec)["cells"]
    phases = symconv.subpixel_kernels(tspec)
    assert sum(len(g) for g in phases.values()) <= subpixel_work(tspec)["cells"]
    spec = ConvSpec((5, 4), (3, 2), padding=1)
    assert sliding_window_work(spec)["products"] == symconv.nonzero_count(spec)


def test_every_kind_of_work_has_a_weight_and_the_matrix_keeps_one_per_nonzero():
    assert UNITS["non-zeros"] == 1 and all(isinstance(w, Fraction) and w > 0 for w in UNITS.values())
    check_work("the matrix", {"non-zeros": DEFAULT_MAX_NONZEROS})
    with pytest.raises(TooLargeError, match="1,000,001 non-zeros, more than the limit 1,000,000"):
        check_work("the matrix", {"non-zeros": DEFAULT_MAX_NONZEROS + 1})
    share = int(DEFAULT_MAX_NONZEROS / UNITS["products"])
    check_work("the sliding window", {"products": share})
    with pytest.raises(TooLargeError, match=f"more than {share:,} .the limit 1,000,000 at 10 units per product"):
        check_work("the sliding window", {"products": share + 1})


@pytest.mark.parametrize(
    "value, parameter",
    [(0, "max_nonzeros"), (-1, "max_nonzeros"), (float("nan"), "max_nonzeros"), (2.0, "max_nonzeros")]
    + [(sympy.Symbol("h"), "max_nonzeros"), (True, "max_nonzeros"), ("10", "max_nonzeros")],
)
def test_the_limit_is_validated(value, parameter):
    with pytest.raises(SpecError) as info:
        symconv.conv_matrix(ConvSpec(3, 2), max_nonzeros=value)
    assert info.value.parameter == parameter and not isinstance(info.value, TooLargeError)


def test_the_limit_takes_integers_of_any_kind():
    for value in (10, np.int64(10), sympy.Integer(10)):
        assert resolve_limit(value) == 10
        with pytest.raises(TooLargeError, match="more than the limit 10 "):
            symconv.conv_matrix(ConvSpec(12, 2), max_nonzeros=value)


@pytest.mark.parametrize(
    "text", ["garbage", "-1", "0", "", "1e6", "1_000", " 10", "\u0663", "\uff11\uff12", "9" * 5000]
)
def test_the_environment_variable_is_validated_and_named(monkeypatch, text):
    monkeypatch.setenv("SYMCONV_MAX_NONZEROS", text)
    with pytest.raises(SpecError) as info:
        symconv.conv_matrix(ConvSpec(3, 2))
    assert info.value.parameter == "SYMCONV_MAX_NONZEROS" and len(str(info.value)) < 200


def test_the_limit_in_force_reaches_nested_calls():
    spec = ConvSpec((1, 1), (1, 1), padding=115)  # 2 * 231^2 + 1 = 106,723 figure cells
    with pytest.raises(TooLargeError, match="printed cells"):
        symconv.latex(sympy.zeros(800, 800), full=True)  # 640,000 cells at 2 units each
    with limit_in_force(100):
        assert symconv.latex(sympy.zeros(7, 7)).count("0") == 49
        with pytest.raises(TooLargeError, match="64 printed cells, more than 50 "):
            symconv.latex(sympy.zeros(8, 8), full=True)
    with limit_in_force(2 * 10**6):
        from symconv.printing.figures import conv_figure

        assert conv_figure(spec).count("rectangle") == 231 * 231 * 2 + 1
    with pytest.raises(TooLargeError, match="figure cells"):
        conv_figure(spec)


def test_bounded_arithmetic_never_computes_huge_numbers():
    assert bounded_power(3, 10**30, 10**6) == 10**6 + 1 and bounded_power(1, 10**30, 5) == 1
    assert bounded_product([10**9] * 10**5, 100) == 101 and bounded_product([0, 10**9], 1) == 0


def run_probes(probes, timeout):
    """Every probe in one process whose address space is capped at MEMORY_CAP."""
    result = subprocess.run(
        [sys.executable, str(HERE / "limits_probes.py"), str(MEMORY_CAP)],
        input=json.dumps(probes),
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**{k: v for k, v in os.environ.items() if k != "SYMCONV_MAX_NONZEROS"}, "OPENBLAS_NUM_THREADS": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines()]


def check_probes(classes, timeout):
    flat = [(name, probe) for name, probes in classes.items() for probe in probes]
    results = run_probes([probe for _, probe in flat], timeout)
    assert len(results) == len(flat)
    counts, slowest = Counter(), (0.0, "")
    for (name, probe), result in zip(flat, results):
        what = probe.get("code") or " ".join(probe.get("argv", []))
        expect = probe["expect"] if "over" not in probe else ("refused" if probe["over"] else "ok")
        assert result["outcome"] != "error", (name, what, result)
        assert expect == "either" or result["outcome"] == expect, (name, what, result)
        if result["outcome"] == "refused":
            assert result["cpu"] < REFUSAL_SECONDS, (name, what, result)
            assert len(result["message"]) < 400 and result["printed"] == 0, (name, what, result)
            slowest = max(slowest, (result["cpu"], what))
        counts[name, result["outcome"]] += 1
    print("\nprobes per class and outcome:", dict(counts), "\nslowest refusal (CPU seconds):", slowest)
    return counts


def test_probes_refuse_at_once_under_a_memory_cap(tmp_path):
    counts = check_probes(limits_probes.all_probes(full=False, tmp=str(tmp_path)), timeout=300)
    assert len({name for name, _ in counts}) == 6
    assert not list(tmp_path.iterdir())  # the refused notes wrote nothing


@pytest.mark.slow
def test_probes_refuse_at_once_under_a_memory_cap_sweep(tmp_path):
    counts = check_probes(limits_probes.all_probes(full=True, tmp=str(tmp_path)), timeout=1800)
    assert sum(counts.values()) >= 500
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_a_json_matrix_just_under_the_default_limit_takes_seconds_not_a_minute():
    """The issue's 333x333, kernel 3x3, JSON: 990,000 non-zeros (62 s before)."""
    probe = limits_probes._cli(["matrix", "--input", "333x333", "--kernel", "3x3", "--format", "json"], "ok")
    (result,) = run_probes([probe], timeout=600)
    assert result["outcome"] == "ok" and result["cpu"] < 30, result
    print("\n333x333 JSON:", result)
