"""SymPy matrices held in a sparse representation, built from rows of non-zeros.

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
"""

from __future__ import annotations

from typing import TypeAlias

from sympy import Expr, MatrixBase, MutableDenseMatrix
from sympy.polys.domains import EXRAW
from sympy.polys.matrices import DomainMatrix
from sympy.polys.matrices.sdm import SDM

__all__ = ["matrix_from_rows", "nonzero_rows", "Rows"]

#: A sparse matrix as ``{row: {column: value}}``, the values non-zero SymPy expressions.
Rows: TypeAlias = dict[int, dict[int, Expr]]


def matrix_from_rows(rows: Rows, shape: tuple[int, int]) -> MutableDenseMatrix:
    """A SymPy ``Matrix`` from ``{row: {column: value}}`` (values: non-zero SymPy objects).

    ``ImmutableMatrix`` cannot be used: it keeps its entries as a dense tuple of
    arguments. ``DomainMatrix.to_Matrix()`` would wrap the same representation but
    copies it first; ``_fromrep`` (what it calls) takes ownership of the fresh rows.
    """
    return MutableDenseMatrix._fromrep(DomainMatrix.from_rep(SDM(rows, shape, EXRAW)))


def nonzero_rows(matrix: MatrixBase) -> Rows:
    """``{row: {column: value}}`` of the non-zero entries, without visiting the zeros
    when the matrix is held sparse."""
    rep = getattr(matrix, "_rep", None)
    if rep is not None and rep.rep.fmt == "sparse":
        return {r: dict(cols) for r, cols in rep.rep.items()}
    return _rows_of(matrix)


def _rows_of(matrix: MatrixBase) -> Rows:
    rows: Rows = {}
    for (r, c), value in matrix.todok().items():
        rows.setdefault(r, {})[c] = value
    return rows
