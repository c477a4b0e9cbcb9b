r"""The documents' words (moved to :mod:`symconv.locale`, one catalogue per language).

>>> words("ru")["part1"]
'Скользящее окно и перемножение матриц'
"""

from __future__ import annotations

from ..locale import LANGUAGES, catalogue, translate, words

__all__ = ["words", "LANGUAGES", "PREAMBLES", "translate"]

#: The language-specific part of a document's preamble.
PREAMBLES = {lang: catalogue(lang).PREAMBLE for lang in LANGUAGES}
