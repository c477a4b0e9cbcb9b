r"""The documents' prose, one message catalogue per language (``en.py``, ``ru.py``).

Each catalogue has ``WORDS`` (the documents' own words: sections, the facts S1..B5, captions,
labels), ``PROSE`` (the derivations' English texts, translated; empty for English) and
``PREAMBLE`` (the language's part of a LaTeX preamble). A third language is one new module
``symconv/locale/xx.py`` with the same three names, added to :data:`LANGUAGES`.

>>> words("en")["part1"]
'Sliding window vs matrix multiplication'
>>> words("ru")["part1"]
'Скользящее окно и перемножение матриц'

:func:`translate` looks a text up in ``PROSE``: exactly, then as a *pattern* (a key with
``{name}`` fields outside ``$...$`` matches a text built at run time, and the fields, translated
in turn, go into the translation), then part by part (a text joined from parts by one of
:data:`SEPARATORS`). A text without a translation stays English; :func:`untranslated` lists
the English pieces that were left, so a test can name them.

>>> translate("structural equality", "ru")
'структурное равенство'
>>> translate("equal at 24 points (12 not all zero, values up to 29)", "ru")
'равны в случайных точках: 24 (ненулевых: 12, значения до 29)'
>>> translate("doit, then interchange of finite sums", "ru")
'вычисление (doit), затем перестановка конечных сумм'
>>> translate("no such text", "ru")
'no such text'
>>> untranslated("doit, then no such text", "ru")
['no such text']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import import_module
from types import ModuleType
from typing import Any

from ..errors import SpecError
from ..parameters import shown

__all__ = [
    "LANGUAGES",
    "SEPARATORS",
    "ALLOWED",
    "words",
    "translate",
    "untranslated",
    "english_words",
    "catalogue",
    "recording",
]

#: The documents' languages: English and Russian, the seminar's own.
LANGUAGES = ("en", "ru")

#: How texts are joined from parts (the exact check's ``"doit, then expand"``); a catalogue's
#: ``PROSE`` may translate a separator too (``", then "``).
SEPARATORS = ("; ", ", then ")

#: Fields of a pattern that stand for a number (they match digits only, so that ``"{count} specs"``
#: does not swallow words); every other field matches any text.
NUMBER_FIELDS = frozenset({"count", "n", "m", "points", "nonzero", "largest"})

#: Latin words a document in another language may keep: names of people, libraries and
#: parameters as the libraries spell them.
ALLOWED = frozenset(
    {
        "PyTorch",
        "im2col",
        "col2im",
        "numpy",
        "SymPy",
        "symconv",
        "Keras",
        "JAX",
        "TensorFlow",
        "Dumoulin",
        "Visin",
        "FCN",
        "align_corners",
        "True",
        "False",
        "same",
        "doit",
        # the library's superscripts: the padded, rotated, zero-inserted arrays
        "pad",
        "rot",
        "ins",
    }
)

_FIELD = re.compile(r"\{([a-z_]+)\}")
_FACT = re.compile(r"[A-Z][0-9]+")
_WORD = re.compile(r"(?<![A-Za-z0-9\\])[A-Za-z][A-Za-z0-9_]*")


def catalogue(lang: str) -> ModuleType:
    """The catalogue module of ``lang`` (``WORDS``, ``PROSE``, ``PREAMBLE``)."""
    if lang not in LANGUAGES:
        raise SpecError("lang", f"must be one of {', '.join(LANGUAGES)}, got {shown(lang)}")
    return import_module(f"{__name__}.{lang}")


def words(lang: str) -> dict[str, Any]:
    """The documents' words in ``lang`` (``en`` or ``ru``)."""
    return catalogue(lang).WORDS


def _outside_math(text: str) -> list[tuple[bool, str]]:
    """``text`` cut at ``$``: ``(is_math, piece)`` in order."""
    return [(n % 2 == 1, piece) for n, piece in enumerate(text.split("$"))]


def _join(pieces: list[tuple[bool, str]]) -> str:
    return "$".join(piece for _, piece in pieces)


def english_words(text: str) -> list[str]:
    r"""The Latin words of ``text`` outside ``$...$`` that are not in :data:`ALLOWED` (one letter
    is a variable, not a word; ``16x4`` is a shape; ``S1`` or ``T6`` names a fact of the seminar).

    >>> english_words(r"Свёртка $\mathrm{im2col}(X)$ with PyTorch, 4x16, $h$ и h (T6)")
    ['with']
    """
    found = []
    for is_math, piece in _outside_math(text):
        if not is_math:
            found += [w for w in _WORD.findall(piece.replace("\\_", "_")) if _is_word(w)]
    return found


def _is_word(token: str) -> bool:
    return len(token) > 1 and token not in ALLOWED and not _FACT.fullmatch(token)


