r"""Text helpers: plain text for LaTeX documents, and LaTeX-flavoured text for terminals.

Justifications, titles and captions are written once, with ``$...$`` for mathematics;
:func:`text_latex` escapes them for a ``.tex`` file, :func:`text_plain` strips them for a
terminal.

>>> text_latex("50% of $x_1$")
'50\\% of $x_1$'
>>> text_plain(r"$a \le b$ and $\lfloor x \rfloor$")
'a <= b and floor( x )'

Expressions in terminal text (reports, failure messages) print with :func:`plain`: SymPy's
``str`` with the seminar's notation where SymPy's is unreadable (deltas, zero extensions, sums,
renamed summation variables by their names) and never LaTeX.
"""

from __future__ import annotations

import re
from math import prod
from typing import Any

import sympy
from sympy.printing.str import StrPrinter

__all__ = ["text_latex", "text_plain", "PlainPrinter", "plain", "sized"]

_SPECIAL = {
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
}


def text_latex(text: str) -> str:
    r"""Plain text for LaTeX: special characters escaped; ``$...$`` passes through as math.

    >>> text_latex("5% of $x_1$ & more")
    '5\\% of $x_1$ \\& more'
    """
    parts = text.split("$")
    return "$".join(part if n % 2 else "".join(_SPECIAL.get(c, c) for c in part) for n, part in enumerate(parts))


_PLAIN = {
    r"\geq": ">=",
    r"\leq": "<=",
    r"\neq": "!=",
    r"\cdot": "*",
    r"\times": "x",
    r"\otimes": "⊗",
    r"\to": "->",
    r"\lfloor": "floor(",
    r"\rfloor": ")",
    r"\ ": " ",
    r"\mid": "|",
    r"\bmod": "mod",
    r"\dots": "...",
    r"\le": "<=",
    r"\ge": ">=",
    r"\langle": "<",
    r"\rangle": ">",
    r"\partial": "d",
    r"\sum": "sum",
    r"\delta": "delta",
    r"\,": " ",
    r"\left": "",
    r"\right": "",
}


def text_plain(text: str) -> str:
    r"""Justification text without ``$`` and LaTeX commands, for terminals: subscripts and
    superscripts as ``_`` and ``^`` (grouped in parentheses when longer than one token),
    fractions as ``(a)/(b)``.

    >>> text_plain(r"$s \mid x - c$, \text{so} $x \bmod s = c$")
    's | x - c, so x mod s = c'
    >>> text_plain(r"substitute $m = q_{1} - 1 - k$; $r_l = r_{l-1} + \frac{k}{2}$, $\left(s^{n}\right)$")
    'substitute m = q_1 - 1 - k; r_l = r_(l-1) + (k)/(2), (s^n)'
    >>> text_plain("$" + sympy.latex(sympy.floor(sympy.Symbol("k") / 2)) + "$")
    'floor((k)/(2))'
    """
    text = text.replace("$", "")
    text = re.sub(r"\\(?:left|right)\.", "", text)
    text = re.sub(r"\\(?:left|right|bigl|bigr|big|Big)(?![A-Za-z])", "", text)
    text = text.replace(r"\{", "\0(").replace(r"\}", "\0)")
    for command, plain_text in _PLAIN.items():
        text = text.replace(command, plain_text)
    text = re.sub(r"\\(operatorname|math[a-z]+|text[a-z]*|boldsymbol)\{([^{}]*)\}", r"\2", text)
    previous = None
    while previous != text:  # innermost groups first
        previous = text
        text = re.sub(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", text)
        text = re.sub(r"([_^])\{([^{}]*)\}", _script, text)
        text = re.sub(r"\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)  # "C \, X" is "C X", not "C   X"
    return text.replace("\\", "").replace("\0(", "{").replace("\0)", "}")


def _script(match: re.Match[str]) -> str:
    """``_{1}`` as ``_1``, ``_{l-1}`` as ``_(l-1)``."""
    body = match.group(2).strip()
    return match.group(1) + (body if re.fullmatch(r"\w+|\(.*\)", body) else f"({body})")


class PlainPrinter(StrPrinter):
    """SymPy's ``str`` printer with the seminar's plain-text notation: ``delta(i, j)`` for
    Kronecker deltas, ``[c]*f`` for a zero extension ``f`` where ``c`` holds (0 elsewhere),
    ``sum[k=0..q - 1](f)`` for sums, summation variables renamed apart by their names (``k``,
    not ``_k``), one-line matrices.

    >>> import sympy
    >>> i, k, q = sympy.symbols("i k q", integer=True)
    >>> X = sympy.IndexedBase("X")
    >>> plain(sympy.Sum(sympy.KroneckerDelta(i, k) * X[k], (k, 0, q - 1)))
    'sum[k=0..q - 1](delta(i, k)*X[k])'
    >>> plain(sympy.Piecewise((X[i], (i >= 0) & (i < q)), (0, True)))
    '[(i >= 0) & (i < q)]*X[i]'
    """

    printmethod = "_sympystr"

    def _print_Dummy(self, expr: Any) -> str:
        return str(expr.name)

    def _print_KroneckerDelta(self, expr: Any) -> str:
        return f"delta({self._print(expr.args[0])}, {self._print(expr.args[1])})"

    def _print_Piecewise(self, expr: Any) -> str:
        pieces = expr.args
        if len(pieces) == 2 and pieces[1].cond == sympy.true and pieces[1].expr == 0:
            value = self.parenthesize(pieces[0].expr, sympy.printing.precedence.PRECEDENCE["Mul"])
            return f"[{self._print(pieces[0].cond)}]*{value}"
        parts = [f"{self._print(e)} if {self._print(c)}" for e, c in pieces]
        return "(" + " else ".join(parts) + ")"

    def _print_Sum(self, expr: Any) -> str:
        limits = ", ".join(f"{self._print(v)}={self._print(a)}..{self._print(b)}" for v, a, b in expr.limits)
        return f"sum[{limits}]({self._print(expr.function)})"

    def _print_MatrixBase(self, expr: Any) -> str:
        return f"Matrix({self._print(expr.tolist())})"

    _print_MutableDenseMatrix = _print_ImmutableDenseMatrix = _print_MatrixBase
    _print_MutableSparseMatrix = _print_ImmutableSparseMatrix = _print_MatrixBase


def plain(expr: Any) -> str:
    """``expr`` as plain text in the seminar's notation (:class:`PlainPrinter`)."""
    return PlainPrinter().doprint(expr)


def sized(obj: Any, printer: Any, limit: int = 80) -> str:
    """A matrix or an array for one line of text: its entries when they are few and short
    (``[X[0], X[1], X[2]]``), else its kind and shape (``Array 5x5``, ``Matrix 4x16``).

    >>> import sympy
    >>> from sympy.printing.str import StrPrinter
    >>> sized(sympy.Array(sympy.symbols("a b c")), StrPrinter())
    '[a, b, c]'
    >>> sized(sympy.Array([[0] * 5] * 5), StrPrinter()), sized(sympy.zeros(4, 16), StrPrinter())
    ('Array 5x5', 'Matrix 4x16')
    """
    shape = tuple(obj.shape)
    kind = "Matrix" if isinstance(obj, sympy.MatrixBase) else "Array" if isinstance(obj, sympy.NDimArray) else ""
    dimensions = "x".join(map(str, shape))
    if kind and prod(shape) <= 16:
        text = printer._print(obj.tolist())
        if len(text) <= limit:
            return text if kind == "Array" else f"Matrix({text})"
    return f"{kind or 'matrix expression'} {dimensions}"
