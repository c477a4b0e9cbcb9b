r"""(Multi)linear interpolation, independent of any convolution code, and the kernels that
make a transposed convolution compute it (the seminar's Part 3).

- :func:`bilinear_interpolate`: written from the seminar's formula B2 on each cell,
  ``[1-x, x] [[f00, f01], [f10, f11]] [1-y, y]^T``, in N dimensions its tensor-product form;
  ``align_corners=True`` keeps the input's corners on output nodes, ``False`` follows
  PyTorch's half-pixel convention (with its clamping at the borders);
- :func:`bilinear_kernel`: the exact tent kernel of an integer factor ``f``, size ``2f - 1``;
- :func:`fcn_bilinear_kernel`: the FCN / Caffe ``BilinearFiller`` kernel, size ``2f - f % 2``,
  with :func:`fcn_upsampling_spec` its stride and padding.

>>> bilinear_kernel()
[[1/4, 1/2, 1/4], [1/2, 1, 1/2], [1/4, 1/2, 1/4]]
>>> bilinear_interpolate([0, 2, 4], factor=2)
[0, 1, 2, 3, 4]
"""

from __future__ import annotations

import itertools
from math import prod

import numpy as np
import sympy
from sympy import Array, Rational

from .errors import SpecError, TooLargeError
from .limits import LIMIT_RANGE, bounded_power, check_work
from .operands import as_array, from_object_array, object_array
from .parameters import MAX_DIMENSIONS, as_int, as_shape, shown
from .specs import TransposedConvSpec
from .typing import ArrayLike, IntLike, IntOrInts

__all__ = [
    "bilinear_kernel",
    "tent",
    "tent_weight",
    "fcn_bilinear_kernel",
    "fcn_upsampling_spec",
    "bilinear_interpolate",
    "bilinear_upsampling_spec",
    "kernel_taps",
]


def _factor(factor: object, max_nonzeros: object = None) -> int:
    f = as_int(factor, "factor")
    if f < 1:
        raise SpecError("factor", f"must be a positive integer, got {f}")
    check_work("the kernel", {"taps": 2 * f}, max_nonzeros, "factor")
    return f


def _ndim(ndim: object) -> int:
    n = as_int(ndim, "ndim")
    if n < 1:
        raise SpecError("ndim", f"must be a positive integer, got {n}")
    if n > MAX_DIMENSIONS:
        raise TooLargeError("ndim", f"must be at most {MAX_DIMENSIONS}, got {shown(n)}")
    return n


def tent_weight(t: IntLike | sympy.Expr, factor: IntLike | sympy.Expr) -> sympy.Expr:
    """The tent's weight at offset ``t`` from its centre, ``1 - |t|/f``: linear interpolation's
    weight of a node at distance ``t/f``. One definition for :func:`tent` and the proofs
    (integers or SymPy symbols).

    >>> tent_weight(1, 3)
    2/3
    >>> f, t = sympy.symbols("f t", integer=True, positive=True)
    >>> tent_weight(t, f)
    1 - t/f
    """
    return 1 - sympy.Abs(t) / sympy.sympify(factor)


def tent(factor: IntLike = 2, *, max_nonzeros: int | None = None) -> list[Rational]:
    """The 1-D interpolation taps :func:`tent_weight` ``1 - |t|/f`` for ``t = -(f-1) .. f-1``.

    >>> tent(3)
    [1/3, 2/3, 1, 2/3, 1/3]
    """
    f = _factor(factor, max_nonzeros)
    return [tent_weight(t, f) for t in range(-(f - 1), f)]


def kernel_taps(size: int, ndim: int) -> int:
    """The taps ``size^ndim`` of an ``ndim``-dimensional kernel of ``size`` per dimension, for the
    cost model: capped just above any limit, so that ``ndim = 10**30`` costs nothing to count.

    >>> kernel_taps(3, 2), kernel_taps(3, 10**30) > 10**12
    (9, True)
    """
    return bounded_power(size, ndim, LIMIT_RANGE[1])


def _outer(taps: list[sympy.Expr], ndim: int) -> Array:
    grid = np.array(taps, dtype=object)
    result = grid
    for _ in range(ndim - 1):
        result = np.multiply.outer(result, grid)
    return from_object_array(result)


def bilinear_kernel(factor: IntLike = 2, ndim: IntLike = 2, *, max_nonzeros: int | None = None) -> Array:
    """The exact interpolation kernel for factor ``f`` in ``ndim`` dimensions: size ``2f - 1``
    per dimension, the outer product of the 1-D tent. ``bilinear_kernel()`` is the seminar's kernel.

    >>> bilinear_kernel(2, 1)
    [1/2, 1, 1/2]
    """
    f, n = _factor(factor, max_nonzeros), _ndim(ndim)
    check_work("the kernel", {"taps": kernel_taps(2 * f - 1, n)}, max_nonzeros, "ndim")
    return _outer(tent(f, max_nonzeros=max_nonzeros), n)


def fcn_bilinear_kernel(factor: IntLike = 2, ndim: IntLike = 2, *, max_nonzeros: int | None = None) -> Array:
    """FCN's initialisation (Long, Shelhamer and Darrell; Caffe's ``BilinearFiller``): size
    ``k = 2f - f % 2``, taps ``1 - |x - c| / f'`` with ``f' = (k + 1) // 2`` and centre
    ``c = f' - 1`` (odd ``k``) or ``f' - 1/2`` (even ``k``).

    >>> fcn_bilinear_kernel(2, 1)
    [1/4, 3/4, 3/4, 1/4]
    """
    f, n = _factor(factor, max_nonzeros), _ndim(ndim)
    size = 2 * f - f % 2
    check_work("the kernel", {"taps": kernel_taps(size, n)}, max_nonzeros, "ndim")
    half = (size + 1) // 2
    centre = Rational(half - 1) if size % 2 else Rational(2 * half - 1, 2)
    taps = [1 - abs(x - centre) / half for x in range(size)]
    return _outer(taps, n)


