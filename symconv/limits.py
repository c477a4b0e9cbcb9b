r"""The cost model: the work a request will do, counted in closed form before any of it is done.

Every path that builds, prints or draws something (the API, the CLI, :func:`~symconv.latex`, the
figures, the notes, the interpolation and the bilinear kernels) first states its work as counts of
the kinds in :data:`UNITS` (non-zeros, dense cells, kernel taps, SymPy products, printed cells,
figure cells, pages ...), computed per dimension with Python integers (no arrays), and asks
:func:`check_work` whether the limit allows it. The limit is ``max_nonzeros`` (default
:data:`DEFAULT_MAX_NONZEROS`, or the environment variable ``SYMCONV_MAX_NONZEROS``); a kind of
work of weight ``w`` may use ``limit // w`` of it, so the limit keeps its meaning for the matrix
``C`` (one unit per non-zero) and bounds the slower kinds of work in proportion to their cost.

>>> check_work("the matrix", {"non-zeros": 100})
>>> check_work("the figure", {"figure cells": 4_004_001})
Traceback (most recent call last):
...
symconv.errors.TooLargeError: input_shape: the figure would have 4,004,001 figure cells, more than 100,000 (...)

The non-zeros of a convolution are counted per dimension in closed form (:func:`axis_nonzeros`,
``O(log)`` time, whatever the sizes):

>>> axis_nonzeros(h=4, q=3, s=1, before=0, d=1, outputs=2)
6
>>> axis_nonzeros(h=1, q=1, s=1, before=20_000, d=1, outputs=40_001)
1
"""

from __future__ import annotations

import numbers
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction

from .errors import SpecError, TooLargeError
from .parameters import shown

__all__ = [
    "DEFAULT_MAX_NONZEROS",
    "LIMIT_RANGE",
    "INDEX_LIMIT",
    "ENVIRONMENT",
    "UNITS",
    "max_nonzeros_default",
    "limit_in_force",
    "resolve_limit",
    "parse_limit",
    "check_work",
    "check_size",
    "check_indexable",
    "floor_sum",
    "points_below",
    "axis_nonzeros",
    "bounded_product",
    "bounded_power",
    "amount",
]

#: The default limit: one unit of work per non-zero of ``C``.
DEFAULT_MAX_NONZEROS = 1_000_000
#: The limits ``max_nonzeros`` and ``SYMCONV_MAX_NONZEROS`` may take.
LIMIT_RANGE = (1, 10**12)
#: The environment variable that sets the default limit.
ENVIRONMENT = "SYMCONV_MAX_NONZEROS"
#: Sizes and flat positions must stay below this to be held in numpy's 64-bit integers.
INDEX_LIMIT = 2**62

#: Units of the limit per item of each kind of work. Measured on two cores: at the default limit
#: every kind takes at most about 15 s (a non-zero of ``C`` costs about 0.5 us, a SymPy product
#: of the sliding window 140 us, an interpolation term 300 us, a printed cell 3-30 us, a JSON entry
#: 6 us, a TikZ cell 12 us and 165 characters).
UNITS: dict[str, Fraction] = {
    "non-zeros": Fraction(1),  # entries of a sparse matrix or of the index map (C, im2col, S, the recipe's taps)
    "cells": Fraction(1),  # cells of a dense array built on the way (padded input, stages, per-axis ranges, outputs)
    "taps": Fraction(1),  # kernel entries, symbols or numbers
    "window reads": Fraction(1, 4),  # window entries a sliding window visits (zeros included): 0.7 us each
    "products": Fraction(10),  # SymPy products W * X summed into outputs
    "terms": Fraction(20),  # interpolation terms: outputs times the corners of their cells
    "printed cells": Fraction(2),  # matrix cells printed in full (LaTeX or text)
    "JSON entries": Fraction(1),  # non-zeros printed as JSON (each distinct entry printed once)
    "figure cells": Fraction(10),  # TikZ cells of the figures
    "pages": Fraction(2_000),  # slide pages (overlays) of the notes
}

_DECIMAL = re.compile(r"-?[0-9]+\Z")


def amount(count: int) -> str:
    """A count as a message shows it: ``1,000,000``, or ``about 10^400`` when it is huge.

    >>> amount(10**6), amount(10**400)
    ('1,000,000', 'about 10^400')
    """
    if count.bit_length() <= 200:
        return f"{count:,}"
    return f"about 10^{len(str(count)) - 1}" if count.bit_length() < 13_000 else "more than 10^4000"


