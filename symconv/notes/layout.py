r"""The room a page or a frame has, and what every document starts with.

- :class:`Medium`: an article's page or a slide's frame: how many rows and columns of a matrix
  it shows whole, how wide a formula may be, how large a figure and its cells may be;
- :func:`preamble`: the packages and the macro ``\fitrelation`` (a relation on one line, or on
  two); nothing is ever scaled below the body's size;
- :class:`DocumentInfo`: the title page (``--title``, ``--author``, ``--date``, ``--institute``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..printing.fitting import FittingPrinter
from ..printing.language import PREAMBLES, words
from ..printing.text import text_latex

__all__ = [
    "Medium",
    "ARTICLE",
    "SLIDES",
    "FRAME_BODY",
    "LINE_CHARS",
    "LINE_HEIGHT",
    "SHORT_TEXT",
    "DocumentInfo",
    "preamble",
]


@dataclass(frozen=True)
class Medium:
    """The room an article's page or a slide's frame has: the rows and columns of a matrix shown
    whole, the width (ems) a formula may take, the figures' size and largest cell (cm), the rows
    of a table on one frame."""

    max_rows: int
    max_cols: int
    ems: float
    width: float
    height: float
    table_rows: int
    slide: bool
    unit: float

    def printer(self, **settings: Any) -> FittingPrinter:
        """The printer of this medium: the seminar's, with matrices elided beyond the room (and
        ``settings`` of the printer's own, such as the words of ``cases``)."""
        return FittingPrinter({"max_rows": self.max_rows, "max_cols": self.max_cols, "width": self.ems, **settings})


#: An A4 page with 2 cm margins (17 cm of text, about 44 ems at 11 pt: nothing is scaled down to fit).
ARTICLE = Medium(max_rows=36, max_cols=18, ems=44.0, width=16.5, height=11.0, table_rows=40, slide=False, unit=0.62)
#: A 16:9 beamer frame (14.8 cm of text, about 7.5 cm below a one-line title).
SLIDES = Medium(max_rows=10, max_cols=16, ems=42.0, width=14.3, height=5.6, table_rows=6, slide=True, unit=0.8)

#: Height (cm) of a frame's body below a one-line title; what an overlay frame shares out.
FRAME_BODY = 7.5
#: Characters of \small text on one line of a frame, and the height (cm) of such a line.
LINE_CHARS, LINE_HEIGHT = 92, 0.48
#: A text this short goes on the overlay frame that follows it (two lines at most).
SHORT_TEXT = 2 * LINE_CHARS

_PACKAGES = r"""\usepackage[utf8]{inputenc}
%s
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{tikz}
\setcounter{MaxMatrixCols}{64}
\ifdefined\pdftrailerid\pdftrailerid{}\fi
\newsavebox{\symconvbox}
%% \fitrelation{one line}{first line}{second line}: the relation on one line when it fits, else on two
\newcommand{\fitrelation}[3]{\sbox{\symconvbox}{#1}%%
\ifdim\wd\symconvbox>\linewidth{\raggedright #2\\#3\par}%%
\else\noindent\usebox{\symconvbox}\par\fi}
"""


@dataclass(frozen=True)
class DocumentInfo:
    """The title page: title (default: the seminar's), author and institute (default: none),
    date (default ``\\today``; ``""`` for none). Plain text; ``$...$`` is math."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    institute: str | None = None

    def lines(self, lang: str, slide: bool) -> list[str]:
        """``\\title``, ``\\author``, ``\\date`` (and ``\\institute`` or its article form) lines."""
        w = words(lang)
        title = text_latex(self.title if self.title is not None else w["title"])
        author = text_latex(self.author) if self.author else ""
        institute = text_latex(self.institute) if self.institute else ""
        date = "\\today" if self.date is None else text_latex(self.date)
        lines = [f"\\title{{{title}}}"]
        if slide:
            lines.append(f"\\subtitle{{{text_latex(w['subtitle'])}}}")
            lines.append(f"\\author{{{author}}}")
            if institute:
                lines.append(f"\\institute{{{institute}}}")
        else:
            lines.append(f"\\author{{{author}" + (f"\\\\ {institute}" if institute else "") + "}")
        lines.append(f"\\date{{{date}}}")
        return lines


def preamble(lang: str) -> str:
    """The packages and the fitting macros both documents load, with ``lang``'s lines."""
    text = _PACKAGES.replace("%s\n", PREAMBLES[lang] + "\n", 1)
    return text.replace("%%", "%")
