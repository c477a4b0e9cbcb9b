r"""Assertions for users' own test suites and proof scripts, with readable failures.

Each raises ``AssertionError`` (pytest shows its message) naming what differs: the first
differing entry by its index ``(i, j, ...)`` in the seminar's notation (``W_{0,1}``,
``X_{15}``), the output position where a convolution disagrees with the numpy reference, the
failing step of a derivation with its explanation. Nothing calls ``simplify`` on large
expressions.

>>> from symconv import ConvSpec, conv_matrix, input_symbols, sliding_window, vec
>>> spec, X = ConvSpec((4, 4), (3, 3)), input_symbols((4, 4))
>>> assert_identity(conv_matrix(spec) * vec(X), sliding_window(spec, X), vec=True)
>>> assert_conv_matches(ConvSpec((4, 4), (3, 3), padding=1), [[1, 2, 3], [4, 5, 6], [7, 8, 9]], range(16))
"""

from __future__ import annotations

import re
from math import prod
from typing import Any, Union

import numpy as np
import sympy

from .errors import SpecError, VerificationError
from .operands import as_array, flat, unvec
from .ops.matrix import conv_matrix
from .ops.sliding_window import sliding_window
from .ops.transposed import conv_transpose, transposed_conv_matrix
from .proof.derivation import Derivation, Report
from .proof.explain import after_rule
from .proof.transformations import EXPAND, Transformation
from .reference import conv_reference, conv_transpose_reference, to_numpy
from .specs import ConvSpec, TransposedConvSpec, require_spec
from .typing import ArrayLike, Comparable

__all__ = [
    "assert_identity",
    "assert_conv_matches",
    "assert_transposed_matches",
    "assert_matches_torch",
    "assert_derivation",
]

#: What :func:`assert_identity` compares: SymPy objects, numbers, and nested lists or numpy arrays of them.
Identity = Union[Comparable, list, tuple, np.ndarray]


def _seminar(text: str) -> str:
    """``W[0, 1]`` as the seminar writes it, ``W_{0,1}``, inside a failure message."""
    return re.sub(r"([A-Za-z]\w*)\[([^\]]+)\]", lambda m: f"{m.group(1)}_{{{m.group(2).replace(' ', '')}}}", text)


def _comparable(obj: Any, side: str) -> Any:
    """Lists (nested, of any shape) and numpy arrays as SymPy Arrays; everything else as it is."""
    if isinstance(obj, np.ndarray):
        obj = obj.tolist() if obj.ndim else obj.item()
    if isinstance(obj, (list, tuple)):
        try:
            return sympy.Array(obj)
        except ValueError as error:
            raise TypeError(
                f"{side}: a nested list must be rectangular to compare it entry by entry ({error})"
            ) from None
    return obj


def _is_column(obj: Any) -> bool:
    shape = tuple(getattr(obj, "shape", ()))
    return len(shape) == 1 or (len(shape) == 2 and shape[1] == 1)


def _as_vec(lhs: Any, rhs: Any) -> tuple[Any, Any]:
    """Both sides in the shape of the one that is not a column (so that entries are named by its
    index), the other read as its ``vec``."""
    sides = [lhs, rhs]
    for n, side in enumerate(sides):
        if not isinstance(side, (sympy.MatrixBase, sympy.NDimArray)):
            raise TypeError(f"vec=True compares matrices and arrays, got a {type(side).__name__}")
        sides[n] = sympy.Array(side.tolist()) if isinstance(side, sympy.MatrixBase) else side
    sizes = [prod(side.shape) for side in sides]
    if sizes[0] != sizes[1]:
        raise AssertionError(f"sizes differ: {sizes[0]} != {sizes[1]} entries (compared by vec)")
    shape = next((side.shape for side in sides if not _is_column(side)), sides[0].shape)
    left, right = (unvec(flat(side), shape) if side.shape != shape else side for side in sides)
    return left, right


