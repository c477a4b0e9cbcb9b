r"""Assertions for users' own test suites and proof scripts, with readable failures.

A failure names the first differing entry in the seminar's notation (``W_{0,1}``, ``X_{15}``)
and what was expected there; nothing calls ``simplify`` on large expressions.

>>> from symconv import ConvSpec, conv_matrix, kernel_symbols
>>> assert_identity(conv_matrix(ConvSpec(3, 2)).T, conv_matrix(ConvSpec(3, 2)).T)
>>> assert_conv_matches(ConvSpec((4, 4), (3, 3), padding=1), [[1, 2, 3], [4, 5, 6], [7, 8, 9]], range(16))
"""

from __future__ import annotations

from typing import Union

import numpy as np

from .errors import SpecError
from .operands import as_array, as_kernel, flat
from .ops.matrix import conv_matrix
from .ops.sliding_window import sliding_window
from .proof.transformations import EXPAND, Transformation
from .reference import conv_reference, to_numpy
from .specs import ConvSpec, require_spec
from .typing import ArrayLike, Comparable

__all__ = ["assert_identity", "assert_conv_matches", "assert_matches_torch"]


def _seminar(text: str) -> str:
    """``W[0, 1]`` as the seminar writes it, ``W_{0,1}``, inside a failure message."""
    import re

    return re.sub(r"([A-Za-z]\w*)\[([^\]]+)\]", lambda m: f"{m.group(1)}_{{{m.group(2).replace(' ', '')}}}", text)


def assert_identity(
    lhs: Comparable, rhs: Comparable, transformation: Transformation = EXPAND, *, name: str = ""
) -> None:
    """Assert ``lhs == rhs`` exactly (entry by entry for matrices and arrays) after ``transformation``
    (``expand`` of the difference by default).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> assert_identity((x + 1)**2, x**2 + 2*x + 1)
    >>> assert_identity(sympy.Matrix([[x, 1]]), sympy.Matrix([[x, 2]]), name="C")
    Traceback (most recent call last):
    ...
    AssertionError: C: entry (0, 1): 1 != 2 (after expand)
    """
    detail = transformation.compare(lhs, rhs)
    if detail:
        prefix = f"{name}: " if name else ""
        raise AssertionError(f"{prefix}{_seminar(detail)} (after {transformation.name})")


def assert_conv_matches(spec: ConvSpec, kernel: ArrayLike, x: ArrayLike) -> None:
    """Assert that ``conv_matrix`` and ``sliding_window`` agree with the numpy reference for numbers.

    >>> assert_conv_matches(ConvSpec(5, 3, stride=2), [1, 0, -1], [1, 2, 3, 4, 5])
    """
    require_spec(spec, ConvSpec)
    w = _numbers(flat(as_kernel(kernel, spec.kernel_shape)), "kernel").reshape(spec.kernel_shape)
    values = _numbers(flat(as_array(list(x) if not hasattr(x, "shape") else x, spec.input_shape, "x")), "x").reshape(
        spec.input_shape
    )
    expected = conv_reference(spec, values, w)
    by_matrix = (to_numpy(conv_matrix(spec, kernel)) @ values.ravel()).reshape(spec.out_shape)
    by_window = np.array(sliding_window(spec, values.tolist(), kernel).tolist(), dtype=float).reshape(spec.out_shape)
    for name, got in (("conv_matrix", by_matrix), ("sliding_window", by_window)):
        if not np.allclose(got, expected, rtol=1e-12, atol=1e-12):
            index = tuple(int(i) for i in np.argwhere(~np.isclose(got, expected, rtol=1e-12, atol=1e-12))[0])
            raise AssertionError(
                f"{name} of {spec}: output {index} is {got[index]!r}, the numpy reference gives {expected[index]!r}"
            )


def _numbers(entries: list, parameter: str) -> np.ndarray:
    """Real numbers for the numpy reference; symbols or complex entries are a ``SpecError`` naming ``parameter``."""
    try:
        return np.array([float(v) for v in entries], dtype=float)
    except (TypeError, ValueError):
        raise SpecError(
            parameter, "must hold real numbers to compare with the numpy reference (for symbols use assert_identity)"
        ) from None


def assert_matches_torch(spec: ConvSpec, kernel: ArrayLike, x: ArrayLike) -> None:
    """Assert that ``conv_matrix`` agrees with ``torch.nn.functional.conv{1,2,3}d`` (skips without torch).

    >>> assert_matches_torch(ConvSpec(5, 3, padding=1), [1, 2, 3], [1, 2, 3, 4, 5])  # doctest: +SKIP
    """
    try:
        import torch
    except ImportError:
        _skip("torch is not installed")
        return
    if spec.ndim > 3:
        _skip("PyTorch has convolutions in 1-3 dimensions only")
        return
    require_spec(spec, ConvSpec)
    w = _numbers(flat(as_kernel(kernel, spec.kernel_shape)), "kernel").reshape(spec.kernel_shape)
    values = _numbers(flat(as_array(list(x) if not hasattr(x, "shape") else x, spec.input_shape, "x")), "x").reshape(
        spec.input_shape
    )
    conv = {1: torch.nn.functional.conv1d, 2: torch.nn.functional.conv2d, 3: torch.nn.functional.conv3d}[spec.ndim]
    padding: Union[str, tuple[int, ...]] = "same" if spec.padding_before != spec.padding_after else spec.padding_before
    expected = conv(
        torch.tensor(values)[None, None],
        torch.tensor(w)[None, None],
        stride=spec.stride,
        padding=padding,
        dilation=spec.dilation,
    )[0, 0].numpy()
    got = (to_numpy(conv_matrix(spec, kernel)) @ values.ravel()).reshape(spec.out_shape)
    if got.shape != expected.shape or not np.allclose(got, expected, rtol=1e-9, atol=1e-9):
        raise AssertionError(f"conv_matrix of {spec} differs from PyTorch: shapes {got.shape} and {expected.shape}")


def _skip(reason: str) -> None:
    try:
        import pytest
    except ImportError:  # pragma: no cover - without pytest, unittest's skip
        import unittest

        raise unittest.SkipTest(reason) from None
    pytest.skip(reason)
