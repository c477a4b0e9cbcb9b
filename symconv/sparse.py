"""SymPy matrices held in a sparse representation, built from rows of non-zeros, and their
products with vectors through the non-zeros only.

``ImmutableSparseMatrix`` sorts its entries into a SymPy ``Dict`` and is far too slow
for convolution matrices; a dense ``Matrix`` whose internal representation is a
``DomainMatrix`` over ``EXRAW`` in sparse (SDM) format costs little more than the
dict of rows itself, prints and compares like any SymPy matrix, and keeps ``.T``
sparse.

>>> import sympy
>>> M = matrix_from_rows({0: {2: sympy.Symbol("w")}}, (2, 3))
>>> M
Matrix([
[0, 0, w],
[0, 0, 0]])
>>> nonzero_rows(M.T)
{2: {0: w}}
>>> sparse_product(M.T, [sympy.Symbol("y"), 0])
Matrix([
[  0],
[  0],
[w*y]])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeAlias

import sympy
from sympy import Add, Expr, Indexed, MatrixBase, Mul, MutableDenseMatrix, NDimArray, Symbol
from sympy.polys.domains import EXRAW
from sympy.polys.matrices import DomainMatrix
from sympy.polys.matrices.sdm import SDM

from .errors import SpecError
from .typing import ArrayLike

__all__ = [
    "matrix_from_rows",
    "nonzero_rows",
    "nonzero_total",
    "row_entries",
    "sparse_product",
    "times",
    "is_zero_number",
    "Rows",
]

#: A sparse matrix as ``{row: {column: value}}``, the values non-zero SymPy expressions.
Rows: TypeAlias = dict[int, dict[int, Expr]]


def matrix_from_rows(rows: Rows, shape: tuple[int, int], *, in_range: bool = False) -> MutableDenseMatrix:
    """A SymPy ``Matrix`` from ``{row: {column: value}}`` (values: non-zero SymPy objects).

    ``ImmutableMatrix`` cannot be used: it keeps its entries as a dense tuple of
    arguments. ``DomainMatrix.to_Matrix()`` would wrap the same representation but
    copies it first; ``_fromrep`` (what it calls) takes ownership of the fresh rows.

    SymPy's ``SDM`` checks every row and column index against the shape, one by one in
    Python; ``in_range=True`` says the caller has checked them already (with numpy, in
    :func:`~symconv.ops.matrix.matrix_from_entries`), and the rows are put in as they are.
    """
    if not in_range:
        return MutableDenseMatrix._fromrep(DomainMatrix.from_rep(SDM(rows, shape, EXRAW)))
    sdm = SDM({}, shape, EXRAW)  # an SDM is a dict of rows: filled after its (empty) check
    dict.update(sdm, rows)
    return MutableDenseMatrix._fromrep(DomainMatrix.from_rep(sdm))


def nonzero_rows(matrix: MatrixBase) -> Rows:
    """``{row: {column: value}}`` of the non-zero entries, without visiting the zeros
    when the matrix is held sparse."""
    rep = getattr(matrix, "_rep", None)
    if rep is not None and rep.rep.fmt == "sparse":
        return {r: dict(cols) for r, cols in rep.rep.items()}
    return _rows_of(matrix)


def row_entries(matrix: MatrixBase, row: int) -> dict[int, Expr]:
    """``{column: value}`` of the non-zero entries of one row, without visiting other rows.

    >>> row_entries(matrix_from_rows({0: {2: sympy.Symbol("w")}}, (2, 3)), 0)
    {2: w}
    """
    rep = getattr(matrix, "_rep", None)
    if rep is not None and rep.rep.fmt == "sparse":
        return dict(rep.rep.get(row, {}))
    return {c: v for c, v in enumerate(matrix.row(row)) if v != 0}


def nonzero_total(matrix: MatrixBase) -> int:
    """The number of non-zero entries (counted row by row when the matrix is held sparse).

    >>> nonzero_total(sympy.Matrix([[0, 1], [2, 0]]))
    2
    """
    rep = getattr(matrix, "_rep", None)
    if rep is not None and rep.rep.fmt == "sparse":
        return sum(len(columns) for columns in rep.rep.values())
    return sum(1 for v in matrix if v != 0)


def _rows_of(matrix: MatrixBase) -> Rows:
    rows: Rows = {}
    for (r, c), value in matrix.todok().items():
        rows.setdefault(r, {})[c] = value
    return rows


_ATOMS = (Indexed, Symbol)


def is_zero_number(value: Expr) -> bool:
    """``value == 0``, structurally (as ``value != 0`` decides it), asked of numbers only: only a
    SymPy number can equal ``0``, and asking ``X[5] == 0`` costs a conversion of ``0``.

    >>> is_zero_number(sympy.S.Zero), is_zero_number(sympy.Symbol("x")), is_zero_number(sympy.Float(0.0))
    (True, False, False)
    """
    return bool(value.is_Number and value == 0)


def times(a: Expr, b: Expr) -> Expr:
    """``a * b``, built directly when both are distinct commuting symbols (a kernel tap times an input).

    ``Mul`` would sort two such factors into SymPy's canonical order (``Basic.compare``) and
    do nothing else; doing only that is about 6 times faster, and the product is the same
    object (equal, same hash, same arguments). Anything else is multiplied by ``Mul``.

    >>> W, X = sympy.IndexedBase("W"), sympy.IndexedBase("X")
    >>> times(W[1], X[0]) == Mul(W[1], X[0]), times(W[1], W[1])
    (True, W[1]**2)
    """
    if isinstance(a, _ATOMS) and isinstance(b, _ATOMS) and a.is_commutative and b.is_commutative:
        order = a.compare(b)
        if order:
            return Mul._from_args((a, b) if order < 0 else (b, a), is_commutative=True)
    return a * b


def sparse_product(matrix: MatrixBase, vector: ArrayLike, *, transpose: bool = False) -> MutableDenseMatrix:
    """``matrix * vector`` (or ``matrix.T * vector``) as a column, from the non-zeros of ``matrix`` only.

    ``vector`` holds symbols or numbers: a list, a column or row matrix, a numpy array, or an
    Array read row-major. SymPy's own product visits every cell of both matrices and builds
    each sum term by term; here each entry of the result is one ``Add`` of the products that
    meet a non-zero (zeros of ``vector`` are skipped), and the result is held sparse.

    >>> C = sympy.Matrix([[sympy.Symbol("a"), 0], [1, sympy.Symbol("b")]])
    >>> sparse_product(C, [sympy.Symbol("x"), sympy.Symbol("y")]).T
    Matrix([[a*x, b*y + x]])
    >>> sparse_product(C, [1, 2], transpose=True).T
    Matrix([[a + 2, 2*b]])
    """
    values = _entries(vector)
    nonzero = [not is_zero_number(v) for v in values]  # one test per entry of the vector
    rows = nonzero_rows(matrix)
    m, n = matrix.shape
    if len(values) != (m if transpose else n):
        side = "rows" if transpose else "columns"
        raise SpecError("vector", f"has {len(values)} entries but the matrix has {m if transpose else n} {side}")
    if transpose:
        gathered: dict[int, list[Expr]] = {}
        for r, row in rows.items():
            if nonzero[r]:
                y = values[r]
                for c, entry in row.items():
                    gathered.setdefault(c, []).append(times(entry, y))
        sums = {c: Add(*terms) for c, terms in gathered.items()}
    else:
        sums = {r: Add(*[times(entry, values[c]) for c, entry in row.items() if nonzero[c]]) for r, row in rows.items()}
    return matrix_from_rows({r: {0: total} for r, total in sums.items() if total != 0}, (n if transpose else m, 1))


def _entries(vector: Any) -> list[Expr]:
    """The entries of a vector, row-major, as SymPy objects (an immutable Array read through its storage)."""
    entries: Iterable[Any]
    if isinstance(vector, sympy.ImmutableDenseNDimArray):
        entries = vector.args[0]
    elif isinstance(vector, NDimArray):
        entries = vector.reshape(len(vector)) if vector.rank() > 1 else vector
    elif isinstance(vector, MatrixBase):
        entries = list(vector)
    else:
        entries = list(getattr(vector, "ravel", lambda: vector)())
    return [v if isinstance(v, sympy.Basic) else sympy.sympify(v, strict=True) for v in entries]
