"""Normalising user parameters: integers of any kind and per-dimension sequences of them (internal).

An integer is a Python ``int``, a NumPy integer or a SymPy ``Integer``; a sequence of them is a
tuple, a list, a SymPy ``Tuple``, or a 1-D NumPy array or SymPy ``Array``. Bools (Python's and
NumPy's), floats (even ``2.0``) and non-integral values are refused by name, and integers of more
than :data:`MAX_DIGITS` digits are refused as too large, so that no message and no computation
ever meets a number Python cannot print.

>>> import numpy as np, sympy
>>> as_shape(sympy.Array([4, 4]), "input_shape"), as_shape(np.array([2, 3]), "input_shape")
((4, 4), (2, 3))
>>> as_int(np.bool_(True), "stride")
Traceback (most recent call last):
...
symconv.errors.SpecError: stride: must be an integer, got True (a bool)
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import TypeGuard

import numpy as np
import sympy

from .errors import SpecError, TooLargeError

__all__ = ["MAX_DIGITS", "MAX_DIMENSIONS", "as_int", "is_sequence", "as_shape", "per_dimension", "shown"]

#: Integers with more decimal digits than this are refused (``TooLargeError``).
MAX_DIGITS = 100
#: Shapes with more dimensions than this are refused (numpy's arrays hold at most 64).
MAX_DIMENSIONS = 32


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` for a message, cut to about ``limit`` characters; huge ints by their size.

    >>> shown(10**200)
    'an integer of 201 digits'
    >>> shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... (102 characters)"
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 300:
        return f"an integer of {_digits(value)} digits"
    try:
        text = repr(value)
    except ValueError:  # an int inside a container too long to print
        return f"a {type(value).__name__} holding a huge integer"
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


def _digits(value: int) -> int:
    """Decimal digits of ``abs(value)``, without converting it to text."""
    magnitude = abs(value)
    estimate = max(1, int(magnitude.bit_length() * 0.30102999566398120))
    return estimate + 1 if magnitude >= 10**estimate else estimate


def as_int(value: object, parameter: str) -> int:
    """``value`` as a Python int: Python ints, numpy integers and SymPy Integers are accepted.

    >>> as_int(3, "stride")
    3
    >>> as_int(2.5, "stride")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: stride: must be an integer, got 2.5
    """
    if isinstance(value, (bool, np.bool_)):
        raise SpecError(parameter, f"must be an integer, got {bool(value)} (a bool)")
    result: int | None = None
    if isinstance(value, sympy.Basic):
        if value.is_Integer:
            result = int(value)
    elif isinstance(value, numbers.Integral):
        result = int(value)
    if result is None:
        raise SpecError(parameter, f"must be an integer, got {shown(value)}")
    if result.bit_length() > 300 and _digits(result) > MAX_DIGITS:
        raise TooLargeError(parameter, f"has {_digits(result)} digits, more than {MAX_DIGITS}")
    return result


def is_sequence(value: object) -> TypeGuard[Sequence[object]]:
    """True for lists, tuples, SymPy Tuples, and 1-D numpy arrays and SymPy Arrays (not strings)."""
    if isinstance(value, (str, bytes)):
        return False
    if isinstance(value, sympy.Tuple):
        return True
    if isinstance(value, sympy.NDimArray):
        return len(value.shape) == 1
    if isinstance(value, np.ndarray):
        return value.ndim == 1
    return isinstance(value, Sequence)


def as_shape(value: object, parameter: str) -> tuple[int, ...]:
    """A shape: a non-empty sequence of positive integers (an int is a 1-D shape)."""
    items = list(value) if is_sequence(value) else [value]
    if not items:
        raise SpecError(parameter, "must have at least one dimension")
    if len(items) > MAX_DIMENSIONS:
        raise TooLargeError(parameter, f"has {len(items)} dimensions, more than {MAX_DIMENSIONS}")
    shape = tuple(as_int(item, parameter) for item in items)
    for size in shape:
        if size < 1:
            raise SpecError(parameter, f"sizes must be positive, got {shown(shape)}")
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
