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
- objects that print as the seminar writes them and unfold to their definition:
  :class:`ZeroPadded` (``X^{pad}``), :class:`ConvEntry` (``C_{o,i}``), :class:`RecipeInput`
  (``Y^{ins}``, zeros inserted and padded) and :class:`RotatedKernel` (``W^{rot}``);
  :data:`DEFINITIONS` lists them for a rule that substitutes definitions.

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

import re
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Basic, Expr, IndexedBase, KroneckerDelta, Mul, Piecewise, Sum, Tuple

from .errors import SpecError
from .indexmap import input_position
from .recipe import landing_position, padded_length, rotated_tap
from .sizes import conv_output_size, transposed_output_size
from .symbols import symbols

__all__ = [
    "SymbolicConv",
    "Defined",
    "ZeroPadded",
    "ConvEntry",
    "RecipeInput",
    "RotatedKernel",
    "DEFINITIONS",
    "unfold",
]

#: The letter of kernel taps: its terms print last (``s o - p + d k``).
_TAP_LETTERS = frozenset("k")


def _letter(symbol: Basic) -> str:
    match = re.match(r"[A-Za-z]+", getattr(symbol, "name", ""))
    return match.group(0) if match else ""


def _is_parameter(factor: Basic) -> bool:
    return bool(factor.is_number or (factor.is_Symbol and factor.is_nonnegative))


def _ordered(expr: Basic) -> tuple[list[Basic], list[Basic]] | None:
    """The terms of a linear index in the seminar's order, each as (sign, factors); ``None`` when
    ``expr`` is not a sum of products of symbols, numbers and sums."""
    groups: dict[int, list[Any]] = {0: [], 1: [], 2: []}
    for term in sympy.Add.make_args(expr):
        negative = term.could_extract_minus_sign()
        factors = list(Mul.make_args(-term if negative else term))
        if not all(f.is_Symbol or f.is_Number or f.is_Add for f in factors):
            return None
        factors.sort(key=lambda f: (not f.is_Number, not _is_parameter(f), f.is_Add))
        indices = [f for f in factors if f.is_Symbol and not _is_parameter(f)]
        group = 1 if not indices else 2 if any(_letter(f) in _TAP_LETTERS for f in indices) else 0
        groups[group].append((negative, factors))
    for terms in groups.values():  # indices in alphabetical order: j + d m, m - t
        terms.sort(key=lambda term: [_letter(f) for f in term[1] if f.is_Symbol and not _is_parameter(f)])
    ordered = groups[0] + groups[1] + groups[2]
    positive = [term for term in ordered if not term[0]]
    if ordered[0][0] and positive:  # start with a positive term: m - t + 1, not -t + 1 + m
        ordered.remove(positive[0])
        ordered.insert(0, positive[0])
    return [negative for negative, _ in ordered], [factors for _, factors in ordered]


def print_index(expr: Any, printer: Any, latex: bool = True) -> str:
    r"""A linear index as the seminar writes it: the output's term, the constants, the tap's term
    (``s o - p + d k``), each product with its parameters first; anything else as the printer does.

    >>> from sympy.printing.latex import LatexPrinter
    >>> o, k = sympy.symbols("o k", integer=True)
    >>> s, d, p = sympy.symbols("s d p", integer=True, positive=True)
    >>> print_index(s*o - p + d*k, LatexPrinter())
    's o - p + d k'
    """
    expr = sympy.sympify(expr)
    ordered = _ordered(expr) if isinstance(expr, sympy.Add) else None
    if ordered is None:
        return printer._print(expr)
    text = ""
    for n, (negative, factors) in enumerate(zip(*ordered)):
        parts = []
        for f in factors:
            if f == 1 and len(factors) > 1:
                continue
            shown = printer._print(f)
            parts.append(f"\\left({shown}\\right)" if latex and f.is_Add else f"({shown})" if f.is_Add else shown)
        body = (" " if latex else "*").join(parts)
        text += ("- " if negative else "") + body if n == 0 else (" - " if negative else " + ") + body
    return text