def _pattern(key: str) -> re.Pattern[str] | None:
    """The regular expression of a key with ``{name}`` fields outside math, else ``None``."""
    pieces = _outside_math(key)
    if not any(not is_math and _FIELD.search(piece) for is_math, piece in pieces):
        return None
    seen: set[str] = set()
    regex = []
    for is_math, piece in pieces:
        if is_math:
            regex.append(re.escape("$" + piece + "$"))
            continue
        last = 0
        for match in _FIELD.finditer(piece):
            regex.append(re.escape(piece[last : match.start()]))
            name = match.group(1)
            if name in seen:
                regex.append(f"(?P={name})")
            else:
                seen.add(name)
                body = r"-?\d+(?:/\d+)?" if name in NUMBER_FIELDS else r".+?"
                regex.append(f"(?P<{name}>{body})")
            last = match.end()
        regex.append(re.escape(piece[last:]))
    return re.compile("".join(regex))


def _fill(template: str, fields: dict[str, str]) -> str:
    """``template`` with its ``{name}`` fields outside math replaced by ``fields``."""
    return _join(
        [
            (is_math, piece if is_math else _FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), piece))
            for is_math, piece in _outside_math(template)
        ]
    )


class _Catalogue:
    """One language's ``PROSE``: exact keys, and the patterns compiled once."""

    def __init__(self, prose: dict[str, str]) -> None:
        self.exact = prose
        compiled = [(_pattern(key), value, key) for key, value in prose.items()]
        # the most specific pattern (the most literal text) first
        self.patterns = sorted(
            ((regex, value, key) for regex, value, key in compiled if regex is not None),
            key=lambda item: -len(_FIELD.sub("", item[0].pattern)),
        )
        self.cache: dict[str, tuple[str, tuple[str, ...], frozenset[str]]] = {}
        #: the sets that :func:`recording` fills with the keys a translation used
        self.recorders: list[set[str]] = []

    def translate(self, text: str) -> tuple[str, tuple[str, ...]]:
        """The translation of ``text`` and the English pieces left in it."""
        if text not in self.cache:
            self.cache[text] = self._translate(text)
        result, missing, keys = self.cache[text]
        for recorder in self.recorders:
            recorder.update(keys)
        return result, missing

    def _translate(self, text: str) -> tuple[str, tuple[str, ...], frozenset[str]]:
        if text in self.exact:
            return self.exact[text], (), frozenset({text})
        if not english_words(text):  # mathematics, numbers, names, or already translated
            return text, (), frozenset()
        for regex, value, key in self.patterns:
            match = regex.fullmatch(text)
            if match:
                fields: dict[str, str] = {}
                missing: list[str] = []
                keys = {key}
                for name, field in match.groupdict().items():
                    fields[name], left, used = self._part(field)
                    missing += left
                    keys |= used
                return _fill(value, fields), tuple(missing), frozenset(keys)
        for separator in SEPARATORS:
            pieces = _outside_math(text)
            if any(not is_math and separator in piece for is_math, piece in pieces):
                done = [self._part(part) for part in _split(pieces, separator)]
                joined = self.exact.get(separator, separator).join(part for part, _, _ in done)
                joined_keys = {separator} if separator in self.exact else set()
                for _, _, used in done:
                    joined_keys |= used
                return joined, tuple(piece for _, left, _ in done for piece in left), frozenset(joined_keys)
        return text, (text,), frozenset()

    def _part(self, text: str) -> tuple[str, tuple[str, ...], frozenset[str]]:
        """A part or a field of a text, translated (through the cache)."""
        self.translate(text)
        return self.cache[text]


def _split(pieces: list[tuple[bool, str]], separator: str) -> list[str]:
    """The text of ``pieces`` split at ``separator`` outside math."""
    parts = [""]
    for is_math, piece in pieces:
        if is_math:
            parts[-1] += "$" + piece + "$"
            continue
        first, *rest = piece.split(separator)
        parts[-1] += first
        parts += rest
    return parts


@lru_cache(maxsize=None)
def _catalogue(lang: str) -> _Catalogue:
    return _Catalogue(catalogue(lang).PROSE)


def translate(text: str, lang: str) -> str:
    """A derivation's English ``text`` in ``lang``: its entry in the catalogue's ``PROSE``, a
    pattern's translation with the fields put in, or the translations of its parts; else the
    text as it is (a user's own derivation without a translation reads in English)."""
    return _catalogue(lang).translate(text)[0]


@contextmanager
def recording(lang: str) -> Iterator[set[str]]:
    """The ``PROSE`` keys of ``lang`` that the translations made inside the ``with`` block used
    (exact entries, patterns, translated separators), so a test can find the keys no text uses.

    >>> with recording("ru") as used:
    ...     _ = translate("doit, then expand", "ru")
    >>> sorted(used)
    [', then ', 'doit', 'expand']
    """
    used: set[str] = set()
    recorders = _catalogue(lang).recorders
    recorders.append(used)
    try:
        yield used
    finally:
        recorders.remove(used)


def untranslated(text: str, lang: str) -> list[str]:
    """The English pieces of ``text`` that ``lang``'s catalogue does not translate (none for
    English itself)."""
    if lang == "en":
        return []
    return list(_catalogue(lang).translate(text)[1])
