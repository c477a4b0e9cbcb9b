r"""The documents' prose, one message catalogue per language (``en.py``, ``ru.py``).

Each catalogue has ``WORDS`` (the documents' own words: sections, the facts S1..B5, captions,
labels), ``PROSE`` (the derivations' English texts, translated; empty for English) and
``PREAMBLE`` (the language's part of a LaTeX preamble). A third language is one new module
with the same three names, added to :data:`LANGUAGES`.

>>> words("en")["part1"]
'Sliding window vs matrix multiplication'
>>> words("ru")["part1"]
'Скользящее окно и перемножение матриц'
>>> translate("no such text", "ru")
'no such text'
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import Any

from ..errors import SpecError
from ..parameters import shown

__all__ = ["LANGUAGES", "words", "translate", "catalogue"]

#: The documents' languages: English and Russian, the seminar's own.
LANGUAGES = ("en", "ru")


def catalogue(lang: str) -> ModuleType:
    """The catalogue module of ``lang`` (``WORDS``, ``PROSE``, ``PREAMBLE``)."""
    if lang not in LANGUAGES:
        raise SpecError("lang", f"must be one of {', '.join(LANGUAGES)}, got {shown(lang)}")
    return import_module(f"{__name__}.{lang}")


def words(lang: str) -> dict[str, Any]:
    """The documents' words in ``lang`` (``en`` or ``ru``)."""
    return catalogue(lang).WORDS  # type: ignore[no-any-return]


def translate(text: str, lang: str) -> str:
    """A derivation's English ``text`` in ``lang``: its entry in the catalogue's ``PROSE``, else
    the text as it is (a user's own derivation without a translation reads in English)."""
    prose: dict[str, str] = catalogue(lang).PROSE
    return prose.get(text, text)
