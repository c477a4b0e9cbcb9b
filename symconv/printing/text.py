r"""Text helpers: plain text for LaTeX documents, and LaTeX-flavoured text for terminals.

Justifications, titles and captions are written once, with ``$...$`` for mathematics;
:func:`text_latex` escapes them for a ``.tex`` file, :func:`text_plain` strips them for a
terminal.

>>> text_latex("50% of $x_1$")
'50\\% of $x_1$'
>>> text_plain(r"$a \le b$ and $\lfloor x \rfloor$")
'a <= b and floor( x )'
"""

from __future__ import annotations

import re

__all__ = ["text_latex", "text_plain"]

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
    r"""Justification text without ``$`` and common LaTeX commands, for terminals.

    >>> text_plain(r"$s \mid x - c$, \text{so} $x \bmod s = c$")
    's | x - c, so x mod s = c'
    >>> text_plain(r"$0 \le j \le d \left(q - 1\right)$")
    '0 <= j <= d (q - 1)'
    """
    text = text.replace("$", "")
    for command, plain in _PLAIN.items():  # a command ends where its letters end: \le is not \left
        ending = "(?![A-Za-z])" if command[-1].isalpha() else ""
        text = re.sub(re.escape(command) + ending, plain.replace("\\", "\\\\"), text)
    return re.sub(r"\\(operatorname|mathrm|text)\{([^}]*)\}", r"\2", text).replace("\\", "")