class Defined(Expr):
    """A named object of the seminar with a definition: it prints as the seminar writes it and
    :meth:`unfold` gives the SymPy expression it stands for (``doit`` unfolds too)."""

    is_commutative = True

    def __new__(cls, *args: Any) -> Defined:
        return Expr.__new__(cls, *[sympy.sympify(a) for a in args])

    #: positions in ``args`` of tuples of summation variables the definition binds
    _bound: tuple[int, ...] = ()

    @property
    def free_symbols(self) -> set[Basic]:
        bound = {x for n in self._bound for x in self.args[n]}
        return set().union(*[a.free_symbols for n, a in enumerate(self.args) if n not in self._bound]) - bound

    def unfold(self) -> Expr:
        """The definition, as a SymPy expression."""
        raise NotImplementedError

    def doit(self, **hints: Any) -> Any:
        return self.unfold().doit(**hints)

    @classmethod
    def definition(cls) -> tuple[type, Any]:
        """``(cls, function of the arguments)``: a pair for rules that substitute definitions."""
        return cls, lambda *args: cls(*args).unfold()

    def _indices(self, printer: Any, indices: Tuple, latex: bool = True) -> str:
        return ", ".join(print_index(i, printer, latex) for i in indices)


def _inside(indices: Any, sizes: Any) -> Any:
    return sympy.And(*[(i >= 0) & (i <= n - 1) for i, n in zip(indices, sizes)])


class ZeroPadded(Defined):
    r"""The zero-padded input ``X^{pad}``: ``X`` inside ``0 <= i < h`` (per dimension), 0 outside.

    >>> X, h, i = IndexedBase("X"), sympy.Symbol("h", positive=True, integer=True), sympy.Symbol("i", integer=True)
    >>> ZeroPadded(X, (i,), (h,)).unfold()
    Piecewise((X[i], (i >= 0) & (i <= h - 1)), (0, True))
    >>> print(ZeroPadded(X, (i,), (h,)))
    X_pad[i]
    """

    def __new__(cls, base: Any, indices: Any, sizes: Any) -> ZeroPadded:
        if len(indices) != len(sizes):
            raise SpecError("indices", f"one per dimension: {len(indices)} indices for {len(sizes)} sizes")
        return super().__new__(cls, base, Tuple(*indices), Tuple(*sizes))

    def unfold(self) -> Expr:
        base, indices, sizes = self.args
        return Piecewise((base[tuple(indices)], _inside(indices, sizes)), (0, True))

    def _latex(self, printer: Any) -> str:
        return f"{printer._print(self.args[0])}^{{\\text{{pad}}}}_{{{self._indices(printer, self.args[1])}}}"

    def _sympystr(self, printer: Any) -> str:
        return f"{printer._print(self.args[0])}_pad[{self._indices(printer, self.args[1], False)}]"


class RotatedKernel(Defined):
    r"""The kernel rotated by 180 degrees, ``W^{rot}_m = W_{q-1-m}`` (every axis reversed).

    >>> W, q, m = IndexedBase("W"), sympy.Symbol("q", positive=True, integer=True), sympy.Symbol("m", integer=True)
    >>> RotatedKernel(W, (m,), (q,)).unfold()
    W[-m + q - 1]
    >>> sympy.latex(RotatedKernel(W, (m,), (q,)))
    'W^{\\text{rot}}_{m}'
    """

    def __new__(cls, base: Any, indices: Any, sizes: Any) -> RotatedKernel:
        return super().__new__(cls, base, Tuple(*indices), Tuple(*sizes))

    def unfold(self) -> Expr:
        base, indices, sizes = self.args
        return base[tuple(rotated_tap(m, q) for m, q in zip(indices, sizes))]

    def _latex(self, printer: Any) -> str:
        return f"{printer._print(self.args[0])}^{{\\text{{rot}}}}_{{{self._indices(printer, self.args[1])}}}"

    def _sympystr(self, printer: Any) -> str:
        return f"{printer._print(self.args[0])}_rot[{self._indices(printer, self.args[1], False)}]"


