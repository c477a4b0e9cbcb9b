"""Large matrices print by their structure (symconv.printing.outline): what a slide would show."""

import time

import pytest
import sympy
from hypothesis import given

from symconv import ConvSpec, SpecError, conv_matrix, input_symbols, latex, vec
from symconv.printing.matrices import SlideMatrix
from symconv.printing.outline import outline
from symconv.sparse import matrix_from_rows, nonzero_rows
from symconv.strategies import conv_specs


def test_small_matrices_print_in_full_as_before():
    C = conv_matrix(ConvSpec((4, 4), (3, 3)))  # the seminar's 4x16
    assert outline(C) is None
    assert latex(C) == sympy.latex(C).replace("{W}_", "W_")
    assert latex(vec(input_symbols((4, 4)))).count("X_") == 16


def test_the_band_of_a_2d_convolution():
    C = conv_matrix(ConvSpec((64, 64), (3, 3)))
    shown = outline(C)
    assert shown.band and shown.rows == (0, 1, None, 3843)
    assert shown.columns == (
        *(0, 1, 2, 3, None, 64, 65, 66, 67, None, 128, 129, 130, 131, None),
        *(3965, 3966, 3967, None, 4029, 4030, 4031, None, 4093, 4094, 4095),
    )
    text = latex(C)
    first, second, dots, last = text.splitlines()[1:5]
    assert first.startswith("W_{0,0} & W_{0,1} & W_{0,2} & 0 & \\cdots & W_{1,0}")
    assert second.startswith("0 & W_{0,0} & W_{0,1} & W_{0,2} & \\cdots & 0 & W_{1,0}")
    assert dots.startswith("\\vdots") and dots.rstrip(" \\").endswith("\\vdots") and "\\ddots" in dots
    assert last.endswith("W_{2,0} & W_{2,1} & W_{2,2}") and text.startswith("\\left[") and text.endswith("\\right]")
    assert latex(C, mat_delim="").startswith("\\begin{array}")


@given(conv_specs(max_ndim=2, max_size=24, max_kernel=3))
def test_every_non_zero_of_a_shown_row_is_shown(spec):
    C = conv_matrix(spec)
    shown = outline(C)
    if shown is None:
        assert C.rows <= 16 and C.cols <= 16
        return
    rows = nonzero_rows(C)
    kept = set(shown.columns)
    for r in shown.rows:
        if r is not None and shown.band:
            assert set(rows.get(r, {})) <= kept
            assert all(shown.cells[r, c] == v for c, v in rows.get(r, {}).items())
    assert shown.rows[0] == 0 and shown.rows[-1] == C.rows - 1 and shown.columns[-1] == C.cols - 1
    grid = shown.grid(str, "0", ("...", ":", "\\"))
    assert len(grid) == len(shown.rows) and {len(row) for row in grid} == {len(shown.columns)}


def test_dense_rows_show_the_corners():
    M = sympy.Matrix(40, 40, lambda r, c: r + c + 1)
    shown = outline(M)
    assert not shown.band and shown.columns == (0, 1, 2, None, 37, 38, 39) and shown.rows == (0, 1, 2, None, 39)
    assert "(their first and last columns)" in str(SlideMatrix(M))


def test_text_pretty_and_full():
    C = conv_matrix(ConvSpec(40, 3))
    text = str(SlideMatrix(C))
    assert (
        text.splitlines()[0] == "38x40 matrix, 114 non-zeros; rows 0-1 and 37 shown (every cell: full=True, or --full)"
    )
    pretty = sympy.pretty(SlideMatrix(C), use_unicode=True)
    assert "\u22ef" in pretty and "\u22f1" in pretty and pretty.splitlines()[1].startswith("W[0]")
    assert "..." in sympy.pretty(SlideMatrix(C), use_unicode=False)
    full = SlideMatrix(C, full=True)
    assert len(str(full).splitlines()) == 38 and latex(full).count("W_{1}") == 38
    assert latex(C, full=True).count("W_{1}") == 38
    with pytest.raises(SpecError, match="^full: must be True or False"):
        SlideMatrix(C, full="yes")


def test_a_huge_matrix_prints_at_once():
    C = matrix_from_rows(
        {r: {r: sympy.Symbol("w"), r + 99_999: sympy.Symbol("v")} for r in range(1, 200_000, 50_000)},
        (300_000, 300_000),
    )
    start = time.process_time()
    text = latex(C) + str(SlideMatrix(C)) + sympy.pretty(SlideMatrix(C))
    assert time.process_time() - start < 1.0 and len(text) < 5_000
