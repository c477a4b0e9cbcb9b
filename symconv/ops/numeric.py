r"""Numbers out of the index map: ``C``, ``C^T``, im2col and the bilinear matrices as numeric
sparse matrices (``scipy.sparse``) or NumPy arrays, without SymPy in between.

The symbolic matrices place ``W[k]`` at ``(o, s o - p + d k)``; with numbers for the kernel the
same index map places the numbers, in time proportional to the non-zeros (a 256x256 input
with a 3x3 kernel takes a few milliseconds). :func:`substitute` gives the numeric matrix of a
symbolic one under a substitution, reading each distinct entry once.

``dtype=object`` with ``dense=True`` keeps SymPy's exact numbers (``Rational(1, 4)``), for
small matrices. SciPy is an optional peer (``pip install 'symconv[scipy]'``); without it the sparse results
raise :class:`~symconv.errors.MissingDependencyError` and ``dense=True`` still gives a NumPy
array (refused, like everything symconv builds, above the size limit).

>>> from symconv import ConvSpec
>>> numeric_conv_matrix(ConvSpec(4, 3), [1, 0, -1], dense=True)
array([[ 1.,  0., -1.,  0.],
       [ 0.,  1.,  0., -1.]])
"""

from __future__ import annotations

from collections.abc import Mapping
from math import prod
from typing import TYPE_CHECKING, Any, Union

import numpy as np
import numpy.typing as npt
import sympy
from sympy import MatrixBase

from ..channels import layer_positions, require_single_channel
from ..errors import MissingDependencyError, SpecError
from ..indexmap import nonzero_count
from ..interpolation import bilinear_kernel, bilinear_upsampling_spec, fcn_bilinear_kernel, fcn_upsampling_spec
from ..limits import check_size
from ..operands import as_numbers
from ..sparse import nonzero_rows
from ..specs import ConvSpec, TransposedConvSpec, require_spec
from ..typing import ArrayLike, Entry, IntLike, IntOrInts

if TYPE_CHECKING:  # SciPy is optional
    from scipy.sparse import csr_array

__all__ = [
    "numeric_conv_matrix",
    "numeric_transposed_conv_matrix",
    "numeric_im2col",
    "numeric_bilinear_matrix",
    "substitute",
    "NumericMatrix",
]

#: What the functions return: a ``scipy.sparse.csr_array``, or a NumPy array with ``dense=True``.
NumericMatrix = Union["csr_array", np.ndarray]


def _place(
    rows: np.ndarray,
    columns: np.ndarray,
    values: np.ndarray,
    shape: tuple[int, int],
    dense: bool,
    what: str,
    max_nonzeros: int | None,
) -> NumericMatrix:
    """The matrix with ``values[n]`` at ``(rows[n], columns[n])`` (no cell twice); zeros are not stored."""
    keep = values != 0
    if not keep.all():
        rows, columns, values = rows[keep], columns[keep], values[keep]
    if dense:
        check_size(shape[0] * shape[1], max_nonzeros, what=f"the dense matrix of {what}")
        result = np.zeros(shape, dtype=values.dtype)
        result[rows, columns] = values
        return result
    if values.dtype == object:
        raise SpecError("dtype", "exact entries (dtype=object) need dense=True: scipy.sparse holds numbers only")
    try:
        from scipy import sparse
    except ImportError:
        raise MissingDependencyError(
            "scipy", f"symconv.{what} (a sparse matrix; dense=True gives a NumPy array)"
        ) from None
    return sparse.csr_array((values, (rows, columns)), shape=shape)


