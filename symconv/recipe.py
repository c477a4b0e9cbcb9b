r"""The transposed convolution's recipe as index arithmetic: where things go, how long each stage is.

The seminar's recipe: insert ``s - 1`` zeros between neighbouring inputs, pad ``d(q-1) - p``
zeros on each side (a negative amount crops; the output padding ``a`` adds zeros at the far
end), slide the kernel rotated by 180 degrees and dilated by ``d`` with stride 1. These
functions are that recipe's one definition: :func:`~symconv.conv_transpose` computes with
them and the proofs (T2, T6) reason with them, for ints, numpy arrays and SymPy symbols alike.

>>> zero_inserted_length(3, 2), recipe_padding(3, 1), padded_length(3, 3, 2, 1)
(5, 1, 7)
>>> import sympy
>>> h, q, s, p, d, a = sympy.symbols("h q s p d a", integer=True, positive=True)
>>> landing_position(sympy.Symbol("o"), q, s, p, d)
d*(q - 1) + o*s - p
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "zero_inserted_position",
    "zero_inserted_length",
    "recipe_padding",
    "landing_position",
    "padded_length",
    "rotated_tap",
]


def zero_inserted_position(o: Any, s: Any) -> Any:
    """Where input ``o`` sits after ``s - 1`` zeros are inserted between neighbours: ``s o``.

    >>> zero_inserted_position(2, 3)
    6
    """
    return s * o


def zero_inserted_length(h: Any, s: Any) -> Any:
    """The length after zero insertion: ``h`` inputs and ``s - 1`` zeros in each of the ``h - 1``
    gaps, ``(h - 1) s + 1``.

    >>> zero_inserted_length(4, 2)
    7
    """
    return zero_inserted_position(h - 1, s) + 1


def recipe_padding(q: Any, p: Any, d: Any = 1) -> Any:
    """The zeros padded on each side: ``d(q-1) - p`` (negative: that many are cropped).

    >>> recipe_padding(3, 1), recipe_padding(3, 1, d=2), recipe_padding(1, 2)
    (1, 3, -2)
    """
    return d * (q - 1) - p


def landing_position(o: Any, q: Any, s: Any, p: Any, d: Any = 1) -> Any:
    """Where input ``o`` sits after zero insertion and padding: ``s o + d(q-1) - p``.

    >>> landing_position(1, 3, 2, 1)
    3
    """
    return zero_inserted_position(o, s) + recipe_padding(q, p, d)


def padded_length(h: Any, q: Any, s: Any, p: Any, d: Any = 1, a: Any = 0) -> Any:
    """The length after padding: ``(h-1)s + 1 + 2(d(q-1) - p) + a``.

    >>> padded_length(2, 3, 2, 1, a=1)
    6
    """
    return zero_inserted_length(h, s) + 2 * recipe_padding(q, p, d) + a


def rotated_tap(m: Any, q: Any) -> Any:
    """The tap of the kernel rotated by 180 degrees at ``m``: ``q - 1 - m``.

    >>> rotated_tap(0, 3)
    2
    """
    return q - 1 - m
