r"""The seminar's notation as SymPy objects: each prints as the seminar writes it and unfolds to
its definition.

- :class:`ZeroPadded`: the zero-padded input ``X^{pad}_i``;
- :class:`ConvEntry`: the entry ``C_{o,i}`` of the convolution's matrix;
- :class:`RecipeInput`: the transposed recipe's input ``Y^{ins}_t`` (zeros inserted, padded);
- :class:`RotatedKernel`: the kernel rotated by 180 degrees, ``W^{rot}_m``.

They print through SymPy's printer protocol (``_latex``, ``_sympystr``), their indices in the
seminar's order (:func:`print_index`: ``s o - p + d k``); their definitions use the library's
index map (:func:`~symconv.indexmap.input_position`) and recipe (:mod:`symconv.recipe`).
:data:`DEFINITIONS` lists them for a rule that substitutes definitions
(:func:`symconv.proof.zero_extension`); :func:`unfold` substitutes them all. Build them with
:class:`symconv.indexing.SymbolicConv`.

>>> from sympy import IndexedBase
>>> X, i = IndexedBase("X"), sympy.Symbol("i", integer=True)
>>> h = sympy.Symbol("h", integer=True, positive=True)
>>> sympy.latex(ZeroPadded(X, (i,), (h,)))
'X^{\\text{pad}}_{i}'
"""

from __future__ import annotations

import re
from typing import Any

import sympy
from sympy import Basic, Expr, KroneckerDelta, Mul, Piecewise, Sum, Tuple

from .errors import SpecError
from .indexmap import input_position
from .recipe import landing_position, padded_length, rotated_tap

__all__ = [
    "Defined",
    "ZeroPadded",
    "ConvEntry",
    "RecipeInput",
    "RotatedKernel",
    "DEFINITIONS",
    "unfold",
    "print_index",
]

#: The letter of kernel taps: its terms print last (``s o - p + d k``).
_TAP_LETTERS = frozenset("k")


def _letter(symbol: Basic) -> str:
    match = re.match(r"[A-Za-z]+", getattr(symbol, "name", ""))
    return match.group(0) if match else ""


def _is_parameter(factor: Basic) -> bool:
    return bool(factor.is_number or (factor.is_Symbol and factor.is_nonnegative))


def _ordered(expr: Basic) -> tuple[list[bool], list[list[Basic]]] | None:
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
    groups[1].sort(key=lambda term: term[0])  # constants added before subtracted: s o + d (q - 1) - p
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

    >>> from sympy import IndexedBase
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

    >>> from sympy import IndexedBase
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

    >>> from sympy import IndexedBase
    >>> o, i, k, q, s, p, d = sympy.symbols("o i k q s p d", integer=True)
    >>> entry = ConvEntry(IndexedBase("W"), (o,), (i,), (k,), (q,), (s,), (p,), (d,))
    >>> sympy.latex(entry)
    'C_{o, i}'
    >>> entry.unfold()
    Sum(KroneckerDelta(i, d*k + o*s - p)*W[k], (k, 0, q - 1))
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

    >>> from symconv.indexing import SymbolicConv
    >>> conv = SymbolicConv.general()
    >>> from sympy import IndexedBase
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

    >>> from sympy import IndexedBase
    >>> X, i, h = IndexedBase("X"), sympy.Symbol("i", integer=True), sympy.Symbol("h", integer=True, positive=True)
    >>> unfold(2 * ZeroPadded(X, (i,), (h,)))
    2*Piecewise((X[i], (i >= 0) & (i <= h - 1)), (0, True))
    """
    expr = sympy.sympify(expr)
    while expr.has(Defined):
        expr = expr.replace(lambda e: isinstance(e, Defined), lambda e: e.unfold())
    return expr