def fcn_upsampling_spec(input_shape: IntOrInts, factor: IntLike = 2) -> TransposedConvSpec:
    """The transposed convolution FCN uses with :func:`fcn_bilinear_kernel`: stride ``f``,
    padding ``ceil((f - 1)/2)``; its output is exactly ``f`` times the input.

    >>> fcn_upsampling_spec((3, 4), 2).out_shape
    (6, 8)
    """
    f = _factor(factor)
    shape = as_shape(input_shape, "input_shape")
    return TransposedConvSpec(shape, 2 * f - f % 2, stride=f, padding=-(-(f - 1) // 2))


def bilinear_upsampling_spec(
    input_shape: IntOrInts, factor: IntLike = 2, padding: IntOrInts | None = None
) -> TransposedConvSpec:
    """The transposed convolution of the seminar's exercise: kernel ``2f - 1``, stride ``f``,
    padding ``f - 1`` by default (output ``(h - 1) f + 1``, equal to ``align_corners=True``).

    >>> bilinear_upsampling_spec((3, 3)).out_shape
    (5, 5)
    """
    f = _factor(factor)
    shape = as_shape(input_shape, "input_shape")
    return TransposedConvSpec(shape, 2 * f - 1, stride=f, padding=f - 1 if padding is None else padding)


def _source(j: int, h: int, f: int, align_corners: bool) -> tuple[int, int, Rational]:
    """Output node ``j`` -> the cell ``(i0, i1)`` it falls in and the fraction ``x`` along it."""
    if align_corners:
        position = Rational(j, f)  # j (h - 1) / (out - 1) with out = (h - 1) f + 1
    else:
        position = Rational(2 * j + 1, 2 * f) - Rational(1, 2)  # half-pixel centres
        position = max(position, Rational(0))  # PyTorch clamps below at 0
    i0 = min(int(sympy.floor(position)), h - 1)
    i1 = i0 + 1 if i0 < h - 1 else i0  # and at the last input above
    return i0, i1, position - i0 if i1 != i0 else Rational(0)


def bilinear_interpolate(
    X: ArrayLike, factor: IntLike = 2, align_corners: bool = True, *, max_nonzeros: int | None = None
) -> Array:
    r"""(Multi)linear interpolation of ``X`` (numbers or symbols) by an integer factor.

    ``align_corners=True``: output ``(h - 1) f + 1`` per dimension, input node ``i`` at output
    ``i f``. ``align_corners=False``: output ``f h``, PyTorch's half-pixel sampling
    ``(j + 1/2)/f - 1/2`` clamped to the input. Each output is the seminar's formula B2 on its
    cell (in N dimensions: the sum over the cell's ``2^n`` corners of the corner value times
    ``prod (1 - x_i)`` or ``x_i``).

    >>> import sympy
    >>> f = sympy.IndexedBase("f")
    >>> bilinear_interpolate([[f[0, 0], f[0, 1]], [f[1, 0], f[1, 1]]])[1, 1]
    f[0, 0]/4 + f[0, 1]/4 + f[1, 0]/4 + f[1, 1]/4
    """
    f = _factor(factor, max_nonzeros)
    if not isinstance(align_corners, (bool, np.bool_)):
        raise TypeError(f"align_corners: must be True or False, got {shown(align_corners)}")
    align_corners = bool(align_corners)
    try:
        if isinstance(X, sympy.NDimArray):
            values = object_array(X)
        else:
            values = np.array(X.tolist() if isinstance(X, sympy.MatrixBase) else X, dtype=object)
    except ValueError:
        values = np.array(None, dtype=object)
    if values.ndim == 0 or values.size == 0 or any(isinstance(v, (list, tuple)) for v in values.flat):
        raise SpecError("X", f"must be a non-empty rectangular array of numbers or expressions, got {shown(X)}")
    values = object_array(as_array(list(values.ravel()), values.shape, "X"))
    if not isinstance(align_corners, (bool, np.bool_)):
        raise TypeError(f"align_corners: must be True or False, got {shown(align_corners)}")
    shape: tuple[int, ...] = tuple(map(int, np.shape(values)))
    out_shape = tuple((n - 1) * f + 1 if align_corners else f * n for n in shape)
    corners = bounded_power(2, len(shape), LIMIT_RANGE[1])
    work = {"cells": 2 * prod(shape) + sum(out_shape) + prod(out_shape), "terms": prod(out_shape) * corners}
    check_work("the interpolation", work, max_nonzeros, "X")
    sources = [[_source(j, h, f, align_corners) for j in range(n)] for h, n in zip(shape, out_shape)]
    result = np.empty(out_shape, dtype=object)
    for index in np.ndindex(*out_shape):
        cell = [sources[axis][j] for axis, j in enumerate(index)]
        total = sympy.S.Zero
        for corner in itertools.product((0, 1), repeat=len(shape)):
            weight = sympy.S.One
            for (_, _, x), c in zip(cell, corner):
                weight *= x if c else 1 - x
            if weight != 0:
                total += weight * sympy.sympify(values[tuple(i1 if c else i0 for (i0, i1, _), c in zip(cell, corner))])
        result[index] = sympy.expand(total)
    return from_object_array(result)
