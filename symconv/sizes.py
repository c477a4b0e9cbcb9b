r"""The size formulas, for Python ints and for SymPy expressions alike.

One definition of each formula; the specifications' ``out_shape`` use them.
In the seminar's letters: input size ``h``, kernel size ``q``, stride ``s``,
padding ``p``, dilation ``d`` and output padding ``a``.

>>> conv_output_size(4, 3)
2
>>> h, q, s, p = sympy.symbols("h q s p", integer=True, positive=True)
>>> transposed_output_size(h, q, s, p)
-2*p + q + s*(h - 1)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Union, overload

import numpy as np
import sympy
from sympy.printing.defaults import Printable
from sympy.printing.printer import Printer

from .errors import SpecError
from .parameters import as_int, is_sequence, shown
from .typing import PaddingAmount, Size, SizeLike, SizeOrSizes

__all__ = ["conv_output_size", "transposed_output_size", "output_sizes", "OutputSizes"]

_Integer = Union[int, np.integer]


def _is_symbolic(*values: object) -> bool:
    flat: list[object] = []
    for value in values:
        flat.extend(value if is_sequence(value) else [value])
    return any(isinstance(v, sympy.Basic) and not v.is_Integer for v in flat)


_PARAMETERS = {
    "h": "input_shape",
    "q": "kernel_shape",
    "s": "stride",
    "p": "padding",
    "before": "padding",
    "after": "padding",
    "d": "dilation",
    "a": "output_padding",
}


def _expressions(**values: object) -> list[sympy.Expr]:
    """Symbolic arguments: each an int or a SymPy expression (strings are not parsed)."""
    result = []
    for letter, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, sympy.Expr)) and not hasattr(value, "__index__"):
            raise SpecError(_PARAMETERS[letter], f"must be an integer or a SymPy expression, got {shown(value)}")
        result.append(
            sympy.sympify(int(value) if hasattr(value, "__index__") and not isinstance(value, sympy.Basic) else value)
        )
    return result


def _refuse_false(*conditions: tuple[str, object, str]) -> None:
    """Each ``(parameter, condition, rule)``: a SymPy condition that is decidably false (``s >= 1`` for
    ``s = 0``, or for ``-s`` with ``s`` positive) is refused as the integer arguments are; one SymPy
    cannot decide (a symbol without assumptions) is left to the formula."""
    for parameter, condition, rule in conditions:
        if condition is sympy.false or condition is False:
            raise SpecError(parameter, rule)


def _positive(h: sympy.Expr, q: sympy.Expr, s: sympy.Expr, d: sympy.Expr) -> list[tuple[str, object, str]]:
    """The rules both size formulas share: input, kernel, stride and dilation at least 1."""
    return [
        ("input_shape", sympy.Ge(h, 1), f"sizes must be positive, got {shown(h)}"),
        ("kernel_shape", sympy.Ge(q, 1), f"sizes must be positive, got {shown(q)}"),
        ("stride", sympy.Ge(s, 1), f"must be positive, got {shown(s)}"),
        ("dilation", sympy.Ge(d, 1), f"must be positive, got {shown(d)}"),
    ]


def _padding_sides(p: object, parameter: str = "padding") -> tuple[object, object]:
    if is_sequence(p):
        items = list(p)
        if len(items) != 2:
            raise SpecError(parameter, f"a per-side padding is a pair (before, after), got {shown(p)}")
        return items[0], items[1]
    return p, p


def _check_conv_ints(h: int, q: int, s: int, before: int, after: int, d: int) -> None:
    if h < 1:
        raise SpecError("input_shape", f"sizes must be positive, got {h}")
    if q < 1:
        raise SpecError("kernel_shape", f"sizes must be positive, got {q}")
    if s < 1:
        raise SpecError("stride", f"must be positive, got {s}")
    if d < 1:
        raise SpecError("dilation", f"must be positive, got {d}")
    if before < 0 or after < 0:
        raise SpecError("padding", f"must be non-negative, got {(before, after) if before != after else before}")
    if d * (q - 1) + 1 > h + before + after:
        raise SpecError(
            "kernel_shape",
            f"the dilated kernel ({d * (q - 1) + 1}) must not be larger than the padded input ({h + before + after})",
        )


# Python and numpy integers give an int (SymPy's Integers too, at run time)
@overload
def conv_output_size(
    h: _Integer, q: _Integer, s: _Integer = 1, p: _Integer | tuple[_Integer, _Integer] = 0, d: _Integer = 1
) -> int: ...
@overload
def conv_output_size(h: SizeLike, q: SizeLike, s: SizeLike = 1, p: PaddingAmount = 0, d: SizeLike = 1) -> Size: ...
def conv_output_size(h: SizeLike, q: SizeLike, s: SizeLike = 1, p: PaddingAmount = 0, d: SizeLike = 1) -> Size:
    r"""Output size of a convolution: :math:`\lfloor (h + 2p - d(q-1) - 1)/s \rfloor + 1`.

    ``p`` may be a pair ``(before, after)`` for asymmetric padding (PyTorch's
    ``padding="same"`` with an even effective kernel). Python ints give an int and are
    validated (:class:`~symconv.SpecError`); SymPy symbols give the exact formula.

    >>> conv_output_size(5, 3, s=2, p=1)
    3
    >>> h, q, s, p, d = sympy.symbols("h q s p d", integer=True, positive=True)
    >>> conv_output_size(h, q, s, p)
    floor((h + 2*p - q)/s) + 1
    """
    before, after = _padding_sides(p)
    if _is_symbolic(h, q, s, before, after, d):
        h, q, s, before, after, d = _expressions(h=h, q=q, s=s, before=before, after=after, d=d)
        _refuse_false(
            *_positive(h, q, s, d),
            ("padding", sympy.Ge(before, 0), f"must be non-negative, got {shown(before)}"),
            ("padding", sympy.Ge(after, 0), f"must be non-negative, got {shown(after)}"),
            (
                "kernel_shape",
                sympy.Le(d * (q - 1) + 1, h + before + after),
                "the dilated kernel d(q-1) + 1 must not be larger than the padded input h + 2p",
            ),
        )
        return sympy.floor((h + before + after - d * (q - 1) - 1) / s) + 1
    h, q, s, d = as_int(h, "input_shape"), as_int(q, "kernel_shape"), as_int(s, "stride"), as_int(d, "dilation")
    before, after = as_int(before, "padding"), as_int(after, "padding")
    _check_conv_ints(h, q, s, before, after, d)
    return (h + before + after - d * (q - 1) - 1) // s + 1


@overload
def transposed_output_size(
    h: _Integer, q: _Integer, s: _Integer = 1, p: _Integer = 0, d: _Integer = 1, a: _Integer = 0
) -> int: ...
@overload
def transposed_output_size(
    h: SizeLike, q: SizeLike, s: SizeLike = 1, p: SizeLike = 0, d: SizeLike = 1, a: SizeLike = 0
) -> Size: ...
def transposed_output_size(
    h: SizeLike, q: SizeLike, s: SizeLike = 1, p: SizeLike = 0, d: SizeLike = 1, a: SizeLike = 0
) -> Size:
    r"""Output size of a transposed convolution: :math:`(h-1)s - 2p + d(q-1) + a + 1`.

    With ``d = 1, a = 0`` this is the seminar's :math:`w = (h-1)s - 2p + q`. Integer
    arguments are validated as PyTorch does: ``a`` (``output_padding``) must be smaller
    than the stride or the dilation, and the output must have at least one element.

    >>> transposed_output_size(2, 3, s=2, p=1)
    3
    >>> transposed_output_size(2, 3, s=2, p=1, a=2)
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: output_padding: must be smaller than either stride (2) or dilation (1), got 2
    """
    if _is_symbolic(h, q, s, p, d, a):
        h, q, s, p, d, a = _expressions(h=h, q=q, s=s, p=p, d=d, a=a)
        w = (h - 1) * s - 2 * p + d * (q - 1) + a + 1
        _refuse_false(
            *_positive(h, q, s, d),
            ("padding", sympy.Ge(p, 0), f"must be non-negative, got {shown(p)}"),
            ("output_padding", sympy.Ge(a, 0), f"must be non-negative, got {shown(a)}"),
            (
                "output_padding",
                sympy.Or(sympy.Lt(a, s), sympy.Lt(a, d)),
                f"must be smaller than either stride ({shown(s)}) or dilation ({shown(d)}), got {shown(a)}",
            ),
            ("padding", sympy.Ge(w, 1), "too large: the output size (h-1)s - 2p + d(q-1) + a + 1 must be at least 1"),
        )
        return w
    h, q, s = as_int(h, "input_shape"), as_int(q, "kernel_shape"), as_int(s, "stride")
    p, d, a = as_int(p, "padding"), as_int(d, "dilation"), as_int(a, "output_padding")
    if h < 1:
        raise SpecError("input_shape", f"sizes must be positive, got {h}")
    if q < 1:
        raise SpecError("kernel_shape", f"sizes must be positive, got {q}")
    if s < 1:
        raise SpecError("stride", f"must be positive, got {s}")
    if d < 1:
        raise SpecError("dilation", f"must be positive, got {d}")
    if p < 0:
        raise SpecError("padding", f"must be non-negative, got {p}")
    if a < 0:
        raise SpecError("output_padding", f"must be non-negative, got {a}")
    if a >= s and a >= d:
        raise SpecError("output_padding", f"must be smaller than either stride ({s}) or dilation ({d}), got {a}")
    w = (h - 1) * s - 2 * p + d * (q - 1) + a + 1
    if w < 1:
        raise SpecError("padding", f"too large: the output size (h-1)s - 2p + d(q-1) + a + 1 = {w} must be at least 1")
    return w


@dataclass(frozen=True, eq=False)
class OutputSizes(Printable):
    """The output size of every dimension, with the values (``h, q, s, p, d, a``) it came from.

    Prints as ``5x7`` when every size is a number, else one line ``w = ...`` per dimension.
    """

    dimensions: tuple[Mapping[str, SizeLike], ...]
    sizes: tuple[Size, ...]
    transposed: bool = False

    def _lines(self, show: Callable[[Size], str]) -> str:
        shown = [show(size) for size in self.sizes]
        if all(isinstance(size, int) for size in self.sizes):
            return "x".join(shown)
        numbered = len(shown) > 1
        return "\n".join(f"w{n if numbered else ''} = {text}" for n, text in enumerate(shown))

    def _sympystr(self, printer: Printer) -> str:
        return self._lines(printer._print)

    def _latex(self, printer: Printer) -> str:
        return self._lines(printer._print)


def output_sizes(
    input_shape: SizeOrSizes,
    kernel_shape: SizeOrSizes,
    stride: SizeOrSizes = 1,
    padding: SizeOrSizes = 0,
    dilation: SizeOrSizes = 1,
    output_padding: SizeOrSizes | None = None,
    *,
    transposed: bool = False,
) -> OutputSizes:
    """The output size of each dimension, by :func:`conv_output_size` (or, with ``transposed``,
    :func:`transposed_output_size`).

    Each parameter is an int or a SymPy expression for every dimension, or one per dimension
    (as many as ``input_shape`` has); ``output_padding`` only with ``transposed``.

    >>> print(output_sizes((5, 7), 3, padding=1))
    5x7
    >>> h, w = sympy.symbols("h w", integer=True, positive=True)
    >>> print(output_sizes((h, w), 3))
    w0 = h - 2
    w1 = w - 2
    """
    given = {"h": input_shape, "q": kernel_shape, "s": stride, "p": padding, "d": dilation}
    if transposed:
        given["a"] = 0 if output_padding is None else output_padding
    elif output_padding is not None and output_padding != 0:
        raise SpecError("output_padding", "is only for a transposed convolution", hint="set {transposed}")
    columns = {letter: list(value) if is_sequence(value) else [value] for letter, value in given.items()}
    ndim = len(columns["h"])
    if ndim == 0:
        raise SpecError("input_shape", "must have at least one dimension")
    for letter, column in columns.items():
        if len(column) == 1:
            columns[letter] = column * ndim
        elif len(column) != ndim:
            raise SpecError(_PARAMETERS[letter], f"has {len(column)} values but the input has {ndim} dimensions")
    dimensions = tuple({letter: columns[letter][n] for letter in columns} for n in range(ndim))
    size = transposed_output_size if transposed else conv_output_size
    return OutputSizes(dimensions, tuple(size(**values) for values in dimensions), transposed)
