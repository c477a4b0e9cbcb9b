r"""The types of symconv's public API, to annotate your own code with.

Parameters are written with the permissive ``...Like`` aliases (an integer from Python, numpy
or SymPy; nested lists, numpy arrays or SymPy Arrays); what symconv returns and stores has
the exact types (``Shape``: Python ints, ``Padding``, ``Size``).

>>> from symconv import ConvSpec
>>> from symconv.typing import Padding, Shape
>>> spec = ConvSpec(4, 2, padding="same")
>>> shape: Shape = spec.out_shape
>>> padding: Padding = spec.padding
>>> shape, padding
((4,), ((0, 1),))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import SupportsIndex, TypeAlias, Union

import numpy as np
import sympy

__all__ = [
    "IntLike",
    "IntOrInts",
    "Shape",
    "PaddingPair",
    "Padding",
    "PaddingLike",
    "SizeLike",
    "SizeOrSizes",
    "Size",
    "PaddingAmount",
    "Entry",
    "NestedEntries",
    "ArrayLike",
    "Comparable",
]

#: An integer as users write it: Python's ``int``, a numpy integer or a SymPy ``Integer``, that is
#: whatever has ``__index__`` (``bool`` is refused when validated). Written as the protocol so that
#: type checkers, to which SymPy (without type hints) is ``Any``, still refuse a string or a float.
IntLike: TypeAlias = SupportsIndex

#: One integer for every dimension, or one per dimension (a list, tuple, SymPy ``Tuple`` or
#: 1-D numpy array).
IntOrInts: TypeAlias = Union[IntLike, Sequence[IntLike], np.ndarray]

#: A validated shape, or a parameter with one value per dimension: Python ints.
Shape: TypeAlias = tuple[int, ...]

#: The zeros added before and after one dimension.
PaddingPair: TypeAlias = tuple[int, int]

#: A validated padding, one entry per dimension: an int when both sides get the same number
#: of zeros, the pair ``(before, after)`` when they differ.
Padding: TypeAlias = tuple[Union[int, PaddingPair], ...]

#: A padding as users give it: an int for every dimension, one value per dimension (an int or
#: a ``(before, after)`` pair), or ``"valid"`` / ``"same"``.
PaddingLike: TypeAlias = Union[IntLike, Sequence[Union[IntLike, Sequence[IntLike]]], np.ndarray, str]

#: A size or parameter in the size formulas: an integer or a SymPy expression (``h``, ``2*p``).
SizeLike: TypeAlias = Union[int, np.integer, sympy.Expr]

#: A size formula's parameter for every dimension, or one per dimension.
SizeOrSizes: TypeAlias = Union[SizeLike, Sequence[SizeLike]]

#: A computed size: an int for integer arguments, a SymPy expression for symbolic ones.
Size: TypeAlias = Union[int, sympy.Expr]

#: One dimension's padding in the size formulas: both sides alike, or ``(before, after)``.
PaddingAmount: TypeAlias = Union[SizeLike, tuple[SizeLike, SizeLike]]

#: An entry of a kernel, an input or a matrix: a number or a SymPy expression.
Entry: TypeAlias = Union[complex, np.number, sympy.Expr]

#: Nested lists or tuples of entries, rectangular (``[[1, 2], [3, 4]]``).
NestedEntries: TypeAlias = Sequence[Union[Entry, "NestedEntries"]]

#: A kernel, input or column as users give it: nested lists, a numpy array, a SymPy Array or Matrix.
ArrayLike: TypeAlias = Union[sympy.NDimArray, sympy.MatrixBase, np.ndarray, NestedEntries]

#: What the exact comparisons take: a number, a SymPy expression, a Matrix or an Array.
Comparable: TypeAlias = Union[complex, np.number, sympy.Basic, sympy.MatrixBase, sympy.NDimArray]