def assert_identity(
    lhs: Identity, rhs: Identity, transformation: Transformation = EXPAND, *, name: str = "", vec: bool = False
) -> None:
    """Assert ``lhs == rhs`` exactly (entry by entry for matrices and arrays) after ``transformation``
    (``expand`` of the difference by default), naming the first differing entry by its index.

    The sides are numbers, SymPy expressions, Matrices, Arrays, or nested lists and numpy arrays
    of any shape (read as Arrays). With ``vec=True`` an array is compared with its ``vec``
    column (a ``C X`` against the sliding window): entries are named by the array's index.

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> assert_identity((x + 1)**2, x**2 + 2*x + 1)
    >>> assert_identity([[x, 1], [2, x]], sympy.Matrix([[x, 1], [2, x]]))
    >>> assert_identity(sympy.Matrix([[x, 1]]), sympy.Matrix([[x, 2]]), name="C")
    Traceback (most recent call last):
    ...
    AssertionError: C: entry (0, 1): 1 != 2 (after expand)
    >>> assert_identity(sympy.Array([[x, 1], [2, x]]), sympy.Matrix([x, 1, 3, x]), vec=True)
    Traceback (most recent call last):
    ...
    AssertionError: entry (1, 0): 2 != 3 (after expand)
    """
    prefix = f"{name}: " if name else ""
    lhs, rhs = _comparable(lhs, "lhs"), _comparable(rhs, "rhs")
    if vec:
        try:
            lhs, rhs = _as_vec(lhs, rhs)
        except AssertionError as error:
            raise AssertionError(f"{prefix}{error}") from None
    detail = transformation.compare(lhs, rhs)
    if not detail:
        return
    if detail.startswith("shapes differ") and _is_column(lhs) != _is_column(rhs):
        detail += " (compare an array with its vec column by vec=True)"
    lines = [f"{prefix}{_seminar(detail)} (after {transformation.name})"]
    if not isinstance(lhs, (sympy.MatrixBase, sympy.NDimArray)):  # a scalar: where the sides differ after the rule
        lines += [f"  {line}" for line in after_rule(transformation, lhs, rhs)]
    raise AssertionError("\n".join(lines))


def _numbers(values: Any, shape: tuple[int, ...], parameter: str) -> np.ndarray:
    """Real numbers of ``shape`` for the numpy reference; symbols are refused naming ``parameter``."""
    entries = flat(as_array(values if hasattr(values, "shape") else list(values), shape, parameter))
    try:
        return np.array([float(v) for v in entries], dtype=float).reshape(shape)
    except (TypeError, ValueError):
        raise SpecError(
            parameter, "must hold real numbers to compare with the numpy reference (for symbols use assert_identity)"
        ) from None


def _agree(what: str, spec: Any, got: np.ndarray, expected: np.ndarray, reference: str) -> None:
    if got.shape != expected.shape:
        raise AssertionError(f"{what} of {spec}: shape {got.shape}, the {reference} gives {expected.shape}")
    wrong = ~np.isclose(got, expected, rtol=1e-12, atol=1e-12)
    if wrong.any():
        index = tuple(int(i) for i in np.argwhere(wrong)[0])
        value, wanted = float(got[index]), float(expected[index])
        raise AssertionError(f"{what} of {spec}: output {index} is {value!r}, the {reference} gives {wanted!r}")


def _layer_shapes(spec: ConvSpec | TransposedConvSpec) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """The kernel's, the input's and the output's shapes, with the channel axes when the spec has channels."""
    if not spec.has_channels:
        return spec.kernel_shape, spec.input_shape, spec.out_shape
    return spec.weight_shape, (spec.in_channels, *spec.input_shape), (spec.out_channels, *spec.out_shape)


def assert_conv_matches(spec: ConvSpec, kernel: ArrayLike, x: ArrayLike) -> None:
    """Assert that ``conv_matrix`` (and ``sliding_window``, for one channel) agree with the numpy
    reference for numbers. With channels, ``kernel`` has ``spec.weight_shape`` and ``x`` the
    shape ``(in_channels, *input_shape)``; outputs are named ``(channel, i, j, ...)``.

    >>> assert_conv_matches(ConvSpec(5, 3, stride=2), [1, 0, -1], [1, 2, 3, 4, 5])
    >>> layer = ConvSpec(4, 2, in_channels=2, out_channels=2, groups=2)
    >>> assert_conv_matches(layer, [[[1, 2]], [[3, 4]]], [[1, 2, 3, 4], [5, 6, 7, 8]])
    """
    require_spec(spec, ConvSpec)
    weight_shape, input_shape, out_shape = _layer_shapes(spec)
    w, values = _numbers(kernel, weight_shape, "kernel"), _numbers(x, input_shape, "x")
    expected = conv_reference(spec, values, w)
    by_matrix = (to_numpy(conv_matrix(spec, w.tolist())) @ values.ravel()).reshape(out_shape)
    _agree("conv_matrix", spec, by_matrix, expected, "numpy reference")
    if not spec.has_channels:
        by_window = np.array(sliding_window(spec, values.tolist(), w.tolist()).tolist(), dtype=float)
        _agree("sliding_window", spec, by_window.reshape(out_shape), expected, "numpy reference")