def parse_limit(text: str, parameter: str) -> int:
    """A limit given as text (``SYMCONV_MAX_NONZEROS``, ``--max-nonzeros``): an ASCII decimal
    integer in :data:`LIMIT_RANGE`, else a :class:`~symconv.SpecError` naming ``parameter``.

    >>> parse_limit("2000000", "SYMCONV_MAX_NONZEROS")
    2000000
    >>> parse_limit("1e6", "SYMCONV_MAX_NONZEROS")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: SYMCONV_MAX_NONZEROS: must be an integer from 1 to ... (ASCII digits), got '1e6'
    """
    low, high = LIMIT_RANGE
    rule = f"must be an integer from {low:,} to {high:,} (ASCII digits)"
    if not isinstance(text, str) or len(text) > 30 or not _DECIMAL.match(text) or not low <= int(text) <= high:
        raise SpecError(parameter, f"{rule}, got {shown(text)}")
    return int(text)


_IN_FORCE: ContextVar[int | None] = ContextVar("symconv_max_nonzeros", default=None)


def max_nonzeros_default() -> int:
    """The limit in force: the one set by :func:`limit_in_force`, else ``SYMCONV_MAX_NONZEROS`` if
    set (validated: a bad value is an error naming it, never ignored), else :data:`DEFAULT_MAX_NONZEROS`."""
    chosen = _IN_FORCE.get()
    if chosen is not None:
        return chosen
    value = os.environ.get(ENVIRONMENT)
    return DEFAULT_MAX_NONZEROS if value is None else parse_limit(value, ENVIRONMENT)


@contextmanager
def limit_in_force(max_nonzeros: object = None) -> Iterator[int]:
    """Within the block, calls that are not given ``max_nonzeros`` use this limit (``None``: the
    default's, read once). This is how a caller's limit reaches the figures and printers it uses.

    >>> with limit_in_force(10):
    ...     check_size(11)
    Traceback (most recent call last):
    ...
    symconv.errors.TooLargeError: input_shape: the matrix would have 11 non-zeros, more than the limit 10 (...)
    """
    token = _IN_FORCE.set(resolve_limit(max_nonzeros))
    try:
        yield _IN_FORCE.get() or DEFAULT_MAX_NONZEROS
    finally:
        _IN_FORCE.reset(token)


def resolve_limit(max_nonzeros: object = None) -> int:
    """The limit of a call: ``max_nonzeros`` (an integer of any kind, Python, numpy or SymPy, at
    least 1) or, for ``None``, :func:`max_nonzeros_default`.

    >>> resolve_limit(5)
    5
    >>> resolve_limit(float("nan"))
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: max_nonzeros: must be a positive integer or None, got nan
    """
    if max_nonzeros is None:
        return max_nonzeros_default()
    value: int | None = None
    if isinstance(max_nonzeros, numbers.Integral) and not isinstance(max_nonzeros, bool):
        value = int(max_nonzeros)
    elif getattr(max_nonzeros, "is_Integer", False) is True:  # a SymPy Integer
        value = int(max_nonzeros)  # type: ignore[call-overload]
    if value is None or value < 1:
        raise SpecError("max_nonzeros", f"must be a positive integer or None, got {shown(max_nonzeros)}")
    return value