def numeric_conv_matrix(
    spec: ConvSpec,
    kernel: ArrayLike,
    *,
    dense: bool = False,
    dtype: npt.DTypeLike = float,
    max_nonzeros: int | None = None,
) -> NumericMatrix:
    """The numbers of :func:`~symconv.conv_matrix` for a numeric ``kernel``: ``vec(Y) = C vec(X)``.

    Same shape, layout and channels as the symbolic matrix (``kernel`` of ``spec.kernel_shape``,
    or ``spec.weight_shape`` with channels); a ``scipy.sparse.csr_array``, or with ``dense=True``
    a NumPy array.

    >>> from symconv import ConvSpec
    >>> C = numeric_conv_matrix(ConvSpec((8, 8), (3, 3)), [[0, 1, 0], [1, -4, 1], [0, 1, 0]], dense=True)
    >>> C.shape, int((C != 0).sum()), C[0, :10].tolist()
    ((36, 64), 180, [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, -4.0])
    """
    require_spec(spec, ConvSpec)
    weights = as_numbers(kernel, spec.weight_shape if spec.has_channels else spec.kernel_shape, "kernel", dtype)
    check_size(nonzero_count(spec), max_nonzeros)
    rows, columns, tap = layer_positions(spec)
    shape = (spec.out_channels * prod(spec.out_shape), spec.in_channels * prod(spec.input_shape))
    return _place(rows, columns, weights.ravel()[tap], shape, dense, "numeric_conv_matrix", max_nonzeros)


def numeric_transposed_conv_matrix(
    tspec: TransposedConvSpec,
    kernel: ArrayLike,
    *,
    dense: bool = False,
    dtype: npt.DTypeLike = float,
    max_nonzeros: int | None = None,
) -> NumericMatrix:
    """The numbers of :func:`~symconv.transposed_conv_matrix` for a numeric ``kernel`` (``C^T`` of
    the forward convolution, its first ``h`` outputs).

    >>> from symconv import TransposedConvSpec
    >>> numeric_transposed_conv_matrix(TransposedConvSpec(2, 3, stride=2), [1, 2, 3], dense=True)
    array([[1., 0.],
           [2., 0.],
           [3., 1.],
           [0., 2.],
           [0., 3.]])
    """
    require_spec(tspec, TransposedConvSpec, "tspec")
    forward = tspec.forward()
    weights = as_numbers(
        kernel, forward.weight_shape if forward.has_channels else forward.kernel_shape, "kernel", dtype
    )
    check_size(nonzero_count(forward), max_nonzeros)
    rows, columns, tap = layer_positions(forward, tspec.input_shape)
    shape = (tspec.out_channels * prod(tspec.out_shape), tspec.in_channels * prod(tspec.input_shape))
    return _place(columns, rows, weights.ravel()[tap], shape, dense, "numeric_transposed_conv_matrix", max_nonzeros)


def numeric_im2col(
    spec: ConvSpec,
    X: ArrayLike,
    *,
    dense: bool = False,
    dtype: npt.DTypeLike = float,
    max_nonzeros: int | None = None,
) -> NumericMatrix:
    """The numbers of :func:`~symconv.im2col` for a numeric input ``X``: column ``o`` is the window
    of output ``o`` (zero in the padding).

    >>> from symconv import ConvSpec
    >>> numeric_im2col(ConvSpec(4, 3), [1, 2, 3, 4], dense=True)
    array([[1., 2.],
           [2., 3.],
           [3., 4.]])
    """
    require_spec(spec, ConvSpec)
    require_single_channel(spec, "numeric_im2col")
    values = as_numbers(X, spec.input_shape, "X", dtype).ravel()
    check_size(nonzero_count(spec), max_nonzeros)
    outputs, inputs, taps = layer_positions(spec)
    shape = (prod(spec.kernel_shape), prod(spec.out_shape))
    return _place(taps, outputs, values[inputs], shape, dense, "numeric_im2col", max_nonzeros)