def assert_transposed_matches(tspec: TransposedConvSpec, kernel: ArrayLike, y: ArrayLike) -> None:
    """Assert that ``transposed_conv_matrix`` (and the recipe ``conv_transpose``, for one channel)
    agree with the numpy reference (the scatter definition) for numbers. With channels,
    ``kernel`` has ``tspec.weight_shape`` and ``y`` the shape ``(in_channels, *input_shape)``.

    >>> assert_transposed_matches(TransposedConvSpec(2, 3, stride=2, padding=1), [1, 2, 3], [1, 10])
    """
    require_spec(tspec, TransposedConvSpec, "tspec")
    weight_shape, input_shape, out_shape = _layer_shapes(tspec)
    w, values = _numbers(kernel, weight_shape, "kernel"), _numbers(y, input_shape, "y")
    expected = conv_transpose_reference(tspec, values, w)
    by_matrix = (to_numpy(transposed_conv_matrix(tspec, w.tolist())) @ values.ravel()).reshape(out_shape)
    _agree("transposed_conv_matrix", tspec, by_matrix, expected, "numpy reference")
    if not tspec.has_channels:
        by_recipe = np.array(conv_transpose(tspec, values.tolist(), w.tolist()).tolist(), dtype=float)
        _agree("conv_transpose", tspec, by_recipe.reshape(out_shape), expected, "numpy reference")


def assert_derivation(derivation: Derivation, *, seed: int = 0) -> Report:
    """Assert that ``derivation`` verifies (every step exactly and numerically, every check):
    the :class:`~symconv.proof.Report`, or ``AssertionError`` (a
    :class:`~symconv.VerificationError`) with the report and why its first failing step fails.

    >>> import sympy
    >>> from symconv.proof import EXPAND, Derivation, Step
    >>> x = sympy.Symbol("x")
    >>> assert_derivation(Derivation("s", "Square", "", steps=(Step((x + 1)**2, x**2 + 2*x + 1, "expand", EXPAND),))).ok
    True
    >>> assert_derivation(Derivation("w", "Wrong", "", steps=(Step((x + 1)**2, x**2 + 1, "expand", EXPAND),)))
    Traceback (most recent call last):
    ...
    symconv.errors.VerificationError: w: Wrong
    ...
    why step 1 (expand) fails: the equation is false: ...
    ...
    """
    if not isinstance(derivation, Derivation):
        raise TypeError(f"derivation: must be a symconv.proof.Derivation, got {type(derivation).__name__}")
    report = derivation.report(seed=seed)
    if not report.ok:
        raise VerificationError(sympy.sstr(report))
    return report


def assert_matches_torch(spec: ConvSpec, kernel: ArrayLike, x: ArrayLike) -> None:
    """Assert that ``conv_matrix`` agrees with ``torch.nn.functional.conv{1,2,3}d`` (skips without
    torch); with channels as in :func:`assert_conv_matches`.

    >>> assert_matches_torch(ConvSpec(5, 3, padding=1), [1, 2, 3], [1, 2, 3, 4, 5])  # doctest: +SKIP
    """
    try:
        import torch
    except ImportError:
        _skip("torch is not installed")
        return
    require_spec(spec, ConvSpec)
    if spec.ndim > 3:
        _skip("PyTorch has convolutions in 1-3 dimensions only")
        return
    weight_shape = spec.weight_shape
    input_shape = (spec.in_channels, *spec.input_shape)
    w, values = _numbers(kernel, weight_shape, "kernel"), _numbers(x, input_shape, "x")
    conv = {1: torch.nn.functional.conv1d, 2: torch.nn.functional.conv2d, 3: torch.nn.functional.conv3d}[spec.ndim]
    padding: Union[str, tuple[int, ...]] = "same" if spec.padding_before != spec.padding_after else spec.padding_before
    expected = conv(
        torch.tensor(values)[None],
        torch.tensor(w),
        stride=spec.stride,
        padding=padding,
        dilation=spec.dilation,
        groups=spec.groups,
    )[0].numpy()
    got = (to_numpy(conv_matrix(spec, w.tolist())) @ values.ravel()).reshape(spec.out_channels, *spec.out_shape)
    _agree("conv_matrix", spec, got, expected, "PyTorch")


def _skip(reason: str) -> None:
    try:
        import pytest
    except ImportError:  # pragma: no cover - without pytest, unittest's skip
        import unittest

        raise unittest.SkipTest(reason) from None
    pytest.skip(reason)