def _singular(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") else unit


def check_work(
    what: str,
    work: Mapping[str, int],
    max_nonzeros: object = None,
    parameter: str = "input_shape",
) -> None:
    """Refuse (:class:`~symconv.TooLargeError` of ``parameter``) a request whose work of any kind
    exceeds its share of the limit: ``count * UNITS[kind] > limit``. Nothing has been built yet.

    >>> check_work("the sliding window", {"products": 100_000, "cells": 10})
    >>> check_work("the sliding window", {"products": 100_001})
    Traceback (most recent call last):
    ...
    symconv.errors.TooLargeError: input_shape: the sliding window would have 100,001 products, more than 100,000 (...)
    """
    limit = resolve_limit(max_nonzeros)
    for unit, count in work.items():
        weight = UNITS[unit]
        share = int(limit / weight)  # floor: count * weight > limit exactly when count > share
        if count > share:
            if weight == 1:
                rule = f"{what} would have {amount(count)} {unit}, more than the limit {limit:,}"
                hint = "raise it with {max_nonzeros} or SYMCONV_MAX_NONZEROS"
            else:
                rule = f"{what} would have {amount(count)} {unit}, more than {share:,}"
                hint = (
                    f"the limit {limit:,} at {weight} units per {_singular(unit)}; "
                    "raise it with {max_nonzeros} or SYMCONV_MAX_NONZEROS"
                )
            raise TooLargeError(parameter, rule, hint=hint)


def check_size(
    count: int, max_nonzeros: object = None, what: str = "the matrix", parameter: str = "input_shape"
) -> None:
    """Refuse a request of ``count`` non-zeros above the limit (:func:`check_work` of one kind).

    >>> check_size(10, 100)
    >>> check_size(10**7)
    Traceback (most recent call last):
    ...
    symconv.errors.TooLargeError: input_shape: the matrix would have 10,000,000 non-zeros, more than the limit ...
    """
    check_work(what, {"non-zeros": count}, max_nonzeros, parameter)


def check_indexable(count: int, what: str, parameter: str = "input_shape") -> None:
    """Refuse sizes and flat positions that numpy's 64-bit integers cannot hold (:data:`INDEX_LIMIT`),
    whatever the limit: a :class:`~symconv.TooLargeError`, never an ``OverflowError`` later.

    >>> check_indexable(10**30, "the matrix's rows")
    Traceback (most recent call last):
    ...
    symconv.errors.TooLargeError: input_shape: the matrix's rows would number 1,...,000, more than ... (2**62)
    """
    if count >= INDEX_LIMIT:
        raise TooLargeError(parameter, f"{what} would number {amount(count)}, more than symconv indexes (2**62)")


def bounded_product(values: Iterable[int], cap: int) -> int:
    """``prod(values)``, or ``cap + 1`` as soon as the product exceeds ``cap`` (non-negative values).

    >>> bounded_product([10**9] * 10**6, 100)
    101
    """
    result = 1
    values = list(values)
    if any(v == 0 for v in values):
        return 0
    for value in values:
        result *= value
        if result > cap:
            return cap + 1
    return result


def bounded_power(base: int, exponent: int, cap: int) -> int:
    """``base ** exponent``, or ``cap + 1`` once it exceeds ``cap``: never computes a huge power.

    >>> bounded_power(3, 10**30, 10**6)
    1000001
    >>> bounded_power(3, 2, 100)
    9
    """
    if base <= 1 or exponent == 0:
        return base**exponent if exponent >= 0 else 0
    result = 1
    for _ in range(exponent):  # at most log2(cap) + 1 rounds: the result at least doubles
        result *= base
        if result > cap:
            return cap + 1
    return result


def floor_sum(n: int, m: int, a: int, b: int) -> int:
    r""":math:`\sum_{i=0}^{n-1} \lfloor (a i + b)/m \rfloor` for ``n >= 0, m >= 1, a >= 0, b >= 0``,
    in ``O(log m)`` steps (the Euclidean-like reduction).

    >>> floor_sum(5, 3, 2, 1) == sum((2 * i + 1) // 3 for i in range(5))
    True
    """
    total = 0
    while n > 0:
        if a >= m:
            total += (n - 1) * n // 2 * (a // m)
            a %= m
        if b >= m:
            total += n * (b // m)
            b %= m
        top = a * n + b
        if top < m:
            break
        n, b, m, a = top // m, top % m, a, m
    return total


def points_below(n: int, q: int, s: int, d: int, t: int) -> int:
    """The pairs ``(o, k)`` with ``0 <= o < n``, ``0 <= k < q`` and ``s o + d k <= t`` (``s, d >= 1``).

    >>> points_below(3, 2, 2, 1, 3) == sum(1 for o in range(3) for k in range(2) if 2 * o + k <= 3)
    True
    """
    if t < 0 or n <= 0 or q <= 0:
        return 0
    positive = min(n, t // s + 1)  # outputs with at least the tap k = 0
    if t >= d * (q - 1):
        full = min(positive, (t - d * (q - 1)) // s + 1)  # outputs with every tap
    else:
        full = 0
    partial = positive - full
    if partial <= 0:
        return full * q
    # outputs o = full .. positive-1 have floor((t - s o)/d) + 1 taps; count them from the last one up
    base = t - s * (positive - 1)
    return full * q + partial + floor_sum(partial, d, s, base)


def axis_nonzeros(h: int, q: int, s: int, before: int, d: int, outputs: int) -> int:
    """The pairs ``(o, k)``, ``0 <= o < outputs``, ``0 <= k < q``, whose input position
    ``s o - before + d k`` lies in ``[0, h)``: the non-zeros of one dimension, in closed form.

    Those that land before the input and those that land after it are counted as lattice
    points under a line (:func:`points_below`); the rest is the answer.

    >>> axis_nonzeros(h=5, q=3, s=2, before=1, d=1, outputs=3)
    7
    """
    if outputs <= 0:
        return 0
    box = outputs * q
    early = points_below(outputs, q, s, d, before - 1)
    # mirrored (o -> outputs-1-o, k -> q-1-k): s o + d k >= h + before
    late = points_below(outputs, q, s, d, s * (outputs - 1) + d * (q - 1) - h - before)
    return box - early - late
