import pytest
import sympy
from sympy import Array, IndexedBase

from symconv import SpecError, input_symbols, kernel_symbols, latex


def test_kernel_entries_are_indexed_symbols():
    K = kernel_symbols((3, 3))
    assert isinstance(K, Array) and K.shape == (3, 3)
    assert K[0, 1] == IndexedBase("W")[0, 1]
    assert latex(K[0, 1]) == "W_{0,1}"
    assert latex(kernel_symbols((2, 2, 2), name="K")[1, 0, 1]) == "K_{1,0,1}"


def test_input_is_flat_row_major_like_the_seminar():
    X = input_symbols((4, 4))
    assert X.shape == (4, 4)
    assert X[3, 3] == IndexedBase("X")[15]
    assert [X[1, j] for j in range(4)] == [IndexedBase("X")[k] for k in range(4, 8)]
    assert latex(X[3, 3]) == "X_{15}"


def test_input_multi_index():
    X = input_symbols((2, 3), multi_index=True)
    assert X[1, 2] == IndexedBase("X")[1, 2]


def test_greek_names():
    assert latex(kernel_symbols(2, name="theta")[1]) == r"\theta_{1}"


@pytest.mark.parametrize("name", [r"\input{/etc/passwd}", "W}", "W_1", "", "1W", "W W", None, 3])
def test_names_cannot_inject_latex(name):
    with pytest.raises(SpecError, match="name"):
        kernel_symbols((2, 2), name=name)
    with pytest.raises(SpecError, match="name"):
        input_symbols((2, 2), name=name)


def test_sympy_latex_of_entries_renders_the_same():
    # SymPy's own printer braces the base; the rendered glyphs are the same
    assert sympy.latex(IndexedBase("W")[0, 1]) == "{W}_{0,1}"
