r"""The symbolic index map: the convolution's vocabulary for general ``h, q, s, p, d, a``, defined once.

In the spirit of :mod:`sympy.tensor.indexed`: what the seminar says in words is defined here
once, as SymPy expressions for symbolic parameters, and the numeric code uses the same
definitions (:func:`~symconv.indexmap.input_position` for the index map, :mod:`.recipe` for the
transposed recipe). The derivations build their statements from it, so a wrong definition
fails a general step, not only an example.

- :class:`SymbolicConv`: a convolution with symbolic parameters per dimension; its methods give
  the position ``s o - p + d k`` (:meth:`~SymbolicConv.position`), the entry of ``C`` as a product
  of Kronecker deltas (:meth:`~SymbolicConv.entry`), the window of output ``o``
  (:meth:`~SymbolicConv.window`), and for the transposed recipe where input ``o`` lands
  (:meth:`~SymbolicConv.landing`), the recipe's input and the rotated kernel;
- the objects of :mod:`.notation` (here too), which print as the seminar writes them and unfold to
  their definition: :class:`ZeroPadded` (``X^{pad}``), :class:`ConvEntry` (``C_{o,i}``),
  :class:`RecipeInput` (``Y^{ins}``, zeros inserted and padded) and :class:`RotatedKernel`
  (``W^{rot}``); :data:`DEFINITIONS` lists them for a rule that substitutes definitions.

>>> conv = SymbolicConv.general()
>>> o, k, i = conv.indices("o"), conv.indices("k"), conv.indices("i")
>>> conv.position(o, k)
(d*k + o*s - p,)
>>> sympy.latex(conv.padded(IndexedBase("X"), conv.position(o, k)))
'X^{\\text{pad}}_{s o - p + d k}'
>>> conv.entry(o, i, k)
Sum(KroneckerDelta(i, d*k + o*s - p)*W[k], (k, 0, q - 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Expr, IndexedBase, KroneckerDelta, Mul, Sum, Tuple

from .errors import SpecError
from .indexmap import input_position
from .notation import DEFINITIONS, ConvEntry, Defined, RecipeInput, RotatedKernel, ZeroPadded, print_index, unfold
from .recipe import landing_position
from .sizes import conv_output_size, transposed_output_size
from .symbols import symbols

__all__ = [
    "SymbolicConv",
    "print_index",
    "Defined",
    "ZeroPadded",
    "ConvEntry",
    "RecipeInput",
    "RotatedKernel",
    "DEFINITIONS",
    "unfold",
]


def _per_dimension(value: Any, ndim: int, name: str) -> tuple[Any, ...]:
    values = tuple(value) if isinstance(value, (tuple, list, Tuple)) else (value,)
    if len(values) != ndim:
        raise SpecError(name, f"one value per dimension: got {len(values)} for {ndim} dimensions")
    return values


@dataclass(frozen=True)
class SymbolicConv:
    """A convolution with symbolic (or numeric) parameters, one entry per dimension: input size
    ``h``, kernel size ``q``, stride ``s``, padding ``p``, dilation ``d``, output padding ``a``
    (for the transposed convolution, ``h`` is its input size: the forward convolution's output).

    Indices (``o``, ``k``, ``i``, ...) are passed as tuples, one per dimension.

    >>> conv = SymbolicConv.general(2)
    >>> conv.input_size, conv.indices("o")
    ((h0, h1), (o0, o1))
    """

    input_size: tuple[Any, ...]
    kernel_size: tuple[Any, ...]
    stride: tuple[Any, ...]
    padding: tuple[Any, ...]
    dilation: tuple[Any, ...]
    output_padding: tuple[Any, ...]

    @classmethod
    def general(cls, ndim: int = 1) -> SymbolicConv:
        """The seminar's letters: ``h, q, s, d`` positive integers, ``p, a`` non-negative, with a
        subscript per dimension when there are several."""
        return cls(
            *(
                tuple(symbols(cls._names(letter, ndim), integer=True, **{sign: True}))
                for letter, sign in zip("hqspda", ("positive",) * 3 + ("nonnegative", "positive", "nonnegative"))
            )
        )

    @staticmethod
    def _names(letter: str, ndim: int) -> str:
        return " ".join(f"{letter}{j}" for j in range(ndim)) if ndim > 1 else letter

    @property
    def ndim(self) -> int:
        return len(self.input_size)

    def indices(self, letter: str) -> tuple[sympy.Symbol, ...]:
        """Integer index symbols named after ``letter``, one per dimension (``o`` or ``o0, o1``)."""
        return tuple(symbols(self._names(letter, self.ndim), integer=True))

    def _axes(self, *indices: Any) -> list[tuple[Any, ...]]:
        return [_per_dimension(x, self.ndim, "indices") for x in indices]

    def _parameters(self) -> zip:
        return zip(self.kernel_size, self.stride, self.padding, self.dilation)

    # --- the convolution
    def position(self, o: Any, k: Any) -> tuple[Any, ...]:
        """The input position read by output ``o`` through tap ``k``: ``s o - p + d k`` per dimension."""
        o, k = self._axes(o, k)
        return tuple(input_position(o[j], k[j], s, p, d) for j, (_, s, p, d) in enumerate(self._parameters()))

    def output_size(self) -> tuple[Any, ...]:
        """The output size ``floor((h + 2p - d(q-1) - 1)/s) + 1`` per dimension."""
        return tuple(conv_output_size(h, q, s, p, d) for h, (q, s, p, d) in zip(self.input_size, self._parameters()))

    def taps(self, k: Any) -> list[tuple[Any, Any, Any]]:
        """Summation limits over the kernel: ``0 <= k <= q - 1``."""
        return [(kj, 0, q - 1) for kj, q in zip(self._axes(k)[0], self.kernel_size)]

    def inputs(self, i: Any) -> list[tuple[Any, Any, Any]]:
        """Summation limits over the input: ``0 <= i <= h - 1``."""
        return [(ij, 0, h - 1) for ij, h in zip(self._axes(i)[0], self.input_size)]

    def outputs(self, o: Any, size: Any = None) -> list[tuple[Any, Any, Any]]:
        """Summation limits over the output: ``0 <= o <= w - 1`` (``w`` the output size unless given)."""
        sizes = self.output_size() if size is None else _per_dimension(size, self.ndim, "size")
        return [(oj, 0, w - 1) for oj, w in zip(self._axes(o)[0], sizes)]

    def kernel_entry(self, k: Any, kernel: Any = None) -> Expr:
        """The kernel's tap ``W_k``."""
        return (IndexedBase("W") if kernel is None else kernel)[self._axes(k)[0]]

    def delta(self, i: Any, o: Any, k: Any) -> Expr:
        """``prod_j delta(i_j, s_j o_j - p_j + d_j k_j)``: output ``o`` reads input ``i`` through tap ``k``."""
        i = self._axes(i)[0]
        return Mul(*[KroneckerDelta(ij, x) for ij, x in zip(i, self.position(o, k))])

    def entry(self, o: Any, i: Any, k: Any, kernel: Any = None) -> Sum:
        """The entry ``C_{o,i} = sum_k W_k prod_j delta(i_j, s_j o_j - p_j + d_j k_j)``."""
        return self.entry_symbol(o, i, k, kernel).unfold()

    def entry_symbol(self, o: Any, i: Any, k: Any, kernel: Any = None) -> ConvEntry:
        """The entry ``C_{o,i}`` as an object that prints as such (:class:`ConvEntry`)."""
        o, i, k = self._axes(o, i, k)
        kernel = IndexedBase("W") if kernel is None else kernel
        return ConvEntry(kernel, o, i, k, self.kernel_size, self.stride, self.padding, self.dilation)

    def padded(self, X: Any, index: Any) -> ZeroPadded:
        """The zero-padded input ``X^{pad}`` at ``index``."""
        return ZeroPadded(X, self._axes(index)[0], self.input_size)

    def window(self, o: Any, k: Any, X: Any, kernel: Any = None) -> Sum:
        """Output ``o`` as the sliding window: ``sum_k W_k X^{pad}_{s o - p + d k}``."""
        kernel = IndexedBase("W") if kernel is None else kernel
        k = self._axes(k)[0]
        return Sum(kernel[k] * self.padded(X, self.position(o, k)), *self.taps(k))

    # --- the transposed convolution (this convolution's transpose)
    def transposed_output_size(self) -> tuple[Any, ...]:
        """``(h-1)s - 2p + d(q-1) + a + 1`` per dimension."""
        return tuple(
            transposed_output_size(h, q, s, p, d, a)
            for h, (q, s, p, d), a in zip(self.input_size, self._parameters(), self.output_padding)
        )

    def landing(self, o: Any) -> tuple[Any, ...]:
        """Where input ``o`` sits after zero insertion and padding: ``s o + d(q-1) - p``."""
        o = self._axes(o)[0]
        return tuple(landing_position(o[j], q, s, p, d) for j, (q, s, p, d) in enumerate(self._parameters()))

    def recipe_input(self, Y: Any, t: Any, o: Any) -> RecipeInput:
        """The recipe's input ``Y^{ins}`` at ``t`` (zeros inserted, padded; ``o`` its summation variable)."""
        t, o = self._axes(t, o)
        return RecipeInput(
            Y, t, o, self.input_size, self.kernel_size, self.stride, self.padding, self.dilation, self.output_padding
        )

    def rotated(self, kernel: Any, m: Any) -> RotatedKernel:
        """The rotated kernel ``W^{rot}_m = W_{q-1-m}``."""
        return RotatedKernel(kernel, self._axes(m)[0], self.kernel_size)
