r"""Kernel and input symbols: the only place where names and indices are made.

Kernel entries are ``IndexedBase(name)[i, j, ...]`` (LaTeX ``W_{0,1}``, the seminar's
notation); input entries are the seminar's flat, row-major ``X_0 ... X_15``
(``IndexedBase("X")[k]``), or multi-indexed ``X_{i,j}`` on request.

>>> kernel_symbols((2, 2))
[[W[0, 0], W[0, 1]], [W[1, 0], W[1, 1]]]
>>> input_symbols((2, 3))
[[X[0], X[1], X[2]], [X[3], X[4], X[5]]]
"""

from __future__ import annotations

import re
from functools import lru_cache
from math import prod

import numpy as np
import sympy
from sympy import Array, IndexedBase

from .errors import SpecError
from .limits import check_work
from .parameters import as_shape, shown
from .typing import IntLike, IntOrInts

__all__ = ["kernel_symbols", "bias_symbols", "input_symbols", "validate_name", "GREEK_LETTERS"]

#: Names accepted besides identifiers: SymPy prints these as Greek letters.
GREEK_LETTERS = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
    "sigma tau upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split()
)

# A letter followed by letters or digits (at most 30 in all): nothing a LaTeX document could execute.
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]{0,29}\Z")


def validate_name(name: object, parameter: str = "name") -> str:
    r"""Check a user-given symbol name: an identifier of letters and digits, or a Greek letter.

    Names reach ``.tex`` files, so anything that is not plain letters and digits
    (``\input{...}``, braces, underscores, spaces) is refused.

    >>> validate_name("W")
    'W'
    >>> validate_name(r"\input{x}")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: name: must be letters and digits starting with a letter (...), got '\\input{x}'
    """
    if not isinstance(name, str) or not (_IDENTIFIER.match(name) or name in GREEK_LETTERS):
        raise SpecError(
            parameter,
            f"must be letters and digits starting with a letter (at most 30, or a Greek letter), got {shown(name)}",
        )
    return name


def kernel_symbols(
    shape: IntOrInts, name: str = "W", *, channels: IntOrInts | None = None, max_nonzeros: int | None = None
) -> Array:
    """A kernel of the given shape whose entries are ``IndexedBase(name)[i, j, ...]``.

    With ``channels=(out, in)`` (PyTorch's leading weight axes, e.g. ``(C_out, C_in/groups)``)
    the Array has shape ``(out, in, *shape)`` and entries ``W[o, c, i, j]``.

    >>> K = kernel_symbols((3, 3))
    >>> K[0, 1]
    W[0, 1]
    >>> K.shape
    (3, 3)
    >>> kernel_symbols((3, 3), channels=(2, 1))[1, 0, 2, 2]
    W[1, 0, 2, 2]
    """
    shape = as_shape(shape, "kernel_shape")
    if channels is not None:
        shape = as_shape(channels, "channels") + shape
    check_work("the kernel", {"taps": prod(shape)}, max_nonzeros, "kernel_shape")
    return _kernel_symbols(shape, validate_name(name))


@lru_cache(maxsize=256)
def _kernel_symbols(shape: tuple[int, ...], name: str) -> Array:
    """The kernel's symbols, made once per shape and name: every matrix, window and proof
    built from them holds the same objects, which SymPy compares by identity first."""
    base = IndexedBase(name)
    return Array([base[index] for index in np.ndindex(*shape)], shape)


def bias_symbols(channels: IntLike, name: str = "b", *, max_nonzeros: int | None = None) -> Array:
    """One bias per output channel: ``b[0], ..., b[C_out - 1]``.

    >>> bias_symbols(3)
    [b[0], b[1], b[2]]
    """
    return kernel_symbols(channels, name, max_nonzeros=max_nonzeros)


def input_symbols(
    shape: IntOrInts, name: str = "X", *, multi_index: bool = False, max_nonzeros: int | None = None
) -> Array:
    """An input of the given shape with the seminar's flat, row-major names ``X_0, X_1, ...``.

    With ``multi_index=True`` the entries are ``X[i, j, ...]`` instead.

    >>> input_symbols(4)
    [X[0], X[1], X[2], X[3]]
    >>> input_symbols((2, 2), multi_index=True)
    [[X[0, 0], X[0, 1]], [X[1, 0], X[1, 1]]]
    """
    shape = as_shape(shape, "input_shape")
    check_work("the input", {"cells": prod(shape)}, max_nonzeros)
    base = IndexedBase(validate_name(name))
    if multi_index:
        entries = [base[index] for index in np.ndindex(*shape)]
    else:
        entries = [base[k] for k in range(prod(shape))]
    return Array(entries, shape)


def symbol(name: str, **assumptions: bool | None) -> sympy.Symbol:
    """A scalar symbol (parameters of the proofs: ``h, q, s, p, d, a``, indices ``o, k, i``), its
    name checked by :func:`validate_name`.

    >>> symbol("h", integer=True, positive=True).is_positive
    True
    """
    return sympy.Symbol(validate_name(name), **assumptions)


def symbols(names: str, **assumptions: bool | None) -> tuple[sympy.Symbol, ...]:
    """Several scalar symbols at once, always a tuple (also of one): the parameters of a
    derivation, with the assumptions its rules use (integer, positive, nonnegative).

    >>> h, q, s = symbols("h q s", integer=True, positive=True)
    >>> (h - q + 1).is_integer, symbols("k", integer=True)
    (True, (k,))
    """
    return tuple(symbol(n, **assumptions) for n in names.split())