def numeric_bilinear_matrix(
    input_shape: IntOrInts,
    factor: IntLike = 2,
    *,
    fcn: bool = False,
    dense: bool = False,
    max_nonzeros: int | None = None,
) -> NumericMatrix:
    """The upsampling matrix of bilinear interpolation as a transposed convolution (the seminar's
    Part 3): :func:`~symconv.bilinear_upsampling_spec` with :func:`~symconv.bilinear_kernel`
    (``align_corners=True``), or with ``fcn=True`` FCN's :func:`~symconv.fcn_upsampling_spec`
    and :func:`~symconv.fcn_bilinear_kernel`. The kernels are the library's exact ones, in floats.

    >>> numeric_bilinear_matrix(2, dense=True)
    array([[1. , 0. ],
           [0.5, 0.5],
           [0. , 1. ]])
    """
    if not isinstance(fcn, bool):
        raise TypeError(f"fcn: must be True or False, got {fcn!r}")
    tspec = fcn_upsampling_spec(input_shape, factor) if fcn else bilinear_upsampling_spec(input_shape, factor)
    kernel = (fcn_bilinear_kernel if fcn else bilinear_kernel)(factor, tspec.ndim)
    return numeric_transposed_conv_matrix(tspec, kernel, dense=dense, max_nonzeros=max_nonzeros)


def substitute(
    matrix: MatrixBase,
    values: Mapping[sympy.Basic, Entry],
    *,
    dense: bool = False,
    dtype: npt.DTypeLike = float,
    max_nonzeros: int | None = None,
) -> NumericMatrix:
    """The numeric matrix of a symbolic one under a substitution ``{symbol: number}``.

    Reads the non-zeros only, and substitutes each distinct entry once, with ``xreplace``
    (exact replacement of the given symbols: ``W[0, 1]`` by its number; no mathematics, unlike
    ``subs``, which is what makes ``Matrix.subs`` slow). Every symbol of the matrix needs a
    value.

    >>> from symconv import ConvSpec, conv_matrix, kernel_symbols
    >>> from symconv.operands import flat
    >>> C = conv_matrix(ConvSpec(4, 3))
    >>> substitute(C, dict(zip(flat(kernel_symbols(3)), [1, 0, -1])), dense=True)
    array([[ 1.,  0., -1.,  0.],
           [ 0.,  1.,  0., -1.]])
    """
    if not isinstance(matrix, MatrixBase):
        raise TypeError(f"matrix: must be a SymPy matrix, got {type(matrix).__name__}")
    try:
        replacements = {sympy.sympify(k, strict=True): sympy.sympify(v, strict=True) for k, v in values.items()}
    except (AttributeError, sympy.SympifyError, TypeError):
        raise SpecError("values", "must map symbols to numbers") from None
    rows = nonzero_rows(matrix)
    check_size(sum(len(row) for row in rows.values()), max_nonzeros)
    positions: list[int] = []
    columns: list[int] = []
    which: list[int] = []
    distinct: dict[Any, int] = {}
    for r, row in rows.items():
        positions.extend([r] * len(row))
        columns.extend(row)
        which.extend(distinct.setdefault(entry, len(distinct)) for entry in row.values())
    numbers = []
    for entry in distinct:
        value = entry.xreplace(replacements)
        if value.free_symbols:
            labels = {atom.base.label for atom in value.atoms(sympy.Indexed)}
            unknown = value.free_symbols - labels  # W[2], not its label W
            missing = ", ".join(sorted(map(sympy.sstr, unknown)))
            raise SpecError("values", f"give a value for {missing} (entry {sympy.sstr(entry)})")
        numbers.append(value)
    try:
        table = np.array(numbers, dtype=dtype) if numbers else np.zeros(0, dtype=dtype)
    except (TypeError, ValueError):
        raise SpecError("values", f"the entries are not numbers of type {np.dtype(dtype).name}") from None
    index = np.array(which, dtype=np.int64)
    return _place(
        np.array(positions, dtype=np.int64),
        np.array(columns, dtype=np.int64),
        table[index],
        matrix.shape,
        dense,
        "substitute",
        max_nonzeros,
    )