class ConvEntry(Defined):
    r"""The entry ``C_{o,i}`` of the convolution's matrix: ``sum_k W_k prod_j delta(i_j, s_j o_j - p_j + d_j k_j)``.

    Arguments: the kernel, then tuples (one entry per dimension) of the output ``o``, the input
    ``i``, the summation variable ``k`` and ``q, s, p, d``.

    >>> conv = SymbolicConv.general()
    >>> entry = conv.entry_symbol(conv.indices("o"), conv.indices("i"), conv.indices("k"))
    >>> sympy.latex(entry), entry.unfold() == conv.entry(conv.indices("o"), conv.indices("i"), conv.indices("k"))
    ('C_{o, i}', True)
    """

    _bound = (3,)

    def __new__(cls, kernel: Any, o: Any, i: Any, k: Any, q: Any, s: Any, p: Any, d: Any) -> ConvEntry:
        return super().__new__(cls, kernel, *[Tuple(*x) for x in (o, i, k, q, s, p, d)])

    def unfold(self) -> Expr:
        kernel, o, i, k, q, s, p, d = self.args
        deltas = Mul(*[KroneckerDelta(i[j], input_position(o[j], k[j], s[j], p[j], d[j])) for j in range(len(o))])
        return Sum(kernel[tuple(k)] * deltas, *[(k[j], 0, q[j] - 1) for j in range(len(o))])

    def _latex(self, printer: Any) -> str:
        o, i = self.args[1], self.args[2]
        show = lambda x: self._indices(printer, x) if len(x) == 1 else f"({self._indices(printer, x)})"  # noqa: E731
        return f"C_{{{show(o)}, {show(i)}}}"

    def _sympystr(self, printer: Any) -> str:
        return f"C[{self._indices(printer, self.args[1], False)}; {self._indices(printer, self.args[2], False)}]"


class RecipeInput(Defined):
    r"""The transposed recipe's input ``Y^{ins}``: zeros inserted between the inputs, then padded,
    so that input ``o`` sits at :func:`~symconv.recipe.landing_position`
    (``s o + d(q-1) - p``); length :func:`~symconv.recipe.padded_length` (output padding ``a``
    included); 0 elsewhere.

    Arguments: the input, then tuples of the position ``t``, the summation variable ``o`` and
    ``h, q, s, p, d, a``.

    >>> conv = SymbolicConv.general()
    >>> Y, t, o = IndexedBase("Y"), conv.indices("t"), conv.indices("o")
    >>> sympy.latex(conv.recipe_input(Y, t, o))
    'Y^{\\text{ins}}_{t}'
    >>> conv.recipe_input(Y, t, o).unfold()
    Piecewise((Sum(KroneckerDelta(t, d*(q - 1) + o*s - p)*Y[o], (o, 0, h - 1)),
               (t >= 0) & (t <= a + 2*d*(q - 1) - 2*p + s*(h - 1))), (0, True))
    """

    _bound = (2,)

    def __new__(cls, base: Any, t: Any, o: Any, h: Any, q: Any, s: Any, p: Any, d: Any, a: Any) -> RecipeInput:
        return super().__new__(cls, base, *[Tuple(*x) for x in (t, o, h, q, s, p, d, a)])

    def unfold(self) -> Expr:
        base, t, o, h, q, s, p, d, a = self.args
        n = range(len(t))
        landed = Mul(*[KroneckerDelta(t[j], landing_position(o[j], q[j], s[j], p[j], d[j])) for j in n])
        length = [padded_length(h[j], q[j], s[j], p[j], d[j], a[j]) for j in n]
        values = Sum(landed * base[tuple(o)], *[(o[j], 0, h[j] - 1) for j in n])
        return Piecewise((values, _inside(t, length)), (0, True))

    def _latex(self, printer: Any) -> str:
        return f"{printer._print(self.args[0])}^{{\\text{{ins}}}}_{{{self._indices(printer, self.args[1])}}}"

    def _sympystr(self, printer: Any) -> str:
        return f"{printer._print(self.args[0])}_ins[{self._indices(printer, self.args[1], False)}]"


#: The objects above with their definitions, for a rule that substitutes definitions
#: (:func:`symconv.proof.zero_extension`).
DEFINITIONS: tuple[tuple[type, Any], ...] = tuple(
    cls.definition() for cls in (ZeroPadded, RotatedKernel, ConvEntry, RecipeInput)
)


def unfold(expr: Any) -> Any:
    """``expr`` with every :class:`Defined` object replaced by its definition.

    >>> X, i, h = IndexedBase("X"), sympy.Symbol("i", integer=True), sympy.Symbol("h", integer=True, positive=True)
    >>> unfold(2 * ZeroPadded(X, (i,), (h,)))
    2*Piecewise((X[i], (i >= 0) & (i <= h - 1)), (0, True))
    """
    expr = sympy.sympify(expr)
    while expr.has(Defined):
        expr = expr.replace(lambda e: isinstance(e, Defined), lambda e: e.unfold())
    return expr


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
