"""Normalising user parameters: integers and per-dimension tuples (internal)."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import TypeGuard

import sympy

from .errors import SpecError


def as_int(value: object, parameter: str) -> int:
    """``value`` as a Python int: ints, numpy integers and SymPy Integers are accepted.

    >>> as_int(3, "stride")
    3
    >>> as_int(2.5, "stride")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: stride: must be an integer, got 2.5
    """
    if isinstance(value, bool):
        raise SpecError(parameter, f"must be an integer, got {value!r}")
    if isinstance(value, sympy.Basic):
        if value.is_Integer:
            return int(value)
        raise SpecError(parameter, f"must be an integer, got {value}")
    if isinstance(value, numbers.Integral):
        return int(value)
    raise SpecError(parameter, f"must be an integer, got {value!r}")


def is_sequence(value: object) -> TypeGuard[Sequence[object]]:
    """True for lists, tuples, SymPy Tuples and numpy arrays (not strings)."""
    if isinstance(value, (str, bytes)):
        return False
    if isinstance(value, sympy.Tuple):
        return True
    if hasattr(value, "shape") and hasattr(value, "tolist"):  # numpy array
        return getattr(value, "ndim", 0) == 1
    return isinstance(value, Sequence)


def as_shape(value: object, parameter: str) -> tuple[int, ...]:
    """A shape: a non-empty sequence of positive integers (an int is a 1-D shape)."""
    items = list(value) if is_sequence(value) else [value]
    if not items:
        raise SpecError(parameter, "must have at least one dimension")
    shape = tuple(as_int(item, parameter) for item in items)
    for size in shape:
        if size < 1:
            raise SpecError(parameter, f"sizes must be positive, got {shape}")
    return shape


def per_dimension(value: object, ndim: int, parameter: str, minimum: int) -> tuple[int, ...]:
    """An int for every dimension, or one value per dimension, each ``>= minimum``."""
    if is_sequence(value):
        items = list(value)
        if len(items) != ndim:
            raise SpecError(
                parameter,
                f"has {len(items)} values but the input has {ndim} dimensions",
            )
        values = tuple(as_int(item, parameter) for item in items)
    else:
        values = (as_int(value, parameter),) * ndim
    for item in values:
        if item < minimum:
            rule = "positive" if minimum == 1 else "non-negative" if minimum == 0 else f">= {minimum}"
            raise SpecError(parameter, f"must be {rule}, got {item}")
    return values
