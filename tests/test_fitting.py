"""Fitting formulas to a page or a frame: matrices by their corners, wide rows as columns."""

import sympy

from symconv import ConvSpec, conv_matrix, input_symbols, sliding_window
from symconv.notes.render import ARTICLE, SLIDES
from symconv.printing.fitting import ElidedMatrix, FittingPrinter, estimated_width, fitted, kept_indices
from symconv.printing.matrices import SlideMatrix


def test_the_seminars_4x16_matrix_is_shown_whole_on_a_slide_and_a_page():
    C = conv_matrix(ConvSpec((4, 4), (3, 3)))
    for medium in (SLIDES, ARTICLE):
        printed = medium.printer().fitted(SlideMatrix(C))
        assert "\\cdots" not in printed and printed.count("W_{2,2}") == 4 and "^{T}" not in printed


def test_large_matrices_show_their_corners_and_shape():
    C = conv_matrix(ConvSpec((8, 8), (3, 3)))  # 36x64
    printed = SLIDES.printer().fitted(SlideMatrix(C))
    assert "\\ddots" in printed and "\\vdots" in printed and "_{36\\times 64}" in printed
    rows = printed.split("\\\\")
    assert len(rows) <= SLIDES.max_rows
    # the first and the last entries of the band are kept
    assert printed.count("W_{0,0}") >= 1 and rows[-1].strip().split("&")[-1].split("\\end")[0].strip() == "W_{2,2}"


def test_kept_indices():
    assert kept_indices(3, 5) == [0, 1, 2]
    assert kept_indices(16, 10) == [0, 1, 2, 3, 4, 5, 6, 7, None, 15]


def test_a_row_of_long_sums_is_shown_as_a_transposed_column():
    spec = ConvSpec((4, 4), (3, 3))
    Y = sliding_window(spec, input_symbols((4, 4)))
    row = sympy.Matrix([[Y[i, j] for i in range(2) for j in range(2)]])  # 1x4, nine products each
    printed = SLIDES.printer()._print(row)
    assert printed.startswith("\\left(") and printed.endswith("\\right)^{T}")
    assert estimated_width(printed.split("\\\\")[0]) < SLIDES.ems


def test_a_product_shares_the_width():
    C = conv_matrix(ConvSpec((5, 5), (3, 3), stride=2, padding=1))  # 9x25
    X = sympy.Matrix(list(input_symbols((5, 5))))
    printer = SLIDES.printer()
    alone, shared = printer._print(C), printer.product(C, X)
    columns = alone.split("\\\\")[0].count("&")
    assert shared.split("\\\\")[0].count("&") < columns  # C shows fewer columns beside X


def test_wide_conditions_and_long_subscripts_are_stacked():
    a, b, c = sympy.symbols("a b c", integer=True)
    long = [a * b + c * a - b + 1 >= 0, a * c + b * c - a - 2 >= 0, a + b + c + a * b * c - 7 < 0]
    printed = FittingPrinter()._print(sympy.And(*long))
    assert printed.startswith("\\begin{gathered}") and "\\\\" in printed
    X = sympy.IndexedBase("X")
    assert "\\substack" in FittingPrinter()._print(X[a * b + c - 1, a * c + b - 2, a + b * c])
    assert FittingPrinter()._print(X[a, b]) == "X_{a,b}"


def test_fitted_leaves_small_things_alone():
    M = sympy.Matrix([[1, 2], [3, 4]])
    assert fitted(M, 10, 10) is M and fitted("x", 1, 1) == "x"
    assert isinstance(fitted(sympy.eye(20), 10, 10), ElidedMatrix)
