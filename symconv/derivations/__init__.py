"""The seminar's derivations, one runnable script per topic.

Installed as ``symconv.derivations``; each module defines ``derivations()`` returning
:class:`~symconv.proof.Derivation` objects and runs them when executed as a script
(``python derivations/conv_matrix.py``). ``symconv prove NAME`` finds them here.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["TOPICS", "topic_derivations", "all_derivations", "find"]

#: Topics in the seminar's order (module names).
TOPICS: tuple[str, ...] = (
    "sliding_window",
    "conv_matrix",
    "im2col",
    "transposed",
    "checkerboard",
    "subpixel",
    "sizes",
    "conv_arithmetic",
    "bilinear",
    "channels",
)


def topic_derivations(topic: str) -> list[Any]:
    """The derivations of one topic."""
    module = importlib.import_module(f"{__name__}.{topic}")
    return list(module.derivations())


def all_derivations() -> list[tuple[str, Any]]:
    """``(topic, derivation)`` for every derivation, in the seminar's order."""
    return [(topic, d) for topic in TOPICS for d in topic_derivations(topic)]


def find(name: str) -> list[Any]:
    """The derivations named ``name``: ``"all"``, a topic (``conv_matrix`` or ``conv-matrix``) or one derivation."""
    if name == "all":
        return [d for _, d in all_derivations()]
    topic = name.replace("-", "_")
    if topic in TOPICS:
        return topic_derivations(topic)
    found = [d for _, d in all_derivations() if d.name == name]
    if not found:
        from symconv.errors import SpecError

        raise SpecError("name", f"no derivation or topic named {name!r}", hint="see {all_derivations}")
    return found
